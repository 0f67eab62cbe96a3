#!/usr/bin/env python3
"""Draws the sample seal images at print resolution with the standard library only: a 42 mm round
seal (GB/T 9704's common size) with the red ring, the five-pointed star in the centre and the organ
name around the upper ring, upright towards the centre as on a real 公章; the 党组公章 adds a thin
inner ring. The name is set in the songti font role of fonts/fonts.xml (宋体, as the 印章 rules ask),
taking the first of its families that fontconfig finds as a glyf TrueType font. The 局长's 签名章
(GB/T 9704 7.3.5.3, for the 命令格式) is his name as a brush signature, in the kaiti role, on a
40 × 18 mm field, no ring.

The PNG is RGB on white (no alpha): the signer paints it with the Multiply blend mode, under which
white leaves the page unchanged and the red tints the print under it like ink. 1040 pixels over 42 mm
are 629 pixels per inch. Run once; the PNGs are committed:

    make-seal-images.py [OUTPUT-DIRECTORY]
"""
import math
import os
import struct
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
import zlib

SIZE = 1040  # pixels across the seal
SEAL_MM = 42.0
RED = (220, 20, 30)
SUPERSAMPLES = 4  # sub-scanlines per pixel row, for smooth edges

SEALS = [
    # file, organ name, arc the name spans (degrees), character width / height, inner ring
    ("administrative-seal.png", "江州市生态环境局", 220, 0.9, False),
    ("party-seal.png", "中共江州市生态环境局党组", 250, 0.78, True),
]

# file, the signer's name, width and height of the field (mm): the layout's 签名章 field
SIGNATURE_SEALS = [("juzhang-signature.png", "王建国", 40.0, 18.0)]
SIGNATURE_TEXT_HEIGHT_MM = 12.0
SIGNATURE_EMBOLDEN_MM = 0.25  # a brush's stroke

RING_OUTER_MM = 20.6  # radius of the outer edge of the ring
RING_WIDTH_MM = 1.2
INNER_RING_GAP_MM = 0.6  # between the ring and the 党组公章's thin inner ring
INNER_RING_WIDTH_MM = 0.35
TEXT_GAP_MM = 0.9  # between the ring (or inner ring) and the tops of the characters
TEXT_HEIGHT_MM = 6.6
TEXT_EMBOLDEN_MM = 0.1  # the font's hairlines thickened to the strokes of an engraved seal
STAR_RADIUS_MM = 7.0  # the star's points
STAR_INNER_RATIO = 0.382  # a regular five-pointed star


