"""The situation report as one self-contained HTML page: inline CSS and SVG, no script, no request
to any host. Every text from an article is escaped."""

from __future__ import annotations

from html import escape

from .sitrep import CHECKED
from .svg import place_map, series_chart

CSS = """
body{font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1d1d1f;max-width:1040px;margin:0 auto;padding:24px}
h1{font-size:1.7em;margin:0 0 4px}h2{margin-top:2em;border-bottom:2px solid #ddd;padding-bottom:4px}
.muted{color:#666}.counts span{display:inline-block;margin-right:18px}.counts b{font-size:1.4em}
sup a{text-decoration:none;color:#2166ac;font-size:.8em}
table{border-collapse:collapse;width:100%;margin:8px 0 16px}th,td{border-bottom:1px solid #e5e5e5;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#f6f6f6}.claims{display:grid;grid-template-columns:1fr 1fr;gap:12px}
.card{border:1px solid #ddd;border-radius:6px;padding:10px 12px;background:#fff}
.accuse{border-left:5px solid #b2182b}.deny{border-left:5px solid #2166ac}.assert{border-left:5px solid #888}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:.8em;background:#eee;margin-left:6px}
.badge.disputed{background:#fde0dd}.badge.corroborated{background:#d9f0d3}.badge.checked{background:#dbe9f6;color:#0b3d6b}
blockquote{margin:4px 0;color:#333;font-style:italic}
svg text{font:11px system-ui,sans-serif;fill:#444}.grid{stroke:#e3e3e3}.sea{fill:#f4f8fb}.label{font-weight:600;fill:#222}
.refs li{margin-bottom:6px}.refs li:target{background:#fff6cc}
"""


def _refs(numbers) -> str:
    return "".join(f"<sup><a href='#ref-{int(n)}'>[{int(n)}]</a></sup>" for n in numbers)


def _mark(item: dict) -> str:
    """The badge of an item an analyst confirmed in the corrections log; nothing otherwise."""
    if not item.get("checked"):
        return ""
    return f"<span class='badge checked' title='confirmed by an analyst (corrections log)'>{escape(CHECKED)}</span>"


def _status_class(status: str) -> str:
    if status.startswith("accused"):
        return "disputed"
    if status.startswith("corroborated"):
        return "corroborated"
    return ""


