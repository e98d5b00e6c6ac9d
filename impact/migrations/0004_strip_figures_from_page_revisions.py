"""Figures left the case study page: remove their copies from stored page revisions and translation sources.

Every figure row stays as it is (0003 only changes the relation's kind and drops the ordering column). Old
revisions held a copy of the page's figures; without this, nothing would read them, but publishing or
reverting to an old revision can now never carry figures in any case.
"""

import json

from django.db import migrations

KEY = "impact_figures"
BATCH = 500


def strip_figures(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    content_type = ContentType.objects.filter(app_label="casestudies", model="casestudypage").first()
    if content_type is None:  # a fresh database: nothing stored yet
        return

    revisions = Revision.objects.filter(content_type=content_type, content__has_key=KEY).only("pk", "content")
    changed = []
    for revision in revisions.iterator(chunk_size=BATCH):
        revision.content.pop(KEY, None)
        changed.append(revision)
        if len(changed) >= BATCH:
            Revision.objects.bulk_update(changed, ["content"])
            changed = []
    Revision.objects.bulk_update(changed, ["content"])

    sources = TranslationSource.objects.filter(specific_content_type=content_type).only("pk", "content_json")
    changed = []
    for source in sources.iterator(chunk_size=BATCH):
        content = json.loads(source.content_json)
        if KEY in content:
            content.pop(KEY)
            source.content_json = json.dumps(content)
            changed.append(source)
    TranslationSource.objects.bulk_update(changed, ["content_json"], batch_size=BATCH)


class Migration(migrations.Migration):
    dependencies = [
        ("impact", "0003_figures_store_of_their_own"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(strip_figures, migrations.RunPython.noop)]
