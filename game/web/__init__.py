"""``entente serve``: a class plays in the browser, on the teacher's machine, locked down.

Built on textual-serve's process bridge (``AppService``: one game process per browser
session, its terminal carried over a websocket) with the doors textual-serve leaves open
closed: a token on the page and on the websocket, an Origin check, a session cap, idle
timeouts, reaping of dead processes, loopback unless told otherwise. With a competition,
the page asks for the student's name and every replay goes into the teacher's results
database through the same verification as ``entente verify``.

- :mod:`game.web.security`: tokens and the Origin check;
- :mod:`game.web.sessions`: the running game processes, capped and reaped;
- :mod:`game.web.pages`: the HTML pages;
- :mod:`game.web.collect`: replays into the results database;
- :mod:`game.web.server`: the aiohttp application and its life cycle.

Nothing here imports textual: the game runs in its own processes.
"""
