"""Fraud warnings (cảnh báo lừa đảo): the trick, and the numbers, links, apps and accounts it uses.

Every table row is (folded pattern, label, why).  Official addresses a warning
points to (``*.gov.vn``, OFFICIAL_DOMAINS) are kept apart from the scammers'
and never become indicators; so are the police numbers it tells people to call.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .phones import find_phones, phone_role
from .text import UPPER, Document, Found

# ---- tricks --------------------------------------------------------------------------------------
_IMPERSONATE = r"\b(gia danh|mao danh|gia mao)\b"
_CALL = r"\b(goi dien|cuoc goi|dien thoai|goi cho)\b"

# (label, Vietnamese display label, pattern on folded text, why)
TRICKS: tuple[tuple[str, str, re.Pattern, str], ...] = (
    ("fake-police-call", "Giả danh Công an gọi điện",
     re.compile(_IMPERSONATE + r"[^.;\n]{0,40}\bcong an\b[^.;\n]*" + _CALL + "|" + _CALL + r"[^.;\n]{0,60}"
                + _IMPERSONATE + r"[^.;\n]{0,30}\bcong an\b"),
     "someone posing as the police, by phone, in one sentence"),
    ("fake-authority", "Giả danh cơ quan nhà nước",
     re.compile(_IMPERSONATE + r"[^.;\n]{0,30}\b(vien kiem sat|toa an|co quan thue|bao hiem xa hoi)\b"),
     "posing as a prosecutor, a court, the tax office or social insurance"),
    ("fake-app", "Cài ứng dụng giả", re.compile(r"\b(cai dat|cai|tai)( ve)? (ung dung|app|phan mem)\b"),
     "the victim is made to install an app"),
    ("phishing-link", "Đường link giả mạo", re.compile(r"\b(duong link|link|duong dan la)\b"),
     "the victim is sent a link"),
    ("investment", "Đầu tư, tiền ảo", re.compile(r"\b(dau tu|tien ao|chung khoan|san giao dich|forex|tien dien tu)\b"),
     "an investment with promised returns"),
    ("job-offer", "Việc nhẹ lương cao, làm nhiệm vụ",
     re.compile(r"\b(viec nhe luong cao|cong tac vien|lam nhiem vu|tuyen dung|viec lam online)\b"),
     "a job offer or paid online tasks"),
    ("romance", "Làm quen, hẹn hò qua mạng", re.compile(r"\b(lam quen|hen ho)\b"), "an online acquaintance or date"),
    ("prize", "Trúng thưởng, quà tặng", re.compile(r"\b(trung thuong|qua tang|nhan qua|phan thuong)\b"),
     "a prize or a gift to collect for a fee"),
    ("fake-bank", "Giả danh ngân hàng", re.compile(_IMPERSONATE + r"( nhan vien)? ngan hang\b"),
     "posing as a bank"),
    ("online-loan", "Vay tiền trực tuyến",
     re.compile(r"\b(vay tien|cho vay)( tien)? (online|truc tuyen|qua ung dung|qua app|qua mang)\b|\bkhoan vay\b"),
     "a loan offered online, against a fee paid first"),
    ("utility-bill", "Giả danh điện lực, nước", re.compile(r"\b(dien luc|tien dien|tien nuoc|cap nuoc)\b"),
     "an unpaid power or water bill"),
    ("sim-lock", "Khóa SIM, chuẩn hóa thuê bao",
     re.compile(r"\b(khoa sim|chuan hoa (thong tin )?thue bao|thue bao (sap )?bi khoa|nha mang)\b"),
     "a SIM or subscription about to be cut"),
    ("relative-emergency", "Người thân cấp cứu, gặp nạn", re.compile(r"\b(cap cuu|bi tai nan|gap nan)\b"),
     "a relative in hospital or in trouble, money needed at once"),
    ("recovery-scam", "Lấy lại tiền bị lừa", re.compile(r"\b(lay lai tien|thu hoi tien)\b"),
     "help offered to recover money already lost"),
    ("fake-delivery", "Giả danh giao hàng", re.compile(r"\b(giao hang|shipper|buu pham|phi van chuyen)\b"),
     "a parcel to pay for (not \"đơn hàng\": task scams use it for their fake orders)"),
    ("online-shopping", "Mua bán hàng qua mạng, đặt cọc",
     re.compile(r"\b(ban hang gia re|mua sam|mua hang (online|qua mang)|dat coc|tien coc)\b"),
     "goods sold cheap online, paid or deposited for, never sent"),
    ("traffic-fine", "Phạt nguội giả", re.compile(r"\b(phat nguoi|nop phat)\b"), "a traffic fine to pay"),
)
TRICK_LABELS = {label: display for label, display, _p, _w in TRICKS}


def tricks(doc: Document) -> list[Found]:
    """Each trick the warning describes, once, at its first mention."""
    found = []
    for label, _display, pattern, _why in TRICKS:
        match = pattern.search(doc.folded)
        if match:
            found.append(doc.found(label, match.start(), match.end()))
    return sorted(found, key=lambda f: f.span.start)


# ---- impersonated bodies -----------------------------------------------------------------------
BODIES = ("cuc canh sat giao thong", "vien kiem sat", "toa an", "co quan thue", "bao hiem xa hoi", "cong an",
          "ngan hang", "nha mang", "dien luc", "hai quan", "buu dien", "giao vien", "bac si", "luat su",
          "nhan vien giao hang")
_BODY = re.compile(r"(" + "|".join(sorted(BODIES, key=len, reverse=True)) + r")\b")
_ROLE = re.compile(r"(nhan vien|can bo|chien si|nguoi cua|cong chuc) ")
_NAMED = re.compile(f" {UPPER}\\w+")  # "ngân hàng Vietcombank", "nhà mạng Viettel"
_IMPERSONATE_RE = re.compile(_IMPERSONATE + r"( la)?\s+")


def impersonated(doc: Document) -> list[Found]:
    """The bodies scammers pose as ("giả danh cán bộ Viện kiểm sát, Tòa án" -> both), without repeats."""
    found: list[Found] = []
    body = list(_IMPERSONATE_RE.finditer(doc.folded, doc.body_start))
    title = list(_IMPERSONATE_RE.finditer(doc.folded, 0, len(doc.title)))
    for cue in body + title:  # the body's spelling first ("Điện lực", not the title's "điện lực")
        position = cue.end()
        while body := _body_at(doc, position):
            found.append(body)
            joiner = re.compile(r"(, | va | hoac )").match(doc.folded, body.span.end)
            if not joiner:
                break
            position = joiner.end()
    return _without_repeats(found)


def _body_at(doc: Document, position: int) -> Found | None:
    match = _BODY.match(doc.folded, position)
    if not match:
        role = _ROLE.match(doc.folded, position)
        match = _BODY.match(doc.folded, role.end()) if role else None
    if not match:
        return None
    end = match.end()
    if match.group(1) in ("ngan hang", "nha mang") and (named := _NAMED.match(doc.text, end)):
        end = named.end()
    return doc.found(doc.text[match.start():end], match.start(), end)


def _without_repeats(found: list[Found]) -> list[Found]:
    """First mention of each body; a bare "ngân hàng" is dropped when a named one is there."""
    keys = [doc_key(f.value) for f in found]
    kept, seen = [], set()
    for item, key in zip(found, keys, strict=True):
        longer = any(other != key and other.startswith(key + " ") for other in keys)
        if key not in seen and not longer:
            seen.add(key)
            kept.append(item)
    return kept


def doc_key(value: str) -> str:
    from .text import fold_same_length

    return " ".join(fold_same_length(value).split())


# ---- links ---------------------------------------------------------------------------------------
URL = re.compile(r"\bhttps?://[^\s<>\"'“”()]+", re.IGNORECASE)
TLDS = ("com", "net", "org", "vn", "xyz", "online", "vip", "cc", "top", "info", "site", "shop", "club", "app", "io",
        "me", "link", "live", "store", "asia", "biz", "pro", "co", "tk", "icu", "cloud")
DOMAIN = re.compile(r"(?<![\w@.\-/])((?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+(?:" + "|".join(TLDS) + r"))(?![\w\-]|\.\w)",
                    re.IGNORECASE)
OFFICIAL_DOMAINS = ("csgt.vn", "vneid.gov.vn", "dichvucong.gov.vn", "chongluadao.vn", "evn.com.vn")


def is_official(domain: str) -> bool:
    """A state address a warning points people to (*.gov.vn, OFFICIAL_DOMAINS): never an indicator."""
    domain = domain.lower()
    return domain.endswith(".gov.vn") or any(domain == d or domain.endswith("." + d) for d in OFFICIAL_DOMAINS)


def urls(doc: Document) -> list[Found]:
    found = []
    for match in URL.finditer(doc.text):
        value = match.group(0).rstrip(".,;:!?")
        found.append(doc.found(value, match.start(), match.start() + len(value)))
    return found


def domains(doc: Document, links: list[Found]) -> list[Found]:
    """Domains of the links, then bare domains ("bitmaxx-invest.net") outside them, each once."""
    found = []
    for link in links:
        host = (urlsplit(link.value).hostname or "").lower()
        if host:
            start = link.span.start + link.span.text.lower().find(host)
            found.append(doc.found(host, start, start + len(host)))
    for match in DOMAIN.finditer(doc.text):
        if not any(link.span.start <= match.start() < link.span.end for link in links):
            found.append(doc.found(match.group(1).lower(), match.start(1), match.end(1)))
    seen, unique = set(), []
    for item in found:
        if item.value not in seen:
            seen.add(item.value)
            unique.append(item)
    return unique


def defang(value: str) -> str:
    """A link or domain made unclickable for display: hxxps://evil[.]com."""
    return re.sub(r"^http", "hxxp", value, flags=re.IGNORECASE).replace(".", "[.]")


