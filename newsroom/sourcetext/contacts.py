"""Press contacts: contact blocks, inline contact sentences, phones and e-mails."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Contact
from .text import ends_sentence, fold, words

_INFO = (
    r"(?:for\s+(?:further|more|additional)\s+(?:information|info|details)"
    r"|for\s+media\s+(?:enquiries|inquiries)"
    r"|(?:media|press)\s+contacts?|contacts?|contactos?(?:\s+de\s+prensa)?"
    r"|para\s+(?:obtener\s+)?(?:m[a\u00e1]s|mayor)\s+informaci[o\u00f3]n"
    r"|pour\s+(?:plus\s+d['\u2019]informations?|de\s+plus\s+amples\s+informations"
    r"|en\s+savoir\s+plus)|contacts?\s+presse)"
)
_VERB = (
    r"(?:contact(?:ar|e|ez|er)?|comun[i\u00ed]quese|escriba|s['\u2019]adresser)"
    r"(?:\s+(?:with|con|a|\u00e0))?"
)
_HEADING = re.compile(rf"^\W*{_INFO}\b", re.I)
_NOUN_HEADING = re.compile(
    r"^\W*(?:(?:media|press)\s+contacts?|contacts?|contactos?(?:\s+de\s+prensa)?"
    r"|contacts?\s+presse)\s*:?\s*",
    re.I,
)
_VERB_AT = re.compile(rf"\b{_VERB}\b\s*[:,.\-\u2013]?\s*", re.I)
_INLINE_START = re.compile(rf"(?:(?<=[.!?\"\u201d])\s+|^){_INFO}\b", re.I)

_PHONE_WORDS = (
    r"tel(?:ephone|\u00e9fono|efono)?|t\u00e9l(?:\u00e9phone)?|phone|ph|mobile|mob|cell(?:phone)?"
    r"|m[o\u00f3]vil|celular|cel|fax|whatsapp|portable"
)
_EMAIL_WORDS = r"e-?mail(?:\s+address)?|mail|correo(?:\s+electr[o\u00f3]nico)?|courriel"
_PHONE_LABEL = re.compile(rf"^(?P<label>{_PHONE_WORDS}|[tmp])\b\.?\s*:?\s*(?P<value>.*)$", re.I)
_EMAIL_LABEL = re.compile(rf"^(?:{_EMAIL_WORDS})\b\s*:?\s*", re.I)
_SPLIT = re.compile(
    rf"\s*[,;]\s*|\s+(?=(?:{_PHONE_WORDS})\b\.?\s*:?\s*[+(\d])"
    rf"|\s+(?=(?:{_EMAIL_WORDS})\s*:)|\s+(?=\"?mailto:)|\s+(?=[\w.+'-]+@)",
    re.I,
)
_LABELLED = re.compile(rf"\b(?:{_PHONE_WORDS}|{_EMAIL_WORDS})\b\.?\s*:", re.I)
_JOINER = re.compile(
    r"\s+(?:or|o|ou)\s+(?=a\s+[A-Z\u00c0-\u00de]|[A-Z\u00c0-\u00de(+\d\"]|mailto|\S+@)"
)
_LEADING_JOINER = re.compile(r"^(?:or|o|ou|and|y|et)\s+(?:a\s+)?", re.I)
_JOINER_LINE = re.compile(r"^(?:or|o|ou|and|y|et|and/or)[:,]?$", re.I)
_EMAIL = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_MANGLED_HTML = re.compile(r"\"[^\"]*\">")
_DESTROYED = {'"">', '">', '""', "<>"}
_PHONE_VALUE = re.compile(
    r"^\+?\(?\d[\d\s().\-/]{4,}\d(?:\s*(?:ext\.?|x|extension|anexo|int\.?|poste)\s*:?\s*\d+)?$",
    re.I,
)
_EXTENSION = re.compile(r"^(?:ext\.?|extension|anexo|poste|int\.)\s*:?\s*\d+$", re.I)
_OFFICE_PREFIX = re.compile(r"^(?:at|en|in|from|\u00e0|de)\s+", re.I)
_NAME_AT_OFFICE = re.compile(r"^(?P<left>.+?)\s+(?:at|en|in|from|\u00e0)\s+(?P<right>.+)$")

_PARTICLES = {
    "de", "del", "da", "das", "do", "dos", "di", "du", "la", "le", "las", "los", "van",
    "von", "der", "den", "y", "e", "bin", "al", "el", "ter",
}  # fmt: skip
_ORG_WORDS = {
    "iom", "oim", "un", "onu", "office", "oficina", "bureau", "mission", "mision",
    "ministry", "ministerio", "headquarters", "sede", "regional", "country", "programme",
    "program", "unit", "unidad", "department", "departamento", "media", "press", "prensa",
    "communications", "comunicaciones", "comunicacion", "information", "informacion",
    "embassy", "embajada", "government", "gobierno", "organization", "organizacion",
    "agency", "agencia", "centre", "center", "centro", "unhcr", "acnur", "unicef",
}  # fmt: skip
_ROLE_WORDS = {
    "officer", "spokesperson", "spokesman", "spokeswoman", "coordinator", "assistant",
    "chief", "head", "director", "manager", "specialist", "consultant", "advisor",
    "adviser", "associate", "focal", "communications", "media", "press", "portavoz",
    "vocero", "vocera", "oficial", "coordinador", "coordinadora", "asistente", "jefe",
    "jefa", "directora", "encargado", "encargada", "responsable", "especialista",
    "comunicacion", "comunicaciones", "prensa", "charge", "chargee", "porte-parole",
    "chef", "attache", "attachee", "intern", "analyst", "representative", "representante",
}  # fmt: skip
_OFFICE_WORDS = {"iom", "oim", "un", "onu", "office", "oficina", "bureau", "mission", "mision"}


@dataclass
class ContactResult:
    """Contacts read from a block, with whatever could not be placed."""

    contacts: list[Contact] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _verb_after(line: str, start: int) -> re.Match[str] | None:
    match = _VERB_AT.search(line, start)
    if match and not ends_sentence(line[start : match.start()].rstrip(" ,")):
        return match
    return None


def heading_rest(line: str) -> str | None:
    """The text after a contact heading, or None when ``line`` is not one.

    "For more information, please contact:" gives ""; "For more information,
    please contact Jane Doe at IOM Lima" gives "Jane Doe at IOM Lima".
    """
    match = _HEADING.match(line)
    if not match:
        return None
    verb = _verb_after(line, match.end())
    if verb:
        return line[verb.end() :].strip()
    noun = _NOUN_HEADING.match(line)
    if noun and (noun.end() == len(line) or line[noun.end() - 1 : noun.end()] in ": "):
        rest = line[noun.end() :].strip()
        return rest if not rest or ":" in line[: noun.end()] else None
    return None


def is_contact_heading(line: str) -> bool:
    return heading_rest(line) is not None


def find_inline_heading(paragraph: str) -> int | None:
    """Offset where a contact sentence starts inside ``paragraph``, if any."""
    for match in _INLINE_START.finditer(paragraph):
        start = match.end() - len(match.group(0).lstrip())
        if heading_rest(paragraph[start:]) is not None:
            return start
    return None


def _folded_words(text: str) -> list[str]:
    return re.findall(r"[\w'-]+", fold(text))


def is_role_like(text: str) -> bool:
    return any(word in _ROLE_WORDS for word in _folded_words(text))


def is_office_like(text: str) -> bool:
    return any(word in _OFFICE_WORDS for word in _folded_words(text))


def is_name_like(text: str) -> bool:
    """A person's name: two to six capitalised words, no digits or org words."""
    parts = words(text)
    if not 2 <= len(parts) <= 6 or any(char.isdigit() for char in text):
        return False
    if any(word in _ORG_WORDS for word in _folded_words(text)):
        return False
    for part in parts:
        if part.lower() in _PARTICLES:
            continue
        if not part[0].isupper() or not all(c.isalpha() or c in ".-'\u2019" for c in part):
            return False
    return True


