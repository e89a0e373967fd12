"""A readable report of one story (or the whole store): Markdown and self-contained HTML.

The HTML has inline CSS and no external requests; every value from articles goes
through Jinja2 autoescaping, so article text can never inject markup. The Markdown
gets the same guarantee from :func:`md_text`, applied to every ``{{ value }}``:
a Markdown viewer renders raw HTML and links, so a title must not be able to
carry either.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from jinja2 import Environment, select_autoescape

from chronicler.records import Claim, Event, Framing, Story, record
from chronicler.store import Store
from chronicler.views.base import event_status, shown_date
from chronicler.views.ids import resolve
from chronicler.views.items import article_summaries
from chronicler.views.stories import side_of

_TOP = 10
ALL = "all"  # story_id for the whole store

_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;max-width:1100px;margin:2em auto;color:#222}
h1,h2{border-bottom:1px solid #ccc}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}
.side{display:flex;gap:1em}.side>div{flex:1;background:#f6f6f6;padding:.5em}
.ev{color:#555;font-size:90%}.st{color:#a40}
</style></head><body>
<h1>{{ title }}</h1>
<p>{{ n_articles }} articles{% if start %}, {{ start }} – {{ end }}{% endif %};
outlets: {{ outlets|join(", ") }}</p>
<h2>What happened</h2><table><tr><th>date</th><th>event</th><th>sources</th></tr>
{% for e in timeline %}<tr><td>{{ e.when }}</td><td>{{ e.type }}: {{ e.actors }} → {{ e.recipients }}
{% if e.status %}<b class="st">[{{ e.status }}]</b>{% endif %}</td><td>{{ e.n_sources }}</td></tr>
{% else %}<tr><td colspan="3">No merged events.</td></tr>{% endfor %}</table>
<h2>Key events with evidence</h2>
{% for e in events %}<h3>{{ e.when }} · {{ e.type }}: {{ e.actors }} → {{ e.recipients }}{% if e.status %} [{{ e.status }}]{% endif %}</h3>
{% for ev in e.evidence %}<p class="ev">{{ ev.outlet }}, {{ ev.published }}: “{{ ev.text }}”</p>{% endfor %}{% endfor %}
<h2>Contested claims</h2>
{% for a, b in contested %}<div class="side">{% for x in (a, b) %}<div><b>{{ "A" if loop.first else "B" }}: {{ x.who }} says</b>
({{ x.hedge }}): {{ x.text }}<br><span class="ev">{% for s in x.sources %}{{ s.label }}{% if s.published %}, {{ s.published }}{% endif %}{% if not loop.last %}; {% endif %}{% endfor %}</span></div>{% endfor %}</div><br>
{% else %}<p>None found.</p>{% endfor %}
<h2>Corroborated claims</h2><ul>
{% for c in corroborated %}<li>{{ c.text }} — <span class="ev">{{ c.n_sources }} sources:
{{ c.sources|join("; ") }}</span></li>
{% else %}<li>None.</li>{% endfor %}</ul>
<h2>Quotes by side</h2>
{% for side, qs in quotes.items() %}<h3>{{ side }}</h3><ul>
{% for q in qs %}<li><b>{{ q.speaker.name if q.speaker else "?" }}</b>: “{{ q.text }}”
<span class="ev">{{ q.where }}</span></li>{% endfor %}
</ul>{% endfor %}
<h2>Articles</h2><table><tr><th>date</th><th>outlet</th><th>title</th></tr>
{% for a in articles %}<tr><td>{{ a.published or "" }}</td><td>{{ a.outlet or "" }}</td>
<td>{{ a.title or "" }}</td></tr>{% endfor %}</table>
<h2>Framing</h2><table><tr><th>referent</th><th>kind</th><th>terms (outlets)</th></tr>
{% for f in framing %}<tr><td>{{ f.referent }}</td><td>{{ f.kind }}</td><td>
{% for v in f.variants %}{{ v.term }}{% if v.scare_quoted %} (scare-quoted){% endif %}
[{{ v.outlets|join(", ") }}]{% if not loop.last %}; {% endif %}{% endfor %}</td></tr>{% endfor %}
</table></body></html>
"""

