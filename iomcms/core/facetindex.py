"""Facet counts and pages of filtered lists, answered from an index held in memory.

Grouping every published release by country, theme and year on each request costs time in
proportion to the archive. Instead each process keeps, for each list, the published records
in list order and, for every value of every facet, a bitmask (a Python int) of the positions
of the records that have it. Any combination of chosen values is an AND of a few masks; a
count is a popcount; a page is the positions of the n-th to m-th set bits, fetched by primary
key. The work of a request no longer grows with the archive, and a deep page costs what the
first one does.

An index belongs to a content version (iomcms.core.contentversion): any change to content, and any
scheduled go-live or expiry passing, makes a new version, and the first request that needs
the index afterwards builds it again (one query for the records and one for each
many-to-many facet) and shares it through the page cache with the other processes.
"""

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from itertools import compress
from types import MappingProxyType
from typing import Any, TypeVar

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model, QuerySet

from .contentversion import cache_get, cache_set, content_version

# "0" and "1" as the bytes 0 and 1.
BIT_BYTES = bytes.maketrans(b"01", b"\x00\x01")
# Set bits are looked for this many bytes at a time: counting a block is one popcount, so
# skipping to a deep page costs a few hundred of them at 100,000 records.
BLOCK_BYTES = 32
# Each index keeps the records matching this many of the latest searches (about 12 kB a
# search at 100,000 records).
SEARCHES_KEPT = 64

T = TypeVar("T")
# What the total of a column of numbers can be.
Number = int | float | Decimal


