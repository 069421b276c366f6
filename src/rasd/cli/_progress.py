"""A one-line progress bar for stderr: articles/s and time left (not a command)."""
from __future__ import annotations

import sys
import time
from typing import IO, Any

__all__ = ["ProgressBar"]


def _clock(seconds: float) -> str:
    seconds = int(max(0, seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class ProgressBar:
    """Call with the progress dicts of `rasd.batch.ingest`; redraws at most 5 times a second on a
    terminal, and prints a line every 10 seconds otherwise."""

    def __init__(self, stream: IO[str] | None = None, width: int = 24):
        self.stream = stream or sys.stderr
        self.width = width
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.last = 0.0
        self.drawn = False

    def __call__(self, info: dict[str, Any]) -> None:
        now = time.monotonic()
        if now - self.last < (0.2 if self.tty else 10.0):
            return
        self.last = now
        self.stream.write(("\r" if self.tty else "") + self.line(info) + ("" if self.tty else "\n"))
        self.stream.flush()
        self.drawn = True

    def line(self, info: dict[str, Any]) -> str:
        read, total, rate = info["read"], info.get("total"), info.get("rate") or 0.0
        counts = f"added {info['added']}  stored {info['skipped']}  failed {info['failed']}"
        if total and total >= read:
            frac = read / total if total else 1.0
            filled = int(frac * self.width)
            bar = "#" * filled + "." * (self.width - filled)
            eta = _clock((total - read) / rate) if rate else "?"
            return (f"ingest [{bar}] {read}/{total} {frac:4.0%}  {rate:,.0f} articles/s  "
                    f"ETA {eta}  {counts}")
        return f"ingest {read} articles  {rate:,.0f} articles/s  {counts}"

    def close(self) -> None:
        if self.drawn and self.tty:
            self.stream.write("\n")
            self.stream.flush()
