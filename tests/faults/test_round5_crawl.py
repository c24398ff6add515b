"""Blind round 5, the crawl level: what research/sources.md says the real sites do, played on 127.0.0.1.

Each test runs `tintuc-feed crawl` as a user runs it (a subprocess, a real SQLite file, the feeds read back)
against sites that behave as the research reports:
- 9.3 the 2025 merger: an absorbed province's old portal answering 301 to the absorbing province's portal;
- 8.5 a WAF answering 403 (hanoimoi, kinhtedothi); 8.4 TLS quirks (congan.daklak's certificate error,
  a portal answering plain http on its https port);
- a list page that links itself as its next page, a pager that never ends (page caps), a site that stops answering.
What the user sees is asserted: status.json's last_error, the summary, the store, the feeds (feedparser).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import ssl
import threading
from pathlib import Path

import pytest

from faults.hostile import (
    LIST_PATH,
    HostileSite,
    article_html,
    crawl,
    feed_titles,
    list_page,
    page,
    redirect,
    source_status,
    stored_titles,
    summary_row,
)
from tintuc_feed.sources import load_sources

FIRST = "Công an tỉnh Quảng Nam bắt đối tượng trộm cắp tài sản tại Hội An"
MOVED = ["Công an thành phố Đà Nẵng triệt phá đường dây đánh bạc qua mạng",
         "Công an phường Hội An (Quảng Nam cũ) tuần tra đêm bảo đảm an ninh"]
ARTICLE = "/tin-tuc/an-ninh-trat-tu/{slug}-{n}.html"  # a path the built-in generic pattern takes


def retired_source(old: HostileSite, extra: str = "") -> str:
    """The built-in congan-quang-nam-cu (absorbed into Đà Nẵng), its host-anchored pattern moved to 127.0.0.1."""
    builtin = next(s for s in load_sources() if s.id == "congan-quang-nam-cu")
    pattern = builtin.article_url_pattern.replace(r"congan\.quangnam\.gov\.vn", re.escape(f"127.0.0.1:{old.port}"))
    assert pattern != builtin.article_url_pattern and builtin.status == "retired"
    return (f'[[source]]\nid = "{builtin.id}"\nname = "{builtin.name}"\nprovince = "{builtin.province}"\n'
            f'former_province = "{builtin.former_province}"\nlist_urls = ["{old.base}{LIST_PATH}"]\n'
            f"article_url_pattern = '{pattern}'\nfamily = \"generic\"\nmax_pages = 1\nstatus = \"fixture\"\n{extra}\n")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(text, "utf-8")
    return path


def json_items(out: Path, name: str) -> list[dict]:
    return json.loads((out / "json" / f"{name}.json").read_text("utf-8"))["items"]


def serve_articles(site: HostileSite, titles: list[str], first: int) -> list[str]:
    paths = [ARTICLE.format(slug=f"bai-viet-tin-tuc-so-{first + i}", n=first + i) for i in range(len(titles))]
    for path, title in zip(paths, titles, strict=True):
        site.route(path, page(article_html(title)))
    site.route(LIST_PATH, page(list_page(paths)))
    return paths


# --- 9.3 an absorbed province's portal redirecting to the absorbing one ------------------------------------

def test_a_retired_portal_moved_off_its_site_fails_clearly_and_keeps_its_feed(tmp_path):
    with HostileSite() as old, HostileSite() as new:
        serve_articles(old, [FIRST], 1)
        sources = write(tmp_path, retired_source(old))
        first, _, out = crawl(tmp_path, sources)
        assert first.returncode == 0, first.stderr[-3000:]
        serve_articles(new, MOVED, 10)
        # the new portal by a host name (an IP literal on 127.0.0.1 would be refused as an internal address)
        old.route(LIST_PATH, redirect(f"http://localhost:{new.port}{LIST_PATH}", 301))
        second, db, out = crawl(tmp_path, sources)
        assert new.requests == []  # not followed: the source does not allow that host
    assert second.returncode == 1
    error = source_status(out, "congan-quang-nam-cu")["last_error"]
    assert f"refused (off-site) http://localhost:{new.port}{LIST_PATH}: redirected from {old.base}{LIST_PATH} (301)" in error
    assert f"moved to localhost:{new.port}" in error and f'allowed_hosts = ["localhost:{new.port}"]' in error
    assert source_status(out, "congan-quang-nam-cu")["consecutive_failures"] == 1
    assert feed_titles(out, "congan-quang-nam-cu") == {FIRST}  # the last good feed is kept
    assert stored_titles(db) == {FIRST}


BLIND = Path(__file__).resolve().parents[1] / "fixtures" / "blind" / "generic"
MOVED_PAGES = ["r5_ch_time_before_date_rank_dash_pair_bottom", "r5_weekday_comma_time_caption_unit_credit_bold_name"]


def test_a_retired_portal_moved_to_an_allowed_host_is_read_under_its_own_source(tmp_path):
    """The new portal serves two round-5 blind pages; each feed item equals the blind expectation."""
    with HostileSite() as old, HostileSite() as new:
        paths = [ARTICLE.format(slug=f"bai-viet-cong-moi-so-{n}", n=n) for n in range(len(MOVED_PAGES))]
        for path, case in zip(paths, MOVED_PAGES, strict=True):
            new.route(path, page((BLIND / case / "input.html").read_text("utf-8")))
        new.route(LIST_PATH, page(list_page(paths)))
        old.route(LIST_PATH, redirect(new.base + LIST_PATH, 301))
        sources = write(tmp_path, retired_source(old, f'allowed_hosts = ["127.0.0.1:{new.port}"]'))
        result, db, out = crawl(tmp_path, sources)
    assert result.returncode == 0, result.stderr[-3000:]
    row = summary_row(result.stdout, "congan-quang-nam-cu")
    assert (row["status"], row["new"]) == ("ok", "2")
    items = {i["url"]: i for i in json_items(out, "congan-quang-nam-cu")}
    assert set(items) == {new.base + p for p in paths}  # stored where they are served
    for path, case in zip(paths, MOVED_PAGES, strict=True):
        want = json.loads((BLIND / case / "expected.json").read_text("utf-8"))
        item = items[new.base + path]
        assert (item["title"], item["date_published"], [a["name"] for a in item["authors"]]) == (
            want["title"], want["published"], want["authors"])
        assert item["_tintuc"]["former_province"] == "Quảng Nam"
    with sqlite3.connect(db) as conn:
        assert {r[0] for r in conn.execute("SELECT DISTINCT source_id FROM articles")} == {"congan-quang-nam-cu"}
    assert {i["title"] for i in items.values()} <= {i["title"] for i in json_items(out, "all")}


# --- 8.5 a WAF, 8.4 TLS --------------------------------------------------------------------------------------

def test_a_waf_403_says_so_in_status_json_and_keeps_the_last_good_feed(tmp_path):
    with HostileSite() as site:
        serve_articles(site, [FIRST], 1)
        sources = write(tmp_path, retired_source(site))
        assert crawl(tmp_path, sources)[0].returncode == 0
        site.route(LIST_PATH, page("<html><body><h1>403 Forbidden</h1></body></html>", status=403))
        result, _, out = crawl(tmp_path, sources)
    assert result.returncode == 1
    assert "HTTP 403: the site refused the crawler" in source_status(out, "congan-quang-nam-cu")["last_error"]
    assert feed_titles(out, "congan-quang-nam-cu") == {FIRST}


def _self_signed_expired(tmp_path: Path) -> ssl.SSLContext:
    """A server context with an expired self-signed certificate for another host (research 8.4)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "congan.daklak.gov.vn")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(1).not_valid_before(now - dt.timedelta(days=400))
            .not_valid_after(now - dt.timedelta(days=30)).sign(key, hashes.SHA256()))
    (tmp_path / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                         serialization.NoEncryption()))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(tmp_path / "cert.pem", tmp_path / "key.pem")
    return context


