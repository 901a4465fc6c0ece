"""Classroom competitions: one fixed game for a class, replays the teacher re-simulates.

- the competition file: :mod:`game.competition.settings` (and the teacher's rules file,
  :mod:`game.competition.rules_file`);
- the student's side: :mod:`game.competition.handin` (the hand-in folder, attempts);
- the teacher's side: :mod:`game.competition.verify` (re-simulating replays),
  :mod:`game.competition.store` (the SQLite results), :mod:`game.competition.leaderboard`
  and :mod:`game.competition.export`.

Like the engine, nothing here imports textual.
"""
