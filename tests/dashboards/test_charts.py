"""Chart geometry: pure functions, no database."""

from mentoring.dashboards import charts
from mentoring.dashboards.scope import Table


def coverage_table(*rows):
    return Table("coverage", "Coverage", ["Stage", "Students", "Matched", "Share (%)"], [*rows])


def test_rows_scale_to_a_hundred_percent_and_draw_the_reference():
    table = coverage_table(["Clerkship year", 4, 2, 50.0], ["All stages", 4, 2, 50.0])
    chart = charts.coverage_chart(table, 33.3)

    assert [(bar.label, bar.text) for bar in chart.bars] == [
        ("Clerkship year", "50.0%"),
        ("All stages", "50.0%"),
    ]
    assert chart.bars[0].width == charts.PLOT_WIDTH / 2
    assert chart.reference.x1 == round(charts.LABEL_WIDTH + charts.PLOT_WIDTH * 0.333, 1)
    assert chart.reference.label == "One in three (33.3%)"
    assert "All stages: 50.0% of 4 students have an active mentor." in chart.description


def test_no_students_draws_no_bar_and_a_dash():
    chart = charts.coverage_chart(coverage_table(["All stages", 0, 0, None]), 33.3)
    assert (chart.bars[0].width, chart.bars[0].text) == (0, "—")


def test_columns_thin_their_labels_when_there_are_many_months():
    table = Table("meetings", "Meetings", ["Month", "Held"])
    table.rows = [[f"January {2021 + n // 12}", n] for n in range(60)]
    chart = charts.meetings_chart(table)

    assert len(chart.bars) == 60
    assert sum(bar.show_label for bar in chart.bars) == 12
    assert not any(bar.show_text for bar in chart.bars)  # the table carries the figures
    tallest = max(chart.bars, key=lambda bar: bar.height)
    assert tallest.height == charts.PLOT_HEIGHT and tallest.text == "59"
    assert chart.bars[0].label == "Jan 21"


def test_a_few_months_show_every_label_and_figure():
    table = Table("meetings", "Meetings", ["Month", "Held"], [["March 2026", 0], ["April 2026", 3]])
    chart = charts.meetings_chart(table)
    assert [(b.label, b.text, b.show_label, b.show_text) for b in chart.bars] == [
        ("Mar 26", "0", True, True),
        ("Apr 26", "3", True, True),
    ]
    assert chart.bars[0].height == 0


def test_long_labels_are_shortened():
    assert charts.shorten("A very long stage name that goes on and on") == (
        "A very long stage name th…"
    )


def test_no_figure_runs_into_the_reference_line():
    """Whatever the shares, each bar's figure stays clear of the dashed line and inside the
    chart (before, a share just under one in three wrote "30.0%" across the line)."""
    for tenths in range(0, 1001):
        share = tenths / 10
        chart = charts.coverage_chart(coverage_table(["All stages", 10, 3, share]), 33.3)
        [bar], line = chart.bars, chart.reference
        left, right = bar.text_x, bar.text_x + charts.text_width(bar.text)
        assert not left - 2 <= line.x1 <= right + 2, f"{bar.text} meets the line at {line.x1}"
        assert bar.text_x >= bar.x + bar.width  # never drawn over its own bar
        assert right <= chart.width


def test_the_reference_label_sits_above_the_line():
    chart = charts.coverage_chart(coverage_table(["All stages", 4, 2, 50.0]), 33.3)
    descent = 4  # brackets reach about a third of the 12 px font below the baseline
    assert chart.reference.label_y + descent < chart.reference.y1
