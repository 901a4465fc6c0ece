"""One screen per file, one per phase of the game."""
