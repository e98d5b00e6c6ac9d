"""Editorial roles and the "Review" workflow, so every install has them.

Editors create and edit everything but cannot publish; Moderators approve and publish; Translators
translate into English (page permissions on the English tree are granted by ``home.roles`` when the
English home page exists); Unit coordinators get page permissions per case study from
``home.roles.grant_unit_coordinator``; Data staff get the impact-figure permissions from the impact
app's own migration. Every page is under the "Review" workflow: one approval task for Moderators.
Permissions are set exactly (not added to), so re-running gives the same result.
"""

from django.conf import settings
from django.db import migrations

ADMIN = [("wagtailadmin", "admin", "access_admin")]
TRANSLATE = [("wagtail_localize", "translation", "submit_translation")]


def _model_perms(app_label, model, actions):
    return [(app_label, model, f"{action}_{model}") for action in actions]


IMAGES_ALL = ["add", "change", "choose", "delete"]
GROUP_PERMISSIONS = {
    "Editors": ADMIN
    + TRANSLATE
    + _model_perms("wagtailimages", "image", ["add", "change", "choose"])
    + _model_perms("wagtaildocs", "document", ["add", "change", "choose"])
    + _model_perms("home", "partner", ["add", "change"]),
    "Moderators": ADMIN
    + TRANSLATE
    + _model_perms("wagtailimages", "image", IMAGES_ALL)
    + _model_perms("wagtaildocs", "document", IMAGES_ALL)
    + _model_perms("home", "partner", ["add", "change", "delete"]),
    # Translators may change partners because wagtail-localize's snippet editor needs it.
    "Translators": ADMIN
    + TRANSLATE
    + _model_perms("wagtailimages", "image", ["choose"])
    + _model_perms("wagtaildocs", "document", ["choose"])
    + _model_perms("home", "partner", ["change"]),
    "Unit coordinators": ADMIN
    + _model_perms("wagtailimages", "image", ["add", "choose"])
    + _model_perms("wagtaildocs", "document", ["add", "choose"]),
    "Data staff": ADMIN + _model_perms("wagtaildocs", "document", ["add", "choose"]),
}
# Images and documents: the same rights inside the root collection (Wagtail checks both levels).
COLLECTION_APPS = {"wagtailimages", "wagtaildocs"}
# Page permissions on the tree root, which covers every language's tree.
ROOT_PAGE_PERMISSIONS = {
    "Editors": ["add_page", "change_page", "lock_page"],
    "Moderators": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"],
}
WORKFLOW_NAME = "Review"
TASK_NAME = "Moderators approve"


def _permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ").capitalize()}
    )
    return permission


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    groups = {}
    for name, specs in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        permissions = [_permission(apps, *spec) for spec in specs]
        group.permissions.set(permissions)
        GroupCollectionPermission.objects.filter(group=group).delete()
        if root_collection is not None:
            for permission, (app_label, _model, _codename) in zip(permissions, specs, strict=True):
                if app_label in COLLECTION_APPS:
                    GroupCollectionPermission.objects.create(
                        group=group, collection=root_collection, permission=permission
                    )
        if root_page is not None:
            GroupPagePermission.objects.filter(group=group, page=root_page).delete()
            for codename in ROOT_PAGE_PERMISSIONS.get(name, []):
                GroupPagePermission.objects.create(
                    group=group, page=root_page, permission=_permission(apps, "wagtailcore", "page", codename)
                )

    if root_page is not None:
        _create_review_workflow(apps, root_page, groups["Moderators"])
    _grant_translators(apps, groups["Translators"])


def _grant_translators(apps, translators):
    """On an existing install: Translators edit the non-Thai trees (new installs: ``home.roles`` does it)."""
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    permissions = [_permission(apps, "wagtailcore", "page", codename) for codename in ["add_page", "change_page"]]
    for page in Page.objects.filter(depth=2).exclude(locale__language_code=settings.LANGUAGE_CODE):
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(group=translators, page=page, permission=permission)


def _create_review_workflow(apps, root_page, moderators):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    task.groups.set([moderators])

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.filter(workflow=workflow).exclude(task=task).delete()
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    # Replace Wagtail's default "Moderators approval" workflow on the root with "Review".
    previous = [wp.workflow_id for wp in WorkflowPage.objects.filter(page=root_page)]
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    Workflow.objects.filter(pk__in=previous).exclude(pk=workflow.pk).filter(workflow_pages__isnull=True).update(
        active=False
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_english_locale"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
