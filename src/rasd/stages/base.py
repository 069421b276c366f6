"""The stage contract."""
from __future__ import annotations

from typing import ClassVar

from ..model import Document

__all__ = ["READER_LAYERS", "Stage"]

# What every document has when a reader hands it over.
READER_LAYERS = ("text", "meta", "sections")


class Stage:
    """A pipeline step. Subclasses set `name`, `requires` and `provides`, and implement `process`.

    A stage only adds layers: it must never rewrite `Document.text` or remove what earlier stages
    added. `__call__` runs `process` and records the provided layers in `doc.done`.
    """

    name: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()
    provides: ClassVar[tuple[str, ...]] = ()

    def process(self, doc: Document) -> None:
        raise NotImplementedError

    def __call__(self, doc: Document) -> Document:
        self.process(doc)
        for layer in self.provides:
            if layer not in doc.done:
                doc.done.append(layer)
        return doc

    def __repr__(self) -> str:
        return f"<stage {self.name}: {', '.join(self.requires) or '-'} -> {', '.join(self.provides)}>"
