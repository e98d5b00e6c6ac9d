"""Give every translation and alias of a restricted page the same view restriction (home.privacy_mirror)."""

from django.db import migrations


def mirror_existing_restrictions(apps, schema_editor):
    from home.privacy_mirror import group_q, mirror_restriction

    Page = apps.get_model("wagtailcore", "Page")
    PageViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")
    done = set()
    # Oldest first: where pages of one group already differ, the first restriction made wins.
    for restriction in PageViewRestriction.objects.order_by("pk"):
        if restriction.page_id in done:
            continue
        page = Page.objects.get(pk=restriction.page_id)
        mirror_restriction(restriction, Page, PageViewRestriction)
        done |= {page.pk, *Page.objects.filter(group_q(page, Page)).values_list("pk", flat=True)}


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_video_links"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(mirror_existing_restrictions, migrations.RunPython.noop)]
