"""Create, edit and delete of a single figure in the admin, each logged with the values it changed.

Each purges the pages that show the unit's figures (``services.figures_changed``), not the whole site.
Registered for ``ImpactFigure`` through the ``register_actions`` hook, in place of Wagtail's plain
``wagtail.create`` / ``wagtail.edit`` / ``wagtail.delete`` entries, which do not say what changed.
"""

from django.db import transaction

from wagtail.actions.create import CreateAction
from wagtail.actions.delete import DeleteAction
from wagtail.actions.edit import EditAction

from . import history
from .models import ImpactFigure
from .services import figures_changed, lock_units


class FigureCreateAction(CreateAction):
    def __init__(self, instance, user=None, **kwargs):
        kwargs["log_action"] = None
        super().__init__(instance, user=user, **kwargs)

    @transaction.atomic
    def _create(self, skip_permission_checks=False):
        instance = super()._create(skip_permission_checks=skip_permission_checks)
        history.record([(None, instance)], history.CREATE, self.user)
        figures_changed([instance.page_id])
        return instance


class FigureEditAction(EditAction):
    def __init__(self, instance, user=None, **kwargs):
        kwargs["log_action"] = None
        super().__init__(instance, user=user, **kwargs)

    @transaction.atomic
    def _edit(self, skip_permission_checks=False):
        old = ImpactFigure.objects.select_related("page", "indicator").get(pk=self.instance.pk)
        lock_units(sorted({old.page_id, self.instance.page_id}))
        old = ImpactFigure.objects.select_related("page", "indicator").get(pk=self.instance.pk)  # after the lock
        instance = super()._edit(skip_permission_checks=skip_permission_checks)
        history.record([(history.snapshot(old), instance)], history.EDIT, self.user)
        figures_changed([old.page_id, instance.page_id])
        return instance


class FigureDeleteAction(DeleteAction):
    def __init__(self, instance, user=None, **kwargs):
        kwargs["log_action"] = None
        super().__init__(instance, user=user, **kwargs)

    def _delete(self):
        with transaction.atomic():
            figure = ImpactFigure.objects.select_related("page", "indicator").get(pk=self.instance.pk)
            history.record([(history.snapshot(figure), figure)], history.DELETE, self.user, deleted=True)
            figures_changed([figure.page_id])
            return self.instance.delete()


def register(registry):
    """For the ``register_actions`` hook."""
    for action_class in (FigureCreateAction, FigureEditAction, FigureDeleteAction):
        registry.register(ImpactFigure, action_class)
