"""Fill the `toegankelijkheid_items` column of voorzieningen.csv and activiteiten.csv (issue 13).

Run from the project root: ``python demo/corpus/fill_toegankelijkheid.py``. It rewrites both files in the corpus
dialect (UTF-8 with BOM, ``;``, CRLF, csv-module quoting), keeps every other column as it is (also columns added
later), and can be run again after a merge: the answers below are the data, not the files.

The answers are taken from what each place's `toegankelijkheid` text and each activity's description say; nothing
is added that the text does not say. An activity lists only what differs from its place (or everything, when it has
no place). The old activiteiten column `toegankelijk` (rolstoel/rollator: ja, gedeeltelijk, nee) is folded into
`drempelvrij` the same way as the data migration does (activiteiten/toegankelijkheid.py, uit_oud_veld) and removed.
Format of a cell: ``drempelvrij=ja; lift=nee: geen lift naar de bovenverdieping`` (see README.md).
"""

import csv
import io
from pathlib import Path

HERE = Path(__file__).resolve().parent
COLUMN = "toegankelijkheid_items"
OLD_COLUMN = "toegankelijk"

VOORZIENINGEN = {
    "buurthuis-de-klimop": "drempelvrij=ja; lift=ja: naar de eerste verdieping; aangepast-toilet=ja; ringleiding=ja: in de grote zaal",
    "zorgcentrum-lindehof": "drempelvrij=ja: automatische deuren; aangepast-toilet=ja: op elke verdieping; parkeren=ja: parkeerplaatsen voor mensen met een beperking",
    "huisartsenpraktijk-meidoorn": "drempelvrij=ja: gelijkvloers, brede deuren; aangepast-toilet=ja; parkeren=ja: voor de deur",
    "buurtteam-de-schakel": "drempelvrij=ja: ingang via het buurthuis, gespreksruimte op de begane grond",
    "apotheek-kruidenhof": "drempelvrij=ja: automatische deur; zitplaatsen=ja: bij de balie",
    "wijkcentrum-de-overkant": "drempelvrij=ja; lift=ja; aangepast-toilet=ja; ringleiding=ja: in zaal 1 en 2",
    "wijkrestaurant-de-pollepel": "drempelvrij=ja: gelijkvloers, ruimte voor rollators en rolstoelen tussen de tafels; aangepast-toilet=ja",
    "leespunt-de-bladwijzer": "drempelvrij=ja",
    "vraagpunt-de-wegwijzer": "drempelvrij=ja: ingang op straatniveau",
    "kringloop-tweede-ronde": "drempelvrij=ja: winkel gelijkvloers, smalle gangpaden achterin; aangepast-toilet=nee",
    "wooncomplex-rivierenhof": "drempelvrij=ja: hellingbaan bij de hoofdingang; lift=ja: twee liften",
    "gezondheidscentrum-de-waaier": "drempelvrij=ja; lift=ja; ringleiding=ja: bij de balie; parkeren=ja: invalidenparkeerplaats",
    "sportzaal-de-sprong": "drempelvrij=ja: aangepaste kleedkamer met douchestoel",
    "kerkcentrum-de-brug": "drempelvrij=ja: hellingbaan aan de zijkant; aangepast-toilet=ja; ringleiding=ja: in de kerkzaal",
    "buurthuiskamer-het-eiland": "drempelvrij=ja: rollators kunnen binnen worden geparkeerd; aangepast-toilet=ja",
    "apotheek-de-vijzel": "drempelvrij=ja: automatische deur",
    "zorgcentrum-de-waterlelie": "drempelvrij=ja; aangepast-toilet=ja; rustige-ruimte=ja: voor mensen met prikkelgevoeligheid",
    "leeshoek-duiven": "drempelvrij=ja: ingang via het schoolplein; lift=nee: geen lift naar de bovenverdieping",
    "mfc-het-dorpshart": "drempelvrij=ja; lift=ja; aangepast-toilet=ja; ringleiding=ja: in de grote zaal en de dorpskamer",
    "huisartsenpraktijk-aan-de-dijk": "drempelvrij=ja: gelijkvloers, brede deur; parkeren=ja: invalidenparkeerplaats",
    "sporthal-de-hoeve": "drempelvrij=ja: aangepaste kleedkamer; lift=nee: de tribune is alleen via de trap",
    "ontmoetingskerk-de-ark": "drempelvrij=ja: hellingbaan bij de zij-ingang; ringleiding=ja: in de kerkzaal",
    "dorpshuis-de-uiterwaard": "drempelvrij=ja: de gymruimte heeft een kleine verhoging bij de deur; aangepast-toilet=ja",
    "rijdende-winkel-de-bolderkar": "drempelvrij=nee: een opstapje met leuning, wie niet kan instappen wordt buiten geholpen",
    "dorpssteunpunt-randwijk": "drempelvrij=ja: kamer op de begane grond van het dorpshuis",
    "paviljoen-het-pasveld": "drempelvrij=ja: gelijkvloers met hellingbaan; aangepast-toilet=nee: wel in de zorglocatie ernaast",
    "zorglocatie-de-hooiberg": "drempelvrij=ja: rolstoel te leen bij de receptie; aangepast-toilet=ja",
    "beweegtuin-de-kolk": "drempelvrij=ja: verharde paden, toestellen ook te gebruiken vanuit een rolstoel",
    "dorpshuis-de-spijker": "drempelvrij=ja; aangepast-toilet=ja",
    "kerkgebouw-de-toren": "drempelvrij=ja: verplaatsbare hellingbaan bij de hoofdingang; aangepast-toilet=nee",
    "zorgsteunpunt-spijk": "drempelvrij=ja: in het dorpshuis",
    "wijkcentrum-de-stegge": "drempelvrij=ja; lift=ja; aangepast-toilet=ja; ringleiding=ja",
    "huisartsen-de-brink": "drempelvrij=ja: gelijkvloers, brede deuren; ringleiding=ja: bij de balie",
    "apotheek-de-gaper": "drempelvrij=ja: automatische deur; zitplaatsen=ja: bij de balie",
    "buurtteam-noord": "drempelvrij=ja: in het wijkcentrum",
    "zorglocatie-de-rijnoever": "drempelvrij=ja; lift=ja: liften; aangepast-toilet=ja",
    "wooncomplex-de-waterpoort": "lift=ja: brede galerijen, scootmobielstalling met oplaadpunten",
    "dorpshuis-het-tolhuis": "drempelvrij=ja; aangepast-toilet=ja; ringleiding=nee",
    "mfc-de-dorpsweide": "drempelvrij=ja; lift=ja; aangepast-toilet=ja; ringleiding=ja: in de foyer",
    "huisartsenpraktijk-het-oude-veer": "drempelvrij=ja: gelijkvloers; parkeren=ja: invalidenparkeerplaats",
    "buurtwinkel-de-korf": "drempelvrij=ja: brede paden; zitplaatsen=ja: zitbankje bij de kassa",
    "thuisplusflat-de-horizon": "drempelvrij=ja: elektrische deuren; lift=ja: drie liften; aangepast-toilet=ja: bij de huiskamer",
    "servicepunt-de-kastanje": "drempelvrij=ja; zitplaatsen=ja: bij de ingang",
    "huis-van-de-wijk-de-ommekeer": "drempelvrij=ja; lift=ja; aangepast-toilet=ja; ringleiding=ja: in de grote zaal",
    "gezondheidscentrum-de-veldhoek": "drempelvrij=ja; ringleiding=ja; parkeren=ja: invalidenparkeerplaatsen",
}

