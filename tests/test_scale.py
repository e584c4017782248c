"""Scale-out on one machine: streaming inputs, JSONL in and out, --resume, failures, n_process."""

from __future__ import annotations

import itertools
import json
import sys

import pytest

import claimline
import claimline.io.inputs
from claimline.batch import ExtractionFailure
from claimline.cli import main
from claimline.components.sections import SectionsComponent
from claimline.io.sinks import article_line
from conftest import RAW, ROOT, SEED_IDS, seed_published, seed_text

sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import synthetic_articles, write_corpus  # noqa: E402


pytestmark = pytest.mark.usefixtures("cli_pipeline")


@pytest.fixture
def pipeline_calls(nlp, monkeypatch):
    """How many docs went into ``nlp.pipe`` (the list of their texts' first words)."""
    seen: list[str] = []
    pipe = nlp.pipe

    def counting_pipe(docs, *, as_tuples=False, **kwargs):
        def counted():
            for doc, context in docs:
                seen.append(doc.text.split()[0])
                yield doc, context

        return pipe(counted() if as_tuples else docs, as_tuples=as_tuples, **kwargs)

    monkeypatch.setattr(nlp, "pipe", counting_pipe)
    return seen


@pytest.fixture
def failing_on(monkeypatch):
    """Make the sections component raise on any text containing the given marker."""
    call = SectionsComponent.__call__

    def install(marker: str):
        def failing(self, doc):
            if marker in doc.text:
                raise RuntimeError(f"cassé sur {marker!r}")
            return call(self, doc)

        monkeypatch.setattr(SectionsComponent, "__call__", failing)

    return install


def seed_jsonl(path, extra_lines=()):
    with path.open("w", encoding="utf-8") as f:
        for doc_id in SEED_IDS:
            record = {"doc_id": doc_id, "text": seed_text(doc_id), "published": seed_published(doc_id)}
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
        for line in extra_lines:
            f.write(line + "\n")
    return path


def errors_of(err: str) -> list[str]:
    return [line.strip().removeprefix("error: ") for line in err.splitlines() if line.strip().startswith("error:")]


@pytest.fixture(scope="module")
def seed_lines(seed_articles):
    """The JSONL lines of the five seeds, extracted once in this process."""
    return [article_line(seed_articles[d]) for d in SEED_IDS]


# -- the API streams ----------------------------------------------------------------------


def test_extract_many_reads_its_input_lazily(nlp):
    endless = ({"text": f"Le {i % 28 + 1} mars 2024, il a plu à Lyon.", "doc_id": f"pluie-{i}"} for i in itertools.count())
    first = list(itertools.islice(claimline.extract_many(endless, nlp=nlp, batch_size=2), 3))
    assert [a.doc_id for a in first] == ["pluie-0", "pluie-1", "pluie-2"]


def test_a_bad_item_is_reported_and_the_others_go_on(nlp):
    failures: list[ExtractionFailure] = []
    items = ["Il pleuvait sur Lyon.", {"text": "Hier, à Paris.", "published": "21/09/2025"}, "Le 3 mars, Macron parlait."]
    articles = list(claimline.extract_many(items, nlp=nlp, on_error=failures.append))
    assert [a.text for a in articles] == ["Il pleuvait sur Lyon.", "Le 3 mars, Macron parlait."]
    assert [(f.index, f.stage) for f in failures] == [(1, "input")]
    assert "[E002] published='21/09/2025' is not a valid date" in failures[0].error


def test_on_error_raise_keeps_the_input_error(nlp):
    with pytest.raises(claimline.InputError, match="E002"):
        claimline.extract("Hier, à Paris.", published="21/09/2025", nlp=nlp)


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_failing_article_does_not_end_the_batch(nlp, failing_on, n_process):
    failing_on("EXPLOSE")
    failures: list[ExtractionFailure] = []
    texts = [f"Article {i} : le 3 mars, Macron était à Lyon." for i in range(6)]
    texts[3] = "Article 3 : EXPLOSE en plein vol."
    articles = claimline.extract_many(texts, nlp=nlp, n_process=n_process, batch_size=4, on_error=failures.append)
    assert [a.text.split(" :")[0] for a in articles] == ["Article 0", "Article 1", "Article 2", "Article 4", "Article 5"]
    assert [(f.index, f.stage) for f in failures] == [(3, "pipeline")]
    assert "component 'claimline_sections' failed: RuntimeError: cassé sur 'EXPLOSE'" in failures[0].error


