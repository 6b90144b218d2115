"""``python -m corpuslab``: the command line."""

from corpuslab.cli import main

raise SystemExit(main())
