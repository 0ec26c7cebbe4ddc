"""The conflicting estimates at a glance: every claim of every multi-claim group on a log axis.

One row a claim, grouped under its claim group. A closed interval is a bar, a point value
a marker, and an open bound an arrow one short step past the known bound (never to the
axis edge, which would suggest a magnitude nobody claimed). Colour is the document's
language. Each claim is drawn in an SVG group whose id is ``claim-<claim_id>`` so tests
and readers can find it.

Rendering uses the Agg canvas directly (no pyplot, no global backend switch), so it
works headless and leaves the caller's matplotlib alone. Bytes are deterministic: a
fixed font, a fixed SVG hash salt and no date or software stamps in either file.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass

import matplotlib
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Rectangle
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter
from matplotlib.transforms import blended_transform_factory

from conflict_counts.release.values import value_text

LANGUAGE_COLOURS = {"sv": "#0072B2", "nb": "#D55E00", "en": "#009E73"}  # Okabe-Ito, colour-blind safe
LANGUAGE_NAMES = {"sv": "Swedish", "nb": "Norwegian Bokmål", "en": "English"}
OPEN_STEP = 3.0  # an open bound's arrow spans this factor past the known bound
RC = {
    "svg.hashsalt": "conflict-counts",
    "svg.fonttype": "path",
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "path.simplify": True,
}
PNG_DPI = 150


@dataclass(frozen=True)
class Row:
    """One claim as drawn: where, what and with which label."""

    group_id: str
    claim_id: str
    low: float | None
    high: float | None
    qualifier: str
    language: str
    label: str
    value: str


def _bound(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def figure_rows(frames: Mapping[str, pd.DataFrame]) -> list[Row]:
    """Claims of every group with more than one claim, by group, then document date and position."""
    documents, claims = frames["documents"], frames["claims"]
    language = dict(zip(documents["doc_id"], documents["language"], strict=True))
    published = {  # undated documents last
        d: (p if isinstance(p, str) else "9999")
        for d, p in zip(documents["doc_id"], documents["published"], strict=True)
    }
    sizes = claims["group_id"].value_counts()
    shared = claims[claims["group_id"].map(sizes) > 1].copy()
    shared["_published"] = shared["doc_id"].map(published)
    shared = shared.sort_values(["group_id", "_published", "doc_id", "start"], kind="stable")
    rows = []
    for claim in shared.itertuples(index=False):
        source = claim.source_text if isinstance(claim.source_text, str) else "no source (article's voice)"
        low, high = _bound(claim.low), _bound(claim.high)
        rows.append(Row(
            group_id=claim.group_id,
            claim_id=claim.claim_id,
            low=low,
            high=high,
            qualifier=claim.qualifier,
            language=language[claim.doc_id],
            label=f"“{claim.text}” · {source} · {claim.doc_id[:8]} ({language[claim.doc_id]})",
            value=value_text(low, high, claim.qualifier),
        ))
    return rows


def claim_gid(claim_id: str) -> str:
    """SVG id of a claim's main mark (XML ids may not hold ':')."""
    return "claim-" + claim_id.replace(":", "_")


def _draw_claim(ax, y: float, row: Row) -> float:
    """Draw one claim at height ``y``; return the x where its value label may start."""
    colour = LANGUAGE_COLOURS.get(row.language, "#444444")
    gid = claim_gid(row.claim_id)
    low, high = row.low, row.high
    if low is not None and high is not None and low == high:
        marker = "D" if row.qualifier == "approx" else "o"
        ax.plot([low], [y], marker=marker, markersize=7, linestyle="none", color=colour, gid=gid)
        return low * 1.25
    if low is not None and high is not None:
        vague = row.qualifier == "vague"
        ax.plot([low, high], [y, y], linewidth=7 if vague else 3.2, alpha=0.45 if vague else 1.0,
                color=colour, solid_capstyle="butt", gid=gid)
        ax.plot([low, high], [y, y], marker="|", markersize=10, linestyle="none", color=colour,
                gid=f"{gid}-bounds")
        return high * 1.25
    known = low if low is not None else high
    assert known is not None
    end = known * OPEN_STEP if low is not None else known / OPEN_STEP
    ax.add_patch(FancyArrowPatch((known, y), (end, y), arrowstyle="-|>", mutation_scale=11, color=colour,
                                 linewidth=1.6, shrinkA=0, shrinkB=0, gid=f"{gid}-open"))
    exclusive = row.qualifier in {"more_than", "nearly"}
    ax.plot([known], [y], marker="o" if exclusive else "|", markersize=7 if exclusive else 11,
            markerfacecolor="white" if exclusive else colour, markeredgewidth=1.6, linestyle="none",
            color=colour, gid=gid)
    return (end if low is not None else known) * 1.25


