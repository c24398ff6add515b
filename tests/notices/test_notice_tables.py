"""Each row of each notice table, with an example that only that row explains.

Every table row must have an example here: a row added without one fails
test_every_row_has_an_example.
"""

from __future__ import annotations

import pytest

from tintuc_feed.notices import appeal, fraud, wanted
from tintuc_feed.notices.classify import RULES, STORY, classify
from tintuc_feed.notices.phones import ROLE_CUES, find_phones, phone_role, to_e164
from tintuc_feed.notices.text import Document, fold_same_length

# rule id -> (title, body, kind)
RULE_EXAMPLES = {
    "court-report": ("Xét xử đối tượng bị truy nã về tội giết người", "Tòa án tuyên phạt bị cáo 20 năm tù.", STORY),
    "dinh-na-title": ("Thông báo đình nã", "Ra Quyết định đình nã số 3/QĐ-CSĐT.", "withdrawal"),
    "arrest-of-wanted-title": ("Sa lưới sau 5 năm bị truy nã", "Đối tượng bị bắt tại Lào Cai.", "withdrawal"),
    "wanted-title": ("Lệnh truy nã", "Nguyễn Văn A, sinh năm 1980.", "wanted"),
    "wanted-decision-body": ("Thông báo", "Quyết định truy nã số 4/QĐ-CSĐT đối với Lê Văn B. Ai phát hiện báo ngay.",
                             "wanted"),
    "appeal-title": ("Công an tìm chủ sở hữu xe máy", "Đề nghị liên hệ Công an xã.", "appeal"),
    "fraud-warning-title": ("Cảnh giác chiêu trò mạo danh ngân hàng", "Không cung cấp mã OTP.", "fraud"),
}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_row(rule):
    title, body, kind = RULE_EXAMPLES[rule.id]
    found = classify(Document(title, body))
    assert (found.kind, found.rule) == (kind, rule.id)


def test_every_row_has_an_example():
    assert set(RULE_EXAMPLES) == {r.id for r in RULES}
    assert set(TRICK_EXAMPLES) == {row[0] for row in fraud.TRICKS}
    assert set(ASK_EXAMPLES) == {row[0] for row in appeal.ASKS}
    assert set(REASON_EXAMPLES) == {row[1] for row in wanted.REASONS}
    assert len(ROLE_EXAMPLES) == len(ROLE_CUES)


@pytest.mark.parametrize(("title", "body"), [
    ("Cảnh báo nguy cơ cháy nổ trong mùa khô", "Người dân cần cảnh giác khi dùng điện."),
    ("Khởi tố đối tượng lừa đảo chiếm đoạt tài sản", "Đối tượng đã bị bắt."),
    ("Tổng kết năm", "Bắt 30 đối tượng truy nã. Quyết định truy nã số 1/QĐ được thi hành."),
])
def test_near_misses_stay_stories(title, body):
    assert classify(Document(title, body)).kind == STORY


TRICK_EXAMPLES = {
    "fake-police-call": "Đối tượng giả danh cán bộ Công an phường gọi điện cho bà H.",
    "fake-authority": "Kẻ gian mạo danh Tòa án yêu cầu chuyển tiền.",
    "fake-app": "Nạn nhân được hướng dẫn tải app về máy.",
    "phishing-link": "Tin nhắn chứa đường link lạ.",
    "investment": "Mời chào tham gia sàn giao dịch quốc tế.",
    "job-offer": "Tuyển cộng tác viên bán hàng tại nhà.",
    "romance": "Đối tượng làm quen qua mạng.",
    "prize": "Thông báo trúng thưởng xe máy.",
    "fake-bank": "Tin nhắn giả mạo ngân hàng ACB.",
    "online-loan": "Quảng cáo vay tiền online không cần thế chấp.",
    "utility-bill": "Báo khách hàng nợ tiền nước.",
    "sim-lock": "Thông báo khóa SIM trong 2 giờ.",
    "relative-emergency": "Báo tin con bị tai nạn ở trường.",
    "recovery-scam": "Hứa giúp lấy lại tiền đã mất.",
    "fake-delivery": "Gọi điện báo có bưu phẩm cần thanh toán.",
    "online-shopping": "Đăng bán hàng giá rẻ, yêu cầu chuyển tiền đặt cọc.",
    "traffic-fine": "Tin nhắn yêu cầu nộp phạt qua mạng.",
}


