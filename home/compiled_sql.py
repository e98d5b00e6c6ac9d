"""Run a queryset whose shape never changes from its SQL, compiled once per process (issue 18).

Building a queryset and compiling it to SQL costs Python far more than the query itself when it is a union of
many parts or an ``OR`` of joins (several ms against a fraction of one on a case study page). The querysets here
differ from request to request only in a few ids: ``rows`` compiles the queryset once for each shape with stand-in
ids in their place, keeps the SQL text (never a result: every call queries the database), and runs it with the
real ids. Rows come back as ``values_list`` gives them (Django's converters applied); ``objects`` gives the model
instances iterating a queryset gives (with its ``select_related`` objects and annotations), built from the rows.
"""

import re
from functools import partial
from itertools import count

from django.db import connections
from django.db.models import Model, Q, Subquery, Value
from django.db.models.functions import Concat

_COMPILED = {}
# No id is negative; and a stand-in stays within a 32-bit integer column's range (Django leaves out a condition on
# a value outside it, which would change the SQL).
_STAND_IN = -2_000_000_000
# A text compared as it is (an exact lookup, not ``startswith`` and the like, which change it): a stand-in no page
# or slug holds (control characters), numbered as the ids.
_TEXT_STAND_IN = "\x1fodf-stand-in-"


def _stand_in(value, number):
    return f"{_TEXT_STAND_IN}{number}\x1f" if isinstance(value, str) else _STAND_IN - number


def _is_list(value):
    return isinstance(value, (list, tuple, set, frozenset))


def _shape(value):
    if value is None:
        return None
    return ("list", len(value)) if _is_list(value) else "id"


class _Compiled:
    """One shape's SQL, its stand-in parameters, and what reads its rows (Django's converters, a model maker)."""

    def __init__(self, queryset):
        self.alias = queryset.db
        self.compiler = queryset.query.get_compiler(using=self.alias)
        self.sql, self.params = self.compiler.as_sql()
        if connections[self.alias].vendor == "postgresql":
            self.sql, self.params = _with_constants_written(self.sql, self.params, connections[self.alias])
        self.width = self.compiler.col_count  # without the ORDER BY columns a DISTINCT adds to the SELECT
        self.converters = self.compiler.get_converters([column for column, *_ in self.compiler.select[: self.width]])
        self.maker = None

    def fetch(self, params):
        with connections[self.alias].cursor() as cursor:
            cursor.execute(self.sql, params)
            return self.convert([row[: self.width] for row in cursor.fetchall()])

    def convert(self, rows):
        """``rows`` whose first columns are the queryset's with Django's converters applied to them (as
        ``values_list`` gives them), any after them as they are."""
        if not self.converters:
            return rows
        return [tuple(row) for row in self.compiler.apply_converters(rows, self.converters)]

    def make_object(self):
        """A function turning one row into a model instance, as Django's ``ModelIterable`` does."""
        from django.db.models.query import get_related_populators

        klass_info, select = self.compiler.klass_info, self.compiler.select
        model = klass_info["model"]
        start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
        init_list = [column[0].target.attname for column in select[start:end]]
        populators = get_related_populators(klass_info, select, self.alias)
        annotations = list((self.compiler.annotation_col_map or {}).items())
        alias = self.alias

        build = _constructor(model, init_list, alias)

        def make(row):
            obj = build(row[start:end])
            for populator in populators:
                populator.populate(row, obj)
            for attr, position in annotations:
                setattr(obj, attr, row[position])
            return obj

        return make


def _constructor(model, init_list, alias):
    """``model.from_db`` for rows of every concrete field in order, without the constructors that do nothing for
    such a row: Wagtail's ``Page.__init__`` and ``ShowInMenusMixin.__init__`` (set a content type and a menu
    default only when there is no id) and modelcluster's
    ``ClusterableModel.__init__`` (works out the names of the child relations only to look for them among keyword
    arguments, of which there are none) cost more than Django's own. Any other constructor or ``from_db`` in the
    class's ancestry, or fewer columns than fields: ``from_db`` itself."""
    from modelcluster.models import ClusterableModel
    from wagtail.models import Page
    from wagtail.models.pages import ShowInMenusMixin

    plain = {Page.__init__, ShowInMenusMixin.__init__, ClusterableModel.__init__, Model.__init__}
    constructors = {vars(klass)["__init__"] for klass in model.__mro__[:-1] if "__init__" in vars(klass)}
    fields = [field.attname for field in model._meta.concrete_fields]
    if constructors - plain or model.from_db.__func__ is not Model.from_db.__func__ or init_list != fields:
        return partial(model.from_db, alias, init_list)

    def build(values):
        obj = model.__new__(model)
        Model.__init__(obj, *values)  # (Django's pre_init and post_init signals as ever)
        obj._state.adding = False
        obj._state.db = alias
        return obj

    return build


_PLACEHOLDER = re.compile(r"%[%s]")


