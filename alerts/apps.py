import logging

from django.apps import AppConfig
from django.conf import settings

log = logging.getLogger(__name__)


class AlertsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "alerts"
    verbose_name = "Readers and alerts"

    def ready(self):
        from transcripts.signals import transcripts_ingested

        transcripts_ingested.connect(alert_after_ingest, dispatch_uid="alerts.after_ingest")


def alert_after_ingest(sender, changed: int, **kwargs):
    """`manage.py ingest` added transcripts: mail the "immediately" searches now (the timer would
    within minutes). A failure here never fails the ingest; the next run catches up."""
    if not settings.VERBATIM_ALERTS_AFTER_INGEST:
        return
    from alerts.delivery import run

    try:
        report = run()
    except Exception:
        log.exception("alerts after ingest failed; the next send_alerts run will send them")
        return
    if report is not None and (report.emails_sent or report.emails_failed):
        log.info("alerts after ingest: %d email(s) sent, %d failed", report.emails_sent, report.emails_failed)
