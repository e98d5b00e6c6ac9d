"""Context for the case study pages (filled in below)."""


def index_context(page, request):
    return {}


def detail_context(page, request):
    return {}
