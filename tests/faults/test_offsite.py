"""Off-site requests are refused by policy (issue 9, item 2 and the redirect loops of item 12).

One crawl of a hostile site whose articles redirect (3xx, meta refresh) or link
to an internal server on 127.0.0.1 under every spelling a resolver accepts, to
a cloud metadata address, to another host name, in loops: the internal server
must see no request at all, nothing of it is stored or published, every
refusal is counted (summary, status.json) and logged with its kind, and the
honest articles are stored and published.
"""

from __future__ import annotations

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
    write_sources,
)

SECRET = "Bí mật nội bộ không được công bố"
GOOD = "Bài viết bình thường của trang"
MOVED = "Bài chuyển hướng trong cùng trang"

# variant -> (where the article at /tin-tuc/<variant>.html sends the crawler, the refusal kind)
REDIRECTS = {
    "loopback-other-port": ("http://127.0.0.1:{iport}/secret", "internal-address"),
    "decimal-ip": ("http://2130706433:{iport}/secret", "internal-address"),
    "octal-ip": ("http://0177.0.0.1:{iport}/secret", "internal-address"),
    "hex-ip": ("http://0x7f.0.0.1:{iport}/secret", "internal-address"),
    "short-ip": ("http://127.1:{iport}/secret", "internal-address"),
    "ipv6-loopback": ("http://[::1]:{iport}/secret", "internal-address"),
    "ipv4-mapped-ipv6": ("http://[::ffff:127.0.0.1]:{iport}/secret", "internal-address"),
    "private-range": ("http://10.1.2.3/secret", "internal-address"),
    "cloud-metadata": ("http://169.254.169.254/latest/meta-data/", "internal-address"),
    "other-host-name": ("http://localhost:{iport}/secret", "off-site"),
    "other-domain": ("https://attacker.example/secret", "off-site"),
    "permanent-301": ("http://127.0.0.1:{iport}/secret", "internal-address"),
    "temporary-307": ("http://127.0.0.1:{iport}/secret", "internal-address"),
}
STATUS = {"permanent-301": 301, "temporary-307": 307}
META_REFRESH = "meta-refresh"
LINK = "noi-bo"  # linked from the list page directly on the internal server, no redirect


