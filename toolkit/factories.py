"""Test data for the toolkit: extra steps, and resources (a document) attached to a step."""

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

from toolkit.models import StepResource, ToolkitResource


def step_copy(step, index):
    """A live copy of ``step`` beside it, as step ``extra-step-<index>``."""
    return step.copy(update_attrs={"slug": f"extra-step-{index}", "title": f"Extra step {index}"}, keep_live=True)


def step_resource(step, file_name, title, content=b"a,b\n1,2\n", kind="form"):
    """A resource in ``step``'s language whose document is ``file_name``, linked from ``step``."""
    document = get_document_model()(title=title)
    document.file.save(file_name, ContentFile(content), save=False)
    document.save()
    resource = ToolkitResource.objects.create(
        title=title,
        description="-",
        kind=kind,
        language=step.locale.language_code,
        document=document,
        locale=step.locale,
    )
    StepResource.objects.create(page=step, resource=resource, locale=step.locale)
    return resource
