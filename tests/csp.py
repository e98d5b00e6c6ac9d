"""Reading a Content-Security-Policy header in tests: django-csp does not keep the directives in a fixed order."""


def csp_directives(policy):
    """``"default-src 'self'; img-src 'self' data:"`` as ``{"default-src": ["'self'"], "img-src": [...]}``."""
    parsed = {}
    for part in policy.split(";"):
        if part.strip():
            name, *values = part.split()
            parsed[name] = values
    return parsed
