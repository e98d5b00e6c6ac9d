"""The translation catalogues compile only when GNU msgfmt would accept them too (``compile_translations``)."""

import polib

from home.management.commands.compile_translations import catalogue_problems

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def problems(tmp_path, body):
    path = tmp_path / "django.po"
    path.write_text(HEADER + body, encoding="utf-8")
    return catalogue_problems(path, polib.pofile(str(path)))


def test_a_sound_catalogue_has_no_problems(tmp_path):
    assert problems(tmp_path, 'msgid "status"\nmsgstr "สถานะ"\n\nmsgid "reason"\nmsgstr "เหตุผล"\n') == []


def test_a_message_declared_twice_is_a_problem(tmp_path):
    found = problems(tmp_path, 'msgid "status"\nmsgstr "สถานะ"\n\nmsgid "status"\nmsgstr "สถานะ"\n')
    assert found == ["declared twice: 'status'"]


def test_an_entry_without_its_msgstr_is_a_problem(tmp_path):
    found = problems(tmp_path, 'msgid "Submit for review"\n#: home/x.py\nmsgid "Remember me"\nmsgstr ""\n')
    assert found == ["2 messages declared but 1 read: an entry lacks its msgstr"]


def test_the_projects_catalogues_have_no_problems(settings):
    from pathlib import Path

    paths = [path for directory in settings.LOCALE_PATHS for path in Path(directory).glob("*/LC_MESSAGES/*.po")]
    assert paths
    for path in paths:
        assert catalogue_problems(path, polib.pofile(str(path))) == [], path