def _email_value(segment: str) -> str | None:
    match = _EMAIL.search(segment)
    return match.group(0).rstrip(".") if match else None


def _is_email_segment(segment: str) -> bool:
    return bool(
        _EMAIL_LABEL.match(segment)
        or "@" in segment
        or "mailto:" in segment.lower()
        or "protected]" in segment
        or _MANGLED_HTML.search(segment)
    )


def _digits(text: str) -> int:
    return sum(char.isdigit() for char in text)


def _classify_phone(segment: str) -> tuple[str, str | None] | None:
    if _EXTENSION.match(segment):
        return ("ext", segment)
    labelled = _PHONE_LABEL.match(segment)
    if labelled:
        value = labelled["value"].strip()
        if not value:
            return ("phone", None) if len(labelled["label"]) > 1 else None
        if _digits(value) >= 6 and re.match(r"^[+(\d]", value):
            fax = labelled["label"].lower() == "fax"
            return ("phone", f"Fax: {value}" if fax else value)
    if _PHONE_VALUE.match(segment) and _digits(segment) >= 6:
        return ("phone", segment)
    return None


def _classify_person(segment: str) -> list[tuple[str, str | None]]:
    text = _OFFICE_PREFIX.sub("", segment) if _OFFICE_PREFIX.match(segment) else None
    if text is not None:
        return [("office", text)]
    split = _NAME_AT_OFFICE.match(segment)
    if split and (is_name_like(split["left"]) or is_role_like(split["left"])):
        left = _classify_person(split["left"])
        return [*left, ("office", split["right"])]
    if is_role_like(segment) and not is_office_like(segment):
        return [("role", segment)]
    if is_office_like(segment):
        return [("office", segment)]
    if is_name_like(segment):
        return [("name", segment)]
    return [("unknown", segment)]


