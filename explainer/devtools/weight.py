"""A page's weight: its HTML and every stylesheet, script, icon and image it links, as served."""

import gzip
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

from .loopback import LOOPBACK, require_ok


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


def page_weight(command, port, path, target):
    """Print the page's weight: its HTML and everything it links, raw and compressed, against the target."""
    command.heading(f"Page weight of {path} (1 kB = 1,000 bytes)")
    html = weigh(port, path, "HTML")
    parser = LinkedResources()
    parser.feed(html.body.decode("utf-8", errors="replace"))
    weights, external = [html], []
    for kind, url in parser.resources:
        parts = urlsplit(url)
        if parts.netloc and parts.netloc not in (f"{LOOPBACK}:{port}", f"localhost:{port}"):
            external.append(url)
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        weights.append(weigh(port, path, f"{kind} {parts.path}"))

    command.stdout.write(f"  {'':50} {'bytes':>9} {'gzip':>9}")
    for weight in weights:
        note = "" if weight.gzip_as_served else "  (gzip -6 here; the server sends it uncompressed)"
        command.stdout.write(f"  {weight.label:50} {weight.raw_bytes:9,} {weight.gzip_bytes:9,}{note}")
    raw_total = sum(weight.raw_bytes for weight in weights)
    gzip_total = sum(weight.gzip_bytes for weight in weights)
    command.stdout.write(f"  {'total':50} {raw_total:9,} {gzip_total:9,}")
    for label, total in (("uncompressed", raw_total), ("gzip", gzip_total)):
        verdict = (
            command.style.SUCCESS(f"within the {target / 1000:.0f} kB target")
            if total <= target
            else command.style.ERROR(f"OVER the {target / 1000:.0f} kB target")
        )
        command.stdout.write(f"  {label + ':':14} {total / 1000:6.1f} kB, {verdict}")
    if external:
        command.stdout.write(f"  not counted, on other sites: {', '.join(external)}")
    stylesheets = [weight for weight in weights if weight.label.startswith("stylesheet")]
    font_faces = [weight.label for weight in stylesheets if b"@font-face" in weight.body.lower()]
    if font_faces:
        command.stdout.write(command.style.ERROR(f"  web fonts: @font-face in {', '.join(font_faces)}"))
    else:
        command.stdout.write(f"  web fonts: none (no @font-face in the {len(stylesheets)} linked stylesheet(s))")