def test_a_failing_article_raises_extraction_error_by_default(nlp, failing_on):
    failing_on("EXPLOSE")
    with pytest.raises(claimline.ExtractionError, match="E018") as info:
        claimline.extract("Le drone EXPLOSE au-dessus de Kiev.", nlp=nlp)
    assert isinstance(info.value.__cause__, RuntimeError)


def test_the_error_handlers_are_restored(nlp, failing_on):
    failing_on("EXPLOSE")
    list(claimline.extract_many(["EXPLOSE"], nlp=nlp, on_error="skip"))
    with pytest.raises(RuntimeError, match="cassé"):
        nlp("EXPLOSE")


def test_n_process_2_gives_the_same_articles(nlp, seed_lines):
    items = [{"text": seed_text(d), "doc_id": d, "published": seed_published(d)} for d in SEED_IDS]
    lines = [article_line(a) for a in claimline.extract_many(items, nlp=nlp, n_process=2, batch_size=2)]
    assert lines == seed_lines


# -- JSONL in and out ---------------------------------------------------------------------


def test_jsonl_in_jsonl_out_matches_the_api(tmp_path, seed_lines):
    corpus = seed_jsonl(tmp_path / "corpus.jsonl")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(corpus), "--format", "jsonl", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").splitlines() == seed_lines


def test_files_and_jsonl_outputs_hold_the_same_articles(tmp_path):
    assert main(["extract", str(RAW), "-o", str(tmp_path / "files")]) == 0
    assert main(["extract", str(RAW), "--format", "jsonl", "-o", str(tmp_path / "out.jsonl")]) == 0
    from_files = [json.loads((tmp_path / "files" / f"{d}.json").read_text(encoding="utf-8")) for d in SEED_IDS]
    from_jsonl = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert from_files == from_jsonl


def test_bad_jsonl_lines_are_reported_with_their_line_number(tmp_path, capsys):
    corpus = seed_jsonl(
        tmp_path / "corpus.jsonl",
        extra_lines=[
            '{"doc_id": "tronqué", "text": "Le 3 ma',
            "",
            '["pas", "un", "objet"]',
            '{"doc_id": "sans-texte"}',
            '{"doc_id": "mauvaise-date", "text": "Hier, à Paris.", "published": "21/09/2025"}',
            json.dumps({"doc_id": SEED_IDS[0], "text": "Un doublon."}),
            json.dumps({"text": "Le 14 juillet 2024, le défilé a eu lieu à Paris."}),
        ],
    )
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(corpus), "--format", "jsonl", "-o", str(out)]) == 1
    errors = errors_of(capsys.readouterr().err)
    assert [e.split(":")[0] for e in errors] == [f"[E017] {corpus}, line {n}" for n in (6, 8, 9, 10)] + [
        f"[E019] {corpus}"
    ]
    assert "not valid JSON" in errors[0] and "expected a JSON object, got list" in errors[1]
    assert "'text' is missing" in errors[2] and "'published'='21/09/2025' is not a valid date" in errors[3]
    assert f"{corpus}:11: doc_id '{SEED_IDS[0]}' already read from {corpus}:1: skipped" in errors[4]
    written = [json.loads(line)["doc_id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert written == [*SEED_IDS, claimline.io.inputs.default_doc_id("Le 14 juillet 2024, le défilé a eu lieu à Paris.")]


def test_cli_pipeline_failure_is_one_line_and_the_batch_goes_on(tmp_path, capsys, failing_on):
    failing_on("EXPLOSE")
    (tmp_path / "boum.txt").write_text("Le drone EXPLOSE au-dessus de Kiev.", encoding="utf-8")
    (tmp_path / "calme.txt").write_text("Le 3 mars, tout était calme à Kiev.", encoding="utf-8")
    assert main(["extract", str(tmp_path), "-o", str(tmp_path / "out")]) == 1
    errors = errors_of(capsys.readouterr().err)
    assert errors == [
        f"[E018] article 'boum' ({tmp_path / 'boum.txt'}): component 'claimline_sections' failed: "
        "RuntimeError: cassé sur 'EXPLOSE'"
    ]
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["calme.json"]


def test_doc_id_that_cannot_name_a_file(tmp_path, capsys):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"doc_id": "le-monde/2024/1", "text": "Il pleut."}) + "\n", encoding="utf-8")
    assert main(["extract", str(corpus), "-o", str(tmp_path / "out")]) == 1
    assert "doc_id='le-monde/2024/1' is not valid: it cannot name an output file" in capsys.readouterr().err


