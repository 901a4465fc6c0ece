"""The command line of classroom competitions: ``competition new|show``, ``verify``,
``leaderboard``, ``export``, and the competition options of ``play`` and ``simulate``.

Like ``game.cli``, this module imports only the standard library: the parser answers
``--help`` at once. The handlers live in ``game.cli_competition_run``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from game.paths import output_file
from game.vocabulary import BOARD_FORMATS, DOCTRINES

Handler = Callable[[str], Callable[[argparse.Namespace], int]]


def text_value(what: str) -> Callable[[str], str]:
    """An argument that must hold some text (a name, a seed)."""

    def parse(text: str) -> str:
        if not text.strip():
            raise argparse.ArgumentTypeError(f"{what} cannot be empty")
        return text

    return parse


MAX_JOBS = 61
"""The most worker processes a command starts: each is a whole interpreter, and thousands
of them take a machine longer to start than the work takes (61: what a process pool takes
on Windows)."""


def worker_count(text: str) -> int:
    """``--jobs``: 0 (one per core) to MAX_JOBS worker processes."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if not 0 <= value <= MAX_JOBS:
        raise argparse.ArgumentTypeError(
            f"must be from 0 (one per core) to {MAX_JOBS}, got {value}"
        )
    return value


def add_student_options(command: argparse.ArgumentParser, playing: bool = False) -> None:
    """``--competition FILE --name N [--team T] [--round R] [--handin DIR] [--restart]``,
    and for ``play`` (``playing``) ``--title-screen``."""
    group = command.add_argument_group("competition (a class's fixed game)")
    group.add_argument(
        "--competition",
        metavar="FILE",
        type=Path,
        help="play the competition in FILE: its campaign, state, seed and doctrine are fixed",
    )
    group.add_argument(
        "--name", type=text_value("--name"), help="your name, as the teacher will see it"
    )
    group.add_argument(
        "--team", type=text_value("--team"), help="your team, if the class has teams"
    )
    group.add_argument(
        "--round", metavar="R", help="the round to play, when the competition has several"
    )
    group.add_argument(
        "--handin",
        metavar="DIR",
        type=Path,
        help="the folder your replay and debrief are written to (default: the game's data "
        "folder, competitions/ID)",
    )
    group.add_argument(
        "--restart",
        action="store_true",
        help="start your game over; the new replay counts it as another attempt",
    )
    if playing:
        group.add_argument(
            "--title-screen",
            action="store_true",
            help="open the title screen first, where New game starts or continues your game "
            "(as the browser server does)",
        )


def _add_competition(commands: argparse._SubParsersAction, handler: Handler) -> None:
    competition = commands.add_parser(
        "competition",
        help="make or read a classroom competition file",
        description="A competition fixes one game for a whole class: campaign, state, seed, "
        "doctrine and rules, in a small file with its own fingerprint.",
    )
    sub = competition.add_subparsers(dest="competition_command", metavar="COMMAND", required=True)
    new = sub.add_parser(
        "new",
        help="write a competition file",
        description="Write a competition file for a class. Each --as and --seed adds rounds: "
        "one round per state and seed, numbered from 1.",
    )
    new.add_argument("--campaign", required=True, metavar="ID|FILE", help="campaign id or file")
    new.add_argument(
        "--as",
        dest="states",
        action="append",
        required=True,
        metavar="STATE",
        help="the state students play (repeat for rounds as several states)",
    )
    new.add_argument(
        "--seed",
        dest="seeds",
        action="append",
        required=True,
        type=text_value("--seed"),
        metavar="S",
        help="the seed (repeat for rounds with several seeds)",
    )
    new.add_argument("--doctrine", choices=DOCTRINES, help="the computer-run states' doctrine")
    new.add_argument(
        "--rules",
        type=Path,
        metavar="FILE",
        help="a YAML rules file: title, deadline, turn_limit, allowed_orders or "
        "forbidden_orders, scoring weights",
    )
    new.add_argument("--deadline", metavar="DATE", help="when replays are due: YYYY-MM-DD [HH:MM]")
    new.add_argument("--title", type=text_value("--title"), help="the title students see")
    new.add_argument(
        "--id",
        dest="ident",
        metavar="ID",
        help="the competition's id (letters, digits, _; default: the campaign's id and a digest)",
    )
    new.add_argument(
        "--out", required=True, type=output_file, metavar="FILE", help="the file to write"
    )
    new.set_defaults(handler=handler("run_competition_new"))
    show = sub.add_parser(
        "show",
        help="print a competition file's settings (and check its fingerprint)",
        description="Print a competition file's settings; a file changed after it was made "
        "is refused.",
    )
    show.add_argument("file", type=Path, metavar="FILE")
    show.add_argument("--json", action="store_true", help="print the settings as JSON")
    show.set_defaults(handler=handler("run_competition_show"))


def _db(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help="the results database (default: results.sqlite3 in the game's data folder)",
    )