def _legend_handles() -> list[Line2D]:
    grey = "#555555"
    languages = [Line2D([], [], color=colour, linewidth=3.2, label=LANGUAGE_NAMES[lang])
                 for lang, colour in LANGUAGE_COLOURS.items()]
    return [
        *languages,
        Line2D([], [], color=grey, marker="o", linestyle="none", label="exact value"),
        Line2D([], [], color=grey, marker="D", linestyle="none", label="approximate value"),
        Line2D([], [], color=grey, linewidth=3.2, marker="|", markersize=10, label="range"),
        Line2D([], [], color=grey, linewidth=7, alpha=0.45, label="magnitude word (hundreds, thousands …)"),
        Line2D([], [], color=grey, marker="|", markersize=11, linestyle="none",
               label="closed bound (at least / at most) →"),
        Line2D([], [], color=grey, marker="o", markerfacecolor="white", linestyle="none",
               label="open bound (more than / nearly) →"),
    ]


def draw(rows: list[Row], descriptions: Mapping[str, str]) -> Figure:
    """The figure for ``rows`` (see :func:`figure_rows`)."""
    groups = list(dict.fromkeys(r.group_id for r in rows))
    height = 1.6 + 0.3 * len(rows) + 0.42 * len(groups)
    figure = Figure(figsize=(11.5, height), dpi=100)
    FigureCanvasAgg(figure)
    ax = figure.add_axes((0.36, 1.15 / height, 0.6, 1 - 1.45 / height))
    y, ticks, labels, bands = 0.0, [], [], []
    for index, group in enumerate(groups):
        top = y
        y += 1.15  # room for the group title
        for row in (r for r in rows if r.group_id == group):
            ticks.append(y)
            labels.append(row.label)
            x = _draw_claim(ax, y, row)
            ax.text(x, y, row.value, va="center", ha="left", fontsize=8, color="#333333")
            y += 1.0
        bands.append((top, y, group, index))
        y += 0.25
    values = [v for r in rows for v in (r.low, r.high) if v is not None]
    lo = 10 ** math.floor(math.log10(min(values) / OPEN_STEP)) if values else 1
    hi = 10 ** math.ceil(math.log10(max(values) * 2.5)) if values else 10
    ax.set_xscale("log")
    ax.set_xlim(lo, hi)
    ax.set_ylim(y, -0.2)
    renderer = figure.canvas.get_renderer()
    across = blended_transform_factory(figure.transFigure, ax.transData)  # full width, data rows
    for top, bottom, group, index in bands:
        if index % 2 == 0:
            ax.add_patch(Rectangle((0.01, top - 0.05), 0.98, bottom - top + 0.05, transform=across,
                                   color="#f2f2f2", zorder=0, linewidth=0, clip_on=False))
        heading = ax.text(0.02, top + 0.5, group, transform=across, fontsize=8.5, fontweight="bold",
                          va="center", ha="left", color="#222222")
        if descriptions.get(group):
            right = heading.get_window_extent(renderer).transformed(figure.transFigure.inverted()).x1
            ax.text(right + 0.01, top + 0.5,
                    textwrap.shorten(descriptions[group], 150 - len(group), placeholder=" …"),
                    transform=across, fontsize=8, va="center", ha="left", color="#555555")
    ax.set_yticks(ticks, labels, fontsize=8)
    ax.tick_params(axis="y", length=0)
    ax.xaxis.set_major_locator(LogLocator(base=10))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.grid(axis="x", which="major", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.set_xlabel("claimed count (log scale)")
    figure.suptitle("ConflictCounts: conflicting estimates of the same quantity", x=0.02, ha="left",
                    y=1 - 0.12 / height, fontsize=12, fontweight="bold")
    figure.legend(handles=_legend_handles(), loc="lower left", ncol=3, fontsize=7.5, frameon=False,
                  bbox_to_anchor=(0.01, 0.0))
    return figure


def conflict_figure(
    frames: Mapping[str, pd.DataFrame], descriptions: Mapping[str, str]
) -> tuple[bytes, bytes]:
    """PNG and SVG bytes of the figure; identical bytes for identical tables."""
    with matplotlib.rc_context(RC):
        figure = draw(figure_rows(frames), descriptions)
        png, svg = io.BytesIO(), io.BytesIO()
        figure.savefig(png, format="png", dpi=PNG_DPI, metadata={"Software": None})
        figure.savefig(svg, format="svg", metadata={"Date": None, "Creator": "conflict-counts"})
    return png.getvalue(), svg.getvalue()