class TrueTypeFont:
    """The glyf outlines of a TrueType font: cmap (format 4 or 12), loca, glyf (simple and composite
    glyphs, translated and scaled components)."""

    def __init__(self, path):
        with open(path, "rb") as f:
            self.data = f.read()
        count = struct.unpack_from(">H", self.data, 4)[0]
        self.tables = {}
        for i in range(count):
            tag, _, offset, length = struct.unpack_from(">4sIII", self.data, 12 + 16 * i)
            self.tables[tag.decode("latin-1")] = (offset, length)
        if "glyf" not in self.tables:
            raise ValueError(f"{path} has no glyf outlines")
        head = self.tables["head"][0]
        self.units_per_em = struct.unpack_from(">H", self.data, head + 18)[0]
        self.long_loca = struct.unpack_from(">h", self.data, head + 50)[0] == 1
        self.cmap = self._read_cmap()

    def _read_cmap(self):
        base = self.tables["cmap"][0]
        count = struct.unpack_from(">H", self.data, base + 2)[0]
        subtables = {}
        for i in range(count):
            platform, encoding, offset = struct.unpack_from(">HHI", self.data, base + 4 + 8 * i)
            subtables[(platform, encoding)] = base + offset
        for key in ((3, 10), (0, 4), (3, 1), (0, 3)):
            if key in subtables:
                return self._cmap_subtable(subtables[key])
        raise ValueError("no Unicode cmap")

    def _cmap_subtable(self, at):
        form = struct.unpack_from(">H", self.data, at)[0]
        mapping = {}
        if form == 12:
            groups = struct.unpack_from(">I", self.data, at + 12)[0]
            for i in range(groups):
                first, last, glyph = struct.unpack_from(">III", self.data, at + 16 + 12 * i)
                for c in range(first, last + 1):
                    mapping[c] = glyph + c - first
        elif form == 4:
            segments = struct.unpack_from(">H", self.data, at + 6)[0] // 2
            ends = at + 14
            starts = ends + 2 * segments + 2
            deltas = starts + 2 * segments
            ranges = deltas + 2 * segments
            for s in range(segments):
                end, start = struct.unpack_from(">H", self.data, ends + 2 * s)[0], struct.unpack_from(
                    ">H", self.data, starts + 2 * s)[0]
                delta = struct.unpack_from(">h", self.data, deltas + 2 * s)[0]
                range_offset = struct.unpack_from(">H", self.data, ranges + 2 * s)[0]
                for c in range(start, end + 1):
                    if range_offset == 0:
                        glyph = (c + delta) & 0xFFFF
                    else:
                        at_glyph = ranges + 2 * s + range_offset + 2 * (c - start)
                        glyph = struct.unpack_from(">H", self.data, at_glyph)[0]
                        glyph = (glyph + delta) & 0xFFFF if glyph else 0
                    mapping[c] = glyph
        else:
            raise ValueError(f"cmap format {form} is not read")
        return mapping

    def _glyph_range(self, glyph):
        loca = self.tables["loca"][0]
        if self.long_loca:
            start, end = struct.unpack_from(">II", self.data, loca + 4 * glyph)
        else:
            start, end = (2 * v for v in struct.unpack_from(">HH", self.data, loca + 2 * glyph))
        return self.tables["glyf"][0] + start, end - start

    def contours(self, glyph, depth=0):
        """Closed contours of on-curve points (quadratic curves flattened), in font units."""
        at, length = self._glyph_range(glyph)
        if length == 0 or depth > 8:
            return []
        count = struct.unpack_from(">h", self.data, at)[0]
        if count < 0:
            return self._composite(at + 10, depth)
        ends = struct.unpack_from(f">{count}H", self.data, at + 10)
        points = ends[-1] + 1 if count else 0
        p = at + 10 + 2 * count
        p += 2 + struct.unpack_from(">H", self.data, p)[0]  # skip the instructions
        flags = []
        while len(flags) < points:
            flag = self.data[p]
            p += 1
            repeat = 1
            if flag & 8:
                repeat += self.data[p]
                p += 1
            flags.extend([flag] * repeat)
        coordinates = []
        for short, same in ((2, 16), (4, 32)):
            value, values = 0, []
            for flag in flags[:points]:
                if flag & short:
                    delta = self.data[p]
                    p += 1
                    value += delta if flag & same else -delta
                elif not flag & same:
                    value += struct.unpack_from(">h", self.data, p)[0]
                    p += 2
                values.append(value)
            coordinates.append(values)
        result, start = [], 0
        for end in ends:
            result.append(flatten([(coordinates[0][i], coordinates[1][i], flags[i] & 1)
                                   for i in range(start, end + 1)]))
            start = end + 1
        return result

    def _composite(self, p, depth):
        result = []
        while True:
            flags, component = struct.unpack_from(">HH", self.data, p)
            p += 4
            if flags & 1:
                dx, dy = struct.unpack_from(">hh", self.data, p)
                p += 4
            else:
                dx, dy = struct.unpack_from(">bb", self.data, p)
                p += 2
            xx, xy, yx, yy = 1.0, 0.0, 0.0, 1.0
            if flags & 8:
                xx = yy = struct.unpack_from(">h", self.data, p)[0] / 16384
                p += 2
            elif flags & 0x40:
                xx, yy = (v / 16384 for v in struct.unpack_from(">hh", self.data, p))
                p += 4
            elif flags & 0x80:
                xx, xy, yx, yy = (v / 16384 for v in struct.unpack_from(">hhhh", self.data, p))
                p += 8
            for contour in self.contours(component, depth + 1):
                result.append([(x * xx + y * yx + dx, x * xy + y * yy + dy) for x, y in contour])
            if not flags & 0x20:
                return result


