"""Registers the claims stage (chronicler.claims.v1); the code is in chronicler.compare.

    python -m chronicler.nlp.claims "Kaldoria denied that it shot down four jets."
"""

from __future__ import annotations

import sys

from chronicler.compare.claims import STAGE, extract_claims
from chronicler.nlp.stages import register

register(STAGE)

__all__ = ["STAGE", "extract_claims"]


def main(argv: list[str]) -> None:
    from chronicler.nlp.analyzer import DEFAULT_STAGES, Analyzer
    from chronicler.records import Article, content_id

    text = " ".join(argv) or "Officials said militants killed 26 people in the attack."
    stages = DEFAULT_STAGES if STAGE.name in DEFAULT_STAGES else (*DEFAULT_STAGES, STAGE.name)
    an = Analyzer(stages=stages).analyze(
        Article(id=content_id("cli", text), text=text, outlet="cli"))
    for c in an.claims:
        who = c.asserted_by.name if c.asserted_by else "-"
        print(f"[{c.kind}/{c.hedge}/{c.polarity}] {who} ({c.attribution}): {c.text}"
              f" entities={c.entities} numbers={c.numbers} target={c.target_text!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
