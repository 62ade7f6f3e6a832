"""Analytics on stored events: trends (counts per day/week and key) and early-warning alerts.

Callers pass the store: ``trends(store, by="country")``, ``alerts(store, scope="dyad")`` (the store
never imports analytics). ``Analysis`` is a Store with both as methods: what ``eventwatch.open``
returns, so ``eventwatch.open(db).trends(by="dyad")`` works as documented.
"""
from eventwatch.analytics.alerts import AlertParams, detect, store_alerts
from eventwatch.analytics.trends import trends
from eventwatch.store import Store

alerts = store_alerts


class Analysis(Store):
    """A Store with the analytics as methods (same arguments as the functions, without the store)."""

    def trends(self, filters=None, **kw):
        """Counts per day (or week, month) and key: n_events, per-QuadClass counts, mean Goldstein.
        ``fill=True`` adds the empty periods with zero counts."""
        return trends(self, filters, **kw)

    def alerts(self, filters=None, **kw):
        """Early-warning alerts: days far outside their trailing baseline (docs/alerts.md)."""
        return store_alerts(self, filters, **kw)


__all__ = ["AlertParams", "Analysis", "alerts", "detect", "store_alerts", "trends"]
