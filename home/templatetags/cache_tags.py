from django import template
from django.templatetags.cache import CacheNode

from wagtail.models import Page

register = template.Library()


@register.simple_tag(takes_context=True)
def content_cache_seconds(context):
    """How long the main content of this response may be kept as a fragment: Wagtail pages answering GET only.

    Keyed by language and full address (query string included) and purged on publish (home/page_cache.py).
    Django views (forms, the planner, the self-check) and previews render every time.
    """
    request = context.get("request")
    if request is None or request.method != "GET" or not isinstance(context.get("page"), Page):
        return 0
    return context.get("fragment_seconds", 0)


class FragmentNode(CacheNode):
    """Django's ``{% cache %}``, except that a fragment kept for 0 seconds (every cache off, previews, signed-in
    readers) is rendered straight away: no key is made and no cache is asked for what it can never hold."""

    def render(self, context):
        if not self.expire_time_var.resolve(context):
            return self.nodelist.render(context)
        return super().render(context)


@register.tag("fragment")
def do_fragment(parser, token):
    """``{% fragment seconds name vary_on... %}...{% endfragment %}``: the arguments of ``{% cache %}``."""
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    tokens = token.split_contents()
    if len(tokens) < 3:
        raise template.TemplateSyntaxError(f"'{tokens[0]}' tag requires at least 2 arguments.")
    vary_on = [parser.compile_filter(bit) for bit in tokens[3:]]
    return FragmentNode(nodelist, parser.compile_filter(tokens[1]), tokens[2], vary_on, None)
