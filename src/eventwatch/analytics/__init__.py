"""Analytics on stored events: trends (counts per day/week and key) and early-warning alerts."""
from eventwatch.analytics.alerts import AlertParams, detect, store_alerts
from eventwatch.analytics.trends import trends

__all__ = ["AlertParams", "detect", "store_alerts", "trends"]
