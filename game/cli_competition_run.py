"""What the competition commands do, once ``game.cli`` has parsed their arguments.

Every handler returns the exit status: 0; 1 when ``verify`` rejected or held a replay; 2
after one clear line about a bad argument or file. Never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from game.campaign.library import shipped_dir

if TYPE_CHECKING:
    from game.campaign.loader import LoadedCampaign
    from game.competition.handin import Handin
    from game.competition.settings import Competition
    from game.competition.store import Recorded, Results
    from game.competition.verify import Known, Outcome
    from game.engine import Game


def _fail(command: str, message: object) -> int:
    print(f"entente {command}: {message}", file=sys.stderr)
    return 2


def _is_shipped(name: str) -> bool:
    return not Path(name).is_file() and (shipped_dir() / f"{name}.yaml").is_file()


def run_competition_new(args: argparse.Namespace) -> int:
    """``entente competition new``: write a competition file."""
    from game.campaign.errors import CampaignInvalid
    from game.cli_common import load_argument, playable_state
    from game.competition.rules_file import read_rules_file
    from game.competition.settings import CompetitionError, make_competition, write_competition

    command = "competition new"
    loaded = load_argument(args.campaign)
    if loaded is None:
        return 2
    states = []
    for typed in args.states:
        state = playable_state(command, loaded.campaign, typed.strip())
        if state is None:
            return 2
        states.append(state)
    teacher = None
    if args.rules is not None:
        try:
            teacher = read_rules_file(args.rules)
        except CampaignInvalid as invalid:
            for error in invalid.errors:
                print(error, file=sys.stderr)
            return 2
    hint = None
    if not _is_shipped(args.campaign):
        # Remembered relative to the competition file, so the two can move together.
        source = Path(args.campaign).resolve()
        hint = os.path.relpath(source, args.out.resolve().parent)
    try:
        competition = make_competition(
            loaded,
            states,
            args.seeds,
            args.doctrine,
            teacher.rules if teacher else None,
            args.title or (teacher.title if teacher else None),
            args.deadline or (teacher.deadline if teacher else None),
            args.ident,
            hint,
        )
        write_competition(competition, args.out)
    except CompetitionError as error:
        return _fail(command, error)
    except OSError as error:
        return _fail(command, f"--out {args.out}: {error.strerror or error}")
    print(f"Wrote {args.out}: competition {competition.id}.")
    print(describe(competition))
    print(f'Students play it with: entente play --competition {args.out} --name "Their Name"')
    return 0


def describe(c: Competition) -> str:
    """A competition's settings, a few lines for a teacher."""
    rules = c.rules
    lines = [
        f"  title: {c.title}",
        f"  campaign: {c.campaign_id} v{c.campaign_version} "
        f"(fingerprint {c.campaign_fingerprint[:12]}...)",
        f"  deadline: {c.deadline or 'none'}",
        f"  turn limit: {rules.turn_limit or 'the campaign length'}",
        "  allowed orders: "
        + ("all" if rules.allowed_orders is None else ", ".join(rules.allowed_orders) or "none"),
        "  scoring: "
        + (
            "the campaign's"
            if rules.scoring is None
            else ", ".join(f"{k} x{v:g}" for k, v in rules.scoring.model_dump().items())
        ),
        f"  rounds ({len(c.rounds)}):",
    ]
    lines += [
        f"    {r.id}: {r.state}, seed {r.seed}, doctrine "
        + (r.doctrine or "the campaign's own").replace("_", " ")
        for r in c.rounds
    ]
    lines.append(f"  fingerprint: {c.fingerprint}")
    return "\n".join(lines)


def run_competition_show(args: argparse.Namespace) -> int:
    """``entente competition show``: a competition file's settings."""
    from game.competition.settings import CompetitionError, read_competition

    try:
        competition = read_competition(args.file)
    except CompetitionError as error:
        return _fail("competition show", error)
    if args.json:
        print(json.dumps({**competition.body(), "fingerprint": competition.fingerprint}))
    else:
        print(f"{args.file}: competition {competition.id}")
        print(describe(competition))
    return 0


# -- the student's game ------------------------------------------------------------------
FIXED = (("player", "--as"), ("seed", "--seed"), ("doctrine", "--doctrine"))


