"""One module a subcommand, each with ``add_arguments(parser)`` and ``run(args) -> exit status``.

``cli`` imports a command's module only when that command runs; the module's docstring is its
help text. ``run`` raises :class:`conflict_counts.errors.InputError` for bad input, which the
console script prints as one line a problem.
"""

