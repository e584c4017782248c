"""The README's first commands are the contract with a new user: keep CI on them."""

from __future__ import annotations

import re

from conftest import ROOT


def _quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```bash\n(.*?)```", section, re.S)]


def test_quick_start_has_the_two_commands():
    run, test = _quick_start_commands()
    assert "claimline extract data/raw" in run and "pip install -e ." in run
    assert "pytest" in test and 'pip install -e ".[dev]"' in test


def test_ci_runs_the_readme_test_command():
    _, test = _quick_start_commands()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test in ci.splitlines()