def student_handin(command: str, args: argparse.Namespace) -> tuple[Handin, LoadedCampaign] | int:
    """The student's hand-in and the competition's campaign for ``play``/``simulate``
    ``--competition``; or the exit status after one line saying what is wrong."""
    from game.competition.campaigns import campaign_of
    from game.competition.handin import handin_for
    from game.competition.settings import CompetitionError, read_competition

    for attribute, flag in FIXED:
        value = getattr(args, attribute, None)
        simulate_default = command == "simulate" and attribute == "seed" and value == "entente"
        if value is not None and not simulate_default:
            return _fail(command, f"{flag}: the competition fixes it; leave it out")
    if getattr(args, "resume", False):
        return _fail(command, "--continue: a competition game continues by itself")
    if not args.name:
        return _fail(command, '--competition needs --name "Your Name"')
    try:
        competition = read_competition(args.competition)
        given = Path(args.campaign) if args.campaign and not _is_shipped(args.campaign) else None
        loaded = campaign_of(competition, args.competition, given)
        handin = handin_for(competition, args.round, args.name, args.team, args.handin)
    except CompetitionError as error:
        return _fail(command, error)
    return handin, loaded


def student_game(command: str, args: argparse.Namespace) -> tuple[Handin, Game, bool] | int:
    """The student's hand-in and game (continued: True), or the exit status."""
    from game.competition.settings import CompetitionError

    chosen = student_handin(command, args)
    if isinstance(chosen, int):
        return chosen
    handin, loaded = chosen
    try:
        game, resumed = handin.start(loaded, restart=args.restart)
    except CompetitionError as error:
        return _fail(command, error)
    except OSError as error:
        return _fail(command, f"{error.filename or handin.folder}: {error.strerror or error}")
    return handin, game, resumed


def no_competition_flags(command: str, args: argparse.Namespace) -> int | None:
    """Exit status 2 when a student's option is given without ``--competition``."""
    for flag in ("name", "team", "round", "handin", "restart", "title_screen"):
        if getattr(args, flag, None):
            shown = flag.replace("_", "-")
            return _fail(command, f"--{shown} goes with --competition FILE")
    return None


def play_competition(args: argparse.Namespace) -> int:
    """``entente play --competition``: the student's game in the terminal (or, with
    ``--title-screen``, the title screen first, whose New game starts or continues it)."""
    if args.title_screen:
        if args.restart:
            return _fail("play", "--restart: not with --title-screen")
        ready = student_handin("play", args)
        if isinstance(ready, int):
            return ready
        from game.ui.app import EntenteApp

        handin, loaded = ready
        EntenteApp(loaded, handin=handin, start="title").run()
        return 0
    chosen = student_game("play", args)
    if isinstance(chosen, int):
        return chosen
    handin, game, resumed = chosen
    from game.ui.app import EntenteApp

    EntenteApp(game.loaded, handin=handin, game=game, fresh=not resumed, start="game").run()
    return 0


def simulate_competition(args: argparse.Namespace) -> int:
    """``entente simulate --competition``: a scripted player plays a student's game."""
    chosen = student_game("simulate", args)
    if isinstance(chosen, int):
        return chosen
    handin, game, _ = chosen
    from game.cli_common import print_headless, unknown_choice

    wrong_choice = unknown_choice(game.campaign, args.choose)
    if wrong_choice is not None:
        return _fail("simulate", wrong_choice)

    try:
        print_headless(game, args, after_turn=handin.save)
        handin.save(game)
    except OSError as error:
        return _fail("simulate", f"{handin.folder}: {error.strerror or error}")
    print(f"Replay: {handin.replay_path}", file=sys.stderr)
    return 0


# -- the teacher's side --------------------------------------------------------------------
def _stored_campaign(competition: Competition, path: str, given: Path | None) -> LoadedCampaign:
    """A recorded competition's campaign: the file named, else the file recorded with it
    (if it is still that version), else wherever :func:`campaign_of` finds it."""
    from game.campaign.errors import CampaignInvalid
    from game.campaign.loader import load_campaign
    from game.competition.campaigns import campaign_of, matches

    if given is None and Path(path).is_file():
        try:
            loaded = load_campaign(path)
        except CampaignInvalid:
            loaded = None
        if loaded is not None and matches(competition, loaded):
            return loaded
    return campaign_of(competition, None, given)


