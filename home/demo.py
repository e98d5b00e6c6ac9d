"""Demo content for the home app: partners, the home page and the about, partners, privacy and FAQ pages.

The text lives in home/demo/*.yaml, Thai and English side by side; every statement comes from the source
article (docs/source/FACTS.md) and nothing here is a figure. This module only creates the content.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import Locale, Page, Site

from . import roles
from .demo_data import Pair, pick, pilot_slugs, read, stream
from .demo_translation import translate
from .models import HomePage, Partner, StandardPage

DATA = Path(__file__).parent / "demo"
PAGE_KEYS = ("title", "slug")

PARTNERS = read(DATA / "partners.yaml", required={"partners": ("name", "short_name", "role", "website")})["partners"]
PAGES = read(
    DATA / "pages.yaml",
    required={
        "site_name": (),
        "home": (*PAGE_KEYS, "body"),
        "about": (*PAGE_KEYS, "body"),
        "partners_page": (*PAGE_KEYS, "partners_heading", "body"),
        "privacy": (*PAGE_KEYS, "body"),
        "faq": (*PAGE_KEYS, "questions"),
    },
)


def _with_stream(page, field="body"):
    return {**page, field: stream(page[field])}


def _partner_title(partner, language):
    name, short_name = getattr(partner["name"], language), getattr(partner["short_name"], language)
    return f"{name} ({short_name})" if short_name else name


def _partners_page(page):
    """The partners page lists every partner, with its short name, before the page's own text."""
    partner_points = [
        {"title": Pair(_partner_title(p, "th"), _partner_title(p, "en")), "text": p["role"]} for p in PARTNERS
    ]
    content = {key: value for key, value in page.items() if key != "partners_heading"}
    partner_list = ("points", {"heading": page["partners_heading"], "points": partner_points})
    return {**content, "body": [partner_list, *stream(page["body"])]}


def _faq(page):
    """Question-and-answer blocks: each question an H2 heading, each answer a paragraph."""
    body = []
    for item in page["questions"]:
        body.append(("heading", {"text": item["question"], "level": "h2"}))
        body.append(("paragraph", item["answer"]))
    return {**{key: value for key, value in page.items() if key != "questions"}, "body": body}


HOME = _with_stream(PAGES["home"])
ABOUT = _with_stream(PAGES["about"])
PARTNERS_PAGE = _partners_page(PAGES["partners_page"])
PRIVACY = _with_stream(PAGES["privacy"])  # linked from the footer (home.templatetags.navigation_tags)
FAQ = _faq(PAGES["faq"])  # answered only from the source article's facts (docs/source/FACTS.md)


def _ensure_partners():
    for order, data in enumerate(PARTNERS):
        thai = pick(data, "th")
        partner = Partner.objects.filter(locale__language_code="th", name=thai["name"]).first()
        if partner is None:
            partner = Partner.objects.create(locale=Locale.objects.get(language_code="th"), sort_order=order, **thai)
        translate(partner, Partner(sort_order=order, **pick(data, "en")))


def _ensure_home():
    thai_locale = Locale.objects.get(language_code="th")
    home = HomePage.objects.filter(locale=thai_locale).first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's placeholder "Welcome" page holds the slug "home" until it is replaced below.
        placeholders = list(
            root.get_children().exclude(pk__in=HomePage.objects.values("pk")).values_list("pk", flat=True)
        )
        Page.objects.filter(pk__in=placeholders).update(slug="wagtail-placeholder")
        values = pick(HOME, "th")
        home = root.add_child(instance=HomePage(locale=thai_locale, **values))
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        site.hostname, site.port, site.site_name, site.root_page = "localhost", 80, PAGES["site_name"], home
        site.save()
        for placeholder in Page.objects.filter(pk__in=placeholders):
            placeholder.delete()
    translate(home, HomePage(**pick(HOME, "en")))
    return home


def ensure_page(parent, model, content, **extra):
    """Get or create (and publish) the Thai child of ``parent`` with ``content``'s slug, then its English translation."""
    values = pick(content, "th")
    page = model.objects.child_of(parent).filter(slug=values["slug"]).first()
    if page is None:
        page = parent.add_child(instance=model(locale=parent.locale, **values, **extra))
        page.save_revision().publish()
    translate(page, model(**pick(content, "en"), **extra))
    return page


# One demo account per editorial role, so each role's view of the admin can be tried (created with the demo admin,
# i.e. only with DEBUG on or ``load_demo_content --admin``). The coordinator coordinates the Bueng Kan unit.
DEMO_STAFF = {
    "editor": [roles.EDITORS],
    "moderator": [roles.MODERATORS],
    "translator": [roles.TRANSLATORS],
    "data": [roles.DATA_STAFF],
    "coordinator": [roles.UNIT_COORDINATORS],
}
DEMO_COORDINATED_UNIT = pilot_slugs()["bueng-kan"]

# Names and admin languages of the demo accounts (home/demo/staff.yaml). The Thai given name is ``first_name``
# (Wagtail greets the user with it) and ``last_name`` is the Thai family name followed by the English name in
# brackets; Wagtail's one full name then reads well in both languages: "สมศรี ใจดี (Somsri Jaidee)".
PERSON_KEYS = ("username", "given_name", "family_name", "english_name", "admin_language")
DEMO_PEOPLE = {
    person["username"]: person for person in read(DATA / "staff.yaml", required={"people": PERSON_KEYS})["people"]
}


def name_demo_account(user):
    """Give a demo account its Thai and English name and admin language, where they are still unset."""
    from wagtail.users.models import UserProfile

    if user.username not in DEMO_PEOPLE:
        return
    person = DEMO_PEOPLE[user.username]
    if not (user.first_name or user.last_name):
        user.first_name, user.last_name = person["given_name"], f"{person['family_name']} ({person['english_name']})"
        user.save(update_fields=["first_name", "last_name"])
    profile = UserProfile.get_for_user(user)
    if not profile.preferred_language:
        profile.preferred_language = person["admin_language"]
        profile.save(update_fields=["preferred_language"])


def ensure_demo_staff(password):
    """Create the demo staff accounts that do not exist yet, and name every demo account; returns their usernames.

    Names and languages are only filled in where they are empty, so a second run (or a name changed in the
    admin) is left as it is.
    """
    User = get_user_model()
    for username, group_names in DEMO_STAFF.items():
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(username, f"{username}@example.org", password)
            user.groups.add(*Group.objects.filter(name__in=group_names))
    for user in User.objects.filter(username__in=DEMO_PEOPLE):
        name_demo_account(user)
    unit = Page.objects.filter(slug=DEMO_COORDINATED_UNIT, locale=Locale.get_default()).first()
    if unit is not None:
        roles.grant_unit_coordinator(User.objects.get(username="coordinator"), unit)
    return list(DEMO_STAFF)


def load(stdout=None):
    _ensure_partners()
    home = _ensure_home()
    ensure_page(home, StandardPage, ABOUT)
    ensure_page(home, StandardPage, PARTNERS_PAGE)
    ensure_page(home, StandardPage, PRIVACY)
    ensure_page(home, StandardPage, FAQ)
    if stdout:
        stdout.write(f"home: home page, about, partners, privacy and FAQ pages, {len(PARTNERS)} partners")
