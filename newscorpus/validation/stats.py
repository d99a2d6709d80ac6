"""Intervals shared by the scorers: Wilson for proportions, percentile bootstrap for statistics."""

from __future__ import annotations

import math

import numpy as np

Z95 = 1.959963984540054  # the 97.5th percentile of the standard normal
SEED = 20261205  # every resample in ``make validate`` starts from this seed
N_BOOT = 2000


def wilson_interval(successes: int, trials: int, z: float = Z95) -> tuple[float, float]:
    """Wilson's score interval for a proportion (95% by default); (0, 0) for no trials."""
    if not trials:
        return 0.0, 0.0
    p = successes / trials
    centre = (p + z * z / (2 * trials)) / (1 + z * z / trials)
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / (1 + z * z / trials)
    return max(0.0, centre - half), min(1.0, centre + half)


def bootstrap_interval(statistic, n_items: int, n_boot: int = N_BOOT, seed: int = SEED,
                       confidence: float = 0.95) -> tuple[float, float]:
    """Percentile interval of ``statistic(indices)`` over resamples of ``range(n_items)``."""
    rng = np.random.default_rng(seed)
    values = np.array([statistic(rng.integers(0, n_items, n_items)) for _ in range(n_boot)])
    tail = 100 * (1 - confidence) / 2
    low, high = np.percentile(values, [tail, 100 - tail])
    return float(low), float(high)
