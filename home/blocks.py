"""The one shared stream of content blocks, reused by every page type's body."""

from urllib.parse import urlsplit

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading (H2)")), ("h3", _("Sub-heading (H3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"
        description = _("A section heading; use H2 for sections and H3 inside them.")
        preview_value = {"text": "กองทุนเพื่อพัฒนาอาชีพ", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["bold", "italic", "link", "document-link", "ol", "ul"])
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "blocks/paragraph_block.html"
        description = _("Text with bold, italic, links and lists.")
        preview_value = "<p>ใช้อาชีพและกองทุนเป็นเครื่องมือช่วยให้คนเกิดการเรียนรู้</p>"


class ImageBlock(blocks.StructBlock):
    """An image with its alt text on the block, so the alt text is translated with the page."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alt text"),
        max_length=250,
        help_text=_("Describe what the image shows for readers who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    attribution = blocks.CharBlock(
        label=_("Credit"), required=False, max_length=250, help_text=_("Photographer or source.")
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"
        description = _("An image with alt text, an optional caption and credit.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    speaker = blocks.CharBlock(label=_("Speaker"), required=False, max_length=200)
    role = blocks.CharBlock(
        label=_("Speaker's role"), required=False, max_length=200, help_text=_("E.g. committee member.")
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"
        description = _("A quotation with who said it.")
        preview_value = {"text": "อาชีพคือเครื่องมือของการเรียนรู้", "speaker": "สมาชิกกลุ่ม"}


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Gallery title"), required=False, max_length=200)
    images = blocks.ListBlock(ImageBlock(), label=_("Images"), min_num=1)

    class Meta:
        icon = "grip"
        label = _("Gallery")
        template = "blocks/gallery_block.html"
        description = _("A grid of images, each with alt text.")


class MediaLinkBlock(blocks.StructBlock):
    """A video or other media kept on another site, shown as a plain link with an optional local picture.

    The site never embeds other sites' players: an iframe would load their scripts and cookies on every visit
    (readers' privacy, the strict Content-Security-Policy) and cost data on slow phones. Readers follow the link
    when they choose to.
    """

    url = blocks.URLBlock(
        label=_("Video or media address"),
        help_text=_("The full address of the video or media, e.g. a YouTube or Facebook video link."),
    )
    title = blocks.CharBlock(
        label=_("Title"), max_length=200, help_text=_("What the video is about, in this language.")
    )
    image = ImageChooserBlock(
        label=_("Picture"),
        required=False,
        help_text=_("Optional: a still from the video, uploaded here, so nothing loads from the other site."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        host = urlsplit(value["url"] or "").hostname or ""
        context["host"] = host.removeprefix("www.")
        return context

    class Meta:
        icon = "media"
        label = _("Link to a video")
        template = "blocks/media_link_block.html"
        description = _("A link to a video or other media on another site (not embedded, for readers' privacy).")


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("info", _("Information")), ("tip", _("Tip")), ("warning", _("Caution"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    text = ParagraphBlock(label=_("Text"))

    class Meta:
        icon = "help"
        label = _("Callout")
        template = "blocks/callout_block.html"
        description = _("A highlighted box for a tip, note or caution.")
        preview_value = {"kind": "tip", "title": "เคล็ดลับ", "text": "<p>เริ่มจากทุนเดิมของชุมชน</p>"}


class PointBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.TextBlock(label=_("Text"), required=False)

    class Meta:
        icon = "list-ul"
        label = _("Point")


class PointsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    points = blocks.ListBlock(PointBlock(), label=_("Points"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Numbered points")
        template = "blocks/points_block.html"
        description = _("A numbered list of ideas, each with a title and a short text.")
        preview_value = {
            "heading": "แนวคิด",
            "points": [{"title": "อาชีพและกองทุนเป็นเครื่องมือ", "text": "ช่วยให้คนเกิดการเรียนรู้"}],
        }


class BaseStreamBlock(blocks.StreamBlock):
    """Every page body uses this stream, so editors learn one set of blocks."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    gallery = GalleryBlock()
    embed = MediaLinkBlock()  # stream name kept from the earlier embed block, so stored content still loads
    callout = CalloutBlock()
    points = PointsBlock()