# Only what differs from the activity's place; activities without a place carry their own answers.
ACTIVITEITEN = {
    "alzheimercafe-arnhem-oost": "dementievriendelijk=ja",
    "wandelgroep-park-presikhaaf": "drempelvrij=nee: gedeeltelijk goed te doen met rolstoel of rollator; zitplaatsen=ja: onderweg tijd om op een bankje uit te rusten",
    "repair-cafe-malburgen": "drempelvrij=nee: gedeeltelijk goed te doen met rolstoel of rollator",
    "boodschappenmaatjes-malburgen": "drempelvrij=nee: gedeeltelijk goed te doen met rolstoel of rollator",
    "rollatorschouw-drieslag": "drempelvrij=nee: gedeeltelijk goed te doen met rolstoel of rollator",
    "klusjesdienst-elderveld": "drempelvrij=ja",
    "duofiets-uiterwaarden": "drempelvrij=nee: gedeeltelijk goed te doen met rolstoel of rollator",
    "jeu-de-boules-eilandplein": "drempelvrij=nee: gedeeltelijk goed te doen met rolstoel of rollator",
    "boodschappenrit-randwijk": "drempelvrij=nee: gedeeltelijk goed te doen met rolstoel of rollator",
    "dijkwandeling-randwijk": "drempelvrij=nee: gedeeltelijk goed te doen met rolstoel of rollator",
    "burendag-de-pas": "drempelvrij=nee: gedeeltelijk goed te doen met rolstoel of rollator",
    "wandelgroep-de-pas": "drempelvrij=nee: gedeeltelijk goed te doen met rolstoel of rollator",
    "buitenfitness-de-kolk": "drempelvrij=nee: gedeeltelijk goed te doen met rolstoel of rollator",
    "open-kerk-koffie-spijk": "drempelvrij=nee: gedeeltelijk goed te doen met rolstoel of rollator",
    "fietsgroep-spijk": "drempelvrij=nee",
    "verhalen-van-vroeger-spijk": "drempelvrij=nee: gedeeltelijk goed te doen met rolstoel of rollator",
    "rijnwandeling-tolkamer": "drempelvrij=nee",
    "scootmobieltraining-tolkamer": "drempelvrij=ja",
    "buurthulp-tolkamer": "drempelvrij=ja",
    "wandelen-voor-mantelzorgers-haalderen": "drempelvrij=nee: gedeeltelijk goed te doen met rolstoel of rollator",
    "alzheimercafe-prins-alexander": "dementievriendelijk=ja",
    "opzoomerdag-kastanjeplein": "drempelvrij=nee: gedeeltelijk goed te doen met rolstoel of rollator",
}


def rewrite(name, answers, after):
    path = HERE / name
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh, delimiter=";")
        header = list(reader.fieldnames)
        rows = list(reader)
    unknown = set(answers) - {row["slug"] for row in rows}
    if unknown:
        raise SystemExit(f"{name}: unknown slugs {sorted(unknown)}")
    if COLUMN not in header:
        anchor = OLD_COLUMN if OLD_COLUMN in header and name == "activiteiten.csv" else after
        header.insert(header.index(anchor) + 1, COLUMN)
    if name == "activiteiten.csv" and OLD_COLUMN in header:
        header.remove(OLD_COLUMN)
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=header, delimiter=";", lineterminator="\r\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        row[COLUMN] = answers.get(row["slug"], "")
        writer.writerow(row)
    path.write_bytes(("\ufeff" + out.getvalue()).encode("utf-8"))
    print(f"{name}: {sum(1 for row in rows if row[COLUMN])} of {len(rows)} rows have answers")


if __name__ == "__main__":
    rewrite("voorzieningen.csv", VOORZIENINGEN, after="toegankelijkheid")
    rewrite("activiteiten.csv", ACTIVITEITEN, after="organisator")
