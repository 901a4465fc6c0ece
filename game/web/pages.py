"""The server's HTML pages: the student's name form, the game page, the teacher's page and
the refusals. Plain strings with every value escaped; no template engine, no scripts but
textual-serve's terminal, nothing fetched from another site (its fonts come from this
server too)."""

from __future__ import annotations

from html import escape

from game.competition.settings import Competition

STYLE = """
body { font-family: system-ui, sans-serif; background: #0c181f; color: #eee; margin: 0; }
main { max-width: 36em; margin: 10vh auto; padding: 2em; background: #12232d; }
h1 { font-size: 1.4em; } label { display: block; margin: 1em 0 .3em; }
input, select { font-size: 1.1em; padding: .4em; width: 100%; box-sizing: border-box; }
button { margin-top: 1.5em; font-size: 1.1em; padding: .6em 2em; background: #5e0ba7;
         color: #fff; border: none; cursor: pointer; }
.note { color: #bbb; font-size: .9em; } .error { color: #ff8080; }
"""


def _page(title: str, body: str, style: str = STYLE, head: str = "") -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{style}</style>{head}</head>"
        f"<body>{body}</body></html>\n"
    )


def refusal(status: int, message: str) -> str:
    """A page that says no, and why."""
    return _page(f"Entente: {status}", f"<main><h1>{status}</h1><p>{escape(message)}</p></main>")


def name_form(competition: Competition, error: str | None = None) -> str:
    """The student's first page in a competition: name, team, round."""
    due = f"<p class='note'>Due {escape(competition.deadline)}.</p>" if competition.deadline else ""
    rounds = ""
    if len(competition.rounds) > 1:
        options = "".join(
            f"<option value='{escape(r.id)}'>Round {escape(r.id)}: {escape(r.state)}</option>"
            for r in competition.rounds
        )
        rounds = (
            f"<label for='round'>Round</label><select id='round' name='round'>{options}</select>"
        )
    problem = f"<p class='error' id='error'>{escape(error)}</p>" if error else ""
    body = (
        f"<main><h1>{escape(competition.title)}</h1>{due}{problem}"
        "<form method='post' action='/play'>"
        "<label for='name'>Your name, as your teacher will see it</label>"
        "<input id='name' name='name' maxlength='60' required autofocus>"
        "<label for='team'>Your team (if your class has teams)</label>"
        "<input id='team' name='team' maxlength='60'>"
        f"{rounds}<button type='submit' id='start'>Play</button></form>"
        "<p class='note'>Your game is saved after every turn: if you close this page, "
        "open it again with the same name to go on.</p></main>"
    )
    return _page(competition.title, body)


GAME_STYLE = """
@font-face { font-family: "Roboto Mono";
             src: url("/static/fonts/RobotoMono-VariableFont_wght.ttf"); }
body { background: #0c181f; margin: 0; }
#terminal { position: absolute; inset: 0; }
.ended { display: none; position: absolute; inset: 0; align-items: center;
         justify-content: center; color: #eee; font-family: system-ui, sans-serif; }
body.-closed .ended { display: flex; }
"""


def game_page(title: str, websocket_url: str) -> str:
    """The page that runs one game: textual-serve's terminal on this session's websocket."""
    head = (
        '<link rel="stylesheet" href="/static/css/xterm.css">'
        '<script src="/static/js/textual.js"></script>'
    )
    body = (
        "<div class='ended'><p>Session ended. Your game is saved: reload this page's "
        "first address to go on.</p></div>"
        f"<div id='terminal' class='textual-terminal' "
        f"data-session-websocket-url='{escape(websocket_url)}' data-font-size='16'></div>"
    )
    return _page(title, body, GAME_STYLE, head)


def teacher_page(board_html: str, sessions: list[dict[str, object]]) -> str:
    """The leaderboard page, with the sessions running now, refreshed every 10 s."""
    rows = "".join(
        "<tr>"
        + "".join(
            f"<td>{escape(str(s.get(k, '')))}</td>" for k in ("name", "team", "idle", "rss_mb")
        )
        + "</tr>"
        for s in sessions
    )
    live = (
        f"<h2>Playing now ({len(sessions)})</h2><table id='sessions'><tr><th>name</th>"
        f"<th>team</th><th>idle s</th><th>memory MB</th></tr>{rows}</table>"
    )
    refresh = '<meta http-equiv="refresh" content="10">'
    return board_html.replace("<title>", refresh + "<title>", 1).replace(
        "<footer>", live + "<footer>", 1
    )
