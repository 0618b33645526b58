"""The situation report as Markdown."""

from __future__ import annotations


def _refs(numbers) -> str:
    return "".join(f"[^{n}]" for n in numbers)


def _esc(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def to_markdown(report: dict) -> str:
    period = report["period"]
    out = [f"# {report['title']}: {period['since'] or '…'} to {period['until'] or '…'}", ""]
    c = report["counts"]
    out += [f"{c['articles']} articles in {c['source_groups']} independent source groups; "
            f"{c['incidents']} incidents ({c['disputed']} disputed); {c['agreements']} agreements.", ""]
    out += ["## Headlines", ""]
    out += [f"- {_esc(h['text'])}{_refs(h['refs'])}" for h in report["headlines"]] or ["- No incidents in this period."]
    out += ["", "## Timeline", ""]
    for day in report["timeline"]:
        out.append(f"**{day['date'] or 'date unknown'}**")
        out += [f"- {_esc(i['text'])}{_refs(i['refs'])}" for i in day["items"]]
        out.append("")
    out += ["## Disputed incidents", ""]
    for item in report["disputed"]:
        out.append(f"### {_esc(item['headline'])} ({item['date'] or 'date unknown'})")
        out.append("")
        out.append("| claim | speaker | outlet | quoted |")
        out.append("|---|---|---|---|")
        for claim in item["accusations"] + item["denials"] + item["assertions"]:
            out.append(f"| {claim['stance']} | {_esc(claim['speaker'])} | {_esc(claim['outlet'] or '')} | "
                       f"“{_esc(claim['quote'])}”{_refs([claim['ref']])} |")
        out.append("")
    figures = report["figures"]
    out += ["## Casualty figures by claimant", "",
            "| claimant | kind | latest | as of | points |", "|---|---|---|---|---|"]
    for s in figures["series"]:
        latest = s["latest"]
        out.append(f"| {_esc(s['claimant'])} | {s['kind']} | {latest['qualifier'].replace('_', ' ')} "
                   f"{latest['value']:,}{_refs(latest['refs'])} | {latest['as_of'] or ''} | {len(s['points'])} |")
    out.append("")
    for kind, r in figures["ranges"].items():
        out.append(f"- {kind}: {r['lowest']:,} to {r['highest']:,} across {r['claimants']} claimants")
    if figures["conservative_killed"] is not None:
        out.append(f"- conservative killed figure: {figures['conservative_killed']:,} ({figures['conservative_note']})")
    out += ["", "## Ceasefires, talks, requests and pledges", ""]
    for a in report["agreements"]:
        where = f" in {a['venue']}" if a["venue"] else ""
        by = f", brokered by {', '.join(a['mediators'])}" if a["mediators"] else ""
        out.append(f"- **{a['kind']}** {a['date']}{where}{by}; parties: {', '.join(a['parties']) or 'unstated'}; "
                   f"state: {', '.join(a['states'])}{_refs(a['refs'])}")
        for v in a["violations"]:
            out.append(f"  - alleged violation ({v['date']}): {_esc(v['accuser'])} against "
                       f"{_esc(v['accused'] or 'unnamed')}{_refs([v['ref']])}")
    out += ["", "## Places", "", "| place | country | precision | incidents | disputed |", "|---|---|---|---|---|"]
    out += [f"| {_esc(p['name'])} | {p['country']} | {p['precision']} | {p['incidents']} | {p['disputed']} |"
            for p in report["places"]]
    out += ["", "## Sources", ""]
    src = report["sources"]
    out += [f"- {_esc(o['outlet'])}: {o['articles']} article(s)" for o in src["outlets"]]
    for g in src["shared_groups"]:
        out.append(f"- one origin text carried by {', '.join(g['outlets'])} (agency: {', '.join(g['agencies']) or 'unstated'})")
    out += ["", "## Method", "", report["method"], "", "## References", ""]
    for r in report["references"]:
        out.append(f"[^{r['n']}]: {_esc(r['outlet'] or r['article'])}, “{_esc(r['title'] or r['article'])}”, "
                   f"sentence {r['sentence_index']} (characters {r['start']}–{r['end']}): “{_esc(r['sentence'])}”")
    return "\n".join(out) + "\n"
