"""Every public module, class and function says why it exists, and the project cites only itself."""

from __future__ import annotations

import ast
import re

import pytest

from tests.conftest import ROOT

PACKAGE_ROOTS = (ROOT / "src" / "conflict_counts", ROOT / "schema", ROOT / "baselines")
# The command protocol is documented once, in conflict_counts.commands; pandera reads ``Config``.
PROTOCOL = {"add_arguments", "run", "Config"}


def _undocumented(tree: ast.Module) -> list[str]:
    missing = [] if ast.get_docstring(tree) else ["<module>"]

    def walk(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                if child.name.startswith("_"):
                    continue
                if child.name not in PROTOCOL and not ast.get_docstring(child):
                    missing.append(f"{prefix}{child.name} (line {child.lineno})")
                if isinstance(child, ast.ClassDef):
                    walk(child, f"{prefix}{child.name}.")

    walk(tree, "")
    return missing


def test_every_public_definition_has_a_docstring() -> None:
    missing = [
        f"{path.relative_to(ROOT)}: {name}"
        for root in PACKAGE_ROOTS
        for path in sorted(root.rglob("*.py"))
        for name in _undocumented(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert missing == []


OUTSIDE = re.compile(r"\bSPEC\b|\.\./shared|/work/shared")


@pytest.mark.parametrize("folder", ["src", "schema", "baselines", "scripts"])
def test_code_refers_to_no_document_outside_the_project(folder: str) -> None:
    hits = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted((ROOT / folder).rglob("*"))
        if path.is_file() and path.suffix in {".py", ".md", ".txt", ".yaml"}
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if OUTSIDE.search(line)
    ]
    assert hits == []


@pytest.mark.parametrize("document", ["README.md", "ANNOTATION_GUIDELINES.md", "ARCHITECTURE.md"])
def test_docs_refer_to_no_document_outside_the_project(document: str) -> None:
    text = (ROOT / document).read_text(encoding="utf-8")
    assert not OUTSIDE.search(text), OUTSIDE.search(text)
