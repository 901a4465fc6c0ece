"""Start-up and turn latency of the terminal game.

1. The median time from process start to the title screen on the terminal, for ``entente``
   and for a bare Textual app (an App showing one Static), measured in the same run over
   alternating runs, and their ratio (target: at most 1.3). Each program runs in a
   pseudo-terminal of 80x24; the time stops when its screen's text appears in the output.
2. The median time of ``entente --help`` and ``entente --version`` from process start to
   exit, beside ``python -c pass`` (the interpreter alone) in the same run, and their
   differences (target: well under 200 ms in all).
3. The median time from pressing ``e`` (end turn) to the turn report being on screen (the
   current screen, laid out), over a whole game played in a headless app, for the tutorial
   and for the Cold War (52 states, 45 turns) (target: at most 100 ms).

Prints figures only; it never fails on time.

    python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

BARE_APP = """
from textual.app import App
from textual.widgets import Static


class Bare(App):
    def compose(self):
        yield Static("Bare app ready")


Bare().run()
"""
TITLE_MARKER = b"Load a game"
"""Text of the title screen's menu: on the terminal once the title screen is drawn."""
BARE_MARKER = b"Bare app ready"
TIMEOUT = 30.0


def time_to_screen(command: list[str], marker: bytes, env: dict[str, str]) -> float:
    """Seconds from spawning ``command`` in an 80x24 pseudo-terminal until ``marker`` is
    written to it; the program is then stopped."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
    )
    os.close(slave)
    seen = b""
    try:
        while marker not in seen:
            if time.perf_counter() - start > TIMEOUT:
                raise RuntimeError(f"{command}: no {marker!r} within {TIMEOUT} s")
            ready, _, _ = select.select([master], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # the program exited
                    raise RuntimeError(f"{command} ended before showing {marker!r}") from None
                # keep a tail so a marker split across two reads is still found
                seen = seen[-len(marker) :] + chunk
        return time.perf_counter() - start
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        os.close(master)


def entente_command() -> list[str]:
    """The ``entente`` script beside this Python (a venv's), else on PATH, else the module."""
    beside = Path(sys.executable).parent / "entente"
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("entente")
    return [found] if found else [sys.executable, "-m", "game"]


def time_to_exit(command: list[str]) -> float:
    """Seconds from spawning ``command`` until it exits (its output discarded)."""
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def answers(runs: int) -> None:
    """Print the median times of --help and --version beside the bare interpreter's."""
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "entente --help": [*entente_command(), "--help"],
        "entente --version": [*entente_command(), "--version"],
    }
    for command in commands.values():  # warm-up
        time_to_exit(command)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for run in range(runs):
        for name in commands if run % 2 == 0 else reversed(commands):
            times[name].append(time_to_exit(commands[name]))
    base = statistics.median(times["python -c pass"])
    print(f"Process start to exit, median of {runs} alternating runs:")
    for name, values in times.items():
        median = statistics.median(values)
        extra = "" if name == "python -c pass" else f"   (+{(median - base) * 1000:.0f} ms)"
        print(f"  {name:<18} {median * 1000:7.0f} ms{extra}")
    print("  target: --help and --version well under 200 ms")


