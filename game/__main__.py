"""``python -m game`` runs the ``entente`` command."""

from game.cli import entry

entry()
