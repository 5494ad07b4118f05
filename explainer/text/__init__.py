"""Text handling that needs no Django: the layer every app may use, and that uses none of them."""