def classify(segment: str) -> list[tuple[str, str | None]]:
    """Kinds and values of one comma-separated piece of a contact."""
    if segment.strip() in _DESTROYED:
        return [("email", None)]
    segment = segment.strip().strip("\"'").strip()
    if segment.endswith(".") and not _PHONE_LABEL.match(segment):
        segment = segment[:-1].rstrip()
    if not segment:
        return []
    if _JOINER_LINE.match(segment):
        return [("joiner", None)]
    if leading := _LEADING_JOINER.match(segment):
        return [("joiner", None), *classify(segment[leading.end() :])]
    if _is_email_segment(segment):
        found = [("email", _email_value(segment))]
        tail = segment.rsplit('">', 1)[1].strip() if '">' in segment else ""
        if tail and "@" not in tail:
            found.extend(classify(tail))
        return found
    phone = _classify_phone(segment)
    if phone:
        return [phone]
    return _classify_person(segment)


def split_segments(text: str) -> list[str]:
    """Split contact text on commas, semicolons, labels and "or" joiners."""
    text = _JOINER.sub(", or ", text)
    return [piece for piece in _SPLIT.split(text) if piece and piece.strip()]


class _Builder:
    """Assembles classified segments into contacts, in reading order."""

    def __init__(self) -> None:
        self.result = ContactResult()
        self.current: Contact | None = None
        self.pending_new = False

    def _start(self) -> Contact:
        self.current = Contact()
        self.result.contacts.append(self.current)
        self.pending_new = False
        return self.current

    def _open(self, force: bool = False) -> Contact:
        if self.current is None or self.pending_new or force:
            return self._start()
        return self.current

    def _bare(self, contact: Contact) -> bool:
        return not (contact.office or contact.phone or contact.email or contact.role)

    def add(self, kind: str, value: str | None) -> None:
        handler = getattr(self, f"_add_{kind}")
        handler(value)

    def _add_joiner(self, value: str | None) -> None:
        self.pending_new = self.current is not None

    def _add_name(self, value: str | None) -> None:
        current = self.current
        if current and current.name and not self.pending_new and self._bare(current):
            current.office = value
            return
        self._open(force=bool(current and current.name)).name = value

    def _add_office(self, value: str | None) -> None:
        contact = self._open()
        if contact.office is None:
            contact.office = value
        else:
            self.result.leftovers.append(value or "")

    def _add_role(self, value: str | None) -> None:
        contact = self._open()
        if contact.role is None:
            contact.role = value
        else:
            contact.role += ", " + (value or "")

    def _add_phone(self, value: str | None) -> None:
        contact = self.current or self._start()
        if value:
            contact.phone = value if not contact.phone else f"{contact.phone}; {value}"

    def _add_ext(self, value: str | None) -> None:
        if self.current and self.current.phone:
            self.current.phone += f" {value}"
        else:
            self.result.leftovers.append(value or "")

    def _add_email(self, value: str | None) -> None:
        contact = self.current or self._start()
        if value and contact.email is None:
            contact.email = value
        elif value and value != contact.email:
            self.result.leftovers.append(value)
            self.result.warnings.append(f"second e-mail address {value} left for an editor")

    def _add_unknown(self, value: str | None) -> None:
        current = self.current
        if current and current.name and current.office is None and not self.pending_new:
            current.office = value
        else:
            self.result.leftovers.append(value or "")

    def finish(self) -> ContactResult:
        result = self.result
        result.contacts = [contact for contact in result.contacts if not contact.is_empty()]
        for contact in result.contacts:
            if contact.email is None and contact.name:
                result.warnings.append(f"contact {contact.name} has no usable e-mail address")
        return result


