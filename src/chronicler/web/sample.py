"""A small hand-built database: every record kind, no NLP models needed.

Tests of the query layer, the API and the pages use it, and it is a quick way to look
at the UI while the event, claim and story stages are still empty on a real corpus:

    python -m chronicler.web.sample /tmp/sample.duckdb && chronicler serve --db /tmp/sample.duckdb

The texts are short fictional reports about the demo corpus's imaginary countries
(Merovia MRV, Kaldoria KLD, Norvane NVN). Spans are computed from the texts, so they
always point at the words they name. ``hostile=True`` adds an article whose title,
outlet, URL, text and quote carry script payloads, for escaping tests.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass

from chronicler.records import (
    Actor,
    Analysis,
    Article,
    Asserter,
    Claim,
    ClaimEvidence,
    Count,
    Event,
    EventActor,
    Evidence,
    Framing,
    FramingVariant,
    Location,
    Mention,
    Place,
    Quote,
    Size,
    Speaker,
    Story,
    TimeExpr,
    content_id,
)
from chronicler.store import Store, open_store

A1_TEXT = (
    "Merovian jets struck eleven sites in Kaldoria early on April 2, the defence ministry "
    "said. \"We have hit terrorist infrastructure and nothing else,\" Defence Minister Ana "
    "Velic told reporters in Varsk. Kaldoria said 27 civilians were killed in the strikes "
    "near Tirvan.\n\nKaldoria denied that any camps existed in the area. The United Nations "
    "urged both sides to show maximum restraint."
)
A2_TEXT = (
    "Kaldoria said it shot down four Merovian jets on April 2 after Merovia struck targets "
    "near Tirvan. \"Four enemy jets are down,\" military spokesman Aziz Korhan said. Merovia "
    "denied losing any aircraft.\n\nThe strikes killed 27 civilians, officials in Tirvan "
    "said. Kaldorian papers call the valley Free Lessara."
)
A3_TEXT = (
    "Merovia and Kaldoria agreed to a ceasefire on April 5 after talks mediated by Norvane. "
    "\"The guns will fall silent tonight,\" said Norvane's envoy Lena Marsh. Merovia said the "
    "ceasefire was agreed directly, without mediation. Merovian-held Lessara was calm."
)
HOSTILE_TEXT = (
    "Officials said <script>alert('xss')</script> nothing. A reader wrote "
    "<img src=x onerror=alert(1)> and <svg onload=alert(1)>. \"Click <a href='javascript:"
    "alert(1)'>here</a> now,\" said Ana Velic. Kaldoria & Merovia \"talk\" -- OR 1=1; 100% _done_."
)

ACTORS = {
    "velic": Actor(id=content_id("Ana Velic"), name="Ana Velic", type="PERSON", country="MRV",
                   sector="GOV", aliases=["Velic"]),
    "korhan": Actor(id=content_id("Aziz Korhan"), name="Aziz Korhan", type="PERSON",
                    country="KLD", sector="MIL", aliases=["Korhan"]),
    "marsh": Actor(id=content_id("Lena Marsh"), name="Lena Marsh", type="PERSON",
                   country="NVN", sector="GOV", aliases=["Marsh"]),
    "mrv": Actor(id=content_id("Merovia"), name="Merovia", type="COUNTRY", country="MRV",
                 sector="GOV", aliases=["Merovian"]),
    "kld": Actor(id=content_id("Kaldoria"), name="Kaldoria", type="COUNTRY", country="KLD",
                 sector="GOV", aliases=["Kaldorian"]),
    "nvn": Actor(id=content_id("Norvane"), name="Norvane", type="COUNTRY", country="NVN",
                 sector="GOV"),
    "un": Actor(id=content_id("United Nations"), name="United Nations", type="ORG",
                country="UNO", sector="GOV", aliases=["UN"]),
}
_BY_WORD = {"Ana Velic": "velic", "Aziz Korhan": "korhan", "Lena Marsh": "marsh",
            "Merovian": "mrv", "Merovia": "mrv", "Kaldoria": "kld", "Kaldorian": "kld",
            "Norvane": "nvn", "United Nations": "un"}


def span(text: str, sub: str, nth: int = 0) -> tuple[int, int]:
    """[start, end) of the ``nth`` occurrence of ``sub`` in ``text``."""
    i = -1
    for _ in range(nth + 1):
        i = text.index(sub, i + 1)
    return i, i + len(sub)


def sentence(text: str, sub: str) -> tuple[int, int]:
    """The span of the sentence holding ``sub`` (sentences end at '. ' or a newline)."""
    s, e = span(text, sub)
    start = max(text.rfind(". ", 0, s) + 2 if text.rfind(". ", 0, s) >= 0 else 0,
                text.rfind("\n", 0, s) + 1)
    ends = [i for i in (text.find(". ", e), text.find("\n", e)) if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    return start, end


@dataclass
class Sample:
    """Ids of what :func:`build_sample` wrote, for tests to refer to."""

    articles: list[str]
    story: str
    events: list[str]
    claims: list[str]
    hostile_article: str | None = None


def _article(aid: str, title: str, outlet: str, day: int, text: str, url: str | None = None,
             duplicate_of: str | None = None) -> Article:
    return Article(id=aid, title=title, outlet=outlet, url=url, published=dt.date(2025, 4, day),
                   language="en", source_path=f"sample/{aid}.txt", text=text,
                   source_kind="txt", text_hash=content_id(text), n_words=len(text.split()),
                   duplicate_of=duplicate_of, dup_group=duplicate_of)


def _mentions(aid: str, text: str) -> list[Mention]:
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for word in sorted(_BY_WORD, key=len, reverse=True):
        start = 0
        while (i := text.find(word, start)) >= 0:
            start = i + len(word)
            if any(a <= i < b for a, b in taken):
                continue
            taken.append((i, i + len(word)))
            act = ACTORS[_BY_WORD[word]]
            label = "PERSON" if act.type == "PERSON" else "GPE" if act.type == "COUNTRY" else "ORG"
            out.append(Mention(article_id=aid, actor_id=act.id, text=word, span=(i, i + len(word)),
                               label=label, country=act.country, sector=act.sector))
    return sorted(out, key=lambda m: m.span)


def _party(key: str) -> EventActor:
    a = ACTORS[key]
    return EventActor(name=a.name, country=a.country, sector=a.sector, actor_id=a.id)


def _ev(aid: str, text: str, sub: str) -> Evidence:
    s, e = sentence(text, sub)
    return Evidence(article_id=aid, text=text[s:e], span=(s, e))


def build_sample(store: Store, *, hostile: bool = False) -> Sample:
    """Write the sample records into ``store`` (replacing events, claims, stories and
    framing) and return their ids."""
    a1, a2, a3, a4 = (content_id("sample", str(i)) for i in range(1, 5))
    arts = [
        _article(a1, "Merovia strikes eleven sites in Kaldoria", "The Merovia Herald", 2, A1_TEXT,
                 url="https://herald.example/strikes"),
        _article(a2, "Kaldoria says four Merovian jets downed", "The Kaldoria Observer", 2,
                 A2_TEXT, url="https://observer.example/jets"),
        _article(a3, "Merovia and Kaldoria agree to ceasefire", "Continental Press Agency", 5,
                 A3_TEXT),
        _article(a4, "Merovia and Kaldoria agree to ceasefire (wire copy)", "Lessara Voice", 5,
                 A3_TEXT, duplicate_of=a3),
    ]
    ids = [a1, a2, a3, a4]
    hostile_id = None
    if hostile:
        hostile_id = content_id("sample", "hostile")
        arts.append(Article(
            id=hostile_id, title="<script>alert('title')</script><img src=x onerror=alert(2)>",
            outlet="<b onmouseover=alert(3)>Evil Outlet</b>", url="javascript:alert(4)",
            author="\"><svg onload=alert(5)>", published=dt.date(2025, 4, 3), language="en",
            source_path="sample/<hostile>.txt", text=HOSTILE_TEXT, source_kind="txt",
            text_hash=content_id(HOSTILE_TEXT), n_words=len(HOSTILE_TEXT.split())))
        ids.append(hostile_id)
    store.insert_articles(arts, [None] * len(arts), "sample")
    # The wire copy is marked after insertion, as dedupe does.
    store.set_duplicates({a4: (a3, a3), a3: (None, a3)})

    d2, d5 = dt.date(2025, 4, 2), dt.date(2025, 4, 5)
    e_strike = Event(id=content_id("ev", "strike"), type="ASSAULT", mode=["aerial"], cameo="19",
                     actor=[_party("mrv")], recipient=[_party("kld")], date=d2,
                     date_precision="day", location=Location(name="Tirvan", country="KLD"),
                     size=Size(dead=27), score=-9.5,
                     evidence=[_ev(a1, A1_TEXT, "struck eleven"), _ev(a2, A2_TEXT, "struck targets")],
                     n_articles=2, n_sources=2, trigger="struck", pattern="assault.strike",
                     article_ids=[a1, a2])
    e_jets = Event(id=content_id("ev", "jets"), type="ASSAULT", mode=["aerial"], cameo="19",
                   actor=[_party("kld")], recipient=[_party("mrv")], date=d2, date_precision="day",
                   score=-9.0, evidence=[_ev(a2, A2_TEXT, "shot down")], trigger="shot down",
                   article_ids=[a2])
    e_request = Event(id=content_id("ev", "restraint"), type="REQUEST", mode=["change"],
                      actor=[_party("un")], recipient=[_party("mrv"), _party("kld")], date=d2,
                      date_precision="day", score=-1.0,
                      evidence=[_ev(a1, A1_TEXT, "urged both sides")], trigger="urged",
                      article_ids=[a1])
    e_truce = Event(id=content_id("ev", "ceasefire"), type="RETREAT", mode=["ceasefire"],
                    cameo="08", actor=[_party("mrv"), _party("kld")], date=d5,
                    date_precision="day", score=7.5,
                    evidence=[_ev(a3, A3_TEXT, "agreed to a ceasefire")], trigger="ceasefire",
                    article_ids=[a3])
    events = [e_strike, e_jets, e_request, e_truce]

    def cev(aid: str, text: str, sub: str, outlet: str, by: Asserter | None,
            hedge: str = "asserted") -> ClaimEvidence:
        s, e = sentence(text, sub)
        return ClaimEvidence(article_id=aid, outlet=outlet, text=text[s:e], span=(s, e),
                             asserted_by=by, hedge=hedge)

    kld = Asserter(name="Kaldoria", country="KLD", actor_id=ACTORS["kld"].id)
    mrv = Asserter(name="Merovia", country="MRV", actor_id=ACTORS["mrv"].id)
    korhan = Asserter(name="Aziz Korhan", country="KLD", actor_id=ACTORS["korhan"].id)
    c_dead = Claim(id=content_id("cl", "dead"), text="27 civilians were killed in the strikes",
                   asserted_by=kld, attribution="reported", hedge="reported",
                   article_ids=[a1, a2], status="corroborated", n_sources=2, kind="number",
                   numbers=[27.0], entities=["KLD"],
                   evidence=[cev(a1, A1_TEXT, "27 civilians", "The Merovia Herald", kld),
                             cev(a2, A2_TEXT, "killed 27", "The Kaldoria Observer", None)])
    c_jets = Claim(id=content_id("cl", "jets"), text="Kaldoria shot down four Merovian jets",
                   asserted_by=korhan, attribution="direct", article_ids=[a2],
                   status="contested", contested_by=[content_id("cl", "nojets")], kind="number",
                   numbers=[4.0], entities=["KLD", "MRV"],
                   evidence=[cev(a2, A2_TEXT, "shot down", "The Kaldoria Observer", korhan)])
    c_nojets = Claim(id=content_id("cl", "nojets"), text="Merovia lost no aircraft",
                     asserted_by=mrv, attribution="reported", hedge="denied", article_ids=[a2],
                     status="contested", contested_by=[c_jets.id], kind="denial", polarity="neg",
                     entities=["MRV"],
                     evidence=[cev(a2, A2_TEXT, "denied losing", "The Kaldoria Observer", mrv,
                                   "denied")])
    c_direct = Claim(id=content_id("cl", "direct"),
                     text="The ceasefire was agreed directly, without mediation", asserted_by=mrv,
                     attribution="reported", article_ids=[a3], kind="action", entities=["MRV"],
                     evidence=[cev(a3, A3_TEXT, "agreed directly", "Continental Press Agency",
                                   mrv)])
    claims = [c_dead, c_jets, c_nojets, c_direct]
    story = Story(id=content_id("story", "strikes"),
                  title="Merovia–Kaldoria strikes and ceasefire", article_ids=[a1, a2, a3, a4],
                  event_ids=[e.id for e in events], claim_ids=[c.id for c in claims],
                  start=d2, end=d5, outlets=sorted({a.outlet or "" for a in arts[:4]}))
    for c in claims:
        c.story_id = story.id
    framing = [Framing(story_id=story.id, referent="Merovian-held Lessara", kind="place",
                       variants=[FramingVariant(term="Free Lessara", article_ids=[a2],
                                                outlets=["The Kaldoria Observer"], count=1),
                                 FramingVariant(term="Merovian-held Lessara", article_ids=[a3],
                                                outlets=["Continental Press Agency"], count=1)]),
               Framing(story_id=story.id, referent="militants", kind="label",
                       variants=[FramingVariant(term="terrorist infrastructure",
                                                article_ids=[a1], outlets=["The Merovia Herald"],
                                                count=1, scare_quoted=False),
                                 FramingVariant(term="camps", article_ids=[a1],
                                                outlets=["The Merovia Herald"], count=1)])]

    analyses = [_analysis(a1, A1_TEXT, [e_strike, e_request], [c_dead]),
                _analysis(a2, A2_TEXT, [e_jets], [c_jets, c_nojets]),
                _analysis(a3, A3_TEXT, [e_truce], [c_direct]),
                _analysis(a4, A3_TEXT, [], [])]
    if hostile_id:
        analyses.append(_analysis(hostile_id, HOSTILE_TEXT, [], []))
    with store.transaction():
        store.write_analyses(analyses)
        store.replace_all("events", events)
        store.replace_all("claims", claims)
        store.replace_all("stories", [story])
        store.replace_all("framing", framing)
    return Sample(articles=[a1, a2, a3, a4], story=story.id, events=[e.id for e in events],
                  claims=[c.id for c in claims], hostile_article=hostile_id)


def _analysis(aid: str, text: str, events: list[Event], claims: list[Claim]) -> Analysis:
    """Per-article records found by looking for known words in ``text``."""
    mentions = _mentions(aid, text)
    acts = sorted({m.actor_id for m in mentions})
    actors = [a for a in ACTORS.values() if a.id in acts]
    times = [TimeExpr(article_id=aid, text=w, span=span(text, w), date=d)
             for w, d in (("April 2", dt.date(2025, 4, 2)), ("April 5", dt.date(2025, 4, 5)),
                          ("tonight", dt.date(2025, 4, 5))) if w in text]
    places = [Place(article_id=aid, text=w, span=span(text, w), name=n, country=c,
                    disputed=dis)
              for w, n, c, dis in (("Tirvan", "Tirvan", "KLD", False),
                                   ("Varsk", "Varsk", "MRV", False),
                                   ("Free Lessara", "Merovian-held Lessara", None, True),
                                   ("Merovian-held Lessara", "Merovian-held Lessara", None, True))
              if w in text]
    counts = [Count(article_id=aid, text=w, span=span(text, w), number=n, object=o, verb=v)
              for w, n, o, v in (("27 civilians", 27, "civilians", "kill"),
                                 ("eleven sites", 11, "sites", "strike"),
                                 ("four Merovian jets", 4, "jets", "shoot down"))
              if w in text]
    quotes = []
    for qtext, who in (("We have hit terrorist infrastructure and nothing else", "velic"),
                       ("Four enemy jets are down", "korhan"),
                       ("The guns will fall silent tonight", "marsh"),
                       ("Click <a href='javascript:alert(1)'>here</a> now", "velic")):
        if qtext in text:
            a = ACTORS[who]
            s, e = span(text, qtext)
            quotes.append(Quote(id=content_id(aid, qtext), article_id=aid, text=qtext, direct=True,
                                cue="said", span=(s, e),
                                speaker=Speaker(name=a.name, actor_id=a.id, country=a.country,
                                                sector=a.sector)))
    # Per-article copies of the merged records, with ids of their own, as the stages
    # write them before merging.
    art_events = [e.model_copy(update={
        "id": content_id(aid, e.id), "evidence": [x for x in e.evidence if x.article_id == aid],
        "article_ids": [aid], "n_articles": 1, "n_sources": 1}) for e in events]
    art_claims = [c.model_copy(update={
        "id": content_id(aid, c.id), "article_ids": [aid], "status": "single",
        "contested_by": [], "group_id": c.id,
        "evidence": [x for x in c.evidence if x.article_id == aid]}) for c in claims]
    return Analysis(article_id=aid, actors=actors, mentions=mentions, times=times,
                    places=places, counts=counts, quotes=quotes, events=art_events,
                    claims=art_claims, provenance=["sample"])


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m chronicler.web.sample DB_PATH", file=sys.stderr)
        return 2
    with open_store(args[0]) as store:
        s = build_sample(store)
    print(f"wrote {len(s.articles)} articles, {len(s.events)} events, {len(s.claims)} claims, "
          f"1 story to {args[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
