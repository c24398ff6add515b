"""Rows of the tables the fourth blind round (tests/fixtures/blind/*/r4_*) led to, one test each.

- a page that is one ASP.NET <form> (SharePoint, DNN) keeps its date line: strip_noise drops forms as widgets,
  so the generic reader reads the date line in the page-wide form, as it reads the byline there
  (families.form_dates);
- a family that reads nothing of a page but its URL (bocongan on the old SharePoint portal) takes the date the
  generic reader finds on the page, before the URL (families._fall_back);
- cand's list: the page's own pager link (the legacy subdomains' .paging li.next > a) before the built
  /page-N/ address; the source takes the legacy subdomains' article addresses (antg, antgct, vnca, cstc);
- the DNN cmsview list API's Name is plain text in the list hint, as in the article (entities, tags).
"""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from tintuc_feed import families
from tintuc_feed.normalize.dates import pick_published
from tintuc_feed.sources import load_sources

SOURCES = {s.id: s for s in load_sources()}
PROSE = "".join(f"<p>Đoạn {i}: lực lượng Công an đã triển khai nhiều biện pháp bảo đảm an ninh, trật tự trên địa bàn "
                "dân cư trong dịp cuối năm.</p>" for i in range(4))
HATINH = "https://congan.hatinh.gov.vn/tin-tuc/bo-truong-tiep-doan-dai-bieu-cuu-chien-binh-4471.html"
_META = '<meta property="article:published_time" content="2017-03-13T07:00:00+07:00">'
_SEARCH = '<form action="/tim-kiem"><span class="date">Từ ngày 01/01/2017</span><input name="q"></form>'
_FORM_PAGE = ('<html><head>{head}</head><body>{before}<form id="aspnetForm" method="post"><div class="news">{date}'
              '<h1>Bộ trưởng tiếp đoàn đại biểu cựu chiến binh</h1><div class="content">' + PROSE +
              '</div></div></form></body></html>')
FORM_DATE_ROWS = [
    # (page, the published instant)
    (_FORM_PAGE.format(head="", before="", date='<div class="date">Thứ Ba, 14/03/2017 09:15</div>'),
     "2017-03-14T09:15:00+07:00"),  # the page is one form: its date line
    (_FORM_PAGE.format(head=_META, before="", date='<div class="date">Thứ Ba, 14/03/2017 09:15</div>'),
     "2017-03-14T09:15:00+07:00"),  # the page-wide form is read as the page (families/page_forms.py): the shown
    # date line wins over the meta, as on the same page without a form
    (_FORM_PAGE.format(head="", before="", date='<div class="date">Thứ Ba, 14/03/2017 09:15</div>').replace(
        '<form id="aspnetForm" method="post">', "").replace("</form>", ""), "2017-03-14T09:15:00+07:00"),  # no form
    (_FORM_PAGE.format(head="", before=_SEARCH, date="").replace('<form id="aspnetForm" method="post">', "<div>")
     .replace("</div></div></form>", "</div></div></div>"), None),  # a search box's date is no date
    (_FORM_PAGE.format(head="", before="", date=""), None),  # a page-wide form without a date line
]


@pytest.mark.parametrize(("html", "published"), FORM_DATE_ROWS)
def test_date_line_inside_a_page_wide_form_is_read(html, published):
    raw = families.extract_article(SOURCES["congan-ha-tinh"], HATINH, html)
    picked = pick_published(raw.dates, now=datetime.fromisoformat("2026-01-01T00:00:00+07:00"))
    assert (picked.value.isoformat() if picked else None) == published


_DATE_ROW = '<div class="date">Thứ Ba, 14/03/2017 09:15</div>'
_SP = ('<html><body><form id="aspnetForm"><div class="news">{date}<h1>Bộ trưởng tiếp đoàn đại biểu cựu chiến binh</h1>'
       '<div class="content">' + PROSE + '</div></div></form></body></html>')
FALL_BACK_ROWS = [
    # (bocongan page, its url, the published instant)
    (_SP.format(date=_DATE_ROW), "https://bocongan.gov.vn/bai-viet/bo-truong-tiep-doan-d2-t43729",
     "2017-03-14T09:15:00+07:00"),  # a migrated address (no date in it) is all the family reads: the page's date line
    (_SP.format(date=_DATE_ROW), "http://bocongan.gov.vn/tin-tuc-su-kien/bo-truong-tiep-doan-s14-t34656.html",
     "2017-03-14T09:15:00+07:00"),  # the old portal: the family reads nothing, the generic reading fills in
    (_SP.format(date=""), "http://bocongan.gov.vn/tin-tuc-su-kien/bo-truong-tiep-doan-s14-t34656.html",
     None),  # no date anywhere: none invented
    (_SP.format(date=_DATE_ROW).replace('<div class="content">', '<div class="tinymce-content">'),
     "https://bocongan.gov.vn/bai-viet/bo-truong-tiep-doan-1766998122",
     "2025-12-29T15:48:42+07:00"),  # the family's own reading (the id is the instant) comes first
]