@dataclass
class FacetIndex:
    ids: list[int]  # primary keys, in list order
    masks: dict[str, dict[str, int]]  # facet name -> {value as text: mask of the positions}
    choices: dict[str, list[tuple[Any, Any]]]  # facet name -> [(value, label)] to choose from
    columns: dict[str, list[Any]] = field(default_factory=dict)  # name -> values, in order

    def __post_init__(self) -> None:
        self.everything = (1 << len(self.ids)) - 1

    @cached_property
    def searches(self) -> OrderedDict[str, int]:
        """Words -> the mask of the records matching them, the oldest first."""
        return OrderedDict()

    @cached_property
    def kept(self) -> dict[Hashable, Any]:
        """What requests worked out from the index and the records it names, for the
        requests that follow; dropped with the index when content changes."""
        return {}

    def keep(self, key: Hashable, work: Callable[[], T]) -> T:
        """What `work()` gives, worked out by the first request that asks for `key` and
        kept with the index for the requests that follow."""
        value = self.kept.get(key)
        if value is None:
            value = self.kept[key] = work()
        return value

    def first_records(
        self, name: str, value: str, count: int, records: Callable[[], QuerySet]
    ) -> list[Model]:
        """The first `count` records in list order that the facet `name` files under
        `value`, read by primary key from the queryset `records()` gives. Every record
        filed there shares them, so they are kept with the index."""

        def read():
            ids = self.page(self.masks[name].get(value, 0), 0, count)
            found = records().order_by().in_bulk(ids)
            return [found[pk] for pk in ids if pk in found]

        return self.keep(("first records", name, value, count), read)

    def mask_of(self, pks: Iterable[int]) -> int:
        """The mask of the records `pks` names; keys of records not in the index (drafts)
        are left out."""
        position_of = self.position_of
        bits = bytearray(len(self.ids) // 8 + 1)
        for pk in pks:
            number = position_of.get(pk)
            if number is not None:
                bits[number >> 3] |= 1 << (number & 7)
        return int.from_bytes(bits, "little")

    def matching(self, text: str, find: Callable[[str], Iterable[int]]) -> int:
        """The mask of the records matching the words `text`, whose primary keys (in any
        order, drafts included) `find(text)` gives. The latest searches are kept with the
        index, which a change to content replaces."""
        mask = self.searches.get(text)
        if mask is None:
            mask = self.mask_of(find(text))
            if len(self.searches) >= SEARCHES_KEPT:
                self.searches.popitem(last=False)
            self.searches[text] = mask
        return mask

    def selection(self, chosen: Mapping[str, Any], without: str | None = None) -> int:
        """The mask of the records that have every chosen value (facet name -> value),
        leaving out the facet `without`."""
        mask = self.everything
        for name, value in chosen.items():
            if name != without:
                mask &= self.masks[name].get(str(value), 0)
        return mask

    @cached_property
    def position_of(self) -> dict[int, int]:
        """Primary key -> position in list order."""
        return {pk: position for position, pk in enumerate(self.ids)}

    def values_of(self, name: str, pk: int) -> list[tuple[Any, Any]] | None:
        """The (value, label) choices of the facet `name` that the record `pk` has, in the
        order of the choices; None when the record is not in the index (not published)."""
        position = self.position_of.get(pk)
        if position is None:
            return None
        masks = self.masks[name]
        return [
            (value, label)
            for value, label in self.choices[name]
            if masks.get(str(value), 0) >> position & 1
        ]

    def counts(self, name: str, mask: int) -> Mapping[str, int]:
        """How many records of `mask` each value of the facet `name` holds (none: left out).
        Read only: the counts of the whole list are worked out once and kept."""
        if mask == self.everything:
            # An unfiltered list's, the home page's and the country list's: every value's
            # mask counted in full, the same every time.
            return self.keep(
                ("counts", name), lambda: MappingProxyType(self.count_values(name, mask))
            )
        return self.count_values(name, mask)

    def count_values(self, name: str, mask: int) -> dict[str, int]:
        counts = {}
        for value, value_mask in self.masks[name].items():
            if count := (mask & value_mask).bit_count():
                counts[value] = count
        return counts

    def positions(self, mask: int, start: int, stop: int) -> list[int]:
        """Positions of the set bits of `mask` numbered `start` to `stop` - 1, in order."""
        if start >= stop:
            return []
        if mask == self.everything:
            return list(range(start, min(stop, len(self.ids))))
        data = mask.to_bytes(len(self.ids) // 8 + 1, "little")
        found, seen = [], 0
        for offset in range(0, len(data), BLOCK_BYTES):
            block = int.from_bytes(data[offset : offset + BLOCK_BYTES], "little")
            in_block = block.bit_count()
            if seen + in_block <= start:
                seen += in_block
                continue
            while block:
                lowest = block & -block
                if seen >= start:
                    found.append(offset * 8 + lowest.bit_length() - 1)
                    if len(found) == stop - start:
                        return found
                seen += 1
                block ^= lowest
        return found

    def page(self, mask: int, start: int, stop: int, reverse: bool = False) -> list[int]:
        """Primary keys of the records `start` to `stop` - 1 of `mask`, in list order or
        (reverse) the other way round."""
        if reverse:
            total = mask.bit_count()
            found = self.positions(mask, max(total - stop, 0), max(total - start, 0))
            return [self.ids[position] for position in reversed(found)]
        return [self.ids[position] for position in self.positions(mask, start, stop)]

    def total(self, column: str, mask: int) -> Number | None:
        """The sum of `column` over the records of `mask`; None when none has a value."""
        # The mask as one byte a record (1 where set), lowest position first, picks the
        # values without a Python step per record.
        picks = f"{mask:b}"[::-1].encode().translate(BIT_BYTES)
        present = [value for value in compress(self.columns[column], picks) if value is not None]
        return sum(present) if present else None


def build_index(
    queryset: QuerySet,
    facets: Mapping[str, str],
    choices: dict[str, list[tuple[Any, Any]]],
    columns: Sequence[str] = (),
) -> FacetIndex:
    """An index of `queryset` (in its own order): `facets` maps each facet's name to the
    path of its value, `choices` each facet to its possible (value, label) pairs.

    A record has one value of a plain field or a foreign key: those come with the order,
    in the one query that reads the records. A many-to-many facet is read from its link
    table alone, the records of every state, which the positions then sift, instead of
    scanning the records again for each one."""
    model = queryset.model
    single = [name for name, path in facets.items() if single_valued(model, path)]
    rows = list(queryset.values_list("pk", *columns, *(facets[name] for name in single)))
    # Where each single-valued facet's value sits in a row.
    column_of = {name: number for number, name in enumerate(single, 1 + len(columns))}
    ids = [row[0] for row in rows]
    position = {pk: number for number, pk in enumerate(ids)}
    size = len(ids) // 8 + 1
    masks = {}
    for name, path in facets.items():
        if name in column_of:
            at = column_of[name]
            pairs = [(row[0], row[at]) for row in rows]
        elif is_many_to_many(model, path):
            pairs = linked_values(model, path)
        else:
            pairs = queryset.order_by().values_list("pk", path)
        bits = {}
        for pk, value in pairs:
            number = position.get(pk)
            if value is None or number is None:
                continue
            array = bits.get(key := str(value))
            if array is None:
                array = bits[key] = bytearray(size)
            array[number >> 3] |= 1 << (number & 7)
        masks[name] = {value: int.from_bytes(array, "little") for value, array in bits.items()}
    return FacetIndex(
        ids=ids,
        masks=masks,
        choices=choices,
        columns={name: [row[number] for row in rows] for number, name in enumerate(columns, 1)},
    )


def single_valued(model: type[Model], path: str) -> bool:
    """Whether `path` gives a record one value: fields, foreign keys followed, and what
    transforms them (`published_on__year`)."""
    for name in path.split("__"):
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            return True  # a transform of the field before it
        if field.many_to_many or field.one_to_many:
            return False
        if not field.is_relation:
            return True
        model = field.related_model
    return True


def is_many_to_many(model: type[Model], path: str) -> bool:
    """Whether `path` starts with a many-to-many field of `model`'s own."""
    field = model._meta.get_field(path.split("__", 1)[0])
    return field.many_to_many and not field.auto_created


def linked_values(model: type[Model], path: str) -> QuerySet:
    """(primary key, value) pairs of the many-to-many `path` (`countries__slug`), read
    from the link table and the table it links to."""
    name, _, rest = path.partition("__")
    field = model._meta.get_field(name)
    target = field.m2m_reverse_field_name()
    return field.remote_field.through.objects.values_list(
        f"{field.m2m_field_name()}_id", f"{target}__{rest}" if rest else f"{target}_id"
    )


# A shared copy outlives its content version by little: the next change makes a new one.
SHARED_SECONDS = 24 * 60 * 60

_lock = threading.Lock()
_indexes: dict[str, tuple[int, FacetIndex]] = {}  # name -> (content version, index)


def current_index(name: str, build: Callable[[], FacetIndex]) -> FacetIndex:
    """The index called `name` for the current content version. The first process that
    needs it builds it with `build()` and leaves a copy in the shared page cache, where
    the other processes (and servers) find it."""
    version = content_version()
    held = _indexes.get(name)
    if held is None or held[0] != version:
        with _lock:
            held = _indexes.get(name)
            if held is None or held[0] != version:
                key = f"facet-index:{name}:{version}"
                index = cache_get(key)
                if index is None:
                    index = build()
                    cache_set(key, index, SHARED_SECONDS)
                held = _indexes[name] = (version, index)
    return held[1]


class IndexedResults:
    """A filtered list the paginator can count and slice without asking the database for
    more than the page: `queryset` gives the records of a page by primary key, or, when
    the chosen order is not the index's (`ordered`), by its own order."""

    def __init__(
        self,
        index: FacetIndex,
        mask: int,
        queryset: QuerySet,
        reverse: bool = False,
        ordered: QuerySet | None = None,
    ) -> None:
        self.index, self.mask, self.queryset = index, mask, queryset
        self.reverse, self.ordered = reverse, ordered
        self._count = mask.bit_count()

    def count(self) -> int:
        return self._count

    def __len__(self):
        return self._count

    def __getitem__(self, item):
        if not isinstance(item, slice) or item.step not in (None, 1):
            raise TypeError("Indexed results are read a page (a slice) at a time.")
        start = item.start or 0
        stop = self._count if item.stop is None else min(item.stop, self._count)
        if self.ordered is not None:
            return list(self.ordered[start:stop])
        ids = self.index.page(self.mask, start, stop, self.reverse)
        records = {record.pk: record for record in self.queryset.filter(pk__in=ids)}
        return [records[pk] for pk in ids if pk in records]

    def total(self, column: str) -> Number | None:
        return self.index.total(column, self.mask)