def _known(args: argparse.Namespace, results: Results) -> tuple[dict[str, Known], str | None]:
    """The competitions ``verify`` knows: the one named (recorded in the database first),
    and every one the database holds whose campaign can be found."""
    from game.competition.campaigns import campaign_of
    from game.competition.settings import CompetitionError, read_competition
    from game.competition.verify import known_from

    only = None
    if args.competition is not None:
        competition = read_competition(args.competition)
        loaded = campaign_of(competition, args.competition, args.campaign)
        results.register(competition, str(Path(loaded.source).resolve()))
        only = competition.id
    known: dict[str, Known] = {}
    for competition, path in results.competitions():
        try:
            loaded = _stored_campaign(competition, path, args.campaign)
        except CompetitionError as error:
            if competition.id == only:
                raise
            print(f"entente verify: competition {competition.id}: {error}", file=sys.stderr)
            continue
        known[competition.id] = known_from(competition, loaded)
    return known, only


def outcome_line(outcome: Outcome, recorded: Recorded) -> str:
    """One line per replay: the file, what became of it, and why."""
    from game.competition.store import Recorded
    from game.competition.verify import Status

    who = ""
    if outcome.name is not None:
        team = f" (team {outcome.team})" if outcome.team else ""
        who = f"{outcome.name}{team}, round {outcome.round}"
    if outcome.status is Status.rejected:
        return f"{outcome.path}: rejected: {outcome.detail}"
    if recorded is Recorded.held:
        return (
            f"{outcome.path}: held: {who}: a different replay is already recorded; "
            "pass --replace to replace it"
        )
    what = (
        f"score {outcome.total}, grade {outcome.grade}"
        if outcome.status is Status.verified
        else outcome.detail
    )
    return f"{outcome.path}: {outcome.status.value}: {who}: {what} ({recorded.value})"


def run_verify(args: argparse.Namespace) -> int:
    """``entente verify``: re-simulate replays, record verified scores."""
    from dataclasses import asdict

    from game.competition.settings import CompetitionError
    from game.competition.store import Recorded, open_results
    from game.competition.verify import Status, verify_all

    missing = [p for p in args.paths if not p.exists()]
    if missing:
        return _fail("verify", f"{missing[0]}: no such file or folder")
    try:
        results = open_results(args.db)
    except CompetitionError as error:
        return _fail("verify", error)
    counts: dict[str, int] = {}
    with results:
        try:
            known, only = _known(args, results)
        except CompetitionError as error:
            return _fail("verify", error)
        for outcome in verify_all(args.paths, known, only, args.jobs):
            recorded = results.record(outcome, replace=args.replace)
            key = "held" if recorded is Recorded.held else outcome.status.value
            counts[key] = counts.get(key, 0) + 1
            if args.json:
                data = {k: v for k, v in asdict(outcome).items() if k != "replay"}
                print(json.dumps({**data, "recorded": recorded.value}, sort_keys=True))
            else:
                print(outcome_line(outcome, recorded))
            sys.stdout.flush()  # each line means: recorded, whatever happens next
    total = sum(counts.values())
    parts = [
        f"{counts[k]} {k}" for k in ("verified", "unfinished", "rejected", "held") if counts.get(k)
    ]
    summary = f"{total} replay{'s' if total != 1 else ''}: " + (", ".join(parts) or "none found")
    if args.json:
        print(json.dumps({"summary": True, "replays": total, **counts}, sort_keys=True))
    else:
        print(summary, file=sys.stderr)
    return 1 if counts.get(Status.rejected.value) or counts.get("held") else 0


def _board_competition(args: argparse.Namespace, results: Results) -> Competition:
    """The competition a leaderboard or export is about: an id, a file, or the only one."""
    from game.competition.settings import read_competition

    named = args.competition
    if named is not None and Path(named).is_file():
        named = read_competition(named).id
    return results.competition(named)


def run_leaderboard(args: argparse.Namespace) -> int:
    """``entente leaderboard``: rank the verified scores."""
    from game.competition.board_formats import as_csv, as_json, as_markdown, as_table
    from game.competition.board_html import as_html
    from game.competition.leaderboard import build
    from game.competition.settings import CompetitionError
    from game.competition.store import open_results

    form = "json" if args.json else args.format
    try:
        with open_results(args.db) as results:
            competition = _board_competition(args, results)
            board = build(competition, results.current(competition.id))
    except CompetitionError as error:
        return _fail("leaderboard", error)
    writers = {
        "table": as_table,
        "csv": as_csv,
        "md": as_markdown,
        "json": as_json,
        "html": as_html,
    }
    text = writers[form](board)
    if args.out is None:
        sys.stdout.write(text)
        return 0
    from game.engine import write_atomic

    try:
        write_atomic(args.out, text)
    except OSError as error:
        return _fail("leaderboard", f"--out {args.out}: {error.strerror or error}")
    print(f"Wrote {args.out}.", file=sys.stderr)
    return 0


