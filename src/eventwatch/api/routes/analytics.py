"""Trends (a store read) and early-warning alerts (eventwatch.analytics) over the request's cursor."""
from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Query

from eventwatch.analytics.alerts import AlertParams, store_alerts
from eventwatch.store.trends import trends as run_trends
from eventwatch.api.common import Limit, clean, cursor, filters, items, json_response
from eventwatch.store.filters import EventFilter

router = APIRouter()


@router.get("/api/trends", summary="Counts per day/week/month and key (asserted events), mean Goldstein")
def trends(f: EventFilter = Depends(filters),
           by: Literal["all", "country", "source_country", "target_country", "dyad", "country_dyad", "root",
                       "plover", "quad_class"] = "all",
           interval: Literal["day", "week", "month"] = "day",
           top: int = Query(20, ge=1, le=200, description="only the keys with most events"),
           fill: bool = Query(False, description="include periods without events (zeros), ready to chart"),
           cur=Depends(cursor)):
    table = run_trends(cur, f, by=None if by == "all" else by, interval=interval, top=top, arrow=True, fill=fill)
    return json_response({"by": by, "interval": interval, "items": items(table)})


@router.get("/api/alerts", summary="Early-warning alerts: days far outside their trailing baseline (docs/alerts.md)")
def alerts(f: EventFilter = Depends(filters), scope: Literal["country", "dyad", "country_dyad"] = "country",
           window: int = Query(28, ge=7, le=365), z: float = Query(4.0, gt=0, le=50),
           goldstein_z: float = Query(4.0, gt=0, le=50), min_count: int = Query(3, ge=1, le=1000),
           limit: int = Limit, cur=Depends(cursor)):
    params = AlertParams(window=window, min_baseline=min(14, window), count_z=z, goldstein_z=goldstein_z,
                         min_count=min_count)
    df = store_alerts(cur, f, scope=scope, params=params)
    rows = [{k: clean(v) for k, v in r.items()} for r in df.head(limit).to_dict(orient="records")]
    return json_response({"scope": scope, "params": params.__dict__, "total": len(df), "items": rows})
