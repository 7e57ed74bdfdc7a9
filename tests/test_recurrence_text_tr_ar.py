"""The B1 recurrence sentence as a Turkish or an Arabic reader gets it: whole sentences in that language's own
word order ("Her ayın son çarşamba günü", "في الأربعاء الأخير من كل شهر"), not Dutch pieces in a row.

Needs the compiled catalogues (manage.py compilemessages). Digits stay 0-9 in Arabic, as in times and phone numbers.
"""

from datetime import date, datetime

import pytest
from django.utils import translation

from activiteiten.rrule_text import describe
from activiteiten.wording import date_text, reden_zin

TUE_10 = datetime(2026, 1, 6, 10, 0)  # a Tuesday
TUE_12 = datetime(2026, 1, 6, 12, 0)

CASES = [
    # (rule, Turkish, Arabic)
    (
        "FREQ=WEEKLY;BYDAY=TU",
        "Her salı saat 10.00 ile 12.00 arası.",
        "كل يوم الثلاثاء من الساعة 10:00 إلى الساعة 12:00.",
    ),
    (
        "FREQ=WEEKLY;BYDAY=TU,TH",
        "Her salı ve perşembe saat 10.00 ile 12.00 arası.",
        "كل يومي الثلاثاء والخميس من الساعة 10:00 إلى الساعة 12:00.",
    ),
    (
        "FREQ=WEEKLY;BYDAY=MO,WE,FR",
        "Her pazartesi, çarşamba ve cuma saat 10.00 ile 12.00 arası.",
        "كل أيام الاثنين والأربعاء والجمعة من الساعة 10:00 إلى الساعة 12:00.",
    ),
    (
        "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
        "Hafta içi her gün saat 10.00 ile 12.00 arası.",
        "كل يوم من الاثنين إلى الجمعة من الساعة 10:00 إلى الساعة 12:00.",
    ),
    (
        "FREQ=DAILY;INTERVAL=2",
        "2 günde bir saat 10.00 ile 12.00 arası.",
        "كل يومين من الساعة 10:00 إلى الساعة 12:00.",
    ),
    (
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR",
        "İki haftada bir cuma günü saat 10.00 ile 12.00 arası.",
        "كل أسبوعين يوم الجمعة من الساعة 10:00 إلى الساعة 12:00.",
    ),
    (
        "FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,TH",
        "3 haftada bir salı ve perşembe günleri saat 10.00 ile 12.00 arası.",
        "كل 3 أسابيع يومي الثلاثاء والخميس من الساعة 10:00 إلى الساعة 12:00.",
    ),
    (
        "FREQ=MONTHLY;BYDAY=2WE",
        "Her ayın 2. çarşamba günü saat 10.00 ile 12.00 arası.",
        "في الأربعاء الثاني من كل شهر من الساعة 10:00 إلى الساعة 12:00.",
    ),
    (
        "FREQ=MONTHLY;BYDAY=-1WE",
        "Her ayın son çarşamba günü saat 10.00 ile 12.00 arası.",
        "في الأربعاء الأخير من كل شهر من الساعة 10:00 إلى الساعة 12:00.",
    ),
    (
        "FREQ=MONTHLY;BYDAY=WE;BYSETPOS=-1",
        "Her ayın son çarşamba günü saat 10.00 ile 12.00 arası.",
        "في الأربعاء الأخير من كل شهر من الساعة 10:00 إلى الساعة 12:00.",
    ),
    (
        "FREQ=MONTHLY;BYDAY=1TU,3TU",
        "Her ayın 1. ve 3. salı günü saat 10.00 ile 12.00 arası.",
        "في الثلاثاء الأول والثالث من كل شهر من الساعة 10:00 إلى الساعة 12:00.",
    ),
    (
        "FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU",
        "3 ayda bir, ayın 2. salı günü saat 10.00 ile 12.00 arası.",
        "كل 3 أشهر، في الثلاثاء الثاني من الشهر من الساعة 10:00 إلى الساعة 12:00.",
    ),
    (
        "FREQ=MONTHLY;BYMONTHDAY=22",
        "Her ayın 22. günü saat 10.00 ile 12.00 arası.",
        "في اليوم 22 من كل شهر من الساعة 10:00 إلى الساعة 12:00.",
    ),
    (
        "FREQ=MONTHLY;BYMONTHDAY=-1",
        "Her ayın son günü saat 10.00 ile 12.00 arası.",
        "في اليوم الأخير من كل شهر من الساعة 10:00 إلى الساعة 12:00.",
    ),
    (
        "FREQ=YEARLY;BYMONTH=5;BYDAY=2SU",
        "Her yıl Mayıs ayının 2. pazar günü saat 10.00 ile 12.00 arası.",
        "كل سنة في الأحد الثاني من شهر مايو من الساعة 10:00 إلى الساعة 12:00.",
    ),
    (
        "FREQ=WEEKLY;BYDAY=TU;COUNT=8",
        "Her salı saat 10.00 ile 12.00 arası. 8 kez: 6 Ocak ile 24 Şubat 2026 arası.",
        "كل يوم الثلاثاء من الساعة 10:00 إلى الساعة 12:00. 8 مرات: من 6 يناير إلى 24 فبراير، 2026.",
    ),
    (
        "FREQ=WEEKLY;BYDAY=TU;UNTIL=20270925T235959",
        "Her salı saat 10.00 ile 12.00 arası, 21 Eylül 2027 tarihine kadar.",
        "كل يوم الثلاثاء من الساعة 10:00 إلى الساعة 12:00، حتى 21 سبتمبر، 2027.",
    ),
]


