"""Migrations are history: each holds its SQL and data code as written when it was made, so
editing the site's code (search, say) never changes what an old migration does to a fresh
database. The only project names a migration may use are the ones Django writes into the
migration state itself: custom field classes, model bases and field defaults."""

import ast
from pathlib import Path

from django.apps import apps

ROOT = Path(__file__).resolve().parents[2]
PROJECT_PACKAGES = {path.name for path in ROOT.iterdir() if (path / "__init__.py").exists()}

# What the migration autodetector writes into a migration, by dotted name.
MIGRATION_STATE_NAMES = {
    "iomcms.core.fields.NormalisedTextField",  # a field class
    "iomcms.core.naturalkeys.NaturalKeyMixin",  # a model base
    "iomcms.editorial.models.new_key",  # a field default
}


def project_migrations():
    for config in apps.get_app_configs():
        if is_project_module(config.name):
            yield from sorted((Path(config.path) / "migrations").glob("[0-9]*.py"))


def is_project_module(name):
    return name.split(".")[0] in PROJECT_PACKAGES


def dotted(node):
    """`a.b.c` for an attribute chain on a name, else None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        return ".".join([node.id, *reversed(parts)])
    return None


def live_code_used(source):
    """The dotted names of project code that `source` (a migration) uses, beyond the
    migration state's own names."""
    tree = ast.parse(source)
    imported_modules, used = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level or is_project_module(node.module):
                module = "." * node.level + (node.module or "")
                used.update(f"{module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            imported_modules.update(
                alias.name for alias in node.names if is_project_module(alias.name)
            )
    for node in ast.walk(tree):
        name = dotted(node) if isinstance(node, ast.Attribute) else None
        for module in imported_modules:
            if name and name.startswith(f"{module}.") and "." not in name[len(module) + 1 :]:
                used.add(name)
    return used - MIGRATION_STATE_NAMES


def test_no_migration_uses_live_project_code_beyond_field_classes():
    files = list(project_migrations())
    assert {path.relative_to(ROOT).parts[0] for path in files} >= {
        "iomcms",
        "newsroom",
        "projects",
    }
    offenders = {
        str(path.relative_to(ROOT)): sorted(names)
        for path in files
        if (names := live_code_used(path.read_text()))
    }
    assert offenders == {}


def test_a_migration_calling_a_live_sql_builder_is_caught():
    source = (
        "import iomcms.core.search\n"
        "from django.db import migrations\n"
        "from iomcms.core.search import trigger_sql\n"
        "from .helpers import backfill\n"
        "import iomcms.core.fields\n"
        "field = iomcms.core.fields.NormalisedTextField()\n"
        "sql = iomcms.core.search.fts_sql('t', {})\n"
    )
    assert live_code_used(source) == {
        "iomcms.core.search.trigger_sql",
        "iomcms.core.search.fts_sql",
        ".helpers.backfill",
    }
