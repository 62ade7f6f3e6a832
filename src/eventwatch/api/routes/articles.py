"""Articles, one article's record, and what they hold: actors, quotes, places."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Query

from eventwatch.api.common import Limit, Offset, cursor, filters, items, json_response, page
from eventwatch.errors import Errors, RequestError
from eventwatch.store import queries
from eventwatch.store.filters import EventFilter

router = APIRouter()


@router.get("/api/articles", summary="Articles (date = published date; event filters select articles with a match)")
def articles(f: EventFilter = Depends(filters), limit: int = Limit, offset: int = Offset, cur=Depends(cursor)):
    return page(items(queries.articles(cur, f, limit=limit, offset=offset, arrow=True)), limit, offset)


@router.get("/api/articles/{article_id:path}", summary="One article's full contract record (an id may hold '/')")
def article(article_id: str, cur=Depends(cursor)):
    rec = queries.record(cur, article_id)
    if rec is None:
        raise RequestError(Errors.E203, article_id=article_id)
    return json_response(rec)


@router.get("/api/actors", summary="Actors with mentions and matching events")
def actors(f: EventFilter = Depends(filters), name: str | None = Query(None, max_length=200),
           limit: int = Limit, offset: int = Offset, cur=Depends(cursor)):
    return page(items(queries.actors(cur, f, name=name, limit=limit, offset=offset, arrow=True)), limit, offset)


@router.get("/api/quotes", summary="Quotes (date = article date, actor/country = speaker, text = the words)")
def quotes(f: EventFilter = Depends(filters), limit: int = Limit, offset: int = Offset, cur=Depends(cursor)):
    return page(items(queries.quotes(cur, f, limit=limit, offset=offset, arrow=True)), limit, offset)


@router.get("/api/places", summary="Places with the matching events located there")
def places(f: EventFilter = Depends(filters), limit: int = Limit, offset: int = Offset, cur=Depends(cursor)):
    return page(items(queries.places(cur, f, limit=limit, offset=offset, arrow=True)), limit, offset)
