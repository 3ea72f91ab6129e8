from django.urls import path

from alerts import views

urlpatterns = [
    path("account/", views.account, name="alerts-account"),
    path("account/sign-in/", views.sign_in, name="alerts-sign-in"),
    path("account/sign-in/<str:uidb64>/<str:token>/", views.confirm, name="alerts-confirm"),
    path("account/sign-out/", views.sign_out, name="alerts-sign-out"),
    path("account/delete/", views.delete_account, name="alerts-delete-account"),
    path("account/searches/new/", views.save_search, name="alerts-save"),
    path("account/searches/<int:pk>/", views.edit_search, name="alerts-edit"),
    path("account/searches/<int:pk>/pause/", views.pause_search, name="alerts-pause"),
    path("account/searches/<int:pk>/delete/", views.delete_search, name="alerts-delete"),
    path("alerts/unsubscribe/<str:token>/", views.unsubscribe, name="alerts-unsubscribe"),
]
