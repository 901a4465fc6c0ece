"""Distances and borders: the fixed map behind geographic proximity."""

from __future__ import annotations

import math

import numpy as np

from game.campaign.models import Campaign

EARTH_RADIUS_KM = 6371.0


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points, in km (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


class Geography:
    """Capital distances and land/sea borders of every declared state, by sorted id."""

    def __init__(self, campaign: Campaign) -> None:
        states = sorted(campaign.states, key=lambda s: s.id)
        self.ids = [s.id for s in states]
        self.index = {ident: i for i, ident in enumerate(self.ids)}
        n = len(states)
        lat = np.array([s.capital.lat if s.capital else np.nan for s in states])
        lon = np.array([s.capital.lon if s.capital else np.nan for s in states])
        self.located = ~np.isnan(lat)
        """False for non-state actors, which have no capital."""
        p = np.radians(lat)
        dp = p[None, :] - p[:, None]
        dl = np.radians(lon)[None, :] - np.radians(lon)[:, None]
        h = np.sin(dp / 2) ** 2 + np.cos(p)[:, None] * np.cos(p)[None, :] * np.sin(dl / 2) ** 2
        self.km = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))
        self.land = np.zeros((n, n), dtype=bool)
        self.sea = np.zeros((n, n), dtype=bool)
        for s in states:
            for border in s.borders:
                i, j = self.index[s.id], self.index[border.state]
                grid = self.land if border.type == "land" else self.sea
                # A border declared on one side is a border on both.
                grid[i, j] = grid[j, i] = True
        self.sea &= ~self.land
        self.never_allied = frozenset(
            (min(s.id, other), max(s.id, other)) for s in states for other in s.never_allies
        )
        """Pairs of states that never ally while the computer runs them (``never_allies``,
        declared on either side): a fixed fact of the campaign, like its borders."""

    def never_allies(self, a: str, b: str) -> bool:
        """True when ``a`` and ``b`` never ally on their own (non-recognition)."""
        return (min(a, b), max(a, b)) in self.never_allied

    def distance(self, a: str, b: str) -> float | None:
        """Capital-to-capital distance in km, or None when either has no capital."""
        i, j = self.index[a], self.index[b]
        if not (self.located[i] and self.located[j]):
            return None
        return float(self.km[i, j])

    def border(self, a: str, b: str) -> str | None:
        """'land', 'sea' or None."""
        i, j = self.index[a], self.index[b]
        if self.land[i, j]:
            return "land"
        return "sea" if self.sea[i, j] else None
