"""Trends and early-warning alerts: planted spikes are found, quiet series stay silent."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from eventwatch.analytics.alerts import AlertParams, detect, detect_counts, detect_means
from eventwatch.analytics import alerts, trends
from eventwatch.store import Store
from store_records import make_record


def test_planted_count_spikes_are_found():
    rng = np.random.default_rng(11)
    for rate, spike in ((0.5, 8), (3, 20), (10, 45)):
        x = rng.poisson(rate, 200)
        x[150] = spike
        found = detect_counts(x)
        assert 150 in set(found["index"]), (rate, spike)


def test_quiet_count_series_are_silent():
    rng = np.random.default_rng(0)
    for rate in (0.2, 1, 3, 8, 20):
        for _ in range(2):
            assert detect_counts(rng.poisson(rate, 180)).empty, rate
    assert detect_counts(np.zeros(100)).empty
    assert detect_counts(np.full(100, 6)).empty  # flat, even if busy


def test_false_alarm_rate_is_low_on_many_quiet_series():
    """20,000 quiet series-days: a chance 1-in-10,000 day may alert, but hardly ever."""
    rng = np.random.default_rng(1)
    n = sum(len(detect_counts(rng.poisson(rate, 500))) for rate in (0.5, 1, 2, 4, 10) for _ in range(8))
    assert n <= 4


def test_no_alert_without_baseline():
    x = np.zeros(40)
    x[5] = 30  # only five days of history
    assert detect_counts(x).empty


def _goldstein_days(rng, n_days, mean=-1.0, sd=4.0):
    n = rng.poisson(6, n_days) + 3
    scores = [rng.normal(mean, sd, k).clip(-10, 10) for k in n]
    return (np.array([s.mean() for s in scores]), n, np.array([s.std(ddof=1) for s in scores]))


def test_planted_goldstein_drop_is_found_and_quiet_is_silent():
    rng = np.random.default_rng(3)
    means, n, sds = _goldstein_days(rng, 120)
    assert detect_means(means, n, sds).empty
    means[100], n[100], sds[100] = -9.0, 12, 1.0
    found = detect_means(means, n, sds)
    assert list(found["index"]) == [100] and found["z"].iloc[0] < 0


def test_detect_on_long_table_reports_key_and_date():
    rng = np.random.default_rng(9)
    days = pd.date_range("2024-01-01", periods=90, freq="D")
    rows = []
    for key in ("AAA", "BBB"):
        counts = rng.poisson(2, len(days))
        if key == "BBB":
            counts[70] = 25
        rows += [{"day": d, "key": key, "n_events": c + 1, "n_material_conflict": c, "goldstein_mean": -2.0}
                 for d, c in zip(days, counts)]
    alerts = detect(pd.DataFrame(rows), AlertParams(), scope="country")
    assert set(zip(alerts["key"], alerts["metric"])) == {("BBB", "material_conflict")}
    assert alerts["date"].iloc[0].isoformat() == "2024-03-11"


def test_store_alerts_and_trends(tmp_path):
    """Quiet background of one attack every other day, then a day with many distinct attacks."""
    records, k = [], 0
    for i, day in enumerate(pd.date_range("2024-01-01", periods=50, freq="D")):
        d = day.date().isoformat()
        n = 1 if i % 2 == 0 else 0
        if d == "2024-02-10":
            n = 8
        for j in range(n):
            k += 1
            # distinct events: same-day reports of one dyad would merge (store/grouping.py), so the attacks are
            # one-sided (on the Ukrainian army) at distinct places
            rec = make_record(f"r{k}", ("attack",), published=d, source=f"Outlet {j}")
            rec.events[0].source = None
            rec.events[0].place = None if j == 0 else f"geonames:{1000 + j}"
            records.append(rec)
    with Store(tmp_path / "a.duckdb") as s:
        s.write(records)
        found = alerts(s, scope="country")
        assert [(a.key, a.metric, a.date.isoformat()) for a in found.itertuples()] == [("UKR", "material_conflict", "2024-02-10")]
        assert alerts(s, scope="country", until="2024-02-09").empty
        daily = trends(s, by="country")
        weekly = trends(s, by="country", interval="week")
        assert daily["n_events"].sum() == weekly["n_events"].sum() == len(records)
        assert set(trends(s, by="quad_class")["key"]) == {"4"}
        assert set(trends(s, by="quad_class", top=3)["key"]) == {"4"}  # from the daily aggregates, with top
        with pytest.raises(ValueError):
            trends(s, by="nonsense")


def test_filled_trends_have_every_period(tmp_path):
    with Store(tmp_path / "f.duckdb") as s:
        s.write([make_record("f1", ("attack",), published="2024-03-04"), make_record("f2", ("meet",), published="2024-03-07")])
        daily = trends(s, fill=True)
        assert [d.isoformat()[:10] for d in daily["period"]] == ["2024-03-04", "2024-03-05", "2024-03-06", "2024-03-07"]
        assert list(daily["n_events"]) == [1, 0, 0, 1]
        ranged = trends(s, by="country", since="2024-03-01", until="2024-03-10", fill=True)
        assert len(ranged) == 10 * ranged["key"].nunique() and ranged["n_events"].sum() == 2
        weekly = trends(s, interval="week", fill=True, since="2024-02-20", until="2024-03-10")
        assert len(weekly) == 3 and weekly["n_events"].sum() == 2


def test_window_median_and_mad_equal_numpy_nanmedian():
    """The vectorised trailing median/MAD (one sort for all series) gives numpy's nanmedian exactly."""
    import warnings

    from eventwatch.analytics.alerts import _median_mad, _trailing

    rng = np.random.default_rng(3)
    for values in (rng.poisson(2, (40, 300)).astype(float), rng.normal(-1, 4, (40, 300))):
        values[rng.random(values.shape) < 0.4] = np.nan  # gaps, as days without usable events
        windows = _trailing(values, 28)
        med, mad, n = _median_mad(windows)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            ref = np.nanmedian(windows, axis=-1)
            ref_mad = np.nanmedian(np.abs(windows - ref[..., None]), axis=-1)
        assert np.array_equal(med, ref, equal_nan=True) and np.array_equal(mad, ref_mad, equal_nan=True)
        assert np.array_equal(n, np.sum(~np.isnan(windows), axis=-1))