@pytest.mark.parametrize("label", list(TRICK_EXAMPLES))
def test_trick_row(label):
    found = [f.value for f in fraud.tricks(Document("", TRICK_EXAMPLES[label]))]
    assert found == [label]


ASK_EXAMPLES = {
    "victim": "Ai là bị hại đề nghị liên hệ.",
    "owner": "Tìm chủ sở hữu chiếc xe máy.",
    "witness": "Ai là người chứng kiến vụ việc.",
    "relatives": "Tìm người thân của nạn nhân.",
}


@pytest.mark.parametrize("label", list(ASK_EXAMPLES))
def test_ask_row(label):
    assert [f.value for f in appeal.asks(Document("", ASK_EXAMPLES[label]))] == [label]


REASON_EXAMPLES = {
    "dead": "Đối tượng đã chết do bệnh.",
    "surrendered": "Đối tượng ra trình diện.",
    "arrested": "Đối tượng sa lưới tại Lào Cai.",
    "cancelled": "Thu hồi quyết định.",
}


@pytest.mark.parametrize("reason", list(REASON_EXAMPLES))
def test_withdrawal_reason_row(reason):
    assert wanted.withdrawal_reason(Document("", REASON_EXAMPLES[reason])).value == reason


# (sentence with one number, role): one per ROLE_CUES row, in order
ROLE_EXAMPLES = [
    ("Phát hiện nghi vấn, báo ngay cho số 0912345678.", "contact"),
    ("Người dân liên hệ Công an xã, điện thoại 0912345678.", "contact"),
    ("Gọi đến số trực ban 0912345678.", "contact"),
    ("Đầu số lạ 0912345678 liên tục gọi.", "scam"),
    ("Bà H. nhận cuộc gọi từ số 0912345678.", "scam"),
]


@pytest.mark.parametrize(("sentence", "role"), ROLE_EXAMPLES)
def test_phone_role_row(sentence, role):
    doc = Document("", sentence)
    [phone] = find_phones(doc)
    assert phone_role(doc, phone) == role


def test_a_number_followed_by_of_the_scammers_is_theirs():
    doc = Document("", "Liên hệ số 0912345678 của đối tượng không được.")
    assert phone_role(doc, find_phones(doc)[0]) == "scam"


@pytest.mark.parametrize(("raw", "e164"), [
    ("0868.123.456", "+84868123456"),
    ("0393 456 789", "+84393456789"),
    ("+84 886 555 999", "+84886555999"),
    ("(+84) 24 3999 8888", "+842439998888"),
    ("0084 912 345 678", "+84912345678"),
    ("069.2222.000", "+84692222000"),  # the police network: kept by our own rule
    ("1900 6868", "+8419006868"),
    ("0251 3822 456", "+842513822456"),
    ("113", None),
    ("0123", None),
    ("+1 415 555 0100", None),  # not Vietnamese
    ("0000000000", None),
])
def test_to_e164(raw, e164):
    assert to_e164(raw) == e164


def test_account_numbers_are_not_read_as_phones():
    doc = Document("", "Chuyển vào số tài khoản 0071001234567 Vietcombank.")
    taken = tuple((a.span.start, a.span.end) for a in fraud.accounts(doc))
    assert find_phones(doc, exclude=taken) == []


@pytest.mark.parametrize(("value", "shown"), [
    ("https://dichvucong-gov.vn.com/vneid", "hxxps://dichvucong-gov[.]vn[.]com/vneid"),
    ("evil.xyz", "evil[.]xyz"),
])
def test_defang(value, shown):
    assert fraud.defang(value) == shown


@pytest.mark.parametrize(("domain", "official"), [
    ("dichvucong.gov.vn", True), ("thuedientu.gdt.gov.vn", True), ("csgt.vn", True),
    ("dichvucong-gov.vn.com", False), ("gov.vn.evil.com", False), ("hoanthue-gdt.gov-vn.cc", False),
])
def test_official_domains(domain, official):
    assert fraud.is_official(domain) is official


@pytest.mark.parametrize("text", ["Thanh Hoá", "Đắk Lắk", "ĐKTT", "İstanbul", "e\u0301"])
def test_folding_keeps_length(text):
    assert len(fold_same_length(text)) == len(text)
