"""The network's public pages: the join form (never cached: it holds the reader's CSRF token), its thanks page,
and the list and map of approved groups."""

from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from casestudies.models import OrganisationKind, Region
from home.client_address import client_address
from home.localisation import current_language
from home.query_parameters import reads_query

from . import moderation, network_map, places, rate_limit
from .forms import HONEYPOT, JoinForm
from .models import Registration, Status

PER_PAGE = 20
SHOW_DISTRICTS = "show_districts"
FILTER_NAMES = ("region", "province", "kind")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def join(request):
    """The join form. "Show districts" re-shows it with the chosen province's districts (no JavaScript needed)."""
    language = current_language()
    host = request.get_host()
    status = 200
    if request.method != "POST":
        form = JoinForm(language=language, host=host)
    elif SHOW_DISTRICTS in request.POST:
        initial = {name: request.POST.get(name) for name in JoinForm.base_fields if name != HONEYPOT}
        initial["target_groups"] = request.POST.getlist("target_groups")
        form = JoinForm(initial=initial, language=language, host=host)
    else:
        address = client_address(request) or ""
        if rate_limit.is_limited(address):
            return render(request, "network/rate_limited.html", {"language": language}, status=429)
        form = JoinForm(request.POST, language=language, host=host)
        if form.tripped_honeypot():
            rate_limit.count(address)
            status = 400
        elif form.is_valid():
            rate_limit.count(address)
            moderation.submit(form, language, withdraw_url=lambda r: _withdraw_url(request, r))
            return redirect("network_join_thanks")
        else:
            status = 400
    return render(request, "network/join.html", {"form": form, "language": language}, status=status)


def _withdraw_url(request, registration):
    return request.build_absolute_uri(reverse("network_withdraw", args=[registration.withdrawal_token]))


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def withdraw(request, token):
    """The group's private link: confirm, then its contact is deleted and it leaves the public list."""
    language = current_language()
    registration = Registration.objects.exclude(status=Status.WITHDRAWN).filter(withdrawal_token=token).first()
    if registration is None:
        return render(request, "network/withdraw.html", {"language": language, "unknown": True}, status=404)
    if request.method == "POST":
        moderation.withdraw(registration)
        return render(request, "network/withdraw.html", {"language": language, "done": True})
    return render(request, "network/withdraw.html", {"language": language, "registration": registration})


@require_GET
def join_thanks(request):
    return render(request, "network/join_thanks.html", {"language": current_language()})


class ListFilters(forms.Form):
    region = forms.ChoiceField(choices=[("", "")] + list(Region.choices), required=False)
    province = forms.ChoiceField(required=False)
    kind = forms.ChoiceField(choices=[("", "")] + list(OrganisationKind.choices), required=False)

    def __init__(self, *args, language="th", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].choices = [("", "")] + list(places.province_choices(language))


@require_GET
@reads_query(*FILTER_NAMES, "page")
def network_index(request):
    """Approved groups (``Registration.objects.public()``), filtered and paged, on the map beside the pilot units."""
    language = current_language()
    filters = ListFilters(request.GET, language=language)
    groups = Registration.objects.public()
    status = 200
    if filters.is_valid():
        chosen = filters.cleaned_data
        if chosen["region"]:
            groups = groups.in_region(chosen["region"])
        if chosen["province"]:
            groups = groups.filter(province_code=chosen["province"])
        if chosen["kind"]:
            groups = groups.filter(kind=chosen["kind"])
    else:
        groups, status = groups.none(), 400
    groups = groups.only(*("pk", "name", "kind", "province_code", "district_code", "fund_start", "is_illustrative"))
    paginator = Paginator(groups.order_by("province_code", "name", "pk"), PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    by_province = dict(Registration.objects.public().values_list("province_code").annotate(n=Count("pk")).order_by())
    kept = filters.cleaned_data if filters.is_valid() else {}
    query = urlencode([(name, kept[name]) for name in FILTER_NAMES if kept.get(name)])
    context = {
        "language": language,
        "filters": filters,
        "chosen": {name: filters.data.get(name) for name in FILTER_NAMES},  # as given, for the selects
        "region_choices": Region.choices,
        "kind_choices": OrganisationKind.choices,
        "province_choices": places.province_choices(language),
        "groups": [network_map.Group.of(group, language) for group in page_obj.object_list],
        "page_obj": page_obj,
        "paginator": paginator,
        "filter_query": query,
        "map": network_map.build(by_province, language),
        "total": sum(by_province.values()),
    }
    return render(request, "network/index.html", context, status=status)
