"""Near-duplicate detection: pairs that must match and pairs that must not, from a table."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tintuc_feed.dedupe import THRESHOLDS, StoryIndex, cluster_texts, shingle_hashes, shingles, signature, words

STORY = (
    "Ngày 9/7, Công an tỉnh Thanh Hóa cho biết, Phòng Cảnh sát hình sự vừa phối hợp với Công an huyện "
    "Quảng Xương bắt giữ Lê Văn Tùng, 34 tuổi, trú tại xã Quảng Nham, về hành vi lừa đảo chiếm đoạt tài sản.\n\n"
    "Theo cơ quan điều tra, từ tháng 3 đến tháng 6 năm nay, Tùng lập nhiều tài khoản mạng xã hội giả danh "
    "nhân viên một công ty tài chính, đăng quảng cáo cho vay tiền lãi suất thấp, thủ tục nhanh gọn. Khi có "
    "người liên hệ, Tùng yêu cầu nộp phí bảo hiểm khoản vay và phí xác minh hồ sơ vào tài khoản do đối tượng "
    "cung cấp, rồi cắt đứt liên lạc.\n\n"
    "Bằng thủ đoạn này, Tùng đã chiếm đoạt hơn 800 triệu đồng của 27 bị hại ở nhiều tỉnh, thành phố. Số tiền "
    "chiếm đoạt được, đối tượng dùng để tiêu xài cá nhân và đánh bạc qua mạng. Tại cơ quan công an, Tùng đã "
    "khai nhận toàn bộ hành vi phạm tội của mình.\n\n"
    "Hiện Cơ quan Cảnh sát điều tra Công an tỉnh Thanh Hóa đang tiếp tục điều tra, mở rộng vụ án, xác minh "
    "các bị hại khác để xử lý theo quy định của pháp luật."
)

ADVICE = (
    "Công an khuyến cáo người dân tuyệt đối không cung cấp thông tin cá nhân, mã OTP, số tài khoản ngân hàng "
    "cho người lạ; không chuyển tiền vào tài khoản không rõ nguồn gốc. Khi phát hiện dấu hiệu lừa đảo, cần "
    "báo ngay cho cơ quan công an gần nhất hoặc gọi số điện thoại 113 để được hỗ trợ kịp thời."
)

FRAUD_SMS = (
    "Thời gian gần đây, Công an thành phố Hà Nội tiếp nhận nhiều đơn trình báo của người dân về việc nhận "
    "được tin nhắn thông báo trúng thưởng xe máy từ một chương trình tri ân khách hàng của nhà mạng. Để nhận "
    "giải, người dân được hướng dẫn truy cập một đường link lạ và điền thông tin thẻ ngân hàng, sau đó tài "
    "khoản bị rút sạch tiền chỉ trong vài phút.\n\n" + ADVICE
)

FRAUD_POLICE_CALL = (
    "Phòng An ninh mạng Công an tỉnh Nghệ An vừa phát đi cảnh báo về thủ đoạn giả danh cán bộ công an gọi "
    "điện thông báo người dân liên quan đến đường dây rửa tiền, yêu cầu cài đặt ứng dụng định danh điện tử "
    "giả mạo. Sau khi cài đặt, ứng dụng chiếm quyền điều khiển điện thoại và chuyển tiền khỏi tài khoản của "
    "nạn nhân. Một phụ nữ ở thành phố Vinh đã mất gần hai tỷ đồng theo cách này.\n\n" + ADVICE
)

ARREST_TEMPLATE = (
    "Ngày {d}, Cơ quan Cảnh sát điều tra Công an {unit} đã ra quyết định khởi tố vụ án, khởi tố bị can và "
    "lệnh bắt tạm giam {name}, {age} tuổi, trú tại {place} về tội {crime}.\n\n{facts}\n\n"
    "Vụ án đang được cơ quan công an tiếp tục điều tra, làm rõ để xử lý theo quy định của pháp luật."
)

ARREST_A = ARREST_TEMPLATE.format(
    d="12/7",
    unit="huyện Thọ Xuân",
    name="Nguyễn Văn Bình",
    age=41,
    place="xã Xuân Lập",
    crime="trộm cắp tài sản",
    facts="Trước đó, khoảng 2 giờ sáng, Bình lẻn vào nhà anh Trần Văn Hùng, lấy trộm một xe máy Honda Wave cùng "
    "chiếc điện thoại đang sạc pin. Chiếc xe sau đó được Bình mang sang huyện bên cạnh bán cho một tiệm cầm đồ "
    "với giá 6 triệu đồng. Qua trích xuất camera an ninh, lực lượng chức năng đã nhanh chóng xác định và bắt giữ đối tượng.",
)

ARREST_B = ARREST_TEMPLATE.format(
    d="14/7",
    unit="thành phố Sầm Sơn",
    name="Phạm Thị Hoa",
    age=29,
    place="phường Trường Sơn",
    crime="mua bán trái phép chất ma túy",
    facts="Tổ công tác kiểm tra hành chính một phòng trọ trên đường Lê Lợi, phát hiện Hoa đang cất giấu 15 gói "
    "ma túy tổng hợp trong hộp mỹ phẩm. Khám xét khẩn cấp nơi ở, công an thu thêm một cân điện tử, nhiều túi nilon "
    "và hơn 20 triệu đồng tiền bán ma túy. Đối tượng khai nhận mua ma túy của một người quen để bán lẻ cho khách.",
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def republish_small_edits(text: str) -> str:
    return (
        text.replace("Ngày 9/7", "Chiều 9/7")
        .replace("hơn 800 triệu đồng", "khoảng 800 triệu đồng")
        .replace("tiêu xài cá nhân", "tiêu xài")
    )


def new_title_and_lead(text: str) -> str:
    rest = text.split("\n\n", 1)[1]
    lead = (
        "Thanh Hóa: Bắt kẻ giả danh công ty tài chính lừa đảo hàng trăm triệu đồng\n\n"
        "Lê Văn Tùng (34 tuổi, ở Quảng Xương) bị công an bắt giữ sau khi lừa 27 người có nhu cầu vay tiền qua mạng."
    )
    return lead + "\n\n" + rest


# name -> (text A, text B, why)
MUST_MATCH: dict[str, tuple[str, str, str]] = {
    "identical": (STORY, STORY, "the same story on two sites"),
    "small edits": (STORY, republish_small_edits(STORY), "republished with a few words changed"),
    "new title and lead": (STORY, new_title_and_lead(STORY), "another site rewrites the title and sapo"),
    "VGP prefix": (STORY, "(VGP) - " + STORY, "Government portal prefix on the first line"),
    "byline and source line": (STORY, STORY + "\n\nMinh Quỳnh - Bá Hiển\nTheo CAND", "credits appended"),
    "tone style, NFD, spacing": (
        STORY,
        nfd(STORY.replace("Thanh Hóa", "Thanh Hoá").replace(", ", " ,  ")),
        "hoà/hòa placement, decomposed Unicode, odd spaces",
    ),
    "truncated copy": (STORY, STORY.rsplit("\n\n", 1)[0], "a copy missing its last paragraph"),
}

MUST_NOT_MATCH: dict[str, tuple[str, str, str]] = {
    "fraud warnings sharing advice": (FRAUD_SMS, FRAUD_POLICE_CALL, "same closing advice, different scams"),
    "same arrest template": (ARREST_A, ARREST_B, "the prosecution template around different facts"),
    "story and fraud warning": (STORY, FRAUD_SMS, "same topic (fraud), different story"),
    "story and its boilerplate": (STORY + "\n\n" + ADVICE, FRAUD_POLICE_CALL, "only the advice paragraph shared"),
}


def exact_jaccard(a: str, b: str) -> float:
    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / len(sa | sb)


@pytest.mark.parametrize("name", sorted(MUST_MATCH))
def test_must_match(name):
    a, b, _why = MUST_MATCH[name]
    index = StoryIndex()
    index.add("a", signature(a))
    matches = index.query(signature(b))
    assert [m.key for m in matches] == ["a"], exact_jaccard(a, b)
    assert cluster_texts([("a", a), ("b", b)]) == {"a": "a", "b": "a"}


@pytest.mark.parametrize("name", sorted(MUST_NOT_MATCH))
def test_must_not_match(name):
    a, b, _why = MUST_NOT_MATCH[name]
    index = StoryIndex()
    index.add("a", signature(a))
    assert index.query(signature(b)) == [], exact_jaccard(a, b)
    assert cluster_texts([("a", a), ("b", b)]) == {"a": "a", "b": "b"}


@pytest.mark.parametrize("name", sorted(MUST_MATCH))
def test_match_margin(name):
    """Matching pairs sit clearly above match_jaccard (the MinHash estimate errs by ~0.09)."""
    a, b, _ = MUST_MATCH[name]
    assert exact_jaccard(a, b) >= THRESHOLDS["match_jaccard"][0] + 0.1


@pytest.mark.parametrize("name", sorted(MUST_NOT_MATCH))
def test_non_match_margin(name):
    a, b, _ = MUST_NOT_MATCH[name]
    assert exact_jaccard(a, b) <= THRESHOLDS["match_jaccard"][0] - 0.15


def test_short_text_has_no_signature():
    """min_shingles: a one-line brief is never clustered."""
    assert signature("Công an tỉnh Thanh Hóa thông báo truy nã") is None
    assert signature(STORY) is not None


def test_words_fold_tone_marks_and_d():
    assert words("Đắk Lắk, Thanh Hoá/Thanh Hóa") == ["dak", "lak", "thanh", "hoa", "thanh", "hoa"]


def test_signature_is_deterministic_across_instances():
    assert (signature(STORY).hashvalues == signature(STORY).hashvalues).all()


def test_cluster_follows_best_match_and_remove_forgets():
    index = StoryIndex()
    assert index.add(1, signature(STORY)) == 1
    assert index.add(2, signature(FRAUD_SMS)) == 2
    assert index.add(3, signature("(VGP) - " + STORY)) == 1
    assert index.add(4, None) == 4
    index.remove(1)
    assert 1 not in index and len(index) == 2
    assert [m.key for m in index.query(signature(STORY))] == [3]


def test_every_threshold_has_a_reason():
    for name, (value, why) in THRESHOLDS.items():
        assert value > 0 and len(why) > 20, name


@pytest.mark.parametrize("text", [STORY, FRAUD_SMS, ARREST_A, "(VGP) - Đắk Lắk: Thanh Hoá 9/7, C\u034fông an_x"])
def test_words_agree_with_normalize_fold_key(text):
    from tintuc_feed.normalize.text import fold_key

    assert words(text) == fold_key(text).split()


VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + " ,.:;-()/\n0123456789", max_size=200))
def test_words_agree_with_fold_key_on_vietnamese_text(text):
    from tintuc_feed.normalize.text import fold_key

    assert words(text) == fold_key(text).split()
    assert words(unicodedata.normalize("NFD", text)) == words(text)


@pytest.mark.parametrize("text", [STORY, FRAUD_SMS, ARREST_A, ARREST_B])
def test_shingle_hashes_match_shingle_sets(text):
    assert len(shingle_hashes(text)) == len(shingles(text))
