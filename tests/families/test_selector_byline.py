"""[source.selectors] whose authors/date nodes sit inside the body container
(the seed's portal layout: byline right-aligned at the end of the content)."""

from __future__ import annotations

import urllib.request
from dataclasses import replace

from tintuc_feed import families

from .golden import SAMPLE_SOURCE
from .site import FixtureSite

PARAS = ["Đoạn mở đầu của bài viết về an ninh trật tự.", "Đoạn thứ hai kể diễn biến vụ việc.",
         "Đoạn thứ ba nêu kết quả xử lý của cơ quan công an."]
PAGE = """<html><head><title>Bài</title></head><body><h1>Tiêu đề bài viết</h1>
<div class="noidung">{paras}
<p class="ngay">Ngày 02/04/2024</p>
<p style="text-align: right;"><strong>Nguyễn Văn A - Trần Thị B</strong></p>
</div></body></html>"""
SELECTORS = {"title": "h1", "body": ".noidung", "authors": ".noidung p[style]", "date": ".noidung p.ngay"}


def test_byline_and_date_matched_by_selectors_leave_the_body():
    page = PAGE.format(paras="".join(f"<p>{p}</p>" for p in PARAS))
    with FixtureSite({"/tin-tuc-su-kien/bai-1.html": ("text/html", page)}) as site:
        url = site.base + "/tin-tuc-su-kien/bai-1.html"
        text = urllib.request.urlopen(url, timeout=10).read().decode("utf-8")
    source = replace(SAMPLE_SOURCE, selectors=SELECTORS)
    raw = families.extract_article(source, url, text)
    assert "Nguyễn Văn A" in raw.byline and "Trần Thị B" in raw.byline
    assert any("02/04/2024" in d.raw for d in raw.dates)
    assert "Nguyễn Văn A" not in raw.body_html and "text-align" not in raw.body_html
    assert "02/04/2024" not in raw.body_html
    for para in PARAS:
        assert para in raw.body_html