_MD = """# {{ title }}

{{ n_articles }} articles{% if start %}, {{ start }} – {{ end }}{% endif %}; outlets: {{ outlets|join(", ") }}

## What happened
{% for e in timeline %}- {{ e.when }} · {{ e.type }}: {{ e.actors }} → {{ e.recipients }}{% if e.status %} [{{ e.status }}]{% endif %} ({{ e.n_sources }} source{{ '' if e.n_sources == 1 else 's' }})
{% else %}- No merged events.
{% endfor %}
## Key events with evidence
{% for e in events %}### {{ e.when }} · {{ e.type }}: {{ e.actors }} → {{ e.recipients }}{% if e.status %} [{{ e.status }}]{% endif %}
{% for ev in e.evidence %}> {{ ev.outlet }}, {{ ev.published }}: {{ ev.text }}

{% endfor %}{% endfor %}
## Contested claims
{% for a, b in contested %}| A: {{ a.who }} says | B: {{ b.who }} says |
|---|---|
| {{ a.text }} | {{ b.text }} |
| {% for s in a.sources %}{{ s.label }}{% if s.published %}, {{ s.published }}{% endif %}{% if not loop.last %}; {% endif %}{% endfor %} | {% for s in b.sources %}{{ s.label }}{% if s.published %}, {{ s.published }}{% endif %}{% if not loop.last %}; {% endif %}{% endfor %} |

{% else %}None found.
{% endfor %}
## Corroborated claims
{% for c in corroborated %}- {{ c.text }} ({{ c.n_sources }} sources: {{ c.sources|join("; ") }})
{% else %}- None.
{% endfor %}
## Quotes by side
{% for side, qs in quotes.items() %}### {{ side }}
{% for q in qs %}- **{{ q.speaker.name if q.speaker else "?" }}**: “{{ q.text }}” ({{ q.where }})
{% endfor %}{% endfor %}
## Articles
{% for a in articles %}- {{ a.published or "" }} · {{ a.outlet or "" }} · {{ a.title or "" }}
{% endfor %}
## Framing
| referent | kind | terms |
|---|---|---|
{% for f in framing %}| {{ f.referent }} | {{ f.kind }} | {% for v in f.variants %}{{ v.term }} [{{ v.outlets|join(", ") }}]{% if not loop.last %}; {% endif %}{% endfor %} |
{% endfor %}"""


# Characters that start Markdown syntax inline: emphasis, code, links and images
# ([, ]), headings, table cells, strikethrough, and the backslash itself.
_MD_SYNTAX = re.compile(r"([\\`*_\[\]#|~])")


def md_text(value: Any) -> str:
    """A value as inert Markdown text: one line (a line break could open a block),
    HTML special characters as entities (no raw HTML, no ``<javascript:...>``
    autolink), Markdown syntax backslash-escaped. It renders as the text itself."""
    if value is None:
        return ""
    s = " ".join(str(value).split())
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SYNTAX.sub(r"\\\1", s)


def _event_view(e: Event, arts: dict[str, Any]) -> dict[str, Any]:
    d = record("event", e)
    evidence = []
    for ev in e.evidence[:3]:
        a = arts.get(ev.article_id)
        evidence.append({"outlet": (a.outlet if a else None) or "unknown outlet",
                         "published": a.published.isoformat() if a and a.published
                         else "undated", "text": ev.text})
    return {"when": shown_date(e.date, e.date_precision) or "(undated)", "type": e.type,
            "actors": ", ".join(x.name for x in e.actor) or "?",
            "recipients": ", ".join(x.name for x in e.recipient) or "—",
            "status": event_status(d), "n_sources": e.n_sources, "evidence": evidence}


def source_label(outlet: str | None, title: str | None, article_id: str) -> str:
    """How a report names a source: its outlet, else its article's title (an article
    read from a file has no outlet), else the article id."""
    if outlet:
        return outlet
    if title:
        return f"“{title if len(title) <= 60 else title[:59] + '…'}”"
    return f"article {article_id[:8]}"


def _labelled(side: dict[str, Any]) -> dict[str, Any]:
    return {**side, "sources": [{**x, "label": source_label(x.get("outlet"), x.get("title"),
                                                             x["article_id"])}
                                for x in side["sources"]]}


def _corroborated_view(c: Claim, arts: dict[str, Any]) -> dict[str, Any]:
    """A corroborated claim with its sources named, one per article in evidence order."""
    labels: list[str] = []
    for aid in dict.fromkeys([*(ev.article_id for ev in c.evidence), *c.article_ids]):
        a = arts.get(aid)
        label = source_label(a.outlet if a else None, a.title if a else None, aid)
        if label not in labels:
            labels.append(label)
    return {"text": c.text, "n_sources": c.n_sources, "sources": labels}


