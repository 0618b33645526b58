"""The dashboard: server-rendered pages and a JSON API over one store, every asset served locally.

Pages and API share the functions in `data.py`. Ingest over HTTP is refused unless the server was
started with a token (checked in `guard.py` before the body is read); article text is escaped
everywhere it appears. Pages read the store through a read-only handle: they never extract nor
write, and never wait for an ingest, which has its own handle and lock.
"""

from __future__ import annotations

import datetime as dt
import threading
from contextlib import asynccontextmanager
from importlib import resources
from typing import Annotated, Literal

from fastapi import Body, Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from .. import __version__
from ..api import Wirewatch
from ..errors import BadInput
from ..report.svg import place_map, series_chart, timeline_chart
from ..corpus.corrections import STATUSES
from . import browse, corrections, data
from .changes import changes as latest_changes
from .guard import Guard
from .head import HeadAsGet

Status = Literal["disputed", "corroborated", "single-party"]
Page = Annotated[int, Query(ge=1, le=100_000, description="page number, from 1")]
PagePage = Annotated[int, Query(alias="page", ge=1, le=100_000, description="page number, from 1")]
PerPage = Annotated[int, Query(ge=1, le=200, description="items per page, 1 to 200")]


def create_app(db: str, token: str | None = None) -> FastAPI:
    """The application over the store at `db`; `token` enables POST /api/articles."""
    # A posted article is extracted on a process of the writer's own (`ingest_record(apart=True)`), so
    # that the parse does not hold this process's interpreter lock while readers are being answered;
    # it stops with the server.
    @asynccontextmanager
    async def lifespan(_app):
        yield
        if writer is not None:
            writer.close()

    app = FastAPI(title="wirewatch", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="The ledger of an armed conflict: incidents, figures, agreements, articles.")
    handle = Wirewatch(db, read_only=True)
    writer = Wirewatch(db) if token else None
    lock = threading.Lock()  # readers: one at a time on the shared ledger cache
    write_lock = threading.Lock()  # ingests: one at a time, never holding up readers
    app.add_middleware(Guard, token=token, max_body=handle.settings.max_bytes)
    app.add_middleware(HeadAsGet)  # outermost: the guard and the routes see a GET
    folder = resources.files("wirewatch.web")
    templates = Jinja2Templates(directory=str(folder.joinpath("templates")))  # autoescapes .html
    templates.env.globals["actor_link"] = browse.actor_link
    app.mount("/static", StaticFiles(directory=str(folder.joinpath("static"))), name="static")

    def page(request: Request, name: str, **context) -> HTMLResponse:
        return templates.TemplateResponse(request, name, {"version": __version__, **context})

    def filters(
        since: Annotated[str | None, Query(max_length=10, description="first day, YYYY-MM-DD")] = None,
        until: Annotated[str | None, Query(max_length=10, description="last day, YYYY-MM-DD")] = None,
        type: Annotated[str | None, Query(max_length=100, description="event type contains")] = None,
        place: Annotated[str | None, Query(max_length=100)] = None,
        actor: Annotated[str | None, Query(max_length=100)] = None,
        status: Annotated[str | None, Query(max_length=20, description="disputed, corroborated or single-party")] = None,
        q: Annotated[str | None, Query(max_length=200, description="free text")] = None,
    ) -> data.IncidentFilter:
        # An empty form field means "no filter", as a browser sends every field of the form.
        first, last = _day(since, "since"), _day(until, "until")
        if first and last and first > last:
            raise HTTPException(422, "since is after until")
        if status and status not in data.STATUS_FILTERS:
            raise HTTPException(422, f"status {status!r}: choose one of {', '.join(data.STATUS_FILTERS)}")
        return data.IncidentFilter(first, last, type or None, place or None, actor or None, status or None, q or None)

    def locked(fn, *args):
        with lock:  # one request at a time touches the shared store handle
            return fn(handle, *args)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": problems}, status_code=422)
        return templates.TemplateResponse(request, "error.html", {"version": __version__, "status": 422,
                                                                   "message": problems}, status_code=422)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return templates.TemplateResponse(request, "error.html", {"version": __version__, "status": exc.status_code,
                                                                   "message": exc.detail}, status_code=exc.status_code)

    # pages --------------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview_page(request: Request):
        content = locked(data.overview)
        return page(request, "overview.html", o=content, chart=timeline_chart(content["timeline"]))

    @app.get("/incidents", response_class=HTMLResponse, include_in_schema=False)
    def incidents_page(request: Request, f: data.IncidentFilter = Depends(filters), page_number: PagePage = 1,
                       per_page: PerPage = 50):
        content = locked(data.incidents, f, page_number, per_page)
        return page(request, "incidents.html", result=content, f=f)

    @app.get("/incidents/{incident_id}", response_class=HTMLResponse, include_in_schema=False)
    def incident_page(request: Request, incident_id: str):
        content = locked(data.incident, incident_id)
        if content is None:
            raise HTTPException(404, f"no incident {incident_id}")
        located = [content["place"]] if content.get("place") else []
        for p in located:
            p.setdefault("incidents", 1)
            p.setdefault("disputed", content["status"].startswith("accused"))
        return page(request, "incident.html", i=content, map=place_map(located, 480, 280), writable=bool(token),
                    statuses=list(STATUSES))

    @app.get("/figures", response_class=HTMLResponse, include_in_schema=False)
    def figures_page(request: Request):
        content = locked(data.figures)
        charts = {}
        for series in content["series"]:
            charts.setdefault(series["kind"], []).append({
                "claimant": f"{series['claimant']} ({series['group']}, {series['scope']})",
                "points": [{"as_of": p["as_of"], "value": p["value"]} for p in series["points"]]})
        return page(request, "figures.html", fig=content,
                    charts={kind: series_chart(items) for kind, items in charts.items()})

    @app.get("/agreements", response_class=HTMLResponse, include_in_schema=False)
    def agreements_page(request: Request):
        return page(request, "agreements.html", agreements=locked(data.agreements)["items"])

    @app.get("/sources", response_class=HTMLResponse, include_in_schema=False)
    def sources_page(request: Request):
        return page(request, "sources.html", s=locked(data.sources))

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request):
        located = locked(data.places)
        return page(request, "map.html", places=located, map=place_map(located, 900, 560))

    @app.get("/articles/{key}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, key: str):
        content = locked(data.article, key)
        if content is None:
            raise HTTPException(404, f"no article {key}")
        return page(request, "article.html", a=content)

    @app.get("/changes", response_class=HTMLResponse, include_in_schema=False)
    def changes_page(request: Request, limit: PerPage = 100):
        return page(request, "changes.html", c=locked(latest_changes, limit))

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs_page(request: Request):
        spec = app.openapi()
        routes = []
        for path, methods in spec["paths"].items():
            for method, op in methods.items():
                params = [f"{p['name']} ({p.get('schema', {}).get('type', p.get('schema', {}).get('anyOf', [{}])[0].get('type', ''))})"
                          f": {p.get('description', '')}" for p in op.get("parameters", [])]
                routes.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                               "params": params})
        return page(request, "docs.html", routes=routes, title=spec["info"]["title"])

    # JSON API -----------------------------------------------------------------------------------

    @app.get("/api/changes")
    def api_changes(limit: PerPage = 100):
        """The latest alerts of `wirewatch watch`, newest first, and each watched source's health."""
        return locked(latest_changes, limit)

    @app.get("/api/overview")
    def api_overview():
        return locked(data.overview)

    @app.get("/api/incidents")
    def api_incidents(f: data.IncidentFilter = Depends(filters), page: Page = 1, per_page: PerPage = 50):
        return locked(data.incidents, f, page, per_page)

    @app.get("/api/incidents/{incident_id}")
    def api_incident(incident_id: str):
        content = locked(data.incident, incident_id)
        if content is None:
            raise HTTPException(404, f"no incident {incident_id}")
        return content

    @app.get("/api/figures")
    def api_figures():
        return locked(data.figures)

    @app.get("/api/agreements")
    def api_agreements(page: Page = 1, per_page: PerPage = 50):
        items = locked(data.agreements)["items"]
        start = (page - 1) * per_page
        return {"total": len(items), "page": page, "per_page": per_page, "items": items[start:start + per_page]}

    @app.get("/api/sources")
    def api_sources():
        return locked(data.sources)

    @app.get("/api/articles/{key}")
    def api_article(key: str):
        content = locked(data.article, key)
        if content is None:
            raise HTTPException(404, f"no article {key}")
        return content

    @app.post("/api/articles", status_code=201)
    def api_ingest(record: Annotated[dict, Body(description="id, url, outlet, title, published, text or html")]):
        # Guard let this through only with the right bearer token
        if writer is None:
            raise HTTPException(403, "this server is read-only; start it with --token to accept articles")
        with write_lock:
            return _ingest_record(writer, record)

    corrections.add_routes(app, token, locked, page)
    browse.add_routes(app, locked, page)
    return app


def _day(value: str | None, name: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise HTTPException(422, f"{name} {value!r}: expected a date as YYYY-MM-DD") from None


def _ingest_record(handle: Wirewatch, record: dict) -> dict:
    try:
        article_id, outcome = handle.ingest_record(record, "POST /api/articles", apart=True)
    except BadInput as exc:
        raise HTTPException(422, exc.problem) from None
    return {"id": article_id, "outcome": outcome}


__all__ = ["create_app"]
