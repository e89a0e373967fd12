"""Quality gate for the cross-article stages (eval/cross.py, issue 14): crises, happenings,
merged events and claim status against eval/gold/cross_seeds.json (skipped when
../shared/seeds is absent) and eval/gold/cross_demo.json (the bundled demo corpus)."""

from __future__ import annotations

from typing import Any

import pytest
from eval.cross import SEEDS, run

pytestmark = pytest.mark.slow

# Measured when the gold was written and the stages tuned (closing note of issue 14),
# minus one gold item's share where a figure counts items. Never lower one to pass.
# Seeds, 2026-12-06 (issue 14 helper): crisis 1.0/1.0, subevent.match 1.0, events.found 1.0
# (5/5: India's May 10 reply to Pakistan's strikes now dated), events.article_r 1.0 (15/15),
# corroborated.r 0.5 (2/4: 26 killed, nine sites; p 1.0 of 2), contested.r 1.0 (p 0.8),
# contested.false 0.
# Raised 2026-12-06 (issue 14, third pass: figure phrases, first-person quotes, a quoted
# word met in its speaker's quote, claims that name one event, denials' own assertions):
# corroborated.r 1.0 (4/4: 26 killed by 000+001+003, nine sites, the May 10 ceasefire,
# Dar's "will not beg"), corroborated.p 0.8 (4/5; the fifth, Operation Sindoor launched in
# response to the attack, 001+004, is a real agreement the gold does not list),
# contested.r 1.0, contested.p 0.8, contested.false 0.
# Raised 2026-12-06 (fourth pass: happenings of what an article reports as news):
# subevent.p/r 1.0 floored.
AT_LEAST = {"crisis.p": 1.0, "crisis.r": 1.0, "subevent.match": 0.95, "subevent.p": 0.95,
            "subevent.r": 0.95,
            "events.found": 0.8, "events.article_r": 0.93, "contested.r": 0.75,
            "contested.p": 0.7, "corroborated.r": 0.75, "corroborated.p": 0.6}
AT_MOST = {"events.dup": 0, "contested.false": 0, "crisis.n": 1}

# The demo gold (39 articles, 34 events, 27 corroborated, 16 contested) was written before
# the system was run on it; measured when the gold was committed (python -m eval.cross
# --corpus demo):
# crisis.p/r 1.0/1.0, subevent.match 0.546 (p 0.246-0.247, r 0.818-0.86, two runs while
# other stages changed), events.found 0.618 (21/34), events.dup 2, events.article_r
# 0.592, events.article_p 0.622-0.632,
# corroborated.r 0.407 (11/27), corroborated.p 0.538, contested.r 0.688 (11/16),
# contested.p 0.833, contested.false 0. Floors are a little below (one gold item's share
# where a figure counts items). Raise them as the stages improve; never lower one to pass.
# Raised 2026-12-06 (issue 14 helper: claim blocks, proposition keys by quoted phrase and
# counted thing, event merge by time of report, happenings by publication): subevent.match
# 0.546, subevent.p 0.281 r 0.783, events.article_r 0.627 p 0.659, corroborated.r 0.63
# (17/27) p 0.594, contested.r 0.688 p 0.794, contested.false 0 (committed tree).
# Raised 2026-12-06 (third pass: claims naming different days or nothing at all are not
# one proposition; a denial that counts answers only claims of its figure):
# corroborated.r 0.63 p 0.576 (19/33: a false group the contest had hidden now shows),
# contested.r 0.688 (11/16) p 0.862 (25/29), contested.false 0.
# Raised 2026-12-06 (fourth pass: one event named at two places, one toll; a breaking-news
# article is in the happenings it tells as news, not those it recalls in passing;
# happenings join on a day within one kind of action; an article of unknown date is news of
# its lead): subevent.match 0.724, subevent.p 0.571 r 0.846, events.found 0.647 (22/34),
# dup 3, events.article_r 0.704 p 0.68.
DEMO_AT_LEAST = {"crisis.p": 1.0, "crisis.r": 1.0, "subevent.match": 0.7, "subevent.p": 0.55,
                 "subevent.r": 0.82, "events.found": 0.62, "events.article_r": 0.68,
                 "events.article_p": 0.66, "corroborated.r": 0.59, "corroborated.p": 0.56,
                 "contested.r": 0.68, "contested.p": 0.83}
DEMO_AT_MOST = {"events.dup": 3, "contested.false": 0, "crisis.n": 1}


def _check(figs: dict[str, Any] | None, at_least: dict[str, float],
           at_most: dict[str, float]) -> None:
    assert figs is not None
    low = {k: (figs[k], v) for k, v in at_least.items() if (figs[k] or 0) < v}
    high = {k: (figs[k], v) for k, v in at_most.items() if figs[k] > v}
    assert not low and not high, f"(measured, bound): below {low}; above {high}"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")
def test_cross_article_floors() -> None:
    _check(run(), AT_LEAST, AT_MOST)


def test_cross_article_floors_demo() -> None:
    _check(run(corpus="demo"), DEMO_AT_LEAST, DEMO_AT_MOST)
