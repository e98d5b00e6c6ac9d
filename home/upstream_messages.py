"""Thai for the Wagtail and Django messages staff meet daily that their own Thai catalogues lack (or word badly).

The Thai text is in the project catalogue (``locale/th/LC_MESSAGES/django.po``), which ``LOCALE_PATHS`` puts
before Wagtail's and Django's. The message ids are listed here, word for word as Wagtail 8 and Django 5 write
them, so that ``makemessages`` keeps them in the project catalogue. Nothing imports this module.
"""

from django.utils.translation import gettext_noop

UPSTREAM_MESSAGES = (
    # Sign-in page
    gettext_noop("Remember me"),
    gettext_noop("Forgotten password?"),
    # Privacy dialog
    gettext_noop("Privacy"),
    gettext_noop("Private, accessible with a shared password"),
    gettext_noop("Private, accessible to any logged-in users"),
    gettext_noop("shared password"),
    gettext_noop(
        "Shared passwords should not be used to protect sensitive content. Anyone who has this password will be able to view the content."
    ),
    gettext_noop("Privacy is inherited from the ancestor page - %(ancestor_page)s"),
    gettext_noop("Changing the privacy for this page has been disabled."),
    # Page and workflow status
    gettext_noop("in moderation"),
    gettext_noop("scheduled"),
    gettext_noop("Current page status:"),
    gettext_noop("Toggle status"),
    gettext_noop("In progress"),
    gettext_noop("Approved"),
    gettext_noop("Needs changes"),
    gettext_noop("Cancelled"),
    gettext_noop("Rejected"),
    gettext_noop("Skipped"),
    gettext_noop("Not started"),
    gettext_noop("Request changes"),
    gettext_noop("Approve with comment"),
    # Saving a page
    gettext_noop("The slug '%(page_slug)s' is already in use within the parent page."),
    gettext_noop("The slug '%(page_slug)s' is already in use within the parent page at '%(parent_url_path)s'."),
    gettext_noop("The page could not be created due to validation errors."),
    gettext_noop("The page could not be saved due to validation errors."),
    gettext_noop("There are validation errors, click save to highlight them."),
    gettext_noop("The page could not be saved as it is locked."),
    gettext_noop("Saving will overwrite a newer version."),
    gettext_noop("Go to the first error"),
    gettext_noop("Enter a valid “slug” consisting of letters, numbers, underscores or hyphens."),
    # Promote tab
    gettext_noop("For search engines"),
    gettext_noop("For site menus"),
    gettext_noop("title tag"),
    gettext_noop("The name of the page displayed on search engine results as the clickable headline."),
    gettext_noop("meta description"),
    gettext_noop("The descriptive text displayed underneath a headline in search engine results."),
    # Uploads
    gettext_noop("File extension “%(extension)s” is not allowed. Allowed extensions are: %(allowed_extensions)s."),
    gettext_noop("Not a valid .%(extension)s image. The extension does not match the file format (%(image_format)s)"),
    gettext_noop("This file has too many pixels (%(num_pixels)s). Maximum pixels %(max_pixels_count)s."),
    gettext_noop("unknown number"),
    gettext_noop("Please add some alt text for your image or mark it as decorative"),
    gettext_noop("Image is decorative"),
    gettext_noop("Null characters are not allowed."),
)
