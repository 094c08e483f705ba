#!/usr/bin/env python3
"""Draws TuneScope's application icon with nothing but the Python 3 standard library.

The icon is the picture TuneScope is about: on a rounded dark-blue tile, a training score that keeps
rising (blue) and a validation score that rises, peaks and falls (orange), with the best point marked.
Shapes are anti-aliased analytically (coverage from the distance to each shape), so every size is drawn
at its own resolution rather than scaled down from one bitmap.

Writes, next to this script:
  tunescope-{16,24,32,48,64,128,256,512}.png   the icon at each size
  tunescope.ico                                16..256, PNG-compressed entries (Windows, .msi)
  tunescope.icns                               16..512 and @2x entries (macOS, .dmg)
and copies the window icons (16, 32, 48, 64, 128, 256) to
  src/main/resources/org/tunescope/ui/main/icon-N.png   (set on the JavaFX stage)

Run from anywhere: python3 resources/icon/draw_icon.py
"""
import math
import os
import shutil
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
WINDOW_DIR = os.path.join(ROOT, "src", "main", "resources", "org", "tunescope", "ui", "main")
SIZES = [16, 24, 32, 48, 64, 128, 256, 512]
WINDOW_SIZES = [16, 32, 48, 64, 128, 256]

# Colours (the app's own train/validation tokens, on a deep blue tile).
TILE_TOP = (0x1F, 0x3A, 0x5F)
TILE_BOTTOM = (0x0E, 0x1C, 0x33)
GRID = (0x3B, 0x55, 0x7A)
TRAIN = (0x4C, 0xA3, 0xE8)
VALID = (0xF5, 0x9E, 0x2B)
BEST = (0xFF, 0xFF, 0xFF)


def train_curve(t):
    """Training score against model complexity, t in [0, 1] (unit square, y up)."""
    return 0.22 + 0.62 * (1 - math.exp(-3.2 * t))


def valid_curve(t):
    """Validation score: rises with the training score, then falls as the model overfits."""
    return train_curve(t) - 0.55 * t ** 2.2 - 0.02


def polyline(f, n=64):
    return [(i / n, f(i / n)) for i in range(n + 1)]


class Canvas:
    """A premultiplied-free RGBA float canvas with 'over' compositing of coverage masks."""

    def __init__(self, size):
        self.size = size
        self.px = [[0.0, 0.0, 0.0, 0.0] for _ in range(size * size)]

    def blend(self, x, y, colour, alpha):
        if alpha <= 0 or not (0 <= x < self.size and 0 <= y < self.size):
            return
        p = self.px[y * self.size + x]
        a0 = p[3]
        a = alpha + a0 * (1 - alpha)
        if a <= 0:
            return
        for c in range(3):
            p[c] = (colour[c] * alpha + p[c] * a0 * (1 - alpha)) / a
        p[3] = a

    def png(self):
        rows = []
        for y in range(self.size):
            row = bytearray([0])
            for x in range(self.size):
                r, g, b, a = self.px[y * self.size + x]
                row += bytes((clamp(r), clamp(g), clamp(b), clamp(a * 255)))
            rows.append(bytes(row))
        raw = b"".join(rows)

        def chunk(kind, data):
            body = kind + data
            return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

        header = struct.pack(">IIBBBBB", self.size, self.size, 8, 6, 0, 0, 0)
        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def clamp(v):
    return max(0, min(255, int(round(v))))


def coverage(distance):
    """Pixel coverage of a shape edge at a signed distance (pixels, negative inside)."""
    return max(0.0, min(1.0, 0.5 - distance))


def rounded_rect_distance(x, y, x0, y0, x1, y1, r):
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    hx, hy = (x1 - x0) / 2 - r, (y1 - y0) / 2 - r
    dx, dy = abs(x - cx) - hx, abs(y - cy) - hy
    outside = math.hypot(max(dx, 0), max(dy, 0))
    return outside + min(max(dx, dy), 0) - r


def segment_distance(px, py, ax, ay, bx, by):
    vx, vy = bx - ax, by - ay
    wx, wy = px - ax, py - ay
    length2 = vx * vx + vy * vy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, (wx * vx + wy * vy) / length2))
    return math.hypot(px - (ax + t * vx), py - (ay + t * vy))


