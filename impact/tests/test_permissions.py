import pytest

from home.factories import user

pytestmark = pytest.mark.django_db


def member_of(group_name):
    return user(f"u-{group_name[:4]}", group_name)


def test_data_staff_import_and_edit_figures(client):
    user = member_of("Data staff")
    assert user.has_perm("impact.add_impactfigure") and user.has_perm("impact.change_impactfigure")
    assert user.has_perm("impact.change_indicator")
    client.force_login(user)
    assert client.get("/admin/impact/import/").status_code == 200


def test_translators_cannot_import_figures(client):
    user = member_of("Translators")
    assert not user.has_perm("impact.add_impactfigure")
    client.force_login(user)
    assert client.get("/admin/impact/import/").status_code in (302, 403)
