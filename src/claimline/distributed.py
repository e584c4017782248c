"""Run claimline on a Dask cluster (``pip install "claimline[dask]"``).

The corpus (local paths or any fsspec URL: a folder of .txt with its ``metadata.json``,
.txt files, JSONL files) is cut into partitions of ``partition_size`` articles; each
partition is read, extracted and written on a worker, as ``part-00000.jsonl`` (and
``part-00000.parquet`` with ``parquet=True``, needs pyarrow) in the output folder; the
Timeline is a reduce over the partitions: each worker turns its articles into
:class:`~claimline.timeline.TimelineParts` (no texts), the parts are added up in a tree
and :func:`~claimline.timeline.assemble_timeline` merges the entity registries and
orders the events, exactly as :func:`claimline.build_timeline` does on one machine. Each worker process loads the spaCy pipeline
once (:func:`claimline.pipeline.default_pipeline` is cached per process). Concatenating
the parts in order gives, byte for byte, ``claimline extract --format jsonl`` on one
machine.

Command line::

    claimline extract corpus.jsonl --scheduler local:2 -o out/       # a LocalCluster
    claimline extract corpus.jsonl --scheduler tcp://127.0.0.1:8786  # a running scheduler

Python::

    from distributed import Client, LocalCluster
    from claimline.distributed import run

    with LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        result = run(["corpus.jsonl"], "out/", client=client)
    result.n_written, result.errors, result.timeline

or, for your own Dask graph, a bag of Articles::

    from claimline.distributed import read_corpus, extract_partition
    bag = read_corpus(["s3://bucket/archive/*.jsonl"]).map_partitions(extract_partition)
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from claimline.batch import ExtractionFailure, iter_results
from claimline.io.inputs import ArticleInput
from claimline.io.articles import iter_jsonl_articles
from claimline.io.corpus import JSONL_SUFFIXES, decode_text, parse_jsonl_line, parse_metadata
from claimline.errors import Errors, InputError, MissingDependencyError
from claimline.models import Article
from claimline.pipeline import DEFAULT_MODEL
from claimline.io.sinks import article_line
from claimline.timeline import Timeline, TimelineParts, assemble_timeline, timeline_parts

try:
    import dask
    import dask.bag as db
    import fsspec
except ImportError as err:  # pragma: no cover
    raise MissingDependencyError(
        Errors.E015.format(what="claimline.distributed (--scheduler)", package=err.name, extra="dask")
    ) from err

PART_NAME = "part-{:05d}"


# -- partitions -------------------------------------------------------------------------


@dataclass(frozen=True)
class TextFilesPart:
    """Some .txt files: ``(url, doc_id, published)`` each."""

    files: tuple[tuple[str, str, str | None], ...]

    def __len__(self) -> int:
        return len(self.files)


@dataclass(frozen=True)
class JsonlPart:
    """Lines ``first_line``... of a JSONL file: bytes ``[start, start + length)``."""

    url: str
    start: int
    length: int
    first_line: int
    n_lines: int

    def __len__(self) -> int:
        return self.n_lines


Part = TextFilesPart | JsonlPart


def _jsonl_parts(fs, path: str, size: int) -> Iterator[JsonlPart]:
    url = fs.unstrip_protocol(path)
    start = offset = lines = 0
    with fs.open(path, "rb") as f:
        for line in f:
            offset += len(line)
            lines += 1
            if lines % size == 0:
                yield JsonlPart(url, start, offset - start, lines - size + 1, size)
                start = offset
    if offset > start:
        yield JsonlPart(url, start, offset - start, lines - (lines % size) + 1, lines % size)


def _text_parts(fs, paths: list[str], meta: dict, size: int) -> Iterator[TextFilesPart]:
    files = [(fs.unstrip_protocol(p), p.rsplit("/", 1)[-1].removesuffix(".txt")) for p in paths]
    rows = [(url, doc_id, (meta.get(doc_id) or {}).get("published")) for url, doc_id in files]
    for i in range(0, len(rows), size):
        yield TextFilesPart(tuple(rows[i : i + size]))


def plan_partitions(
    urlpaths: Sequence[str], *, partition_size: int = 64, errors: list[str] | None = None, storage_options=None
) -> list[Part]:
    """Cut the corpus into partitions of ``partition_size`` articles, in input order.

    A folder gives its .txt files (sorted, dates from its ``metadata.json``); a JSONL
    file is scanned once here to cut it on line boundaries (so that errors name exact
    line numbers). Missing inputs are appended to ``errors``.
    """
    if partition_size < 1:
        raise InputError(Errors.E010.format(name="partition_size", value=partition_size, detail="expected >= 1"))
    errors = [] if errors is None else errors
    parts: list[Part] = []
    for urlpath in urlpaths:
        fs, _, paths = fsspec.get_fs_token_paths(str(urlpath), storage_options=storage_options)
        if not paths or not fs.exists(paths[0]):
            errors.append(Errors.E004.format(path=urlpath))
            continue
        texts: list[str] = []
        meta: dict = {}
        for path in paths:
            if fs.isdir(path):
                found = sorted(fs.glob(path.rstrip("/") + "/*.txt"))
                if not found:
                    errors.append(Errors.E009.format(path=urlpath, detail="no .txt file in this folder"))
                texts.extend(found)
                meta_path = path.rstrip("/") + "/metadata.json"
                if fs.exists(meta_path):
                    try:
                        meta.update(parse_metadata(fs.cat_file(meta_path), fs.unstrip_protocol(meta_path)))
                    except InputError as err:
                        errors.append(str(err))
            elif path.lower().endswith(JSONL_SUFFIXES):
                parts.extend(_jsonl_parts(fs, path, partition_size))
            else:
                texts.append(path)
        if texts and not meta:
            parent = texts[0].rsplit("/", 1)[0] + "/metadata.json"
            if fs.exists(parent):
                try:
                    meta = parse_metadata(fs.cat_file(parent), fs.unstrip_protocol(parent))
                except InputError as err:
                    errors.append(str(err))
        parts.extend(_text_parts(fs, texts, meta, partition_size))
    return parts


def read_partition(part: Part, *, published: str | None = None, storage_options=None) -> list:
    """The :class:`ArticleInput` of a partition, an input :class:`ExtractionFailure` for each bad one."""
    records: list[ArticleInput | ExtractionFailure] = []

    def failure(err: InputError, origin: str) -> ExtractionFailure:
        return ExtractionFailure(-1, None, str(err), origin, "input", err)

    if isinstance(part, TextFilesPart):
        for url, doc_id, date in part.files:
            try:
                with fsspec.open(url, "rb", **(storage_options or {})) as f:
                    text = decode_text(f.read(), url)
            except FileNotFoundError:
                records.append(failure(InputError(Errors.E004.format(path=url)), url))
                continue
            except InputError as err:
                records.append(failure(err, url))
                continue
            records.append(ArticleInput(text, doc_id, published or date, url))
        return records
    with fsspec.open(part.url, "rb", **(storage_options or {})) as f:
        f.seek(part.start)
        block = f.read(part.length)
    for line_no, line in enumerate(io.BytesIO(block), part.first_line):  # "\n" only, as the planner
        try:
            item = parse_jsonl_line(line, path=part.url, line_no=line_no)
        except InputError as err:
            records.append(failure(err, f"{part.url}:{line_no}"))
            continue
        if item is not None:
            records.append(item._replace(published=published or item.published))
    return records


def read_corpus(
    urlpaths: Sequence[str], *, partition_size: int = 64, published: str | None = None, storage_options=None
) -> db.Bag:
    """A Dask bag of :class:`ArticleInput` (and input :class:`ExtractionFailure`), one
    partition per :func:`plan_partitions` partition."""
    parts = plan_partitions(urlpaths, partition_size=partition_size, storage_options=storage_options)
    bag = db.from_sequence(parts, npartitions=max(1, len(parts)))
    return bag.map_partitions(
        lambda ps: [r for p in ps for r in read_partition(p, published=published, storage_options=storage_options)]
    )


# -- extraction on a worker -------------------------------------------------------------

_PIPELINE_LOCK = threading.Lock()


def extract_partition(records: Iterable, *, model: str = DEFAULT_MODEL, batch_size: int = 8) -> list:
    """Articles (and :class:`ExtractionFailure`) for the records of one partition, in order.

    The pipeline is loaded once per worker process; a lock keeps worker threads from
    sharing it at the same time (run workers with ``threads_per_worker=1``).
    """
    from claimline.pipeline import default_pipeline

    records = list(records)
    inputs = [r for r in records if isinstance(r, ArticleInput)]
    with _PIPELINE_LOCK:
        results = iter(list(iter_results(inputs, default_pipeline(model), batch_size=batch_size)))
    return [next(results) if isinstance(r, ArticleInput) else r for r in records]


# -- a whole run ------------------------------------------------------------------------


@dataclass(frozen=True)
class PartResult:
    """What a worker reports for one partition."""

    index: int
    n_written: int
    n_skipped: int
    errors: tuple[str, ...]
    doc_ids: tuple[str, ...] = ()


@dataclass
class RunResult:
    """The outcome of :func:`run`: counts, one-line errors, the parts and the Timeline."""

    n_written: int
    n_skipped: int
    errors: list[str]
    parts: list[str]
    timeline: Timeline | None = None
    part_results: list[PartResult] = field(default_factory=list, repr=False)


def _exists(url: str, storage_options=None) -> bool:
    fs, _, (path,) = fsspec.get_fs_token_paths(url, storage_options=storage_options)
    return fs.exists(path)


def _write_atomic(url: str, data: bytes, storage_options=None) -> None:
    fs, _, (path,) = fsspec.get_fs_token_paths(url, storage_options=storage_options)
    tmp = path + ".tmp"
    with fs.open(tmp, "wb") as f:
        f.write(data)
    fs.mv(tmp, path)


def _parquet_bytes(articles: list[Article]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table(
        {
            "doc_id": [a.doc_id for a in articles],
            "title": [a.title for a in articles],
            "published": [a.published for a in articles],
            "model": [a.model for a in articles],
            "article": [article_line(a) for a in articles],
        }
    )
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()


def process_part(
    indexed: tuple[int, Part],
    *,
    out: str,
    model: str = DEFAULT_MODEL,
    published: str | None = None,
    resume: bool = False,
    parquet: bool = False,
    batch_size: int = 8,
    storage_options=None,
) -> tuple[PartResult, TimelineParts]:
    """Read, extract and write one partition (on a worker); its result and Timeline parts.

    With ``resume``, a partition whose part file exists (parts are written whole, then
    renamed) is read back instead of redone.
    """
    index, part = indexed
    name = f"{out.rstrip('/')}/{PART_NAME.format(index)}"
    if resume and _exists(name + ".jsonl", storage_options):
        with fsspec.open(name + ".jsonl", "rt", encoding="utf-8", **(storage_options or {})) as f:
            articles = list(iter_jsonl_articles(f, name + ".jsonl"))
        return PartResult(index, 0, len(articles), (), tuple(a.doc_id for a in articles)), partial_timeline(articles)
    results = extract_partition(
        read_partition(part, published=published, storage_options=storage_options), model=model, batch_size=batch_size
    )
    articles = [r for r in results if isinstance(r, Article)]
    errors = tuple(r.error for r in results if not isinstance(r, Article))
    if parquet:
        _write_atomic(name + ".parquet", _parquet_bytes(articles), storage_options)
    _write_atomic(name + ".jsonl", "".join(article_line(a) + "\n" for a in articles).encode(), storage_options)
    doc_ids = tuple(a.doc_id for a in articles)
    return PartResult(index, len(articles), 0, errors, doc_ids), partial_timeline(articles)


# -- the Timeline reduce ----------------------------------------------------------------


def partial_timeline(articles: list[Article]) -> TimelineParts:
    """One partition's share of the Timeline: its :class:`~claimline.timeline.TimelineParts`
    (entities, mentions, claims, event sources: no texts)."""
    return timeline_parts(articles)


def add_timeline_parts(parts: Iterable[TimelineParts]) -> TimelineParts:
    """The sum of partitions' parts, in partition order (the reduce step of :func:`run`)."""
    return sum(parts, TimelineParts())


