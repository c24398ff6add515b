"""Dedupe and feed building at scale: synthetic Vietnamese articles with planted near duplicates.

    .venv/bin/python benchmarks/bench_dedupe.py --sizes 1000 10000 100000 --repeat 3

For each size it measures, on the same generated corpus:
  * dedupe: signature + LSH clustering of every article (dedupe.cluster_texts), median of --repeat runs,
    then one more run under tracemalloc for the peak memory;
  * before: the same clustering the way the project did it up to issue 10 (datasketch 2.0 MinHash +
    MinHashLSH, one CRC-32 per word), same medians and peak; its clusters must equal dedupe's
    (same_clusters=True), so recall and precision are unchanged by construction (sizes <= --before-max);
  * store: every article upserted into a fresh SQLite store (one transaction each, clustering included);
  * merged: Store.merged_articles() in full and with limit=100 (the `all` feed), median of --repeat;
  * quality: pairwise recall and precision against the planted duplicate groups;
  * baselines: exact hash of the folded text (same data), and naive all-pairs Jaccard (sizes <= --naive-max);
  * feeds: runner.publish_store() from that store into an empty output directory (every file written), then
    again into the same directory (nothing changed: the steady state of a scheduled publish), then again
    without the output folder's manifest (every feed rendered and compared, as before issue 10), each in a fresh
    spawned process so that its peak RSS (resource.getrusage ru_maxrss) is its own; beside it, the baseline
    of the same process loading what publish_store loads (Store.articles(), merged_articles(), health()) and
    nothing else, and the interpreter's RSS after imports.  Median of --feed-repeat runs; peak RSS is the
    largest of the runs; output size is the bytes and files written.

Use --parts to run only some of dedupe / store / feeds (feeds needs the store), and --store-dir to keep the
built stores (bench-<n>.sqlite) and reuse them on the next invocation (the build is then not timed again).

The corpus: words drawn Zipf-like from a list of common Vietnamese words, sentences built from a few
police-news frames, a shared closing paragraph (one of five) on a third of the articles and a shared
template sentence on all of them, so unrelated articles overlap.  A fifth of the stories get a copy on
another source: title and lead sentence rewritten, about one word in thirty substituted, sometimes a
"(VGP) - " prefix, a byline or a dropped last paragraph.
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import datetime, timedelta
from itertools import combinations
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np

from tintuc_feed.dedupe import THRESHOLDS, cluster_texts, shingles, words
from tintuc_feed.feeds.incremental import MANIFEST
from tintuc_feed.model import Article
from tintuc_feed.normalize.provinces import PROVINCES
from tintuc_feed.sources import Source
from tintuc_feed.store import Store

N_SOURCES = 80  # the corpus' source ids are src0 .. src79
BASE_URL = "https://feeds.example.vn/"

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
START = datetime(2025, 7, 1, tzinfo=TZ)

VOCAB_TEXT = """
công an tỉnh thành phố huyện xã phường quận đối tượng bị can bị hại người dân cơ quan điều tra cảnh sát
hình sự kinh tế ma túy giao thông trật tự an ninh mạng lừa đảo chiếm đoạt tài sản trộm cắp cướp giật
đánh bạc tổ chức khởi tố bắt giữ tạm giam xử lý vi phạm pháp luật quy định hành vi phạm tội vụ án điều
tra làm rõ mở rộng xác minh khám xét thu giữ tang vật xe máy ô tô điện thoại tiền mặt triệu đồng tỷ
ngân hàng tài khoản mạng xã hội ứng dụng tin nhắn cuộc gọi giả danh cán bộ nhân viên công ty doanh
nghiệp hồ sơ giấy tờ thủ đoạn tinh vi cảnh báo khuyến cáo phối hợp lực lượng chức năng phòng đội trạm
tuần tra kiểm soát chốt cửa khẩu biên giới đường dây băng nhóm ổ nhóm tụ điểm sòng bạc lô đề tín dụng
đen cho vay lãi nặng đòi nợ thuê uy hiếp đe dọa cố ý gây thương tích giết người hiếp dâm buôn lậu hàng
giả hàng cấm pháo nổ vũ khí vật liệu cháy rừng phòng cháy chữa cháy cứu nạn cứu hộ tai nạn va chạm
người đi đường nồng độ cồn tốc độ mũ bảo hiểm giấy phép lái xe đăng ký đăng kiểm căn cước định danh
điện tử dịch vụ công trực tuyến thủ tục hành chính cư trú hộ khẩu xuất nhập cảnh hộ chiếu visa người
nước ngoài lao động trẻ em phụ nữ học sinh sinh viên người cao tuổi gia đình hàng xóm địa phương khu
dân cư tổ dân phố thôn bản ấp làng quê chợ bến xe sân bay nhà ga khách sạn nhà nghỉ quán karaoke quán
bar vũ trường kho xưởng công trường cảng biển sông hồ rừng núi cao tốc quốc lộ tỉnh lộ ngã tư cầu hầm
sáng chiều tối đêm rạng sáng trưa hôm qua hôm nay tuần trước tháng năm gần đây thời gian qua trước đó
sau đó ngay lập tức nhanh chóng kịp thời quyết liệt đồng bộ hiệu quả nghiêm minh triệt để chặt chẽ
hội nghị tổng kết sơ kết triển khai kế hoạch chỉ đạo chỉ thị nghị quyết phong trào toàn dân bảo vệ an
ninh tổ quốc khen thưởng biểu dương thành tích xuất sắc tập thể cá nhân đồng chí giám đốc phó giám đốc
thủ trưởng trưởng phòng đại tá thượng tá trung tá thiếu tá đại úy thượng úy trung úy chiến sĩ
"""
VOCAB = VOCAB_TEXT.split()

NAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Hữu", "Quang", "Thanh", "Ngọc", "Xuân"]
GIVEN = ["Tùng", "Bình", "Hoa", "Hùng", "Lan", "Nam", "Hải", "Long", "Hương", "Dũng", "Tuấn", "Mai", "Quỳnh", "Hiển"]
PLACES = ["Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Trị", "Đắk Lắk", "Lâm Đồng", "Cần Thơ", "Cà Mau", "Hà Nội"]
FRAMES = [
    "Ngày {d}/{m}, Công an tỉnh {p} cho biết {w}.",
    "Theo cơ quan điều tra, {n} đã {w}.",
    "Trước đó, {w}, {w}.",
    "Tại cơ quan công an, {n} khai nhận {w}.",
    "Qua xác minh, lực lượng chức năng phát hiện {w}.",
    "Hiện vụ việc đang được Công an {p} tiếp tục {w}.",
    "{W}, {w}.",
]
CLOSINGS = [
    (
        "Công an khuyến cáo người dân tuyệt đối không cung cấp thông tin cá nhân, mã OTP, số tài khoản ngân hàng "
        "cho người lạ; khi phát hiện dấu hiệu lừa đảo cần báo ngay cho cơ quan công an gần nhất."
    ),
    "Người dân có thông tin liên quan đến vụ việc đề nghị liên hệ Cơ quan Cảnh sát điều tra để phối hợp giải quyết.",
    "Công an tỉnh đề nghị ai là bị hại của các đối tượng trên liên hệ cơ quan điều tra để được hướng dẫn.",
    "Lực lượng chức năng khuyến cáo người tham gia giao thông chấp hành nghiêm quy định về nồng độ cồn và tốc độ.",
    "Vụ án đang được cơ quan công an tiếp tục điều tra, làm rõ để xử lý theo quy định của pháp luật.",
]
SUBSTITUTION_RATE = 1 / 30  # a copy edited this much keeps ~90% of its 3-word shingles outside the new lead
TEMPLATE_LINE = "Tin, ảnh: Phòng Tham mưu Công an tỉnh. Bài viết được đăng tải trên Cổng thông tin điện tử."


class Corpus:
    """Synthetic articles: texts[i], group[i] (same group = planted duplicates), source[i]."""

    def __init__(self, n: int, seed: int = 7, dup_rate: float = 0.2) -> None:
        self.rng = np.random.default_rng(seed)
        weights = 1.0 / np.arange(1, len(VOCAB) + 1) ** 0.9
        self.weights = weights / weights.sum()
        self._pool, self._cursor = np.array([], dtype=np.int64), 0
        self.texts, self.titles, self.group, self.source = [], [], [], []
        while len(self.texts) < n:
            story = len(self.group)
            title, text = self._title(), self._story()
            self._add(title, text, story, f"src{self.rng.integers(40)}")
            if self.rng.random() < dup_rate and len(self.texts) < n:
                self._add(self._title(), self._copy(text), story, f"src{40 + self.rng.integers(40)}")

    def _add(self, title, text, group, source):
        self.titles.append(title)
        self.texts.append(text)
        self.group.append(group)
        self.source.append(source)

    def _words(self, k: int) -> str:
        """k words drawn Zipf-like from VOCAB (from a pre-drawn pool: rng.choice per call is slow)."""
        if self._cursor + k > len(self._pool):
            self._pool, self._cursor = self.rng.choice(len(VOCAB), size=1_000_000, p=self.weights), 0
        chosen = self._pool[self._cursor : self._cursor + k]
        self._cursor += k
        return " ".join(VOCAB[i] for i in chosen)

    def _name(self) -> str:
        r = self.rng.integers
        return f"{NAMES[r(len(NAMES))]} {MIDDLE[r(len(MIDDLE))]} {GIVEN[r(len(GIVEN))]}"

    def _sentence(self) -> str:
        frame = FRAMES[self.rng.integers(len(FRAMES))]
        place = PLACES[self.rng.integers(len(PLACES))]
        w1 = self._words(int(self.rng.integers(8, 20)))
        out = frame.replace("{W}", w1.capitalize()) if "{W}" in frame else frame.replace("{w}", w1, 1)
        while "{w}" in out:
            out = out.replace("{w}", self._words(int(self.rng.integers(6, 14))), 1)
        return out.format(d=self.rng.integers(1, 29), m=self.rng.integers(1, 13), p=place, n=self._name())

    def _paragraph(self) -> str:
        return " ".join(self._sentence() for _ in range(int(self.rng.integers(2, 5))))

    def _story(self) -> str:
        paragraphs = [self._paragraph() for _ in range(int(self.rng.integers(3, 7)))]
        paragraphs.append(TEMPLATE_LINE)
        if self.rng.random() < 0.35:
            paragraphs.append(CLOSINGS[self.rng.integers(len(CLOSINGS))])
        return "\n\n".join(paragraphs)

    def _title(self) -> str:
        return self._words(int(self.rng.integers(8, 14))).capitalize()

    def _copy(self, text: str) -> str:
        """Another site's copy: new lead sentence, some words substituted, prefix/byline/truncation sometimes."""
        paragraphs = text.split("\n\n")
        paragraphs[0] = self._sentence() + " " + paragraphs[0].split(". ", 1)[-1]
        if len(paragraphs) > 4 and self.rng.random() < 0.3:
            paragraphs = paragraphs[:-1]
        tokens = "\n\n".join(paragraphs).split(" ")
        for i in np.flatnonzero(self.rng.random(len(tokens)) < SUBSTITUTION_RATE):
            tokens[i] = VOCAB[self.rng.integers(len(VOCAB))]
        out = " ".join(tokens)
        if self.rng.random() < 0.3:
            out = "(VGP) - " + out
        if self.rng.random() < 0.5:
            out += f"\n\n{self._name()} - {self._name()}"
        return out


