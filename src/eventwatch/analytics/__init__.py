"""Analytics on stored events: early-warning alerts (the statistics over the store's daily series).

Callers pass the store: ``alerts(store, scope="dyad")`` (the store never imports analytics).
Trends are a store read (``eventwatch.store.trends``, ``Store.trends``), re-exported here.
``Analysis`` is a Store with ``alerts`` as a method too: what ``eventwatch.open`` returns, so
``eventwatch.open(db).alerts()`` works as documented.
"""
from eventwatch.analytics.alerts import AlertParams, detect, store_alerts
from eventwatch.store import Store
from eventwatch.store.trends import trends

alerts = store_alerts


class Analysis(Store):
    """A Store with the alerts as a method (same arguments as the function, without the store)."""

    def alerts(self, filters=None, **kw):
        """Early-warning alerts: days far outside their trailing baseline (docs/alerts.md)."""
        return store_alerts(self, filters, **kw)


__all__ = ["AlertParams", "Analysis", "alerts", "detect", "store_alerts", "trends"]
