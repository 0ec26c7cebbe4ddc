"""The prediction format: its definition, its one writer and its one reader.

``format`` says which keys a line carries, ``writer`` turns records into lines all or nothing,
``reader`` checks lines against the gold documents and gives records back (and the columnar views
the scorer needs). Nothing is imported here, so that a command that only writes never loads pandas.
"""
