"""The self-check's models, moved from ``toolkit`` with their rows (``toolkit.0004`` renamed the tables).

State only for the models; the content types (and so every permission and wagtail-localize record pointing
at them) change app label from ``toolkit`` to ``selfcheck``.
"""

import django.db.models.deletion
import uuid
import wagtail.fields
from django.db import migrations, models

MODELS = ["readinesstheme", "readinessquestion"]


def _move_content_types(apps, old_label, new_label):
    """Relabel the existing rows, so permissions and translation records follow. A row already made for the
    new label (by a ``migrate`` run back and forth) holds only its default permissions: the old row replaces it."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        old = ContentType.objects.filter(app_label=old_label, model=model).first()
        if old is None:
            continue
        ContentType.objects.filter(app_label=new_label, model=model).delete()
        old.app_label = new_label
        old.save(update_fields=["app_label"])
    ContentType.objects.clear_cache()


def content_types_to_selfcheck(apps, schema_editor):
    _move_content_types(apps, "toolkit", "selfcheck")


def content_types_to_toolkit(apps, schema_editor):
    _move_content_types(apps, "selfcheck", "toolkit")


class Migration(migrations.Migration):

    initial = False  # the tables exist already: never skipped by migrate --fake-initial

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('toolkit', '0004_readiness_moves_to_selfcheck'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ReadinessTheme',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('name', models.CharField(help_text='Short name of the theme, shown as a heading.', max_length=200, verbose_name='name')),
                        ('description', models.TextField(blank=True, help_text='One or two sentences on what this theme asks about.', verbose_name='description')),
                        ('advice', models.TextField(blank=True, help_text='What to do first when a community scores low on this theme.', verbose_name='advice when the score is low')),
                        ('start_steps', wagtail.fields.StreamField([('page', 0)], blank=True, block_lookup={0: ('wagtail.blocks.PageChooserBlock', (), {'label': 'toolkit step'})}, help_text='The toolkit steps the result page links to for this theme, in order.', verbose_name='toolkit steps to start with')),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                    ],
                    options={
                        'verbose_name': 'self-check theme',
                        'verbose_name_plural': 'self-check themes',
                        'ordering': ['sort_order', 'pk'],
                        'abstract': False,
                        'unique_together': {('translation_key', 'locale')},
                    },
                ),
                migrations.CreateModel(
                    name='ReadinessQuestion',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('text', models.CharField(help_text='The question, as a reader sees it.', max_length=300, verbose_name='question')),
                        ('help_text', models.TextField(blank=True, help_text='Optional: what the question means, in plain words.', verbose_name='explanation')),
                        ('answers', wagtail.fields.StreamField([('answer', 2)], block_lookup={0: ('wagtail.blocks.CharBlock', (), {'help_text': 'The answer as readers see it.', 'label': 'answer', 'max_length': 300}), 1: ('wagtail.blocks.IntegerBlock', (), {'help_text': 'How ready this answer shows the community to be: 0 (not yet) to 10 (fully).', 'label': 'points', 'max_value': 10, 'min_value': 0}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('points', 1)]], {})}, help_text='Two to five answers, in order from least to most ready.', verbose_name='answers')),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                        ('theme', models.ForeignKey(help_text='The theme this question belongs to.', on_delete=django.db.models.deletion.PROTECT, related_name='questions', to='selfcheck.readinesstheme', verbose_name='theme')),
                    ],
                    options={
                        'verbose_name': 'self-check question',
                        'verbose_name_plural': 'self-check questions',
                        'ordering': ['sort_order', 'pk'],
                        'abstract': False,
                        'unique_together': {('translation_key', 'locale')},
                    },
                ),
            ],
        ),
        migrations.RunPython(content_types_to_selfcheck, content_types_to_toolkit),
    ]