def run(
    urlpaths: Sequence[str],
    out: str,
    *,
    client=None,
    partition_size: int = 64,
    storage_options=None,
    **options: Any,
) -> RunResult:
    """Extract a corpus on Dask: JSONL (and Parquet) parts in ``out``, and the Timeline.

    ``client`` is a ``distributed.Client`` (default: Dask's current scheduler); the
    other options (``model``, ``published``, ``resume``, ``parquet``, ``batch_size``,
    ``on_part``) are those of :func:`run_parts`.
    """
    errors: list[str] = []
    parts = plan_partitions(urlpaths, partition_size=partition_size, errors=errors, storage_options=storage_options)
    result = run_parts(parts, out, client=client, storage_options=storage_options, **options)
    result.errors[:0] = errors
    return result


def run_parts(
    parts: Sequence[Part],
    out: str,
    *,
    client=None,
    model: str = DEFAULT_MODEL,
    published: str | None = None,
    resume: bool = False,
    parquet: bool = False,
    batch_size: int = 8,
    storage_options=None,
    on_part: Callable[[PartResult, int], Any] | None = None,
) -> RunResult:
    """:func:`run` on partitions already planned; ``on_part(result, n_articles)`` is
    called as each partition finishes (with a ``client``), e.g. for a progress bar."""
    fs, _, (root,) = fsspec.get_fs_token_paths(str(out), storage_options=storage_options)
    fs.makedirs(root, exist_ok=True)
    if not parts:
        return RunResult(0, 0, [], [])
    bag = db.from_sequence(list(enumerate(parts)), npartitions=len(parts))
    done = bag.map(
        process_part,
        out=fs.unstrip_protocol(root),
        model=model,
        published=published,
        resume=resume,
        parquet=parquet,
        batch_size=batch_size,
        storage_options=storage_options,
    )
    if client is not None:  # run the partitions once; the summaries and the reduce read them
        from distributed import as_completed, futures_of

        done = client.persist(done)
        if on_part is not None:
            for future in as_completed(futures_of(done)):
                for result, _ in future.result():
                    on_part(result, len(parts[result.index]))
    summed = done.pluck(1).reduction(add_timeline_parts, add_timeline_parts, split_every=8)
    wanted = (done.pluck(0), summed.apply(assemble_timeline))
    summaries, merged = client.gather(client.compute(wanted)) if client is not None else dask.compute(*wanted)
    results = sorted(summaries, key=lambda r: r.index)
    return RunResult(
        n_written=sum(r.n_written for r in results),
        n_skipped=sum(r.n_skipped for r in results),
        errors=[e for r in results for e in r.errors] + _duplicates(results, out),
        parts=[f"{out.rstrip('/')}/{PART_NAME.format(r.index)}.jsonl" for r in results],
        timeline=merged,
        part_results=results,
    )


