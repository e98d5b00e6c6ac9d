"""Reading the site's sitemaps as a crawler does: ``/sitemap.xml`` is an index of one sitemap per section."""

import re
from urllib.parse import urlsplit


def section_paths(client):
    """The paths of the sitemaps ``/sitemap.xml`` lists."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    return [urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", index.content.decode())]


def every_sitemap(client):
    """The text of the index and of every sitemap it lists, one after the other."""
    texts = [client.get("/sitemap.xml").content.decode()]
    for path in section_paths(client):
        response = client.get(path)
        assert response.status_code == 200, path
        texts.append(response.content.decode())
    return "\n".join(texts)
