"""The demo content's data files and their reader (home/demo_data.py)."""

from pathlib import Path

import pytest
import yaml

from django.conf import settings

from home.demo_data import DemoDataError, Pair, pick, pilot_slugs, read, stream

DATA_FILES = sorted(Path(settings.BASE_DIR).glob("*/demo/*.yaml"))


def write(tmp_path, text):
    folder = tmp_path / "app" / "demo"
    folder.mkdir(parents=True)
    path = folder / "pages.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_read_turns_th_en_values_into_pairs_and_pick_chooses_a_language(tmp_path):
    path = write(
        tmp_path, "page:\n  slug: about\n  title: {th: เกี่ยวกับ, en: About}\n  body:\n  - paragraph: {th: ก, en: A}\n"
    )
    page = read(path, required={"page": ("slug", "title")})["page"]
    assert isinstance(page["title"], Pair)
    assert pick(page, "en") == {"slug": "about", "title": "About", "body": [{"paragraph": "A"}]}
    assert pick(stream(page["body"]), "th") == [("paragraph", "ก")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("page:\n  slug: a\n  title: {th: เกี่ยวกับ}\n", r"app/demo/pages\.yaml: page\.title: no en text"),
        ("page:\n  slug: a\n  items:\n  - {en: About}\n", r"app/demo/pages\.yaml: page\.items\[0\]: no th text"),
        (
            "page:\n  slug: a\n  title: {th: เกี่ยวกับ, en: ''}\n",
            r"page\.title: en is empty but the other language is not",
        ),
        ("page:\n  slug: a\n  title: {th: ก, en: A, fr: B}\n", r"page\.title: a th/en value cannot also hold fr"),
        ("page:\n  title: {th: ก, en: A}\n", r"app/demo/pages\.yaml: page: missing slug"),
        ("other: 1\n", r"app/demo/pages\.yaml: missing page"),
        ("page: [unclosed\n", r"app/demo/pages\.yaml: not valid YAML"),
    ],
)
def test_a_missing_language_or_key_is_named_with_its_file_and_place(tmp_path, text, message):
    with pytest.raises(DemoDataError, match=message):
        read(write(tmp_path, text), required={"page": ("slug",)})


def test_each_item_of_a_list_is_checked_for_its_keys(tmp_path):
    path = write(tmp_path, "page:\n- {slug: a, title: {th: ก, en: A}}\n- {title: {th: ข, en: B}}\n")
    with pytest.raises(DemoDataError, match=r"page\[1\]: missing slug"):
        read(path, required={"page": ("slug", "title")})


def test_pick_refuses_a_language_the_demo_does_not_have():
    with pytest.raises(DemoDataError, match="no demo text in language 'fr'"):
        pick({"title": Pair("ก", "A")}, "fr")


def _th_en_values(tree):
    if isinstance(tree, dict):
        if {"th", "en"} & set(tree):
            yield tree
            return
        for value in tree.values():
            yield from _th_en_values(value)
    elif isinstance(tree, list):
        for value in tree:
            yield from _th_en_values(value)


def test_every_data_file_parses_and_every_translatable_value_has_thai_and_english():
    assert len(DATA_FILES) >= 9, DATA_FILES  # home (4), casestudies, toolkit (3), impact, news
    with_text = 0
    for path in DATA_FILES:
        read(path)
        values = list(_th_en_values(yaml.safe_load(path.read_text(encoding="utf-8"))))
        for value in values:
            assert set(value) == {"th", "en"}, (path, value)
            assert isinstance(value["th"], str) and isinstance(value["en"], str), (path, value)
            assert bool(value["th"].strip()) == bool(value["en"].strip()), (path, value)
        with_text += bool(values)
    assert with_text >= len(DATA_FILES) - 2  # only the pilots' slugs and the staff names are not th/en pairs


@pytest.mark.django_db
def test_every_pilot_unit_is_a_case_study_in_both_languages():
    from casestudies.models import CaseStudyPage

    slugs = set(pilot_slugs().values())
    assert len(slugs) == 3
    for language in ("th", "en"):
        found = CaseStudyPage.objects.filter(locale__language_code=language, slug__in=slugs, alias_of__isnull=True)
        assert set(found.values_list("slug", flat=True)) == slugs, language
