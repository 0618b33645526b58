"""The situation report as Markdown."""

from __future__ import annotations

import html
import re

from .sitrep import CHECKED

# Markdown's own marks: escaped so that text from articles renders as the text it is, never as a
# link, an image, emphasis or a table cell break.
_MARKS = re.compile(r"([\\`*_\[\]|])")


def _refs(numbers) -> str:
    return "".join(f"[^{n}]" for n in numbers)


def _esc(text) -> str:
    """Text from the store for a Markdown line: HTML tags and entities shown, not run (a renderer
    passes raw HTML through), Markdown marks escaped, on one line."""
    text = html.escape(str(text), quote=False)
    return " ".join(_MARKS.sub(r"\\\1", text).split())


def _mark(item: dict) -> str:
    return f" {CHECKED}" if item.get("checked") else ""


def _all(items) -> str:
    return ", ".join(_esc(i) for i in items)


def _number(value) -> str:
    """A figure with thousands separators; whatever else a store holds, as text."""
    return f"{value:,}" if isinstance(value, int) else _esc(value)


def to_markdown(report: dict) -> str:
    period = report["period"]
    out = [f"# {_esc(report['title'])}: {_esc(period['since'] or '…')} to {_esc(period['until'] or '…')}", ""]
    c = report["counts"]
    out += [f"{c['articles']} articles in {c['source_groups']} independent source groups; "
            f"{c['incidents']} incidents ({c['disputed']} disputed); {c['agreements']} agreements.",
            f"Items marked {CHECKED} were confirmed by an analyst (corrections log).", ""]
    out += ["## Headlines", ""]
    out += [f"- {_esc(h['text'])}{_mark(h)}{_refs(h['refs'])}" for h in report["headlines"]] or ["- No incidents in this period."]
    out += ["", "## Timeline", ""]
    for day in report["timeline"]:
        out.append(f"**{_esc(day['date'] or 'date unknown')}**")
        out += [f"- {_esc(i['text'])}{_mark(i)}{_refs(i['refs'])}" for i in day["items"]]
        out.append("")
    out += ["## Disputed incidents", ""]
    for item in report["disputed"]:
        out.append(f"### {_esc(item['headline'])} ({_esc(item['date'] or 'date unknown')}){_mark(item)}")
        out.append("")
        out.append("| claim | speaker | outlet | quoted |")
        out.append("|---|---|---|---|")
        for claim in item["accusations"] + item["denials"] + item["assertions"]:
            out.append(f"| {_esc(claim['stance'])}{_mark(claim)} | {_esc(claim['speaker'])} | {_esc(claim['outlet'] or '')} | "
                       f"“{_esc(claim['quote'])}”{_refs([claim['ref']])} |")
        out.append("")
    figures = report["figures"]
    out += ["## Casualty figures by claimant", "",
            "| claimant | kind | latest | as of | points |", "|---|---|---|---|---|"]
    for s in figures["series"]:
        latest = s["latest"]
        out.append(f"| {_esc(s['claimant'])} | {_esc(s['kind'])} | {_esc(latest['qualifier'].replace('_', ' '))} "
                   f"{_number(latest['value'])}{_mark(latest)}{_refs(latest['refs'])} | {_esc(latest['as_of'] or '')} | "
                   f"{len(s['points'])} |")
    out.append("")
    for kind, r in figures["ranges"].items():
        out.append(f"- {_esc(kind)}: {_number(r['lowest'])} to {_number(r['highest'])} across {r['claimants']} claimants")
    if figures["conservative_killed"] is not None:
        out.append(f"- conservative killed figure: {_number(figures['conservative_killed'])} "
                   f"({_esc(figures['conservative_note'])})")
    out += ["", "## Ceasefires, talks, requests and pledges", ""]
    for a in report["agreements"]:
        where = f" in {_esc(a['venue'])}" if a["venue"] else ""
        by = f", brokered by {_all(a['mediators'])}" if a["mediators"] else ""
        out.append(f"- **{_esc(a['kind'])}** {_esc(a['date'])}{where}{by}; parties: {_all(a['parties']) or 'unstated'}; "
                   f"state: {_all(a['states'])}{_mark(a)}{_refs(a['refs'])}")
        for v in a["violations"]:
            out.append(f"  - alleged violation ({_esc(v['date'])}): {_esc(v['accuser'])} against "
                       f"{_esc(v['accused'] or 'unnamed')}{_mark(v)}{_refs([v['ref']])}")
    out += ["", "## Places", "", "| place | country | precision | incidents | disputed |", "|---|---|---|---|---|"]
    out += [f"| {_esc(p['name'])} | {_esc(p['country'])} | {_esc(p['precision'])} | {p['incidents']} | {p['disputed']} |"
            for p in report["places"]]
    out += ["", "## Sources", ""]
    src = report["sources"]
    out += [f"- {_esc(o['outlet'])}: {o['articles']} article(s)" for o in src["outlets"]]
    for g in src["shared_groups"]:
        out.append(f"- one origin text carried by {_all(g['outlets'])} (agency: {_all(g['agencies']) or 'unstated'})")
    out += ["", "## Method", "", report["method"], "", "## References", ""]
    for r in report["references"]:
        out.append(f"[^{r['n']}]: {_esc(r['outlet'] or r['article'])}, “{_esc(r['title'] or r['article'])}”, "
                   f"sentence {r['sentence_index']} (characters {r['start']}–{r['end']}): “{_esc(r['sentence'])}”")
    return "\n".join(out) + "\n"
