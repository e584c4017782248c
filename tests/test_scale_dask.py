"""Scale-out on Dask: a LocalCluster of two worker processes gives the single-process output."""

from __future__ import annotations

import json
import shutil
import sys

import pytest

pytest.importorskip("distributed")

import claimline  # noqa: E402
from claimline.cli import main  # noqa: E402
from claimline.distributed import connect, plan_partitions, run  # noqa: E402
from claimline.io.sinks import article_line  # noqa: E402
from conftest import RAW, ROOT, SEED_IDS  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import write_corpus  # noqa: E402


@pytest.fixture(scope="module")
def client():
    """Two worker processes, one thread each, on 127.0.0.1, no dashboard."""
    from distributed import Client, LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster, Client(cluster) as client:
        yield client


@pytest.fixture(scope="module")
def seed_lines(seed_articles):
    return [article_line(seed_articles[d]) for d in SEED_IDS]


def parts_text(out) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted(out.glob("part-*.jsonl")))


@pytest.fixture(scope="module")
def seed_run(client, tmp_path_factory):
    """The seed folder extracted on the cluster once, in partitions of two, with Parquet."""
    out = tmp_path_factory.mktemp("dask") / "out"
    return out, run([str(RAW)], str(out), client=client, partition_size=2, parquet=True)


def short_corpus(path, n=4):
    lines = [json.dumps({"doc_id": f"d{i}", "text": f"Le {i + 1} mars 2024, il a plu à Lyon."}) for i in range(n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_seed_folder_on_two_workers_is_byte_identical(seed_run, seed_lines):
    out, result = seed_run
    assert (result.n_written, result.errors, len(result.parts)) == (5, [], 3)
    assert parts_text(out) == "".join(line + "\n" for line in seed_lines)


def test_the_timeline_reduce_equals_build_timeline(seed_run, seed_articles):
    expected = claimline.build_timeline(seed_articles[d] for d in SEED_IDS)
    assert expected.claims and expected.entities
    assert seed_run[1].timeline.model_dump_json() == expected.model_dump_json()


def test_each_worker_loads_the_pipeline_once(client, seed_run):
    def loads() -> int:
        from claimline.pipeline import default_pipeline

        return default_pipeline.cache_info().misses

    loaded = list(client.run(loads).values())  # 3 partitions on 2 workers
    assert max(loaded) == 1 and sum(loaded) >= 1


def test_parquet_parts(seed_run, seed_lines):
    pq = pytest.importorskip("pyarrow.parquet")
    tables = [pq.read_table(p) for p in sorted(seed_run[0].glob("part-*.parquet"))]
    assert [line for t in tables for line in t.column("article").to_pylist()] == seed_lines
    assert tables[0].column("doc_id").to_pylist() == SEED_IDS[:2]


def test_resume_skips_finished_partitions(client, seed_run, tmp_path, seed_lines):
    out = tmp_path / "out"
    shutil.copytree(seed_run[0], out)
    (out / "part-00001.jsonl").unlink()
    again = run([str(RAW)], str(out), client=client, partition_size=2, resume=True)
    assert (again.n_written, again.n_skipped) == (2, 3)
    assert parts_text(out) == "".join(line + "\n" for line in seed_lines)
    assert again.timeline == seed_run[1].timeline


def test_bad_jsonl_lines_keep_their_line_numbers_across_partitions(client, tmp_path):
    lines = short_corpus(tmp_path / "corpus.jsonl", 5).read_text(encoding="utf-8").splitlines()
    corpus = tmp_path / "corpus.jsonl"
    lines[3] = '{"doc_id": "d3", "text": "Le 4 ma'
    lines.insert(1, '{"doc_id": "d-bad-date", "text": "Hier.", "published": "21/09"}')
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run([str(corpus)], str(tmp_path / "out"), client=client, partition_size=2)
    assert result.n_written == 4
    assert [e.split(": ")[0] for e in result.errors] == [
        f"[E017] file://{corpus}, line 2",
        f"[E017] file://{corpus}, line 5",
    ]
    assert "'published'='21/09' is not a valid date" in result.errors[0]
    written = [json.loads(line)["doc_id"] for line in parts_text(tmp_path / "out").splitlines()]
    assert written == ["d0", "d1", "d2", "d4"]


def test_missing_input_and_duplicates_are_reported(client, tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        "\n".join(json.dumps({"doc_id": "même", "text": t}) for t in ("Il pleut.", "Il neige.")) + "\n",
        encoding="utf-8",
    )
    result = run([str(corpus), str(tmp_path / "absent.jsonl")], str(tmp_path / "out"), client=client, partition_size=1)
    assert result.errors[0].startswith("[E004]") and "absent.jsonl" in result.errors[0]
    assert result.errors[1].startswith("[E019]") and "written twice" in result.errors[1]


def test_cli_with_a_scheduler_address(client, nlp, tmp_path, capsys):
    corpus = short_corpus(tmp_path / "c.jsonl")
    out = tmp_path / "out"
    assert main(["extract", str(corpus), "--scheduler", client.scheduler.address, "-o", str(out)]) == 0
    assert "4 article(s) written" in capsys.readouterr().err
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    articles = list(claimline.extract_many(records, nlp=nlp))
    assert parts_text(out) == "".join(article_line(a) + "\n" for a in articles)
    timeline = claimline.Timeline.model_validate_json((out / "timeline.json").read_text(encoding="utf-8"))
    assert timeline == claimline.build_timeline(articles) and len(timeline.articles) == 4


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--scheduler", "local:zero"], "expected local:N with N >= 1"),
        (["--scheduler", "127.0.0.1:8786"], "expected local, local:N or an address like tcp://127.0.0.1:8786"),
        (["--scheduler", "local", "--format", "files"], "the output is a folder of JSONL parts"),
    ],
)
def test_cli_scheduler_errors_are_one_line(tmp_path, capsys, argv, message):
    assert main(["extract", str(RAW), "-o", str(tmp_path), *argv]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]


def test_connect_refuses_a_bare_host():
    with pytest.raises(claimline.InputError, match="E010"):
        connect("localhost")


@pytest.mark.slow
def test_generated_corpus_same_articles_with_1_process_2_processes_and_dask(client, nlp, tmp_path):
    corpus = write_corpus(tmp_path / "corpus.jsonl", 240)
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    single = [article_line(a) for a in claimline.extract_many(records, nlp=nlp)]
    double = [article_line(a) for a in claimline.extract_many(records, nlp=nlp, n_process=2, batch_size=16)]
    assert len(plan_partitions([str(corpus)], partition_size=30)) == 8
    result = run([str(corpus)], str(tmp_path / "out"), client=client, partition_size=30)
    assert result.errors == [] and result.n_written == 240
    assert double == single
    assert parts_text(tmp_path / "out") == "".join(line + "\n" for line in single)
    expected = claimline.build_timeline(claimline.Article.model_validate_json(line) for line in single)
    assert result.timeline.model_dump_json() == expected.model_dump_json()
