"""Annotation exchange: the annotation YAML to and from Label Studio and brat, losslessly.

An export folder holds one format's files plus the set's ``entities.yaml`` and
``groups.yaml`` (the catalogue, which neither tool can hold); importing such a folder
reproduces the set's YAML byte for byte. Offsets are code points in both directions.
"""