def _is_prose(line: str) -> bool:
    """A sentence of running text (not a contact line) found in a contact block."""
    sentence_end = re.search(r"[.!?][\"\u201d\u2019)]*$", line)
    contact_like = "@" in line or _digits(line) >= 6 or _LABELLED.search(line)
    return len(words(line)) >= 10 and bool(sentence_end) and not contact_like


def _feed(builder: _Builder, text: str) -> None:
    for segment in split_segments(text):
        for kind, value in classify(segment):
            builder.add(kind, value)


def _join_sentence(lines: list[str]) -> str:
    """Join a wrapped contact sentence; a line ending in an address closes a piece."""
    text = lines[0]
    for line in lines[1:]:
        tokens = text.split()
        separator = ", " if tokens and _EMAIL.search(tokens[-1]) else " "
        text = f"{text}{separator}{line}"
    return text


def parse_contact_text(text: str) -> ContactResult:
    """Contacts from an inline sentence ("please contact X at Y, Tel: ...")."""
    rest = heading_rest(text)
    if rest is None:
        verb = re.match(rf"^\W*(?:please\s+)?{_VERB}\b\s*:?\s*", text, re.I)
        rest = text[verb.end() :] if verb else text
    builder = _Builder()
    _feed(builder, rest)
    return builder.finish()


def parse_contact_block(lines: list[str]) -> ContactResult:
    """Contacts from a block whose first line is the contact heading.

    When the heading line goes on with a sentence, the lines up to the next
    blank line continue it; other lines are read one by one. Prose lines in
    the block are handed back as leftovers.
    """
    rest = heading_rest(lines[0]) or ""
    tail = list(lines[1:])
    builder = _Builder()
    prose: list[str] = []
    if rest:
        sentence = [rest]
        while tail and tail[0] and not _is_prose(tail[0]):
            sentence.append(tail.pop(0))
        _feed(builder, _join_sentence(sentence))
    for line in tail:
        if line and _is_prose(line):
            prose.append(line)
        elif line:
            _feed(builder, line)
    result = builder.finish()
    result.leftovers.extend(prose)
    return result