def test_an_expired_self_signed_certificate_is_read_as_the_research_says_curl_k_does(tmp_path):
    with HostileSite() as site:
        site.server.socket = _self_signed_expired(tmp_path).wrap_socket(site.server.socket, server_side=True)
        serve_articles(site, [FIRST], 1)
        sources = write(tmp_path, retired_source(site).replace("http://", "https://"))
        result, _, out = crawl(tmp_path, sources)
    assert result.returncode == 0, result.stderr[-3000:]
    assert feed_titles(out, "congan-quang-nam-cu") == {FIRST}


def test_plain_http_on_the_https_port_is_a_clear_tls_error_and_the_feed_is_kept(tmp_path):
    with HostileSite() as site:
        serve_articles(site, [FIRST], 1)
        plain = retired_source(site)
        assert crawl(tmp_path, write(tmp_path, plain))[0].returncode == 0
        result, _, out = crawl(tmp_path, write(tmp_path, plain.replace("http://", "https://")))
    assert result.returncode == 1
    error = source_status(out, "congan-quang-nam-cu")["last_error"]
    assert "the HTTPS (TLS) handshake failed" in error and "(TLS: wrong version number)" in error
    assert f"congan-quang-nam-cu: failed: {error}" in result.stderr  # the one line the crawl ends with
    assert feed_titles(out, "congan-quang-nam-cu") == {FIRST}


# --- page caps -------------------------------------------------------------------------------------------------

