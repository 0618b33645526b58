"""HEAD answered as GET without the body (RFC 9110, 9.3.2): link checkers, monitors and `curl -I` ask
with HEAD, and FastAPI routes declared with GET alone would answer them 405."""

from __future__ import annotations


class HeadAsGet:
    """ASGI middleware: a HEAD request goes to the app as GET; the answer keeps its status and headers
    (Content-Length included, as GET would send it) and loses its body."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "HEAD":
            return await self.app(scope, receive, send)

        async def without_body(message):
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        return await self.app({**scope, "method": "GET"}, receive, without_body)
