"""The campaigns that ship with the game, installed as the package ``game.campaigns``.

This file makes the folder a regular package, which setuptools' editable install
(``pip install -e .``) needs to map ``game.campaigns`` onto it. The campaigns are read
with ``importlib.resources``: see ``game/campaign/library.py``.
"""