def to_html(report: dict) -> str:
    e = escape
    period = report["period"]
    c = report["counts"]
    html = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width,initial-scale=1'>",
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">",
        f"<title>{e(report['title'])} {e(str(period['since']))} to {e(str(period['until']))}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>{e(report['title'])}</h1><p class='muted'>{e(str(period['since'] or '…'))} to "
        f"{e(str(period['until'] or '…'))} · {e(report['generated_by'])}</p>",
        "<p class='counts'>" + "".join(f"<span><b>{c[k]}</b> {e(label)}</span>" for k, label in (
            ("articles", "articles"), ("source_groups", "source groups"), ("incidents", "incidents"),
            ("disputed", "disputed"), ("agreements", "agreements"))) + "</p>",
        f"<p class='muted'>Items marked <span class='badge checked'>{e(CHECKED)}</span> were confirmed by an analyst "
        "(corrections log).</p>",
        "<h2 id='headlines'>Headlines</h2><ul>",
    ]
    html += [f"<li>{e(h['text'])}{_mark(h)}{_refs(h['refs'])}</li>" for h in report["headlines"]] or ["<li>No incidents.</li>"]
    html.append("</ul><h2 id='timeline'>Timeline</h2><table><tr><th>date</th><th>what happened</th></tr>")
    for day in report["timeline"]:
        items = "<br>".join(f"{e(i['text'])}{_mark(i)}{_refs(i['refs'])}" for i in day["items"])
        html.append(f"<tr><td>{e(str(day['date'] or 'unknown'))}</td><td>{items}</td></tr>")
    html.append("</table><h2 id='disputed'>Disputed incidents</h2>")
    for item in report["disputed"]:
        html.append(f"<h3>{e(item['headline'])} <span class='muted'>{e(str(item['date'] or ''))}</span>"
                    f"<span class='badge disputed'>{e(item['status'])}</span>{_mark(item)}</h3>")
        html.append("<div class='claims'><div>")
        for claim in item["accusations"] + item["assertions"]:
            html.append(_claim_card(claim))
        html.append("</div><div>")
        for claim in item["denials"]:
            html.append(_claim_card(claim))
        html.append("</div></div>")
    if not report["disputed"]:
        html.append("<p class='muted'>No disputed incident in this period.</p>")
    html.append("<h2 id='incidents'>All incidents</h2><table><tr><th>date</th><th>incident</th><th>status</th>"
                "<th>claimed perpetrator</th><th>groups</th></tr>")
    for item in report["incidents"]:
        html.append(f"<tr><td>{e(str(item['date'] or ''))}</td><td>{e(item['headline'])}{_refs(item['refs'][:3])}</td>"
                    f"<td><span class='badge {_status_class(item['status'])}'>{e(item['status'])}</span>{_mark(item)}</td>"
                    f"<td>{e(item['perpetrator_claimed'] or '')}</td><td>{item['source_groups']}</td></tr>")
    html.append("</table>")
    figures = report["figures"]
    html.append("<h2 id='figures'>Casualty figures by claimant</h2>")
    kinds = sorted({s["kind"] for s in figures["series"]})
    for kind in kinds:
        chosen = [s for s in figures["series"] if s["kind"] == kind]
        html.append(f"<h3>{e(kind)}</h3>{series_chart(chosen)}")
    html.append("<table><tr><th>claimant</th><th>kind</th><th>group</th><th>scope</th><th>latest</th><th>as of</th>"
                "<th>points</th></tr>")
    for s in figures["series"]:
        latest = s["latest"]
        html.append(f"<tr><td>{e(s['claimant'])}</td><td>{e(s['kind'])}</td><td>{e(s['group'])}</td>"
                    f"<td>{e(s['scope'])}</td><td>{e(latest['qualifier'].replace('_', ' '))} "
                    f"{latest['value']:,}{_mark(latest)}{_refs(latest['refs'])}</td><td>{e(str(latest['as_of'] or ''))}</td>"
                    f"<td>{len(s['points'])}</td></tr>")
    html.append("</table><ul>")
    for kind, groups in figures["ranges_by_group"].items():
        for group, r in groups.items():
            html.append(f"<li>{e(kind)}, {e(group)} (conflict-wide): {r['lowest']:,} to {r['highest']:,} across "
                        f"{r['claimants']} claimants</li>")
    for group, value in figures["conservative_by_group"].items():
        html.append(f"<li><b>Conservative killed figure, {e(group)}: {value:,}</b></li>")
    if figures["conservative_by_group"]:
        html.append(f"<li class='muted'>{e(figures['conservative_note'])}</li>")
    html.append("</ul><h2 id='agreements'>Ceasefires, talks, requests and pledges</h2>")
    for a in report["agreements"]:
        where = f" in {e(a['venue'])}" if a["venue"] else ""
        by = f"; mediators: {e(', '.join(a['mediators']))}" if a["mediators"] else ""
        html.append(f"<div class='card'><b>{e(a['kind'].capitalize())}</b> {e(str(a['date']))}{where}{by}"
                    f"{_mark(a)}<br>parties: {e(', '.join(a['parties']) or 'unstated')}; "
                    f"state: {e(', '.join(a['states']))}{_refs(a['refs'])}")
        if a["violations"]:
            html.append("<ul>" + "".join(
                f"<li>{e(str(v['date']))}: {e(v['accuser'])} alleges an attack by {e(v['accused'] or 'an unnamed party')}"
                f"{_mark(v)}{_refs([v['ref']])}</li>" for v in a["violations"]) + "</ul>")
        html.append("</div>")
    html.append(f"<h2 id='map'>Map</h2>{place_map(report['places'])}")
    html.append("<table><tr><th>place</th><th>country</th><th>precision</th><th>incidents</th><th>disputed</th></tr>")
    html += [f"<tr><td>{e(p['name'])}</td><td>{e(p['country'] or '')}</td><td>{e(p['precision'])}</td>"
             f"<td>{p['incidents']}</td><td>{p['disputed']}</td></tr>" for p in report["places"]]
    src = report["sources"]
    html.append("</table><h2 id='sources'>Sources</h2><table><tr><th>outlet</th><th>articles</th></tr>")
    html += [f"<tr><td>{e(o['outlet'])}</td><td>{o['articles']}</td></tr>" for o in src["outlets"]]
    html.append("</table>")
    for g in src["shared_groups"]:
        html.append(f"<p>One origin text carried by {e(', '.join(g['outlets']))} "
                    f"(agency: {e(', '.join(g['agencies']) or 'unstated')}): counted as one source.</p>")
    html.append(f"<h2 id='method'>Method</h2><p>{e(report['method'])}</p><h2 id='references'>References</h2><ol class='refs'>")
    for r in report["references"]:
        html.append(f"<li id='ref-{r['n']}'><b>{e(r['outlet'] or r['article'])}</b>, {_reference_title(r)}"
                    f" ({e(r['published'] or 'undated')}), sentence {r['sentence_index']}, characters "
                    f"{r['start']}–{r['end']}:<blockquote>{e(r['sentence'])}</blockquote></li>")
    html.append("</ol></body></html>")
    return "\n".join(html)


def _reference_title(ref: dict) -> str:
    """The article's title, linked to the article when its URL is known (http or https only); otherwise the
    title and the file it came from."""
    title = escape(f"“{ref['title'] or ref['article']}”")
    url = ref.get("url") or ""
    if url.lower().startswith(("http://", "https://")):
        return f"<a href=\"{escape(url)}\">{title}</a>"
    source = ref.get("source")
    return f"{title} <span class='muted'>({escape(source)})</span>" if source else title


def _claim_card(claim: dict) -> str:
    e = escape
    against = f" against {e(claim['accused'])}" if claim.get("accused") else ""
    return (f"<div class='card {e(claim['stance'])}'><b>{e(claim['speaker'])}</b> <span class='muted'>{e(claim['stance'])}"
            f"{against} · {e(claim['outlet'] or '')}</span>{_mark(claim)}<blockquote>“{e(claim['quote'])}”</blockquote>"
            f"{_refs([claim['ref']])}</div>")
