"""A failed download in words a user can act on (the crawl's list-page errors, status.json's last_error).

Scrapy reports a failed download as an exception's class and message ("DownloadFailedError: [<twisted.python.failure
.Failure OpenSSL.SSL.Error: [('SSL routines', '', 'wrong version number')]>]", "HTTP 403"): true, but the reader of
status.json cannot tell a firewall from a dead server.  Two tables say what each kind means, the raw words kept
after it.  Pure functions: no Scrapy here (crawler/spiders/portal.py passes the failure's class name and message).
"""

from __future__ import annotations

import re

# HTTP status of a list or article page the crawl could not use -> what it means for the user.
STATUS_MEANINGS: dict[int, str] = {
    401: "the site asks for a login (or a firewall/WAF refuses the crawler)",
    403: "the site refused the crawler (a firewall/WAF, or the page is forbidden)",
    404: "the page is not there (moved or removed: check list_urls)",
    410: "the page was removed for good (check list_urls)",
    429: "the site asks for fewer requests (raise --delay)",
    451: "the page is withheld for legal reasons",
}
SERVER_ERROR = "the site's server failed (retried; tried again at the next run)"

# (regex on "ClassName: message", what it means).  First match wins; the raw words follow in parentheses.
DOWNLOAD_FAILURES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"SSL|TLS|handshake|certificate", re.IGNORECASE),
     "the HTTPS (TLS) handshake failed: the site's HTTPS is broken or it answers plain http on that port"),
    (re.compile(r"Timeout|took longer than", re.IGNORECASE), "the site did not answer in time"),
    (re.compile(r"DNSLookup|DNS lookup|No address associated|Name or service not known", re.IGNORECASE),
     "the host name is not found (DNS): the domain may be gone"),
    (re.compile(r"ConnectionRefused|Connection was refused", re.IGNORECASE),
     "the server refused the connection (down, or nothing listens on that port)"),
    (re.compile(r"ResponseNeverReceived|ConnectionLost|ConnectionDone|ConnectionReset|DataLoss",
                re.IGNORECASE),
     "the connection closed before a whole answer came"),
)
_SSL_REASON = re.compile(r"'SSL routines', '[^']*', '([^']+)'")


def describe_status(status: int) -> str:
    """'HTTP 403: the site refused the crawler (…)' for a status the crawl could not use."""
    meaning = STATUS_MEANINGS.get(status) or (SERVER_ERROR if 500 <= status < 600 else None)
    return f"HTTP {status}: {meaning}" if meaning else f"HTTP {status}"


def describe_download_error(kind: str, message: str) -> str:
    """A download that got no HTTP answer, as 'what it means (raw class: message)'."""
    raw = f"{kind}: {message}" if message.strip() else kind
    for pattern, meaning in DOWNLOAD_FAILURES:
        if pattern.search(raw):
            return f"{meaning} ({_short(raw)})"
    return raw


def _short(raw: str) -> str:
    """The raw words, with OpenSSL's reason pulled out of Twisted's nested failure reprs."""
    reasons = _SSL_REASON.findall(raw)
    if reasons:
        return "TLS: " + ", ".join(dict.fromkeys(reasons))
    return raw if len(raw) <= 200 else raw[:199] + "…"
