"""The app as an ASGI application: Streamlit's own routes, plus the two that keep a signed-in
browser signed in (see :mod:`procurement.services.sessions`).

- ``POST /_procure/session`` takes the one-time ticket of a sign-in (the request body) and
  answers with the session cookie: HttpOnly, SameSite=Strict, Secure behind HTTPS.
- ``POST /_procure/session/end`` revokes the session of the cookie presented and removes it.

``serve.py`` at the top of the repository is the entry point (``streamlit run serve.py``).
"""

from __future__ import annotations

from functools import cache

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from procurement.services import sessions
from procurement.store.db import Database, database_url

SESSION_PATH = "/_procure/session"
END_PATH = "/_procure/session/end"
_MAX_TICKET = 200


@cache
def _database(url: str) -> Database:
    return Database(url)


def _secure(request: Request) -> bool:
    # Behind a reverse proxy the scheme the browser used is in X-Forwarded-Proto.
    return request.headers.get("x-forwarded-proto", request.url.scheme) == "https"


async def establish(request: Request) -> Response:
    ticket = (await request.body())[:_MAX_TICKET].decode("ascii", "replace").strip()
    found = await run_in_threadpool(sessions.exchange, _database(database_url()), ticket)
    if found is None:
        return Response("unknown or used ticket", status_code=403)
    value, seconds = found
    response = Response(status_code=204)
    response.set_cookie(sessions.COOKIE, value, max_age=seconds, path="/", httponly=True,
                        samesite="strict", secure=_secure(request))
    response.headers["Cache-Control"] = "no-store"
    return response


async def end(request: Request) -> Response:
    db = _database(database_url())
    found = await run_in_threadpool(sessions.resume, db, request.cookies.get(sessions.COOKIE))
    if found is not None:
        await run_in_threadpool(sessions.end, db, found[0])
    response = Response(status_code=204)
    response.delete_cookie(sessions.COOKIE, path="/", httponly=True, samesite="strict",
                           secure=_secure(request))
    return response


def routes() -> list[BaseRoute]:
    return [Route(SESSION_PATH, establish, methods=["POST"]),
            Route(END_PATH, end, methods=["POST"])]
