"""archive.forms.WidgetRenderer writes the common widgets out in Python: the markup must be byte for
byte what Django's templates give, for every widget of the site's forms and for hostile values."""

from __future__ import annotations

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.http import QueryDict
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from alerts.forms import EditSearchForm, SaveSearchForm, SignInForm
from archive.forms import WidgetRenderer
from transcripts.filters import EntityListFilter, EventFilter, SpeakerListFilter, UtteranceFilter
from transcripts.models import Entity, Event, Speaker, Utterance
from transcripts.upload import FileHintsForm

TEMPLATES = DjangoTemplates()
WRITTEN = WidgetRenderer()
HOSTILE = "<script>alert(\"x\")</script> & 'quoted'"


def both(widget: forms.Widget, name: str, value, attrs=None) -> tuple[str, str]:
    return widget.render(name, value, attrs, TEMPLATES), widget.render(name, value, attrs, WRITTEN)


@pytest.mark.parametrize(
    ("widget", "value"),
    [
        (forms.TextInput(), HOSTILE),
        (forms.TextInput(attrs={"required": True, "disabled": False, "maxlength": 200, "data-x": HOSTILE}), ""),
        (forms.TextInput(), None),
        (forms.NumberInput(), 12345),
        (forms.DateInput(attrs={"type": "date"}), "2024-03-12"),
        (forms.HiddenInput(), HOSTILE),
        (forms.EmailInput(attrs={"list": "publishers"}), "a@b.example"),
        (forms.PasswordInput(), "secret"),
        (forms.CheckboxInput(), True),
        (forms.CheckboxInput(), False),
        (forms.Select(choices=[("", "Any"), ("a", HOSTILE), (HOSTILE, "b"), (3, 2024)]), HOSTILE),
        (forms.Select(choices=[("Group <1>", [("a", "A"), ("b", mark_safe("<b>B</b>"))]), ("c", "C")]), "b"),
        (forms.Select(choices=[("x", gettext_lazy("Lazy label"))]), None),
        (forms.SelectMultiple(choices=[("a", "A"), ("b", "B"), ("c", HOSTILE)]), ["a", "c"]),
        (forms.NullBooleanSelect(), True),
        (forms.CheckboxSelectMultiple(choices=[("a", "A"), ("b", HOSTILE)]), ["b"]),
        (forms.CheckboxSelectMultiple(choices=[("G", [("a", "A")]), ("b", "B")]), []),
        (forms.CheckboxSelectMultiple(attrs={"class": "chosen <x>"}, choices=[("a", "A")]), ["a"]),
        (forms.RadioSelect(choices=[("a", "A"), ("b", HOSTILE)]), "a"),
        (forms.Textarea(), HOSTILE),  # not written out: through its template
        (forms.SplitDateTimeWidget(), None),  # nor this one
    ],
)
@pytest.mark.parametrize("attrs", [None, {"id": "id_field"}, {"id": HOSTILE, "autofocus": True}])
def test_a_widget_written_out_is_what_its_templates_give(widget, value, attrs):
    from_templates, written = both(widget, "field", value, attrs)
    assert written == from_templates
    assert "<script>" not in written


def test_the_common_widgets_are_written_out_not_rendered(monkeypatch):
    # The test above would pass with no writer at all: check the writers are the ones answering.
    def no_templates(*args, **kwargs):
        raise AssertionError("rendered through a template")

    monkeypatch.setattr(DjangoTemplates, "render", no_templates)
    assert forms.Select(choices=[("a", "A")]).render("f", "a", None, WRITTEN).startswith('<select name="f">')
    assert forms.CheckboxSelectMultiple(choices=[("a", "A")]).render("f", ["a"], None, WRITTEN).startswith("<div>")
    assert forms.DateInput().render("f", "2024-03-12", None, WRITTEN).startswith('<input type="text"')
    with pytest.raises(AssertionError, match="through a template"):
        forms.Textarea().render("f", "x", None, WRITTEN)


def test_a_widget_template_an_app_overrides_is_rendered_by_that_template(tmp_path):
    (tmp_path / "django" / "forms" / "widgets").mkdir(parents=True)
    (tmp_path / "django" / "forms" / "widgets" / "select.html").write_text("<select>overridden</select>")

    renderer = WidgetRenderer()
    renderer.engine.engine.dirs.insert(0, str(tmp_path))  # as an app's templates would come first
    assert forms.Select(choices=[("a", "A")]).render("f", "a", None, renderer) == "<select>overridden</select>"
    assert forms.TextInput().render("f", "a", None, renderer) == '<input type="text" name="f" value="a">'


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("form", "data"),
    [
        (UtteranceFilter, "q=x&role=answer&language=en&speaker=sergey-lavrov&speaker=x&entity=russia&date_from=1"),
        (UtteranceFilter, "year=2024&event=a-b&publisher=nobody&kind=briefing"),
        (UtteranceFilter, "role=<script>&date_to=not-a-date&year=99999"),
        (EventFilter, "speaker=sergey-lavrov&date_from=2024-01-01&publisher=x"),
        (SpeakerListFilter, "name=<b>x</b>"),
        (EntityListFilter, "name=Russia&kind=country"),
    ],
)
def test_every_widget_of_the_site_forms_is_what_its_templates_give(form, data):
    Speaker.objects.create(name="Sergey <Lavrov>", slug="sergey-lavrov")
    Entity.objects.create(name="Russia & co", slug="russia", kind="country")
    model = {UtteranceFilter: Utterance, EventFilter: Event, SpeakerListFilter: Speaker}.get(form, Entity)
    filterset = form(QueryDict(data), queryset=model.objects.all())
    filterset.is_valid()
    fields = list(filterset.form)
    assert fields
    for field in fields:
        widget = field.field.widget
        attrs = field.build_widget_attrs({"id": field.auto_id} if field.auto_id else {})
        assert widget.render(field.html_name, field.value(), attrs, WRITTEN) == widget.render(
            field.html_name, field.value(), attrs, TEMPLATES
        ), field.name


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("form", "data"),
    [
        (SignInForm, {"email": HOSTILE, "next": "/search/?q=<x>"}),
        (SaveSearchForm, {"params": "q=a&b", "name": HOSTILE, "frequency": "weekly"}),
        (EditSearchForm, {"name": HOSTILE, "frequency": "daily"}),
        (FileHintsForm, {"title": HOSTILE, "date": "2024-03-12", "label_style": "caps"}),
    ],
)
def test_the_other_forms_render_the_same_whole(form, data, settings):
    bound = form(data)
    written = str(bound)
    settings.FORM_RENDERER = "django.forms.renderers.DjangoTemplates"
    from django.forms.renderers import get_default_renderer

    get_default_renderer.cache_clear()
    try:
        assert written == str(form(data))
    finally:
        get_default_renderer.cache_clear()
