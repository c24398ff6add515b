"""dnn-cmsview installed in a virtual directory: __dnnVariable's sf_siteRoot = "/portal/"."""

from __future__ import annotations

import json

import pytest

from tintuc_feed.families import dnn_cmsview as dnn

CATEGORY = """<html><head><title>Tin</title></head><body><form>
<input type="hidden" name="__dnnVariable" id="__dnnVariable" value="`{`sf_siteRoot`:`/portal/`,`sf_tabId`:`55`}" />
<script>myService.getNewsBlockContents(0, 698, 3, pageIndex, '');</script>
<p>Danh sách tin</p></form></body></html>"""


def test_site_root_from_dnn_variable():
    assert dnn.site_root(CATEGORY) == "/portal"
    assert dnn.site_root(CATEGORY.replace("/portal/", "/")) == ""
    assert dnn.site_root("<html></html>") == ""


SITE_ROOT_ROWS = [
    # (__dnnVariable value as written in the page, the portal's path)
    ("`{`sf_siteRoot`:`/portal/`,`sf_tabId`:`55`}", "/portal"),
    ("`{`&quot;__scdoff`&quot;:`&quot;1`&quot;,`&quot;sf_siteRoot`&quot;:`&quot;/portal/`&quot;}", "/portal"),  # entities
    ("{&quot;sf_siteRoot&quot;:&quot;/cong-an/&quot;,&quot;sf_tabId&quot;:&quot;87&quot;}", "/cong-an"),
    ("{&#34;sf_siteRoot&#34;:&#34;/&#34;}", ""),
]


@pytest.mark.parametrize(("value", "root"), SITE_ROOT_ROWS)
def test_site_root_quoted_any_way(value, root):
    assert dnn.site_root(f'<input type="hidden" name="__dnnVariable" value="{value}" />') == root


def test_list_and_article_api_calls_stay_under_the_virtual_directory():
    page = dnn.parse_list("https://example.gov.vn/portal/tin-tuc", CATEGORY, None)
    (api,) = page.next_urls
    assert api.startswith("https://example.gov.vn/portal/DesktopModules/cmsview/api/NewsContent/listnew?")
    assert "ModuleId=698" in api
    data = json.dumps({"ListData": [{"Id": 7, "Name": "Bài", "Url": "bai-viet"}]})
    listing = dnn.parse_list(api, data, None)
    (link,) = listing.articles
    assert link.fetch_url == "https://example.gov.vn/portal/DesktopModules/cmsview/api/NewsContent/getbyid?id=7"
    assert link.url == "https://example.gov.vn/portal/tin-tuc/bai-viet-7"
    assert listing.next_urls[0].startswith("https://example.gov.vn/portal/DesktopModules/")


def test_host_root_install_unchanged():
    page = dnn.parse_list("https://example.gov.vn/tin-tuc", CATEGORY.replace("/portal/", "/"), None)
    assert page.next_urls[0].startswith("https://example.gov.vn/DesktopModules/cmsview/")
