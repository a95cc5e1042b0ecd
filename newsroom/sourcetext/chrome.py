"""Recognition of site chrome: menus, skip links, link lists and footers."""

from __future__ import annotations

import re

from .text import ends_sentence, fold, has_bullet, strip_bullet, words


#: Menu, breadcrumb and tool words of IOM global and country-office sites
#: (English, Spanish, French), in folded form.
def _phrases(text: str) -> frozenset[str]:
    return frozenset(phrase.strip() for phrase in text.split("|") if phrase.strip())


NAV_PHRASES = _phrases(
    """
    who we are|our work|what we do|partnerships|highlights|where we work|take action
    |work with us|get involved|data and research|2030 agenda|about|about iom|about us|home
    |menu|main menu|main navigation|navigation|search|search form|news|global|news and events
    |news & events|media|media centre|media center|press room|newsroom|press releases
    |press release|press briefing notes|briefing notes|stories|publications|resources|events
    |careers|jobs|procurement|donate|contact us|language|languages|english|espanol|francais
    |portugues|toggle navigation|breadcrumb|you are here|share|share this|share this page|print
    |facebook|twitter|x|linkedin|youtube|instagram|flickr|whatsapp|email this page|back to top
    |top|iom|iom's website|iom website|international organization for migration
    |un migration|the un migration agency|region|regions|regional office|country office
    |countries|topics|themes|tags|read more|see more|latest news|all news|cookies|accept
    |privacy policy|terms of use|sitemap|login|log in|sign in|inicio|quienes somos
    |nuestro trabajo|que hacemos
    |donde trabajamos|alianzas|destacados|actua|toma accion|trabaja con nosotros|involucrate
    |datos e investigacion|agenda 2030|noticias|comunicado|comunicados|comunicado de prensa
    |comunicados de prensa|prensa|sala de prensa|historias|publicaciones|recursos|eventos
    |empleo|contactenos|buscar|compartir|imprimir|idioma|oim
    |organizacion internacional para las migraciones|la agencia de la onu para la migracion
    |accueil|qui sommes-nous|qui nous sommes|notre travail|ce que nous faisons
    |ou nous travaillons|partenariats|agir|travailler avec nous|actualites|communique
    |communiques|communique de presse|communiques de presse|presse|rechercher|partager
    |imprimer|organisation internationale pour les migrations
    """
)

#: Headings after which the rest of a page is a list of links.
FOOTER_HEADINGS = frozenset(
    {
        "related resources", "related news", "related content", "related stories",
        "related links", "related publications", "recursos relacionados",
        "noticias relacionadas", "contenido relacionado", "ressources connexes",
        "articles connexes", "contenus associes", "tags", "etiquetas", "follow us",
        "siguenos", "suivez-nous", "share this", "share this page",
    }
)  # fmt: skip

#: Link words that may trail a page after its content.
TRAILING_LINKS = frozenset(
    {
        "share", "share this", "share this page", "print", "iom's website", "iom website",
        "back to top", "top", "facebook", "twitter", "linkedin", "youtube", "instagram",
        "whatsapp", "email this page", "compartir", "imprimir", "partager", "imprimer",
        "read more", "see more", "leer mas", "ver mas", "lire la suite", "sitemap",
        "privacy policy", "terms of use", "cookies",
    }
)  # fmt: skip

_SKIP_LINK = re.compile(
    r"^(skip|jump|saltar|ir|passer|aller)\b.*\b(navigation|content|contenido|contenu|menu)"
    r"(\s+links?|\s+principal)?$"
)
_LINK_SEPARATOR = re.compile(
    r"\s+[-\u2013\u2022\u00b7|]\s+|^[-\u2013\u2022\u00b7|]\s+|\s+[-\u2013|]$"
)
_LONE_MARK = re.compile(r"^[-\u2013\u2014\u2022\u00b7|*>/\\_=~.]+$")


def key(line: str) -> str:
    """Folded form of a line without list marker or trailing colon."""
    return fold(strip_bullet(line)).rstrip(" :|>\u203a\u00bb")


def is_nav_phrase(line: str) -> bool:
    return key(line) in NAV_PHRASES


def is_footer_heading(line: str) -> bool:
    return key(line) in FOOTER_HEADINGS


def is_lone_mark(line: str) -> bool:
    """A line holding only a dash, bullet or other separator."""
    return bool(_LONE_MARK.match(line))


def is_skip_link(line: str) -> bool:
    return bool(_SKIP_LINK.match(fold(line)))


def is_link_list(line: str) -> bool:
    """A line of short names run together with dashes or bars, e.g. a list of
    institutions: "- Organization of American States (OAS) - World Bank - ..."."""
    segments = [seg.strip() for seg in _LINK_SEPARATOR.split(line) if seg and seg.strip()]
    if len(segments) < 4:
        return False
    for segment in segments:
        if len(segment) > 90 or len(words(segment)) > 12 or segment.endswith("."):
            return False
    capitalised = sum(1 for segment in segments if segment[0].isupper() or segment[0].isdigit())
    return capitalised >= 0.75 * len(segments)


def is_glued_menu(line: str) -> bool:
    """A menu label glued to its description: "WHO WE AREThe International ..."."""
    folded = fold(line)
    for phrase in NAV_PHRASES:
        size = len(phrase)
        if (
            size >= 4
            and folded.startswith(phrase)
            and len(line) > size + 1
            and line[size - 1].isalpha()
            and line[size].isupper()
        ):
            return True
    return False


def is_universal_chrome(line: str) -> bool:
    """Chrome wherever it appears on a page."""
    return is_lone_mark(line) or is_skip_link(line) or is_link_list(line)


def is_header_bullet(line: str) -> bool:
    """A short bulleted entry, which before the title can only be a menu item."""
    return has_bullet(line) and len(line) <= 60 and not ends_sentence(line)


def is_menu_like(line: str) -> bool:
    """A short label that could be an unknown menu word (or a very short title)."""
    text = strip_bullet(line)
    return len(words(text)) <= 3 and len(text) <= 30 and not ends_sentence(text)


def _is_link_like(line: str) -> bool:
    return len(line) <= 100 and (not ends_sentence(line) or len(words(line)) <= 4)


def footer_start(lines: list[str]) -> int:
    """Index where the trailing footer begins (``len(lines)`` when none).

    The footer is a footer heading followed only by link-like lines, plus any
    trailing run of menu words ("Share", "Print", "IOM's Website").
    """
    end = len(lines)
    while end > 0 and (not lines[end - 1] or key(lines[end - 1]) in TRAILING_LINKS):
        end -= 1
    for index in range(end):
        if is_footer_heading(lines[index]) and all(
            _is_link_like(line) for line in lines[index + 1 : end] if line
        ):
            return index
    return end
