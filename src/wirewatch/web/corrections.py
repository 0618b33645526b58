"""The dashboard's corrections: the log as a page and JSON, and the forms that append to it.

Writing needs the server's token, as ingest does: a form carries it in a password field, the API in
'Authorization: Bearer <token>'; both compare in constant time. Without a token the server is
read-only and says so. The work is `Wirewatch.correct` / `Wirewatch.undo`, the same as the CLI's.
"""

from __future__ import annotations

import secrets
from urllib.parse import parse_qs

from fastapi import Body, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ..corpus.corrections import FIELDS, ITEM_KINDS, STATUSES, CorrectionError
from .guard import bearer_matches

FORM_FIELDS = ("token", "action", "kind", "ref", "into", "author", "reason", "undo", "back", *FIELDS)


def add_routes(app, token: str | None, locked, page) -> None:
    """GET /corrections and /api/corrections; POST /corrections (a form) and /api/corrections (JSON)."""

    def append(fields: dict) -> int:
        with_value = {f: fields.get(f) for f in FIELDS}
        try:
            if fields.get("undo"):
                return locked(lambda h: h.undo(_number(fields["undo"]), fields.get("author") or "analyst",
                                               fields.get("reason") or ""))
            action = fields.get("action") or ""
            value = {"into": fields.get("into")} if action == "merge" else with_value if action == "fix" else None
            return locked(lambda h: h.correct(action, fields.get("kind") or "", fields.get("ref") or "", value,
                                              fields.get("author") or "analyst", fields.get("reason") or ""))
        except CorrectionError as exc:
            raise HTTPException(422, str(exc)) from None

    def refuse_without(given_ok: bool) -> None:
        if not token:
            raise HTTPException(403, "this server is read-only; start it with --token to accept corrections")
        if not given_ok:
            raise HTTPException(401, "missing or wrong token")

    @app.get("/corrections", response_class=HTMLResponse, include_in_schema=False)
    def corrections_page(request: Request):
        log = locked(lambda h: h.corrections())
        return page(request, "corrections.html", log=list(reversed(log)), writable=bool(token), kinds=ITEM_KINDS,
                    statuses=list(STATUSES))

    @app.get("/api/corrections")
    def api_corrections():
        """The corrections log, oldest first (append-only: an undo is an entry of its own)."""
        return {"items": locked(lambda h: h.corrections())}

    @app.post("/corrections", include_in_schema=False)
    async def corrections_form(request: Request):
        body = (await request.body()).decode("utf-8", "replace")
        fields = {k: v[0].strip() for k, v in parse_qs(body, max_num_fields=50).items() if k in FORM_FIELDS}
        refuse_without(bool(token) and secrets.compare_digest(fields.get("token", "").encode(), token.encode()))
        append(fields)
        back = fields.get("back") or "/corrections"
        # only a path of this site: never an address elsewhere ('//host', 'http://...')
        if not back.startswith("/") or back.startswith("//") or "\\" in back:
            back = "/corrections"
        return RedirectResponse(back, status_code=303)

    @app.post("/api/corrections", status_code=201)
    def api_correct(request: Request, record: dict = Body(description="action (reject, merge, fix, check), kind, "
                                                                     "ref, value, author, reason; or undo: id")):
        refuse_without(bearer_matches(request.headers.get("authorization", "").encode(), token))
        value = record.get("value") if isinstance(record.get("value"), dict) else {}
        fields = {k: str(v) for k, v in {**value, **record}.items() if k in FORM_FIELDS and v is not None}
        return {"id": append(fields)}


def _number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise CorrectionError(f"undo {text!r}: give a correction's number") from None
