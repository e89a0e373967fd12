"""Claim blocks and proposition keys (issue 14): an undated article's claims meet every
bucket, a figure brings in claims that name no entity, and one quoted phrase of the same
speaker makes two claims one proposition."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from bench.align_bench import hashed_embed

from chronicler.corpus.align import ArticleInfo, align, candidate_pairs
from chronicler.corpus.linkage import quoted_phrases
from chronicler.records import Claim, ClaimEvidence


def _claim(cid: str, aid: str, text: str, numbers: Sequence[float] = (),
           entities: Sequence[str] = ("KLD",)) -> Claim:
    return Claim(id=cid, text=text, article_ids=[aid], numbers=list(numbers),
                 entities=list(entities),
                 evidence=[ClaimEvidence(article_id=aid, text=text, span=(0, len(text)))])


def _info(**days: dt.date | None) -> dict[str, ArticleInfo]:
    return {a: ArticleInfo(outlet=f"paper-{a}", dup_key=a, published=d)
            for a, d in days.items()}


def test_an_undated_article_meets_dated_claims_of_its_entity() -> None:
    claims = [_claim("c1", "a1", "Kaldoria closed the Tessel pass to all trucks."),
              _claim("c2", "a2", "Kaldoria shut the Tessel pass to all trucks."),
              _claim("c3", "a3", "Kaldoria shut the Tessel pass to all lorries.")]
    pairs = candidate_pairs(claims, _info(a1=dt.date(2025, 1, 3), a2=None,
                                          a3=dt.date(2025, 6, 30)))
    assert (0, 1) in pairs and (1, 2) in pairs
    assert (0, 2) not in pairs  # two dated claims six months apart still do not meet


def test_a_figure_brings_in_a_claim_that_names_nobody() -> None:
    day = dt.date(2025, 3, 4)
    claims = [_claim("c1", "a1", "More than 70 per cent of the spring tours were called off.",
                     [70], entities=()),
              _claim("c2", "a2", "Guides in Kaldoria said more than 70 per cent of the spring "
                     "tours were called off.", [70]),
              _claim("c3", "a3", "Guides in Kaldoria said the season had been poor.")]
    pairs = candidate_pairs(claims, _info(a1=day, a2=day, a3=day))
    assert (0, 1) in pairs
    assert (0, 2) not in pairs  # no figure, no entity in common: never compared


def test_quoted_phrases() -> None:
    assert quoted_phrases('She said talks could be held "wherever, at whatever level".') == \
        {"wherever at whatever level"}
    assert quoted_phrases("He called it “a farce”.") == set()  # too short to be a statement


def test_one_quoted_phrase_links_differently_worded_reports() -> None:
    day = dt.date(2025, 3, 4)
    a = _claim("c1", "a1", 'Minister Pell told reporters on Monday that Kaldoria would meet '
               '"wherever, at whatever level" to settle the dispute.')
    b = _claim("c2", "a2", 'Kaldoria is ready to negotiate "wherever, at whatever level", '
               'its foreign minister said.')
    c = _claim("c3", "a3", "Kaldoria is ready to negotiate at any time, its foreign "
               "minister said.")
    groups, member_of = align([a, b, c], _info(a1=day, a2=day, a3=day), hashed_embed,
                              threshold=0.9)
    assert member_of["c1"] == member_of["c2"]
    assert member_of["c3"] != member_of["c1"]  # the wording alone stays below threshold


def test_a_denial_never_answers_what_happened_after_it() -> None:
    from chronicler.corpus.align import denied_before

    info = _info(a1=dt.date(2025, 3, 12), a2=dt.date(2025, 4, 3))
    denial = _claim("d", "a1", "Kaldoria said it had nothing to do with the raid.")
    later = _claim("c", "a2", "Merovia said it destroyed several Kaldorian posts.")
    later.event_ids = ["e1"]
    days = {"e1": dt.date(2025, 4, 2)}
    assert denied_before(denial, later, info, days)
    assert not denied_before(denial, later, info, {"e1": dt.date(2025, 3, 13)})  # a day
    later.event_ids = []
    assert not denied_before(denial, later, info, days)  # no dated event: no telling


def test_a_figure_phrase_is_one_proposition_only_with_its_figure() -> None:
    from chronicler.corpus.align import compatible
    from chronicler.corpus.linkage import is_figure_phrase

    phrase = _claim("c1", "a1", "the Tessel bombing that killed 31 soldiers", [31])
    other = _claim("c2", "a2", "the Tessel bombing that left 31 soldiers dead", [31])
    about = _claim("c3", "a3", "the Tessel bombing was planned by men from across the river")
    whole = _claim("c4", "a4", "Merovia said the Tessel bombing killed 31 soldiers.", [31])
    assert is_figure_phrase(phrase) and not is_figure_phrase(whole)
    assert compatible(phrase, other) and compatible(phrase, whole)
    assert not compatible(phrase, about) and not compatible(about, phrase)
    # a sentence with a figure still meets one without (the figure may be background)
    assert compatible(whole, _claim("c5", "a5", "Merovia blamed Kaldoria for the bombing."))


def test_quoted_phrases_pair_their_own_marks() -> None:
    # the words between one quote's end and the next one's start are no quote
    assert quoted_phrases('He said they would not “kneel” for peace, adding that “it takes '
                          'two sides to talk”.') == {"it takes two sides to talk"}


def _said(cid: str, aid: str, text: str, attribution: str, who: str = "Nadia Qorvan"
          ) -> Claim:
    from chronicler.records import Asserter

    c = _claim(cid, aid, text)
    return c.model_copy(update={"attribution": attribution,
                                "asserted_by": Asserter(name=who, country="KLD")})


def test_a_word_quoted_from_a_speaker_meets_her_direct_quote_elsewhere() -> None:
    from chronicler.corpus.linkage import said_keys

    report = _said("r", "a1", "The minister stressed that Kaldoria will not “grovel” for "
                   "talks.", "reported")
    quote = _said("q", "a2", "We are open to talks on every matter but will not grovel "
                  "for them.", "direct")
    other = _said("o", "a3", "We will not grovel to anyone.", "direct", who="Ana Velic")
    same = _said("s", "a1", "We will never grovel.", "direct")
    keys = said_keys([report, quote, other, same])
    assert keys == {"r": {("said", "nadia qorvan", "grovel")},
                    "q": {("said", "nadia qorvan", "grovel")}}
    # a quoted word made only of small words says nothing
    assert said_keys([_said("r", "a1", "She said it “was not”, then stopped.", "reported"),
                      _said("q", "a2", "It was not, and it is not now.", "direct")]) == {}


def test_claims_naming_different_days_are_two_propositions() -> None:
    from chronicler.corpus.compare import day_keys
    from chronicler.corpus.linkage import sig_compatible, signature
    from chronicler.records import TimeExpr

    tue = _claim("c1", "a1", "Envoy Pell spoke to both ministers on Tuesday.")
    thu = _claim("c2", "a2", "Envoy Pell spoke again to both ministers on Thursday.")
    week = _claim("c3", "a3", "Envoy Pell called both ministers from Monday to Friday.")
    undated = _claim("c4", "a4", "Envoy Pell has spoken to both ministers.")
    times = [TimeExpr(article_id="a1", text="Tuesday", span=(39, 46),
                      date=dt.date(2025, 3, 4)),
             TimeExpr(article_id="a2", text="Thursday", span=(45, 53),
                      date=dt.date(2025, 3, 6)),
             TimeExpr(article_id="a3", text="from Monday to Friday", span=(33, 54),
                      date=dt.date(2025, 3, 3), end_date=dt.date(2025, 3, 7))]
    extra = day_keys([tue, thu, week, undated], times)
    assert set(extra) == {"c1", "c2", "c3"} and len(extra["c3"]) == 5
    sig = {c.id: signature(c, extra) for c in (tue, thu, week, undated)}
    assert not sig_compatible(sig["c1"], sig["c2"])
    assert sig_compatible(sig["c1"], sig["c3"]) and sig_compatible(sig["c2"], sig["c3"])
    assert sig_compatible(sig["c1"], sig["c4"])  # one names no day: the wording decides


def test_a_claim_naming_nothing_is_one_proposition_with_nothing() -> None:
    from chronicler.corpus.align import compatible

    a = _claim("c1", "a1", "There were no casualties.", entities=())
    b = _claim("c2", "a2", "There were no reports of casualties.", entities=())
    assert not compatible(a, b)
    assert compatible(a, _claim("c3", "a3", "Kaldoria said there were no casualties."))


def test_claims_that_open_by_naming_one_event_are_about_it() -> None:
    from chronicler.corpus.compare import named_keys
    from chronicler.records import Event

    truce = Event(id="e1", type="RETREAT", mode=["ceasefire"], trigger="ceasefire")
    lead = _claim("c1", "a1", "A truce took hold that evening.")
    later = _claim("c2", "a2", "the ceasefire came after direct talks between the chiefs")
    around = _claim("c3", "a3", "Kaldoria said it remained committed to the truce.")
    for c in (lead, later, around):
        c.event_ids = ["e1"]
    keys = named_keys([lead, later, around], [truce])
    assert keys == {"c1": {("named", "e1")}, "c2": {("named", "e1")}}


def test_a_denial_that_counts_answers_only_claims_of_its_figure() -> None:
    import numpy as np

    from chronicler.corpus.align import mark_contested
    from chronicler.records import Asserter

    def same(texts: Sequence[str]) -> np.ndarray:  # every text alike: figures decide
        return np.full((len(texts), 4), 0.5, dtype=np.float32)

    kld, mrv = Asserter(name="Kaldoria", country="KLD"), Asserter(name="Merovia", country="MRV")
    denial = _claim("d", "a1", "He said Merovia's claims to have hit six air bases were "
                    "overblown.", [6]).model_copy(update={
                        "polarity": "neg", "asserted_by": kld,
                        "target_text": "Merovia's claims to have hit six air bases"})
    six = _claim("c6", "a2", "Merovia said it had hit six air bases.", [6]).model_copy(
        update={"asserted_by": mrv})
    plan = _claim("cp", "a3", "Merovia said it would hit the air bases.").model_copy(
        update={"asserted_by": mrv})
    mark_contested([denial, six, plan], same)
    assert denial.contested_by == ["c6"] and six.status == "contested"
    assert plan.status == "single" and not plan.contested_by
