"""Early-warning alerts: a day whose material-conflict count, or mean Goldstein score, for a
country or dyad lies far outside its trailing baseline. docs/alerts.md explains the statistic.

Robust z-score against the previous ``window`` days (the day itself excluded):
    z = (x - median(baseline)) / scale
    counts:    scale = max(1.4826 * MAD, sqrt(mean + 1))   (a Poisson noise floor)
    Goldstein: scale = max(1.4826 * MAD, goldstein_floor, median baseline sd / sqrt(n today))
               (only days with >= min_events events, on both sides)
A count alert needs z >= count_z, x >= min_count and P(X >= x) < count_p for X ~ Poisson(baseline
rate, an upper estimate (S + 2 sqrt(S + 1) + 1) / days from the baseline's S events, at least min_rate);
a Goldstein alert needs |z| >= goldstein_z.
Counts use unique (cross-article) asserted events, so one event reported ten times is not a spike.
"""
from __future__ import annotations

import math
import warnings
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from eventwatch.errors import Errors, QueryError
from eventwatch.store.filters import EventFilter, coerce
from eventwatch.store.trends import SCOPES, daily_series

ALERT_COLUMNS = ["date", "scope", "key", "metric", "value", "baseline_median", "baseline_scale", "z",
                 "n_events", "direction"]


@dataclass(frozen=True)
class AlertParams:
    window: int = 28            # trailing baseline length in days (the day itself excluded)
    min_baseline: int = 14      # counts: days of history needed before a day can alert
    count_z: float = 4.0        # counts: robust z needed
    min_count: int = 3          # counts: at least this many material-conflict events that day
    count_p: float = 1e-4       # counts: Poisson upper-tail probability at the baseline mean needed
    min_rate: float = 0.1       # counts: smallest baseline rate for that test (events/day)
    goldstein_z: float = 4.0    # Goldstein mean: |robust z| needed
    min_events: int = 3         # Goldstein mean: events needed on the day (and on baseline days)
    min_goldstein_days: int = 7 # Goldstein mean: baseline days (with >= min_events) needed
    goldstein_floor: float = 1.0  # Goldstein mean: smallest scale (Goldstein points)

    def __post_init__(self):
        if not (7 <= self.window <= 365 and 1 <= self.min_baseline <= self.window
                and 1 <= self.min_goldstein_days <= self.window):
            raise QueryError(Errors.E122)
        if self.count_z <= 0 or self.goldstein_z <= 0 or self.goldstein_floor <= 0:
            raise QueryError(Errors.E123)


def _trailing(values: np.ndarray, window: int) -> np.ndarray:
    """For series along the last axis: [..., i, :] holds values[..., i-window:i] (NaN before the start)."""
    values = np.asarray(values, dtype=float)
    pad = np.full(values.shape[:-1] + (window,), np.nan)
    padded = np.concatenate([pad, values], axis=-1)
    return np.lib.stride_tricks.sliding_window_view(padded, window, axis=-1)[..., : values.shape[-1], :]


