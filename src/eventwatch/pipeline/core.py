"""The pipeline: documents in, contract records out.

``Pipeline(settings).process(documents)`` is the one entry point that the CLI, the API, the Ray
runner and the tests call. It loads the spaCy model and builds the stages once, cleans each
document, runs the model over a batch with ``nlp.pipe``, then the stages in their fixed order.
A failure of any step on one document becomes an error on that document's record; the batch
goes on.
"""
from __future__ import annotations

import logging
import traceback
from dataclasses import replace
from itertools import islice
from typing import Iterable, Iterator

from eventwatch.clean import clean
from eventwatch.clean import load as load_cleaner
from eventwatch.pipeline.limits import DocumentTimeout, deadline
from eventwatch.ingest.identity import article_id
from eventwatch.model import Document, Problem, Record
from eventwatch.nlp.cache import release, set_text
from eventwatch.settings import Settings

log = logging.getLogger(__name__)


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _tune(nlp, settings: Settings):
    """Apply the settings' speed-ups to a model the caller passed (in place; it is the caller's object)."""
    from eventwatch.nlp.matmul import set_matmul

    if settings.fast_nlp:
        from eventwatch.nlp.fast import speed_up

        speed_up(nlp)
    return set_matmul(nlp, settings.matmul)


class Pipeline:
    """``Pipeline(settings)`` loads (or reuses) the model cached for its settings; ``Pipeline(settings, nlp)``
    uses and tunes the caller's model."""

    def __init__(self, settings: Settings | None = None, nlp=None):
        from eventwatch.pipeline import stages
        from eventwatch.nlp import load_model

        self.settings = s = settings or Settings()
        if nlp is None:  # the cached model for these settings: no other pipeline's model is changed
            self.nlp = load_model(s.model, fast_nlp=s.fast_nlp, matmul=s.matmul)
        else:  # the caller's own model: the speed-ups apply to it, as documented
            self.nlp = _tune(nlp, s)
        self.stages = stages.build(self.settings)
        load_cleaner()

    @property
    def model_name(self) -> str:
        meta = self.nlp.meta
        return f"{meta.get('lang', 'en')}_{meta.get('name', '?')}-{meta.get('version', '?')}"

    # -- one document, before the model
    def prepare(self, document: Document) -> Record:
        """Clean one document into a record with text and metadata (no analysis yet)."""
        problems = list(document.problems)
        limit = self.settings.max_chars
        raw_limit = 4 * limit  # page furniture included: the cleaner reads at most this much
        if document.text is not None and len(document.text) > raw_limit:
            problems.append(Problem("clean", f"input is {len(document.text)} characters; cleaned only the first {raw_limit}"))
            document = replace(document, text=document.text[:raw_limit])
        html_limit = 4 * raw_limit  # markup included: the HTML extractor reads at most this much
        if document.html is not None and len(document.html) > html_limit:
            problems.append(Problem("clean", f"HTML input is {len(document.html)} characters; cleaned only the first {html_limit}"))
            document = replace(document, html=document.html[:html_limit])
        text = ""
        title = source = dateline = published = url = author = None
        if document.text is not None or document.html is not None:
            try:
                with deadline(self.settings.doc_seconds, "cleaning"):
                    cleaned = clean(document)
                text, title, source = cleaned.text, cleaned.title, cleaned.source
                dateline, published, url = cleaned.dateline, cleaned.published, cleaned.url
                author = cleaned.author
                problems.extend(cleaned.problems)
                if not text and not any(p.level == "error" for p in problems):
                    problems.append(Problem("clean", "no article body left after cleaning"))
            except DocumentTimeout as exc:
                log.warning("%s: %s", document.location, exc)
                problems.append(Problem("clean", str(exc)))
            except Exception as exc:  # noqa: BLE001 - a document's failure never stops the batch
                log.debug("clean failed on %s", document.location, exc_info=True)
                problems.append(Problem("clean", f"{type(exc).__name__}: {exc}"))
        if len(text) > limit:
            problems.append(Problem("clean", f"text is {len(text)} characters, over the limit of {limit}: analysed and kept only the first {limit}"))
            text = text[:limit]
        rid = article_id(document.id, url or document.url, document.guid, text, f"{document.location}\0{document.url or ''}")
        return Record(
            id=rid, text=text, title=title, source=source, url=url or document.url,
            published=published or document.crawled or self.settings.default_date, dateline=dateline or document.dateline,
            errors=problems, location=document.location, author=author,
        )

    # -- many documents
    def process(self, documents: Iterable[Document]) -> Iterator[Record]:
        for batch in _batches(documents, self.settings.batch_size):
            yield from self.process_batch(batch)

    def process_batch(self, batch: list[Document]) -> list[Record]:
        records = [self.prepare(d) for d in batch]
        todo = [r for r in records if r.text]
        docs = self._parse(todo)
        for record, doc in zip(todo, docs):
            if doc is None:
                continue
            set_text(doc, record.text)  # the Doc was made from it: stages need not rebuild it from tokens
            self.analyse(doc, record)
            release(doc)  # the stages' shared tables, some of which point back to the Doc
        return records

    def _parse(self, records: list[Record]) -> list:
        from eventwatch.nlp.matmul import one_blas_thread

        with one_blas_thread():
            return self._parse_all(records)

    def _parse_all(self, records: list[Record]) -> list:
        texts = [r.text for r in records]
        try:
            return list(self.nlp.pipe(texts, batch_size=self.settings.batch_size))
        except Exception:  # noqa: BLE001 - fall back to one at a time to find the culprit
            out = []
            for r in records:
                try:
                    out.append(self.nlp(r.text))
                except Exception as exc:  # noqa: BLE001
                    r.add_error("nlp", f"{type(exc).__name__}: {exc}")
                    out.append(None)
            return out

    def analyse(self, doc, record: Record) -> Record:
        """Run every stage on one parsed document; a stage's failure is recorded, not raised.

        All stages of one document together get ``settings.doc_seconds`` (limits.deadline); on
        timeout the stage that ran out records the error and the later stages are skipped.
        """
        current = None
        try:
            with deadline(self.settings.doc_seconds, "analysis"):
                for stage in self.stages:
                    current = stage
                    self._run_stage(stage, doc, record)
                current = None
        except DocumentTimeout as exc:
            log.warning("%s: %s", record.location, exc)
            record.add_error("pipeline", f"{exc} (in stage {getattr(current, 'name', '?')}; its output and later stages dropped)")
            if current is not None and isinstance(getattr(record, current.name, None), list):
                getattr(record, current.name).clear()  # no half-written stage output
        return record

    @staticmethod
    def _run_stage(stage, doc, record: Record) -> None:
        try:
            stage(doc, record)
        except Exception as exc:  # noqa: BLE001
            log.debug("stage %s failed on %s\n%s", stage.name, record.location, traceback.format_exc())
            record.add_error(stage.name, f"{type(exc).__name__}: {exc}")

    def process_text(self, text: str, **meta) -> Record:
        """Convenience for notebooks and tests: one text (scraped or plain) to one record."""
        return next(self.process([Document(text=text, **meta)]))
