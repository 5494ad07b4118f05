"""The packages in explainer/ form a ladder: each imports only the ones below it, so any of them can be read, tested
and replaced without the ones above. The order is the README's layout table."""

import ast
import re
import sys
from pathlib import Path

import pytest
from django.apps import apps

EXPLAINER = Path(__file__).resolve().parents[1] / "explainer"
LAYERS = [
    "text",
    "core",
    "review",
    "sharing",
    "content",
    "topics",
    "evidence",
    "glossary",
    "quality",
    "caution",
    "devtools",
]
# A lazy model reference such as "evidence.StudyPage" (a foreign key, parent_page_types) is a dependency too. It names
# an app by its label, which is the package's name except where a renamed package kept its label ("pages" is topics).
PACKAGE_OF_LABEL = {
    config.label: config.name.split(".")[1] for config in apps.get_app_configs() if config.name.startswith("explainer.")
}
MODEL_REFERENCE = re.compile(r"""["'](%s)\.[A-Z]\w*["']""" % "|".join(PACKAGE_OF_LABEL))


def modules(package):
    return [path for path in (EXPLAINER / package).rglob("*.py") if "migrations" not in path.parts]


def imported_modules(path):
    """(line, dotted name) for every import in a module, at its top or inside a function."""
    package = path.relative_to(EXPLAINER.parent).with_suffix("").parts[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            if node.module:
                yield node.lineno, module
            else:
                yield from ((node.lineno, f"{module}.{alias.name}") for alias in node.names)


def dependencies(package):
    """{(file:line, the package it uses)} for every other package of explainer/ that `package` uses."""
    found = set()
    for path in modules(package):
        where = path.relative_to(EXPLAINER)
        for line, name in imported_modules(path):
            parts = name.split(".")
            if parts[0] == "explainer" and len(parts) > 1 and parts[1] in LAYERS and parts[1] != package:
                found.add((f"{where}:{line}", parts[1]))
        for match in MODEL_REFERENCE.finditer(path.read_text(encoding="utf-8")):
            used = PACKAGE_OF_LABEL[match.group(1)]
            if used != package:
                found.add((f"{where} {match.group(0)}", used))
    return found


def test_every_package_of_explainer_has_its_place_on_the_ladder():
    packages = {path.parent.name for path in EXPLAINER.glob("*/__init__.py")} - {"settings"}
    assert packages == set(LAYERS)
    assert set(PACKAGE_OF_LABEL.values()) <= packages


@pytest.mark.parametrize("package", LAYERS)
def test_a_package_uses_only_the_packages_below_it(package):
    below = set(LAYERS[: LAYERS.index(package)])
    upward = sorted(f"{where} uses {used}" for where, used in dependencies(package) if used not in below)
    assert upward == []


def test_the_text_package_needs_no_django():
    uses = sorted(
        f"{path.relative_to(EXPLAINER)}:{line} {name}"
        for path in modules("text")
        for line, name in imported_modules(path)
        if name.split(".")[0] in ("django", "wagtail", "modeltranslation", "modelcluster")
    )
    assert uses == []


def test_the_check_finds_an_upward_import(tmp_path, monkeypatch):
    """The ladder test can fail: a core module importing a feature is reported, with its line, and so is a model
    named by its app's label, as the package that holds it."""
    (tmp_path / "core").mkdir()
    (tmp_path / "core" / "bad.py").write_text(
        'def f():\n    from explainer.glossary.models import GlossaryTerm\n\nPARENTS = ["pages.SectionPage"]\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(sys.modules[__name__], "EXPLAINER", tmp_path)
    assert dependencies("core") == {("core/bad.py:2", "glossary"), ('core/bad.py "pages.SectionPage"', "topics")}
