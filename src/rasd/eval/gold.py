"""Scoring rasd output against gold annotations: a faithful port of ``shared/gold/score.py``.

Every layer is matched exactly as the reference scorer does (same normalization, same greedy
one-to-one matching, same rounding), so that ``rasd eval`` and ``score.py`` print the same numbers:

- quotes: content word sets overlap by at least half of each side; attribution through the speaker
  rule (every word of the shorter name in the longer one, or through the gold entity's aliases);
- times: one normalized text contains the other; the value equals ``value`` or one of ``alt``;
- entities: (normalized name, type), or all words of the shorter name in the longer one (score 0.5);
- events: same type and one trigger contains the other; actor/recipient with the speaker rule.

    >>> res = evaluate("gold/dev", "system.jsonl")
    >>> res["times_end_to_end"]["f1"]
"""
from __future__ import annotations

import difflib
import json
import re
import unicodedata
from pathlib import Path
from typing import Any, Callable, Iterable

from ..errors import EvalError

__all__ = ["LAYERS", "REQUIRED", "check_gold", "evaluate", "format_report", "greedy", "load_gold", "load_system", "new_tally",
           "norm", "prf", "same_entity", "same_name", "score_doc", "summarize", "words"]

LAYERS = ("quotes", "times", "entities", "events")

_DIACRITICS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_LABELS = {"PERS": "PER", "PERSON": "PER", "GPE": "LOC", "LOCATION": "LOC", "ORGANIZATION": "ORG"}


def norm(s: str | None) -> str:
    """The scorer's normalization: NFKC, no diacritics or tatweel, folded alef/ya/teh marbuta,
    punctuation, symbols and controls turned to spaces, whitespace collapsed."""
    if not s:
        return ""
    s = unicodedata.normalize("NFKC", s)
    s = _DIACRITICS.sub("", s).translate(_ALEF)
    s = "".join(" " if unicodedata.category(c)[0] in "PSZC" else c for c in s)
    return " ".join(s.split())


def words(s: str | None) -> set[str]:
    return set(norm(s).split())


def same_name(a: str | None, b: str | None) -> bool:
    """Null matches null; otherwise every word of the shorter name must be in the longer one."""
    if not a and not b:
        return True
    if not a or not b:
        return False
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return False
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return short <= long_


def greedy(gold: list, system: list, score: Callable[[Any, Any], float | None]) -> list[tuple]:
    """One-to-one matching, best score first; score() returns None for 'no match'."""
    pairs = []
    for i, g in enumerate(gold):
        for j, s in enumerate(system):
            sc = score(g, s)
            if sc is not None:
                pairs.append((sc, i, j))
    pairs.sort(key=lambda p: -p[0])
    used_g, used_s, out = set(), set(), []
    for _sc, i, j in pairs:
        if i not in used_g and j not in used_s:
            used_g.add(i)
            used_s.add(j)
            out.append((gold[i], system[j]))
    return out


def prf(tp: int, n_sys: int, n_gold: int) -> dict[str, Any]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "sys": n_sys, "gold": n_gold}


def entity_names(doc: dict) -> dict:
    names = {}
    for e in doc.get("entities") or []:
        if isinstance(e, dict) and e.get("id") is not None:
            names[e["id"]] = e.get("name") or e.get("text")
    return names


def ref_name(ref, names: dict):
    """An entity reference may be an id, a name, or an object with a name."""
    if ref is None:
        return None
    if isinstance(ref, dict):
        return ref.get("name") or ref.get("text") or names.get(ref.get("id"))
    return names.get(ref, ref)


def span_text(x) -> str:
    if isinstance(x, dict):
        return x.get("text") or ""
    return x or ""


def alias_table(gold: dict) -> dict[str, set[str]]:
    """Every gold name or alias -> all names of that gold entity."""
    table: dict[str, set[str]] = {}
    for e in gold.get("entities", []):
        group = [e["name"]] + list(e.get("aliases") or [])
        for n in group:
            table.setdefault(norm(n), set()).update(group)
    return table


