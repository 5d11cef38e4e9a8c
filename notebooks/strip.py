#!/usr/bin/env python3
"""Strip outputs from the committed notebooks, deterministically (standard library only).

    python3 notebooks/strip.py            # rewrite notebooks/*.ipynb in canonical, output-free form
    python3 notebooks/strip.py --check    # exit 1 if any notebook has outputs or is not canonical

Canonical form: no outputs, no execution counts, no cell metadata, notebook metadata reduced to
the kernelspec and language name, sources as lists of lines, JSON with one-space indentation and
sorted keys (as Jupyter writes it) and a final newline. Stripping a canonical notebook changes nothing.
"""
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent


def strip(nb: dict) -> dict:
    for cell in nb["cells"]:
        cell["metadata"] = {}
        if isinstance(cell["source"], str):  # Jupyter stores the source as a list of lines
            cell["source"] = cell["source"].splitlines(keepends=True)
        if cell["cell_type"] == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        else:
            cell.pop("outputs", None)
            cell.pop("execution_count", None)
            cell.pop("attachments", None)
    meta = nb.get("metadata", {})
    nb["metadata"] = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": meta.get("language_info", {}).get("name", "python")},
    }
    return nb


def canonical(nb: dict) -> str:
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    paths = [pathlib.Path(a) for a in argv if a != "--check"] or sorted(HERE.glob("*.ipynb"))
    if not paths:
        print("strip.py: no notebooks found", file=sys.stderr)
        return 1
    bad = 0
    for p in paths:
        text = p.read_text(encoding="utf-8")
        out = canonical(strip(json.loads(text)))
        if text == out:
            continue
        if check:
            print(f"{p}: has outputs or is not in canonical form; run python3 notebooks/strip.py",
                  file=sys.stderr)
            bad += 1
        else:
            p.write_text(out, encoding="utf-8")
            print(f"stripped {p}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