# -- --resume -----------------------------------------------------------------------------


def test_resume_jsonl_redoes_only_the_missing_and_the_partial_line(tmp_path, seed_lines, pipeline_calls):
    corpus = seed_jsonl(tmp_path / "corpus.jsonl")
    out = tmp_path / "out.jsonl"
    # a run cut while writing the fourth article
    out.write_text("\n".join(seed_lines[:3]) + "\n" + seed_lines[3][:500], encoding="utf-8")
    assert main(["extract", str(corpus), "--format", "jsonl", "-o", str(out), "--resume"]) == 0
    assert len(pipeline_calls) == 2
    assert out.read_text(encoding="utf-8") == "".join(line + "\n" for line in seed_lines)
    pipeline_calls.clear()
    assert main(["extract", str(corpus), "--format", "jsonl", "-o", str(out), "--resume"]) == 0
    assert pipeline_calls == []


def test_resume_files_skips_written_articles_without_reading_them(tmp_path, capsys, pipeline_calls):
    out = tmp_path / "out"
    assert main(["extract", str(RAW), "-o", str(out)]) == 0
    assert len(pipeline_calls) == 5
    (out / f"{SEED_IDS[1]}.json").unlink()
    (out / f".{SEED_IDS[1]}.json.part").write_text('{"doc_id": "tronq', encoding="utf-8")
    pipeline_calls.clear()
    capsys.readouterr()
    assert main(["extract", str(RAW), "-o", str(out), "--resume"]) == 0
    assert pipeline_calls == [seed_text(SEED_IDS[1]).split()[0]]
    assert "1 article(s) written to" in capsys.readouterr().err.replace("(4 already done, skipped)", "")
    assert sorted(p.stem for p in out.glob("*.json")) == SEED_IDS


def test_without_resume_the_output_is_rewritten(tmp_path, pipeline_calls, seed_lines):
    corpus = seed_jsonl(tmp_path / "corpus.jsonl")
    out = tmp_path / "out.jsonl"
    out.write_text("old\n", encoding="utf-8")
    assert main(["extract", str(corpus), "--format", "jsonl", "-o", str(out), "-j", "2"]) == 0
    assert out.read_text(encoding="utf-8").splitlines() == seed_lines


# -- the synthetic corpus -----------------------------------------------------------------


def test_synthetic_corpus_is_deterministic_and_french(tmp_path):
    a = write_corpus(tmp_path / "a.jsonl", 40).read_bytes()
    assert a == write_corpus(tmp_path / "b.jsonl", 40).read_bytes()
    records = synthetic_articles(40)
    assert len({r["text"] for r in records}) == 40
    assert all(r["text"].count("\n\n") == 3 for r in records)


def test_timeline_reads_the_jsonl_output(tmp_path, seed_articles):
    out = tmp_path / "out.jsonl"
    out.write_text("".join(article_line(seed_articles[d]) + "\n" for d in SEED_IDS) + '{"doc_id": 1}\n', encoding="utf-8")
    assert main(["timeline", str(out), "-o", str(tmp_path / "timeline.json")]) == 1
    timeline = claimline.Timeline.model_validate_json((tmp_path / "timeline.json").read_text(encoding="utf-8"))
    assert timeline == claimline.build_timeline(seed_articles[d] for d in SEED_IDS)


@pytest.mark.parametrize("option", ["--jobs", "--batch-size"])
def test_zero_jobs_or_batch_size_is_one_line_and_exit_2(tmp_path, capsys, option):
    assert main(["extract", str(RAW), "-o", str(tmp_path), option, "0"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and f"{option}=0 is not valid: expected 1 or more" in err[0]


def test_a_failing_spacy_component_is_named_too(nlp, monkeypatch):
    from spacy.pipeline import Morphologizer

    predict = Morphologizer.predict

    def failing(self, docs):
        if any("EXPLOSE" in doc.text for doc in docs):
            raise RuntimeError("morphologie cassée")
        return predict(self, docs)

    monkeypatch.setattr(Morphologizer, "predict", failing)
    failures: list[ExtractionFailure] = []
    texts = ["Le 3 mars, Macron était à Lyon.", "Le drone EXPLOSE.", "Le 4 mars, il pleuvait à Kiev."]
    articles = list(claimline.extract_many(texts, nlp=nlp, batch_size=8, on_error=failures.append))
    assert [a.text for a in articles] == [texts[0], texts[2]]  # the batch of three is redone one by one
    assert "component 'morphologizer' failed: RuntimeError: morphologie cassée" in failures[0].error
