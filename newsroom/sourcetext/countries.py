"""Countries found by the names pages give them, against one index of known names."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .text import fold


def _words(text: str) -> str:
    return re.sub(r"[^\w]+", " ", fold(text)).strip()


class CountryIndex:
    """Every known name of every country, folded (lower case, no accents), to its key.

    Built from ``(key, names)`` pairs, such as an ISO code and the names the site knows the
    country by. A name given again belongs to the later pair, so names an editor set can
    be passed last and win over a reference list.
    """

    def __init__(self, countries: Iterable[tuple[str, Iterable[str]]] = ()) -> None:
        self._keys: dict[str, str] = {}
        for key, names in countries:
            for name in names:
                self._keys[fold(name)] = key
        # Mentions are looked for by whole words; two-letter names (codes) never count.
        self._mentionable = [
            (f" {_words(name)} ", key) for name, key in self._keys.items() if len(name) > 2
        ]

    def __len__(self) -> int:
        return len(self._keys)

    def resolve(self, name: str) -> str | None:
        """The key of the country ``name`` names, or None when no country has that name."""
        return self._keys.get(fold(name))

    def match(self, names: Iterable[str]) -> tuple[list[str], list[str]]:
        """Split ``names`` into the keys of the countries they name (each once, in order)
        and the names no country has."""
        found: list[str] = []
        unknown: list[str] = []
        for name in names:
            key = self.resolve(name)
            if key is None:
                unknown.append(name)
            elif key not in found:
                found.append(key)
        return found, unknown

    def mentioned(self, text: str) -> list[str]:
        """Keys of the countries whose names appear as whole words in ``text``, in the order
        a reader meets them, each once."""
        haystack = f" {_words(text)} "
        hits = []
        for needle, key in self._mentionable:
            position = haystack.find(needle)
            if position >= 0:
                hits.append((position, key))
        ordered: list[str] = []
        for _, key in sorted(hits, key=lambda hit: hit[0]):
            if key not in ordered:
                ordered.append(key)
        return ordered
