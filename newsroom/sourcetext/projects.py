"""Project pages: labelled facts (English, French, Spanish) and member states."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from .chrome import is_lone_mark, key
from .countries import CountryIndex
from .model import CountryNames, ProjectFields, ProjectStatus, Reading
from .text import ends_sentence, fold, has_bullet, strip_bullet, words

#: Label variants per field, in folded form (lower case, no accents).
LABELS: dict[str, tuple[str, ...]] = {
    "start": ("start date", "date de debut", "fecha de inicio", "fecha inicio"),
    "end": (
        "end date", "date de fin", "date de cloture", "fecha de finalizacion",
        "fecha de fin", "fecha de termino", "fecha de conclusion", "fecha fin",
    ),
    "status": ("project status", "status", "statut du projet", "statut", "estado del proyecto",
               "estado"),
    "type": ("project type", "type de projet", "type du projet", "tipo de proyecto",
             "tipo del proyecto"),
    "budget_usd": (
        "budget amount (usd)", "budget amount", "budget (usd)", "budget",
        "montant du budget (usd)", "montant du budget", "monto del presupuesto (usd)",
        "monto del presupuesto", "presupuesto (usd)", "presupuesto",
    ),
    "coverage": ("coverage", "couverture", "cobertura"),
    "year": ("year", "annee", "ano"),
    "region": (
        "idf region", "region", "region idf", "region du fdi", "region fdi", "region du idf",
        "region del fdi", "region fdi", "region del fondo",
    ),
    "prima_id": ("prima id", "id prima", "identifiant prima"),
    "project_code": (
        "projects id", "project id", "project code", "id du projet", "code du projet",
        "code projet", "id del proyecto", "codigo del proyecto", "id de proyecto",
    ),
    "member_states": (
        "benefiting member states", "benefiting member state", "beneficiary member states",
        "beneficiary countries", "etats membres beneficiaires", "etat membre beneficiaire",
        "estados miembros beneficiarios", "estado miembro beneficiario",
        "paises beneficiarios", "pays beneficiaires",
    ),
}  # fmt: skip
_LABEL_INDEX = {variant: name for name, variants in LABELS.items() for variant in variants}
_INLINE = re.compile(r"^(?P<label>[^:]{2,45}?)\s*(?::|\s[-\u2013\u2014]\s)\s*(?P<value>.*)$")
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d|2100)\b")
#: What pages write for each status, lower case.
STATUS_WORDS: dict[ProjectStatus, tuple[str, ...]] = {
    ProjectStatus.COMPLETED: (
        "completed", "complete", "closed", "termin\u00e9", "termine", "finalizado", "concluido",
        "cerrado",
    ),
    ProjectStatus.ACTIVE: (
        "active", "ongoing", "in progress", "en cours", "en curso", "activo",
        "en ejecuci\u00f3n", "en ejecucion",
    ),
    ProjectStatus.PIPELINE: ("pipeline", "pending", "planned", "en attente", "pendiente"),
    ProjectStatus.SUSPENDED: ("suspended", "suspendu", "suspendido"),
    ProjectStatus.CANCELLED: ("cancelled", "canceled", "annul\u00e9", "cancelado"),
}  # fmt: skip
#: IDF pages in French and Spanish name the regions in their own language.
REGION_NAMES: dict[str, str] = {
    fold(alias): name
    for name, aliases in {
        "Latin America and the Caribbean": (
            "Latin America & the Caribbean",
            "Am\u00e9rique latine et Cara\u00efbes",
            "Am\u00e9rique latine et les Cara\u00efbes",
            "Am\u00e9rica Latina y el Caribe",
        ),
    }.items()
    for alias in aliases
}
_EMPTY_VALUES = {"", "-", "\u2013", "\u2014", "n/a", "na", "n.a.", "none", "s/o", "s/d", "nd"}

#: Country names that contain a conjunction and so must not be split on it.
JOINED_COUNTRIES = (
    "Trinidad and Tobago", "Antigua and Barbuda", "Saint Kitts and Nevis",
    "St. Kitts and Nevis", "Saint Vincent and the Grenadines",
    "St. Vincent and the Grenadines", "Bosnia and Herzegovina", "Sao Tome and Principe",
    "S\u00e3o Tom\u00e9 and Pr\u00edncipe", "Turks and Caicos Islands",
    "Saint Pierre and Miquelon", "Wallis and Futuna", "Heard Island and McDonald Islands",
    "United Kingdom of Great Britain and Northern Ireland",
    "Bonaire, Sint Eustatius and Saba", "Saint Helena, Ascension and Tristan da Cunha",
    "Trinidad y Tobago", "Antigua y Barbuda", "San Crist\u00f3bal y Nieves",
    "San Vicente y las Granadinas", "Bosnia y Herzegovina",
    "Santo Tom\u00e9 y Pr\u00edncipe", "Islas Turcas y Caicos",
    "Reino Unido de Gran Breta\u00f1a e Irlanda del Norte",
)  # fmt: skip
_CONJUNCTION = re.compile(r"\s+(?:and|y|e|et|&)\s+")
_OF_TAIL = re.compile(r"^(?:the\s+)?[\w\s']*\b(?:of|of the|de|del|de la)$", re.I)


@dataclass
class ProjectResult:
    """Fields of a project page and the lines they came from."""

    fields: ProjectFields
    placed: set[int] = field(default_factory=set)
    description: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def label_of(line: str) -> str | None:
    """The field a standalone label line names, if it is one."""
    return _LABEL_INDEX.get(key(line))


def inline_label(line: str) -> tuple[str, str] | None:
    """(field, value) for "Label: value" or "Label - value" lines."""
    match = _INLINE.match(strip_bullet(line))
    if not match:
        return None
    name = _LABEL_INDEX.get(fold(match["label"]))
    return (name, match["value"].strip()) if name else None


def count_labels(lines: list[str]) -> int:
    """How many distinct project fields are labelled among ``lines``."""
    found = set()
    for line in lines:
        name = label_of(line) or (inline_label(line) or (None,))[0]
        if name:
            found.add(name)
    return len(found)


def _is_label(line: str) -> bool:
    return label_of(line) is not None or inline_label(line) is not None


def _could_be_value(line: str) -> bool:
    too_long = len(line) > 150 or (len(words(line)) >= 10 and ends_sentence(line))
    return bool(line) and not too_long and not _is_label(line)


def normalise_budget(raw: str) -> str | None:
    """A budget as a plain decimal: "USD 1,250,000" gives "1250000"."""
    text = re.sub(r"(?i)\b(?:usd|us\$?|dollars?|d[o\u00f3]lares|eur|chf)\b|[$\u20ac\s']", "", raw)
    if not re.fullmatch(r"\d[\d.,]*", text):
        return None
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
    elif text.count(",") == 1 and len(text.rsplit(",", 1)[1]) != 3:
        decimal = ","
    elif text.count(".") == 1 and len(text.rsplit(".", 1)[1]) != 3:
        decimal = "."
    else:
        decimal = ""
    whole, _, fraction = text.rpartition(decimal) if decimal else (text, "", "")
    whole = re.sub(r"[.,]", "", whole)
    number = f"{whole}.{fraction}" if fraction else whole
    return number if re.fullmatch(r"\d+(?:\.\d+)?", number) else None


def read_year(text: str) -> int | None:
    """The first year (1950 to 2100) ``text`` names: "2019", "01/03/2019", "FY 2019"."""
    match = _YEAR.search(text)
    return int(match.group(1)) if match else None


def read_status(text: str) -> ProjectStatus | None:
    """The status a page's "Project Status" value names, in any of its languages."""
    wanted = text.strip().lower()
    for status, written in STATUS_WORDS.items():
        if wanted in written:
            return status
    return None


