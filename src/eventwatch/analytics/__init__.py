"""Analytics on stored events: trends (counts per day/week and key) and early-warning alerts."""
from eventwatch.analytics.alerts import AlertParams, detect, store_alerts  # noqa: F401
from eventwatch.analytics.trends import trends  # noqa: F401
