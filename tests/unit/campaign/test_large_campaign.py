"""The loader's caps leave room for a 200-state, 2,000-event campaign."""

from __future__ import annotations

from game.campaign.loader import parse_campaign
from game.campaign.synthetic import synthetic_yaml


def test_a_generated_campaign_of_200_states_and_2000_events_loads() -> None:
    loaded = parse_campaign(synthetic_yaml(200, 2000), "synthetic.yaml")
    campaign = loaded.campaign
    assert len(campaign.states) == 200
    assert sum(len(era.events) for era in campaign.eras) == 2000
    assert sum(s.power.value for s in campaign.states) <= 1.0
