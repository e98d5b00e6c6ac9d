import time

from django.core.management.base import BaseCommand, CommandError

from home.app_modules import ContentOrderError, content_modules


class Command(BaseCommand):
    help = (
        "Grow the demo site (run load_demo_content first) to programme scale with illustrative content in Thai and "
        "English: case-study units over all 77 provinces, news pages, and quarterly figures for every indicator. "
        "A second run with the same numbers adds nothing; larger numbers add only what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--units", type=int, default=200, help="Illustrative case-study units (default 200).")
        parser.add_argument("--news", type=int, default=500, help="Illustrative news pages (default 500).")
        parser.add_argument(
            "--quarters", type=int, default=12, help="Quarters of figures per unit and indicator (default 12)."
        )

    def handle(self, *args, **options):
        sizes = {key: options[key] for key in ("units", "news", "quarters")}
        if any(value < 0 for value in sizes.values()):
            raise CommandError("--units, --news and --quarters cannot be negative")
        try:
            modules = content_modules("scale")
        except ContentOrderError as error:
            raise CommandError(str(error)) from error
        # Not one transaction, as in load_demo_content: wagtail-localize synchronises locales on commit.
        for module in modules:
            started = time.perf_counter()
            module.generate(**sizes, stdout=self.stdout)
            if options["verbosity"] > 1:
                self.stdout.write(f"  ({module.__name__}: {time.perf_counter() - started:.1f} s)")