# ---- apps and bank accounts ----------------------------------------------------------------------
APPS = ("VNeID", "Zalo", "Telegram", "Facebook", "Messenger", "TikTok", "Shopee", "Lazada", "Tiki", "Viber",
        "WhatsApp", "Momo", "ZaloPay", "VNPay", "Binance", "Instagram", "Signal", "Skype", "AnyDesk", "TeamViewer")
_APP_TABLE = re.compile(r"\b(" + "|".join(a.lower() for a in APPS) + r")\b")
_APP_CUE = re.compile(r"\b(ung dung|app|phan mem)\b")
_APP_QUOTED = re.compile(r"(?: [^\s\"“]+){0,3}\s*[\"“]([^\"”\n]{2,40})[\"”]")
_APP_BARE = re.compile(f" ({UPPER}[\\w]+)")


def apps(doc: Document) -> list[Found]:
    """Apps named: the table's, and a quoted or capitalized name after "ứng dụng / app / phần mềm"."""
    found = [doc.found(doc.text[m.start():m.end()], m.start(), m.end()) for m in _APP_TABLE.finditer(doc.folded)]
    for cue in _APP_CUE.finditer(doc.folded):
        match = _APP_QUOTED.match(doc.text, cue.end()) or _APP_BARE.match(doc.text, cue.end())
        if match:
            found.append(doc.found(match.group(1), match.start(1), match.end(1)))
    seen, unique = set(), []
    for item in sorted(found, key=lambda f: f.span.start):
        if item.value.lower() not in seen:
            seen.add(item.value.lower())
            unique.append(item)
    return unique


