"""notebooks/walkthrough.ipynb runs top to bottom with this repository's code: tables, picture, page."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "walkthrough.ipynb"
KERNEL = "claimline-test"


@pytest.fixture
def kernel_manager(tmp_path):
    """A kernel for THIS interpreter, with src/ first on the path (the repository's code)."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager

    spec_dir = tmp_path / "kernels" / KERNEL
    spec_dir.mkdir(parents=True)
    (spec_dir / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "claimline (test)",
        "language": "python",
        "env": {"PYTHONPATH": str(ROOT / "src"), "CLAIMLINE_NOTEBOOK_OUT": str(tmp_path / "out"),
                "MPLBACKEND": "module://matplotlib_inline.backend_inline"},
    }), encoding="utf-8")
    specs = KernelSpecManager(kernel_dirs=[str(tmp_path / "kernels")])
    return KernelManager(kernel_name=KERNEL, kernel_spec_manager=specs)


@pytest.mark.slow
def test_walkthrough_runs_and_plots(kernel_manager, tmp_path):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb, km=kernel_manager, kernel_name=KERNEL, timeout=900,
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert f"from {ROOT / 'src' / 'claimline'}" in text, "the kernel did not run this repository's claimline"
    plot_cell = next(c for c in nb.cells if c.cell_type == "code" and "timeline.plot()" in c.source)
    assert any("image/png" in o.get("data", {}) for o in plot_cell.outputs), "the plot cell drew no image"
    page_cell = next(c for c in nb.cells if c.cell_type == "code" and "to_html" in c.source)
    assert any("<iframe srcdoc=" in o.get("data", {}).get("text/html", "") for o in page_cell.outputs)
    tables = "".join(o.get("data", {}).get("text/plain", "") for o in outputs)
    assert "datetime64[ns]" in tables and "Float64" in tables  # the typed claims table
    out = tmp_path / "out"  # everything the notebook writes is in its own folder
    assert sorted(p.name for p in out.iterdir()) == ["claims.csv", "timeline.html", "timeline.json", "timeline.png"]
    assert (out / "timeline.png").stat().st_size > 10_000
    assert ("No gold annotations" in text) or ("claimline evaluation" in text) or ("no evaluator" in text)