def read_budget(text: str) -> Decimal | None:
    """A budget in US dollars: "US$ 1,250,000" gives Decimal("1250000")."""
    amount = normalise_budget(text)
    return Decimal(amount) if amount is not None else None


def read_region(text: str) -> str:
    """The IDF region's English name, as the site files projects under it."""
    return REGION_NAMES.get(fold(text), text.strip())


def _split_outside_parentheses(text: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in text:
        depth += (char == "(") - (char == ")")
        if char in ",;\n" and depth <= 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return [*parts, current]


def split_member_states(text: str) -> list[str]:
    """Country names from a list written with commas, semicolons, lines, bullets
    or conjunctions; names such as "Trinidad and Tobago" stay whole."""
    protected = {}
    for index, name in enumerate(JOINED_COUNTRIES):
        token = f"\x00{index}\x00"
        spaced = re.escape(name).replace(r"\ ", r"\s+")
        pattern = re.compile(spaced.replace(r"\s+and\s+", r"\s+(?:and|&)\s+"), re.I)
        text, count = pattern.subn(token, text)
        if count:
            protected[token] = name
    states: list[str] = []
    for piece in _split_outside_parentheses(text):
        for part in _CONJUNCTION.split(strip_bullet(piece.strip())):
            part = part.strip(" .")
            if _OF_TAIL.match(part) and states:
                states[-1] = f"{states[-1]}, {part}"
            elif part:
                states.append(part)
    restored = []
    for state in states:
        for token, name in protected.items():
            state = state.replace(token, name)
        restored.append(state)
    return restored


def _clean_value(value: str) -> str | None:
    value = strip_bullet(value).strip()
    return None if fold(value) in _EMPTY_VALUES else value


class _Reader:
    """Walks the lines of a project page, consuming labels and their values."""

    def __init__(self, lines: list[str], indices: list[int]) -> None:
        self.lines = lines
        self.indices = indices
        self.result = ProjectResult(fields=ProjectFields())
        self.values: dict[str, str | None] = {}

    def _next_content(self, position: int) -> int | None:
        for offset in range(position + 1, len(self.indices)):
            line = self.lines[self.indices[offset]]
            if line:
                return offset
        return None

    def _take_value(self, position: int) -> tuple[str | None, int]:
        nxt = self._next_content(position)
        if nxt is None or not _could_be_value(self.lines[self.indices[nxt]]):
            return None, position
        if is_lone_mark(self.lines[self.indices[nxt]]):
            self.result.placed.add(self.indices[nxt])
            return None, nxt
        self.result.placed.add(self.indices[nxt])
        return self.lines[self.indices[nxt]], nxt

    def _take_list(self, position: int, first: str | None) -> tuple[str | None, int]:
        values = [first] if first else []
        while True:
            nxt = self._next_content(position)
            if nxt is None:
                break
            line = self.lines[self.indices[nxt]]
            continues = has_bullet(line) or (values and values[-1].rstrip().endswith((",", ";")))
            if not continues or not _could_be_value(line) or is_lone_mark(line):
                break
            values.append(line)
            self.result.placed.add(self.indices[nxt])
            position = nxt
        return ("\n".join(values) if values else None), position

    def run(self, countries: CountryIndex) -> ProjectResult:
        position = 0
        while position < len(self.indices):
            index = self.indices[position]
            line = self.lines[index]
            position = self._read(position, index, line) + 1
        self._store(countries)
        return self.result

    def _read(self, position: int, index: int, line: str) -> int:
        name, value = label_of(line), None
        if name:
            self.result.placed.add(index)
            value, position = self._take_value(position)
        elif inline := inline_label(line):
            name, value = inline
            self.result.placed.add(index)
        elif line and not is_lone_mark(line):
            self.result.description.append(index)
            return position
        elif line:
            self.result.placed.add(index)
            return position
        else:
            self.result.description.append(index)
            return position
        if name == "member_states":
            value, position = self._take_list(position, value)
        if name in self.values:
            self.result.warnings.append(f"project label for {name} given twice; first kept")
        else:
            self.values[name] = value
        return position

    def _store(self, countries: CountryIndex) -> None:
        fields = self.result.fields
        for name, value in self.values.items():
            cleaned = _clean_value(value) if value is not None else None
            if name == "member_states":
                names = split_member_states(cleaned) if cleaned else []
                keys, unknown = countries.match(names)
                fields.member_states = CountryNames(names, keys, unknown)
            elif cleaned is None:
                setattr(fields, name, None)
            elif name in ("start", "end", "year"):
                setattr(fields, name, Reading(cleaned, read_year(cleaned)))
            elif name == "status":
                fields.status = Reading(cleaned, read_status(cleaned))
            elif name == "region":
                fields.region = Reading(cleaned, read_region(cleaned))
            elif name == "budget_usd":
                amount = read_budget(cleaned)
                if amount is None:
                    self.result.warnings.append(f"budget {cleaned!r} is not a plain amount")
                fields.budget_usd = Reading(cleaned, amount)
            else:
                setattr(fields, name, cleaned)


def parse_project(
    lines: list[str], indices: list[int], countries: CountryIndex | None = None
) -> ProjectResult:
    """Read project labels among ``lines[i] for i in indices``; every other
    line is left in ``description`` (blank lines included, as separators).
    Member states are resolved against ``countries`` (none is known without it)."""
    return _Reader(lines, indices).run(countries if countries is not None else CountryIndex())
