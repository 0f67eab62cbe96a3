#!/usr/bin/env python3
"""Draws the sample seal images (red ring, five-pointed star; the 党组公章 with an inner ring) as
small RGBA PNGs with the standard library only. Run once; the PNGs are committed."""
import math
import struct
import sys
import zlib

SIZE = 240
RED = (220, 20, 30)


def inside_star(x, y, cx, cy, outer, inner):
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    crossings = False
    for i in range(10):
        (x1, y1), (x2, y2) = points[i], points[(i + 1) % 10]
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            crossings = not crossings
    return crossings


def pixel(x, y, inner_ring):
    c = SIZE / 2
    r = math.hypot(x - c, y - c)
    if SIZE * 0.44 <= r <= SIZE * 0.49:
        return True
    if inner_ring and SIZE * 0.38 <= r <= SIZE * 0.395:
        return True
    return inside_star(x, y, c, c, SIZE * 0.17, SIZE * 0.068)


def png(inner_ring):
    rows = bytearray()
    for y in range(SIZE):
        rows.append(0)
        for x in range(SIZE):
            rows.extend(RED + (255,) if pixel(x + 0.5, y + 0.5, inner_ring) else (0, 0, 0, 0))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) +
            chunk(b"IEND", b""))


if __name__ == "__main__":
    directory = sys.argv[1] if len(sys.argv) > 1 else "."
    with open(f"{directory}/administrative-seal.png", "wb") as f:
        f.write(png(inner_ring=False))
    with open(f"{directory}/party-seal.png", "wb") as f:
        f.write(png(inner_ring=True))
