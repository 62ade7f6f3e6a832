"""Analytics on stored events: trends (counts per day/week and key) and early-warning alerts.

Callers pass the store: ``trends(store, by="country")``, ``alerts(store, scope="dyad")`` (the store
never imports analytics)."""
from eventwatch.analytics.alerts import AlertParams, detect, store_alerts
from eventwatch.analytics.trends import trends

alerts = store_alerts

__all__ = ["AlertParams", "alerts", "detect", "store_alerts", "trends"]
