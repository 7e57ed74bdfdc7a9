"""Import of the CSV files welzijn organisations keep in Excel (see demo/corpus/README.md)."""

from .importer import CorpusImporter, ImportFailed  # noqa: F401
from .reader import Problem  # noqa: F401
