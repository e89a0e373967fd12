"""Claims stage: check-worthiness, asserter, attribution, hedge, polarity (tables)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicler.nlp.analyzer import DEFAULT_STAGES, Analyzer
from chronicler.records import Article, Claim, content_id


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    assert "chronicler.claims.v1" in DEFAULT_STAGES
    return Analyzer()


def claims(analyzer: Analyzer, text: str) -> list[Claim]:
    art = Article(id=content_id("t", text), text=text, outlet="Test Wire")
    return analyzer.analyze(art).claims


NO_CLAIM = [
    "Did Merovia strike the camps in Kaldoria last night?",
    "Hello and welcome to our live coverage tonight.",
    "Thank you all for joining us this evening.",
    "What happens next is anyone's guess?",
]


@pytest.mark.parametrize("text", NO_CLAIM)
def test_no_claim(analyzer: Analyzer, text: str) -> None:
    assert claims(analyzer, text) == []


HEDGES = [
    ("Kaldoria denied that its forces shot down four Merovian jets.", "denied", "neg"),
    ("Merovia accused Kaldoria of sheltering the attackers.", "alleged", "pos"),
    ("The strikes may have hit a seminary in Bahrun, officials in Merovia believe.",
     "speculative", "pos"),
    ("Merovian aircraft struck eleven sites in Kaldoria on Wednesday.", "asserted", "pos"),
]


@pytest.mark.parametrize(("text", "hedge", "polarity"), HEDGES)
def test_hedge(analyzer: Analyzer, text: str, hedge: str, polarity: str) -> None:
    cs = claims(analyzer, text)
    assert len(cs) == 1
    assert (cs[0].hedge, cs[0].polarity) == (hedge, polarity)


def test_outlet_attribution_and_fields(analyzer: Analyzer) -> None:
    text = "Merovian aircraft struck eleven sites in Kaldoria on Wednesday."
    (c,) = claims(analyzer, text)
    assert c.attribution == "outlet" and c.asserted_by and c.asserted_by.name == "Test Wire"
    assert c.entities == sorted(c.entities) and "KLD" in c.entities
    assert c.evidence[0].span == (0, len(text)) and c.evidence[0].text == text


def test_numbers_and_unnamed_source(analyzer: Analyzer) -> None:
    (c,) = claims(analyzer, "Officials said gunmen killed 26 people in Kovasi.")
    assert c.numbers == [26.0] and c.kind in ("number", "action")
    assert c.attribution == "unnamed" and c.asserted_by and c.asserted_by.country is None


def test_direct_quote_speaker(analyzer: Analyzer) -> None:
    text = ('"Our air force shot down four Merovian jets," Defence Minister Idris Mallek '
            'of Kaldoria said.')
    cs = claims(analyzer, text)
    assert cs and cs[0].attribution == "direct"
    assert cs[0].asserted_by and "Mallek" in cs[0].asserted_by.name


def test_denial_target(analyzer: Analyzer) -> None:
    (c,) = claims(analyzer, "Kaldoria denied that its drones targeted 19 Merovian locations.")
    assert c.kind == "denial" and c.target_text
    assert "its drones targeted 19" in c.target_text and "denied" not in c.target_text


def test_a_noun_headed_report_is_not_the_sentence_source(analyzer: Analyzer) -> None:
    """The quotes stage reports "Merovia's claim that ..." as Merovia's; the sentence
    around it is still the subject's (here a rejection), so the two contest each other
    instead of passing as one side agreeing with itself."""
    cs = claims(analyzer, 'Foreign Minister Nadia Qorvan spoke in Tirvan. She described as '
                '"regrettable" Merovia\'s claim that there had been no mediation.')
    denial = next(c for c in cs if c.polarity == "neg")
    clause = next(c for c in cs if c.text.startswith("there had been no mediation"))
    assert not (denial.asserted_by and denial.asserted_by.country == "MRV")
    assert clause.asserted_by is not None and clause.asserted_by.country == "MRV"
    assert clause.id in denial.contested_by and denial.id in clause.contested_by


# --------------------------------------------------------------------------------------
# Tables: check-worthiness, hedges, attribution, in-article contest links, seeds.
# (chronicler.nlp.claims.stage + chronicler.nlp.claims.hedges; cues in data/claims/cues.toml)

def one(analyzer: Analyzer, text: str) -> Claim:
    cs = claims(analyzer, text)
    assert len(cs) == 1, [c.text for c in cs]
    return cs[0]


CHECKWORTHY = [
    ("Merovian aircraft struck eleven sites in Kaldoria on Wednesday.", "number"),
    ("Kaldoria accused Merovia of sheltering the attackers.", "accusation"),
    ("Kaldoria says the complex is a seminary.", "action"),
    ("Kaldoria's health ministry said the strikes on Bahrun killed 11 people.", "number"),
    ("Kaldoria denied that its forces shot down four Merovian jets.", "denial"),
    ('A Merovian government source said there had been "no mediation" by any third party.',
     "denial"),
]


@pytest.mark.parametrize(("text", "kind"), CHECKWORTHY)
def test_checkworthy_kind(analyzer: Analyzer, text: str, kind: str) -> None:
    assert one(analyzer, text).kind == kind


NOT_CHECKWORTHY = [
    "The UN chief urged Merovia and Kaldoria to show maximum restraint.",  # plain appeal
    "Both Merovia and Kaldoria must step back from the brink.",  # recommendation
    "It is evident that Kaldoria is keen on closer ties with Norvane.",  # opinion
    "(Reporting by Tomas Hale in Varsk; Editing by Mirela Costa)",  # page furniture
    "Be the first to comment on this article about Merovia.",
    "Merovia Suspends Serrin Water Treaty After Kovasi Attack",  # a headline
    "This is a tragedy for everyone.",  # nobody, nothing to check
    "There was no immediate response from Tirvan.",  # silence is no denial
]


@pytest.mark.parametrize("text", NOT_CHECKWORTHY)
def test_not_checkworthy(analyzer: Analyzer, text: str) -> None:
    assert claims(analyzer, text) == []


HEDGE_TABLE = [
    ("Indian officials dismissed the accusations as baseless.", "denied", "neg"),
    ("A Merovian defence official later called it “propaganda”.", "denied", "neg"),
    ("Velic rejected Kaldoria's claim that its forces had hit 12 Merovian targets.",
     "denied", "neg"),
    ("The attackers allegedly crossed into Merovia from Kaldoria.", "alleged", "pos"),
    ("Merovian missiles may have hit a seminary in Bahrun.", "speculative", "pos"),
    ("The gunmen are believed to have crossed into Merovia from Kaldoria.", "speculative",
     "pos"),
    ("Kaldoria said 27 civilians were killed in the Merovian strikes.", "reported", "pos"),
    ("Merovia did not strike any military installation in Kaldoria.", "asserted", "neg"),
    # a denial word used as a verb denies nothing ("lies with", not "lies")
    ("Velic said the onus for restraint now lies with Kaldoria.", "reported", "pos"),
    ("Merovia dismissed the report as lies.", "denied", "neg"),
]


@pytest.mark.parametrize(("text", "hedge", "polarity"), HEDGE_TABLE)
def test_hedge_table(analyzer: Analyzer, text: str, hedge: str, polarity: str) -> None:
    # the sentence's own claim (a denial may also yield the claim it denies)
    c = max(claims(analyzer, text), key=lambda x: len(x.text))
    assert (c.hedge, c.polarity) == (hedge, polarity)


NOT_DENIALS = [
    "Merovia categorically rejected third-party mediation on Thursday.",  # a refusal
    "Merovia denied visas to all Kaldorian nationals on Wednesday.",
    "Mallek described the attack on Kovasi as a possible false flag operation by Merovia.",
    "Oteri said Merovia would use the Kovasi attack as a false pretext for war.",
    "The Kovasi attack, which claimed 24 lives, shocked Merovia.",
]


@pytest.mark.parametrize("text", NOT_DENIALS)
def test_not_a_denial(analyzer: Analyzer, text: str) -> None:
    cs = claims(analyzer, text)
    assert cs and all(c.hedge != "denied" and c.polarity == "pos" for c in cs)
    assert all(c.hedge != "alleged" for c in cs if "claimed 24 lives" in c.text)


ATTRIBUTION = [
    # text, attribution, asserter name (substring) or None, asserter country
    ("Officials said gunmen killed 26 people in Kovasi.", "unnamed", None, None),
    ("According to ongoing analysis, the Merovian Air Force destroyed six Kaldorian jets.",
     "unnamed", None, None),
    ("Indian officials dismissed the accusations as baseless.", "unnamed", "officials", "IND"),
    ("Kaldoria said 27 civilians were killed in the Merovian strikes.", "reported",
     "Kaldoria", "KLD"),
    ("Merovian aircraft struck eleven sites in Kaldoria on Wednesday.", "outlet",
     "Test Wire", None),
]


@pytest.mark.parametrize(("text", "attribution", "name", "country"), ATTRIBUTION)
def test_attribution(analyzer: Analyzer, text: str, attribution: str, name: str | None,
                     country: str | None) -> None:
    c = one(analyzer, text)
    assert c.attribution == attribution
    if name is not None:
        assert c.asserted_by is not None and name in c.asserted_by.name
    if country is not None:
        assert c.asserted_by is not None and c.asserted_by.country == country


def test_claim_id_and_dateline(analyzer: Analyzer) -> None:
    text = "VARSK, April 2 (CPA) — Merovia launched missile strikes on eleven sites in Kaldoria."
    (c,) = claims(analyzer, text)
    s, e = c.evidence[0].span
    assert text[s:e] == c.text and c.text.startswith("Merovia launched")
    assert c.id == content_id("claim", c.article_ids[0], str(s), str(e))


def _linked(cs: list[Claim]) -> tuple[Claim, Claim]:
    denial = next(c for c in cs if c.hedge == "denied")
    other = next(c for c in cs if c.id in denial.contested_by)
    assert denial.id in other.contested_by  # both ways
    return denial, other


CONTESTS = [
    # one article: the denial and what it denies, with who asserts each side
    ("India also strongly denied claims that its missiles had struck targets in "
     "Afghanistan, dismissing the allegations as “false and baseless.”",
     "IND", None, "India's missiles had struck targets in Afghanistan"),
    ("Responding to Pakistan’s claims of Indian strikes on cities like Attock and Peshawar, "
     "Indian officials dismissed the accusations, insisting that only terror-linked sites "
     "were targeted.", "IND", "PAK", "Indian strikes on cities like Attock and Peshawar"),
    ("Dar recalled that India had flatly denied any American involvement in mediating the "
     "ceasefire on May 10, despite US President Donald Trump’s repeated claims of credit "
     "for the deal.", "IND", "USA", "credit for the deal"),
    ("Kaldoria said its air force had shot down four Merovian jets. A Merovian defence "
     "official later called it “propaganda”.", "MRV", "KLD", "four Merovian jets"),
    ("Kaldoria's military spokesman said Merovian missiles had struck seven locations. "
     "Merovia's Defence Minister Ana Velic dismissed the reports as “completely false”.",
     "MRV", "KLD", "seven locations"),
]


@pytest.mark.parametrize(("text", "denier", "claimant", "content"), CONTESTS)
def test_denial_linked_in_article(analyzer: Analyzer, text: str, denier: str,
                                  claimant: str | None, content: str) -> None:
    denial, other = _linked(claims(analyzer, text))
    assert denial.polarity == "neg" and other.polarity == "pos"
    assert denial.asserted_by is not None and denial.asserted_by.country == denier
    if claimant is None:
        assert other.attribution == "unnamed"
    else:
        assert other.asserted_by is not None and other.asserted_by.country == claimant
    assert content in other.text


def test_denial_never_answers_its_own_side(analyzer: Analyzer) -> None:
    text = ("Merovian officials said the strikes hit only terror camps. Merovia's Defence "
            "Minister Ana Velic dismissed the reports as baseless.")
    cs = claims(analyzer, text)
    denial = next(c for c in cs if c.hedge == "denied")
    assert denial.contested_by == []


def test_a_citizen_answering_his_government_is_another_side() -> None:
    """Same country is one side only when both speak for the state (an official sector,
    or the country itself): an analyst of Merovia dismissing Merovian officials'
    accusation answers it; two Merovian ministers never contest each other."""
    from chronicler.nlp.claims.stage import _same_side
    from chronicler.records import Asserter

    minister = Asserter(name="Ana Velic", country="MRV", sector="GOV")
    officials = Asserter(name="Merovian officials", country="MRV", sector="GOV")
    state = Asserter(name="Merovia", country="MRV")
    analyst = Asserter(name="Oren Talby", country="MRV")
    opposition = Asserter(name="Katya Morrell", country="MRV", sector="OPP")
    assert _same_side(minister, officials) and _same_side(state, officials)
    assert not _same_side(analyst, officials) and not _same_side(opposition, state)
    assert _same_side(analyst, Asserter(name="oren talby"))  # the same speaker


def test_stage_plan() -> None:
    from chronicler.nlp.claims.stage import STAGE

    assert STAGE.name == "chronicler.claims.v1" and STAGE.assigns == ("claims",)
    assert {"mentions", "quotes", "counts", "doc.sents"} <= set(STAGE.requires)
    assert DEFAULT_STAGES.index("chronicler.claims.v1") > DEFAULT_STAGES.index(
        "chronicler.quotes.v1")


def _seed_claims(analyzer: Analyzer, seeds_dir: Path, name: str) -> list[Claim]:
    from chronicler.clean.article import build_article
    from chronicler.records import RawDoc

    p = seeds_dir / name
    art = build_article(RawDoc(source_path=str(p), source_kind="txt",
                               text=p.read_text("utf-8")))
    return analyzer.analyze(art).claims


SEED_CONTESTS = [
    # seed file, denier country, claimant country (None: unnamed), a word of the claim
    ("004_5d60781b92935417.txt", "IND", None, "Afghanistan"),  # strikes on Afghanistan
    ("001_de1ed642433377d0.txt", "IND", "PAK", "Attock"),  # strikes on civilian targets
    ("003_c12c562bd27a722d.txt", "IND", "USA", "credit"),  # credit for US mediation
    ("002_6ad25fd6e7da2692.txt", None, "PAK", "terrorism"),  # who fosters terrorism
]


@pytest.mark.parametrize(("name", "denier", "claimant", "word"), SEED_CONTESTS)
def test_seed_contests(analyzer: Analyzer, seeds_dir: Path, name: str, denier: str | None,
                       claimant: str | None, word: str) -> None:
    cs = _seed_claims(analyzer, seeds_dir, name)
    byid = {c.id: c for c in cs}
    pairs = [(c, byid[x]) for c in cs if c.hedge == "denied" for x in c.contested_by]
    hits = [(d, o) for d, o in pairs if word.lower() in (o.text + " " + d.text).lower()
            and (claimant is None and o.attribution == "unnamed"
                 or o.asserted_by is not None and o.asserted_by.country == claimant)
            and (denier is None or d.asserted_by is not None
                 and d.asserted_by.country == denier)]
    assert hits, [(d.text[:60], o.text[:60]) for d, o in pairs]


def test_a_first_person_sentence_in_a_quote_is_about_the_speakers_side(
        analyzer: Analyzer) -> None:
    text = ("Kaldorian Foreign Minister Nadia Qorvan spoke in Tirvan. However, Qorvan said, "
            "“We are not under any strain. We are open to talks on all matters but will not "
            "grovel for them. Talks need two willing sides.”")
    cs = claims(analyzer, text)
    mid = next(c for c in cs if c.text.startswith("We are open"))
    assert mid.asserted_by is not None and mid.asserted_by.name == "Nadia Qorvan"
    assert mid.entities == ["KLD"] and mid.polarity == "pos"
    # without a speaker of known country, "we" names nobody: no claim
    assert not [c for c in claims(analyzer, "“We are open to talks on all matters but will "
                                  "not grovel for them,” a man said.") if c.entities]


@pytest.mark.parametrize(("text", "clause", "who"), [
    ("Merovian officials dismissed the accusations by Kaldoria, insisting that only "
     "militant sites were hit.", "only militant sites were hit", "Merovian officials"),
    ("Velic recalled that Merovia had flatly denied any foreign role in brokering the truce "
     "on April 5, emphasizing that the fighting stopped after direct talks between the "
     "two army chiefs, despite Ashby's claims of credit for the deal.",
     "the fighting stopped after direct talks between the two army chiefs", "Ana Velic"),
])
def test_what_a_denier_asserts_instead_is_a_claim_of_its_own(
        analyzer: Analyzer, text: str, clause: str, who: str) -> None:
    cs = claims(analyzer, text)
    own = next(c for c in cs if c.text == clause)
    assert own.polarity == "pos" and own.hedge == "reported"
    assert own.asserted_by is not None and own.asserted_by.name == who
    assert not own.contested_by  # the denier's own word, not what is denied


def test_an_event_between_known_sides_makes_its_sentence_a_claim(analyzer: Analyzer) -> None:
    text = ("Merovian jets struck eleven sites in Kaldoria on April 2, and Kaldoria answered "
            "with drones on April 4. A truce took hold that evening, ending the "
            "worst fighting in years.")
    truce = next(c for c in claims(analyzer, text) if c.text.startswith("A truce"))
    assert truce.polarity == "pos" and truce.kind == "action"


def test_an_assertion_named_without_its_holder_is_unnamed_sources(analyzer: Analyzer) -> None:
    cs = claims(analyzer, "Kaldoria also firmly denied claims that its drones had struck "
                "targets in Norvane, dismissing the allegations as “false”.")
    held = next(c for c in cs if c.hedge == "alleged")
    assert held.text == "Kaldoria's drones had struck targets in Norvane"
    assert held.asserted_by is not None and held.asserted_by.name == "unnamed sources"
    assert held.attribution == "unnamed" and held.asserted_by.name != "Test Wire"
    denial = next(c for c in cs if c.hedge == "denied")
    assert held.id in denial.contested_by