def _add_verify(commands: argparse._SubParsersAction, handler: Handler) -> None:
    verify = commands.add_parser(
        "verify",
        help="re-simulate students' replays and record their verified scores",
        description="Re-simulate every replay (files, or folders of them) under its "
        "competition's settings, in parallel over the cores, and record the verified score "
        "in the results database. A rejected replay gets one line saying why; an unfinished "
        "game is recorded but not ranked. The same replay twice changes nothing; another "
        "replay of the same student and round replaces theirs only with --replace. Exits "
        "with 1 when a replay was rejected or held, 2 on bad arguments.",
    )
    verify.add_argument("paths", nargs="+", type=Path, metavar="REPLAY_OR_FOLDER")
    verify.add_argument(
        "--competition",
        type=Path,
        metavar="FILE",
        help="the competition file (recorded in the database; only its games are accepted); "
        "without it, the competitions already recorded",
    )
    verify.add_argument(
        "--campaign",
        type=Path,
        metavar="FILE",
        help="the campaign file, for a campaign that does not ship with the game",
    )
    _db(verify)
    verify.add_argument(
        "--replace",
        action="store_true",
        help="let a student's new replay replace the one recorded",
    )
    verify.add_argument(
        "--jobs",
        type=worker_count,
        default=0,
        metavar="N",
        help=f"worker processes, at most {MAX_JOBS} (default: one per core)",
    )
    verify.add_argument("--json", action="store_true", help="print one JSON object per replay")
    verify.set_defaults(handler=handler("run_verify"))


def _competition_id(command: argparse.ArgumentParser, required: bool) -> None:
    command.add_argument(
        "--competition",
        required=required,
        metavar="ID|FILE",
        help="the competition's id, or its file"
        + ("" if required else " (default: the only one recorded)"),
    )


def _add_leaderboard(commands: argparse._SubParsersAction, handler: Handler) -> None:
    board = commands.add_parser(
        "leaderboard",
        help="rank the verified scores of a competition",
        description="Rank students (and teams, by the mean of their members) by verified "
        "score. Equal scores share a rank (written 2=).",
    )
    _competition_id(board, required=False)
    _db(board)
    board.add_argument(
        "--format", choices=BOARD_FORMATS, default="table", help="how to write it (default: table)"
    )
    board.add_argument("--json", action="store_true", help="the same as --format json")
    board.add_argument(
        "--out", type=output_file, metavar="FILE", help="write to FILE instead of printing"
    )
    board.set_defaults(handler=handler("run_leaderboard"))


def _add_export(commands: argparse._SubParsersAction, handler: Handler) -> None:
    export = commands.add_parser(
        "export",
        help="write each student's decision timeline and a class summary, for grading",
        description="Write, per student, every order and choice by turn with the threat they "
        "faced and the AI's reason for each alignment change (Markdown and CSV), and a class "
        "summary: the choices most students made, and where the best and worst games diverged.",
    )
    _competition_id(export, required=True)
    export.add_argument("--out", required=True, type=Path, metavar="DIR", help="the folder")
    export.add_argument(
        "--campaign", type=Path, metavar="FILE", help="the campaign file, if it is not shipped"
    )
    _db(export)
    export.set_defaults(handler=handler("run_export"))


def _add_serve(commands: argparse._SubParsersAction, handler: Handler) -> None:
    serve = commands.add_parser(
        "serve",
        help="serve the game to a class's browsers, locked down",
        description="Serve the game to browsers (textual-serve), one game process per "
        "session. Only pages and websockets that carry the class token are served; the "
        "websocket must come from the class page (Origin); sessions are capped and idle ones "
        "closed. With --competition, the page asks for the student's name and every replay "
        "is verified into the results database as `entente verify` does. Binds to 127.0.0.1 "
        "unless --host says otherwise. Ctrl+C stops the server and every game.",
    )
    serve.add_argument("--competition", type=Path, metavar="FILE", help="the competition file")
    serve.add_argument(
        "--campaign", type=Path, metavar="FILE", help="the campaign file, if it is not shipped"
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="the address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 for "
        "the local network)",
    )
    serve.add_argument("--port", type=int, default=8000, help="the port (default: 8000; 0: any)")
    serve.add_argument(
        "--max-sessions",
        type=int,
        default=40,
        metavar="N",
        help="the most games running at once (default: 40)",
    )
    serve.add_argument(
        "--idle-minutes",
        type=float,
        default=30.0,
        metavar="M",
        help="close a game nobody has touched for M minutes (default: 30; it is saved)",
    )
    serve.add_argument(
        "--token", help="the class token (default: a new random one, printed in the class URL)"
    )
    serve.add_argument(
        "--admin-token", help="the teacher's token for /teacher (default: a new random one)"
    )
    _db(serve)
    serve.set_defaults(handler=handler("run_serve"))


def add_commands(commands: argparse._SubParsersAction, handler: Handler) -> None:
    """Add the competition commands (and ``serve``) to the ``entente`` parser."""
    for add in (_add_competition, _add_verify, _add_leaderboard, _add_export, _add_serve):
        add(commands, handler)
