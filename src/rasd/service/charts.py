"""Server-rendered SVG: the offline world map of event places and the per-day bar chart.

The map draws the packaged country outlines (`resources/geo/world.tsv`, Natural Earth 1:110m,
public domain) in an equirectangular projection, shades countries by their number of events and
puts a dot, sized by count, on every geocoded place; it zooms to the places and countries it
shows. Every label is escaped.
"""
from __future__ import annotations

import math
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from markupsafe import Markup, escape

from ..resources import read_tsv

__all__ = ["day_chart", "world_map", "world_outlines"]


@lru_cache(maxsize=1)
def world_outlines() -> tuple[tuple[str, str, str], ...]:
    """``(iso3, name, svg_path)`` for every country, in degrees (x = lon + 180, y = 90 - lat)."""
    return tuple((r[0], r[1], r[2]) for r in read_tsv("geo/world.tsv") if len(r) == 3)


@lru_cache(maxsize=1)
def _centers() -> dict[str, tuple[float, float]]:
    """The centre of the largest ring of each country (what the map zooms to)."""
    out = {}
    for iso, _, path in world_outlines():
        best: list[float] = []
        for ring in path.split("M")[1:]:
            nums = [float(v) for v in ring.rstrip("Z").replace(",", " ").split()]
            if len(nums) > len(best):
                best = nums
        xs, ys = best[0::2], best[1::2]
        out[iso] = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
    return out


def _box(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    """A viewBox (x, y, w, h) around the points, at least 40 x 24 degrees, 2:1-ish, padded."""
    if not points:
        return 0.0, 0.0, 360.0, 150.0
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    w, h = max(x1 - x0 + 16, 40.0), max(y1 - y0 + 12, 24.0)
    w, h = max(w, h * 1.6), max(h, w / 2.2)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    x, y = max(0.0, min(360.0 - w, cx - w / 2)), max(0.0, min(180.0 - h, cy - h / 2))
    return round(x, 1), round(y, 1), round(min(w, 360.0), 1), round(min(h, 180.0), 1)


def world_map(places: list[dict[str, Any]], countries: dict[str, int]) -> Markup:
    """The map as an inline ``<svg>``: `places` with ``name, country, lat, lon, events``;
    `countries` ISO alpha-3 -> number of events."""
    outlines = world_outlines()
    focus: list[tuple[float, float]] = []
    top = max(countries.values(), default=0)
    parts: list[str] = []
    for iso, name, path in outlines:
        n = countries.get(iso, 0)
        level = 0 if not n else min(4, 1 + int(3 * math.log1p(n) / math.log1p(top or 1)))
        title = f"{name}: {n}" if n else name
        parts.append(f'<path class="land l{level}" d="{escape(path)}"><title>{escape(title)}</title></path>')
        if n:
            focus.append(_centers()[iso])
    located = [p for p in places if p.get("lat") is not None and p.get("lon") is not None]
    focus += [(float(p["lon"]) + 180, 90 - float(p["lat"])) for p in located]
    x, y, w, h = _box(focus)
    scale = w / 360
    biggest = max((p.get("events") or 0 for p in located), default=1) or 1
    dots: list[str] = []
    for p in located:
        cx, cy = float(p["lon"]) + 180, 90 - float(p["lat"])
        r = w * (0.004 + 0.012 * math.sqrt((p.get("events") or 1) / biggest))
        label = f"{p.get('name') or ''} ({p.get('country') or '?'}): {p.get('events') or 0}"
        dots.append(f'<circle class="place" cx="{cx:.2f}" cy="{cy:.2f}" r="{r:.2f}">'
                    f'<title>{escape(label)}</title></circle>')
    return Markup(
        f'<svg class="world-map" viewBox="{x} {y} {w} {h}" role="img" aria-label="خريطة أماكن الأحداث" '
        f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMidYMid meet">'
        f'<rect class="sea" x="0" y="0" width="360" height="180"/>'
        f'<g class="countries" stroke-width="{0.25 * scale + 0.05:.3f}">{"".join(parts)}</g>'
        f'<g class="places" stroke-width="{0.2 * scale + 0.05:.3f}">{"".join(dots)}</g></svg>')


def _days(rows: list[dict[str, Any]]) -> tuple[list[tuple[str, int]], str]:
    """Counts per day, gaps filled; per month when the range is longer than 120 days."""
    counts = {r["date"]: r["events"] for r in rows if r.get("date")}
    if not counts:
        return [], "day"
    first, last = date.fromisoformat(min(counts)), date.fromisoformat(max(counts))
    if (last - first).days <= 120:
        out, d = [], first
        while d <= last:
            out.append((d.isoformat(), counts.get(d.isoformat(), 0)))
            d += timedelta(days=1)
        return out, "day"
    months: dict[str, int] = {}
    y, m = first.year, first.month
    while (y, m) <= (last.year, last.month):
        months[f"{y:04d}-{m:02d}"] = 0
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    for k, n in counts.items():
        months[k[:7]] += n
    return list(months.items()), "month"


def day_chart(rows: list[dict[str, Any]], width: int = 480, height: int = 200) -> Markup:
    """A bar chart of events per day (or per month over long ranges), as an inline ``<svg>``."""
    bars, grain = _days(rows)
    if not bars:
        return Markup("")
    left, bottom, top_pad = 34, 28, 10
    plot_w, plot_h = width - left - 8, height - bottom - top_pad
    top = max(n for _, n in bars) or 1
    step = plot_w / len(bars)
    out = [f'<svg class="day-chart" viewBox="0 0 {width} {height}" role="img" '
           f'aria-label="عدد الأحداث في كل {"يوم" if grain == "day" else "شهر"}" '
           f'xmlns="http://www.w3.org/2000/svg">']
    for frac in ((0, 0.5, 1) if top >= 4 else (0, 1)):
        yy = top_pad + plot_h * (1 - frac)
        out.append(f'<line class="grid" x1="{left}" x2="{width - 8}" y1="{yy:.1f}" y2="{yy:.1f}"/>'
                   f'<text class="axis" x="{left - 4}" y="{yy + 4:.1f}" text-anchor="end">{round(top * frac)}</text>')
    label_every = max(1, math.ceil(len(bars) / 6))
    for i, (key, n) in enumerate(bars):
        x = left + i * step
        h = plot_h * n / top
        out.append(f'<rect class="bar" x="{x + step * 0.1:.2f}" y="{top_pad + plot_h - h:.2f}" '
                   f'width="{max(step * 0.8, 0.5):.2f}" height="{h:.2f}"><title>{escape(key)}: {n}</title></rect>')
        if i % label_every == 0:
            out.append(f'<text class="axis" x="{x + step / 2:.1f}" y="{height - 8}" text-anchor="middle">'
                       f'{escape(key[5:] if grain == "day" else key)}</text>')
    out.append("</svg>")
    return Markup("".join(out))
