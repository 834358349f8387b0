"""The publishing modules import one another in layers, never in a circle (counting every
import: at the top, inside a function or only for type checking)."""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

PACKAGE = "procurement.pipeline"
FOLDER = Path(__file__).resolve().parents[3] / "procurement" / "pipeline"


def imports() -> dict[str, set[str]]:
    modules = {path.stem for path in FOLDER.glob("*.py") if path.stem != "__init__"}
    graph: dict[str, set[str]] = {}
    for name in modules:
        found: set[str] = set()
        for node in ast.walk(ast.parse((FOLDER / f"{name}.py").read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == PACKAGE:
                found |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(PACKAGE + "."):
                found.add((node.module or "").removeprefix(PACKAGE + ".").split(".")[0])
            elif isinstance(node, ast.Import):
                found |= {alias.name.removeprefix(PACKAGE + ".").split(".")[0]
                          for alias in node.names if alias.name.startswith(PACKAGE + ".")}
        graph[name] = found & modules
    return graph


def test_no_import_circles():
    graph = imports()
    assert {"publish", "options", "publication", "files", "pages"} <= set(graph)
    try:
        order = list(TopologicalSorter(graph).static_order())
    except CycleError as circle:  # pragma: no cover - the message names the circle
        raise AssertionError(f"import circle: {circle.args[1]}") from None
    assert order.index("options") < order.index("publication") < order.index("publish")


def test_the_value_types_are_below_the_machinery():
    assert imports()["options"] <= {"releases", "entry"}
