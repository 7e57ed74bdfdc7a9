"""What a locked-out sign-in sees (django-axes): a plain message with how long to wait, status 429."""

from axes.helpers import get_cool_off
from django.shortcuts import render

SECONDS_PER_MINUTE = 60


def lockout_response(request, original_response=None, credentials=None):
    minutes = round(get_cool_off(request).total_seconds() / SECONDS_PER_MINUTE)
    return render(request, "security/lockout.html", {"cooloff_minutes": minutes}, status=429)