def true_pairs(groups: list[int]) -> set[tuple[int, int]]:
    members: dict[int, list[int]] = {}
    for i, g in enumerate(groups):
        members.setdefault(g, []).append(i)
    return {pair for m in members.values() for pair in combinations(m, 2)}


def predicted_pairs(clusters: list) -> set[tuple[int, int]]:
    return true_pairs(clusters)


def quality(predicted: set, truth: set) -> tuple[float, float]:
    hits = len(predicted & truth)
    recall = hits / len(truth) if truth else 1.0
    precision = hits / len(predicted) if predicted else 1.0
    return recall, precision


def timed(fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - start, result


def peak_mib(fn, *args) -> float:
    tracemalloc.start()
    fn(*args)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def dedupe_all(texts: list[str]) -> list:
    clusters = cluster_texts(enumerate(texts))
    return [clusters[i] for i in range(len(texts))]


def before_all(texts: list[str]) -> list:
    """Clustering as dedupe.py did it with datasketch (up to issue 10): the baseline."""
    import zlib

    from datasketch import MinHash, MinHashLSH

    from tintuc_feed.dedupe import _MIX

    floor, least = THRESHOLDS["match_jaccard"][0], THRESHOLDS["min_shingles"][0]
    lsh = MinHashLSH(threshold=THRESHOLDS["lsh_threshold"][0], num_perm=128)
    permutations = MinHash(num_perm=128, scheme="affine32").permutations
    signatures, clusters = {}, []
    for i, text in enumerate(texts):
        hashes = np.array([zlib.crc32(w.encode("utf-8")) for w in words(text)], dtype=np.uint64)
        count = len(hashes) - 2
        if count <= 0:
            clusters.append(i)
            continue
        combined = np.zeros(count, dtype=np.uint64)
        for offset in range(3):
            combined = combined * _MIX[offset % 3] + hashes[offset : offset + count]
        combined ^= combined >> np.uint64(31)
        shingle_hashes = np.unique((combined * _MIX[0]) >> np.uint64(32)).astype(np.uint32)
        if len(shingle_hashes) < least:
            clusters.append(i)
            continue
        minhash = MinHash(num_perm=128, hashfunc=int, permutations=permutations, scheme="affine32")
        minhash.update_batch(shingle_hashes.tolist())
        scored = [(-signatures[k].jaccard(minhash), str(k), k) for k in lsh.query(minhash)]
        best = sorted(s for s in scored if -s[0] >= floor)
        clusters.append(clusters[best[0][2]] if best else i)
        lsh.insert(i, minhash, check_duplication=False)
        signatures[i] = minhash
    return clusters


def exact_hash_all(texts: list[str]) -> list:
    first: dict[str, int] = {}
    return [first.setdefault(hashlib.sha1(" ".join(words(t)).encode()).hexdigest(), i) for i, t in enumerate(texts)]


def naive_all_pairs(texts: list[str]) -> set[tuple[int, int]]:
    sets = [shingles(t) for t in texts]
    floor = THRESHOLDS["match_jaccard"][0]
    return {
        (i, j)
        for i, j in combinations(range(len(sets)), 2)
        if sets[i] and sets[j] and len(sets[i] & sets[j]) / len(sets[i] | sets[j]) >= floor
    }


def province_of(source_id: str) -> str:
    """Each synthetic source belongs to one of the 34 provinces, so the province feeds have items."""
    return PROVINCES[int(source_id.removeprefix("src")) % len(PROVINCES)].name


def bench_sources() -> list[Source]:
    return [
        Source(id=f"src{k}", name=f"Công an nguồn {k}", list_urls=(f"https://src{k}.gov.vn/tin-tuc",),
               article_url_pattern=r"/bai-viet/", province=province_of(f"src{k}"))
        for k in range(N_SOURCES)
    ]


def build_store(corpus: Corpus, path: Path) -> None:
    with Store(path) as store:
        for i, text in enumerate(corpus.texts):
            when = START + timedelta(minutes=i)
            article = Article(
                url=f"https://{corpus.source[i]}.gov.vn/bai-viet/tin-{i}-{1750000000 + i}",
                source_id=corpus.source[i],
                title=corpus.titles[i],
                title_raw=corpus.titles[i],
                content_html="<p>" + text.replace("\n\n", "</p><p>") + "</p>",
                content_text=text,
                published=when,
                province=province_of(corpus.source[i]),
            )
            store.upsert(article, now=when)


# --- feed building, each measurement in a fresh process ----------------------------------------------

def _maxrss_mib() -> float:
    """This process's peak RSS.  VmHWM, not ru_maxrss: on Linux ru_maxrss survives exec, so a spawned
    child would report the benchmark parent's peak (its 100k-article corpus) instead of its own."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _child_publish(db: str, output: str) -> dict:
    from tintuc_feed.runner import PublishOptions, publish_store

    before = _maxrss_mib()
    start = time.perf_counter()
    report = publish_store(Path(db), bench_sources(), PublishOptions(output=Path(output), base_url=BASE_URL))
    seconds = time.perf_counter() - start
    return {"s": seconds, "rss_mib": _maxrss_mib(), "imports_rss_mib": before,
            "written": len(report.written), "unchanged": len(report.unchanged)}


def _child_load(db: str) -> dict:
    from tintuc_feed.runner import VN

    before = _maxrss_mib()
    start = time.perf_counter()
    with Store(Path(db)) as store:
        articles = store.articles()
        merged = store.merged_articles()
        store.health(now=datetime.now(VN))
    seconds = time.perf_counter() - start
    return {"s": seconds, "rss_mib": _maxrss_mib(), "imports_rss_mib": before, "rows": len(articles) + len(merged)}


def in_child(fn, *args) -> dict:
    """Run fn(*args) in a freshly spawned interpreter (its ru_maxrss is then fn's own peak)."""
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(1) as pool:
        return pool.apply(fn, args)


def dir_size(path: Path) -> tuple[int, int]:
    files = [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def bench_feeds(db: Path, repeat: int) -> dict:
    """publish_store into an empty directory, then again unchanged; the load-only baseline beside it."""
    first, again, blind, load = [], [], [], []
    for _ in range(repeat):
        out = Path(tempfile.mkdtemp(prefix="bench-feeds-"))
        try:
            first.append(in_child(_child_publish, str(db), str(out)))
            again.append(in_child(_child_publish, str(db), str(out)))
            # Before issue 10 every publish rendered every feed and compared it with the disk: the same
            # publish without the manifest that tells it what the files were made from.
            (out / MANIFEST).unlink()
            blind.append(in_child(_child_publish, str(db), str(out)))
            size, files = dir_size(out)
            jsonl = (out / "articles.jsonl").stat().st_size
        finally:
            shutil.rmtree(out, ignore_errors=True)
        load.append(in_child(_child_load, str(db)))
    med = lambda runs, key: statistics.median(r[key] for r in runs)
    return {
        "publish_s": med(first, "s"), "publish_rss_mib": max(r["rss_mib"] for r in first),
        "republish_s": med(again, "s"), "republish_rss_mib": max(r["rss_mib"] for r in again),
        "republish_written": again[-1]["written"],
        "republish_before_s": med(blind, "s"), "republish_before_written": blind[-1]["written"],
        "republish_share": med(again, "s") / med(first, "s"),
        "republish_before_share": med(blind, "s") / med(first, "s"),
        "load_s": med(load, "s"), "load_rss_mib": max(r["rss_mib"] for r in load),
        "imports_rss_mib": med(first, "imports_rss_mib"),
        "output_mib": size / 2**20, "output_files": files, "jsonl_mib": jsonl / 2**20,
    }


def commit() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True,
                              cwd=Path(__file__).resolve().parent).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", ":/src"], capture_output=True, text=True,
                               check=True, cwd=Path(__file__).resolve().parent).stdout.strip()
        return head + ("+dirty-src" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def median_time(repeat: int, fn, *args):
    runs = [timed(fn, *args) for _ in range(repeat)]
    return statistics.median(t for t, _ in runs), runs[-1][1]


def bench(n: int, args) -> dict:
    repeat, parts = args.repeat, set(args.parts)
    t_gen, corpus = timed(Corpus, n)
    truth = true_pairs(corpus.group)
    row = {"n": n, "planted_pairs": len(truth), "generate_s": t_gen}
    if "dedupe" in parts:
        row["dedupe_s"], clusters = median_time(repeat, dedupe_all, corpus.texts)
        row["dedupe_peak_mib"] = peak_mib(dedupe_all, corpus.texts)
        row["recall"], row["precision"] = quality(predicted_pairs(clusters), truth)
        if n <= args.before_max:
            row["before_s"], before = median_time(repeat, before_all, corpus.texts)
            row["before_peak_mib"] = peak_mib(before_all, corpus.texts)
            row["before_recall"], row["before_precision"] = quality(predicted_pairs(before), truth)
            row["same_clusters"] = before == clusters
            row["speedup"] = row["before_s"] / row["dedupe_s"]
        row["exact_s"], exact = median_time(repeat, exact_hash_all, corpus.texts)
        row["exact_recall"], row["exact_precision"] = quality(predicted_pairs(exact), truth)
        if n <= args.naive_max:
            row["naive_s"], naive = timed(naive_all_pairs, corpus.texts)
            row["naive_recall"], row["naive_precision"] = quality(naive, truth)
    if n <= args.store_max and parts & {"store", "feeds"}:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(args.store_dir or tmp) / f"bench-{n}.sqlite"
            if not path.exists():  # built under another name first: an interrupted build is never reused
                path.parent.mkdir(parents=True, exist_ok=True)
                partial = path.with_name(path.name + ".partial")
                for stale in path.parent.glob(partial.name + "*"):
                    stale.unlink()
                row["store_build_s"], _ = timed(build_store, corpus, partial)
                partial.rename(path)
            if "store" in parts:
                with Store(path) as store:
                    row["merged_all_s"], merged = median_time(repeat, lambda: store.merged_articles())
                    row["merged_100_s"], _ = median_time(repeat, lambda: store.merged_articles(limit=100))
                    row["merged_100_peak_mib"] = peak_mib(lambda: store.merged_articles(limit=100))
                    row["merged_stories"] = len(merged)
                    row["stories"] = len(set(corpus.group))
            if "feeds" in parts and n <= args.feeds_max:
                row.update(bench_feeds(path, args.feed_repeat))
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--before-max", type=int, default=100000, help="largest size for the datasketch baseline")
    parser.add_argument("--naive-max", type=int, default=1000, help="largest size for the all-pairs baseline")
    parser.add_argument("--store-max", type=int, default=100000, help="largest size for the SQLite build")
    parser.add_argument("--feeds-max", type=int, default=100000, help="largest size for feed building")
    parser.add_argument("--feed-repeat", type=int, default=3, help="runs of each feed-building measurement")
    parser.add_argument("--parts", nargs="+", choices=("dedupe", "store", "feeds"),
                        default=["dedupe", "store", "feeds"])
    parser.add_argument("--store-dir", help="keep the built stores here and reuse them (build not re-timed)")
    args = parser.parse_args(argv)
    print(f"commit={commit()} cpus={os.cpu_count()} load={os.getloadavg()[0]:.2f}", flush=True)
    for n in args.sizes:
        row = bench(n, args)
        print(" ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in row.items()), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
