"""The demo corpus (demo/corpus/) copied into a test's own folder, to be changed and imported there."""

import shutil
from pathlib import Path

from django.conf import settings

DEMO = Path(settings.BASE_DIR) / "demo" / "corpus"
FILES = ["buurten.csv", "voorzieningen.csv", "activiteiten.csv", "woordenlijst.csv"]


def copy_corpus(folder, names=FILES):
    """Copy these demo files into `folder`. A test that imports should copy only the files it is about:
    a folder may hold only the files that changed, and each file imported again unchanged costs minutes
    (every row a new revision, in four languages)."""
    for name in names:
        shutil.copy(DEMO / name, folder / name)
    return folder