def same_entity(gold_name, sys_name, table: dict) -> bool:
    """Like same_name, but a gold name also matches through its entity's other names."""
    if not gold_name:
        return same_name(gold_name, sys_name)
    return any(same_name(n, sys_name) for n in table.get(norm(gold_name), {gold_name}) | {gold_name})


def new_tally() -> dict[str, dict[str, int]]:
    tally = {k: {"tp": 0, "sys": 0, "gold": 0} for k in LAYERS}
    tally["quotes"]["attr_ok"] = 0
    tally["times"]["value_ok"] = 0
    for k in ("actor_n", "actor_ok", "recipient_n", "recipient_ok"):
        tally["events"][k] = 0
    return tally


# ---------------------------------------------------------------------------------------------
# per layer

def score_quotes(gold: dict, doc: dict, tally: dict, names: dict, aliases: dict) -> list[tuple]:
    sq = [{"content": span_text(q.get("content")), "speaker": ref_name(q.get("speaker"), names)}
          for q in doc.get("quotes") or []]
    gq = gold.get("quotes", [])

    def q_score(g, s):
        a, b = words(g["content"]), words(s["content"])
        inter = len(a & b)
        if a and b and inter >= 0.5 * len(a) and inter >= 0.5 * len(b):
            return inter / len(a | b)
        return None

    m = greedy(gq, sq, q_score)
    t = tally["quotes"]
    t["tp"] += len(m)
    t["sys"] += len(sq)
    t["gold"] += len(gq)
    t["attr_ok"] += sum(same_entity(g["speaker"], s["speaker"], aliases) for g, s in m)
    return m


def time_score(g: dict, s: dict) -> float | None:
    a, b = norm(g["text"]), norm(s["text"])
    if a and b and (a in b or b in a):
        return min(len(a), len(b)) / max(len(a), len(b))
    return None


def time_value_ok(g: dict, s: dict) -> bool:
    return (s["value"] == g.get("value")) or (s["value"] in (g.get("alt") or []))


def score_times(gold: dict, doc: dict, tally: dict) -> list[tuple]:
    st = [{"text": span_text(t) if not isinstance(t, dict) else t.get("text", ""), "value": t.get("value")}
          for t in doc.get("times") or [] if isinstance(t, dict)]
    gt = gold.get("times", [])
    m = greedy(gt, st, time_score)
    t = tally["times"]
    t["tp"] += len(m)
    t["sys"] += len(st)
    t["gold"] += len(gt)
    t["value_ok"] += sum(time_value_ok(g, s) for g, s in m)
    return m


def score_entities(gold: dict, doc: dict, tally: dict) -> list[tuple]:
    se = [{"name": e.get("name") or e.get("text"), "type": _LABELS.get(e.get("label"), e.get("label"))}
          for e in doc.get("entities") or [] if isinstance(e, dict)]
    ge = gold.get("entities", [])

    def e_score(g, s):
        if g["type"] != s["type"]:
            return None
        names = [g["name"]] + list(g.get("aliases") or [])
        if any(norm(n) == norm(s["name"]) for n in names):
            return 1.0
        return 0.5 if any(same_name(n, s["name"]) for n in names) else None

    m = greedy(ge, se, e_score)
    t = tally["entities"]
    t["tp"] += len(m)
    t["sys"] += len(se)
    t["gold"] += len(ge)
    return m


def score_events(gold: dict, doc: dict, tally: dict, names: dict, aliases: dict) -> list[tuple]:
    sv = [{"type": v.get("type"), "trigger": span_text(v.get("trigger")),
           "actor": ref_name(v.get("actor"), names), "recipient": ref_name(v.get("recipient"), names)}
          for v in doc.get("events") or [] if isinstance(v, dict)]
    gv = gold.get("events", [])

    def v_score(g, s):
        a, b = norm(g["trigger"]), norm(s["trigger"])
        if g["type"] == s["type"] and a and b and (a in b or b in a):
            return 1.0
        return None

    m = greedy(gv, sv, v_score)
    t = tally["events"]
    t["tp"] += len(m)
    t["sys"] += len(sv)
    t["gold"] += len(gv)
    for g, s in m:
        for role in ("actor", "recipient"):
            if g.get(role):
                t[role + "_n"] += 1
                t[role + "_ok"] += same_entity(g[role], s[role], aliases)
    return m


