from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from .models import Contact, NewsRelease, ReleaseContact, Statement


class ReleaseListView(ListView):
    queryset = NewsRelease.objects.published()
    paginate_by = 20
    context_object_name = "releases"


class ReleaseDetailView(DetailView):
    context_object_name = "release"

    def get_queryset(self):
        contacts = ReleaseContact.objects.filter(
            contact__in=Contact.objects.published()
        ).select_related("contact__office")
        return NewsRelease.objects.published().prefetch_related(
            "countries", "themes", Prefetch("contact_links", queryset=contacts)
        )


class ContactListView(ListView):
    queryset = (
        Contact.objects.published().select_related("office").order_by("office__name", "name")
    )
    context_object_name = "contacts"


class StatementListView(ListView):
    queryset = Statement.objects.published().select_related("summit")
    paginate_by = 20
    context_object_name = "statements"


class StatementDetailView(DetailView):
    queryset = Statement.objects.published().select_related("summit")
    context_object_name = "statement"
