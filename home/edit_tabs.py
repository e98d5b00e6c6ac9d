"""Editor tabs that one app adds to another app's page type, so the page's own app need not know about them.

Call ``add_edit_tab`` from the adding app's ``AppConfig.ready``: Wagtail builds (and caches) a page type's
editor from its ``edit_handler`` on first use, which is always later.
"""


def add_edit_tab(page_model, tab):
    """Put ``tab`` (an ``ObjectList``) into ``page_model``'s tabbed editor, before its last tab ("Promote")."""
    handler = page_model.edit_handler
    children = list(handler.children)
    if any(child.heading == tab.heading for child in children):
        return  # already added (ready() may run again, e.g. in tests)
    handler.children = [*children[:-1], tab, children[-1]]
