"""How the site's search finds media contacts."""

from iomcms.core.search import CANDIDATES, Hit, highlight, words

from .models import Contact


def find_contacts(text, limit):
    """Published contacts whose line (name, role, office, e-mail) holds every word of
    `text`, as (hits, total). Contacts are few and short: every word is looked for in
    the line a hit shows, among the published contacts kept in memory."""
    wanted = [word.lower() for word in words(text)]
    lines = (
        (contact, contact_line(contact)) for contact in Contact.objects.published_by_pk().values()
    )
    matched = [(contact, line) for contact, line in lines if all_in(wanted, line.lower())]
    hits = [Hit(contact, highlight(line, text)) for contact, line in matched[:limit]]
    # Counted as the other kinds are: "more than 100" past the cap.
    return hits, min(len(matched), CANDIDATES + 1)


def all_in(wanted, text):
    return all(word in text for word in wanted)


def contact_line(contact):
    """A contact's hit, and what a search of contacts looks in: name and role, office,
    e-mail."""
    named = f"{contact.name}, {contact.role}" if contact.role else contact.name
    office = contact.office.name if contact.office else ""
    return " · ".join(part for part in (named, office, contact.email) if part)
