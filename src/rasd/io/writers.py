"""Write documents as JSON (one object, or an array of several) or JSON Lines, as they come.

Writers flush after every document, so an interrupted run keeps everything written before it.
"""
from __future__ import annotations

from typing import IO

from ..model import Document
from ..serialize import dumps

__all__ = ["DocumentWriter"]


class DocumentWriter:
    """``with DocumentWriter(stream, "jsonl") as w: w.write(doc)``.

    ``json`` writes a single document as one object and several as an array; ``jsonl`` writes one
    document a line. `layers` limits which layers are written (all by default).
    """

    def __init__(self, stream: IO[str], fmt: str = "jsonl", layers: tuple[str, ...] | None = None,
                 indent: int | None = None):
        if fmt not in ("json", "jsonl"):
            raise ValueError(f"unknown format {fmt!r}; use json or jsonl")
        self.stream, self.fmt, self.layers = stream, fmt, layers
        self.indent = indent if indent is not None else (2 if fmt == "json" else None)
        self.count = 0
        self._held: str | None = None

    def write(self, doc: Document | str) -> None:
        """Write a document, or its JSON text already made (with this writer's layers and indent)."""
        data = doc if isinstance(doc, str) else dumps(doc.to_dict(self.layers), self.indent)
        if self.fmt == "jsonl":
            self.stream.write(data + "\n")
        elif self.count == 0:
            self._held = data            # a single document is written as an object
        else:
            if self._held is not None:
                self.stream.write("[\n" + self._held)
                self._held = None
            self.stream.write(",\n" + data)
        self.count += 1
        self.stream.flush()

    def close(self) -> None:
        if self.fmt == "json":
            if self._held is not None:
                self.stream.write(self._held + "\n")
            elif self.count > 1:
                self.stream.write("\n]\n")
            elif self.count == 0:
                self.stream.write("[]\n")
        self.stream.flush()

    def __enter__(self) -> "DocumentWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