def score_doc(gold: dict, doc: dict, tally: dict) -> None:
    """Add one document's matches, for every layer, to `tally` (as score.py's score_doc)."""
    names = entity_names(doc)
    aliases = alias_table(gold)
    score_quotes(gold, doc, tally, names, aliases)
    score_times(gold, doc, tally)
    score_entities(gold, doc, tally)
    score_events(gold, doc, tally, names, aliases)


# ---------------------------------------------------------------------------------------------

# The fields score.py reads from each gold record of a layer.
REQUIRED = {"quotes": ("content", "speaker"), "times": ("text",), "entities": ("name", "type"),
            "events": ("type", "trigger")}


def _read_text(path: Path, what: str, encoding: str = "utf-8") -> str:
    """The text of a gold or system file; an `EvalError` naming it when it cannot be read or is
    not UTF-8."""
    try:
        return path.read_bytes().decode(encoding)
    except OSError as e:
        raise EvalError(f"cannot read the {what}: {e.strerror}", path=str(path)) from None
    except UnicodeDecodeError as e:
        raise EvalError(f"the {what} is not UTF-8 (byte {e.start})", path=str(path),
                        remedy="save it as UTF-8") from None


def _read_json(path: Path, what: str) -> Any:
    text = _read_text(path, what, "utf-8-sig")
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise EvalError(f"the {what} is not valid JSON: {e.msg} at line {e.lineno}, column {e.colno}",
                        path=str(path)) from None


def check_gold(g: Any, path: str) -> None:
    """Raise `EvalError` naming the file and the record when a gold document lacks what scoring
    reads: a string ``id``, lists of objects for the layers, the fields of `REQUIRED`, or when a key
    looks like a misspelt layer name (``qoutes``)."""
    if not isinstance(g, dict):
        raise EvalError(f"a gold file holds one JSON object, not {type(g).__name__}", path=path)
    if not isinstance(g.get("id"), str) or not g["id"]:
        raise EvalError('the gold document has no "id" (a string naming its article in input.jsonl)',
                        path=path)
    for key in g:
        if key not in REQUIRED:
            close = difflib.get_close_matches(key, REQUIRED, n=1, cutoff=0.75)
            if close:
                raise EvalError(f'unknown key "{key}": did you mean "{close[0]}"?', path=path)
    for layer, fields in REQUIRED.items():
        items = g.get(layer, [])
        if not isinstance(items, list):
            raise EvalError(f'"{layer}" must be a list, not {type(items).__name__}', path=path)
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                raise EvalError(f"{layer}[{i}] must be an object, not {type(item).__name__}", path=path)
            for f in fields:
                if f not in item:
                    raise EvalError(f'{layer}[{i}] has no "{f}"', path=path)


