"""QR codes drawn on the server as SVG: no script, no image request, sharp in print."""

import segno


def qr_svg(data, title):
    """An SVG QR code for data: one square per dark module, with a quiet zone of 4 modules.

    Not segno's own svg_inline(): it sizes the image in pixels instead of by a viewBox that scales with the page,
    leaves the background transparent (a phone needs the white quiet zone to scan it, also in the high-contrast
    reading mode), and gives the <svg> no role, so screen readers may not announce the title."""
    code = segno.make(data, error="m", micro=False)
    matrix = code.matrix
    size = len(matrix) + 8
    squares = "".join(f"M{x + 4} {y + 4}h1v1h-1z" for y, row in enumerate(matrix) for x, dark in enumerate(row) if dark)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" role="img" class="qr-code" '
        f'shape-rendering="crispEdges"><title>{title}</title><rect width="{size}" height="{size}" fill="#fff"/>'
        f'<path fill="#000" d="{squares}"/></svg>'
    )
