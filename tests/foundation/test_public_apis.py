"""Product code uses Django's, allauth's, Celery's, kombu's and redis-py's public APIs only.

An AST scan of mentoring/ and accounts/ (not migrations, not tests), with two rules:

1. Overrides. A method whose name starts with one underscore, in a class deriving from a
   class of those libraries, must not exist on any of its library bases (found by
   importing the class and looking along its MRO): overriding a private method breaks
   silently at the next upgrade.
2. Reads and calls. `x._name` is allowed only where the project itself defines `_name`:
   on `self` or `cls`, when the enclosing class body defines `_name` (a method, a class
   attribute or an assignment to `self._name`), so a library's private attribute
   inherited by a project class (`self._db` in a manager) is refused; on anything else
   never, except Django's documented Model `_meta` API and the named tuple's public
   `_fields`/`_make`/`_replace`/`_asdict`. Importing an underscore name from a library
   module is refused too. The rule does not know types, so it may refuse a project name
   reached through another object; make that name public, it reads better anyway.

Dunder names (`__init__`, `__str__`) are public and never checked.
"""

import ast
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LIBRARIES = ("django", "allauth", "celery", "kombu", "redis")
ALLOWED_ATTRIBUTES = {"_meta", "_fields", "_make", "_replace", "_asdict"}


def is_private(name):
    return name.startswith("_") and not name.startswith("__")


def product_files():
    for folder in ("mentoring", "accounts"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def module_name(path):
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def names_defined_in(class_node):
    """Names a class body defines: methods, class attributes, self.<name> assignments."""
    names = set()
    for node in ast.walk(class_node):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.ctx, ast.Store)
            and isinstance(node.value, ast.Name)
            and node.value.id in ("self", "cls")
        ):
            names.add(node.attr)
    return names


def library_bases(cls):
    return [base for base in cls.__mro__[1:] if base.__module__.split(".")[0] in LIBRARIES]


class Scan(ast.NodeVisitor):
    def __init__(self, path):
        self.path, self.module, self.problems, self.classes = path, None, [], []

    def where(self, node):
        return f"{self.path.relative_to(ROOT)}:{node.lineno}"

    def visit_ImportFrom(self, node):
        if (node.module or "").split(".")[0] in LIBRARIES:
            for alias in node.names:
                if is_private(alias.name):
                    self.problems.append(f"{self.where(node)} imports {alias.name}")

    def visit_ClassDef(self, node):
        self.classes.append((node, names_defined_in(node)))
        self.check_overrides(node)
        self.generic_visit(node)
        self.classes.pop()

    def check_overrides(self, node):
        if len(self.classes) > 1:
            return  # nested classes (Meta, TextChoices) define no private methods here
        methods = [
            item.name
            for item in node.body
            if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef) and is_private(item.name)
        ]
        if not methods:
            return
        if self.module is None:
            self.module = importlib.import_module(module_name(self.path))
        cls = getattr(self.module, node.name, None)
        if not isinstance(cls, type):
            return  # defined inside a function: not reachable, nothing to look up
        for name in methods:
            owners = [base for base in library_bases(cls) if name in vars(base)]
            if owners:
                owner = f"{owners[0].__module__}.{owners[0].__qualname__}"
                self.problems.append(f"{self.where(node)} {node.name} overrides {owner}.{name}")

    def visit_Attribute(self, node):
        name = node.attr
        if is_private(name) and name not in ALLOWED_ATTRIBUTES:
            on_self = isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")
            defined = self.classes and name in self.classes[-1][1]
            if not (on_self and defined):
                self.problems.append(f"{self.where(node)} reads {ast.unparse(node)}")
        self.generic_visit(node)


def private_uses(path):
    scan = Scan(path)
    scan.visit(ast.parse(path.read_text(), filename=str(path)))
    return scan.problems


@pytest.mark.parametrize(
    "path",
    list(product_files()),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_product_code_uses_no_private_api(path):
    assert private_uses(path) == []


def test_the_scan_finds_an_override_and_a_private_read(tmp_path, monkeypatch):
    # A throwaway module inside the tree, so that the scan can import it like any other.
    package = ROOT / "accounts"
    sample = package / "_public_api_scan_sample.py"
    sample.write_text(
        "from django.contrib.sessions.backends import db\n"
        "from django.utils.functional import _lazy_proxy_unpickle\n\n\n"
        "class SessionStore(db.SessionStore):\n"
        "    def _get_session_from_db(self):\n"
        "        return self._cache\n\n"
        "    def _own_helper(self):\n"
        "        self._mine = 1\n"
        "        return self._mine, self.model._meta, self.model._default_manager\n"
    )
    try:
        problems = private_uses(sample)
    finally:
        sample.unlink()
    assert [problem.split(" ", 1)[1] for problem in problems] == [
        "imports _lazy_proxy_unpickle",
        "SessionStore overrides django.contrib.sessions.backends.db.SessionStore"
        "._get_session_from_db",
        "reads self._cache",
        "reads self.model._default_manager",
    ]
