"""Validate an HSDS document against the official HSDS 3.0 schemas kept in partners/hsds3/ (see its README).

Strict like HSDS's own example check (validate_examples_json_schema.sh sets additionalProperties to false
everywhere): a misspelt field name is an error, not an unknown extra. Formats (uuid, email, date-time) are
checked too. Used by the tests and by `manage.py check_open_data`.
"""

import copy
import json
from functools import cache
from pathlib import Path

from jsonschema import Draft7Validator, FormatChecker

SCHEMAS = Path(__file__).resolve().parent / "hsds3"


def strict(schema):
    """A copy of `schema` with additionalProperties false on every object that lists its properties."""
    schema = copy.deepcopy(schema)
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if "properties" in node:
                node["additionalProperties"] = False
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return schema


@cache
def service_validator():
    schema = json.loads((SCHEMAS / "service_with_definitions.json").read_text())
    return Draft7Validator(strict(schema), format_checker=FormatChecker())


@cache
def page_validator():
    """The envelope of a paginated HSDS API answer (openapi.json, components.schemas.Page)."""
    schema = json.loads((SCHEMAS / "openapi.json").read_text())["components"]["schemas"]["Page"]
    return Draft7Validator(strict(schema))


def errors(document):
    """Readable problems of an HSDS document (envelope and every service); [] when it is valid."""
    envelope = {name: value for name, value in document.items() if name != "contents"}
    found = [f"envelope {e.json_path}: {e.message}" for e in page_validator().iter_errors(envelope)]
    for service in document.get("contents", []):
        for error in service_validator().iter_errors(service):
            found.append(f"{service.get('name', '?')} {error.json_path}: {error.message[:200]}")
    return found
