"""Data staff import and edit impact figures and the indicator catalogue; editors and moderators may too.

Permissions are created here (not only by post_migrate) so the grant works on a fresh database.
"""

from django.db import migrations

GRANTS = {
    "Data staff": {"impactfigure": ["add", "change", "delete", "view"], "indicator": ["add", "change", "view"]},
    "Editors": {"impactfigure": ["add", "change", "view"], "indicator": ["add", "change", "view"]},
    "Moderators": {"impactfigure": ["add", "change", "delete", "view"], "indicator": ["add", "change", "delete", "view"]},
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for group_name, models in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for model, actions in models.items():
            content_type, _ = ContentType.objects.get_or_create(app_label="impact", model=model)
            for action in actions:
                permission, _ = Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=f"{action}_{model}",
                    defaults={"name": f"Can {action} {model}"},
                )
                group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("impact", "0001_initial"),
        ("home", "0003_editorial_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
