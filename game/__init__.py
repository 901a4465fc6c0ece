"""Entente: a terminal strategy game about alliances and the balance of threat."""

__version__ = "0.1.0"
