"""Write demo/corpus/postcodes.csv from the other corpus files: the postcodes the demo data itself has.

Run from the project folder: `python demo/corpus/make_postcodes.py`. One row per full postcode of a voorziening
(its street from the address, its centre the mean of the places with that postcode) and one per postcode area
(4 digits) a buurt lists (its centre the mean of the full postcodes in that area, or else of the buurt's places).
Nothing comes from outside the corpus. Columns: postcode;straat;plaats;lat;lon (postcode without a space).
"""

import csv
import re
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DECIMALS = 5  # about one metre: as precise as the coordinates in voorzieningen.csv
HOUSE_NUMBER_RE = re.compile(r"\s+\d.*$")


def read(name):
    with (HERE / name).open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


def mean(points):
    return tuple(round(sum(p[i] for p in points) / len(points), DECIMALS) for i in (0, 1))


def main():
    full = defaultdict(list)  # "6826HK" -> [(lat, lon)]
    streets, towns = {}, {}
    per_buurt = defaultdict(list)
    buurt_town = {}
    for row in read("voorzieningen.csv"):
        if not (row["postcode"] and row["lat"] and row["lon"]):
            continue
        code = row["postcode"].replace(" ", "").upper()
        point = (float(row["lat"]), float(row["lon"]))
        full[code].append(point)
        per_buurt[row["buurt"]].append(point)
        streets.setdefault(code, HOUSE_NUMBER_RE.sub("", row["adres"]).strip())
        towns.setdefault(code, row["plaats"])
        buurt_town.setdefault(row["buurt"], row["plaats"])
    rows = [(code, streets[code], towns[code], *mean(points)) for code, points in full.items()]
    for buurt in read("buurten.csv"):
        for area in filter(None, (a.strip() for a in buurt["postcodes"].split(","))):
            inside = [p for code, points in full.items() if code.startswith(area) for p in points]
            points = inside or per_buurt[buurt["slug"]]
            town = next((towns[c] for c in full if c.startswith(area)), buurt_town.get(buurt["slug"], ""))
            if points:
                rows.append((area, "", town, *mean(points)))
    rows.sort()
    with (HERE / "postcodes.csv").open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";", lineterminator="\r\n")
        writer.writerow(["postcode", "straat", "plaats", "lat", "lon"])
        writer.writerows(rows)
    print(f"postcodes.csv: {len(rows)} postcodes.")


if __name__ == "__main__":
    main()