@pytest.fixture(scope="module")
def hostile_crawl(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("offsite")
    with HostileSite() as site, HostileSite() as internal:
        internal.route("/secret", page(article_html(SECRET)))
        internal.route(f"/tin-tuc/{LINK}.html", page(article_html(SECRET)))
        links = [f"/tin-tuc/{v}.html" for v in REDIRECTS]
        links += [f"/tin-tuc/{META_REFRESH}.html", f"http://127.0.0.1:{internal.port}/tin-tuc/{LINK}.html",
                  "/tin-tuc/binh-thuong.html", "/tin-tuc/chuyen-trang.html", "/tin-tuc/vong-a.html",
                  "/tin-tuc/qua-nhieu.html"]
        site.route(LIST_PATH, page(list_page(links)))
        for variant, (target, _) in REDIRECTS.items():
            location = target.format(iport=internal.port) + f"?from={variant}"  # each its own URL
            site.route(f"/tin-tuc/{variant}.html", redirect(location, STATUS.get(variant, 302)))
        refresh = f'<meta http-equiv="refresh" content="0; url=http://127.0.0.1:{internal.port}/secret">'
        site.route(f"/tin-tuc/{META_REFRESH}.html", page(article_html("Trang chuyển")
                                                          .replace("<head>", "<head>" + refresh, 1)))
        site.route("/tin-tuc/binh-thuong.html", page(article_html(GOOD)))
        site.route("/tin-tuc/chuyen-trang.html", redirect("/tin-tuc/dich-den.html", 301))
        site.route("/tin-tuc/dich-den.html", page(article_html(MOVED)))
        site.route("/tin-tuc/vong-a.html", redirect("/tin-tuc/vong-b.html"))
        site.route("/tin-tuc/vong-b.html", redirect("/tin-tuc/vong-a.html"))
        site.route("/tin-tuc/qua-nhieu.html", redirect("/r/1"))
        for n in range(1, 30):
            site.route(f"/r/{n}", redirect(f"/r/{n + 1}"))
        result, db, out = crawl(tmp_path, write_sources(tmp_path, site))
        yield {"result": result, "db": db, "out": out, "site": site, "internal": internal.requests}


def test_the_internal_server_is_never_reached(hostile_crawl):
    assert hostile_crawl["internal"] == []
    assert SECRET not in stored_titles(hostile_crawl["db"])


@pytest.mark.parametrize("variant", sorted(REDIRECTS))
def test_each_redirect_off_site_is_refused_and_logged_with_its_kind(hostile_crawl, variant):
    base = hostile_crawl["site"].base
    _, kind = REDIRECTS[variant]
    lines = [x for x in hostile_crawl["result"].stderr.splitlines()
             if f"redirected from {base}/tin-tuc/{variant}.html" in x]
    assert len(lines) == 1, hostile_crawl["result"].stderr[-3000:]
    assert f"refused ({kind})" in lines[0]


def test_a_meta_refresh_off_site_is_refused(hostile_crawl):
    base = hostile_crawl["site"].base
    assert any("refused (internal-address)" in x and f"redirected from {base}/tin-tuc/{META_REFRESH}.html" in x
               for x in hostile_crawl["result"].stderr.splitlines())


def test_a_link_to_an_internal_address_is_refused_before_any_request(hostile_crawl):
    assert any("refused (internal-address) http://127.0.0.1:" in x and f"/tin-tuc/{LINK}.html" in x
               for x in hostile_crawl["result"].stderr.splitlines())


def test_redirect_loops_and_chains_are_refused_and_counted_not_silent(hostile_crawl):
    base = hostile_crawl["site"].base
    stderr = hostile_crawl["result"].stderr
    assert f"refused (redirect-loop) {base}/tin-tuc/vong-a.html" in stderr
    assert f"refused (too-many-redirects) {base}/tin-tuc/qua-nhieu.html" in stderr
    assert len(hostile_crawl["site"].hits("/r/10")) == 1 and not hostile_crawl["site"].hits("/r/11")  # REDIRECT_MAX_TIMES


def test_honest_and_same_site_redirected_articles_are_stored_and_published(hostile_crawl):
    assert hostile_crawl["result"].returncode == 0, hostile_crawl["result"].stderr[-3000:]
    assert stored_titles(hostile_crawl["db"]) == {GOOD, MOVED}
    assert feed_titles(hostile_crawl["out"]) == {GOOD, MOVED}


def test_refusals_are_counted_in_the_summary_and_status_json(hostile_crawl):
    refused = len(REDIRECTS) + 1 + 1 + 2  # redirects, meta refresh, link, loop + chain
    row = summary_row(hostile_crawl["result"].stdout)
    assert row["status"] == "ok" and row["refused"] == str(refused)
    status = source_status(hostile_crawl["out"])
    assert status["refused"] == refused
    kinds = [kind for _, kind in REDIRECTS.values()]
    assert status["notes"] == {
        "internal-address": kinds.count("internal-address") + 2, "off-site": kinds.count("off-site"),
        "redirect-loop": 1, "too-many-redirects": 1,
    }


def test_a_list_page_redirected_off_site_fails_the_source_with_the_reason(tmp_path):
    with HostileSite() as site, HostileSite() as internal:
        internal.route("/list", page(list_page([f"{internal.base}/tin-tuc/x.html"])))
        site.route(LIST_PATH, redirect(f"http://127.0.0.1:{internal.port}/list"))
        result, _, out = crawl(tmp_path, write_sources(tmp_path, site))
        assert internal.requests == []
    assert result.returncode == 1
    assert "hostile: failed:" in result.stderr and "refused (internal-address)" in result.stderr
    assert source_status(out)["consecutive_failures"] == 1


def test_a_host_the_source_names_in_allowed_hosts_may_be_followed(tmp_path):
    with HostileSite() as site, HostileSite() as media:
        media.route("/bai.html", page(article_html(GOOD)))
        site.route(LIST_PATH, page(list_page(["/tin-tuc/sang-may-chu-khac.html"])))
        site.route("/tin-tuc/sang-may-chu-khac.html", redirect(f"{media.base}/bai.html"))
        sources = write_sources(tmp_path, site, extra=f'allowed_hosts = ["127.0.0.1:{media.port}"]')
        result, _, out = crawl(tmp_path, sources)
        assert len(media.hits("/bai.html")) == 1
    assert result.returncode == 0, result.stderr[-3000:]
    assert summary_row(result.stdout)["refused"] == "0"
    assert feed_titles(out) == {GOOD}