def startup(runs: int) -> None:
    """Print the median start-up times and their ratio."""
    with tempfile.TemporaryDirectory() as folder:
        bare_script = Path(folder) / "bare_app.py"
        bare_script.write_text(BARE_APP, encoding="utf-8")
        env = dict(os.environ, TERM="xterm-256color", ENTENTE_DATA_DIR=str(Path(folder) / "data"))
        commands = {
            "entente": (entente_command(), TITLE_MARKER),
            "bare Textual app": ([sys.executable, str(bare_script)], BARE_MARKER),
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        # One warm-up of each (file caches, .pyc files), then alternate the order every run
        # so neither program always runs right after the other.
        for command, marker in commands.values():
            time_to_screen(command, marker, env)
        names = list(commands)
        for run in range(runs):
            for name in names if run % 2 == 0 else reversed(names):
                command, marker = commands[name]
                times[name].append(time_to_screen(command, marker, env))
    medians = {name: statistics.median(values) for name, values in times.items()}
    print(f"Start-up to the first screen, median of {runs} alternating runs (80x24 pty):")
    for name, median in medians.items():
        spread = ", ".join(f"{t * 1000:.0f}" for t in times[name])
        print(f"  {name:<18} {median * 1000:7.0f} ms   (runs: {spread})")
    ratio = medians["entente"] / medians["bare Textual app"]
    print(f"  ratio entente / bare app: {ratio:.2f}   (target: at most 1.3)")


async def turn_latencies(campaign: str) -> list[float]:
    """Seconds from pressing ``e`` to the report on screen, for every turn of a game of
    ``campaign`` (events answered with their first choice)."""
    from game.campaign.library import resolve_campaign
    from game.campaign.loader import load_campaign
    from game.ui.app import EntenteApp
    from game.ui.screens.report import TurnReportScreen

    app = EntenteApp(load_campaign(resolve_campaign(campaign)), seed="bench", start="new")
    latencies: list[float] = []

    def report_on_screen() -> bool:
        screen = app.screen
        if not isinstance(screen, TurnReportScreen):
            return False
        body = screen.query("#report-body")
        return bool(body) and body.first().region.height > 0

    async def settle(pilot, condition) -> None:
        deadline = time.perf_counter() + TIMEOUT
        while not condition():
            if time.perf_counter() > deadline:
                raise RuntimeError(f"stuck on {type(app.screen).__name__}")
            await asyncio.sleep(0.001)
        await pilot.pause()

    async with app.run_test(size=(80, 24)) as pilot:
        while True:
            await settle(pilot, lambda: not app.busy and app.game is not None)
            name = type(app.screen).__name__
            if name == "DebriefScreen":
                return latencies
            if name == "SituationRoom":
                # The key goes in as a terminal would send it; the clock stops when the
                # report screen is current and laid out (Pilot.press would also wait for
                # every later idle task, which is not what the player waits for).
                start = time.perf_counter()
                app.simulate_key("e")
                while not report_on_screen():
                    if time.perf_counter() - start > TIMEOUT:
                        raise RuntimeError("no report")
                    await asyncio.sleep(0)
                latencies.append(time.perf_counter() - start)
            elif name == "EventModal":
                await pilot.press("1")
            else:  # a briefing or a report
                shown = app.screen
                await pilot.press("enter")
                await settle(pilot, lambda shown=shown: app.screen is not shown)
            await pilot.pause()


def end_turn(campaign: str) -> None:
    """Print the median end-turn-to-report time over a game of ``campaign``."""
    with tempfile.TemporaryDirectory() as folder:
        os.environ["ENTENTE_DATA_DIR"] = folder  # the autosaves go here, not to the player's
        # The turn is ended without the "action points unspent" question: the figure is
        # the engine's and the screens' time, not the player's answer.
        from game.ui.settings import Settings, save_settings

        save_settings(Settings(confirm_end_turn=False))
        latencies = asyncio.run(turn_latencies(campaign))
    median = statistics.median(latencies) * 1000
    worst = max(latencies) * 1000
    print(f"End turn to report on screen, {len(latencies)} {campaign} turns (headless, 80x24):")
    print(f"  median {median:.1f} ms, worst {worst:.1f} ms   (target: median at most 100 ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each program (at least 5)")
    parser.add_argument(
        "--turns-only", action="store_true", help="only the end-turn figures (part 3)"
    )
    args = parser.parse_args()
    if not args.turns_only:
        startup(max(5, args.runs))
        answers(max(5, args.runs) * 3)
    for campaign in ("tutorial", "cold_war"):
        end_turn(campaign)


if __name__ == "__main__":
    main()
