"""Offsets from phrases, so nobody counts characters by hand.

    python -m eval.annotate --seed 000_a7d4ca7b5390d582.txt "Ishaq Dar" "Dar@3"
    python -m eval.annotate --seed 003_….txt "Foreign Minister [[Ishaq Dar]] disclosed"
    python -m eval.annotate --demo 2025-03-11-cpa-gunmen-kill-24-tourists-lessara.txt "Halvik"
    python -m eval.annotate --check eval/gold/seeds.jsonl     # show every gold span's text

A phrase must occur once in the raw text, or carry ``@N`` (the N-th occurrence,
from 1); ``[[…]]`` inside a phrase marks the part to annotate, the rest is context.
Prints ``[start, end]`` per phrase. The phrases are for the command line only: the
gold files hold offsets, never seed text.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

from chronicler.config import Settings
from eval.gold import SEEDS_DIR, doc_name, raw_for
from eval.scoring import Span

_NTH = re.compile(r"^(.*)@(\d+)$", re.DOTALL)


class PhraseError(ValueError):
    pass


def find(raw: str, phrase: str) -> Span:
    """The span of ``phrase`` (or of its ``[[…]]`` part) in ``raw``."""
    nth = None
    m = _NTH.match(phrase)
    if m:
        phrase, nth = m.group(1), int(m.group(2))
    pre = post = ""
    if "[[" in phrase:
        pre, rest = phrase.split("[[", 1)
        target, post = rest.split("]]", 1)
    else:
        target = phrase
    whole = pre + target + post
    hits = [i for i in range(len(raw)) if raw.startswith(whole, i)]
    if not hits:
        raise PhraseError(f"not found: {whole!r}")
    if nth is None and len(hits) > 1:
        raise PhraseError(f"{len(hits)} occurrences of {whole!r}: add @N")
    i = hits[(nth or 1) - 1] if (nth or 1) <= len(hits) else None
    if i is None:
        raise PhraseError(f"only {len(hits)} occurrences of {whole!r}")
    s = i + len(pre)
    return s, s + len(target)


def sha1(raw: str) -> str:
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()


def check(path: Path, seeds_dir: Path) -> None:
    """Print each annotation's text, so a reviewer reads what the offsets point at."""
    settings = Settings()
    for ln, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        obj = json.loads(line)
        raw = raw_for(obj["doc"], seeds_dir, settings).text
        print(f"== {doc_name(path.stem, obj['doc'], ln)} (published {obj.get('published')})")
        for key in ("quotes", "actors", "dates"):
            for a in obj.get(key, []):
                s, e = a["span"]
                rest = {k: v for k, v in a.items() if k not in ("span", "text")}
                print(f"  {key[:-1]:<6} {raw[s:e]!r} {json.dumps(rest, ensure_ascii=False)}")
        for key, spans in obj.get("ignore", {}).items():
            for x in spans:
                s, e = x["span"] if isinstance(x, dict) else x
                print(f"  ignore {key}: {raw[s:e]!r}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.annotate", description=__doc__)
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--seed", help="seed file name in ../shared/seeds")
    src.add_argument("--demo", help="file under src/chronicler/demo/corpus")
    src.add_argument("--text", help="inline text")
    src.add_argument("--check", type=Path, help="print the text of every span in a gold file")
    ap.add_argument("--record", type=int, default=0, help="record of a JSONL/feed demo file")
    ap.add_argument("--seeds", type=Path, default=SEEDS_DIR)
    ap.add_argument("phrases", nargs="*")
    args = ap.parse_args(argv)
    if args.check:
        check(args.check, args.seeds)
        return 0
    ref: dict[str, object]
    if args.seed:
        ref = {"seed": args.seed}
    elif args.demo:
        ref = {"demo": args.demo, "record": args.record}
    else:
        ref = {"text": args.text}
    raw = raw_for(ref, args.seeds, Settings()).text
    print(f"sha1 {sha1(raw)}  ({len(raw)} chars)")
    status = 0
    for p in args.phrases:
        try:
            print(json.dumps(list(find(raw, p))), p)
        except PhraseError as e:
            print(f"ERROR {e}", file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
