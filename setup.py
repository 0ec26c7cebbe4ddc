"""Package discovery for the one import package, ``conflict_counts``.

Everything else about the distribution lives in ``pyproject.toml``. The design card keeps
``schema/`` and ``baselines/`` as top-level folders of the repository; they install as
``conflict_counts.schema`` and ``conflict_counts.baselines``. Setuptools' own discovery cannot
follow such a mapping, so this file finds the subpackages under each of the three roots, and a new
subpackage ships without anyone listing it.
"""

from setuptools import find_packages, setup

ROOTS = {
    "conflict_counts": "src/conflict_counts",
    "conflict_counts.schema": "schema",
    "conflict_counts.baselines": "baselines",
}


def discover() -> list[str]:
    """Every package under the three roots, as import names."""
    return sorted(
        name
        for root, folder in ROOTS.items()
        for name in [root, *(f"{root}.{sub}" for sub in find_packages(folder))]
    )


setup(
    package_dir={"": "src", **{root: folder for root, folder in ROOTS.items() if root != "conflict_counts"}},
    packages=discover(),
    package_data={
        "conflict_counts": ["py.typed"],
        "conflict_counts.baselines.llm": ["prompt-v*.md"],
        "conflict_counts.harness.lm_eval_tasks": ["*.yaml", "*_template_yaml"],
    },
)
