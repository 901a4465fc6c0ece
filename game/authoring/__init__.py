"""Tools for campaign authors: ``entente check`` (many seeded runs of a campaign, added up)
and the static reachability lint that ``validate --strict`` runs too. Never imports
textual."""
