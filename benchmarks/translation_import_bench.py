"""How long `import_corpus --lang <lang>` takes for a translation of every demo page (258 rows).

    DATABASE_URL=postgres://zb:zb@127.0.0.1:5432/zb_bench python benchmarks/translation_import_bench.py [--lang tr]

Writes a translation folder (docs/talen.md) for all 12 buurten, 45 voorzieningen, 111 activiteiten and 90
begrippen of demo/corpus into a temporary folder (each text marked "[tr]", not a real translation), then times
three runs: the first import (aliases become translations), a second run with the same files (nothing changes)
and a run with one edited row. The database must hold the demo site (`manage.py migrate && manage.py load_demo`)
and is changed by it: use a database for benchmarks. Prints figures; it asserts nothing.
"""

import argparse
import csv
import io
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "demo" / "corpus"
# The columns of each translation file (docs/talen.md) and the Dutch column each one translates.
COLUMNS = {
    "buurten.csv": ["slug", "naam", "intro"],
    "voorzieningen.csv": ["slug", "naam", "omschrijving", "toegankelijkheid"],
    "activiteiten.csv": ["slug", "titel", "locatie", "samenvatting", "omschrijving", "kosten", "aanmelden"],
    "woordenlijst.csv": ["slug", "term", "uitleg", "definitie", "synoniemen"],
}


def write_folder(folder, lang):
    rows_written = 0
    for name, columns in COLUMNS.items():
        dutch = list(csv.DictReader(io.StringIO((DEMO / name).read_text(encoding="utf-8-sig")), delimiter=";"))
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";")
        writer.writerow(columns)
        for row in dutch:
            marked = [f"[{lang}] {row[c]}" if row[c] else "" for c in columns[1:]]
            writer.writerow([row["slug"], *marked])
            rows_written += 1
        (folder / name).write_text(out.getvalue(), encoding="utf-8")
    return rows_written


def timed(lang, folder):
    from django.core.management import call_command

    start = time.perf_counter()
    out = io.StringIO()
    call_command("import_corpus", "--lang", lang, "--messages", "en", str(folder), stdout=out)
    seconds = time.perf_counter() - start
    summary = [line for line in out.getvalue().splitlines() if ".csv:" in line and "/" not in line]
    return seconds, summary


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="tr", choices=["en", "tr", "ar"])
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    import django

    django.setup()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows = write_folder(folder, args.lang)
        print(f"{rows} rows in {folder}")
        for label in ("first import", "same files again"):
            seconds, summary = timed(args.lang, folder)
            print(f"{label}: {seconds:.1f} s  ({'; '.join(summary)})")
        text = (folder / "buurten.csv").read_text(encoding="utf-8")
        (folder / "buurten.csv").write_text(text.replace(f"[{args.lang}] ", f"[{args.lang}, edited] ", 1), "utf-8")
        seconds, summary = timed(args.lang, folder)
        print(f"one edited row: {seconds:.1f} s  ({'; '.join(summary)})")


if __name__ == "__main__":
    main()
