"""Builds the chain of stages, checks it, and runs it over one document or a stream of them."""
from __future__ import annotations

import gc
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import Any, Callable, Iterable, Iterator, Sequence

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
        if not _resources_frozen:
            _freeze_resources()
        return doc

    def pipe(self, docs: Iterable[Document], batch_size: int = 64, workers: int = 1,
             then: Callable[[Document], Any] | None = None) -> Iterator[Any]:
        """Run over a stream of documents and yield them, in order.

        With `workers` > 1, batches go to a process pool; each worker builds the same pipeline once
        and keeps its resources loaded. `then`, a picklable function, is applied to each finished
        document where it was analyzed and its result is yielded instead of the document: sending
        back a JSON string (`rasd.serialize.document_to_json`) is far cheaper than a `Document`.
        A document that a stage fails on is yielded as its `RasdError` (code R399 for a bug).
        """
        if workers <= 1:
            for doc in docs:
                result = run_safely(self, doc)
                yield then(result) if then is not None and not isinstance(result, RasdError) else result
            return
        spec = list(self.stages)   # stages are small and picklable; workers load their resources once
        it = iter(docs)
        with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(spec,)) as pool:
            pending = []
            while True:
                batch = list(islice(it, batch_size))
                if batch:
                    pending.append(pool.submit(_run_batch, batch, then))
                while pending and (len(pending) > workers * 2 or not batch):
                    yield from pending.pop(0).result()
                if not batch and not pending:
                    break


_worker_pipeline: Pipeline | None = None
_resources_frozen = False


#: The collector's first threshold while documents are processed (Python's default is 700).
GC_THRESHOLD = 20_000


def _freeze_resources() -> None:
    """Tune Python's cyclic garbage collector for document processing, once per process.

    After the first document, every lexicon, gazetteer and model a stage loads lazily is in memory:
    the objects alive now are moved out of the collector's reach (`gc.freeze`), since they live as
    long as the process and every full collection would rescan them. And an article makes tens of
    thousands of small objects that reference counting frees (none in a cycle), so collecting
    every 700 allocations, the default, only rescans them: the first threshold is raised to
    `GC_THRESHOLD`. Together about 20% of the run time (bench/bench_pipeline.py). Set
    ``rasd.pipeline._resources_frozen = True`` before the first document to keep Python's defaults.
    """
    global _resources_frozen
    _resources_frozen = True
    gc.collect()
    gc.freeze()
    first, second, third = gc.get_threshold()
    if first < GC_THRESHOLD:
        gc.set_threshold(GC_THRESHOLD, second, third)


def _init_worker(spec: list[Stage]) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline(spec)


def _run_batch(batch: list[Document], then: Callable[[Document], Any] | None) -> list[Any]:
    assert _worker_pipeline is not None
    out = []
    for doc in batch:
        result = run_safely(_worker_pipeline, doc)
        out.append(then(result) if then is not None and not isinstance(result, RasdError) else result)
    return out


def run_safely(pipeline: Pipeline, doc: Document) -> Document | RasdError:
    """Run one document; any failure comes back as a `RasdError` naming the document, so that a
    batch goes on (a stage that fails on one article must not cost the others)."""
    try:
        return pipeline(doc)
    except RasdError as exc:
        exc.path = exc.path or doc.meta.source or doc.id
        return exc
    except Exception as exc:  # a bug in a stage: report it with the document, keep going
        return PipelineError(f"a stage failed on this document: {type(exc).__name__}: {exc}",
                             path=doc.meta.source or doc.id, code="R399",
                             remedy="report this as a bug in rasd, with the document")