def _is_stand_in(param):
    if isinstance(param, str):
        return param.startswith(_TEXT_STAND_IN)
    return isinstance(param, int) and not isinstance(param, bool) and param <= _STAND_IN


def _with_constants_written(sql, params, connection):
    """``(sql, params)`` with each parameter that is no stand-in (the same in every call of the shape: a review
    state, a language, a rank) written into the SQL as a literal, the stand-ins left as parameters.

    psycopg prepares a statement run often, and PostgreSQL then plans it once for any parameters (a generic plan)
    when that plan costs no more than planning it anew each time (1–2 ms for a union of joins). A condition on a
    parameter cannot use a partial index (``figure_unit_latest``: accepted figures only), so the generic plan of
    ``review = $1`` read and sorted every figure; ``review = 'accepted'`` uses the index, and is planned once."""
    from psycopg.sql import Literal

    constants = iter(params)
    kept = []

    def write(match):
        if match.group() == "%%":
            return "%%"
        param = next(constants)
        if _is_stand_in(param):
            kept.append(param)
            return "%s"
        return Literal(param).as_string(connection.connection).replace("%", "%%")

    connection.ensure_connection()
    return _PLACEHOLDER.sub(write, sql), kept


def _compiled(name, build, ids):
    """The compiled SQL for ``name`` and the shape of ``ids`` (compiled on first use), and its parameters."""
    ids = [sorted(value) if isinstance(value, (set, frozenset)) else value for value in ids]
    key = (name, *map(_shape, ids))
    compiled = _COMPILED.get(key)
    if compiled is None:
        numbers = count(1)
        stand_ins = [
            value
            if value is None
            else [_stand_in(one, next(numbers)) for one in value]
            if _is_list(value)
            else _stand_in(value, next(numbers))  # fmt: skip
            for value in ids
        ]
        compiled = _COMPILED[key] = _Compiled(build(*stand_ins))
    actual = {}
    numbers = count(1)
    for value in ids:
        for one in value if _is_list(value) else () if value is None else (value,):
            actual[_stand_in(one, next(numbers))] = one
    return compiled, [_actual(param, actual) for param in compiled.params]


def _actual(param, actual):
    """The real value of ``param`` where it is a stand-in (of its own type: psycopg's ``Int4`` that Django gives a
    comparison with a window function stays one), else ``param``."""
    if not isinstance(param, (int, str)) or isinstance(param, bool) or param not in actual:
        return param
    value = actual[param]
    return value if type(param) in (int, str) else type(param)(value)


def rows(name, build, *ids):
    """The rows of ``build(*ids)``: each of ``ids`` an id, a text compared exactly (``url_path=``), None or a list
    of ids (the queryset's shape depends on ``name``, on which ids are None and on the length of each list;
    ``build`` must not depend on anything else)."""
    compiled, params = _compiled(name, build, ids)
    return compiled.fetch(params)


def sql(name, build, *ids):
    """``(sql, params)`` of ``build(*ids)``, compiled once per shape as in ``rows``: to put in a larger statement."""
    compiled, params = _compiled(name, build, ids)
    return compiled.sql, params


def sql_and_converter(name, build, *ids):
    """``(sql, params, convert)``: as ``sql``, and ``convert(rows)`` applying Django's converters of the queryset's
    columns to the rows of a larger statement that selects them first (``_Compiled.convert``)."""
    compiled, params = _compiled(name, build, ids)
    return compiled.sql, params, compiled.convert


def objects(name, build, *ids):
    """The model instances iterating ``build(*ids)`` gives (a queryset of model instances, not ``values()``), with
    what its ``select_related`` and annotations set on them, from SQL compiled once per shape as in ``rows``."""
    compiled, params = _compiled(name, build, ids)
    if compiled.maker is None:
        compiled.maker = compiled.make_object()
    make = compiled.maker
    return [make(row) for row in compiled.fetch(params)]


def child_paths(parent_path):
    """The condition on a page's path that it is below the page of path ``parent_path`` (an expression: a subquery,
    an ``OuterRef``), for pages one level down (with a condition on their depth): as ``path__startswith``, read as
    a range from the path's index.

    A child's path is its parent's and one step more (treebeard's ``steplen`` characters of its ``alphabet``), so the
    children are the paths after the parent's up to the parent's and the last step (``LIKE`` a pattern the query
    computes reads every page of that depth: 712 at programme scale for the toolkit's 8 steps)."""
    from wagtail.models import Page

    return Q(path__gt=parent_path, path__lte=Concat(parent_path, Value(Page.alphabet[-1] * Page.steplen)))


def below(model, parent_id, depth):
    """The pages of ``model`` directly below the page ``parent_id`` (at ``depth``): as ``child_of``, with the parent's
    path read by the query itself, so that the SQL takes the parent's id (a path compared with ``startswith`` cannot
    be a stand-in), and the children found in the path's index (``child_paths``)."""
    from wagtail.models import Page

    parent_path = Subquery(Page.objects.filter(pk=parent_id).values("path")[:1])
    return model.objects.filter(child_paths(parent_path), depth=depth)
