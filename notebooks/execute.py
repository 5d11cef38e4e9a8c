#!/usr/bin/env python3
"""Execute a notebook headless with nbclient; exit 1 if any cell fails.

    python notebooks/execute.py NOTEBOOK.ipynb OUT_DIR

The executed copy (with outputs) is written to OUT_DIR, never over the committed notebook. Cells run in
the notebook's own folder, as in Jupyter. Run it through notebooks/run.sh, which sets up the environment.
"""
import pathlib
import re
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    src, out_dir = pathlib.Path(sys.argv[1]).resolve(), pathlib.Path(sys.argv[2])
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / src.name
    nb = nbformat.read(src, as_version=4)
    client = NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(src.parent)}},
    )
    started = time.monotonic()
    try:
        client.execute()
    except CellExecutionError as e:
        nbformat.write(nb, out)
        print(f"{src.name}: a cell failed (executed copy with the error: {out})", file=sys.stderr)
        print(re.sub(r"\x1b\[[0-9;]*m", "", str(e)), file=sys.stderr)  # no terminal colours in CI logs
        return 1
    nbformat.write(nb, out)
    cells = sum(c.cell_type == "code" for c in nb.cells)
    print(f"{src.name}: {cells} code cells ran in {time.monotonic() - started:.1f}s -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