def _duplicates(results: list[PartResult], out: str) -> list[str]:
    """E019 for each doc_id written twice (partitions are independent: both are kept)."""
    first: dict[str, str] = {}
    errors = []
    for result in results:
        part = f"{out.rstrip('/')}/{PART_NAME.format(result.index)}.jsonl"
        for doc_id in result.doc_ids:
            if doc_id in first:
                errors.append(Errors.E019.format(origin=part, doc_id=doc_id, first=first[doc_id], outcome="written twice"))
            else:
                first[doc_id] = part
    return errors


# -- the command line -------------------------------------------------------------------


def connect(scheduler: str):
    """A ``distributed.Client`` for ``local``, ``local:N`` (a LocalCluster of N worker
    processes on 127.0.0.1, dashboard off) or a scheduler address (``tcp://...``)."""
    from distributed import Client, LocalCluster

    if scheduler == "local" or scheduler.startswith("local:"):
        count = scheduler.partition(":")[2] or "2"
        if not count.isdigit() or int(count) < 1:
            raise InputError(Errors.E010.format(name="--scheduler", value=scheduler, detail="expected local:N with N >= 1"))
        cluster = LocalCluster(
            n_workers=int(count), threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
        )
        return Client(cluster)
    if "://" not in scheduler:
        raise InputError(
            Errors.E010.format(
                name="--scheduler", value=scheduler, detail="expected local, local:N or an address like tcp://127.0.0.1:8786"
            )
        )
    return Client(scheduler)


