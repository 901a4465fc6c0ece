"""The history check: the engine's threat assessment against the alignments states chose.

Data derived from public international-relations data sets (see ``data/README.md``) are
shipped with the package, so the check runs offline.
"""
