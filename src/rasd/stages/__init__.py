"""Pipeline stages: small classes `Doc -> Doc` that declare the layers they require and provide.

Stages are registered here by name, as ``"module:Class"`` strings, so that a stage's module (and
the model or lexicon it loads) is imported only when a pipeline uses it. `DEFAULT_ORDER` is the
order of the full pipeline.
"""
from __future__ import annotations

import importlib
import importlib.util

from ..errors import PipelineError
from .base import Stage

__all__ = ["DEFAULT_ORDER", "REGISTRY", "Stage", "available", "create"]

REGISTRY: dict[str, str] = {
    "sentences": "rasd.stages.text:SentenceStage",
    "tokens": "rasd.stages.text:TokenStage",
    "mentions": "rasd.stages.mentions:MentionStage",
    "entities": "rasd.stages.entities:EntityStage",
    "times": "rasd.stages.times:TimeStage",
    "quotes": "rasd.stages.quotes:QuoteStage",
    "events": "rasd.stages.events:EventStage",
    "places": "rasd.stages.places:PlaceStage",
}

# places comes before events so that an event can name its place by place id.
DEFAULT_ORDER = ("sentences", "tokens", "mentions", "entities", "times", "quotes", "places", "events")


def available() -> list[str]:
    """Names of the registered stages that are installed and whose requirements the stages before
    them provide, in pipeline order (the full pipeline of this installation)."""
    from .base import READER_LAYERS
    have = set(READER_LAYERS)
    out = []
    for name in DEFAULT_ORDER:
        module, _, cls = REGISTRY[name].partition(":")
        if importlib.util.find_spec(module) is None:
            continue
        stage_cls = getattr(importlib.import_module(module), cls, None)
        if stage_cls is None or not set(stage_cls.requires) <= have:
            continue
        out.append(name)
        have.update(stage_cls.provides)
    return out


def create(name: str, **options) -> Stage:
    """Instantiate a registered stage by name."""
    try:
        target = REGISTRY[name]
    except KeyError:
        raise PipelineError(f"unknown stage {name!r}; known stages: {', '.join(REGISTRY)}",
                            remedy="use one of the known stage names", code="R301") from None
    module, _, cls = target.partition(":")
    return getattr(importlib.import_module(module), cls)(**options)
