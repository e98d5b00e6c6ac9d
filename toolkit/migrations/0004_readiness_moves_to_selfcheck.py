"""The self-check's models move to the ``selfcheck`` app, keeping their rows.

Database: the two tables are renamed to the new app's names. State: the models leave ``toolkit`` here and are
created (state only) by ``selfcheck.0001_initial``, which also moves their content types.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("toolkit", "0003_video_links"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable(name="readinesstheme", table="selfcheck_readinesstheme"),
                migrations.AlterModelTable(name="readinessquestion", table="selfcheck_readinessquestion"),
            ],
            state_operations=[
                migrations.DeleteModel(name="readinessquestion"),
                migrations.DeleteModel(name="readinesstheme"),
            ],
        ),
    ]