def cmd_extract_dask(args, *, published: str | None) -> int:
    """``claimline extract --scheduler ...``: :func:`run`, with a progress bar and the CLI report."""
    from claimline.io.progress import progress_bar, report

    if args.format == "files":
        raise InputError(
            Errors.E010.format(
                name="--format", value="files", detail="with --scheduler, the output is a folder of JSONL parts (-o DIR)"
            )
        )
    out = args.output or "out"
    errors: list[str] = []
    parts = plan_partitions(args.paths, partition_size=args.partition_size, errors=errors)
    client = connect(args.scheduler)
    bar = progress_bar(sum(len(p) for p in parts))
    try:
        result = run_parts(
            parts,
            out,
            client=client,
            model=args.model,
            published=published,
            resume=args.resume,
            parquet=args.parquet,
            batch_size=args.batch_size,
            on_part=lambda _, n: bar.update(n),
        )
    finally:
        bar.close()
        cluster = getattr(client, "cluster", None)
        client.close()
        if cluster is not None:
            cluster.close()
    result.errors[:0] = errors
    if result.timeline is not None:
        _write_atomic(f"{out.rstrip('/')}/timeline.json", (result.timeline.model_dump_json(indent=2) + "\n").encode())
    return report(result.n_written, result.n_skipped, f"{out} ({len(result.parts)} part(s))", result.errors)


__all__ = [
    "JsonlPart",
    "PartResult",
    "RunResult",
    "TextFilesPart",
    "connect",
    "extract_partition",
    "add_timeline_parts",
    "partial_timeline",
    "plan_partitions",
    "process_part",
    "read_corpus",
    "read_partition",
    "run",
    "run_parts",
]
