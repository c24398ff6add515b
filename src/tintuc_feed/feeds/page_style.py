"""The stylesheet of index.html, inlined in the page (one file to serve, no request for CSS).

Readable Vietnamese text (fonts with full diacritics first, generous line
height), health states told by colour and by words, tables that turn into
stacked cards on a phone, a dark scheme, and no JavaScript anywhere.
"""

CSS = """
:root{--bg:#f4f5f7;--card:#fff;--ink:#1c2430;--muted:#5b6472;--line:#e2e5ea;--link:#0b57a4;
--ok:#0a7a3b;--ok-bg:#e3f5ea;--warn:#8a5300;--warn-bg:#fff1d6;--bad:#b42318;--bad-bg:#fde7e5;
--none:#5b6472;--none-bg:#eceef1;--accent:#b3261e}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);
font:17px/1.6 "Noto Sans","Segoe UI",Roboto,"Helvetica Neue",Arial,system-ui,sans-serif;
text-rendering:optimizeLegibility;-webkit-text-size-adjust:100%}
a{color:var(--link);text-underline-offset:.15em}a:hover{text-decoration-thickness:2px}
.wrap{max-width:72rem;margin:0 auto;padding:0 1.25rem}
.top{background:linear-gradient(135deg,#7f1d1d,#b3261e);color:#fff;padding:1.6rem 0 1.4rem}
.top h1{margin:0;font-size:2rem;line-height:1.25;letter-spacing:-.01em}
.top p{margin:.4rem 0 0;max-width:46rem;color:#fde8e6}.top a{color:#fff}
.summary{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin-top:1rem;font-size:.95rem}
.summary .badge{font-size:.9rem}
main{padding-bottom:2rem}
h2{font-size:1.35rem;margin:2rem 0 .75rem;line-height:1.3}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:1rem 1.25rem;margin:1rem 0;
box-shadow:0 1px 2px rgba(16,24,40,.05)}
.card>h2:first-child{margin-top:0}
.alert{border-left:6px solid var(--bad);background:var(--bad-bg)}
.alert h2{margin:0 0 .4rem;color:var(--bad);font-size:1.15rem}.alert ul{margin:.2rem 0;padding-left:1.2rem}
.all-feeds{display:flex;flex-wrap:wrap;gap:.75rem 1.5rem;align-items:center}
.all-feeds h2{margin:0}
.subscribe{display:inline-flex;flex-wrap:wrap;gap:.35rem}
.subscribe a{display:inline-block;padding:.1rem .55rem;border-radius:999px;border:1px solid currentColor;
font-size:.8rem;font-weight:600;text-decoration:none;line-height:1.5;white-space:nowrap}
.subscribe a.rss{color:#b45309}.subscribe a.atom{color:#0b57a4}.subscribe a.json{color:#6d28d9}
.subscribe a.opml{color:#0a7a3b}.subscribe a:hover{background:var(--bg)}
ol.news{list-style:none;margin:0;padding:0}
ol.news li{padding:.7rem 0;border-top:1px solid var(--line)}ol.news li:first-child{border-top:0}
ol.news a{font-weight:600;font-size:1.08rem;line-height:1.4;text-decoration:none}
ol.news a:hover{text-decoration:underline}
.meta,.muted{color:var(--muted);font-size:.9rem}.meta{display:block;margin-top:.15rem}
.group h3{margin:0;font-size:1.2rem}
.group-head{display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:baseline;justify-content:space-between;
margin-bottom:.5rem}
table{border-collapse:collapse;width:100%;font-size:.95rem;table-layout:fixed}
th:nth-child(1){width:24%}th:nth-child(2){width:22%}th:nth-child(3){width:13%}th:nth-child(4){width:8%}
th:nth-child(6){width:15%}
th,td{text-align:left;padding:.55rem .6rem;border-top:1px solid var(--line);vertical-align:top}
thead th{border-top:0;font-size:.8rem;text-transform:uppercase;letter-spacing:.03em;color:var(--muted)}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td.err{overflow-wrap:anywhere;color:var(--muted);font-size:.88rem;max-width:22rem}
tr.state-bad{background:var(--bad-bg)}tr.state-bad td:first-child{box-shadow:inset 4px 0 var(--bad)}
tr.state-warn td:first-child{box-shadow:inset 4px 0 #d08a00}
.name{font-weight:600}
.badge{display:inline-block;padding:.05rem .6rem;border-radius:999px;font-weight:700;font-size:.82rem;
white-space:nowrap}
.badge.ok{color:var(--ok);background:var(--ok-bg)}.badge.warn{color:var(--warn);background:var(--warn-bg)}
.badge.bad{color:var(--bad);background:var(--bad-bg);border:1px solid var(--bad)}
.badge.none{color:var(--none);background:var(--none-bg)}
.reason{display:block;margin-top:.25rem;color:var(--bad);font-weight:600;font-size:.9rem}
.general li{margin:.45rem 0}.general{padding-left:1.2rem}
footer{padding:1.5rem 0 2.5rem;border-top:1px solid var(--line)}
@media (max-width:46rem){
body{font-size:16px}.top h1{font-size:1.6rem}
table,tbody,tr,td{display:block;width:100%}thead{display:none}
tr{border-top:1px solid var(--line);padding:.4rem 0}td{border:0;padding:.2rem .3rem}
td[data-label]::before{content:attr(data-label) ": ";color:var(--muted);font-size:.85rem}
td.num{text-align:left}tr.state-bad td:first-child{box-shadow:none}
}
@media (prefers-color-scheme:dark){
:root{--bg:#12161c;--card:#1b2129;--ink:#e8eaed;--muted:#a4acb9;--line:#2d3541;--link:#8ab4f8;
--ok:#6dd58c;--ok-bg:#16301f;--warn:#f2b45a;--warn-bg:#3a2a10;--bad:#ff8a80;--bad-bg:#3b1714;
--none:#a4acb9;--none-bg:#262d37}
.subscribe a.rss{color:#f2b45a}.subscribe a.atom{color:#8ab4f8}.subscribe a.json{color:#c4a7ff}
.subscribe a.opml{color:#6dd58c}
}
@media print{.top{background:none;color:#000}.top p,.top a{color:#000}.subscribe{display:none}}
"""