def run_export(args: argparse.Namespace) -> int:
    """``entente export``: timelines per student and a class summary."""
    from game.competition.export import export
    from game.competition.leaderboard import build
    from game.competition.settings import CompetitionError
    from game.competition.store import open_results

    try:
        with open_results(args.db) as results:
            competition = _board_competition(args, results)
            submissions = results.current(competition.id)
            stored = {c.id: p for c, p in results.competitions()}[competition.id]
        loaded = _stored_campaign(competition, stored, args.campaign)
        board = build(competition, submissions)
        written = export(board, submissions, loaded, args.out)
    except CompetitionError as error:
        return _fail("export", error)
    except OSError as error:
        return _fail("export", f"--out {args.out}: {error.strerror or error}")
    students = len(written) // 2
    print(f"Wrote {len(written)} files to {args.out}: {students} students and class-summary.md.")
    return 0


# -- the browser server -------------------------------------------------------------------
def run_serve(args: argparse.Namespace) -> int:
    """``entente serve``: the class in the browser."""
    import asyncio

    from game.competition.campaigns import campaign_of
    from game.competition.settings import CompetitionError, read_competition
    from game.competition.store import open_results
    from game.web.security import is_loopback, new_token, token_problem
    from game.web.server import ClassServer, ServeSettings

    command = "serve"
    if not 0 <= args.port <= 65535:
        return _fail(command, f"--port {args.port}: a port is 0 to 65535")
    if args.max_sessions < 1:
        return _fail(command, f"--max-sessions {args.max_sessions}: must be at least 1")
    if not args.idle_minutes > 0:
        return _fail(command, f"--idle-minutes {args.idle_minutes:g}: must be more than 0")
    for flag, value in (("--token", args.token), ("--admin-token", args.admin_token)):
        problem = token_problem(value) if value is not None else None
        if problem:
            return _fail(command, f"{flag}: {problem}")
    competition = loaded = None
    if args.competition is not None:
        try:
            competition = read_competition(args.competition)
            loaded = campaign_of(competition, args.competition, args.campaign)
            with open_results(args.db) as results:
                results.register(competition, str(Path(loaded.source).resolve()))
        except CompetitionError as error:
            return _fail(command, error)
    elif args.campaign is not None:
        return _fail(command, "--campaign goes with --competition FILE")
    settings = ServeSettings(
        host=args.host,
        port=args.port,
        token=args.token or new_token(),
        admin_token=args.admin_token or new_token(),
        max_sessions=args.max_sessions,
        idle_seconds=args.idle_minutes * 60,
        competition=competition,
        competition_path=args.competition.resolve() if args.competition else None,
        campaign=loaded,
        db=args.db,
    )
    server = ClassServer(settings)

    def ready(port: int) -> None:
        shown = args.host if is_loopback(args.host) else _address_for(args.host)
        base = f"http://{shown}:{port}"
        if not is_loopback(args.host):
            print(
                f"entente serve: WARNING: listening on {args.host}, not only on this machine: "
                "anyone on the network with the class URL can play. Share it with the class "
                "only.",
                file=sys.stderr,
            )
        what = f"competition {competition.id}" if competition else "free play"
        print(f"Serving Entente ({what}), at most {settings.max_sessions} games at once.")
        print(f"Class URL:   {base}/?token={settings.token}")
        print(f"Teacher URL: {base}/teacher?token={settings.token}&admin={settings.admin_token}")
        print("Press Ctrl+C to stop the server and every game.")
        sys.stdout.flush()

    try:
        stopped = asyncio.run(server.run(ready))
    except OSError as error:
        return _fail(command, f"--host {args.host} --port {args.port}: {error.strerror or error}")
    print(f"Stopped: {stopped} game{'s' if stopped != 1 else ''} closed.")
    return 0


def _address_for(host: str) -> str:
    """The address to print for a server listening on ``host`` (this machine's own name
    for the wildcard address)."""
    import socket

    if host in ("0.0.0.0", "::", ""):
        return socket.gethostname()
    return host
