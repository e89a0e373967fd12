"""The event coder on sentences: (text, expected events) tables, negatives included.

The whole understanding pipeline runs (actors, dates, places, counts, quotes, then
events), loaded once per session; each case is one short text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest

from chronicler.nlp.events.coder import STAGE_NAME, extract_events
from chronicler.nlp.stages import ArticleContext, ArticleState, StateView, run_plan, run_stage
from chronicler.records import Event

PUB = dt.date(2025, 5, 12)


def code(analyzer, text: str, published: dt.date = PUB) -> list[Event]:  # type: ignore[no-untyped-def]
    doc = analyzer.nlp(text)
    state = run_plan(analyzer.plan, doc, ArticleContext(article_id="t", published=published))
    return list(state.events or [])


@dataclass(frozen=True)
class Want:
    type: str
    actor: frozenset[str] | None = None  # country codes; None: not checked
    recipient: frozenset[str] | None = None
    flags: tuple[str, ...] = ()  # negated, future, hypothetical, historical, reported
    mode: str | None = None


def W(type: str, actor: Iterable[str] | None = None, recipient: Iterable[str] | None = None,
      flags: tuple[str, ...] = (), mode: str | None = None) -> Want:
    return Want(type, None if actor is None else frozenset(actor),
                None if recipient is None else frozenset(recipient), flags, mode)


def countries(actors: Iterable) -> frozenset[str]:  # type: ignore[type-arg]
    return frozenset(a.country for a in actors if a.country)


def fits(e: Event, w: Want) -> bool:
    if e.type != w.type:
        return False
    if w.actor is not None and countries(e.actor) != w.actor:
        return False
    if w.recipient is not None and countries(e.recipient) != w.recipient:
        return False
    if w.mode is not None and w.mode not in e.mode:
        return False
    for f in w.flags:
        if f == "reported":
            if e.reported_by is None:
                return False
        elif not getattr(e, f):
            return False
    return True


def describe(events: list[Event]) -> str:
    return "; ".join(f"{e.type}{e.mode} {sorted(countries(e.actor))}->"
                     f"{sorted(countries(e.recipient))} neg={e.negated} fut={e.future} "
                     f"hyp={e.hypothetical} hist={e.historical} rep="
                     f"{e.reported_by.name if e.reported_by else None} ({e.trigger})"
                     for e in events)


# ------------------------------------------------------------------ positives
CASES = [
    ("India launched Operation Sindoor on May 7, striking nine sites in Pakistan.",
     [W("ASSAULT", {"IND"}, {"PAK"})]),
    ("India's missile strikes on Bahawalpur killed 14 people on May 7.",
     [W("ASSAULT", {"IND"}, {"PAK"}, mode="aerial")]),
    ("Nine sites were struck by Indian missiles early on Wednesday.",  # passive agent
     [W("ASSAULT", {"IND"})]),
    ("India did not strike civilian targets, the army said.",  # negation
     [W("ASSAULT", {"IND"}, flags=("negated",))]),
    ("Pakistan will retaliate against India, the army chief said.",  # future
     [W("ASSAULT", {"PAK"}, {"IND"}, flags=("future",))]),
    ("If India attacks again, Pakistan will respond with full force.",  # hypothetical
     [W("ASSAULT", {"IND"}, flags=("hypothetical",))]),
    ("Pakistan claims India struck civilian targets in Punjab.",  # reported + accusation
     [W("ACCUSE", {"PAK"}, {"IND"}, mode="allege"),
      W("ASSAULT", {"IND"}, flags=("reported",))]),
    ("Pakistan denied that its drones had attacked Indian cities.",  # denial
     [W("REJECT", {"PAK"}), W("ASSAULT", {"PAK"}, {"IND"}, flags=("negated", "reported"))]),
    ("India and Pakistan agreed to a ceasefire on May 10.",  # coordination
     [W("RETREAT", {"IND", "PAK"}, set(), mode="ceasefire")]),
    ("Indian and Pakistani troops exchanged heavy artillery fire across the Line of Control.",
     [W("ASSAULT", {"IND", "PAK"})]),  # reciprocal
    ("India had suspended the Indus Waters Treaty after the attack.",
     [W("SANCTION", {"IND"}, mode="discontinue", flags=("historical",))]),
    ("India categorically rejected third-party mediation.",
     [W("REJECT", {"IND"}, mode="meet")]),
    ("US Secretary of State Marco Rubio urged both India and Pakistan to pursue de-escalation.",
     [W("REQUEST", {"USA"}, {"IND", "PAK"}, mode="change")]),
    ("Pakistan expelled an Indian diplomat on Thursday.",
     [W("SANCTION", {"PAK"}, {"IND"}, mode="expel")]),
    ("Pakistani drones attacked Jammu and Pathankot on Thursday night, the Indian army said.",
     [W("ASSAULT", {"PAK"}, {"IND"}, mode="drone", flags=("reported",))]),
    ("Pakistan's defence minister threatened to strike Indian military bases.",
     [W("THREATEN", {"PAK"}, {"IND"})]),
    ("Pakistan offered to hold talks with India at a neutral venue.",
     [W("REQUEST", {"PAK"}, {"IND"}, mode="meet")]),
    ("Transport workers in Karachi went on strike over unpaid wages.",
     [W("PROTEST", mode="strike")]),
    ("Indian officials dismissed the accusations as baseless.",
     [W("REJECT", {"IND"})]),
    ("Pakistan accused India of violating the ceasefire on Saturday night.",
     [W("ACCUSE", {"PAK"}, {"IND"})]),
    ("India cancelled all visas issued to Pakistani nationals.",
     [W("SANCTION", {"IND"}, {"PAK"})]),
    ("Pakistan launched Operation Bunyan-um-Marsoos on May 10, targeting Indian air bases.",
     [W("ASSAULT", {"PAK"}, {"IND"})]),
    ("The said attack was carried out by militants from across the border.",
     [W("ASSAULT")]),
    ("Kaldoria's army kept up heavy artillery fire on Merovian villages for a second day.",
     [W("ASSAULT", {"KLD"}, {"MRV"}, mode="heavy-weapons")]),
    ("Qorvan said Merovia's claim that it had targeted only camps was a lie.",  # verdict
     [W("REJECT", {"KLD"}, {"MRV"}), W("ASSAULT", {"MRV"}, flags=("reported",))]),
    ("Kaldoria has said any diversion of the river would be an act of war.",
     [W("THREATEN", {"KLD"}, mode="violence")]),
    ("Harrak said the nation would give a befitting reply.", [W("THREATEN", {"KLD"})]),
    ("Merovian jets struck Bahrun in Kaldoria. Harrak called the strikes a cowardly act of war.",
     [W("ACCUSE", {"KLD"}, {"MRV"}, mode="disapprove")]),
    ("Kaldoria's attaches in Varsk were declared persona non grata, Merovia said.",
     [W("SANCTION", {"MRV"}, {"KLD"}, mode="expel")]),
    ("The Kaldorian officer called his Merovian counterpart at 2:50 p.m.",
     [W("CONSULT", {"KLD"}, {"MRV"}, mode="phone")]),
]


@pytest.mark.parametrize(("text", "wants"), CASES, ids=[c[0][:40] for c in CASES])
def test_codes(analyzer, text: str, wants: list[Want]) -> None:  # type: ignore[no-untyped-def]
    events = code(analyzer, text)
    for w in wants:
        assert any(fits(e, w) for e in events), f"{w} not in: {describe(events)}"


# ------------------------------------------------------------------ negatives
NEGATIVES = [
    ("India said the situation along the border was calm.", None),  # plain statement
    ("The minister spoke about the economy at a conference.", None),
    ("The opposition leader launched a verbal attack on the prime minister.", "ASSAULT"),
    ("Transport workers in Karachi went on strike over unpaid wages.", "ASSAULT"),
    ("Sanctions hit the economy hard last year.", "ASSAULT"),
    ("The Pakistan-backed groups operate from camps near the border.", "SUPPORT"),
    ("No Indian aircraft entered Pakistani airspace, the air force said.", None),
    ("Targeting civilians is unacceptable, the Secretary-General said.", "ASSAULT"),
    ("Officials said he would set out how India would respond to future attacks.", "ASSAULT"),
    ("The minister declined to give details.", "REJECT"),
    ("A readout released by the State Department gave no details.", "RETREAT"),
    ("Shops reopened in Srinagar on Sunday.", "CONCEDE"),
    ("India condemned violence against civilians everywhere.", "ACCUSE"),  # no one accused
    ("Both sides called for restraint, the agency said on March 11.", "PROTEST"),  # "March"
    ("The ceasefire talks were postponed.", "RETREAT"),  # a noun modifying a noun
    ("Attacks on tourists have been rare in the valley.", "ASSAULT"),  # a generic plural
    ("The army chief visited forward posts near Resk on Wednesday.", "CONSULT"),
    ("She dismissed the allegations as false and baseless.", "ACCUSE"),
]


@pytest.mark.parametrize(("text", "banned"), NEGATIVES, ids=[c[0][:40] for c in NEGATIVES])
def test_does_not_code(analyzer, text: str, banned: str | None) -> None:  # type: ignore[no-untyped-def]
    events = code(analyzer, text)
    bad = [e for e in events if banned is None or e.type == banned]
    assert not bad, describe(bad)


# ------------------------------------------------------------------ known gaps
@pytest.mark.xfail(reason="no dyad in a one-sentence text: 'the two armies' names no one",
                   strict=True)
def test_reciprocal_without_context(analyzer) -> None:  # type: ignore[no-untyped-def]
    events = code(analyzer, "The two armies shelled each other's positions overnight.")
    assert any(fits(e, W("ASSAULT", {"IND", "PAK"})) for e in events)


@pytest.mark.xfail(reason="spaCy parses 'Pakistani shelling' with shelling as a verb", strict=True)
def test_nominal_shelling_place(analyzer) -> None:  # type: ignore[no-untyped-def]
    events = code(analyzer, "Pakistani shelling in Poonch killed 12 civilians on May 7.")
    assert [e.location.name if e.location else None for e in events] == ["Poonch"]


# ------------------------------------------------------------------ fields
def test_fields_of_an_event(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = ("India launched Operation Sindoor from May 7 to May 10, 2025, as a direct "
            "response to the April 22 Pahalgam terror attack that claimed 26 lives, "
            "mostly tourists.")
    events = code(analyzer, text, dt.date(2025, 6, 5))
    op = next(e for e in events if e.operation == "Operation Sindoor")
    assert op.type == "ASSAULT" and countries(op.actor) == {"IND"}
    # a bare country acting is its code with no sector (Phoenix's convention)
    assert op.actor[0].name == "India" and op.actor[0].sector is None
    assert op.date == dt.date(2025, 5, 7) and op.date_precision == "day"
    attack = next(e for e in events if e.trigger == "attack")
    assert attack.date == dt.date(2025, 4, 22)
    assert attack.location is not None and attack.location.name == "Pahalgam"
    assert attack.size is not None and attack.size.dead == 26
    assert countries(attack.recipient) == {"IND"} and "terrorism" in attack.contexts
    assert attack.historical  # more than 30 days before publication
    assert attack.operation is None  # an operation never targets its own side
    for e in events:
        assert e.evidence[0].text == text and e.evidence[0].span == (0, len(text))
        assert e.article_ids == ["t"] and e.n_articles == e.n_sources == 1
        assert e.cameo and e.pattern


def test_scores_follow_the_modes(analyzer) -> None:  # type: ignore[no-untyped-def]
    (ceasefire,) = code(analyzer, "India and Pakistan agreed to a ceasefire on May 10.")
    assert ceasefire.score == 7.5 and ceasefire.cameo == "08"
    aerial = code(analyzer, "Indian jets struck nine sites in Pakistan on May 7.")
    assert [e.score for e in aerial] == [-9.5] and aerial[0].cameo == "19"
    (meet,) = code(analyzer, "India categorically rejected third-party mediation.")
    assert meet.score == -2.0 and meet.cameo == "12"


def test_undated_event_never_gets_the_publication_date(analyzer) -> None:  # type: ignore[no-untyped-def]
    (e,) = code(analyzer, "India categorically rejected third-party mediation.")
    assert e.date is None and e.date_precision is None


def test_not_just_is_no_negation(analyzer) -> None:  # type: ignore[no-untyped-def]
    events = code(analyzer, '"The terrorists did not just kill 24 people," Maran said.')
    assert [(e.type, e.negated) for e in events] == [("ASSAULT", False)], describe(events)


def test_ids_are_stable(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "Pakistan expelled an Indian diplomat on Thursday."
    assert [e.id for e in code(analyzer, text)] == [e.id for e in code(analyzer, text)]


def test_rejection_answers_the_accusation(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = ("Responding to Pakistan's claims of Indian strikes on cities like Attock, "
            "Indian officials dismissed the accusations.")
    doc = analyzer.nlp(text)
    ctx = ArticleContext(article_id="t", published=PUB)
    state = ArticleState()
    for st in analyzer.plan.stages:
        if st.name == STAGE_NAME:
            events_stage = st
            break
        run_stage(st, doc, ctx, state)
    got = extract_events(doc, ctx, StateView(state, events_stage.requires, STAGE_NAME))
    reject = next(e for e in got.events if e.type == "REJECT")
    accuse = next(e for e in got.events if e.type == "ACCUSE")
    assert countries(reject.recipient) == {"PAK"}
    assert got.links == {reject.id: accuse.id}


def test_operations_are_listed_and_linked(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = ("India launched Operation Sindoor on May 7. As part of Operation Sindoor, "
            "Indian jets struck nine sites. Pakistan answered with Operation Bunyan-um-Marsoos.")
    doc = analyzer.nlp(text)
    state = run_plan(analyzer.plan, doc, ArticleContext(article_id="t", published=PUB))
    assert state.operations == ["Operation Sindoor", "Operation Bunyan-um-Marsoos"]
    linked = [e for e in state.events or [] if e.operation == "Operation Sindoor"]
    assert len(linked) == 2 and all(countries(e.actor) == {"IND"} for e in linked)


# ------------------------------------------------------------------ seeds
def _seed_events(analyzer, seeds_dir: Path, name: str, published: dt.date):  # type: ignore[no-untyped-def]
    from chronicler.clean.article import build_article
    from chronicler.ingest.text import read_text_bytes

    path = seeds_dir / name
    art = build_article(read_text_bytes(path.read_bytes(), str(path)))
    return art.text, code(analyzer, art.text, published)


def test_seed_main_events(analyzer, seeds_dir: Path) -> None:  # type: ignore[no-untyped-def]
    text, events = _seed_events(analyzer, seeds_dir, "001_de1ed642433377d0.txt",
                                dt.date(2025, 6, 5))

    def one(w: Want, needle: str) -> Event:
        hits = [e for e in events if fits(e, w) and needle in e.evidence[0].text]
        assert hits, f"{w} / {needle!r}: {describe(events)}"
        return hits[0]

    sindoor = one(W("ASSAULT", {"IND"}, {"PAK"}), "launched Operation Sindoor")
    assert sindoor.date == dt.date(2025, 5, 7) and sindoor.operation == "Operation Sindoor"
    pahalgam = one(W("ASSAULT", set(), {"IND"}), "Pahalgam")
    assert pahalgam.date == dt.date(2025, 4, 22) and pahalgam.size and pahalgam.size.dead == 26
    may10 = one(W("ASSAULT", {"PAK"}, {"IND"}), "responded on May 10")
    assert may10.date == dt.date(2025, 5, 10)
    ceasefire = one(W("RETREAT", {"IND", "PAK"}), "ceasefire was reached")
    assert ceasefire.date == dt.date(2025, 5, 10)
    one(W("SANCTION", {"IND"}, {"PAK"}, flags=("historical",)), "Indus Waters Treaty")
    one(W("REJECT", {"IND"}, {"PAK"}), "dismissed the accusations")
    one(W("REQUEST", {"PAK"}, {"IND"}, mode="meet"), "willingness to hold talks")
    for e in events:
        s, t = e.evidence[0].span
        assert text[s:t] == e.evidence[0].text


def test_seed_mediation_and_deescalation(analyzer, seeds_dir: Path) -> None:  # type: ignore[no-untyped-def]
    _, ev3 = _seed_events(analyzer, seeds_dir, "003_c12c562bd27a722d.txt", dt.date(2025, 8, 1))
    assert any(fits(e, W("REJECT", {"IND"}, mode="meet", flags=("reported",)))
               and "third-party mediation" in e.evidence[0].text for e in ev3), describe(ev3)
    _, ev4 = _seed_events(analyzer, seeds_dir, "004_5d60781b92935417.txt", dt.date(2025, 5, 10))
    assert any(fits(e, W("REQUEST", {"USA"}, {"IND", "PAK"}, mode="change")) for e in ev4)
    assert any(fits(e, W("ASSAULT", {"PAK"}, {"IND"})) and e.date == dt.date(2025, 5, 10)
               and "military operation against India" in e.evidence[0].text for e in ev4)
    assert any(fits(e, W("CONCEDE", {"PAK"})) for e in ev4)
