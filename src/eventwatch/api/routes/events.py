"""Events (mentions or cross-article events), one cross-article event, and dyads."""
from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Query

from eventwatch.api.common import Limit, Offset, cursor, filters, items, json_response, page
from eventwatch.errors import Errors, RequestError
from eventwatch.store import queries
from eventwatch.store.filters import EventFilter

router = APIRouter()


@router.get("/api/events", summary="Events: one row per article mention, or one per cross-article event (unique)")
def events(f: EventFilter = Depends(filters), limit: int = Limit, offset: int = Offset,
           sort: Literal["date", "goldstein", "confidence", "cameo", "quad_class", "published"] = "date",
           order: Literal["asc", "desc"] = "desc",
           unique: bool = Query(False, description="one row per cross-article event (its first mention)"),
           total: bool = Query(True, description="count all matches (set false for speed)"),
           cur=Depends(cursor)):
    rows = items(queries.events(cur, f, limit=limit, offset=offset, sort=sort, order=order, unique=unique, arrow=True))
    extra = {"total": queries.count_events(cur, f, unique=unique)} if total else {}
    return page(rows, limit, offset, **extra)


@router.get("/api/event_groups/{group_id}", summary="One cross-article event with all its mentions")
def event_group(group_id: int, cur=Depends(cursor)):
    found = queries.event_group(cur, group_id)
    if found is None:
        raise RequestError(Errors.E204, group_id=group_id)
    group, mentions = found
    return json_response({**items(group)[0], "mentions": items(mentions)})


@router.get("/api/dyads", summary="Source→target pairs with counts per QuadClass and mean Goldstein")
def dyads(f: EventFilter = Depends(filters), limit: int = Limit, offset: int = Offset, cur=Depends(cursor)):
    return page(items(queries.dyads(cur, f, limit=limit, offset=offset, arrow=True)), limit, offset)
