"""The annotation source: YAML files written by annotators, read with the line of every field."""

