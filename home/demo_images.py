"""Illustrative images for the demo content, drawn with Pillow (no photos of real people or places).

Each image is an abstract pattern in the site's colours; its alt text lives on the page or block that
uses it. Looked up by title, so loading the demo twice creates no duplicates.
"""

import io
import random

from PIL import Image as PILImage
from PIL import ImageDraw

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

PALETTES = {
    "green": ((11, 92, 59), (228, 240, 233), (138, 75, 8)),
    "ochre": ((138, 75, 8), (251, 240, 220), (11, 92, 59)),
    "blue": ((29, 78, 216), (224, 231, 255), (138, 75, 8)),
    "teal": ((15, 118, 110), (220, 242, 238), (120, 53, 15)),
}


def draw_pattern(seed: str, palette: str = "green", size=(1200, 800)) -> bytes:
    """A deterministic abstract picture (woven bands and circles) as PNG bytes."""
    dark, light, accent = PALETTES[palette]
    rng = random.Random(seed)
    img = PILImage.new("RGB", size, light)
    draw = ImageDraw.Draw(img)
    width, height = size
    band = height // 10
    for row in range(10):
        if row % 2:
            draw.rectangle([0, row * band, width, row * band + band // 2], fill=dark)
    for col in range(0, width, band):
        if rng.random() < 0.5:
            draw.rectangle([col, 0, col + band // 3, height], fill=accent)
    for _ in range(6):
        r = rng.randint(height // 12, height // 5)
        x, y = rng.randint(r, width - r), rng.randint(r, height - r)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=light, outline=dark, width=8)
    buffer = io.BytesIO()
    img.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def demo_image(title: str, palette: str = "green"):
    """Get or create the Wagtail image called ``title``."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    slug = "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")[:60] or "demo"
    image = Image(title=title)
    image.file = ImageFile(io.BytesIO(draw_pattern(title, palette)), name=f"demo-{slug}.png")
    image.save()
    return image
