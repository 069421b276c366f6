"""Build `src/rasd/resources/geo/world.tsv`: simplified country outlines for the events map.

Source: Natural Earth 1:110m admin-0 countries (public domain), as shipped in the geopandas 0.14
wheel (BSD-3-Clause; the dataset was removed in geopandas 1.0). Get the wheel with the ordinary
client and point this script at it:

    pip download --no-deps geopandas==0.14.4 -d /tmp/geo
    python scripts/build_world_map.py /tmp/geo/geopandas-0.14.4-py3-none-any.whl

Each row is ``iso3, name, path``: an SVG path in equirectangular degrees (x = lon + 180,
y = 90 - lat), rings simplified with Douglas-Peucker and rounded to 0.1 degree; rings smaller
than a few square degrees' worth of points are kept only when they are a country's largest.
The shapefile and dBase readers below cover exactly what this file needs (polygons, text fields).
"""
from __future__ import annotations

import argparse
import struct
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "rasd" / "resources" / "geo" / "world.tsv"
MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
TOLERANCE = 0.25     # degrees
MIN_AREA = 0.5       # square degrees; smaller islands are dropped unless they are all a country has


def read_dbf(data: bytes) -> list[dict[str, str]]:
    n, header_len, record_len = struct.unpack("<IHH", data[4:12])
    fields, pos = [], 32
    while data[pos] != 0x0D:
        name = data[pos:pos + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, data[pos + 16]))
        pos += 32
    rows = []
    for i in range(n):
        rec = data[header_len + i * record_len: header_len + (i + 1) * record_len]
        p, row = 1, {}
        for name, length in fields:
            row[name] = rec[p:p + length].decode("utf-8", "replace").strip()
            p += length
        rows.append(row)
    return rows


def read_shp(data: bytes) -> list[list[list[tuple[float, float]]]]:
    """Polygons (shape types 5, 15, 25) as lists of rings of (lon, lat)."""
    shapes, pos = [], 100
    while pos < len(data):
        _, words = struct.unpack(">II", data[pos:pos + 8])
        content = data[pos + 8: pos + 8 + 2 * words]
        pos += 8 + 2 * words
        (kind,) = struct.unpack("<i", content[:4])
        if kind == 0:
            shapes.append([])
            continue
        n_parts, n_points = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{n_parts}i", content[44:44 + 4 * n_parts])) + [n_points]
        base = 44 + 4 * n_parts
        pts = struct.unpack(f"<{2 * n_points}d", content[base:base + 16 * n_points])
        points = list(zip(pts[0::2], pts[1::2]))
        shapes.append([points[parts[i]:parts[i + 1]] for i in range(n_parts)])
    return shapes


def simplify(ring: list[tuple[float, float]], tol: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, iterative."""
    if len(ring) < 4:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = ring[a], ring[b]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, idx = 0.0, -1
        for i in range(a + 1, b):
            x, y = ring[i]
            d = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / norm if norm else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if d > best:
                best, idx = d, i
        if best > tol:
            keep[idx] = True
            stack += [(a, idx), (idx, b)]
    return [p for p, k in zip(ring, keep) if k]


def area(ring: list[tuple[float, float]]) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))) / 2


def ring_path(ring: list[tuple[float, float]]) -> str:
    pts, last = [], None
    for lon, lat in ring:
        p = (round(lon + 180, 1), round(90 - lat, 1))
        if p != last:
            pts.append(p)
            last = p
    if len(pts) > 1 and pts[0] == pts[-1]:
        pts.pop()
    if len(pts) < 3:
        return ""
    fmt = lambda v: f"{v:g}"  # noqa: E731
    return "M" + " ".join(f"{fmt(x)},{fmt(y)}" for x, y in pts) + "Z"


def build(wheel: Path) -> list[tuple[str, str, str]]:
    with zipfile.ZipFile(wheel) as z:
        rows = read_dbf(z.read(MEMBER + ".dbf"))
        shapes = read_shp(z.read(MEMBER + ".shp"))
    out = []
    for row, rings in zip(rows, shapes):
        iso = row.get("iso_a3") or row.get("ISO_A3") or ""
        name = row.get("name") or row.get("NAME") or ""
        if not rings or name == "Antarctica":
            continue
        big = max(rings, key=area)
        kept = [r for r in rings if r is big or area(r) >= MIN_AREA]
        path = "".join(ring_path(simplify(r, TOLERANCE)) for r in kept)
        if path:
            out.append((iso if iso != "-99" else "", name, path))
    return sorted(out, key=lambda r: r[1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("wheel", type=Path, help="geopandas-0.14.x wheel")
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    args = ap.parse_args()
    rows = build(args.wheel)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8", newline="\n") as f:
        f.write("# Country outlines for the events map: iso3, name, SVG path in equirectangular degrees\n")
        f.write("# (x = lon + 180, y = 90 - lat), simplified (Douglas-Peucker 0.25 deg, 0.1 deg grid).\n")
        f.write("# Source: Natural Earth 1:110m admin-0 countries (public domain, naturalearthdata.com),\n")
        f.write("# as shipped in the geopandas 0.14.4 wheel (BSD-3-Clause). Built by scripts/build_world_map.py.\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(f"{len(rows)} countries, {args.output.stat().st_size} bytes -> {args.output}")


if __name__ == "__main__":
    main()
