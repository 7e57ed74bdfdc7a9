"""Recurrence benchmark (not a test): how long refusing a rule that never matches takes, against how long
dateutil alone would walk; and the cost of the check for ordinary rules. Prints figures, fails on nothing.

    .venv/bin/python benchmarks/recurrence_bench.py
"""

import os
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

import django  # noqa: E402

django.setup()

from dateutil.rrule import rrulestr  # noqa: E402

from activiteiten.recurrence import RecurrenceError, first_time, parse_rule  # noqa: E402

START = datetime(2026, 1, 9, 12)
NEVER = ["FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "FREQ=WEEKLY;BYMONTH=4;BYMONTHDAY=31", "FREQ=MONTHLY;BYMONTHDAY=-32"]
ORDINARY = ["FREQ=WEEKLY;BYDAY=FR", "FREQ=MONTHLY;BYDAY=-1WE", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20271231T235959"]


def seconds(function):
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def main():
    for rule in NEVER:
        try:
            dateutil_walk = seconds(lambda rule=rule: next(iter(rrulestr(rule, dtstart=START)), None))
        except ValueError:
            dateutil_walk = float("nan")  # dateutil refuses it itself
        checked = seconds(lambda rule=rule: first_time(rrulestr(rule, dtstart=START)))
        print(f"{rule:45} dateutil alone {dateutil_walk:6.2f} s   first_time {checked:5.2f} s")
    for rule in ORDINARY:
        runs = 200
        total = seconds(lambda rule=rule, runs=runs: [first_time(rrulestr(rule, dtstart=START)) for _ in range(runs)])
        print(f"{rule:45} check of an ordinary rule {1000 * total / runs:5.2f} ms")
    try:
        parse_rule("FREQ=SECONDLY", START)
    except RecurrenceError as exc:
        print("FREQ=SECONDLY:", exc)


if __name__ == "__main__":
    main()