def _list_with_next(paths: list[str], next_url: str | None) -> str:
    pager = f'<div class="pagination"><a href="{next_url}">Trang sau ›</a></div>' if next_url else ""
    return list_page(paths).replace("</body>", pager + "</body>")


@pytest.mark.parametrize("max_pages", [1, 3])
def test_a_pager_that_never_ends_is_followed_to_max_pages_only(tmp_path, max_pages):
    with HostileSite() as site:
        for n in range(1, 40):
            path = ARTICLE.format(slug=f"bai-viet-trang-so-{n}", n=n)
            site.route(path, page(article_html(f"Bài trên trang danh sách số {n}")))
            here = LIST_PATH if n == 1 else f"{LIST_PATH}?page={n}"
            site.route(here, page(_list_with_next([path], f"{LIST_PATH}?page={n + 1}")))
        sources = write(tmp_path, retired_source(site).replace("max_pages = 1", f"max_pages = {max_pages}"))
        result, db, _ = crawl(tmp_path, sources)
        lists = [p for _, p in site.requests if p.startswith(LIST_PATH) and not p.endswith(".html")]
    assert result.returncode == 0, result.stderr[-3000:]
    assert lists == [LIST_PATH] + [f"{LIST_PATH}?page={n}" for n in range(2, max_pages + 1)]
    assert len(stored_titles(db)) == max_pages


def test_a_list_page_naming_itself_as_next_is_read_once_per_crawl(tmp_path):
    with HostileSite() as site:
        path = ARTICLE.format(slug="bai-viet-vong-lap-mot", n=1)
        site.route(path, page(article_html(FIRST)))
        site.route(LIST_PATH, page(_list_with_next([path], LIST_PATH)))
        result, db, _ = crawl(tmp_path, write(tmp_path, retired_source(site).replace("max_pages = 1", "max_pages = 5")))
        lists = [p for _, p in site.requests if p == LIST_PATH]
    assert result.returncode == 0, result.stderr[-3000:]
    assert len(lists) <= 2 and stored_titles(db) == {FIRST}


def test_a_site_that_stops_answering_is_stopped_at_the_crawl_time_limit_and_the_last_feed_kept(tmp_path):
    """One slot per site (CONCURRENT_REQUESTS_PER_DOMAIN = 1): a page that never answers holds the site until
    DOWNLOAD_TIMEOUT; the crawl's own time limit (--timeout) ends it with a clear reason, nothing lost."""
    release = threading.Event()

    def hang(_handler):
        release.wait(120)
        return 200, [("Content-Type", "text/html; charset=utf-8")], b"<html></html>"

    with HostileSite() as site:
        serve_articles(site, [FIRST], 1)
        sources = write(tmp_path, retired_source(site))
        assert crawl(tmp_path, sources)[0].returncode == 0
        paths = serve_articles(site, [FIRST, "Bài không bao giờ trả lời"], 1)
        site.route(paths[1], hang)
        try:
            result, db, out = crawl(tmp_path, sources, "--timeout", "15")
        finally:
            release.set()
    assert result.returncode == 1
    status = source_status(out, "congan-quang-nam-cu")
    assert "the crawl took longer than 15 s and was stopped" in status["last_error"]
    assert stored_titles(db) == {FIRST}
    assert feed_titles(out, "congan-quang-nam-cu") == {FIRST}


# --- 8.6 the only charset quirk the research names -------------------------------------------------------------

def test_a_liferay_meta_without_http_equiv_is_read_right_whatever_the_bytes(tmp_path):
    """research 8.6: a Hanoi-area Liferay site writes `<meta content="text/html; charset=UTF-8">` (no http-equiv,
    so no declaration a browser reads) and its server sends no charset; a legacy windows-1258 page behind the same
    meta must not be read as UTF-8 garbage either."""
    from faults.test_charset import cp1258

    titles = ["Công an tỉnh Đắk Lắk bắt đối tượng trộm cắp tài sản",
              "Công an tỉnh Đăk Lăk tuyên truyền phòng cháy, chữa cháy"]
    no_charset = [("Content-Type", "text/html")]
    with HostileSite() as site:
        paths = serve_articles(site, titles, 1)
        pages = [article_html(t).replace('<meta charset="utf-8">', '<meta content="text/html; charset=UTF-8">', 1)
                 for t in titles]
        site.route(paths[0], page(pages[0].encode("utf-8"), no_charset))
        site.route(paths[1], page(cp1258(pages[1]), no_charset))
        result, db, out = crawl(tmp_path, write(tmp_path, retired_source(site)))
    assert result.returncode == 0, result.stderr[-3000:]
    assert stored_titles(db) == set(titles)
    assert feed_titles(out, "congan-quang-nam-cu") == set(titles)
