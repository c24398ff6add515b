"""families/datelines.py: a press release's dateline dates a page nothing else dates; one test per row.

The rows of the module's table each have an opening that the row accepts and one it refuses; the voter is
shown on small pages: the dateline taken last, never over another date, never from an event's date.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tintuc_feed import voters
from tintuc_feed.families import datelines
from tintuc_feed.model import RawArticle, RawDate
from tintuc_feed.process import normalize_article
from tintuc_feed.sources import Source

VN = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 11, 29, 10, 0, tzinfo=VN)

# (row, opening, day or None)
ROWS = [
    ("where: the body's first characters", "01.02.2022 – Der Arbeitsmarkt ist gut in das Jahr gestartet.", "2022-02-01"),
    ("where: not further in", "Der Arbeitsmarkt 01.02.2022 – ist gut in das Jahr gestartet.", None),
    ("place: capitalised words and a comma", "Karlsruhe, (12.11.2021). Traditionell gedenken Christen", "2021-11-12"),
    ("place: Vietnamese words", "Hà Nội, 02/06/2023 - Sáng nay, Bộ Công an tổ chức hội nghị", "2023-06-02"),
    ("place: a lower-case word is prose", "heute, 02/06/2023 - wurde bekannt", None),
    ("place: at most four words", "Die Stadt Karlsruhe hat heute, 12.11.2021. Traditionell", None),
    ("date: day, month, year with dots", "BERLIN, 01.02.2022 (dpa) – Die Zahl", "2022-02-01"),
    ("date: year first", "2022-02-01 – Die Zahl der Arbeitslosen", "2022-02-01"),
    ("date: a German month name", "BERLIN, 1. Februar 2022 (dpa) – Die Zahl", "2022-02-01"),
    ("date: an English month first", "WASHINGTON, Feb. 1, 2022 /PRNewswire/ -- The company", "2022-02-01"),
    ("date: an English day first", "LONDON, 1 February 2022 - The company", "2022-02-01"),
    ("date: a French month name", "PARIS, 3 mars 2021 – La société annonce", "2021-03-03"),
    ("date: a Spanish month name", "MADRID, 1 de febrero de 2022 - La empresa", "2022-02-01"),
    ("date: an Italian month name", "ROMA, 14 gennaio 2020 - Il parco annuncia", "2020-01-14"),
    ("date: no year is no dateline", "Sáng 26-5, Công an huyện phát hiện", None),
    ("date: a word before it is prose", "Ngày 1/6/2023, Công an tỉnh phát hiện", None),
    ("date: an English sentence", "On 1 February 2022, the company said", None),
    ("date: a source tag before it is prose", "(CAND) - Ngày 1/6/2023 Công an tỉnh", None),
    ("date: not a month name", "BERLIN, 1. Foobar 2022 – Die Zahl", None),
    ("date: an impossible day", "BERLIN, 41.02.2022 – Die Zahl", None),
    ("after: a comma makes a sentence", "1/6/2023, Công an huyện phát hiện", None),
    ("after: a word makes a sentence", "01.02.2022 war ein Dienstag", None),
    ("after: an opening quote", "01.02.2022 „Der Arbeitsmarkt ist gut in das Jahr 2022 gestartet.", "2022-02-01"),
    ("after: a pipe", "02/06/2023 | Công an tỉnh thông báo", "2023-06-02"),
]


@pytest.mark.parametrize(("row", "opening", "day"), ROWS, ids=[r[0] for r in ROWS])
def test_dateline_row(row, opening, day):
    assert datelines.dateline_day(opening) == day


def test_every_month_name_row_reads_its_twelve_months():
    for _lang, names in datelines.MONTH_NAMES:
        for number, name in enumerate(names, start=1):
            assert datelines.dateline_day(f"BERLIN, 3 {name} 2021 – Text") == f"2021-{number:02d}-03", name


def test_the_opening_skips_headings_and_photos():
    body = ("<h3>Auch am Jahresanfang auf Erholungskurs</h3><figure><img src='a.jpg'><figcaption>12.03.2020 Foto"
            "</figcaption></figure><p><strong>01.02.2022 „Der Arbeitsmarkt</strong> ist gut gestartet.</p>")
    opening = datelines.body_opening(body)
    assert opening.startswith("01.02.2022 „Der Arbeitsmarkt ist gut")
    assert datelines.dateline_day(opening) == "2022-02-01"
    assert datelines.body_opening("") == "" and datelines.body_opening(None) == ""


def test_the_opening_is_the_next_block_after_a_byline_line_only():
    body = "<p>Von Claudia Lindner</p><p>27.1.2022 - Bei der Erinnerung an die Verfolgten</p>"
    assert datelines.dateline_day(datelines.body_opening(body)) == "2022-01-27"
    body = "<p>Bởi Nguyễn Văn A</p><p>02/06/2023 | Công an tỉnh thông báo</p>"
    assert datelines.dateline_day(datelines.body_opening(body)) == "2023-06-02"
    # a first block that is not a byline, or a long one, is the opening: the date under it is in the text
    body = "<p>Die Stadt meldet</p><p>27.1.2022 - Bei der Erinnerung an die Verfolgten</p>"
    assert datelines.dateline_day(datelines.body_opening(body)) is None
    body = "<p>Von den vielen Besuchern des Gedenktages im Rathaus der Stadt blieben die meisten bis zum Abend</p>" \
           "<p>27.1.2022 - Bei der Erinnerung</p>"
    assert datelines.dateline_day(datelines.body_opening(body)) is None


SOURCE = Source(id="adhoc", name="example.org", list_urls=("https://example.org/",), article_url_pattern=".")
TITLE = "Der Arbeitsmarkt ist gut in das neue Jahr gestartet"
REST = ("Die Zahl der arbeitslosen Menschen ist im Januar zwar gestiegen, aber deutlich weniger als sonst in "
        "diesem Monat. Die Unternehmen suchen weiter Personal, und die Kurzarbeit geht zurück.</p>"
        "<p>Die Bundesagentur legt die Zahlen jeden Monat vor; sie gelten für das ganze Bundesgebiet.</p>")


def page(first: str, head: str = "") -> str:
    return (f"<html><head><title>{TITLE}</title>{head}</head><body><div class='nav'><a href='/'>Start</a></div>"
            f"<div class='article'><h1>{TITLE}</h1><div class='content'><p>{first} {REST}</div></div></body></html>")


def read(html: str) -> RawArticle:
    return voters.read_article(SOURCE, "https://example.org/news/arbeitsmarkt", html, now=NOW)


def test_voter_dates_a_press_release_by_its_dateline_as_a_day():
    raw = read(page("Nürnberg, (01.02.2022)."))  # one long line with the paragraph: no header line shows it
    assert raw.matched["date"].startswith("body:dateline") and raw.matched["date_vote"] == "htmldate:none"
    assert raw.dates[0] == RawDate("2022-02-01", "text")
    article = normalize_article(raw, SOURCE, fetched_at=NOW)
    assert article.published == datetime(2022, 2, 1, tzinfo=VN) and article.date_precision == "date"


def test_voter_takes_no_event_date_from_a_police_reports_first_sentence():
    raw = read(page("Ngày 1/6/2023, Công an tỉnh phát hiện một vụ việc."))
    assert "date" not in raw.matched and pick(raw) is None


def test_voter_dateline_never_overrides_a_structural_date():
    head = '<meta property="article:published_time" content="2022-01-30T08:00:00+01:00">'
    raw = read(page("<strong>Nürnberg, (01.02.2022).</strong>", head))
    assert raw.matched["date"] == "meta" and pick(raw).value.date().isoformat() == "2022-01-30"


def test_voter_dateline_never_overrides_the_list_pages_date():
    html = page("<strong>Nürnberg, (01.02.2022).</strong>")
    raw = voters.read_article(SOURCE, "https://example.org/news/arbeitsmarkt", html, now=NOW,
                              hints={"date": "31/01/2022"})
    assert not raw.matched.get("date", "").startswith("body:dateline")
    assert pick(raw).value.date().isoformat() == "2022-01-31"


def pick(raw: RawArticle):
    from tintuc_feed.normalize.dates import pick_published

    return pick_published(raw.dates, now=NOW)
