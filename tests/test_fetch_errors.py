"""fetch_errors: each row of the two tables, and the raw words kept beside the meaning."""

from __future__ import annotations

import pytest

from tintuc_feed.fetch_errors import DOWNLOAD_FAILURES, STATUS_MEANINGS, describe_download_error, describe_status

TWISTED_TLS = ("[<twisted.python.failure.Failure OpenSSL.SSL.Error: [('SSL routines', '', 'wrong version number')]>,"
               " <twisted.python.failure.Failure OpenSSL.SSL.Error: [('SSL routines', '', 'wrong version number')]>]")


@pytest.mark.parametrize("status", sorted(STATUS_MEANINGS))
def test_each_status_row_keeps_the_code_first_and_says_its_meaning(status):
    assert describe_status(status) == f"HTTP {status}: {STATUS_MEANINGS[status]}"


@pytest.mark.parametrize("status", [500, 502, 503, 504, 522])
def test_server_errors_say_the_server_failed(status):
    assert describe_status(status).startswith(f"HTTP {status}: the site's server failed")


@pytest.mark.parametrize("status", [302, 418, 499])
def test_other_statuses_are_given_as_they_are(status):
    assert describe_status(status) == f"HTTP {status}"


# (exception class, message as Scrapy/Twisted give it, the start of the meaning, the raw words that must follow)
DOWNLOADS = [
    ("DownloadFailedError", TWISTED_TLS, "the HTTPS (TLS) handshake failed", "(TLS: wrong version number)"),
    ("SSLError", "certificate verify failed", "the HTTPS (TLS) handshake failed", "certificate verify failed"),
    ("TimeoutError", "Getting https://congan.lamdong.gov.vn/ took longer than 30.0 seconds..",
     "the site did not answer in time", "took longer than 30.0 seconds"),
    ("DNSLookupError", "DNS lookup failed: no results for hostname lookup: congan.daknong.gov.vn.",
     "the host name is not found (DNS)", "congan.daknong.gov.vn"),
    ("ConnectionRefusedError", "Connection was refused by other side: 111: Connection refused.",
     "the server refused the connection", "111"),
    ("ResponseNeverReceived", "[<twisted.python.failure.Failure twisted.internet.error.ConnectionLost>]",
     "the connection closed before a whole answer came", "ConnectionLost"),
    # a body shorter than its Content-Length (the server or a proxy died mid-answer): Scrapy gives no message
    ("ResponseDataLossError", "", "the connection closed before a whole answer came", "(ResponseDataLossError)"),
]


@pytest.mark.parametrize(("kind", "message", "meaning", "raw"), DOWNLOADS, ids=[d[0] + d[2][:12] for d in DOWNLOADS])
def test_each_download_failure_row(kind, message, meaning, raw):
    text = describe_download_error(kind, message)
    assert text.startswith(meaning) and raw in text


def test_every_row_is_exercised():
    meanings = {m for _, m in DOWNLOAD_FAILURES}
    assert {next(m for m in meanings if m.startswith(d[2])) for d in DOWNLOADS} == meanings


def test_an_unknown_failure_is_given_raw():
    assert describe_download_error("ValueError", "odd") == "ValueError: odd"


def test_a_long_raw_message_is_cut():
    text = describe_download_error("TimeoutError", "x" * 500)
    assert len(text) < 300 and text.endswith("…)")
