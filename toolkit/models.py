from .selfcheck_models import ReadinessQuestion, ReadinessTheme  # noqa: F401
