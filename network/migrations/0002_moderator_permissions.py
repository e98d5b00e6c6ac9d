"""Moderators review network registrations (view, change: the decision) and may export them with their contacts.

No other role gets them: registrations hold personal data. Permissions are created here (not only by post_migrate)
so the grant works on a fresh database.
"""

from django.db import migrations

GRANTS = {"Moderators": ["view_registration", "change_registration", "export_registration"]}
NAMES = {"export_registration": "Can export network registrations with their contacts"}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="network", model="registration")
    for group_name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for codename in codenames:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=codename,
                defaults={"name": NAMES.get(codename, codename.replace("_", " ").capitalize())},
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0001_initial"),
        ("home", "0003_editorial_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
