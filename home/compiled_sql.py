"""Run a queryset whose shape never changes from its SQL, compiled once per process (issue 18).

Building a queryset and compiling it to SQL costs Python far more than the query itself when it is a union of
many parts or an ``OR`` of joins (several ms against a fraction of one on a case study page). The querysets here
differ from request to request only in a few ids: ``rows`` compiles the queryset once for each shape with stand-in
ids in their place, keeps the SQL text (never a result: every call queries the database), and runs it with the
real ids. Rows come back as ``values_list`` gives them (Django's converters applied).
"""

from itertools import count

from django.db import connections

_COMPILED = {}
# No id is negative; and a stand-in stays within a 32-bit integer column's range (Django leaves out a condition on
# a value outside it, which would change the SQL).
_STAND_IN = -2_000_000_000


def _is_list(value):
    return isinstance(value, (list, tuple, set, frozenset))


def _shape(value):
    if value is None:
        return None
    return ("list", len(value)) if _is_list(value) else "id"


def rows(name, build, *ids):
    """The rows of ``build(*ids)``: each of ``ids`` an id, None or a list of ids (the queryset's shape depends on
    ``name``, on which ids are None and on the length of each list; ``build`` must not depend on anything else)."""
    ids = [sorted(value) if isinstance(value, (set, frozenset)) else value for value in ids]
    key = (name, *map(_shape, ids))
    if key not in _COMPILED:
        numbers = count(1)
        stand_ins = [
            value
            if value is None
            else [_STAND_IN - next(numbers) for _ in value]
            if _is_list(value)
            else _STAND_IN - next(numbers)  # fmt: skip
            for value in ids
        ]
        queryset = build(*stand_ins)
        compiler = queryset.query.get_compiler(using=queryset.db)
        sql, params = compiler.as_sql()
        converters = compiler.get_converters([column for column, *_ in compiler.select[: compiler.col_count]])
        _COMPILED[key] = (sql, params, queryset.db, compiler, converters)
    sql, params, alias, compiler, converters = _COMPILED[key]
    width = compiler.col_count  # without the ORDER BY columns a DISTINCT adds to the SELECT
    actual = {}
    numbers = count(1)
    for value in ids:
        for one in value if _is_list(value) else () if value is None else (value,):
            actual[_STAND_IN - next(numbers)] = one
    params = [actual.get(param, param) if type(param) is int else param for param in params]
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        found = [row[:width] for row in cursor.fetchall()]
    return list(compiler.apply_converters(found, converters)) if converters else found
