"""The extraction cache: hits on a second build, misses when the extractor changes, JSON only."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kg.extract
from kg import codec, state
from kg.cache import ExtractionCache, content_key, namespace
from kg.cli import app
from kg.extract import Extractor
from kg.ingest import read_page
from kg.pipeline import build

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
runner = CliRunner()


@pytest.fixture(scope="module")
def seed_pages():
    ex = Extractor()
    return {f.name: [ex.extract(a) for a in read_page(f).articles] for f in sorted(SEEDS.iterdir())}


def test_second_build_extracts_nothing_and_writes_the_same_graph(tmp_path):
    out = tmp_path / "out"
    first = build([SEEDS], out, html=False)
    ttl = (out / "graph.ttl").read_bytes()
    second = build([SEEDS], out, html=False)
    assert (first.extracted, first.cached) == (5, 0)
    assert (second.extracted, second.cached) == (0, 5)
    assert (out / "graph.ttl").read_bytes() == ttl
    assert "extract" not in second.seconds
    fresh = build([SEEDS], tmp_path / "fresh", html=False, cache=False)
    assert (tmp_path / "fresh" / "graph.ttl").read_bytes() == ttl
    assert fresh.extracted == 5 and not (tmp_path / "fresh" / ".cache").exists()


def test_new_extractor_version_invalidates(tmp_path, monkeypatch):
    out = tmp_path / "out"
    build([SEEDS], out, html=False)
    before = namespace()
    monkeypatch.setattr(kg.extract, "VERSION", kg.extract.VERSION + "-test")
    assert namespace() != before
    r = build([SEEDS], out, html=False)
    assert (r.extracted, r.cached) == (5, 0)
    assert build([SEEDS], out, html=False).cached == 5


def test_added_page_is_the_only_one_extracted(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    files = sorted(SEEDS.iterdir())
    for f in files[:4]:
        shutil.copy(f, src)
    cache = tmp_path / "cache"
    build([src], tmp_path / "a", html=False, cache=cache)
    shutil.copy(files[4], src)
    r = build([src], tmp_path / "b", html=False, cache=cache)
    assert (r.extracted, r.cached) == (1, 4)
    assert not (tmp_path / "b" / ".cache").exists()
    full = build([SEEDS], tmp_path / "c", html=False, cache=False)
    assert (tmp_path / "b" / "graph.ttl").read_bytes() == (tmp_path / "c" / "graph.ttl").read_bytes()
    assert r.triples == full.triples


def test_renamed_page_hits_the_cache_under_its_new_name(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEEDS / "000_91a56669e67fef84.txt", src / "a.txt")
    build([src], tmp_path / "out", html=False)
    (src / "a.txt").rename(src / "b.txt")
    r = build([src], tmp_path / "out", html=False)
    assert r.cached == 1
    ttl = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert "b.txt" in ttl and "a.txt" not in ttl


def test_broken_entries_are_misses_and_are_rewritten(tmp_path):
    out = tmp_path / "out"
    build([SEEDS], out, html=False)
    ttl = (out / "graph.ttl").read_bytes()
    entries = sorted((out / ".cache" / "extract").rglob("*.json"))
    assert len(entries) == 5
    entries[0].write_text("not json", encoding="utf-8")
    entries[1].write_text(json.dumps({"codec": 1, "articles": [{"index": "0"}]}), encoding="utf-8")
    entries[2].write_bytes(b"\x80\x81")
    state.discard(out)  # else the rebuild starts from the last build's graph and reads no entry
    r = build([SEEDS], out, html=False)
    assert (r.extracted, r.cached) == (3, 2)
    assert (out / "graph.ttl").read_bytes() == ttl
    state.discard(out)
    assert build([SEEDS], out, html=False).cached == 5  # written anew


def test_codec_round_trip(seed_pages):
    for name, page in seed_pages.items():
        data = codec.encode(page)
        assert codec.decode(data, name) == page
        assert codec.decode(data.decode("utf-8"), "other.txt")[0].article.source == "other.txt"


@pytest.mark.parametrize("mutate", [
    lambda d: d.update(codec=99),
    lambda d: d.update(articles={}),
    lambda d: d["articles"][0].update(kind=None),
    lambda d: d["articles"][0].update(reporters="王嘉晨"),
    lambda d: d["articles"][0]["mentions"][0].__setitem__(1, "Thing"),
    lambda d: d["articles"][0]["mentions"][0].__setitem__(2, "0"),
    lambda d: d["articles"][0]["relations"][0].__setitem__(1, 10 ** 6),
    lambda d: d["articles"][0]["relations"][0].__setitem__(3, -1),
    lambda d: d["articles"][0]["relations"][0].__setitem__(0, ["runs"]),
    lambda d: d["articles"][0]["relations"][0].__setitem__(2, True),
    lambda d: d["articles"][0]["mentions"].append(["x", "Person", 0, 1, "", ""]),
    lambda d: d["articles"][0].update(index=-1),
])
def test_codec_rejects_what_it_did_not_write(seed_pages, mutate):
    d = codec.to_json(seed_pages["000_91a56669e67fef84.txt"])
    d = json.loads(json.dumps(d))
    mutate(d)
    with pytest.raises(codec.CodecError):
        codec.decode(json.dumps(d), "x.txt")


def test_unwritable_cache_is_a_warning_not_a_failure(tmp_path):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache directory should be")
    r = runner.invoke(app, ["build", str(SEEDS), "--out", str(tmp_path / "out"), "--cache", str(blocker), "--no-html"])
    assert r.exit_code == 0, r.output
    assert "warning: cannot write the cache" in " ".join(r.output.split())


def test_cli_cache_options(tmp_path):
    out, cache = tmp_path / "out", tmp_path / "c"
    r = runner.invoke(app, ["build", str(SEEDS), "--out", str(out), "--cache", str(cache), "--jobs", "2", "--no-html"])
    assert r.exit_code == 0, r.output
    assert len(list((cache / "extract").rglob("*.json"))) == 5 and not (out / ".cache").exists()
    r = runner.invoke(app, ["build", str(SEEDS), "--out", str(out), "--cache", str(cache), "--no-html"])
    assert "5 pages from the cache" in " ".join(r.output.split())
    r = runner.invoke(app, ["build", str(SEEDS), "--out", str(out), "--no-cache", "--cache", str(cache)])
    assert r.exit_code == 2


def test_cache_key_is_the_content(tmp_path):
    c = ExtractionCache(tmp_path)
    data = (SEEDS / "000_91a56669e67fef84.txt").read_bytes()
    assert content_key(data) == content_key(bytes(data)) != content_key(data + b"\n")
    assert c.get(content_key(data), "x.txt") is None and not c.has(content_key(data))


def test_cached_pages_are_read_once_when_choosing_workers(tmp_path, monkeypatch):
    """With --jobs 2 the look-up that decides on workers hashes each file; a cached page is
    then taken from the cache without reading its file a second time."""
    import kg.pipeline

    src = tmp_path / "in"
    src.mkdir()
    for i in range(4):
        for f in SEEDS.iterdir():
            shutil.copy(f, src / f"{i}_{f.name}")
    out = tmp_path / "out"
    first = build([src], out, html=False, jobs=2)
    ttl = (out / "graph.ttl").read_bytes()
    reads = []
    real = kg.pipeline.read_bytes
    monkeypatch.setattr(kg.pipeline, "read_bytes", lambda f: reads.append(f) or real(f))
    second = build([src], out, html=False, jobs=2)
    assert first.extracted == 5  # the copies share their content: one extraction each
    assert (second.extracted, second.cached) == (0, 20)
    assert len(reads) == len(set(reads)) == 20
    assert (out / "graph.ttl").read_bytes() == ttl


def test_entries_written_later_are_there_after_flush(tmp_path, seed_pages):
    cache = ExtractionCache(tmp_path / "cache", "ns")
    entries = {f"{k:064x}": codec.encode(page) for k, page in enumerate(seed_pages.values())}
    for key, data in entries.items():
        cache.put_later(key, data)
    cache.flush()
    assert all(cache.get(key, "a.txt") == codec.decode(data, "a.txt") for key, data in entries.items())
    assert cache.error == ""


def test_an_entry_not_yet_written_is_read_back(tmp_path, seed_pages, monkeypatch):
    """A copy of a page met while the writer thread still holds the first one's entry is taken
    from the cache, not extracted again."""
    import threading

    cache = ExtractionCache(tmp_path / "cache", "ns")
    release = threading.Event()
    real_put = ExtractionCache.put
    monkeypatch.setattr(ExtractionCache, "put", lambda self, k, d: release.wait(10) and real_put(self, k, d))
    page = next(iter(seed_pages.values()))
    key = "cd" * 32
    cache.put_later(key, codec.encode(page))
    assert not cache.path(key).exists()  # the writer thread is held back
    assert cache.has(key) and cache.get(key, "copy.txt") == codec.decode(codec.encode(page), "copy.txt")
    release.set()
    cache.flush()
    assert cache.path(key).is_file() and cache.get(key, "copy.txt") is not None


def test_an_unwritable_cache_written_later_reports_why(tmp_path, seed_pages):
    (tmp_path / "cache").write_text("a file where the cache directory should be")
    cache = ExtractionCache(tmp_path / "cache", "ns")
    cache.put_later("ab" * 32, codec.encode(next(iter(seed_pages.values()))))
    cache.flush()
    assert not cache.writable and "cannot write the cache" in cache.error


def test_writers_of_one_entry_at_once_leave_it_whole_and_no_temporary_file(tmp_path, seed_pages):
    """Builds sharing a cache may write the same page at the same time (and a worker's thread
    beside another's): whoever renames last wins, and a reader never sees half an entry."""
    import threading

    pages = [codec.encode(p) for p in seed_pages.values()][:4]
    key = "cd" * 32
    seen: list[bool] = []

    def write(data: bytes) -> None:
        cache = ExtractionCache(tmp_path / "cache", "ns")
        for _ in range(30):
            cache.put(key, data)
            got = cache.get(key, "a.txt")
            seen.append(got is not None and codec.encode(got) in pages)

    threads = [threading.Thread(target=write, args=(d,)) for d in pages]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert seen and all(seen)
    entry = ExtractionCache(tmp_path / "cache", "ns").path(key)
    assert entry.read_bytes() in pages
    assert [p.name for p in entry.parent.iterdir()] == [entry.name]  # no .tmp left behind