@pytest.mark.parametrize("rule,turkish,arabic", CASES, ids=[c[0] for c in CASES])
def test_rule_as_a_whole_sentence_in_turkish_and_arabic(rule, turkish, arabic):
    with translation.override("tr"):
        assert describe(rule, TUE_10, TUE_12) == turkish
    with translation.override("ar"):
        assert describe(rule, TUE_10, TUE_12) == arabic


THU_14 = datetime(2026, 1, 8, 14)
THU_16 = datetime(2026, 1, 8, 16)


def test_one_exception_day_and_two():
    one = [date(2026, 12, 24)]
    two = [date(2026, 12, 31), date(2026, 12, 24)]
    with translation.override("tr"):
        assert describe("FREQ=WEEKLY;BYDAY=TH", THU_14, THU_16, exdates=one) == (
            "Her perşembe saat 14.00 ile 16.00 arası. 24 Aralık tarihinde yapılmayacak."
        )
        assert describe("FREQ=WEEKLY;BYDAY=TH", THU_14, THU_16, exdates=two) == (
            "Her perşembe saat 14.00 ile 16.00 arası. 24 Aralık ve 31 Aralık tarihlerinde yapılmayacak."
        )
    with translation.override("ar"):
        assert describe("FREQ=WEEKLY;BYDAY=TH", THU_14, THU_16, exdates=one) == (
            "كل يوم الخميس من الساعة 14:00 إلى الساعة 16:00. لا يوجد نشاط في 24 ديسمبر."
        )
        assert describe("FREQ=WEEKLY;BYDAY=TH", THU_14, THU_16, exdates=two) == (
            "كل يوم الخميس من الساعة 14:00 إلى الساعة 16:00. لا يوجد نشاط في 24 ديسمبر و31 ديسمبر."
        )


def test_many_exception_days_name_four_and_count_the_rest():
    days = [date(2026, 12, day) for day in (3, 10, 17, 24, 31)] + [date(2027, 1, 7)]
    with translation.override("tr"):
        assert describe("FREQ=WEEKLY;BYDAY=TH", THU_14, THU_16, exdates=days, today=date(2026, 11, 23)) == (
            "Her perşembe saat 14.00 ile 16.00 arası. "
            "3 Aralık, 10 Aralık, 17 Aralık, 24 Aralık tarihlerinde ve 2 gün daha yapılmayacak."
        )
    with translation.override("ar"):
        # Two further days: the Arabic dual ("يومين"), not the number 2.
        assert describe("FREQ=WEEKLY;BYDAY=TH", THU_14, THU_16, exdates=days, today=date(2026, 11, 23)) == (
            "كل يوم الخميس من الساعة 14:00 إلى الساعة 16:00. "
            "لا يوجد نشاط في 3 ديسمبر و10 ديسمبر و17 ديسمبر و24 ديسمبر ويومين آخرين."
        )


def test_end_date_start_later_and_public_holidays():
    args = ("FREQ=WEEKLY;BYDAY=MO;UNTIL=20270601T000000", datetime(2027, 3, 1, 10), datetime(2027, 3, 1, 11, 15))
    with translation.override("tr"):
        assert describe(*args, today=date(2026, 11, 23), feestdagen=True) == (
            "Her pazartesi saat 10.00 ile 11.15 arası, 31 Mayıs 2027 tarihine kadar "
            "(1 Mart 2027 tarihinden itibaren), resmî tatiller hariç."
        )
    with translation.override("ar"):
        assert describe(*args, today=date(2026, 11, 23), feestdagen=True) == (
            "كل يوم الاثنين من الساعة 10:00 إلى الساعة 11:15، حتى 31 مايو، 2027 "
            "(ابتداءً من 1 مارس، 2027)، ما عدا أيام العطل الرسمية."
        )


def test_one_time_and_no_end_time():
    with translation.override("tr"):
        assert describe("FREQ=WEEKLY;BYDAY=SU", datetime(2026, 1, 4, 9, 30)) == "Her pazar saat 09.30."
        assert describe("", datetime(2027, 4, 10, 11), datetime(2027, 4, 10, 15)) == (
            "10 Nisan 2027 Cumartesi saat 11.00 ile 15.00 arası."
        )
        assert describe("", datetime(2027, 4, 10, 11), datetime(2027, 4, 11, 15)) == (
            "10 Nisan Cumartesi saat 11.00 ile 11 Nisan 2027 Pazar saat 15.00 arası."
        )
    with translation.override("ar"):
        assert describe("FREQ=WEEKLY;BYDAY=SU", datetime(2026, 1, 4, 9, 30)) == "كل يوم الأحد الساعة 09:30."
        assert describe("", datetime(2027, 4, 10, 11), datetime(2027, 4, 10, 15)) == (
            "يوم السبت 10 إبريل، 2027 من الساعة 11:00 إلى الساعة 15:00."
        )


def test_dates_in_each_language_order_with_western_digits():
    day = date(2026, 1, 6)
    expected = {
        "nl": "dinsdag 6 januari 2026",
        "en": "Tuesday 6 January 2026",
        "tr": "6 Ocak 2026 Salı",
        "ar": "الثلاثاء 6 يناير، 2026",
    }
    for language, text in expected.items():
        with translation.override(language):
            assert date_text(day, weekday=True, year=True) == text


def test_a_turkish_reason_gets_the_dotted_capital_i():
    with translation.override("tr"):
        assert reden_zin("iklim yüzünden salon kapalı") == "İklim yüzünden salon kapalı."
    with translation.override("nl"):
        assert reden_zin("in de zaal wordt geschilderd") == "In de zaal wordt geschilderd."
    with translation.override("ar"):
        assert reden_zin("القاعة مغلقة؟") == "القاعة مغلقة؟"
