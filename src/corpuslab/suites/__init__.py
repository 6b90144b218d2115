"""The default expectation suites, one JSON file per table; ``corpuslab suites init DIR`` copies them out."""