def _nanmedian(values: np.ndarray, n: np.ndarray) -> np.ndarray:
    """np.nanmedian along the last axis for all series at once, given the non-NaN counts ``n``:
    one sort (NaN sorts last) and the middle one or two values (numpy's masked nanmedian is ~50x slower)."""
    ordered = np.sort(values, axis=-1)
    lo = np.maximum((n - 1) // 2, 0)[..., None]
    hi = np.maximum(n // 2, 0)[..., None]
    with np.errstate(invalid="ignore"):
        mid = (np.take_along_axis(ordered, lo, -1)[..., 0] + np.take_along_axis(ordered, hi, -1)[..., 0]) / 2
    return np.where(n > 0, mid, np.nan)


def _median_mad(windows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Median, MAD and count of the non-NaN values of each trailing window (last axis)."""
    n = np.sum(~np.isnan(windows), axis=-1)
    med = _nanmedian(windows, n)
    with np.errstate(invalid="ignore"):
        mad = _nanmedian(np.abs(windows - med[..., None]), n)
    return med, mad, n


def poisson_sf(x: int, lam: float) -> float:
    """P(X >= x) for X ~ Poisson(lam)."""
    if x <= 0:
        return 1.0
    term = math.exp(-lam)
    cdf = term
    for k in range(1, x):
        term *= lam / k
        cdf += term
    return max(0.0, 1.0 - cdf) if cdf < 0.999 else _poisson_tail(x, lam)


def _poisson_tail(x: int, lam: float) -> float:
    """Upper tail summed directly (no cancellation) for small probabilities."""
    log_term = -lam + x * math.log(lam) - math.lgamma(x + 1) if lam > 0 else -math.inf
    total, k = 0.0, x
    term = math.exp(log_term)
    while term > 1e-300 and k < x + 10_000:
        total += term
        k += 1
        term *= lam / k
        if term < total * 1e-16:
            break
    return total


def baseline_rate(total: float, days: int, floor: float) -> float:
    """A cautious (upper, about two sigma) estimate of the daily rate behind ``total`` events in ``days``:
    a quiet month that happened to be quieter than usual does not make an ordinary day look rare."""
    return max((total + 2.0 * math.sqrt(total + 1.0) + 1.0) / max(days, 1), floor)


def _found(at: tuple, sel: np.ndarray, value, med, scale, z) -> dict:
    """The hits ``sel`` among the candidate cells ``at`` (index arrays), with their statistics."""
    return {"at": tuple(a[sel] for a in at), "value": value[sel], "baseline_median": med[sel],
            "baseline_scale": scale[sel], "z": z[sel]}


def _count_hits(counts: np.ndarray, p: AlertParams) -> dict:
    """Spikes in dense daily count series (last axis = days), all series at once.

    Only the cells that could alert (at least min_count events) get their trailing window's
    median, MAD and mean: on sparse series that is a small fraction of all series-days."""
    at = np.nonzero(counts >= p.min_count)
    windows = _trailing(counts, p.window)[at]  # (candidates, window)
    med, mad, n = _median_mad(windows)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        mean = np.nanmean(windows, axis=-1)
    x = counts[at]
    scale = np.maximum(1.4826 * mad, np.sqrt(np.nan_to_num(mean) + 1.0))
    z = (x - med) / scale
    hit = np.nonzero((n >= p.min_baseline) & (z >= p.count_z))[0]
    keep = np.array([poisson_sf(int(x[i]), baseline_rate(mean[i] * n[i], int(n[i]), p.min_rate)) < p.count_p
                     for i in hit], dtype=bool)
    return _found(at, hit[keep] if len(hit) else hit, x, med, scale, z)


def _mean_hits(means: np.ndarray, n_events: np.ndarray, sds: np.ndarray | None, p: AlertParams) -> dict:
    """Days whose mean lies far from the baseline's, all series at once (only days with enough events)."""
    usable = np.where(n_events >= p.min_events, means, np.nan)
    at = np.nonzero(~np.isnan(usable))
    med, mad, n = _median_mad(_trailing(usable, p.window)[at])
    scale = np.maximum(1.4826 * np.nan_to_num(mad), p.goldstein_floor)
    if sds is not None:
        sd_windows = _trailing(np.where(n_events >= p.min_events, sds, np.nan), p.window)[at]
        sd_med = _nanmedian(sd_windows, np.sum(~np.isnan(sd_windows), axis=-1))
        with np.errstate(invalid="ignore", divide="ignore"):
            scale = np.fmax(scale, np.nan_to_num(sd_med) / np.sqrt(np.maximum(n_events[at], 1)))
    x = usable[at]
    z = (x - med) / scale
    with np.errstate(invalid="ignore"):
        hit = np.nonzero((n >= p.min_goldstein_days) & ~np.isnan(z) & (np.abs(z) >= p.goldstein_z))[0]
    return _found(at, hit, x, med, scale, z)


def _frame(found: dict) -> pd.DataFrame:
    return pd.DataFrame({"index": found["at"][-1], **{k: v for k, v in found.items() if k != "at"}})


def detect_counts(counts: np.ndarray, p: AlertParams = AlertParams()) -> pd.DataFrame:
    """Upward spikes in one dense daily count series. Returns index, value, median, scale, z."""
    return _frame(_count_hits(np.asarray(counts, dtype=float), p))


def detect_means(means: np.ndarray, n_events: np.ndarray, sds: np.ndarray | None = None,
                 p: AlertParams = AlertParams()) -> pd.DataFrame:
    """Days whose mean lies far from the trailing days' means (either side); NaN = no events.

    ``sds``: the per-day standard deviation of the events' scores; the median of the baseline's
    sds divided by sqrt(n events that day) bounds the scale from below (a day of few events is noisy).
    """
    sds = None if sds is None else np.asarray(sds, dtype=float)
    return _frame(_mean_hits(np.asarray(means, dtype=float), np.asarray(n_events, dtype=float), sds, p))


KEY_CHUNK = 256  # series processed at once (memory: chunk x days x window floats)


def detect(daily: pd.DataFrame, p: AlertParams = AlertParams(), scope: str = "country",
           start: date | None = None, end: date | None = None) -> pd.DataFrame:
    """Alerts from a long daily table with columns day, key, n_events, n_material_conflict,
    goldstein_mean (and optionally goldstein_sd). Missing days count as zero events.
    ``start``/``end`` bound the reported days (the baseline may reach before ``start``)."""
    if daily.empty:
        return pd.DataFrame(columns=ALERT_COLUMNS)
    daily = daily.copy()
    daily["day"] = pd.to_datetime(daily["day"])
    days = pd.date_range(daily["day"].min(), daily["day"].max(), freq="D")

    codes, keys = pd.factorize(daily["key"], sort=True)
    cols = ((daily["day"] - days[0]) // pd.Timedelta(days=1)).to_numpy(dtype=int)

    def grid(col):
        """keys x days array (NaN where a key has no row that day; first row wins, as pivot_table did)."""
        out = np.full((len(keys), len(days)), np.nan)
        first = ~pd.Series(codes * len(days) + cols).duplicated().to_numpy()
        out[codes[first], cols[first]] = daily[col].to_numpy(dtype=float, na_value=np.nan)[first]
        return out

    n_grid, mc_grid, gm_grid = grid("n_events"), grid("n_material_conflict"), grid("goldstein_mean")
    sd_grid = grid("goldstein_sd") if "goldstein_sd" in daily else None
    keys = list(keys)
    out = []
    for lo in range(0, len(keys), KEY_CHUNK):
        sl = slice(lo, lo + KEY_CHUNK)
        n = np.nan_to_num(n_grid[sl])
        mc = np.nan_to_num(mc_grid[sl])
        gm = gm_grid[sl]
        sd = None if sd_grid is None else sd_grid[sl]
        for metric, found in (("material_conflict", _count_hits(mc, p)), ("goldstein_mean", _mean_hits(gm, n, sd, p))):
            rows, cols = found["at"]
            for j in range(len(rows)):
                r, c = rows[j], cols[j]
                z = float(found["z"][j])
                out.append({"date": days[c].date(), "scope": scope, "key": keys[lo + r], "metric": metric,
                            "value": float(found["value"][j]), "baseline_median": float(found["baseline_median"][j]),
                            "baseline_scale": float(found["baseline_scale"][j]), "z": z, "n_events": int(n[r, c]),
                            "direction": "up" if z > 0 else "down"})
    df = pd.DataFrame(out, columns=ALERT_COLUMNS)
    if start is not None:
        df = df[df["date"] >= start]
    if end is not None:
        df = df[df["date"] <= end]
    return df.sort_values(["date", "key", "metric"], ascending=[False, True, True]).reset_index(drop=True)


def store_alerts(con, f: EventFilter | None = None, scope: str = "country", params: AlertParams | dict | None = None,
                 arrow: bool = False, **kw):
    """Early-warning alerts over a Store (or a DuckDB connection or cursor) for an EventFilter or
    keyword filters: days far outside their trailing baseline (docs/alerts.md)."""
    con, f = getattr(con, "con", con), coerce(f, kw)
    p = params if isinstance(params, AlertParams) else AlertParams(**(params or {}))
    daily = daily_series(con, f, scope, p.window, min_count=p.min_count, min_events=p.min_events,
                         min_goldstein_days=p.min_goldstein_days)
    start = date.fromisoformat(f.since) if f.since else None
    end = date.fromisoformat(f.until) if f.until else None
    df = detect(daily, p, scope, start, end)
    if arrow:
        import pyarrow as pa

        return pa.Table.from_pandas(df, preserve_index=False)
    return df
