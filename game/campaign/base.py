"""The base every campaign model shares: unknown keys are errors, values are immutable."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class CampaignModel(BaseModel):
    """A strict, frozen pydantic model: a typo in a key is an error, not a silent default."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        arbitrary_types_allowed=True,
        str_strip_whitespace=False,
        validate_default=False,
        use_attribute_docstrings=True,
    )
