"""Mail readers what their saved searches matched since the last run.

Run it from cron or a systemd timer every few minutes (README, "Alerts"): "immediately" searches
go out on every run, daily and weekly ones when due. `manage.py ingest` runs it too when it has
added transcripts. Only one run at a time; a second one exits at once.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from alerts.delivery import run
from alerts.readers import forget_unconfirmed


class Command(BaseCommand):
    help = "Email each reader one digest of the new turns matching their saved searches."

    def handle(self, *args, **options):
        started = time.monotonic()
        forgotten = forget_unconfirmed()
        report = run()
        if report is None:
            self.stderr.write("Another send_alerts is running; nothing done.")
            return
        for failure in report.failures:
            self.stderr.write(f"NOT SENT  {failure} (kept for the next run)")
        self.stdout.write(
            f"{report.searches} saved search(es) checked ({report.distinct_searches} distinct) up to turn "
            f"{report.horizon}: {report.new_matches} new match(es); {report.emails_sent} email(s) sent with "
            f"{report.matches_sent} match(es), {report.emails_failed} failed; {report.problems} search(es) "
            f"no longer run; {forgotten} unconfirmed address(es) forgotten; {time.monotonic() - started:.1f}s"
        )
