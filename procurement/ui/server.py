"""The app as an ASGI application: Streamlit's own routes, plus the two that keep a signed-in
browser signed in (see :mod:`procurement.services.sessions`).

- ``POST /_procure/session`` takes the one-time ticket of a sign-in (the request body) and
  answers with the session cookie: HttpOnly, SameSite=Strict, Secure behind HTTPS.
- ``POST /_procure/session/end`` revokes the session of the cookie presented and removes it.
- ``GET /_procure/instance`` names the instance that answered (``PROCUREMENT_INSTANCE``, else
  host and process): behind a proxy with several instances (``deploy/``), which one a
  browser is kept on.

``serve.py`` at the top of the repository is the entry point (``streamlit run serve.py``).
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from procurement.services import sessions
from procurement.store.db import database_url, shared

SESSION_PATH = "/_procure/session"
END_PATH = "/_procure/session/end"
INSTANCE_PATH = "/_procure/instance"
INSTANCE_ENV = "PROCUREMENT_INSTANCE"
_MAX_TICKET = 200


def _secure(request: Request) -> bool:
    # Behind a reverse proxy the scheme the browser used is in X-Forwarded-Proto.
    return request.headers.get("x-forwarded-proto", request.url.scheme) == "https"


async def establish(request: Request) -> Response:
    ticket = (await request.body())[:_MAX_TICKET].decode("ascii", "replace").strip()
    found = await run_in_threadpool(sessions.exchange, shared(database_url()), ticket)
    if found is None:
        return Response("unknown or used ticket", status_code=403)
    value, seconds = found
    response = Response(status_code=204)
    response.set_cookie(sessions.COOKIE, value, max_age=seconds, path="/", httponly=True,
                        samesite="strict", secure=_secure(request))
    response.headers["Cache-Control"] = "no-store"
    return response


async def end(request: Request) -> Response:
    db = shared(database_url())
    found = await run_in_threadpool(sessions.resume, db, request.cookies.get(sessions.COOKIE))
    if found is not None:
        await run_in_threadpool(sessions.end, db, found[0])
    response = Response(status_code=204)
    response.delete_cookie(sessions.COOKIE, path="/", httponly=True, samesite="strict",
                           secure=_secure(request))
    return response


async def instance(_request: Request) -> Response:
    name = os.environ.get(INSTANCE_ENV) or f"{socket.gethostname()}/{os.getpid()}"
    return Response(name, media_type="text/plain", headers={"Cache-Control": "no-store"})


def routes() -> list[BaseRoute]:
    return [Route(SESSION_PATH, establish, methods=["POST"]),
            Route(END_PATH, end, methods=["POST"]),
            Route(INSTANCE_PATH, instance, methods=["GET"])]


def _warm_up() -> None:
    import procurement.ui.feedback
    import procurement.ui.nav
    import procurement.ui.signin  # noqa: F401  (the first page a browser asks for)

    shared(database_url())


@asynccontextmanager
async def lifespan(_app: object) -> AsyncIterator[None]:
    """Warm up in the background: the server answers at once, the first page finds its
    modules imported and the database open."""
    threading.Thread(target=_warm_up, daemon=True, name="warm-up").start()
    yield
