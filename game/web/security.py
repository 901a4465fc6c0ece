"""The server's locks: a class token (and a teacher's token) compared in constant time, and
the Origin a websocket must come from.

A token is 32 random bytes from :mod:`secrets` (256 bits), written URL-safe. The page takes
it once in its address (``/?token=...``), then keeps it in a cookie (``HttpOnly``, and
``SameSite=Lax``: sent when a link to the class page is followed, never with another site's
form); the websocket checks the cookie and its Origin, never trusting the page that opened
it.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from urllib.parse import urlsplit

TOKEN_BYTES = 32
MIN_TOKEN_LENGTH = 22
"""A token given with ``--token`` must be at least this long (22 URL-safe characters hold
128 bits)."""
COOKIE = "entente_token"


def new_token() -> str:
    """A fresh token of :data:`TOKEN_BYTES` random bytes."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def same_token(given: str | None, expected: str) -> bool:
    """Whether ``given`` is ``expected``, compared in constant time."""
    if not given:
        return False
    return hmac.compare_digest(given.encode("utf-8", "replace"), expected.encode("utf-8"))


def token_problem(token: str) -> str | None:
    """Why a token given on the command line is too weak, or None."""
    if len(token) < MIN_TOKEN_LENGTH:
        return (
            f"a token is at least {MIN_TOKEN_LENGTH} characters (128 bits); leave --token "
            "out and the server makes one"
        )
    return None


def is_loopback(host: str) -> bool:
    """Whether ``host`` only listens on this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def origin_ok(origin: str | None, host_header: str | None) -> bool:
    """Whether a websocket's ``Origin`` is this server's own page: the same host and port
    the browser asked for (``Host``). A missing Origin (no browser sent it) is refused."""
    if not origin or not host_header:
        return False
    parts = urlsplit(origin)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return False
    return hmac.compare_digest(parts.netloc.lower().encode(), host_header.lower().encode())