BANKS = ("Vietcombank", "VietinBank", "BIDV", "Agribank", "Techcombank", "MB Bank", "MBBank", "MB", "ACB",
         "Sacombank", "VPBank", "TPBank", "VIB", "SHB", "HDBank", "OCB", "SeABank", "MSB", "Eximbank", "LPBank",
         "LienVietPostBank", "Nam A Bank", "Bac A Bank", "Bắc Á", "Kienlongbank", "PVcomBank", "Cake", "Timo")
_BANK = re.compile(r"\b(" + "|".join(re.escape(b.lower()) for b in sorted(BANKS, key=len, reverse=True)) + r")\b",
                   re.IGNORECASE)
_ACCOUNT_CUE = re.compile(r"\b(so tai khoan|tai khoan so|tai khoan|stk)\s*(so)?\s*:?\s*")
_ACCOUNT_NUMBER = re.compile(r"\d(?:[ .]?\d){5,18}(?!\d)")
_BANK_GAP = re.compile(r"[\s,\-–(]*(?:(?:mo )?tai |cua |ngan hang |ngân hàng )*", re.IGNORECASE)


def accounts(doc: Document) -> list[Found]:
    """Bank accounts: {"number": digits, "bank": as written, when named right after}."""
    found = []
    for cue in _ACCOUNT_CUE.finditer(doc.folded):
        number = _ACCOUNT_NUMBER.match(doc.text, cue.end())
        if not number:
            continue
        value: dict[str, str] = {"number": re.sub(r"\D", "", number.group(0))}
        end = number.end()
        gap = _BANK_GAP.match(doc.folded, end)
        bank = _BANK.match(doc.text, gap.end()) if gap else None
        if bank and gap.end() - end <= 20:
            value["bank"] = bank.group(0)
            end = bank.end()
        found.append(doc.found(value, number.start(), end))
    return found


def read_fraud(doc: Document) -> dict[str, list[Found]]:
    """Every field of a fraud warning (lists, possibly empty)."""
    account_list = accounts(doc)
    taken = tuple((a.span.start, a.span.end) for a in account_list)
    phones = find_phones(doc, doc.body_start, exclude=taken) + find_phones(doc, 0, len(doc.title))
    links = urls(doc)
    all_domains = domains(doc, links)
    return {
        "tricks": tricks(doc),
        "phones": [p for p in phones if phone_role(doc, p) == "scam"],
        "contact_phones": [p for p in phones if phone_role(doc, p) == "contact"],
        "urls": [u for u in links if not is_official(urlsplit(u.value).hostname or "")],
        "domains": [d for d in all_domains if not is_official(d.value)],
        "official_domains": [d for d in all_domains if is_official(d.value)],
        "apps": apps(doc),
        "accounts": account_list,
        "impersonated": impersonated(doc),
    }
