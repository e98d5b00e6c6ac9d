"""Figures get a status (illustrative / reported by the unit / verified by staff) in place of the illustrative flag.

One source of truth: the flag's data moves into the status (true: illustrative, false: reported) and back when
migrating backwards (illustrative: true, reported and verified: false), then the flag is removed.
"""

from django.db import migrations, models


def flag_to_status(apps, schema_editor):
    Figure = apps.get_model("impact", "ImpactFigure")
    Figure.objects.filter(is_illustrative=True).update(status="illustrative")
    Figure.objects.filter(is_illustrative=False).update(status="reported")


def status_to_flag(apps, schema_editor):
    Figure = apps.get_model("impact", "ImpactFigure")
    Figure.objects.filter(status="illustrative").update(is_illustrative=True)
    Figure.objects.exclude(status="illustrative").update(is_illustrative=False)


class Migration(migrations.Migration):
    dependencies = [
        ("impact", "0004_strip_figures_from_page_revisions"),
    ]

    operations = [
        migrations.AddField(
            model_name="impactfigure",
            name="status",
            field=models.CharField(
                choices=[
                    ("illustrative", "Illustrative"),
                    ("reported", "Reported by the unit"),
                    ("verified", "Verified by staff"),
                ],
                default="reported",
                help_text=(
                    "Illustrative: an example number, not a measured result. Reported: as the unit reported it. "
                    "Verified: checked by staff against the evidence. Each is marked wherever the figure is shown."
                ),
                max_length=12,
                verbose_name="status",
            ),
        ),
        migrations.RunPython(flag_to_status, status_to_flag, elidable=False),
        migrations.RemoveField(model_name="impactfigure", name="is_illustrative"),
    ]
