from django.urls import path

from legal.views import barriers, my_data, sitemap

app_name = "legal"

urlpatterns = [
    path("plan-du-site/", sitemap.sitemap, name="sitemap"),
    path("accessibilite/signaler/", barriers.barrier_report, name="barrier_report"),
    path(
        "accessibilite/signaler/envoye/",
        barriers.barrier_report_sent,
        name="barrier_report_sent",
    ),
    path("compte/mes-donnees/", my_data.my_data, name="my_data"),
    path("compte/mes-donnees/mes-donnees.json", my_data.my_data_json, name="my_data_json"),
    path("compte/mes-donnees/mes-donnees.zip", my_data.my_data_csv, name="my_data_csv"),
]
