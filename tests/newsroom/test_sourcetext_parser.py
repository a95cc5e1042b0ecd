"""Parsing scraped IOM pages: the five seed pages and synthetic variations."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from newsroom.sourcetext import ParsedPage, parse_text
from newsroom.sourcetext.contacts import classify, parse_contact_text
from newsroom.sourcetext.dates import parse_date
from newsroom.sourcetext.projects import normalise_budget, split_member_states
from newsroom.sourcetext.text import normalise_lines, rebuild_paragraphs

SOURCES = Path(__file__).resolve().parents[2] / "fixtures" / "sources"
CUT_OFF = "page seems cut off: last paragraph ends without punctuation"


def seed(prefix: str) -> ParsedPage:
    path = next(SOURCES.glob(f"{prefix}_*.txt"))
    return parse_text(path.read_text(encoding="utf-8"), path.name)


def assert_paragraphs(paragraphs: list[str], beginnings: list[str]) -> None:
    assert len(paragraphs) == len(beginnings), paragraphs
    for paragraph, beginning in zip(paragraphs, beginnings, strict=True):
        assert paragraph.startswith(beginning), (paragraph[:80], beginning)


def contact(name=None, office=None, phone=None, email=None, role=None) -> dict:
    return {"name": name, "office": office, "phone": phone, "email": email, "role": role}


# --- the seed pages ---------------------------------------------------------------------


def test_seed_files_are_present():
    names = sorted(path.name for path in SOURCES.glob("*.txt"))
    assert [name[:3] for name in names] == ["000", "001", "002", "003", "004"]


def test_seed_000_hard_wrapped_release():
    page = seed("000")
    assert page.kind == "news"
    assert page.title == (
        "New Life for IOM Programme Assisting Migrant Children in Buenos Aires Slums"
    )
    assert page.location is None and page.date is None
    assert_paragraphs(
        page.paragraphs,
        [
            "An IOM programme that aimed",
            "Hundreds of children from Bolivian",
            "The programme, which ended last summer",
            "Support was also given",
            "More than 60 families",
            "Two of the outcomes",
            "An agreement between IOM and GESOL",
        ],
    )
    assert page.paragraphs[0].endswith("has been given new life.")
    assert page.paragraphs[3].endswith("status in the country.")
    assert [c.to_dict() for c in page.contacts] == [
        contact("Mariana Bocca", "IOM Buenos Aires", "+54 1 14 815 51 94", "mbocca@iom.int")
    ]
    assert page.unplaced_lines == [] and page.error is None and page.warnings == []


def test_seed_001_two_contacts_joined_by_or():
    page = seed("001")
    assert page.kind == "news"
    assert page.title == "Uniting to Combat Human Trafficking in Argentina"
    assert page.location is None and page.date is None
    assert_paragraphs(
        page.paragraphs,
        [
            "IOM and the Ministry of Social Development",
            "The Ministry has agreed",
            "The agreement includes support",
            "The 2001 Census reported",
            "According to an IOM exploratory study",
            "Through analysis of cases",
        ],
    )
    assert "(No a la trata de personas, no a la esclavitud moderna)." in page.paragraphs[1]
    assert [c.to_dict() for c in page.contacts] == [
        contact("Elena Solari", "IOM Buenos Aires", None, "esolari@iom.int"),
        contact("Sabrina Roth", None, None, "sroth@iom.int"),
    ]
    assert page.unplaced_lines == [] and page.error is None


def test_seed_002_project_page():
    page = seed("002")
    assert page.kind == "project"
    assert page.title == (
        "Argentina: Strengthening the Capacity of Local Governments to Mainstream "
        "Migration into Local Development Policy"
    )
    assert page.project is not None
    assert page.project.to_dict() == {
        "start": "2022",
        "end": "2024",
        "status": "Completed",
        "type": "Migration Policy Activities",
        "budget_usd": "300000.00",
        "coverage": "National",
        "year": "2021",
        "region": "Latin America and the Caribbean",
        "prima_id": "AR10P0514",
        "project_code": "PO.0181",
        "member_states": ["Argentina"],
    }
    assert_paragraphs(
        page.paragraphs,
        [
            "With 2.3 million",
            "However, as most municipalities",
            "The main objective",
            "In partnership with",
            "This process will include",
        ],
    )
    assert page.contacts == [] and page.statements == []
    assert page.unplaced_lines == [] and page.error is None


def test_seed_003_dateline_and_inline_contact():
    page = seed("003")
    assert page.kind == "news"
    assert page.title == "IOM, Partners Work with the Americas to Protect Migrant Children"
    assert page.location == "El Salvador"
    assert page.date is None
    assert_paragraphs(
        page.paragraphs,
        [
            "IOM, UNHCR and ICRC yesterday concluded",
            "The meeting, which included",
            "It aimed to review",
            '"The Member States of the RCM',
            "The event, which took place",
            "The meeting also contributed",
            "Previous meetings of the RCM",
        ],
    )
    assert not any("please contact" in paragraph for paragraph in page.paragraphs)
    assert [c.to_dict() for c in page.contacts] == [
        contact("Alba Miriam Amaya", "IOM El Salvador", "+503 2521 0500", "aamaya@iom.int")
    ]
    assert page.unplaced_lines == [] and page.error is None


def test_seed_004_statements():
    page = seed("004")
    assert page.kind == "statements"
    assert page.title == "Paragraphs Related to the Theme Paragraphs VII Summit"
    assert page.paragraphs == [] and page.contacts == [] and page.project is None
    assert [(s.date, s.paragraph_refs, s.summit) for s in page.statements] == [
        (date(2018, 3, 16), None, None),
        (date(2016, 6, 8), None, None),
        (date(2011, 6, 21), "17", None),
    ]
    first, second, third = (entry.paragraphs for entry in page.statements)
    assert_paragraphs(first, ["IOM is committed to promoting"])
    assert "responsible migration and mobility of people in Latin America." in first[0]
    assert_paragraphs(
        second,
        [
            "There are approximately 57.5 million",
            "The International Organization for Migration (IOM) is the principal",
            "In particular, IOM is building",
            "IOM continues to work",
            "For example, IOM organizes",
        ],
    )
    assert_paragraphs(third, ["To contribute to upholding", "IOM labor migration programs"])
    assert page.unplaced_lines == [] and page.error is None and page.warnings == []


def test_seed_004_chrome_is_dropped():
    text = json.dumps(seed("004").to_dict())
    for chrome in ("Skip Navigation", "Organization of American States", "Related Resources"):
        assert chrome not in text
    assert "IOM's Website" not in text


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_dict_shape(prefix):
    data = seed(prefix).to_dict()
    assert list(data) == [
        "source", "kind", "title", "location", "date", "paragraphs", "contacts", "project",
        "statements", "unplaced_lines", "warnings", "error",
    ]  # fmt: skip
    assert data["source"].startswith(prefix)
    assert json.loads(json.dumps(data)) == data
    for item in data["contacts"]:
        assert set(item) == {"name", "office", "phone", "email", "role"}


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_navigation_never_leaks(prefix):
    text = json.dumps(seed(prefix).to_dict())
    for chrome in ("WHO WE ARE", "Our WorkAs", "Take Action", "Data and Research", "Highlights"):
        assert chrome not in text


# --- chrome -------------------------------------------------------------------------------

RELEASE_BODY = """\
Geneva \u2013 IOM welcomed the rescue of 120 migrants off the Libyan coast on Tuesday.
IOM staff provided water and medical care at the disembarkation point."""


@pytest.mark.parametrize(
    "header",
    [
        "",
        "Skip to main content\nNews\nGlobal\n",
        "Skip to main content\nMenu\nAbout\nOur Work\nDonate\nSearch\n",
        "Comunicado\n",
        "- Home\n- News\n-\n",
        "Inicio\nNoticias\nSala de prensa\n",
    ],
)
def test_other_chrome_or_none(header):
    page = parse_text(f"{header}Migrants Rescued Off the Libyan Coast\n{RELEASE_BODY}\n")
    assert page.kind == "news"
    assert page.title == "Migrants Rescued Off the Libyan Coast"
    assert page.location == "Geneva"
    assert_paragraphs(page.paragraphs, ["IOM welcomed the rescue", "IOM staff provided"])
    assert page.unplaced_lines == []


def test_chrome_between_title_and_body():
    page = parse_text(f"Migrants Rescued Off the Libyan Coast\nGlobal\nShare\n{RELEASE_BODY}")
    assert page.title == "Migrants Rescued Off the Libyan Coast"
    assert len(page.paragraphs) == 2 and page.unplaced_lines == []


def test_unknown_menu_words_before_title_are_chrome():
    page = parse_text(
        f"Stories\nBlog\nMigration Portal\nMigrants Rescued at Sea Again\n{RELEASE_BODY}"
    )
    assert page.title == "Migrants Rescued at Sea Again"
    assert page.unplaced_lines == []


def test_very_short_title_is_kept():
    page = parse_text(f"Floods in Peru\n{RELEASE_BODY}")
    assert page.title == "Floods in Peru"
    assert page.kind == "news"


def test_footer_links_are_chrome():
    page = parse_text(
        f"Migrants Rescued Off the Libyan Coast\n{RELEASE_BODY}\n"
        "Related Resources\nIOM's Website\nMissing Migrants Project\nShare\nPrint\n"
    )
    assert page.unplaced_lines == []
    assert len(page.paragraphs) == 2


# --- paragraphs --------------------------------------------------------------------------


def test_blank_line_separated_paragraphs():
    page = parse_text(
        "A Title for a Blank-Line Release\n\n"
        "First paragraph is here and it is long enough to count as prose.\n\n"
        "Second paragraph follows\nafter a hard wrap.\n\n\n"
        "Third one.\n"
    )
    assert page.paragraphs == [
        "First paragraph is here and it is long enough to count as prose.",
        "Second paragraph follows after a hard wrap.",
        "Third one.",
    ]


def test_crlf_nbsp_and_unicode_spaces_are_whitespace():
    lines = normalise_lines("One\u00a0two\u2009three  \r\nfour\rfive\u2028six\u3000 \r\n")
    assert lines == ["One two three", "four", "five", "six", ""]


def test_nfc_normalisation():
    assert normalise_lines("Bogota\u0301 Pe\u0301rez") == ["Bogot\u00e1 P\u00e9rez"]


def test_one_paragraph_per_line_keeps_subheadings():
    assert rebuild_paragraphs(
        ["Background", "The project started in 2019 in three provinces of the country."]
    ) == ["Background", "The project started in 2019 in three provinces of the country."]


def test_hyphenated_word_across_lines_is_glued():
    paragraphs = rebuild_paragraphs(
        ["The course is run by the Inter-", "American Development Bank and IOM together."]
    )
    assert paragraphs == [
        "The course is run by the Inter-American Development Bank and IOM together."
    ]


# --- datelines and dates -------------------------------------------------------------------


def test_dated_dateline_gives_location_and_date():
    page = parse_text(
        "IOM Scales Up Support for Returnees in South Sudan\n"
        "Juba, October 30th, 2019 \u2013 IOM is scaling up its support to returnees in Renk.\n"
        "More than 2,000 people have arrived since September.\n"
    )
    assert page.location == "Juba"
    assert page.date == date(2019, 10, 30)
    assert page.paragraphs[0].startswith("IOM is scaling up")


def test_date_publish_line():
    page = parse_text(
        "IOM Scales Up Support for Returnees in South Sudan\n"
        "Date Publish: 12 March 2021\n"
        "IOM is scaling up its support to returnees arriving in Renk this month.\n"
    )
    assert page.date == date(2021, 3, 12)
    assert page.location is None
    assert page.unplaced_lines == []


def test_newer_page_layout_with_date_on_next_line():
    page = parse_text(
        "Skip to main content\nMain navigation\nAbout\nOur Work\nNews\nGlobal\n"
        "IOM Welcomes New Funding to Support Venezuelan Migrants in Colombia\n"
        "Date Publish:\n12 March 2021\nShare\n"
        "Bogot\u00e1 \u2013 IOM welcomes new funding from the European Union for migrants.\n"
    )
    assert page.title == "IOM Welcomes New Funding to Support Venezuelan Migrants in Colombia"
    assert (page.date, page.location) == (date(2021, 3, 12), "Bogot\u00e1")
    assert page.unplaced_lines == [] and len(page.paragraphs) == 1


def test_date_never_guessed_from_body():
    page = parse_text(
        "A Meeting in San Salvador\nThe event took place on 18 August 2015 in San Salvador.\n"
    )
    assert page.date is None


def test_dash_inside_sentence_is_not_a_dateline():
    page = parse_text(
        "A Release Without a Dateline\n"
        "Migrants \u2013 especially children \u2013 face growing risks on the route north.\n"
    )
    assert page.location is None
    assert page.paragraphs[0].startswith("Migrants \u2013 especially")


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("3/16/2018", "2018-03-16"),
        ("6/8/2016", "2016-06-08"),
        ("16/3/2018", "2018-03-16"),
        ("2021-03-12", "2021-03-12"),
        ("12 March 2021", "2021-03-12"),
        ("October 30th, 2019", "2019-10-30"),
        ("3 de marzo de 2021", "2021-03-03"),
        ("1er octobre 2020", "2020-10-01"),
        ("Monday, 12 March 2021", "2021-03-12"),
        ("2/30/2020", None),
        ("sometime in 2020", None),
    ],
)
def test_parse_date(text, iso):
    assert parse_date(text) == (date.fromisoformat(iso) if iso else None)


# --- contacts ------------------------------------------------------------------------------

SPANISH = """\
Comunicado
OIM y el Gobierno de Guatemala lanzan una campa\u00f1a contra la trata
Ciudad de Guatemala \u2013 La OIM y el Gobierno lanzaron hoy una campa\u00f1a nacional.
La campa\u00f1a se difundir\u00e1 en radio y televisi\u00f3n durante tres meses.
Para m\u00e1s informaci\u00f3n, por favor contactar:
Mar\u00eda Jos\u00e9 P\u00e9rez, Oficial de Comunicaci\u00f3n, +502 2414 7400, mjperez@iom.int
Juan L\u00f3pez, Asistente de Prensa, Tel. +502 2414 7401 ext 123, jlopez@iom.int
"""


def test_spanish_release_with_one_contact_per_line():
    page = parse_text(SPANISH)
    assert page.kind == "news"
    assert page.location == "Ciudad de Guatemala"
    assert len(page.paragraphs) == 2
    assert [c.to_dict() for c in page.contacts] == [
        contact(
            "Mar\u00eda Jos\u00e9 P\u00e9rez",
            None,
            "+502 2414 7400",
            "mjperez@iom.int",
            "Oficial de Comunicaci\u00f3n",
        ),
        contact(
            "Juan L\u00f3pez",
            None,
            "+502 2414 7401 ext 123",
            "jlopez@iom.int",
            "Asistente de Prensa",
        ),
    ]
    assert page.unplaced_lines == []


def test_english_name_role_phone_email_lines():
    page = parse_text(
        f"Migrants Rescued Off the Libyan Coast\n{RELEASE_BODY}\n"
        "For more information contact\n"
        "Joe Lowry, Media Officer, IOM Geneva, Mobile: +41 79 285 4366, jlowry@iom.int\n"
    )
    assert [c.to_dict() for c in page.contacts] == [
        contact("Joe Lowry", "IOM Geneva", "+41 79 285 4366", "jlowry@iom.int", "Media Officer")
    ]


def test_two_inline_contacts_joined_by_or_with_destroyed_emails():
    page = parse_text(
        f"Migrants Rescued Off the Libyan Coast\n{RELEASE_BODY}\n"
        "For more information, please contact Jane Doe at IOM South Sudan, "
        "Mobile: +211 912 345 678, Email: [email\u00a0protected] or John Smith at IOM Geneva, "
        'Tel. +41 22 717 9111 ext 123, Email: "">\n'
    )
    assert [c.to_dict() for c in page.contacts] == [
        contact("Jane Doe", "IOM South Sudan", "+211 912 345 678", None),
        contact("John Smith", "IOM Geneva", "+41 22 717 9111 ext 123", None),
    ]
    assert page.unplaced_lines == []
    assert CUT_OFF not in page.warnings


def test_contact_sentence_inside_last_paragraph():
    page = parse_text(
        "Migrants Rescued Off the Libyan Coast\n"
        "IOM welcomed the rescue of 120 migrants off the Libyan coast on Tuesday. "
        "For more information please contact Leonard Doyle, IOM Geneva, Tel: +41 22 717 9589, "
        "Email: ldoyle@iom.int\n"
    )
    assert page.paragraphs == [
        "IOM welcomed the rescue of 120 migrants off the Libyan coast on Tuesday."
    ]
    assert [c.to_dict() for c in page.contacts] == [
        contact("Leonard Doyle", "IOM Geneva", "+41 22 717 9589", "ldoyle@iom.int")
    ]


def test_empty_email_label_stays_empty():
    page = parse_text(
        f"Migrants Rescued Off the Libyan Coast\n{RELEASE_BODY}\n"
        "For further information, please contact:\nLeonard Doyle\nIOM Geneva\nEmail:\n"
        "Tel: +41 22 717 9589\n"
    )
    assert [c.to_dict() for c in page.contacts] == [
        contact("Leonard Doyle", "IOM Geneva", "+41 22 717 9589", None)
    ]
    assert page.unplaced_lines == []


@pytest.mark.parametrize(
    ("segment", "expected"),
    [
        ('"mailto:x@iom.int">x@iom.int', [("email", "x@iom.int")]),
        ("[email\u00a0protected]", [("email", None)]),
        ("[email protected]", [("email", None)]),
        ('"">', [("email", None)]),
        ("Email:", [("email", None)]),
        ("E-mail: x@iom.int.", [("email", "x@iom.int")]),
        ("Tel: +54 1 14 815 51 94", [("phone", "+54 1 14 815 51 94")]),
        ("Tel. +41 22 717 9111 ext 123", [("phone", "+41 22 717 9111 ext 123")]),
        ("Tel +503 2521 0500", [("phone", "+503 2521 0500")]),
        ("Mobile: +1 202 555 0100", [("phone", "+1 202 555 0100")]),
        ("+502 2414 7400", [("phone", "+502 2414 7400")]),
        ("ext 12", [("ext", "ext 12")]),
        ("Fax: +41 22 798 6150", [("phone", "Fax: +41 22 798 6150")]),
        ("IOM Buenos Aires", [("office", "IOM Buenos Aires")]),
        ("Media Officer", [("role", "Media Officer")]),
        ("Mariana Bocca", [("name", "Mariana Bocca")]),
        ("or", [("joiner", None)]),
    ],
)
def test_classify_contact_pieces(segment, expected):
    assert classify(segment) == expected


def test_phone_or_alternative_stays_with_same_contact():
    result = parse_contact_text(
        "please contact Ana Ruiz at IOM Lima, Tel: +51 1 633 3000 or +51 1 633 3001"
    )
    assert [c.to_dict() for c in result.contacts] == [
        contact("Ana Ruiz", "IOM Lima", "+51 1 633 3000; +51 1 633 3001")
    ]


# --- project pages -------------------------------------------------------------------------

BULLETED_PROJECT = """\
Skip to main content
Projects
Caribbean: Building Capacities for Migration Data
\u2022 Start Date
2019
\u2022 End Date
-
- Project Status
Active
- Project Type
Migration Data
\u2022 Budget Amount (USD)
USD 1,250,000
\u2022 Benefiting Member States
Trinidad and Tobago, Dominican Republic; Bolivia (Plurinational State of),
Antigua and Barbuda and Jamaica
The project strengthens national statistical offices across the region.
It runs until the end of the programme.
"""


def test_project_with_bulleted_labels_empty_value_and_missing_labels():
    page = parse_text(BULLETED_PROJECT)
    assert page.kind == "project"
    assert page.title == "Caribbean: Building Capacities for Migration Data"
    assert page.project.to_dict() == {
        "start": "2019",
        "end": None,
        "status": "Active",
        "type": "Migration Data",
        "budget_usd": "1250000",
        "coverage": None,
        "year": None,
        "region": None,
        "prima_id": None,
        "project_code": None,
        "member_states": [
            "Trinidad and Tobago",
            "Dominican Republic",
            "Bolivia (Plurinational State of)",
            "Antigua and Barbuda",
            "Jamaica",
        ],
    }
    assert len(page.paragraphs) == 2
    assert page.unplaced_lines == []


FRENCH_PROJECT = """\
Ha\u00efti : Renforcer la gestion des fronti\u00e8res
Date de d\u00e9but
2020
Date de fin
2022
Statut du projet
Termin\u00e9
Type de projet
Gestion des fronti\u00e8res
Montant du budget (USD)
250 000,00
Couverture
Nationale
Ann\u00e9e
2019
R\u00e9gion du FDI
Am\u00e9rique latine et Cara\u00efbes
\u00c9tats membres b\u00e9n\u00e9ficiaires
- Ha\u00efti
- R\u00e9publique dominicaine
Le projet vise \u00e0 renforcer les capacit\u00e9s des autorit\u00e9s aux fronti\u00e8res.
"""


def test_project_with_french_labels_and_bulleted_member_states():
    page = parse_text(FRENCH_PROJECT)
    assert page.kind == "project"
    fields = page.project.to_dict()
    assert fields["start"] == "2020" and fields["end"] == "2022"
    assert fields["status"] == "Termin\u00e9"
    assert fields["type"] == "Gestion des fronti\u00e8res"
    assert fields["budget_usd"] == "250000.00"
    assert fields["coverage"] == "Nationale" and fields["year"] == "2019"
    assert fields["region"] == "Am\u00e9rique latine et Cara\u00efbes"
    assert fields["member_states"] == ["Ha\u00efti", "R\u00e9publique dominicaine"]
    assert_paragraphs(page.paragraphs, ["Le projet vise"])
    assert page.unplaced_lines == []


def test_project_with_spanish_inline_labels():
    page = parse_text(
        "Regional: Migraci\u00f3n laboral en Centroam\u00e9rica\n"
        "Fecha de inicio: 2021\nFecha de finalizaci\u00f3n: 2023\n"
        "Estado del proyecto: En curso\nTipo de proyecto: Migraci\u00f3n laboral\n"
        "Monto del presupuesto (USD): 400.000\nCobertura: Regional\nA\u00f1o: 2020\n"
        "Regi\u00f3n: Am\u00e9rica Latina y el Caribe\n"
        "Estados miembros beneficiarios: Costa Rica, El Salvador y Trinidad y Tobago\n"
        "El proyecto apoya a los gobiernos de la regi\u00f3n en la gesti\u00f3n laboral.\n"
    )
    fields = page.project.to_dict()
    assert fields["status"] == "En curso"
    assert fields["budget_usd"] == "400000"
    assert fields["member_states"] == ["Costa Rica", "El Salvador", "Trinidad y Tobago"]
    assert len(page.paragraphs) == 1 and page.unplaced_lines == []


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("300000.00", "300000.00"),
        ("USD 1,250,000", "1250000"),
        ("US$ 1,250,000.50", "1250000.50"),
        ("250 000,00", "250000.00"),
        ("1.250.000", "1250000"),
        ("$75,000", "75000"),
        ("to be confirmed", None),
    ],
)
def test_normalise_budget(raw, normalised):
    assert normalise_budget(raw) == normalised


@pytest.mark.parametrize(
    ("text", "states"),
    [
        ("Argentina", ["Argentina"]),
        ("Argentina, Chile and Peru", ["Argentina", "Chile", "Peru"]),
        ("Trinidad and Tobago and Jamaica", ["Trinidad and Tobago", "Jamaica"]),
        (
            "Saint Vincent and the Grenadines; Saint Kitts and Nevis\nGuyana",
            ["Saint Vincent and the Grenadines", "Saint Kitts and Nevis", "Guyana"],
        ),
        (
            "Bolivia (Plurinational State of), Venezuela, Bolivarian Republic of",
            ["Bolivia (Plurinational State of)", "Venezuela, Bolivarian Republic of"],
        ),
        ("- Dominican Republic\n- Haiti", ["Dominican Republic", "Haiti"]),
    ],
)
def test_split_member_states(text, states):
    assert split_member_states(text) == states


# --- statements ----------------------------------------------------------------------------


def test_statement_with_summit_value_and_spanish_date():
    page = parse_text(
        "Statements on Migration VIII Summit\n"
        "Date: 4/13/2018\n"
        "IOM supports the follow-up of the Lima Commitment on democratic governance.\n"
        "Paragraphs: 3 Paragraphs VIII Summit: 3, 4\n"
    )
    assert page.kind == "statements"
    assert [(s.date, s.paragraph_refs, s.summit) for s in page.statements] == [
        (date(2018, 4, 13), "3", "3, 4")
    ]


def test_statement_page_cut_off():
    page = parse_text(
        "Statements on Migration VII Summit\n"
        "Date: 6/8/2016\nIOM works with governments across the region.\n"
        "Date: 3/16/2018\nIOM is committed to promoting the orderly, safe and regular\n"
    )
    assert page.kind == "statements"
    assert [s.date for s in page.statements] == [date(2016, 6, 8), date(2018, 3, 16)]
    assert page.statements[1].paragraphs == [
        "IOM is committed to promoting the orderly, safe and regular"
    ]
    assert CUT_OFF in page.warnings


# --- cut-off, unknown and empty pages ------------------------------------------------------


def test_truncated_release():
    page = parse_text(
        "IOM Opens New Migrant Resource Centre in Lima\n"
        "Lima - IOM today opened a new migrant resource centre in the heart of the city, which\n"
        "will offer legal advice, psychosocial support and referrals to migrants who have\n"
        "arrived in the capital over the past\n"
    )
    assert page.kind == "news" and page.error is None
    assert page.location == "Lima"
    assert len(page.paragraphs) == 1
    assert page.paragraphs[0].endswith("over the past")
    assert CUT_OFF in page.warnings


def test_unknown_kind():
    page = parse_text("id,name,amount\n1,foo,20\n2,bar,30\n")
    assert page.kind is None
    assert page.error.startswith("not a news release, project page or statement page: ")
    assert page.unplaced_lines == ["id,name,amount", "1,foo,20", "2,bar,30"]


def test_menu_only_page_is_unknown():
    page = parse_text("Who we are\nOur Work\nWhat We Do\n")
    assert page.kind is None and page.error


@pytest.mark.parametrize("text", ["", "   ", "\r\n\r\n", "\u00a0\t\n\u3000"])
def test_empty_text(text):
    page = parse_text(text, "empty.txt")
    assert page.error == "the file is empty"
    assert page.kind is None and page.source == "empty.txt"


def test_kind_is_not_taken_from_file_name():
    page = parse_text(SPANISH, "002_project.txt")
    assert page.kind == "news"
