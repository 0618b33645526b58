"""The server's front door, before any route runs: request size, the ingest token, security headers.

It is plain ASGI middleware so that it acts before FastAPI reads or parses a body: a request for
POST /api/articles without the right token is refused before its body is read, and no body
larger than the limit is read past the limit, whatever its Content-Length says.
"""

from __future__ import annotations

import json
import secrets

INGEST_PATH = "/api/articles"
# Writes that authenticate with a bearer token: refused before their body is read or parsed.
BEARER_PATHS = (INGEST_PATH, "/api/corrections")
# Pages and API share these; the dashboard loads nothing but its own stylesheet and icon, runs no
# script, and is never framed.
SECURITY_HEADERS = (
    (b"content-security-policy", b"default-src 'none'; style-src 'self'; img-src 'self' data:; "
                                 b"form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-resource-policy", b"same-origin"),
)
_READS = ("GET", "HEAD", "OPTIONS")


def bearer_matches(header: bytes | None, token: str | None) -> bool:
    """True when the Authorization header is exactly 'Bearer <token>' (scheme in any case); any
    bytes compare safely, in constant time."""
    if not token or not header:
        return False
    scheme, _, given = header.strip().partition(b" ")
    if scheme.lower() != b"bearer":
        return False
    return secrets.compare_digest(given.strip(), token.encode("utf-8"))


class Guard:
    """ASGI middleware: size limit, ingest authorisation first, security headers on every answer."""

    def __init__(self, app, token: str | None, max_body: int):
        self.app = app
        self.token = token
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        send = _with_headers(send)
        headers = dict(scope.get("headers") or ())
        method, path = scope["method"], scope["path"]
        if method == "POST" and path.rstrip("/") in BEARER_PATHS:  # who asks comes before what is sent
            if not self.token:
                return await _answer(send, 403, "this server is read-only; start it with --token to accept writes")
            if not bearer_matches(headers.get(b"authorization"), self.token):
                return await _answer(send, 401, "missing or wrong token; send 'Authorization: Bearer <token>'",
                                     ((b"www-authenticate", b"Bearer"),))
        declared = headers.get(b"content-length", b"0")
        if not declared.isdigit() or int(declared) > self.max_body:
            return await _answer(send, 413 if declared.isdigit() else 400, self._too_large()
                                 if declared.isdigit() else "bad Content-Length")
        if method in _READS:
            return await self.app(scope, receive, send)
        body = await _read_body(receive, self.max_body)
        if body is None:
            return await _answer(send, 413, self._too_large())
        return await self.app(scope, _replay(body), send)

    def _too_large(self) -> str:
        return f"request body over the {self.max_body:,}-byte limit"


async def _read_body(receive, limit: int):
    """The whole body, or None once it passes the limit (the rest is never read)."""
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return b"".join(chunks)
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body"):
            return b"".join(chunks)


def _replay(body: bytes):
    sent = False

    async def receive():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return {"type": "http.disconnect"}

    return receive


def _with_headers(send):
    async def sending(message):
        if message["type"] == "http.response.start":
            present = {name.lower() for name, _ in message.get("headers", [])}
            extra = [(n, v) for n, v in SECURITY_HEADERS if n not in present]
            message = {**message, "headers": [*message.get("headers", []), *extra]}
        await send(message)

    return sending


async def _answer(send, status: int, error: str, headers=()) -> None:
    body = json.dumps({"error": error}).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *headers]})
    await send({"type": "http.response.body", "body": body})
