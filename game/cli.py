"""The ``entente`` command: parses arguments and hands them to ``game.cli_run``.

This module imports nothing heavy (no pydantic, numpy or textual): ``entente --help`` and
``entente --version`` answer from the parser alone. What each command does lives in
``game.cli_run``, imported once the arguments are known to be good.
"""

from __future__ import annotations

import argparse
import errno
import os
import re
import sys
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from game import __version__
from game.campaign.library import DEFAULT_CAMPAIGN
from game.cli_competition import MAX_JOBS, add_commands, add_student_options, worker_count
from game.paths import output_file
from game.vocabulary import DOCTRINES, POLICIES, POLICY_HELP

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

_WHOLE = re.compile(r"[+-]?[0-9]+")
_MAX_DIGITS = 9
"""No count or year the command line takes needs more digits than this."""
_SHOWN = 24
"""At most this many characters of a bad argument are echoed back."""


def shown(text: str) -> str:
    """``text`` as an error message may quote it: short, on one line."""
    text = text.replace("\n", " ")
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def whole_number(text: str) -> int:
    """An argument that must be a whole number; a huge one is refused without echoing it."""
    text = text.strip()
    if not _WHOLE.fullmatch(text):
        raise argparse.ArgumentTypeError(f"'{shown(text)}' is not a whole number")
    digits = len(text.lstrip("+-"))
    if digits > _MAX_DIGITS:
        raise argparse.ArgumentTypeError(f"a number of {digits} digits is too large")
    return int(text)