def flatten(points, steps=6):
    """A TrueType contour (on- and off-curve points) as a polygon: implied on-curve points between
    two off-curve ones, each quadratic Bézier cut into `steps` lines."""
    if not any(on for _, _, on in points):
        points = [points[0][:2] + (1,)] + points
    start = next(i for i, (_, _, on) in enumerate(points) if on)
    points = points[start:] + points[:start]
    polygon = [points[0][:2]]
    control = None
    for x, y, on in points[1:] + points[:1]:
        if on:
            if control is None:
                polygon.append((x, y))
            else:
                polygon.extend(quadratic(polygon[-1], control, (x, y), steps))
                control = None
        elif control is None:
            control = (x, y)
        else:
            middle = ((control[0] + x) / 2, (control[1] + y) / 2)
            polygon.extend(quadratic(polygon[-1], control, middle, steps))
            control = (x, y)
    return polygon


def quadratic(a, c, b, steps):
    return [((1 - t) ** 2 * a[0] + 2 * (1 - t) * t * c[0] + t * t * b[0],
             (1 - t) ** 2 * a[1] + 2 * (1 - t) * t * c[1] + t * t * b[1])
            for t in (i / steps for i in range(1, steps + 1))]


def role_font(name):
    """The first family of the font role that fontconfig resolves to a glyf TrueType file."""
    fonts_xml = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "fonts", "fonts.xml")
    role = next(r for r in ElementTree.parse(fonts_xml).getroot().iter("role") if r.get("name") == name)
    for family in (f.text for f in role.iter("family")):
        found = subprocess.run(["fc-match", "-f", "%{family}\n%{file}", family], capture_output=True,
                               text=True, check=True).stdout.split("\n")
        if family.split(":")[0] in found[0].split(",") and found[1].endswith(".ttf"):
            return found[1]
    raise SystemExit(f"no family of the {name} role is installed as a TrueType (glyf) font")


def circle(radius, clockwise, segments=1440):
    step = (-1 if clockwise else 1) * 2 * math.pi / segments
    return [(radius * math.cos(i * step), radius * math.sin(i * step)) for i in range(segments)]


def ring(outer, width):
    return [circle(outer, False), circle(outer - width, True)]


def star(radius):
    return [[(radius * (1 if i % 2 == 0 else STAR_INNER_RATIO) * math.cos(math.pi / 2 - i * math.pi / 5),
              radius * (1 if i % 2 == 0 else STAR_INNER_RATIO) * math.sin(math.pi / 2 - i * math.pi / 5))
             for i in range(10)]]


def arc_text(font, text, arc_degrees, width_scale, top_radius):
    """The characters of `text` left to right over the upper arc, each upright with its foot towards
    the centre; in mm from the seal's centre, y up."""
    ascent, descent = 0.88, -0.12  # the CJK em box of the font's design space
    em = font.units_per_em
    polygons = []
    for i, ch in enumerate(text):
        theta = math.radians(-arc_degrees / 2 + arc_degrees * (i + 0.5) / len(text))
        radial = (math.sin(theta), math.cos(theta))
        tangent = (math.cos(theta), -math.sin(theta))
        glyph = font.cmap.get(ord(ch), 0)
        if glyph == 0:
            raise SystemExit(f"the songti font has no glyph for {ch}")
        # Copies shifted around a small circle: their union under the nonzero rule is the glyph
        # emboldened by the circle's radius.
        for k in range(9):
            du = TEXT_EMBOLDEN_MM * math.cos(k * math.pi / 4) if k < 8 else 0.0
            dr = TEXT_EMBOLDEN_MM * math.sin(k * math.pi / 4) if k < 8 else 0.0
            for contour in font.contours(glyph):
                placed = []
                for x, y in contour:
                    u = (x / em - 0.5) * TEXT_HEIGHT_MM * width_scale + du
                    height = (y / em - descent) / (ascent - descent) * TEXT_HEIGHT_MM
                    r = top_radius - TEXT_HEIGHT_MM + height + dr
                    placed.append((radial[0] * r + tangent[0] * u, radial[1] * r + tangent[1] * u))
                polygons.append(placed)
    return polygons


def row_text(font, text, height_mm, embolden_mm):
    """The characters of `text` side by side, centred on the origin, `height_mm` high; in mm, y up."""
    ascent, descent = 0.88, -0.12
    em = font.units_per_em
    polygons = []
    for i, ch in enumerate(text):
        glyph = font.cmap.get(ord(ch), 0)
        if glyph == 0:
            raise SystemExit(f"the font has no glyph for {ch}")
        left = (i - len(text) / 2) * height_mm
        for k in range(9):
            dx = embolden_mm * math.cos(k * math.pi / 4) if k < 8 else 0.0
            dy = embolden_mm * math.sin(k * math.pi / 4) if k < 8 else 0.0
            for contour in font.contours(glyph):
                polygons.append([(left + x / em * height_mm + dx,
                                  ((y / em - descent) / (ascent - descent) - 0.5) * height_mm + dy)
                                 for x, y in contour])
    return polygons