def load_gold(gold_dir: str | Path) -> dict[str, dict]:
    """Gold files of a folder (``*.json``), by id, in file-name order. A file that is not a gold
    document, or a second file with the same id, is an `EvalError` naming the file."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise EvalError("no such gold folder", path=str(gold_dir),
                        remedy="give a folder of gold *.json files (see shared/gold/README.md)")
    golds: dict[str, dict] = {}
    where: dict[str, Path] = {}
    for p in sorted(gold_dir.glob("*.json")):
        g = _read_json(p, "gold file")
        check_gold(g, str(p))
        doc_id = g["id"]
        if doc_id in golds:
            raise EvalError(f'id "{doc_id}" is also the id of {where[doc_id].name}', path=str(p))
        golds[doc_id] = g
        where[doc_id] = p
    return golds


def load_system(path: str | Path) -> dict[str, dict]:
    """rasd output (JSON Lines, one document a line), by id; a later line with the same id wins.
    A line that is not a JSON object is an `EvalError` naming the file and the line."""
    path = Path(path)
    docs = {}
    text = _read_text(path, "system file")
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                d = json.loads(line)
            except json.JSONDecodeError as e:
                raise EvalError(f"line {n} is not valid JSON: {e.msg} (column {e.colno})", path=str(path),
                                remedy="give rasd's JSON Lines output (rasd analyze --format jsonl)") from None
            if not isinstance(d, dict):
                raise EvalError(f"line {n} is not a JSON object", path=str(path),
                                remedy="give rasd's JSON Lines output (rasd analyze --format jsonl)")
            docs[str(d.get("id"))] = d
    return docs


def summarize(tally: dict, golds: Iterable[str], missing: list[str]) -> dict[str, Any]:
    q, t, v = tally["quotes"], tally["times"], tally["events"]
    return {
        "documents": len(list(golds)), "missing": missing,
        "quotes": prf(q["tp"], q["sys"], q["gold"]),
        "quotes_attribution_accuracy": round(q["attr_ok"] / q["tp"], 4) if q["tp"] else 0.0,
        "quotes_end_to_end": prf(q["attr_ok"], q["sys"], q["gold"]),
        "times": prf(t["tp"], t["sys"], t["gold"]),
        "times_value_accuracy": round(t["value_ok"] / t["tp"], 4) if t["tp"] else 0.0,
        "times_end_to_end": prf(t["value_ok"], t["sys"], t["gold"]),
        "entities": prf(tally["entities"]["tp"], tally["entities"]["sys"], tally["entities"]["gold"]),
        "events": prf(v["tp"], v["sys"], v["gold"]),
        "events_actor_accuracy": round(v["actor_ok"] / v["actor_n"], 4) if v["actor_n"] else 0.0,
        "events_recipient_accuracy": round(v["recipient_ok"] / v["recipient_n"], 4) if v["recipient_n"] else 0.0,
    }


def evaluate_docs(golds: dict[str, dict], docs: dict[str, dict]) -> dict[str, Any]:
    tally = new_tally()
    missing = [i for i in golds if i not in docs]
    for i, g in golds.items():
        score_doc(g, docs.get(i, {}), tally)
    return summarize(tally, golds, missing)


def evaluate(gold_dir: str | Path, system_path: str | Path) -> dict[str, Any]:
    """score.py's result dictionary for a gold folder and a system JSON Lines file."""
    return evaluate_docs(load_gold(gold_dir), load_system(system_path))


_ROWS = {"quotes": ("quotes", "quotes_end_to_end"), "times": ("times", "times_end_to_end"),
         "entities": ("entities",), "events": ("events",)}


def format_report(res: dict[str, Any], layers: Iterable[str] = LAYERS) -> str:
    """score.py's text report, restricted to some layers."""
    layers = list(layers)
    out = [f"documents {res['documents']}  missing from output {len(res['missing'])}"]
    for layer in layers:
        for k in _ROWS[layer]:
            r = res[k]
            out.append(f"{k:20s} P {r['p']:.3f}  R {r['r']:.3f}  F1 {r['f1']:.3f}  "
                       f"(tp {r['tp']}, sys {r['sys']}, gold {r['gold']})")
    extra = []
    if "quotes" in layers:
        extra.append(f"quote attribution accuracy {res['quotes_attribution_accuracy']:.3f}")
    if "times" in layers:
        extra.append(f"time value accuracy {res['times_value_accuracy']:.3f}")
    if "events" in layers:
        extra.append(f"event actor accuracy {res['events_actor_accuracy']:.3f}, "
                     f"recipient {res['events_recipient_accuracy']:.3f}")
    if extra:
        out.append("; ".join(extra))
    return "\n".join(out)
