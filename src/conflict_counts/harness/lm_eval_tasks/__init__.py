"""The lm-evaluation-harness task folder: pass it as ``lm_eval --include_path``.

lm-evaluation-harness reads the YAML files here and imports :mod:`.tasks` by its path,
as it does for any task folder; the YAML names each metric's aggregation there.
"""
