"""The code's shape: no import cycle among the project's modules (function-level imports included:
a cycle hidden in a function is still a cycle), and the parser imports no Django."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("transcripts", "archive")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_modules() -> dict[str, Path]:
    return {
        module_name(path): path
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.parts
    }


def imports_of(path: Path, modules: dict[str, Path]) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{alias.name}" for alias in node.names] + [node.module]
        else:
            continue
        for name in names:
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name:
                found.add(name)
    return found


def graph() -> dict[str, set[str]]:
    modules = project_modules()
    edges = {name: imports_of(path, modules) - {name} for name, path in modules.items()}
    # A package's __init__ importing its own submodules is how packages re-export; not a cycle.
    return {name: {t for t in targets if not (t.startswith(name + ".") and modules[name].name == "__init__.py")}
            for name, targets in edges.items()}  # fmt: skip


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                return stack[stack.index(target) :] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_no_import_cycle_among_the_projects_modules():
    assert find_cycle(graph()) is None


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_the_parser_does_not_import_django():
    for path in (ROOT / "transcripts" / "parsing").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                assert not any(n.startswith("django") for n in names), path.name
                assert not any(
                    n.startswith("transcripts.") and not n.startswith("transcripts.parsing") for n in names
                ), path.name


def test_the_database_roles_are_the_parsers_roles():
    from transcripts.models import Utterance
    from transcripts.parsing.model import Role

    assert Utterance.Role.values == [role.value for role in Role]


def test_the_database_event_kinds_are_the_parsers_kinds():
    from transcripts.models import Event
    from transcripts.parsing.model import EventKind

    assert Event.Kind.values == [kind.value for kind in EventKind]
