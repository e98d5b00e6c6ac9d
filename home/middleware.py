"""Responses for signed-in users are marked ``private, no-store``: no shared cache and no service worker
keeps a page that may show an editor's view (the offline toolkit stores only what anyone may see)."""

from django.utils.cache import add_never_cache_headers, patch_cache_control


def private_pages_not_stored(get_response):
    def middleware(request):
        response = get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response

    return middleware
