"""The scorer (README.md, Scoring): entities, linking, claims and claim groups, with bootstrap intervals.

The entry points are :func:`conflict_counts.scorer.api.score` and
:func:`conflict_counts.scorer.api.compare`, also exported as ``conflict_counts.score`` and
``conflict_counts.compare``. Nothing is imported here, so that a command needing only the
bootstrap defaults does not load the whole scorer.
"""
