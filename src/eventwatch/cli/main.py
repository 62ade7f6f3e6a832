"""The command line: parse arguments, call the pipeline or the store, print. Nothing else.

Records and query results go to stdout; progress, warnings and errors go to stderr.
Exit status: 0 all documents processed, 1 some documents failed, 2 bad usage.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from eventwatch import __version__

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
DEFAULT_DB = "eventwatch.duckdb"

log = logging.getLogger("eventwatch")


class Formatter(argparse.RawDescriptionHelpFormatter):
    pass


def _date(value: str) -> str:
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _date_order(value: str) -> str:
    from eventwatch.clean.dates import check_order

    try:
        return check_order(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _settings(args):
    from eventwatch.settings import Settings

    kw = {}
    if getattr(args, "date", None):
        kw["default_date"] = args.date
    if getattr(args, "date_order", None):
        kw["date_order"] = args.date_order
    if getattr(args, "model", None):
        kw["model"] = args.model
    if getattr(args, "batch_size", None):
        kw["batch_size"] = args.batch_size
    if getattr(args, "actors", None):
        kw["actors_file"] = Path(args.actors)
    if getattr(args, "jobs", None):
        kw["n_process"] = args.jobs
    if getattr(args, "matmul", None):
        kw["matmul"] = args.matmul
    fetch = {k: True for k, flag in (("allow_private", "allow_private_urls"),) if getattr(args, flag, False)}
    if getattr(args, "ignore_robots", False):
        fetch["robots"] = False
    if fetch:
        kw["extra"] = {"fetch": fetch}
    return Settings(**kw)


def _fetching(p: argparse.ArgumentParser) -> None:
    p.add_argument("--allow-private-urls", action="store_true",
                   help="fetch from private, loopback and link-local addresses too (one's own intranet feeds); refused by default")
    p.add_argument("--ignore-robots", action="store_true",
                   help="do not read robots.txt (only for archives one is entitled to fetch)")


def _progress(iterable, args, desc: str, total: int | None = None):
    """A progress bar on stderr for long runs (appears after two seconds), never on stdout; with a
    total and an ETA when the number of documents is known."""
    if getattr(args, "quiet", False):
        return iterable
    from tqdm import tqdm

    return tqdm(iterable, desc=desc, unit=" doc", total=total, file=sys.stderr, delay=2.0, mininterval=0.5,
                dynamic_ncols=True)


def _records(args):
    """Read, clean and analyse every input; yields records. Raises UsageError for bad paths.

    A folder written by ``eventwatch run --out`` holds records already: they are read, not re-analysed.
    """
    from eventwatch.ingest import check_paths, expected_documents, read_inputs
    from eventwatch.scale.processes import run
    from eventwatch.scale.parquet import is_records_dir, read_records

    check_paths(args.paths)
    settings = _settings(args)
    done = [p for p in args.paths if is_records_dir(p)]
    todo = [p for p in args.paths if p not in done]

    def records():
        for p in done:
            yield from read_records(p)
        if todo:
            yield from run(read_inputs(todo, settings), settings)

    total = None if getattr(args, "quiet", False) or done else expected_documents(todo)
    return _date_summary(_progress(records(), args, "processing", total), args)


def _date_summary(records, args):
    """Pass records on; at the end, say on stderr how many carry no publication date."""
    n = undated = 0
    for record in records:
        n += 1
        undated += record.published is None
        yield record
    _say_undated(undated, n, args)


def _say_undated(undated: int, n: int, args) -> None:
    if not getattr(args, "quiet", False):
        hint = " (their events are undated: give a date field, --date or --date-order)" if undated else ""
        print(f"eventwatch: {undated} of {n} documents have no publication date{hint}", file=sys.stderr)


def _report(record) -> None:
    for p in record.errors:
        print(f"eventwatch: {record.location or record.id}: {p.level} in {p.stage}: {p.message}", file=sys.stderr)


# ------------------------------------------------------------------ commands
def cmd_process(args) -> int:
    status = EXIT_OK
    out = sys.stdout
    for record in _records(args):
        if record.failed:
            status = EXIT_FAILED
        if args.verbose or record.failed:
            _report(record)
        out.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
    out.flush()
    return status


def cmd_ingest(args) -> int:
    from eventwatch.store import Store

    status, n, batch = EXIT_OK, 0, []
    seen = dict.fromkeys(BATCH_COUNTS, 0)
    with Store(args.db) as store:
        size = _settings(args).batch_size
        for record in _records(args):
            if record.failed:
                status = EXIT_FAILED
                _report(record)
            for key, value in _batch_counts(record).items():
                seen[key] += value
            batch.append(record)
            if len(batch) >= size:
                n += store.write(batch)
                batch = []
        if batch:
            n += store.write(batch)
        counts = store.counts()
    if not args.quiet:
        print(f"eventwatch: this run: {n} documents read, " + ", ".join(f"{v} {k}" for k, v in seen.items()),
              file=sys.stderr)
        print(f"eventwatch: {args.db} now holds " + ", ".join(f"{v} {k}" for k, v in counts.items()), file=sys.stderr)
    return status


BATCH_COUNTS = ("failed", "actors", "events", "quotes", "places")


def _batch_counts(record) -> dict[str, int]:
    """What one record adds to this run's summary (the database's totals are counted apart)."""
    return {"failed": int(bool(record.failed)),
            "actors": len(record.actors), "events": len(record.events), "quotes": len(record.quotes),
            "places": len(record.places)}


def _filters(args):
    """The shared filters from the command's options, by the store's one adapter (as the API's)."""
    from eventwatch.store.filters import parse_filters

    return parse_filters(vars(args))


def cmd_events(args) -> int:
    from eventwatch.store import Store
    from eventwatch.store import exports

    f = _filters(args)
    with Store(args.db, read_only=True) as store:
        if args.format == "parquet":
            if not args.out:
                from eventwatch.ingest import UsageError

                raise UsageError("--format parquet needs --out DIR")
            counts = exports.write_parquet(store.con, f, args.out)
            if not args.quiet:
                print(f"eventwatch: wrote {args.out}: " + ", ".join(f"{v} {k}" for k, v in counts.items()), file=sys.stderr)
            return EXIT_OK
        writers = {"gdelt": exports.write_gdelt, "gdelt-mentions": exports.write_gdelt_mentions,
                   "plover": exports.write_plover}
        if args.format in writers:
            tally: dict = {}
            extra = {"typed_only": args.plover_typed_only} if args.format == "plover" else {}
            writers[args.format](store.con, f, sys.stdout, tally=tally, **extra)
            if not args.quiet:
                print(f"eventwatch: wrote {tally['rows']} rows, {tally['undated']} of them undated (date cells empty)"
                      + ("" if args.background else "; background events left out (--background to include)")
                      + ("; negated and hypothetical events left out (GDELT has no column for them;"
                         " --negated true / --hypothetical true export those)" if args.format.startswith("gdelt") else ""),
                      file=sys.stderr)
            return EXIT_OK
        df = store.events(f, limit=args.limit, unique=args.unique)
    from eventwatch.cli.views import render_events

    render_events(df, args.format, sys.stdout)
    return EXIT_OK


def cmd_trends(args) -> int:
    from eventwatch.store import Store

    f = _filters(args)
    with Store(args.db, read_only=True) as store:
        df = store.trends(f, by=None if args.by == "all" else args.by, interval=args.interval, top=args.top)
        undated = store.summary(f)["undated_events"] if not args.quiet else 0
    _render_frame(df, args.format)
    if undated:
        print(f"eventwatch: {undated} events of undated articles are not in the timeline (counted apart)", file=sys.stderr)
    return EXIT_OK


def cmd_alerts(args) -> int:
    from eventwatch.analytics import AlertParams, alerts
    from eventwatch.store import Store

    f = _filters(args)
    params = AlertParams(window=args.window, count_z=args.z, goldstein_z=args.goldstein_z, min_count=args.min_count)
    with Store(args.db, read_only=True) as store:
        df = alerts(store, f, scope=args.scope, params=params)
    _render_frame(df, args.format)
    return EXIT_OK


def _render_frame(df, fmt: str) -> None:
    from eventwatch.cli.views import _dates_as_text

    df = _dates_as_text(df)
    if fmt == "csv":
        df.to_csv(sys.stdout, index=False)
    elif fmt == "jsonl":
        for row in df.to_dict(orient="records"):
            sys.stdout.write(json.dumps(row, default=str, ensure_ascii=False) + "\n")
    else:
        import pandas as pd

        with pd.option_context("display.max_rows", None, "display.width", 160, "display.max_columns", None):
            print(df.to_string(index=False) if not df.empty else "nothing matches")


def _default_hosts(bound: str) -> tuple[str, ...]:
    """Host names a server bound to ``bound`` answers by default: loopback names on loopback (no DNS
    rebinding), any name when bound to all interfaces (restrict with --allowed-hosts)."""
    from eventwatch.web import LOOPBACK_HOSTS

    if bound in ("0.0.0.0", "::", ""):
        return ("*",)
    return tuple(dict.fromkeys(LOOPBACK_HOSTS + (f"[{bound}]" if ":" in bound else bound,)))


def cmd_serve(args) -> int:
    import uvicorn

    from eventwatch.web import create_app

    token = os.environ.get(args.token_env) if args.token_env else None
    if args.token_env and not token:
        from eventwatch.ingest import UsageError

        raise UsageError(f"--ingest-token-env {args.token_env}: that environment variable is empty")
    live = _live_feeds(args)
    if live:  # import the pipeline (spaCy) before create_app starts its cache warm-up thread: two threads
        import eventwatch.pipeline  # noqa: F401  importing spaCy at once can meet a half-initialised module
    cache = not args.no_cache
    hosts = tuple(h.strip() for h in args.allowed_hosts.split(",") if h.strip()) if args.allowed_hosts else _default_hosts(args.host)
    app = create_app(args.db, ingest_token=token, warm=cache, cache=cache, writable=bool(live), allowed_hosts=hosts)
    mode = " with POST /api/ingest" if token else (", writing only what it polls" if live else ", read-only")
    print(f"eventwatch: serving {args.db} on http://{args.host}:{args.port} (dashboard at /, API docs at /docs)"
          + mode, file=sys.stderr)
    watcher = None
    if live:
        from eventwatch.ingest.fetch import Fetcher
        from eventwatch.web.live import LiveWatch

        print(f"eventwatch: watching {len(live[0])} feeds every {live[1]:g} s", file=sys.stderr)
        fetcher = Fetcher(delay=args.delay, timeout=args.timeout, allow_private=args.allow_private_urls,
                          robots=not args.ignore_robots)
        watcher = LiveWatch(app, live[0], live[1], _settings(args), fetcher, quiet=args.quiet).start()
        _exit_on_sigterm()
    try:
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    finally:
        if watcher is not None:  # let the poll in progress store what it has (see web/live.py)
            print("eventwatch: stopping the feed watcher (finishing the current poll)", file=sys.stderr)
            watcher.stop(timeout=args.stop_timeout)
    return EXIT_OK


def _exit_on_sigterm() -> None:
    """SIGTERM (systemd's stop, kill) ends ``serve`` like Ctrl-C: uvicorn shuts down, then re-raises the
    signal, which here unwinds through ``cmd_serve``'s ``finally`` so the watcher stores its poll."""
    import signal

    def stop(signum, frame):
        raise SystemExit(EXIT_OK)

    signal.signal(signal.SIGTERM, stop)


def _live_feeds(args) -> tuple[list[str], float] | None:
    """``serve --watch FEED... --every 15m``: the feeds and seconds between polls (None: not watching)."""
    if not args.watch:
        return None
    from eventwatch.ingest import UsageError
    from eventwatch.ingest.fetch import is_web_url
    from eventwatch.ingest.watch import parse_every

    try:
        every = parse_every(args.every)
    except ValueError as exc:
        raise UsageError(f"--every: {exc}") from None
    missing = [f for f in args.watch if not is_web_url(f) and not Path(f).is_file()]
    if missing:
        raise UsageError("--watch: not an http(s) URL or a feed file: " + ", ".join(missing))
    return list(args.watch), every


def cmd_eval(args) -> int:
    from eventwatch.eval import scorer

    try:
        mod = scorer(args.stage)
        extra = json.loads(args.extra) if args.extra else {}
        if not isinstance(extra, dict):
            raise ValueError("--extra: a JSON object is required")
    except (ValueError, ImportError) as exc:
        print(f"eventwatch: {exc}", file=sys.stderr)
        return EXIT_USAGE
    options = {"limit": args.limit, "model": args.model, "json": args.json,
               "skip": args.skip, "errors": args.errors, "extra": extra,
               "split": None if args.split == "both" and args.stage != "events" else args.split}
    result = mod.evaluate(args.gold, options)
    print(json.dumps(result, indent=2, default=str) if args.json else mod.report(result))
    return EXIT_OK


def cmd_doctor(args) -> int:
    from eventwatch.cli.doctor import run

    return run(args.db)


def cmd_run(args) -> int:
    from eventwatch.ingest import check_paths

    check_paths(args.paths)
    settings = _settings(args)
    bar = None if args.quiet else _progress(None, args, "processing")
    tick = (lambda n: bar.update(n)) if bar is not None else None
    try:
        if args.engine == "ray":
            from eventwatch.scale.parquet import undated_documents
            from eventwatch.scale.ray_runner import RayMissing, run_ray

            try:
                n = run_ray(args.paths, settings, args.out, workers=args.workers, address=args.address, progress=tick)
                _say_undated(*undated_documents(args.out), args)
            except RayMissing as exc:
                print(f"eventwatch: {exc}", file=sys.stderr)
                return EXIT_USAGE
        else:
            n = _run_local(args, settings, tick)
    finally:
        if bar is not None:
            bar.close()
    if not args.quiet:
        print(f"eventwatch: wrote {n} records to {args.out} (tables articles, actors, events, quotes, places)", file=sys.stderr)
    return EXIT_OK


def _run_local(args, settings, tick) -> int:
    from eventwatch.ingest import read_inputs
    from eventwatch.scale.processes import run
    from eventwatch.scale.parquet import RecordsWriter

    batch = []
    with RecordsWriter(args.out) as writer:
        for record in _date_summary(run(read_inputs(args.paths, settings), settings), args):
            batch.append(record)
            if len(batch) >= settings.batch_size:
                writer.write(batch)
                tick and tick(len(batch))
                batch = []
        if batch:
            writer.write(batch)
            tick and tick(len(batch))
        return writer.count


def cmd_watch(args) -> int:
    from eventwatch.ingest.fetch import Fetcher, is_web_url
    from eventwatch.ingest import UsageError
    from eventwatch.store import Store
    from eventwatch.ingest.watch import Watcher, parse_every

    try:
        every = parse_every(args.every)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    missing = [f for f in args.feeds if not is_web_url(f) and not Path(f).is_file()]
    if missing:
        raise UsageError("not an http(s) URL or a feed file: " + ", ".join(missing))
    fetcher = Fetcher(delay=args.delay, timeout=args.timeout, max_bytes=args.max_page_bytes,
                      allow_private=args.allow_private_urls, robots=not args.ignore_robots)

    def report(result) -> None:
        if not args.quiet:
            print(f"eventwatch: {result.summary()}", file=sys.stderr)

    from eventwatch.pipeline import Pipeline

    settings = _settings(args)
    with Store(args.db) as store:
        Watcher(store, settings, fetcher, Pipeline(settings)).run(args.feeds, every, once=args.once, report=report)
    return EXIT_OK


def cmd_demo(args) -> int:
    from eventwatch.cli.demo import run_demo

    return run_demo(db=args.db, quiet=args.quiet)


# ------------------------------------------------------------------ parser
def _common(p: argparse.ArgumentParser, db: bool = False) -> None:
    p.add_argument("-q", "--quiet", action="store_true", help="no progress or summaries on stderr")
    p.add_argument("-v", "--verbose", action="store_true", help="more detail on stderr")
    if db:
        p.add_argument("--db", default=DEFAULT_DB, help=f"DuckDB database file (default: {DEFAULT_DB})")


def _analysis(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders (recursively) or - for stdin")
    p.add_argument("--date", type=_date, help="publication date (YYYY-MM-DD) for inputs that carry none")
    p.add_argument("--date-order", dest="date_order", type=_date_order,
                   help="DMY or MDY: how to read numeric dates like 04/05/2019 in the inputs (default: only unambiguous ones)")
    p.add_argument("--lang", default="en", choices=["en"], help="language of the inputs (English only)")
    p.add_argument("--model", help="spaCy model to load (default: the best English model installed)")
    p.add_argument("--actors", metavar="FILE", help="extra actor dictionary (YAML or CSV)")
    p.add_argument("--batch-size", type=int, help="documents per batch (default 32)")
    p.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--matmul", choices=["numpy", "thinc"],
                   help="the model's matrix products: numpy's BLAS on one thread (default) or thinc's blis")
    _fetching(p)


def _query_filters(p: argparse.ArgumentParser) -> None:
    """The shared filters (the API's query parameters, same names with dashes); checked by the store's adapter."""
    p.add_argument("--actor", help="actor id or part of a name (source or target)")
    p.add_argument("--source", help="exact source actor id")
    p.add_argument("--target", help="exact target actor id")
    p.add_argument("--country", help="ISO alpha-3 of the event's place, source or target")
    p.add_argument("--root", help="CAMEO root code(s), e.g. 13 or 14,18,19")
    p.add_argument("--cameo", help="CAMEO code(s); a code matches its sub-codes")
    p.add_argument("--plover", help="PLOVER type(s), e.g. ASSAULT,THREATEN (CAMEO roots 01 and 02, statements and "
                                    "appeals, have no PLOVER type in the CAMEO-to-PLOVER mapping: use --root 02)")
    p.add_argument("--quad-class", dest="quad_class", help="QuadClass(es) 1-4")
    p.add_argument("--since", help="first date (YYYY-MM-DD)")
    p.add_argument("--until", help="last date (YYYY-MM-DD)")
    p.add_argument("--text", help="words in the event's sentence")
    p.add_argument("--outlet", help="the articles' source (publisher)")
    p.add_argument("--background", action="store_true",
                   help="count background events too (a time the text places before the article's news: 'in 1967')")
    p.add_argument("--negated", metavar="BOOL", help="true: only negated events; false: only asserted ones")
    p.add_argument("--hypothetical", metavar="BOOL", help="true: only hypothetical events; false: only real ones")
    p.add_argument("--min-confidence", dest="min_confidence", metavar="X", help="lowest event confidence (0..1)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eventwatch", formatter_class=Formatter,
        description="Who did what to whom, when and where, and who said so — event data from news.",
        epilog="example:\n  eventwatch process article.txt --date 2021-08-14 > records.jsonl\n"
               "  eventwatch ingest articles/ --db news.duckdb && eventwatch events --db news.duckdb --root 13",
    )
    parser.add_argument("--version", action="version", version=f"eventwatch {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("process", help="print one JSON record per document (JSONL) to stdout", formatter_class=Formatter,
                       epilog="example:\n  eventwatch process article.txt --date 2021-08-14 | jq .events")
    _analysis(p)
    _common(p)
    p.set_defaults(func=cmd_process)

    p = sub.add_parser("ingest", help="process documents and store them in the database", formatter_class=Formatter,
                       epilog="example:\n  eventwatch ingest articles/ feed.jsonl --db news.duckdb")
    _analysis(p)
    _common(p, db=True)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("run", help="process inputs at scale into Parquet tables (local processes or Ray)", formatter_class=Formatter,
                       epilog="example:\n  eventwatch run --engine ray crawl/*.warc.gz articles.parquet --out out/ --workers 4\n"
                              "  duckdb -c \"SELECT root, count(*) FROM 'out/events/*.parquet' GROUP BY root\"")
    _analysis(p)
    _common(p)
    p.add_argument("--out", required=True, metavar="DIR", help="output folder for the Parquet tables")
    p.add_argument("--engine", choices=["local", "ray"], default="local", help="local worker processes (-j) or Ray (default local)")
    p.add_argument("--workers", type=int, default=1, help="Ray actors, one pipeline each (default 1)")
    p.add_argument("--address", help="Ray cluster address (default: start Ray on this machine; or set RAY_ADDRESS)")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("watch", help="poll RSS/Atom feeds, process new articles into the database", formatter_class=Formatter,
                       epilog="example:\n  eventwatch watch https://example.org/world/rss.xml --db news.duckdb --every 15m")
    _common(p, db=True)
    p.add_argument("feeds", nargs="+", metavar="FEED", help="feed URLs (http/https) or feed files")
    p.add_argument("--every", default="15m", help="time between polls: 90s, 15m, 1h (default 15m)")
    p.add_argument("--once", action="store_true", help="poll once and exit")
    p.add_argument("--delay", type=float, default=1.0, help="seconds between two requests to the same host (default 1)")
    p.add_argument("--timeout", type=float, default=20.0, help="seconds before a request is given up (default 20)")
    p.add_argument("--max-page-bytes", type=int, default=5 * 1024 * 1024, help="largest page fetched (default 5 MB)")
    p.add_argument("--date", type=_date, help="publication date for items that carry none")
    p.add_argument("--date-order", dest="date_order", type=_date_order, help="DMY or MDY for numeric item dates")
    p.add_argument("--model", help="spaCy model to load (default: the best English model installed)")
    p.add_argument("--batch-size", type=int, help="documents per batch (default 32)")
    _fetching(p)
    p.set_defaults(func=cmd_watch)

    p = sub.add_parser("events", help="query or export stored events", formatter_class=Formatter,
                       epilog="examples:\n  eventwatch events --db news.duckdb --country AFG --root 13 --since 2021-08-01 --format csv\n"
                              "  eventwatch events --db news.duckdb --format gdelt > events.tsv\n"
                              "  eventwatch events --db news.duckdb --format parquet --out export/")
    _common(p, db=True)
    _query_filters(p)
    p.add_argument("--limit", type=int, help="at most this many events (table/csv/jsonl)")
    p.add_argument("--unique", action="store_true", help="one row per cross-article event (table/csv/jsonl)")
    p.add_argument("--format", default="table",
                   choices=["table", "csv", "jsonl", "gdelt", "gdelt-mentions", "plover", "parquet"],
                   help="output format (default table); gdelt = GDELT 2.0 Events, 61 tab-separated columns")
    p.add_argument("--out", help="output folder for --format parquet")
    p.add_argument("--plover-typed-only", dest="plover_typed_only", action="store_true",
                   help="plover: leave out events PLOVER has no type for (CAMEO 01 statements, 02 appeals)")
    p.set_defaults(func=cmd_events)

    p = sub.add_parser("trends", help="event counts per day or week by country, dyad, root, ...", formatter_class=Formatter,
                       epilog="example:\n  eventwatch trends --db news.duckdb --by country --interval week --top 10")
    _common(p, db=True)
    _query_filters(p)
    p.add_argument("--by", default="all", choices=["all", "country", "source_country", "target_country", "dyad",
                                                   "country_dyad", "root", "plover", "quad_class"])
    p.add_argument("--interval", default="day", choices=["day", "week", "month"])
    p.add_argument("--top", type=int, help="only the N keys with most events")
    p.add_argument("--format", default="table", choices=["table", "csv", "jsonl"])
    p.set_defaults(func=cmd_trends)

    p = sub.add_parser("alerts", help="early-warning alerts: days far outside their trailing baseline",
                       formatter_class=Formatter,
                       epilog="example:\n  eventwatch alerts --db news.duckdb --scope country --since 2021-08-01")
    _common(p, db=True)
    _query_filters(p)
    p.add_argument("--scope", default="country", choices=["country", "dyad", "country_dyad"])
    p.add_argument("--window", type=int, default=28, help="trailing baseline in days (default 28)")
    p.add_argument("--z", type=float, default=4.0, help="robust z for material-conflict counts (default 4)")
    p.add_argument("--goldstein-z", type=float, default=4.0, help="robust z for mean Goldstein (default 4)")
    p.add_argument("--min-count", type=int, default=3, help="fewest material-conflict events for a count alert")
    p.add_argument("--format", default="table", choices=["table", "csv", "jsonl"])
    p.set_defaults(func=cmd_alerts)

    p = sub.add_parser("serve", help="the web dashboard and the JSON API", formatter_class=Formatter,
                       epilog="example:\n  eventwatch serve --db news.duckdb --port 8000   # then open http://127.0.0.1:8000/docs")
    _common(p, db=True)
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1: this machine only; 0.0.0.0: every interface)")
    p.add_argument("--port", type=int, default=8000, help="TCP port to listen on (default 8000)")
    p.add_argument("--allowed-hosts", metavar="NAMES",
                   help="comma-separated host names the server answers to (Host header), * for any; default: "
                        "localhost, 127.0.0.1, [::1] and --host (any when --host is 0.0.0.0)")
    _fetching(p)
    p.add_argument("--ingest-token-env", dest="token_env", metavar="VAR",
                   help="enable POST /api/ingest, requiring the token held in this environment variable")
    p.add_argument("--no-cache", action="store_true",
                   help="no response cache for aggregate endpoints and no cache warm-up (e.g. to measure queries)")
    live = p.add_argument_group("live monitoring (docs/monitoring.md)")
    live.add_argument("--watch", nargs="+", metavar="FEED",
                      help="poll these RSS/Atom feeds (URLs or files) in the server and store new articles")
    live.add_argument("--every", default="15m", help="time between polls with --watch: 90s, 15m, 1h (default 15m)")
    live.add_argument("--delay", type=float, default=1.0, help="seconds between two requests to the same host (default 1)")
    live.add_argument("--timeout", type=float, default=20.0, help="seconds before a request is given up (default 20)")
    live.add_argument("--stop-timeout", type=float, default=120.0,
                      help="on stop, seconds to wait for the poll in progress to store its articles (default 120)")
    live.add_argument("--model", help="spaCy model for --watch (default: the best English model installed)")
    live.add_argument("--date", type=_date, help="publication date for polled items that carry none")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("eval", help="score a stage against gold data", formatter_class=Formatter,
                       epilog="example:\n  eventwatch eval quotes ../shared/gold/quotes/ggt_dev.jsonl")
    _common(p)
    p.add_argument("stage", help="pages, actors, events, quotes or places")
    p.add_argument("gold", nargs="+", help="gold file(s) or folder (quotes: also a label folder such as labels/quotes, "
                                           "joined to the corpus text in ../shared or $EVENTWATCH_SHARED)")
    p.add_argument("--limit", type=int, help="score only the first N gold items")
    p.add_argument("--skip", type=int, default=0, help="leave out the first N gold items (quotes: articles)")
    p.add_argument("--errors", metavar="FILE", help="quotes: write the wrong-speaker cases to FILE (JSONL)")
    p.add_argument("--model", help="spaCy model to load")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--extra", metavar="JSON", help="events: pipeline settings to try, e.g. '{\"events_learned\": true}'")
    p.add_argument("--split", choices=("tune", "measure", "both"),
                   help="events, places: score only the tune or the measure half (by a hash of the item or document "
                        "id); events: 'both' scores each half from one run")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("demo", help="run eventwatch on the built-in example articles and summarise", formatter_class=Formatter,
                       epilog="example:\n  eventwatch demo --db eventwatch.duckdb")
    _common(p, db=True)
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("doctor", help="report the Python, spaCy model, optional parts and paths", formatter_class=Formatter,
                       epilog="example:\n  eventwatch doctor --db news.duckdb")
    _common(p, db=True)
    p.set_defaults(func=cmd_doctor)
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except KeyboardInterrupt:  # Ctrl-C at any point, loading included: one line, exit 130, no traceback
        print("eventwatch: interrupted", file=sys.stderr)
        return 130


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if getattr(args, "verbose", False) else logging.WARNING,
                        format="eventwatch: %(message)s", stream=sys.stderr)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    from eventwatch.errors import EventwatchError

    try:
        return args.func(args)
    except EventwatchError as exc:  # bad usage or filters (4xx in the catalogue): 2; store, model: 1
        print(f"eventwatch: {exc}", file=sys.stderr)
        return EXIT_USAGE if exc.status < 500 else EXIT_FAILED
    except BrokenPipeError:
        return EXIT_OK

if __name__ == "__main__":
    sys.exit(main())
