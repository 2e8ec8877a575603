"""Walk a large queryset in primary-key order, one query per batch of ids."""


def id_batches(queryset, size=500):
    """Yield lists of at most `size` primary keys; keyset paging stays fast at any depth."""
    last = 0
    while True:
        ids = list(queryset.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:size])
        if not ids:
            return
        yield ids
        last = ids[-1]