def positive(text: str) -> int:
    """A whole number of at least 1."""
    value = whole_number(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def poles(text: str) -> list[int]:
    """Comma-separated COW state codes."""
    try:
        return [whole_number(part) for part in text.split(",") if part.strip()]
    except argparse.ArgumentTypeError:
        raise argparse.ArgumentTypeError(
            f"'{shown(text)}' is not a comma-separated list of COW codes, e.g. 2,365"
        ) from None


def choice(text: str) -> tuple[str, int]:
    """``EVENT=N``: option N (1-based) of the event, forced the first time it asks."""
    event, equals, number = text.partition("=")
    if not equals or not event.strip() or not number.strip().isdigit() or int(number) < 1:
        raise argparse.ArgumentTypeError(
            f"expected EVENT=N, an event id and an option number from 1, got {shown(text)}"
        )
    return event.strip(), int(number) - 1


def state_id(text: str) -> str:
    """A state's id as typed after ``--as`` (its case is settled once the campaign loads)."""
    text = text.strip()
    if not text:
        raise argparse.ArgumentTypeError("name a state, e.g. --as KAR")
    return text


class _Parser(argparse.ArgumentParser):
    """An argument parser whose help and usage output can fail like any other output.

    ``argparse`` silently drops a message it cannot write, so ``entente --help`` to a full
    disk would report success; here the error reaches :func:`main`, which says so.
    """

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        if message:
            (file or sys.stderr).write(message)


def _handler(name: str, module: str = "cli_run") -> Callable[[argparse.Namespace], int]:
    """A command's handler, imported from ``game.cli_run`` (or another ``game`` module)
    only when it runs."""

    def run(args: argparse.Namespace) -> int:
        import importlib

        handler: Callable[[argparse.Namespace], int] = getattr(
            importlib.import_module(f"game.{module}"), name
        )
        return handler(args)

    return run


def _competition_handler(name: str) -> Callable[[argparse.Namespace], int]:
    return _handler(name, "cli_competition_run")


def _doctrine(command: argparse.ArgumentParser, **extra: object) -> None:
    command.add_argument(
        "--doctrine",
        choices=DOCTRINES,
        help="switch every computer-run state to this doctrine (the theory switch)",
        **extra,  # type: ignore[arg-type]
    )


def _player(command: argparse.ArgumentParser, help_text: str) -> None:
    command.add_argument("--as", dest="player", metavar="STATE", type=state_id, help=help_text)


def _add_play(commands: argparse._SubParsersAction) -> None:
    play = commands.add_parser(
        "play",
        help="play a campaign in the terminal",
        description="Play a campaign: a shipped campaign's id or a path to a YAML file.",
    )
    play.add_argument(
        "campaign",
        nargs="?",
        default=None,
        help=f"campaign id or file (default: {DEFAULT_CAMPAIGN})",
    )
    _player(play, "the state to play, any case (default: the campaign's default player)")
    play.add_argument(
        "--seed", metavar="S", help="the seed of the game's random generator (default: a new one)"
    )
    _doctrine(play)
    play.add_argument(
        "--continue",
        dest="resume",
        action="store_true",
        help="continue the most recent autosave of this campaign (and state, with --as); "
        "without one, start a new game",
    )
    play.add_argument(
        "--watch",
        action="store_true",
        help="for authors: watch the campaign's files and, whenever one is saved, reload it "
        "and replay your decisions so far to the same turn (where one no longer fits, as far "
        "as they go, saying why); a campaign that does not load shows its errors as "
        "FILE:LINE:COL while the game goes on. Not with --continue or --competition",
    )
    add_student_options(play, playing=True)
    play.set_defaults(handler=_handler("run_play"), refuse=_play_conflicts(play))


def _play_conflicts(play: argparse.ArgumentParser) -> Callable[[argparse.Namespace], None]:
    """A check of ``entente play``'s options together: ``--watch`` plays a new game of the
    file being edited, so it refuses a saved game (``--continue``) and a competition's fixed
    one, as a usage error (status 2)."""

    def refuse(args: argparse.Namespace) -> None:
        if not args.watch:
            return
        if args.resume:
            play.error("--watch: not with --continue (watch mode starts a new game of the file)")
        if args.competition is not None:
            play.error("--watch: not with --competition (a competition's game is fixed)")

    return refuse


def _add_validate(commands: argparse._SubParsersAction) -> None:
    validate = commands.add_parser(
        "validate",
        help="check campaign files and report every error",
        description="Check campaigns: files, or the ids of shipped campaigns. Prints one line "
        "per valid campaign; for an invalid one prints every error as FILE:LINE:COL: path: "
        "message and exits with 2.",
    )
    validate.add_argument(
        "files", nargs="+", metavar="FILE", help="campaign YAML files or shipped campaign ids"
    )
    validate.add_argument(
        "--strict",
        action="store_true",
        help="also warn, as FILE:LINE:COL, about conditions that can never hold where they "
        "stand and the guide's checklist (hints, dossiers, weight notes); exit 1 on a warning",
    )
    validate.set_defaults(handler=_handler("run_validate"))


def _add_schema(commands: argparse._SubParsersAction) -> None:
    schema = commands.add_parser(
        "schema",
        help="print the campaign format's JSON Schema",
        description="Print the JSON Schema generated from the campaign models, for editor "
        "completion (yaml-language-server).",
    )
    schema.add_argument(
        "--out",
        metavar="FILE",
        type=output_file,
        help="write the schema to FILE instead of printing it",
    )
    schema.add_argument(
        "--part",
        action="store_true",
        help="the schema of a file a campaign includes (states, alliances, eras, history, "
        "sources, flags, effect_groups) instead of a whole campaign's",
    )
    schema.set_defaults(handler=_handler("run_schema"))


class _LinesFormatter(argparse.HelpFormatter):
    """Help that keeps an option's own line breaks (one line per choice), each line
    wrapped to the terminal and its continuation indented."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        if "\n" not in text:
            return super()._split_lines(text, width)
        return [
            wrapped
            for line in text.splitlines()
            for wrapped in textwrap.wrap(" ".join(line.split()), width, subsequent_indent="  ")
        ]


def _add_simulate(commands: argparse._SubParsersAction) -> None:
    simulate = commands.add_parser(
        "simulate",
        formatter_class=_LinesFormatter,
        help="play a campaign headless with a scripted player",
        description="Play a campaign with a scripted player policy and print what happened: "
        "a readable summary, or with --json one JSON object per turn (each state's bloc "
        "among them) and a final summary line (JSON Lines). With --history, the game's "
        "blocs beside the real ones (ATOP 5.1, Leeds et al. 2002) year by year, after the "
        "summary.",
    )
    simulate.add_argument(
        "campaign",
        nargs="?",
        help="campaign id or file (with --competition, the competition's campaign)",
    )
    _player(simulate, "the state the policy plays, any case (default: the campaign's default)")
    simulate.add_argument(
        "--seed", metavar="S", default="entente", help="the seed (default: entente)"
    )
    simulate.add_argument(
        "--policy",
        choices=POLICIES,
        default="passive",
        help="the scripted player (default: passive):\n"
        + "\n".join(f"{name}: {how}" for name, how in POLICY_HELP.items()),
    )
    _doctrine(simulate)
    simulate.add_argument(
        "--turns", type=positive, metavar="N", help="stop after N turns (default: play to the end)"
    )
    simulate.add_argument(
        "--choose",
        type=choice,
        action="append",
        default=[],
        metavar="EVENT=N",
        help="take option N (from 1) the first time EVENT asks, whatever the policy would; "
        "repeat for several events",
    )
    simulate.add_argument("--json", action="store_true", help="print JSON Lines")
    simulate.add_argument(
        "--history",
        action="store_true",
        help="then compare each year's blocs with the real ones (states with COW codes: the "
        "pole each really shared a defense or offense pact with, ATOP 5.1): the agreement "
        "(balanced accuracy) and every state's side; with --json, one last line",
    )
    simulate.add_argument(
        "--save",
        type=output_file,
        metavar="FILE",
        help="write the game's replay to FILE at the end",
    )
    add_student_options(simulate)
    simulate.set_defaults(handler=_handler("run_simulate"))


def _add_check(commands: argparse._SubParsersAction) -> None:
    check = commands.add_parser(
        "check",
        formatter_class=_LinesFormatter,
        help="play a campaign many times and report what never happens",
        description="Play a campaign many times, in parallel: a quick pass that forces every "
        "option of every event once, N seeded auto-plays over the playable states, policies "
        "and doctrines, and one probe per state under each doctrine. Reports how often each "
        "event fired and when, how often each option was taken, how each objective ended, "
        "the scores per state and policy, and the alignment timeline that differs most "
        "between doctrines; first what never happened, each with a command that replays it, "
        "and the static warnings (conditions that can never hold, the guide's checklist) as "
        "FILE:LINE:COL. Exits 1 when anything cannot be reached, 2 on bad input.",
    )
    check.add_argument("campaign", help="campaign id or file")
    check.add_argument(
        "--runs", type=positive, default=200, metavar="N", help="auto-plays (default: 200)"
    )
    check.add_argument(
        "--seed", metavar="S", default="check", help="the seed of every run (default: check)"
    )
    check.add_argument(
        "--as",
        dest="players",
        metavar="STATE",
        type=state_id,
        action="append",
        default=[],
        help="a playable state to play (repeat; default: every playable state)",
    )
    check.add_argument(
        "--policy",
        dest="policies",
        choices=POLICIES,
        action="append",
        default=[],
        help="a policy for the auto-plays (repeat; default: every policy):\n"
        + "\n".join(f"{name}: {how}" for name, how in POLICY_HELP.items()),
    )
    check.add_argument(
        "--doctrine",
        dest="doctrines",
        choices=DOCTRINES,
        action="append",
        default=[],
        help="a doctrine switch for the auto-plays (repeat; default: the campaign's own)",
    )
    check.add_argument(
        "--jobs",
        type=worker_count,
        metavar="J",
        help=f"worker processes, at most {MAX_JOBS} (default: one per core)",
    )
    check.add_argument(
        "--json", action="store_true", help="print one JSON object (docs/authoring.md section 10)"
    )
    check.set_defaults(handler=_handler("run_check", "cli_check"))


def _add_new(commands: argparse._SubParsersAction) -> None:
    new = commands.add_parser(
        "new",
        help="write a new campaign to start from",
        description="Write NAME.yaml, a small campaign that validates, plays and passes "
        "entente check as written (three states, two eras, an event with a choice and "
        "hints, objectives), and campaign.schema.json beside it for editor completion "
        "(the file's first line points to it). An existing file is never overwritten.",
    )
    new.add_argument("name", help="the campaign's name: its file is NAME.yaml, its id made from it")
    new.add_argument(
        "--dir", type=Path, default=Path("."), metavar="DIR", help="where to write (default: .)"
    )
    new.set_defaults(handler=_handler("run_new", "cli_check"))


def _add_history(commands: argparse._SubParsersAction) -> None:
    history = commands.add_parser(
        "history",
        help="check the engine against the alignments states really chose",
        description="The engine against history: real alignments from ATOP, predicted by "
        "the game's own alliance AI playing the years from the data of each year before.",
    )
    history_commands = history.add_subparsers(
        dest="history_command", metavar="COMMAND", required=True
    )
    check = history_commands.add_parser(
        "run",
        help="predict which pole each aligned state joined, and score it",
        description="The game's own alliance AI plays the period, one turn a year: each "
        "year's world is rebuilt from the data of the year before (COW capabilities, capitals, "
        "contiguity, MID disputes, arms races) and keeps the alliances the AI made, from none "
        "five years before the start. For every state-year in which a state has an ATOP "
        "defense or offense pact with exactly one of the poles, the prediction is the pole it "
        "is allied with in that world, directly or through its bloc; it is compared with "
        "baselines. Runs offline on data shipped with the game.",
    )
    check.add_argument("--start", type=whole_number, required=True, metavar="YEAR")
    check.add_argument("--end", type=whole_number, required=True, metavar="YEAR")
    check.add_argument(
        "--poles",
        type=poles,
        required=True,
        metavar="CODES",
        help="two or more COW state codes, e.g. 2,365 (USA, USSR)",
    )
    check.add_argument(
        "--split",
        type=whole_number,
        metavar="YEAR",
        help="first year of the second period (default: the middle year)",
    )
    _doctrine(check, default="balance_of_threat")
    check.add_argument(
        "--ideology",
        action="store_true",
        help="also report the variant with UN ideal points as ideology",
    )
    check.add_argument("--json", action="store_true", help="print one JSON object")
    check.add_argument(
        "--out",
        type=output_file,
        metavar="FILE.csv",
        help="write one row per state-year with the engine's reason and the factors behind it",
    )
    check.set_defaults(handler=_handler("run_history"))


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand (imports nothing beyond the standard
    library, so ``--help`` and ``--version`` are instant)."""
    parser = _Parser(
        prog="entente",
        description="Entente: a strategy game of alliances and the balance of threat. "
        "With no command, plays the default campaign.",
    )
    parser.add_argument("--version", action="version", version=f"entente {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for add in (
        _add_play,
        _add_validate,
        _add_schema,
        _add_simulate,
        _add_check,
        _add_new,
        _add_history,
    ):
        add(commands)
    add_commands(commands, _competition_handler)
    return parser


def undecodable_argument(argv: Sequence[str]) -> str | None:
    """A message naming the first argument that is not valid UTF-8, or None.

    On POSIX, Python keeps the bytes of such an argument as lone surrogates; a seed made of
    them could neither be printed nor saved, so the command refuses it up front.
    """
    for index, arg in enumerate(argv):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            if arg.startswith("--") and "=" in arg:
                where = arg.split("=", 1)[0]
            elif index > 0 and argv[index - 1].startswith("-"):
                where = argv[index - 1]
            else:
                where = f"argument {index + 1}"
            where = where.encode("utf-8", "replace").decode("utf-8")
            return f"entente: {where}: not valid UTF-8 text"
    return None


def _silence_stdout() -> None:
    """Point standard output at the null device, so the interpreter's last flush of
    whatever is still buffered cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _output_failed(error: OSError) -> int:
    """The output could not be written (a full disk, a closed device): one line, status 1."""
    _silence_stdout()
    reason = error.strerror or os.strerror(error.errno or errno.EIO)
    print(f"entente: cannot write the output: {reason}", file=sys.stderr)
    return 1


def _dispatch(argv: list[str]) -> int:
    """Parse ``argv`` and run its command (``entente`` alone opens the title screen)."""
    if not argv:
        from game.cli_run import run_title

        return run_title()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["play", *argv])
    refuse: Callable[[argparse.Namespace], None] | None = getattr(args, "refuse", None)
    if refuse is not None:
        refuse(args)  # options that parse one by one but not together: a usage error
    handler: Callable[[argparse.Namespace], int] = args.handler
    return handler(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    problem = undecodable_argument(argv)
    if problem is not None:
        print(problem, file=sys.stderr)
        return 2
    try:
        try:
            status = _dispatch(argv)
        except SystemExit as leaving:  # --help, --version and usage errors end here
            status = leaving.code if isinstance(leaving.code, int) else 2
        sys.stdout.flush()
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as a Unix filter does.
        _silence_stdout()
        return 0
    except OSError as error:
        if error.filename is None:
            return _output_failed(error)
        # A file the command did not expect to fail on: one line, never a traceback.
        print(f"entente: {error.filename}: {error.strerror or error}", file=sys.stderr)
        return 1
    return status


def entry() -> None:
    """The console-script entry point."""
    sys.exit(main())


if __name__ == "__main__":
    entry()
