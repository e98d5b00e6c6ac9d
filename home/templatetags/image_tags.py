"""``{% srcset_image %}`` as Wagtail's (same arguments, same markup), with its filters parsed once per process.

Wagtail's tag builds a ``Filter`` for each size at every render and each one parses its spec and reads the
registered image operations again (issue 18: a third of a card image's cost with every cache off). A ``Filter``
holds only its spec and the operations parsed from it, never an image, so the node keeps its list. Load it after
``wagtailimages_tags`` to use it: ``{% load wagtailimages_tags image_tags %}``.
"""

from django import template

from wagtail.images.templatetags.wagtailimages_tags import SrcsetImageNode
from wagtail.images.templatetags.wagtailimages_tags import image as parse_image_tag

register = template.Library()


class KeptFiltersSrcsetImageNode(SrcsetImageNode):
    """A ``SrcsetImageNode`` that builds its filters on its first render only."""

    filters = None

    def get_filters(self):
        if self.filters is None:
            self.filters = super().get_filters()
        return self.filters


@register.tag("srcset_image")
def srcset_image(parser, token):
    node = parse_image_tag(parser, token)
    return KeptFiltersSrcsetImageNode(
        node.image_expr, node.filter_specs, output_var_name=node.output_var_name, attrs=node.attrs
    )
