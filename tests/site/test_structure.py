"""The project's imports run one way. Drawn from the code (every import, those inside
functions included): no module takes part in an import cycle, and neither does any
package (a layer of iomcms, or an app); the core layers never reach up into the apps."""

import grimp
import pytest

PACKAGES = ("iomcms", "newsroom", "projects")
LAYERS = ("iomcms.core", "iomcms.editorial", "iomcms.spreadsheets")


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph(*PACKAGES)


def package_of(module):
    """A layer of iomcms (`iomcms.core`), the project package's own modules (`iomcms.urls`),
    or an app (`newsroom`)."""
    parts = module.split(".")
    return ".".join(parts[:2]) if parts[0] == "iomcms" else parts[0]


def imports(graph, group=lambda module: module):
    """{importer: {imported}} between the groups `group` puts modules in."""
    arrows = {}
    for module in graph.modules:
        for imported in graph.find_modules_directly_imported_by(module):
            if group(module) != group(imported):
                arrows.setdefault(group(module), set()).add(group(imported))
    return arrows


def cycles(arrows):
    """The strongly connected groups of more than one node (Tarjan's algorithm)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in arrows.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = set()
            while not component or node not in component:
                component.add(stack.pop())
            on_stack.difference_update(component)
            if len(component) > 1:
                found.append(component)

    for node in list(arrows):
        if node not in index:
            visit(node)
    return found


def test_no_module_takes_part_in_an_import_cycle(graph):
    assert cycles(imports(graph)) == []


def test_no_package_takes_part_in_an_import_cycle(graph):
    assert cycles(imports(graph, package_of)) == []


def test_the_core_layers_never_reach_the_apps_directly_or_through_others(graph):
    for layer in LAYERS:
        for app in ("newsroom", "projects"):
            assert (
                graph.find_shortest_chain(importer=layer, imported=app, as_packages=True) is None
            )


def test_a_cycle_is_found_when_there_is_one():
    arrows = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(arrows) == [{"a", "b", "c"}]
