"""The API's routes, one module per concern; ``create_app`` includes their routers in ``ROUTERS`` order."""
from eventwatch.api.routes import analytics, articles, codes, events, exports, overview

ROUTERS = (overview.router, exports.router, events.router, articles.router, analytics.router, codes.router)
