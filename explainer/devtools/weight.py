"""A page's weight: its HTML and every stylesheet, script, icon and image it links, as served."""

import gzip
from dataclasses import dataclass
from html.parser import HTMLParser

from .loopback import require_ok


class LinkedResources(HTMLParser):
    """The stylesheets, scripts, icons and images a page links, as (kind, URL) in document order."""

    def __init__(self):
        super().__init__()
        self.resources = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        rel = (attributes.get("rel") or "").lower().split()
        if tag == "link" and "stylesheet" in rel and attributes.get("href"):
            self.resources.append(("stylesheet", attributes["href"]))
        elif tag == "link" and "icon" in rel and attributes.get("href"):
            self.resources.append(("icon", attributes["href"]))
        elif tag == "script" and attributes.get("src"):
            self.resources.append(("script", attributes["src"]))
        elif tag == "img" and attributes.get("src"):
            self.resources.append(("image", attributes["src"]))


@dataclass
class Weight:
    label: str
    raw_bytes: int
    gzip_bytes: int
    gzip_as_served: bool
    body: bytes


def weigh(port, path, label):
    """The bytes of PATH uncompressed, and gzip-compressed as served (or at level 6 if the server sends it plain)."""
    plain = require_ok(port, path, headers={"Accept-Encoding": "identity"})
    compressed = require_ok(port, path, headers={"Accept-Encoding": "gzip"})
    if compressed.headers.get("Content-Encoding") == "gzip":
        return Weight(label, len(plain.body), len(compressed.body), True, plain.body)
    return Weight(label, len(plain.body), len(gzip.compress(plain.body, 6)), False, plain.body)