def stroke(canvas, points, width, colour):
    """Strokes a polyline (pixel coordinates) with round joins, anti-aliased."""
    half = width / 2
    mask = {}
    for (ax, ay), (bx, by) in zip(points, points[1:]):
        x0, x1 = int(min(ax, bx) - half - 1), int(max(ax, bx) + half + 2)
        y0, y1 = int(min(ay, by) - half - 1), int(max(ay, by) + half + 2)
        for y in range(max(0, y0), min(canvas.size, y1)):
            for x in range(max(0, x0), min(canvas.size, x1)):
                c = coverage(segment_distance(x + 0.5, y + 0.5, ax, ay, bx, by) - half)
                if c > mask.get((x, y), 0):
                    mask[(x, y)] = c
    for (x, y), c in mask.items():
        canvas.blend(x, y, colour, c)


def disc(canvas, cx, cy, radius, colour):
    for y in range(int(cy - radius - 1), int(cy + radius + 2)):
        for x in range(int(cx - radius - 1), int(cx + radius + 2)):
            canvas.blend(x, y, colour, coverage(math.hypot(x + 0.5 - cx, y + 0.5 - cy) - radius))


def draw(size):
    c = Canvas(size)
    s = size / 512.0
    margin = 16 * s if size >= 32 else 0.5
    corner = 96 * s if size >= 32 else size * 0.2
    # Tile with a vertical gradient.
    for y in range(size):
        t = y / max(1, size - 1)
        colour = tuple(TILE_TOP[i] + (TILE_BOTTOM[i] - TILE_TOP[i]) * t for i in range(3))
        for x in range(size):
            d = rounded_rect_distance(x + 0.5, y + 0.5, margin, margin, size - margin, size - margin, corner)
            c.blend(x, y, colour, coverage(d))

    # Plot area in pixels; curves are drawn in the unit square, y up.
    left, right, top, bottom = 86 * s, 440 * s, 80 * s, 430 * s

    def to_px(u, v):
        return (left + u * (right - left), bottom - v * (bottom - top))

    line = max(1.0, 34 * s) if size < 48 else 30 * s
    if size >= 48:
        # Axes: the tile's own ruler, faint.
        stroke(c, [to_px(0, 1.02), to_px(0, 0), to_px(1.02, 0)], max(1.0, 12 * s), GRID)
    stroke(c, [to_px(u, v) for u, v in polyline(train_curve)], line, TRAIN)
    stroke(c, [to_px(u, v) for u, v in polyline(valid_curve)], line, VALID)
    # The best validation point.
    best_u = max((i / 400 for i in range(401)), key=valid_curve)
    bx, by = to_px(best_u, valid_curve(best_u))
    if size >= 24:
        disc(c, bx, by, max(2.0, 44 * s), BEST)
        disc(c, bx, by, max(1.2, 26 * s), VALID)
    return c.png()


def write_ico(path, images):
    """An .ico whose entries are PNG images (Windows Vista and later read them)."""
    entries = [(size, data) for size, data in images if size <= 256]
    offset = 6 + 16 * len(entries)
    header = struct.pack("<HHH", 0, 1, len(entries))
    directory, blobs = b"", b""
    for size, data in entries:
        dim = 0 if size == 256 else size
        directory += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset + len(blobs))
        blobs += data
    with open(path, "wb") as f:
        f.write(header + directory + blobs)


def write_icns(path, images):
    """An .icns of PNG entries: icp4 16, icp5 32, icp6 64, ic07 128, ic08 256, ic09 512, plus @2x."""
    by_size = dict(images)
    types = [("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512),
             ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512)]
    body = b""
    for kind, size in types:
        data = by_size[size]
        body += kind.encode("ascii") + struct.pack(">I", 8 + len(data)) + data
    with open(path, "wb") as f:
        f.write(b"icns" + struct.pack(">I", 8 + len(body)) + body)


def main():
    images = []
    for size in SIZES:
        data = draw(size)
        images.append((size, data))
        with open(os.path.join(HERE, "tunescope-%d.png" % size), "wb") as f:
            f.write(data)
    write_ico(os.path.join(HERE, "tunescope.ico"), images)
    write_icns(os.path.join(HERE, "tunescope.icns"), images)
    os.makedirs(WINDOW_DIR, exist_ok=True)
    for size in WINDOW_SIZES:
        shutil.copyfile(os.path.join(HERE, "tunescope-%d.png" % size),
                        os.path.join(WINDOW_DIR, "icon-%d.png" % size))
    print("wrote %d PNG sizes, tunescope.ico, tunescope.icns and %d window icons"
          % (len(SIZES), len(WINDOW_SIZES)))


if __name__ == "__main__":
    main()
