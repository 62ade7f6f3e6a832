"""False-alarm rate and hit rate of the alert statistic on simulated series (docs/alerts.md).

Counts: Poisson series of several rates (quiet), then the same series with one planted day of
3*rate+6 events. Goldstein means: days of Poisson(6)+3 events with scores ~ N(-1, 4) clipped to
[-10, 10] (quiet), then a planted day of 12 events averaging -9.
Run: .venv/bin/python benchmarks/bench_alerts.py [--series 40] [--days 365]
"""
from __future__ import annotations

import argparse

import numpy as np

from eventwatch.analytics.alerts import AlertParams, detect_counts, detect_means


def goldstein_days(rng, n_days):
    n = rng.poisson(6, n_days) + 3
    scores = [rng.normal(-1.0, 4.0, k).clip(-10, 10) for k in n]
    return np.array([s.mean() for s in scores]), n, np.array([s.std(ddof=1) for s in scores])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--series", type=int, default=40)
    ap.add_argument("--days", type=int, default=365)
    args = ap.parse_args()
    p = AlertParams()
    spike_day = args.days - 30
    print(f"params: {p}")
    print(f"{args.series} series x {args.days} days each\n")
    print("counts: rate  false alarms  false per 1000 series-days  planted spike  found")
    for rate in (0.2, 0.5, 1, 2, 3, 8, 20):
        false = found = 0
        spike = int(3 * rate + 6)
        for seed in range(args.series):
            x = np.random.default_rng(seed).poisson(rate, args.days)
            false += len(detect_counts(x, p))
            x[spike_day] = spike
            found += spike_day in set(detect_counts(x, p)["index"])
        print(f"        {rate:>4}  {false:>12}  {1000 * false / (args.series * args.days):>26.3f}  {spike:>13}  {found}/{args.series}")
    false = found = 0
    for seed in range(args.series):
        rng = np.random.default_rng(1000 + seed)
        m, n, sd = goldstein_days(rng, args.days)
        false += len(detect_means(m, n, sd, p))
        m[spike_day], n[spike_day], sd[spike_day] = -9.0, 12, 1.0
        found += spike_day in set(detect_means(m, n, sd, p)["index"])
    print(f"\ngoldstein mean: false alarms {false} ({1000 * false / (args.series * args.days):.3f} per 1000 series-days), "
          f"planted drop to -9 found {found}/{args.series}")


if __name__ == "__main__":
    main()
