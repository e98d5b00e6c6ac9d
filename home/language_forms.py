"""Admin page forms that offer, in their choosers and lists, only the objects of the page's own language."""

from .page_slugs import RomanisedSlugPageForm


class SameLanguagePageForm(RomanisedSlugPageForm):
    """A page form (romanised slug included) whose ``same_language_fields`` (foreign keys and many-to-many
    fields to translatable models) list only objects in the page's language: the page's own locale, or its
    parent's for a new page."""

    same_language_fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id or (self.parent_page.locale_id if self.parent_page else None)
        if locale_id:
            for name in self.same_language_fields:
                if name in self.fields:
                    field = self.fields[name]
                    field.queryset = field.queryset.filter(locale_id=locale_id)
