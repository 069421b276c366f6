"""One error shape for every error the service answers, JSON or HTML.

Every error (a rasd error, a failed validation, an unknown route, a wrong method, a body too
large, a bug) is answered with this JSON body and the HTTP status it names::

    {"ok": false, "status": 404, "code": "R106", "message": "no document 'x'",
     "remedy": "list documents with `rasd search` or check the id", "errors": []}

``errors`` lists the individual problems of a request that failed validation
(``{"location": "query.limit", "message": …}``); it is empty otherwise. ``code`` is the code of the
rasd error (`rasd.errors`), or one of the service codes:

| code | status | meaning                                         |
|------|--------|-------------------------------------------------|
| R600 | 422    | the request failed validation (``errors`` says where) |
| R601 | 404    | no such endpoint or page                        |
| R602 | 405    | the endpoint does not take this method          |
| R603 | 403    | ingest is disabled (start with ``--allow-ingest``) |
| R604 | 415    | a body type the endpoint does not read          |
| R699 | 500    | an unexpected error in rasd (a bug)             |

A rasd `InputError` is a 400 (`NotFoundError` 404, `TooLargeError` 413), a `StoreError` 503, any
other rasd error 500. Browsers asking for a page (not under ``/api/``, ``Accept: text/html``) get
the same fields rendered as an HTML page.
"""
from __future__ import annotations

import logging
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import InputError, NotFoundError, RasdError, StoreError, TooLargeError

__all__ = ["SERVICE_CODES", "ServiceError", "error_body", "install_handlers"]

log = logging.getLogger("rasd.service")

# code -> (status, message, remedy)
SERVICE_CODES: dict[str, tuple[int, str, str]] = {
    "R600": (422, "the request is not valid", "fix the parameters listed in `errors`"),
    "R601": (404, "no such endpoint or page", "see /api/openapi.json for the endpoints"),
    "R602": (405, "this endpoint does not take this method", "see /api/openapi.json"),
    "R603": (403, "ingest is disabled on this server",
             "start the server with `rasd serve --allow-ingest`"),
    "R604": (415, "the body type is not one this endpoint reads",
             "send text/plain, text/html or application/json"),
    "R699": (500, "an unexpected error in rasd", "report this as a bug, with the request"),
}
_STATUS_CODES = {status: code for code, (status, _, _) in SERVICE_CODES.items()}


class ServiceError(Exception):
    """An error of the service itself, named by one of `SERVICE_CODES`."""

    def __init__(self, code: str, message: str | None = None, remedy: str | None = None):
        status, default_message, default_remedy = SERVICE_CODES[code]
        super().__init__(message or default_message)
        self.code, self.status = code, status
        self.message = message or default_message
        self.remedy = remedy or default_remedy


def error_body(status: int, code: str, message: str, remedy: str = "",
               errors: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"ok": False, "status": status, "code": code, "message": message, "remedy": remedy or "",
            "errors": errors or []}


def rasd_status(error: RasdError) -> int:
    if isinstance(error, NotFoundError):
        return 404
    if isinstance(error, TooLargeError):
        return 413
    if isinstance(error, InputError):
        return 400
    if isinstance(error, StoreError):
        return 503
    return 500


def _wants_html(request: Request) -> bool:
    return (not request.url.path.startswith("/api/") and request.url.path != "/api"
            and "text/html" in request.headers.get("accept", ""))


def _respond(request: Request, body: dict[str, Any]) -> Any:
    if _wants_html(request):
        from .pages import render_error
        return render_error(request, body)
    return JSONResponse(body, status_code=body["status"])


async def _rasd_error(request: Request, exc: RasdError):
    status = rasd_status(exc)
    return _respond(request, error_body(status, exc.code, exc.message, exc.remedy))


async def _service_error(request: Request, exc: ServiceError):
    return _respond(request, error_body(exc.status, exc.code, exc.message, exc.remedy))


async def _validation_error(request: Request, exc: RequestValidationError):
    errors = []
    for e in exc.errors():
        loc = ".".join(str(x) for x in e.get("loc", ()))
        errors.append({"location": loc, "message": e.get("msg", "invalid")})
    where = ", ".join(e["location"] for e in errors)
    _, message, remedy = SERVICE_CODES["R600"]
    return _respond(request, error_body(422, "R600", f"{message}: {where}" if where else message,
                                        remedy, errors))


async def _http_error(request: Request, exc: StarletteHTTPException):
    code = _STATUS_CODES.get(exc.status_code)
    if code is None:
        code = "R104" if exc.status_code == 413 else "R600"
    default = SERVICE_CODES.get(code, (exc.status_code, "", ""))
    message = exc.detail if isinstance(exc.detail, str) and exc.detail not in ("Not Found", "Method Not Allowed") \
        else default[1]
    headers = getattr(exc, "headers", None)
    response = _respond(request, error_body(exc.status_code, code, message or str(exc.detail), default[2]))
    if headers:
        response.headers.update(headers)
    return response


async def _unexpected(request: Request, exc: Exception):
    log.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    _, message, remedy = SERVICE_CODES["R699"]
    body = error_body(500, "R699", f"{message}: {type(exc).__name__}", remedy)
    try:
        return _respond(request, body)
    except Exception:   # the error page itself failed: answer JSON
        return JSONResponse(body, status_code=500)


def install_handlers(app) -> None:
    """Route every kind of error to the one shape."""
    app.add_exception_handler(RasdError, _rasd_error)
    app.add_exception_handler(ServiceError, _service_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
