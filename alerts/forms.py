from __future__ import annotations

from django import forms

from alerts.models import SavedSearch
from alerts.readers import MAX_ADDRESS_CHARS


class SignInForm(forms.Form):
    email = forms.EmailField(label="Email address", max_length=MAX_ADDRESS_CHARS)
    next = forms.CharField(widget=forms.HiddenInput, required=False, max_length=2000)


class SaveSearchForm(forms.Form):
    params = forms.CharField(widget=forms.HiddenInput, max_length=2000)
    name = forms.CharField(label="Name", max_length=200, required=False)
    frequency = forms.ChoiceField(
        label="Email me", choices=SavedSearch.Frequency.choices, initial=SavedSearch.Frequency.DAILY
    )


class EditSearchForm(forms.ModelForm):
    class Meta:
        model = SavedSearch
        fields = ["name", "frequency"]
        labels = {"frequency": "Email me"}
