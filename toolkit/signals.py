"""Signal receivers of the toolkit (connected by ``connect()`` from ``ToolkitConfig.ready``): rebuild the toolkit's
bundles when the toolkit, a step or a resource is published or changed, or privacy changes."""

from django.db.models.signals import post_delete, post_save

from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from .bundles import schedule_refresh
from .models import StepResource, ToolkitPage, ToolkitResource, ToolkitStepPage


def _page_changed(sender, instance, **kwargs):
    if isinstance(instance, ToolkitPage):
        schedule_refresh(instance.pk)
    else:
        parent = instance.get_parent()
        if parent is not None:
            schedule_refresh(parent.pk)


def _resource_saved(sender, instance, **kwargs):
    toolkit_ids = (
        ToolkitPage.objects.filter(
            path__in=[
                p[: -ToolkitPage.steplen]
                for p in StepResource.objects.filter(resource=instance, page__live=True).values_list(
                    "page__path", flat=True
                )
            ]
        )
        .live()
        .values_list("pk", flat=True)
    )
    for pk in toolkit_ids:
        schedule_refresh(pk)


def _privacy_changed(sender, instance, **kwargs):
    """A page was made private or public again: every toolkit's bundles may change."""
    for pk in ToolkitPage.objects.values_list("pk", flat=True):
        schedule_refresh(pk)


def connect():
    for model in (ToolkitPage, ToolkitStepPage):
        page_published.connect(_page_changed, sender=model, dispatch_uid=f"toolkit-published-{model.__name__}")
        page_unpublished.connect(_page_changed, sender=model, dispatch_uid=f"toolkit-unpublished-{model.__name__}")
    post_save.connect(_resource_saved, sender=ToolkitResource, dispatch_uid="toolkit-resource-saved")
    post_save.connect(_privacy_changed, sender=PageViewRestriction, dispatch_uid="toolkit-privacy-saved")
    post_delete.connect(_privacy_changed, sender=PageViewRestriction, dispatch_uid="toolkit-privacy-deleted")
