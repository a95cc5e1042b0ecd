"""The projects' public lists as querysets: what the list, the home page and the download
read. Built per request on `published()`, which reads the clock when it is called."""

from iomcms.core.publishing import PublishableQuerySet
from iomcms.core.teasers import opening
from iomcms.core.translations import TranslatableQuerySet

# What a list item shows, and no more: a model instance costs Django a step a column, and
# a time column a parse.
LISTED = (
    "title",
    "slug",
    "project_code",
    "start_year",
    "end_year",
    "project_status",
    "budget_usd",
)

# What the home page shows of a project: its title, code, years and status.
IN_BRIEF = ("slug", "title", "start_year", "end_year", "project_code", "project_status")


class ProjectQuerySet(PublishableQuerySet, TranslatableQuerySet):
    def listed(self):
        """Published projects as the list shows them: a teaser, not the whole description."""
        return self.published().only(*LISTED).annotate(teaser=opening("description"))

    def in_brief(self):
        """Published projects as the home page names them, without a teaser."""
        return self.published().only(*IN_BRIEF)

    def downloaded(self):
        """Published projects as the open data download writes them: every public field,
        with their region and member states."""
        return (
            self.published()
            .select_related("idf_region")
            .prefetch_related("member_states")
            .defer("search_vector", "source_values")
        )
