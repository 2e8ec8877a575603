"""Faculty grouped by an optional identity answer, in groups no one can be picked out of.

Pure: grouped counts in, the rows a dashboard may show out. aggregates.py reads the counts in
SQL and builds the tables; this module decides what of them is safe to show.

Three rules, because the same page (and its CSV) lists every faculty member by name with
their load, so the number of faculty and their mentees in all are known exactly:
- a group under MIN_CELL people is never a row of its own;
- complementary suppression: the hidden groups are shown together as one row, and while
  that row would have fewer than MIN_CELL people the next smallest group joins it, so that
  no hidden group can be worked out by subtracting the rows shown from the known total;
- a group's mentees are shown rounded to ROUND_MENTEES_TO, never exactly: exact sums beside
  the named loads let a reader find which named people add up to a group (the two faculty
  with four mentees each are "the 8 mentees of the group not shown").
"""

from dataclasses import dataclass

from mentoring.profiles.models import Gender, gender_from_words, normalise_term

MIN_CELL = 5  # DESIGN.md: optional identity fields as aggregates, cells of 5 or more
ROUND_MENTEES_TO = 5
NOT_STATED = "Not stated"
TOGETHER = "Other groups together"


def gender_group(value):
    """The dashboard group of a stored gender answer: the listed answer; own words together
    as 'Self-described' (the words are never read); no answer or 'prefer not to say' as
    'Not stated'. Words that mean a listed answer (an answer stored before the list) count
    with it."""
    value = gender_from_words(value) or value.strip()
    if value in ("", Gender.NOT_SAID):
        return NOT_STATED
    if value in (Gender.WOMAN, Gender.MAN, Gender.NON_BINARY):
        return Gender(value).label
    return "Self-described"


def background_group(value):
    """Backgrounds are the person's own words: written alike (case, spaces) is one group."""
    value = normalise_term(value)
    return value[:1].upper() + value[1:] if value else NOT_STATED


GROUP_OF = {"gender": gender_group, "background": background_group}


@dataclass
class Cell:
    label: str
    people: int = 0
    active: int = 0

    def add(self, other):
        self.people += other.people
        self.active += other.active


def cells_of(groups, field_name):
    """groups: rows of {f"{field_name}_value", "people", "active"}; one Cell per group."""
    cells = {}
    for row in groups:
        label = GROUP_OF[field_name](row[f"{field_name}_value"])
        cells.setdefault(label, Cell(label)).add(Cell(label, row["people"], row["active"]))
    return [cell for cell in cells.values() if cell.people]


def suppress(cells):
    """The cells to show, largest first, and whether some group was hidden.

    Groups under MIN_CELL go into one TOGETHER cell; while it holds fewer than MIN_CELL
    people, the smallest shown group joins it. If even everyone together is under MIN_CELL,
    nothing is shown."""
    shown = sorted((c for c in cells if c.people >= MIN_CELL), key=lambda c: (c.people, c.label))
    hidden = [c for c in cells if c.people < MIN_CELL]
    if not hidden:
        return sorted(shown, key=lambda c: (-c.people, c.label)), False
    together = Cell(TOGETHER)
    for cell in hidden:
        together.add(cell)
    while together.people < MIN_CELL and shown:
        together.add(shown.pop(0))
    shown.sort(key=lambda c: (-c.people, c.label))
    if together.people >= MIN_CELL:
        shown.append(together)
    return shown, True


def rounded(count):
    """To the nearest multiple of ROUND_MENTEES_TO: 12 is 10, 13 is 15."""
    return (count + ROUND_MENTEES_TO // 2) // ROUND_MENTEES_TO * ROUND_MENTEES_TO
