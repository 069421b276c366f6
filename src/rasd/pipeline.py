"""Builds the chain of stages, checks it, and runs it over one document or a stream of them."""
from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import Iterable, Iterator, Sequence

from . import stages as registry
from .errors import PipelineError, RasdError
from .model import Document
from .stages.base import READER_LAYERS, Stage

__all__ = ["Pipeline"]


class Pipeline:
    """An ordered chain of stages.

    >>> nlp = Pipeline()                       # every available stage, in order
    >>> nlp = Pipeline(["sentences", "tokens"])  # only these
    >>> doc = nlp(doc)
    >>> for doc in nlp.pipe(docs, batch_size=64, workers=2): ...

    Building a pipeline checks that each stage's requirements are provided by the reader or an
    earlier stage, and reports every unmet requirement at once.
    """

    def __init__(self, stages: Sequence[str | Stage] | None = None, *, exclude: Sequence[str] = (),
                 options: dict[str, dict] | None = None):
        names = list(stages) if stages is not None else registry.available()
        options = options or {}
        self.stages: list[Stage] = []
        for s in names:
            if isinstance(s, Stage):
                stage = s
            elif s in exclude:
                continue
            else:
                stage = registry.create(s, **options.get(s, {}))
            self.stages.append(stage)
        self.check()

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def check(self) -> None:
        have = set(READER_LAYERS)
        problems = []
        for stage in self.stages:
            missing = [r for r in stage.requires if r not in have]
            if missing:
                problems.append(f"stage {stage.name!r} needs {', '.join(missing)}")
            have.update(stage.provides)
        if problems:
            raise PipelineError("pipeline cannot run: " + "; ".join(problems), code="R302")

    def __call__(self, doc: Document) -> Document:
        for stage in self.stages:
            doc = stage(doc)
        return doc

    def pipe(self, docs: Iterable[Document], batch_size: int = 64, workers: int = 1) -> Iterator[Document]:
        """Run over a stream of documents, in order. With `workers` > 1, batches go to a process pool
        (each worker builds the same pipeline once and keeps its resources loaded)."""
        if workers <= 1:
            for doc in docs:
                yield self(doc)
            return
        spec = list(self.stages)   # stages are small and picklable; workers load their resources once
        it = iter(docs)
        with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(spec,)) as pool:
            pending = []
            while True:
                batch = list(islice(it, batch_size))
                if batch:
                    pending.append(pool.submit(_run_batch, batch))
                while pending and (len(pending) > workers * 2 or not batch):
                    yield from pending.pop(0).result()
                if not batch and not pending:
                    break


_worker_pipeline: Pipeline | None = None


def _init_worker(spec: list[Stage]) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline(spec)


def _run_batch(batch: list[Document]) -> list[Document]:
    assert _worker_pipeline is not None
    out = []
    for doc in batch:
        out.append(_worker_pipeline(doc))
    return out


def run_safely(pipeline: Pipeline, doc: Document) -> Document | RasdError:
    """Run one document; a `RasdError` is returned instead of raised so a batch can go on."""
    try:
        return pipeline(doc)
    except RasdError as exc:
        return exc
