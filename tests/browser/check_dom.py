"""Check the DOM that headless Chromium built from `factop classify --format html`, and its
screenshots. Standard library only.

usage: check_dom.py DOM.html ROWS.jsonl SCREENSHOT.png [SCREENSHOT.png ...]
"""

import html.parser
import json
import struct
import sys
import zlib


class Sentences(html.parser.HTMLParser):
    """Collects the sentence elements (span.s), their labels and their text (span.t)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sentences = []  # (id, data-label, classes, text)
        self.stack = []  # open span/sup roles
        self.scripts = 0
        self.body_text = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag in ("span", "sup"):
            classes = (a.get("class") or "").split()
            role = None
            if tag == "span" and "s" in classes:
                role = "s"
                self.sentences.append([a.get("id"), a.get("data-label"), classes, ""])
            elif tag == "span" and "t" in classes:
                role = "t"
            self.stack.append(role)

    def handle_endtag(self, tag):
        if tag in ("span", "sup") and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        self.body_text.append(data)
        if self.stack and self.stack[-1] == "t":
            self.sentences[-1][3] += data


def png_pixels(path):
    """Decode an 8-bit RGB/RGBA non-interlaced PNG: (width, height, rows of bytes, channels)."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path}: not a PNG"
    pos, idat = 8, b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            w, h, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, f"{path}: unexpected PNG kind"
            ch = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = w * ch
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(h):
        f, line = raw[i], bytearray(raw[i + 1 : i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - ch] if x >= ch else 0
            b = prev[x]
            c = prev[x - ch] if x >= ch else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[x] = (line[x] + pred) & 255
        rows.append(line)
        prev = line
    return w, h, rows, ch


def check_screenshot(path):
    w, h, rows, ch = png_pixels(path)
    assert w >= 800 and h >= 600, f"{path}: {w}x{h}"
    total = ink = tinted = 0
    for line in rows[::4]:
        for x in range(0, w * ch, ch * 4):
            r, g, b = line[x], line[x + 1], line[x + 2]
            total += 1
            if r < 200 or g < 200 or b < 200:
                ink += 1
            if r > g + 15 and r > b + 15:
                tinted += 1
    # Text is drawn (dark pixels) and sentences are shaded (reddish pixels).
    assert ink > total // 200, f"{path}: almost no ink ({ink}/{total})"
    assert tinted > total // 100, f"{path}: no opinion shading ({tinted}/{total})"
    print(f"{path}: {w}x{h}, {100 * ink / total:.1f}% ink, {100 * tinted / total:.1f}% shaded")


def main():
    dom_path, rows_path, *shots = sys.argv[1:]
    rows = [json.loads(l) for l in open(rows_path, encoding="utf-8")]
    p = Sentences()
    p.feed(open(dom_path, encoding="utf-8").read())
    assert p.scripts == 0, "the DOM has a script element: article markup was not escaped"
    assert len(p.sentences) == len(rows), f"{len(p.sentences)} sentence elements, {len(rows)} rows"
    docs = []
    for (sid, label, classes, text), row in zip(p.sentences, rows):
        if row["doc"] not in docs:
            docs.append(row["doc"])
        want_id = f"d{docs.index(row['doc'])}-s{row['index']}"
        assert sid == want_id, f"{sid} != {want_id}"
        assert label == row["label"] and row["label"] in classes, f"{sid}: label {label} != {row['label']}"
        assert text == row["text"], f"{sid}: {text!r} != {row['text']!r}"
    body = "".join(p.body_text)
    assert '<script>document.body.innerHTML = "hacked";</script>' in body, "article markup not shown as text"
    for s in shots:
        check_screenshot(s)
    print(f"DOM: {len(p.sentences)} sentence elements with labels match {len(rows)} classify rows")


if __name__ == "__main__":
    main()
