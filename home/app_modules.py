"""Find the feature apps' content modules (``<app>.demo``, ``<app>.scale``) and the order they must run in.

``home`` may not import feature apps, so its management commands discover them: every installed app with the
module, ordered by the ``demo_after`` labels on its AppConfig (later content refers to earlier content: figures
to case studies, news to units and partners; every section to the home page); otherwise apps keep their
INSTALLED_APPS order, which is also the order of the sections in the page tree.
"""

import importlib
import importlib.util

from django.apps import apps


class ContentOrderError(ValueError):
    """``demo_after`` makes a circle, so no order satisfies it."""


def apps_with_module(module):
    """The installed apps that have a ``<app>.<module>`` module, in the order their content must be made."""
    configs = [config for config in apps.get_app_configs() if importlib.util.find_spec(f"{config.name}.{module}")]
    labels = {config.label for config in configs}
    waiting = {config.label: set(getattr(config, "demo_after", ())) & labels for config in configs}
    ordered = []
    while configs:
        ready = next((c for c in configs if not waiting[c.label] - {o.label for o in ordered}), None)
        if ready is None:
            raise ContentOrderError(f"demo_after makes a circle between {', '.join(c.label for c in configs)}")
        ordered.append(ready)
        configs.remove(ready)
    return ordered


def content_modules(module):
    """The ``<app>.<module>`` modules themselves, in ``apps_with_module`` order."""
    return [importlib.import_module(f"{config.name}.{module}") for config in apps_with_module(module)]
