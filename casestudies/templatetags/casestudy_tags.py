"""Template helpers for case studies: years in the reader's era, the pilot units for the home page, units' cards."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from casestudies.context import Card
from casestudies.models import CaseStudyPage
from home import compiled_sql
from home.dates import display_year
from home.hero_image import card_pictures
from home.localisation import current_language
from home.translations import relative_page_url
from home.visibility import hidden_page_ids

register = template.Library()


@register.filter
def local_year(year):
    """2566 for Thai readers, 2023 for English readers."""
    if not year:
        return ""
    return display_year(int(year), current_language())


def _pilot_pages(locale_id, hidden, limit):
    # Only what a card shows (``unit_cards``): title, summary, hero image, province name, URL.
    fields = ("title", "url_path", "summary", "hero_image_id", "province__name", "locale_id", "content_type_id")
    pages = CaseStudyPage.objects.filter(locale_id=locale_id, is_pilot=True, live=True)
    if hidden:  # live and not hidden: ``home.visibility.public_pages``
        pages = pages.exclude(pk__in=hidden)
    return pages.order_by("path").select_related("province").only(*fields)[:limit]


@register.simple_tag(takes_context=True)
def pilot_case_studies(context, home_page, limit=6):
    """The first ``limit`` live pilot units (``is_pilot``) in ``home_page``'s language as cards, and the URL of
    their index. Units that took up the model later are not pilots and are not shown here.

    Two queries, however many units there are. The result depends only on the language, so the fragment
    that shows it can be wrapped in ``{% cache %}`` keyed by language if the home page must get faster.
    """
    pages = compiled_sql.objects(
        ("pilot-cards", limit), lambda *ids: _pilot_pages(*ids, limit), home_page.locale_id, sorted(hidden_page_ids())
    )
    if not pages:
        return {"cards": [], "index_url": ""}
    card_pictures(pages)  # the images' card renditions, one query compiled once
    request = context.get("request")
    cards = [Card(p, p.province, url=relative_page_url(p, request)) for p in pages]
    # Wagtail page URLs follow the tree, so the index is the first unit's URL without its last segment.
    return {"cards": cards, "index_url": cards[0].url.rstrip("/").rsplit("/", 1)[0] + "/"}


def card_image(picture):
    """A card's ``<img>`` (``picture``: a ``home.hero_image.CardPicture``, 400×250 or 800×500 on screens of two or
    more pixels per CSS pixel; a card is at most ~430 CSS pixels wide): no ``sizes`` or class to repeat on every card
    (issue 22; the style sheet gives every card image its width and 8:5 shape), but its intrinsic size, so that a
    browser without the style sheet yet (or a reader's own) keeps its box and the page does not shift as images
    arrive."""
    return format_html(
        '<img src="{}" srcset="{} 2x" width="{}" height="{}" alt="" loading="lazy">',
        picture.src,
        picture.src_2x,
        picture.width,
        picture.height,
    )


CARD = '<li><article>{image}<h3><a href="{url}">{title}</a></h3>{place}{groups}<p>{summary}</p></article></li>'


def _card_place(card):
    """``<p>Province · North region</p>``, or nothing for a unit without a province."""
    if card.province is None:
        return ""
    if not card.region_label:
        return format_html("<p>{}</p>", card.province.name)
    region = gettext("%(region)s region") % {"region": card.region_label}
    return format_html("<p>{} · {}</p>", card.province.name, region)


@register.simple_tag
def unit_cards(cards):
    """The ``<li>`` of each ``Card``: its image, linked title, province and region, target groups and summary.

    One card per unit, one line, no classes (styled through ``.cs-cards``; the list of target groups is named by the
    page's ``#cs-groups``): a listing of 8 (issue 22), the related units of a case study, the pilots on the home page.
    Written in Python, every value escaped by ``format_html``: an ``{% include %}`` per card cost a tenth of a page."""
    return mark_safe(  # noqa: S308 - each card is built by format_html, which escapes every value
        "".join(
            format_html(
                CARD,
                image=card_image(card.page.hero_picture) if card.page.hero_picture else "",
                url=card.url,
                title=card.page.title,
                place=_card_place(card),
                groups=format_html(
                    '<ul class="cs-tags" aria-labelledby="cs-groups">{}</ul>',
                    format_html_join("", "<li>{}</li>", ((group.name,) for group in card.groups)),
                )
                if card.groups
                else "",
                summary=card.page.summary,
            )
            for card in cards
        )
    )
