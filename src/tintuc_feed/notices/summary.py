"""One-line summaries of notice records (feed item titles, index.html, the table of `tintuc-feed notices`)."""

from __future__ import annotations

from typing import Any

from .appeal import ASK_LABELS
from .fraud import TRICK_LABELS, defang

REASON_WORDS = {"arrested": "đã bị bắt", "surrendered": "đã ra đầu thú", "dead": "đã chết",
                "cancelled": "quyết định truy nã đã bị hủy bỏ"}


def _v(field: dict[str, Any] | None) -> Any:
    return None if field is None else field["value"]


def person_line(record: dict[str, Any]) -> str:
    """"Lê Văn Tùng (sinh 1990) – Giết người"."""
    line = _v(record["name"])
    year = _v(record.get("birth_year"))
    if year:
        line += f" (sinh {year})"
    charges = _v(record.get("charges")) or []
    if charges:
        line += " – " + ", ".join(c["name"] for c in charges)
    return line


def wanted_title(record: dict[str, Any]) -> str:
    if record["status"] == "withdrawn":
        reason = REASON_WORDS.get(record["withdrawn_by"]["reason"] or "", "đã có thông báo đình nã")
        return f"Đã đình nã: {person_line(record)} ({reason})"
    return f"Truy nã: {person_line(record)}"


def fraud_title(record: dict[str, Any]) -> str:
    labels = [TRICK_LABELS[t["value"]] for t in record.get("tricks", [])]
    head = "Cảnh báo lừa đảo: " + (", ".join(labels) if labels else record["article"]["title"])
    counts = [(len(record.get("phones", [])), "số điện thoại"), (len(record.get("domains", [])), "tên miền"),
              (len(record.get("accounts", [])), "tài khoản")]
    extra = ", ".join(f"{n} {what}" for n, what in counts if n)
    return f"{head} ({extra})" if extra else head


def appeal_title(record: dict[str, Any]) -> str:
    asks = [ASK_LABELS[a["value"]] for a in record.get("asks", [])] or ["Thông báo tìm"]
    line = ", ".join(asks)
    unit = _v(record.get("contact_unit"))
    if unit:
        line += f": {unit}"
    deadline = _v(record.get("deadline"))
    days = _v(record.get("deadline_days"))
    if deadline:
        year, month, day = deadline.split("-")
        line += f" (hạn {day}/{month}/{year})"
    elif days:
        line += f" (trong {days} ngày)"
    return line


def indicator_lines(record: dict[str, Any]) -> list[str]:
    """The fraud record's numbers, links and accounts, links defanged."""
    lines = [f"Số điện thoại: {p['value']}" for p in record.get("phones", [])]
    lines += [f"Tên miền: {defang(d['value'])}" for d in record.get("domains", [])]
    lines += [f"Đường link: {defang(u['value'])}" for u in record.get("urls", [])]
    for account in record.get("accounts", []):
        value = account["value"]
        lines.append(f"Tài khoản: {value['number']}" + (f" ({value['bank']})" if value.get("bank") else ""))
    lines += [f"Ứng dụng: {a['value']}" for a in record.get("apps", [])]
    lines += [f"Giả danh: {b['value']}" for b in record.get("impersonated", [])]
    return lines
