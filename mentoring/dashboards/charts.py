"""Bar charts as geometry for templates/dashboards/_chart.html to draw as inline SVG.

Pure: figures in, positions out. Each bar carries the figure exactly as its table shows
it, so the chart and the table beside it (which screen readers read) never disagree.
No JavaScript and no library: a page that prints and works on a ward computer.
"""

import math
from dataclasses import dataclass, field


@dataclass
class Bar:
    label: str
    text: str  # the figure as the table writes it
    x: float
    y: float
    width: float
    height: float
    label_x: float
    label_y: float
    text_x: float
    text_y: float
    show_label: bool = True
    show_text: bool = True


@dataclass
class Reference:
    label: str
    x1: float
    y1: float
    x2: float
    y2: float
    label_x: float
    label_y: float


@dataclass
class Chart:
    id: str
    title: str
    description: str
    width: float
    height: float
    kind: str  # "rows" (horizontal bars) or "columns"
    bars: list = field(default_factory=list)
    reference: Reference | None = None
    baseline: tuple | None = None  # (x1, y1, x2, y2) of the axis the bars stand on


def figure_text(value, unit=""):
    """The figure as its table cell shows it (50.0 stays 50.0), plus the unit."""
    if value is None:
        return "—"
    return f"{value}{unit}"


def shorten(label, most=26):
    return label if len(label) <= most else label[: most - 1] + "…"


# Horizontal bars: one row per item, for a few labelled categories.
LABEL_WIDTH, PLOT_WIDTH, TEXT_WIDTH = 180, 320, 70
ROW, BAR = 30, 18
TOP = 26  # room for the reference line's label
# The widest a character of the 12 px figures is drawn (digits, "%", "—" in common sans
# fonts are 6.7 to 7.2 px), so that a figure's box is never underestimated; and the room
# kept between a figure and the reference line.
CHAR_WIDTH, CLEARANCE = 7.5, 4


def text_width(text):
    return len(text) * CHAR_WIDTH


def text_x_clear_of(line_x, text_x, text):
    """Where a figure drawn from text_x rightwards goes so that the reference line at
    line_x does not run through it: just past the line when it would."""
    if text_x - CLEARANCE <= line_x <= text_x + text_width(text) + CLEARANCE:
        return round(line_x + CLEARANCE + 2, 1)
    return text_x


def rows_chart(chart_id, title, description, items, maximum, unit="", reference=None):
    """items: (label, value) pairs; value None draws no bar and writes a dash."""
    height = TOP + ROW * len(items) + 6
    chart = Chart(
        chart_id, title, description, LABEL_WIDTH + PLOT_WIDTH + TEXT_WIDTH, height, "rows"
    )
    scale = PLOT_WIDTH / maximum if maximum else 0
    for n, (label, value) in enumerate(items):
        y = TOP + ROW * n
        width = round((value or 0) * scale, 1)
        chart.bars.append(
            Bar(
                label=shorten(label),
                text=figure_text(value, unit),
                x=LABEL_WIDTH,
                y=y,
                width=width,
                height=BAR,
                label_x=LABEL_WIDTH - 8,
                label_y=y + 13,
                text_x=LABEL_WIDTH + width + 6,
                text_y=y + 13,
            )
        )
    chart.baseline = (LABEL_WIDTH, TOP - 4, LABEL_WIDTH, height - 4)
    if reference is not None:
        value, label = reference
        x = round(LABEL_WIDTH + value * scale, 1)
        # The label sits above the line's top end, its descenders (the brackets) clear of it.
        chart.reference = Reference(label, x, TOP - 6, x, height - 2, x, TOP - 12)
        for bar in chart.bars:
            bar.text_x = text_x_clear_of(x, bar.text_x, bar.text)
    return chart


# Columns: one per period (months), labels thinned when there are many.
PLOT_HEIGHT, COLUMN_TOP, COLUMN_BOTTOM, SIDE = 160, 22, 30, 12


def columns_chart(chart_id, title, description, items, unit=""):
    """items: (label, value) pairs in order, values whole numbers or None."""
    count = max(len(items), 1)
    pitch = 44 if count <= 12 else 30 if count <= 24 else 14
    every = math.ceil(count / 12) if count > 24 else (2 if count > 12 else 1)
    width = max(SIDE * 2 + pitch * count, 320)
    height = COLUMN_TOP + PLOT_HEIGHT + COLUMN_BOTTOM
    chart = Chart(chart_id, title, description, width, height, "columns")
    maximum = max((value or 0 for _, value in items), default=0) or 1
    for n, (label, value) in enumerate(items):
        bar_height = round(PLOT_HEIGHT * (value or 0) / maximum, 1)
        x = SIDE + pitch * n + pitch * 0.15
        bar_width = round(pitch * 0.7, 1)
        centre = round(x + bar_width / 2, 1)
        chart.bars.append(
            Bar(
                label=label,
                text=figure_text(value, unit),
                x=round(x, 1),
                y=round(COLUMN_TOP + PLOT_HEIGHT - bar_height, 1),
                width=bar_width,
                height=bar_height,
                label_x=centre,
                label_y=COLUMN_TOP + PLOT_HEIGHT + 18,
                text_x=centre,
                text_y=round(COLUMN_TOP + PLOT_HEIGHT - bar_height - 5, 1),
                show_label=n % every == 0,
                show_text=count <= 24,
            )
        )
    chart.baseline = (SIDE, COLUMN_TOP + PLOT_HEIGHT, width - SIDE, COLUMN_TOP + PLOT_HEIGHT)
    return chart


def coverage_chart(table, reference):
    """From the coverage table: one bar per stage and one for all, shares in percent."""
    items = [(row[0], row[3]) for row in table.rows]
    overall = table.rows[-1]
    return rows_chart(
        "chart-coverage",
        "Share of students with an active mentor, by stage of training",
        f"{overall[0]}: {figure_text(overall[3], '%')} of {overall[1]} students have an "
        "active mentor. "
        f"Dashed line: about one in three ({reference:g}%), as in the literature.",
        items,
        maximum=100,
        unit="%",
        reference=(reference, f"One in three ({reference:g}%)"),
    )


def meetings_chart(table):
    """From the meetings table: one column per month, labelled 'Jan 25'."""
    items = [(f"{row[0][:3]} {row[0][-2:]}", row[1]) for row in table.rows]
    total = sum(row[1] for row in table.rows)
    return columns_chart(
        "chart-meetings",
        "Meetings held per month",
        f"{total} meetings held over {len(table.rows)} months.",
        items,
    )