def rasterise(polygons, width_mm=SEAL_MM, height_mm=SEAL_MM):
    """Coverage (0..1) of each pixel by the polygons under the nonzero rule; polygons in mm from the
    centre, y up. The round seals' resolution for any field."""
    scale = SIZE / SEAL_MM
    width, height = round(width_mm * scale), round(height_mm * scale)
    rows = height * SUPERSAMPLES
    crossings = [[] for _ in range(rows)]
    for polygon in polygons:
        pixels = [(width / 2 + x * scale, (height / 2 - y * scale) * SUPERSAMPLES) for x, y in polygon]
        for (x1, y1), (x2, y2) in zip(pixels, pixels[1:] + pixels[:1]):
            if y1 == y2:
                continue
            direction = 1 if y2 > y1 else -1
            if y1 > y2:
                x1, y1, x2, y2 = x2, y2, x1, y1
            first = max(0, math.ceil(y1 - 0.5))
            last = min(rows - 1, math.ceil(y2 - 0.5) - 1)
            slope = (x2 - x1) / (y2 - y1)
            for row in range(first, last + 1):
                crossings[row].append((x1 + (row + 0.5 - y1) * slope, direction))
    coverage = [[0.0] * width for _ in range(height)]
    weight = 1 / SUPERSAMPLES
    for row in range(rows):
        line = coverage[row // SUPERSAMPLES]
        winding = 0
        start = 0.0
        for x, direction in sorted(crossings[row]):
            if winding == 0:
                start = x
            winding += direction
            if winding == 0:
                add_span(line, max(0.0, start), min(float(width), x), weight)
    return coverage


def add_span(line, a, b, weight):
    if b <= a:
        return
    first, last = int(a), min(int(b), len(line) - 1)
    if first == last:
        line[first] += (b - a) * weight
        return
    line[first] += (first + 1 - a) * weight
    for x in range(first + 1, last):
        line[x] += weight
    if last < len(line):
        line[last] += (b - last) * weight


def png(coverage):
    """RGB on white, in 9 shades of red: no finer shades show at this resolution, and fewer make
    the image deflate to half the size."""
    shades = [bytes(round(255 + (channel - 255) * level / 8) for channel in RED) for level in range(9)]
    rows = bytearray()
    for line in coverage:
        rows.append(0)
        for c in line:
            rows.extend(shades[round(min(1.0, c) * 8)])

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", len(coverage[0]), len(coverage), 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) +
            chunk(b"IEND", b""))


def seal(font, name, arc_degrees, width_scale, inner_ring):
    polygons = ring(RING_OUTER_MM, RING_WIDTH_MM) + star(STAR_RADIUS_MM)
    text_top = RING_OUTER_MM - RING_WIDTH_MM - TEXT_GAP_MM
    if inner_ring:
        inner_outer = RING_OUTER_MM - RING_WIDTH_MM - INNER_RING_GAP_MM
        polygons += ring(inner_outer, INNER_RING_WIDTH_MM)
        text_top = inner_outer - INNER_RING_WIDTH_MM - TEXT_GAP_MM
    return png(rasterise(polygons + arc_text(font, name, arc_degrees, width_scale, text_top)))


if __name__ == "__main__":
    directory = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    songti = TrueTypeFont(role_font("songti"))
    for file, name, arc, width_scale, inner in SEALS:
        with open(os.path.join(directory, file), "wb") as f:
            f.write(seal(songti, name, arc, width_scale, inner))
    kaiti = TrueTypeFont(role_font("kaiti"))
    for file, name, width_mm, height_mm in SIGNATURE_SEALS:
        polygons = row_text(kaiti, name, SIGNATURE_TEXT_HEIGHT_MM, SIGNATURE_EMBOLDEN_MM)
        with open(os.path.join(directory, file), "wb") as f:
            f.write(png(rasterise(polygons, width_mm, height_mm)))