@pytest.mark.parametrize(("html", "url", "published"), FALL_BACK_ROWS)
def test_family_reading_only_its_url_takes_the_page_date(html, url, published):
    raw = families.extract_article(SOURCES["bocongan"], url, html)
    picked = pick_published(raw.dates, now=datetime.fromisoformat("2026-01-01T00:00:00+07:00"))
    assert (picked.value.isoformat() if picked else None) == published


_ANTG = ('<html><body><div class="news-cat-item"><a href="/ho-so-interpol/Truy-bat-doi-tuong-561300/">Truy bắt</a>'
         '</div>{pager}</body></html>')
CAND_NEXT_ROWS = [
    # (pager, the next list page)
    (('<div class="paging"><ul><li><a href="/ho-so-interpol/trang-2/">2</a></li><li class="next">'
      '<a href="/ho-so-interpol/trang-2/">›</a></li></ul></div>'), "http://antg.cand.com.vn/ho-so-interpol/trang-2/"),
    ('<div class="paging"><a href="/ho-so-interpol/?p=2">Tiếp »</a></div>', "http://antg.cand.com.vn/ho-so-interpol/?p=2"),
    ("", "http://antg.cand.com.vn/ho-so-interpol/page-2/"),  # no pager: the site's /page-N/ address
    ('<div class="slider"><a class="next" href="#">›</a></div>', "http://antg.cand.com.vn/ho-so-interpol/page-2/"),
]


@pytest.mark.parametrize(("pager", "next_url"), CAND_NEXT_ROWS)
def test_cand_list_follows_its_own_pager_first(pager, next_url):
    page = families.parse_list(SOURCES["cand"], "http://antg.cand.com.vn/ho-so-interpol/", _ANTG.format(pager=pager))
    assert [a.url for a in page.articles] == ["http://antg.cand.com.vn/ho-so-interpol/Truy-bat-doi-tuong-561300/"]
    assert page.next_urls == (next_url,)


CAND_URL_ROWS = [
    ("https://cand.com.vn/Hoat-dong-LL-CAND/tang-cuong-hop-tac--i707751/", True),
    ("http://antg.cand.com.vn/Kinh-te-Van-hoa-The-Thao/Cuoc-chay-dua-bao-ho-cong-nghe-Ai-huong-loi-545883/", True),
    ("http://antgct.cand.com.vn/Chuyen-de/Nhung-trang-viet-ve-nguoi-chien-si-546001/", True),
    ("http://vnca.cand.com.vn/ly-luan/Xay-dung-luc-luong-546012/", True),
    ("http://cstc.cand.com.vn/phong-su-tieu-diem/Luc-luong-Canh-sat-548100/", True),
    ("http://antg.cand.com.vn/ho-so-interpol/", False),  # a category
    ("http://img.cand.com.vn/resize/800x800/NewFiles/Images/2023/12/01/a-1701443100123/", False),  # another host
    ("http://antg.cand.com.vn.example.org/ho-so-interpol/Truy-bat-561300/", False),
]


@pytest.mark.parametrize(("url", "accepted"), CAND_URL_ROWS)
def test_cand_source_takes_the_legacy_subdomains(url, accepted):
    assert bool(re.search(SOURCES["cand"].article_url_pattern, url)) is accepted


DNN_NAME_ROWS = [
    ("Hội nghị &ldquo;Xây dựng Đảng&rdquo; năm 2026", "Hội nghị “Xây dựng Đảng” năm 2026"),
    ("Bắt giữ <b>3</b> đối tượng", "Bắt giữ 3 đối tượng"),
    ("Ra quân &amp; tuần tra", "Ra quân & tuần tra"),
    ("Tin thường", "Tin thường"),
]


@pytest.mark.parametrize(("name", "title"), DNN_NAME_ROWS)
def test_dnn_list_hint_title_is_plain_text(name, title):
    import json

    url = ("https://congan.hanoi.gov.vn/DesktopModules/cmsview/api/NewsContent/listnew?PortalId=0&ModuleId=422"
           "&GetType=3&PageIndex=1&txtKeyword=")
    data = {"ListData": [{"Id": 1, "Url": "tin", "Name": name, "PublishTime": "2026-01-20T07:45:00"}], "ListMoreData": []}
    page = families.parse_list(SOURCES["congan-ha-noi"], url, json.dumps(data, ensure_ascii=False))
    assert [a.hints.get("title") for a in page.articles] == [title]