def _context(store: Store, story_id: str | None) -> dict[str, Any]:
    stories: list[Story] = store.json_records("stories")
    if story_id is None:  # the largest story (most articles, then the earliest)
        story = min(stories, key=lambda s: (-len(s.article_ids), s.start or dt.date.max,
                                            s.id), default=None)
    elif story_id == ALL:
        story = None
    else:
        full = resolve(store, "story", story_id)
        story = next(s for s in stories if s.id == full)
    all_articles = store.articles()
    arts = {a.id: a for a in all_articles}
    articles = all_articles
    if story is not None:
        ids = set(story.article_ids)
        articles = [a for a in articles if a.id in ids]
    ids = set(story.article_ids) if story is not None else {a.id for a in articles}
    events: list[Event] = store.json_records("events")

    def ours(article_ids: set[str]) -> bool:
        return story is None or bool(article_ids & ids)

    events = [e for e in events
              if ours({ev.article_id for ev in e.evidence} | set(e.article_ids))]
    # What happened: every event in date order, undated ones last and marked.
    timeline = [_event_view(e, arts) for e in sorted(
        events, key=lambda e: (e.date is None, e.date or dt.date.max, e.type, e.id))]
    key = sorted(events, key=lambda e: (-e.n_sources, -e.score, e.id))[:_TOP]
    key = sorted(key, key=lambda e: (e.date is None, e.date or dt.date.max, e.id))
    claims: list[Claim] = [c for c in store.json_records("claims") if ours(set(c.article_ids))]
    by_id = {c.id: c for c in claims}
    dates = {a["id"]: a for a in article_summaries(store, sorted(
        {i for c in claims for i in c.article_ids}))}
    contested, seen = [], set()
    for c in claims:
        for other in c.contested_by:
            pair = tuple(sorted((c.id, other)))
            if other in by_id and pair not in seen:
                seen.add(pair)
                left, right = (c, by_id[other]) if c.polarity == "pos" else (by_id[other], c)
                contested.append((_labelled(side_of(left, dates)),
                                  _labelled(side_of(right, dates))))
    corroborated = [_corroborated_view(c, arts) for c in sorted(
        (c for c in claims if c.status == "corroborated"), key=lambda c: -c.n_sources)[:_TOP * 2]]
    # Quotes by side, every side present: direct quotes first, then the others.
    quotes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for q in sorted(store.per_article("quotes", sorted(ids)), key=lambda q: not q.direct):
        if len(q.text.split()) > 4:
            art = arts.get(q.article_id)
            where = ", ".join(x for x in ((art.outlet if art else None),
                                          (art.published.isoformat() if art and art.published
                                           else None)) if x) or "unknown outlet"
            quotes[(q.speaker.country if q.speaker else None) or "unknown"].append(
                {"speaker": q.speaker, "text": q.text, "where": where})
    framing: list[Framing] = store.json_records(
        "framing", "story_id = ?", [story.id if story else ALL])
    if not framing and story is not None:  # too thin for its own: the corpus-wide one
        framing = store.json_records("framing", "story_id = ?", [ALL])
    pub = [a.published for a in articles if a.published]
    return {
        "title": story.title if story else "All coverage",
        "n_articles": len(articles), "start": min(pub) if pub else None,
        "end": max(pub) if pub else None,
        "outlets": sorted({a.outlet for a in articles if a.outlet}),
        "timeline": timeline, "events": [_event_view(e, arts) for e in key],
        "articles": sorted(articles, key=lambda a: (a.published is None, a.published
                                                    or dt.date.max, a.id)),
        "contested": contested[:_TOP * 2], "corroborated": corroborated,
        "quotes": {k: v[:_TOP] for k, v in sorted(quotes.items(),
                                                  key=lambda kv: (kv[0] == "unknown", kv[0]))},
        "framing": framing,
    }


def write_report(store: Store, story_id: str | None, out_dir: str | Path) -> tuple[Path, Path]:
    """Write ``report.md`` and ``report.html`` under ``out_dir``; returns both paths.
    ``story_id`` None is the largest story; ``"all"`` the whole store."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ctx = _context(store, story_id)
    html_env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    md_env = Environment(autoescape=False, finalize=md_text)  # noqa: S701 - escaped by md_text
    md_path, html_path = out / "report.md", out / "report.html"
    md_path.write_text(md_env.from_string(_MD).render(**ctx), encoding="utf-8")
    html_path.write_text(html_env.from_string(_HTML).render(**ctx), encoding="utf-8")
    return md_path, html_path
