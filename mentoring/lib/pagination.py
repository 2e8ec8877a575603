"""Pages that do not count: for lists read newest first a page at a time (a timeline, an
inbox), where "Page 3" and "Older" are all a reader needs and "of 41" would cost a second
run of the page's whole query, a COUNT(*) over everything there is.

A page fetches one row more than it shows: that row says whether an older page exists.
"""

from django.core.paginator import Paginator


class OpenEndedPage:
    """What templates/_pagination.html reads of a Django Page, without the page count."""

    def __init__(self, object_list, number, has_next):
        self.object_list = object_list
        self.number = number
        self._has_next = has_next
        self.paginator = None  # no total: the template shows "Page N" alone

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    def has_next(self):
        return self._has_next

    def has_previous(self):
        return self.number > 1

    def has_other_pages(self):
        return self.has_next() or self.has_previous()

    def next_page_number(self):
        return self.number + 1

    def previous_page_number(self):
        return self.number - 1


def open_ended_page(rows, per_page, number):
    """Page `number` (1 when it is not a whole number) of the queryset `rows`. Past the end
    it is the last page, as Paginator.get_page gives, found by counting then: the rare
    case pays for the count, not every page."""
    try:
        number = max(int(number), 1)
    except (TypeError, ValueError):
        number = 1
    # Beyond the largest OFFSET PostgreSQL takes (a bigint) there is no page anyway.
    if number <= 2**62 // per_page:
        offset = (number - 1) * per_page
        fetched = list(rows[offset : offset + per_page + 1])
        if fetched or number == 1:
            return OpenEndedPage(fetched[:per_page], number, len(fetched) > per_page)
    last = Paginator(rows, per_page).get_page(number)
    return OpenEndedPage(list(last.object_list), last.number, has_next=False)
