"""Scrapy settings for tintuc-feed, grouped by purpose.

Values a user may want to change per run (delay, page caps, database) are
passed in by the runner as spider arguments or -s overrides, not edited here.
"""

BOT_NAME = "tintuc-feed"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# --- Identity and politeness ----------------------------------------------
# Say who we are; obey robots.txt; one request at a time per site with a delay
# that AutoThrottle raises when the site slows down.
USER_AGENT = "tintuc-feed/0.1 (police news feed builder; +https://pypi.org/project/tintuc-feed/)"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 1.0  # the runner passes --delay to change it
DOWNLOAD_DELAY_JITTER = 0.5  # each delay is DOWNLOAD_DELAY ± 50 %, so requests don't beat a fixed rhythm
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = DOWNLOAD_DELAY
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
COOKIES_ENABLED = False  # portals need none; a WAF cookie dance is not ours to play

# --- Failure handling -------------------------------------------------------
# Provincial portals are slow and flaky: retry twice on transient errors, give
# a page 30 s, never wait on a body larger than 8 MB.
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
# Scrapy's "Gave up retrying <GET …> (failed 3 times): …" at INFO (-v), not ERROR: every request of ours has an
# errback that logs the failure once, with the source, the URL and what to do (crawler/spiders/portal.py,
# crawler/robots.py; tests/faults/test_one_line_per_failure.py).
RETRY_GIVE_UP_LOG_LEVEL = "INFO"
DOWNLOAD_TIMEOUT = 30  # a source's download_timeout (or the sources file's [crawl] table) replaces it
TIMEOUT_RETRIES = 1  # a page that timed out is asked again once, not RETRY_TIMES (crawler/budget.py)
TIME_BUDGET = 1200  # seconds a source's crawl may take in one run; a source's time_budget replaces it
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
DNS_TIMEOUT = 20
# A 429 or 503 with Retry-After (seconds or an HTTP date) is retried after that long, up to this
# many seconds; a site asking for longer is not asked again: the source waits for its next run.
RETRY_AFTER_MAX = 120
REDIRECT_MAX_TIMES = 10

# --- Crawl policy (crawler/policy.py) ----------------------------------------
# Every request is checked against the source's site before anything else
# (robots.txt included); redirects and retries are Scrapy's, counted.
DOWNLOADER_MIDDLEWARES = {
    "crawler.policy.OffsitePolicyMiddleware": 45,  # before Scrapy's OffsiteMiddleware (50) and robots.txt (100)
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.robots.QuietRobotsTxtMiddleware": 100,  # an unreadable robots.txt said in one line (crawler/robots.py)
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.policy.RetryAfterMiddleware": 550,
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "crawler.policy.PolicyMetaRefreshMiddleware": 580,
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "crawler.policy.PolicyRedirectMiddleware": 600,
}
# Police portals often serve incomplete certificate chains (research 8.4);
# Scrapy's default context factory does not verify, which we keep on purpose.

# A source that runs past its TIME_BUDGET is stopped, what it read kept (crawler/budget.py).
EXTENSIONS = {"crawler.budget.SourceBudget": 500}

# --- Reading pages -----------------------------------------------------------
# Worker processes that read (family + normalization) the pages the reactor
# downloads (crawler/workers.py): None = one per CPU, 0 = on the reactor thread.
# `crawler.main` takes it from the TINTUC_EXTRACT_WORKERS environment variable.
EXTRACT_WORKERS = None

# --- Pipeline -----------------------------------------------------------------
# Items a response's output is handed to the pipeline through at once.  Scrapy's default (100) starts 100
# asyncio tasks for every response, whose output is one article or a list page's requests; the store
# pipeline is synchronous, so more than a few run nothing in parallel (not a politeness setting: requests
# are CONCURRENT_REQUESTS*).
CONCURRENT_ITEMS = 4
ITEM_PIPELINES = {
    "crawler.pipelines.StorePipeline": 300,
}

# --- Housekeeping -------------------------------------------------------------
LOG_LEVEL = "INFO"  # the runner passes --log-level
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False  # Scrapy 2.19's code-running HTTP endpoint and its token files: not wanted
FEED_EXPORT_ENCODING = "utf-8"
