from django.urls import path

from . import views

app_name = "site"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("countries/", views.CountryListView.as_view(), name="countries"),
    path("countries/<slug:slug>/", views.CountryDetailView.as_view(), name="country"),
    path("search/", views.SearchView.as_view(), name="search"),
]
