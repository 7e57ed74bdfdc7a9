"""Fill the `route` column ("zo kom je er") of demo/corpus/voorzieningen.csv from what the demo data itself says.

Run from the project folder: `python demo/corpus/fill_route.py`. It adds the column when it is missing, writes the
texts below by slug and leaves every other cell and row as it is; running it twice changes nothing. Only what the
descriptions, addresses or accessibility notes of the corpus state is used (quoted with each row): the corpus
names no bus lines or stops, so none are invented. Places without such a statement keep an empty route.
"""

import csv
import sys
from pathlib import Path

PATH = Path(__file__).resolve().parent / "voorzieningen.csv"
COLUMN = "route"
ROUTES = {
    # omschrijving: "Buurtapotheek naast de huisartsenpraktijk"; both at the Meidoornplein.
    "apotheek-kruidenhof": "Naast Huisartsenpraktijk De Meidoorn, aan het Meidoornplein.",
    # toegankelijkheid: "Parkeren voor de deur."
    "huisartsenpraktijk-meidoorn": "Aan het Meidoornplein. Je kunt voor de deur parkeren.",
    # toegankelijkheid: "Drempelvrije ingang via het buurthuis"; address next door to De Klimop (Vlierbesstraat 14).
    "buurtteam-de-schakel": "Naast Buurthuis De Klimop. De ingang is via het buurthuis.",
    # omschrijving: "vlak bij winkelcentrum De Drieslag".
    "wijkcentrum-de-overkant": "Vlak bij winkelcentrum De Drieslag.",
    # toegankelijkheid: "Tijdens de renovatie is de achteringang tijdelijk gesloten"; "hellingbaan bij de hoofdingang".
    "wooncomplex-rivierenhof": "Ga naar de hoofdingang: de achteringang is dicht zolang de flat wordt opgeknapt.",
    # omschrijving: "Huiskamer in een voormalige winkel aan het plein".
    "buurthuiskamer-het-eiland": "In een oude winkel aan het Eilandplein.",
    # omschrijving: "Bibliotheekpunt in de school aan het plein"; toegankelijkheid: "Ingang via het schoolplein".
    "leeshoek-duiven": "In de school aan het plein. De ingang is via het schoolplein.",
    # omschrijving: "staat de rijdende winkel elke woensdagochtend bij het dorpshuis"; adres: "(parkeerplaats dorpshuis)".
    "rijdende-winkel-de-bolderkar": "Op de parkeerplaats van Dorpshuis De Uiterwaard, op woensdagochtend.",
    # omschrijving: "Vraagpunt in het dorpshuis"; toegankelijkheid: "Kamer op de begane grond van het dorpshuis".
    "dorpssteunpunt-randwijk": "In Dorpshuis De Uiterwaard, op de begane grond.",
    # toegankelijkheid: "wel in de zorglocatie ernaast"; omschrijving: "midden in de nieuwbouwwijk".
    "paviljoen-het-pasveld": "Midden in de nieuwe wijk, naast Zorglocatie De Hooiberg.",
    # omschrijving: "Spreekkamer in het dorpshuis"; same address as Dorpshuis De Spijker (Grensweg 12).
    "zorgsteunpunt-spijk": "In Dorpshuis De Spijker.",
    # omschrijving: "Apotheek in hetzelfde gebouw als de huisartsen" (Brinkstraat 4 and 6).
    "apotheek-de-gaper": "In hetzelfde gebouw als Huisartsen De Brink.",
    # toegankelijkheid: "In het wijkcentrum"; same address as Wijkcentrum De Stegge (Steggelaan 50).
    "buurtteam-noord": "In Wijkcentrum De Stegge.",
    # omschrijving: "Appartementencomplex voor senioren naast De Rijnoever".
    "wooncomplex-de-waterpoort": "Naast Zorglocatie De Rijnoever, aan de Rijnkade.",
}


def main():
    with PATH.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f, delimiter=";")
        header = list(reader.fieldnames)
        rows = list(reader)
    if COLUMN not in header:
        header.append(COLUMN)
    unknown = set(ROUTES) - {row["slug"] for row in rows}
    if unknown:
        sys.exit(f"Unknown slugs in ROUTES: {sorted(unknown)}")
    for row in rows:
        row[COLUMN] = ROUTES.get(row["slug"], row.get(COLUMN) or "")
    with PATH.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=header, delimiter=";", lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{PATH.name}: route filled for {len(ROUTES)} of {len(rows)} places.")


if __name__ == "__main__":
    main()
