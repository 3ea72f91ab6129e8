"""The form renderer: Django's widget templates, the common ones written out in Python.

Django renders each widget through its templates, and a <select> through one included template
per option: the search page's filters took ~3 ms of its ~11 ms of Python (20 pages a second of a
core spent on markup that never changes shape). The inputs, selects and checkbox lists below give
byte for byte what Django's templates give (tests/test_form_renderer.py renders every widget of
the site's forms both ways); any other template (textarea, files, the admin's own widgets, a
template an app overrides) goes through the templates as before.
"""

from __future__ import annotations

from pathlib import Path

from django import forms as forms_package
from django.forms.renderers import DjangoTemplates
from django.template.base import render_value_in_context
from django.template.context import Context
from django.utils.html import conditional_escape

_WIDGETS = "django/forms/widgets/"
_ATTRS = f"{_WIDGETS}attrs.html"
_INPUT = (f"{_WIDGETS}input.html", _ATTRS)
_INPUTS = [
    f"{_WIDGETS}{kind}.html"
    for kind in (
        "input", "text", "search", "hidden", "date", "datetime", "time", "number", "email", "url", "tel",
        "password", "color", "checkbox",
    )
]  # fmt: skip
_LISTS = [f"{_WIDGETS}checkbox_select.html", f"{_WIDGETS}radio.html", f"{_WIDGETS}multiple_input.html"]
_SELECT_OPTIONS = [f"{_WIDGETS}select_option.html"]
_LIST_OPTIONS = [f"{_WIDGETS}checkbox_option.html", f"{_WIDGETS}radio_option.html", f"{_WIDGETS}input_option.html"]
_PLAIN = Context(autoescape=True)


def _text(value) -> str:
    """`{{ value }}`: localised as a template would, then escaped."""
    return render_value_in_context(value, _PLAIN)


def _attrs(attrs: dict) -> str:
    """django/forms/widgets/attrs.html."""
    return "".join(
        f" {_text(name)}" if value is True else f' {_text(name)}="{conditional_escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )


# A widget's template: the writer that writes it out (a WidgetRenderer method), the templates it
# stands for (the widget's own and those it includes), and the templates its options may have.
_WRITERS = {
    **{name: ("_input", (name, *_INPUT), []) for name in _INPUTS},
    f"{_WIDGETS}select.html": ("_select", (f"{_WIDGETS}select.html", *_SELECT_OPTIONS, _ATTRS), _SELECT_OPTIONS),
    **{
        name: ("_multiple_input", (name, f"{_WIDGETS}multiple_input.html", *_LIST_OPTIONS, *_INPUT), _LIST_OPTIONS)
        for name in _LISTS
    },
}


class WidgetRenderer(DjangoTemplates):
    """Django's renderer, with the widgets above written out in Python (settings.FORM_RENDERER)."""

    def __init__(self):
        self._sources: dict[str, str | None] = {}

    def _source(self, template_name: str) -> str | None:
        """The text of Django's own template of this name; None where an app overrides it."""
        if template_name not in self._sources:
            template = self.get_template(template_name).template
            own = Path(forms_package.__file__).parent / "templates" / template_name
            self._sources[template_name] = template.source if template.origin.name == str(own) else None
        return self._sources[template_name]

    def _tail(self, template_name: str) -> str:
        """What an {% include %} of this template adds after its last tag (the file's last newline)."""
        source = self._source(template_name)
        return source[len(source.rstrip()) :]

    def render(self, template_name, context, request=None):
        widget = context.get("widget") if isinstance(context, dict) else None
        if isinstance(widget, dict) and widget.get("template_name") == template_name in _WRITERS:
            writer, stands_for, option_templates = _WRITERS[template_name]
            options = [option for _, group, _ in widget.get("optgroups", ()) for option in group]
            if all(o["template_name"] in option_templates for o in options) and all(
                self._source(name) is not None for name in {*stands_for, *(o["template_name"] for o in options)}
            ):
                return getattr(self, writer)(widget).strip()
        return super().render(template_name, context, request)

    def _input(self, widget: dict) -> str:
        """django/forms/widgets/input.html."""
        value = "" if widget["value"] is None else f' value="{conditional_escape(str(widget["value"]))}"'
        return f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"{value}{_attrs(widget["attrs"])}>'

    def _select(self, widget: dict) -> str:
        """django/forms/widgets/select.html and select_option.html."""
        parts = [f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>']
        for group, options, _ in widget["optgroups"]:
            if group:
                parts.append(f'\n  <optgroup label="{_text(group)}">')
            for option in options:
                value, label = conditional_escape(str(option["value"])), _text(option["label"])
                parts.append(f'\n  <option value="{value}"{_attrs(option["attrs"])}>{label}</option>')
                parts.append(self._tail(option["template_name"]))
            if group:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return "".join(parts)

    def _input_option(self, option: dict) -> str:
        """django/forms/widgets/input_option.html, and the checkbox or radio option around it."""
        text = self._input(option) + self._tail(f"{_WIDGETS}input.html")
        if option.get("wrap_label"):
            id_ = option["attrs"].get("id")
            for_ = f' for="{_text(id_)}"' if id_ else ""
            text = f"<label{for_}>{text} {_text(option['label'])}</label>"
        text += self._tail(f"{_WIDGETS}input_option.html")
        if option["template_name"] != f"{_WIDGETS}input_option.html":
            text += self._tail(option["template_name"])
        return text

    def _multiple_input(self, widget: dict) -> str:
        """django/forms/widgets/multiple_input.html (checkbox and radio lists)."""
        id_, class_ = widget["attrs"].get("id"), widget["attrs"].get("class")
        id_ = f' id="{_text(id_)}"' if id_ else ""
        class_ = f' class="{_text(class_)}"' if class_ else ""
        parts = [f"<div{id_}{class_}>"]
        for group, options, _ in widget["optgroups"]:
            if group:
                parts.append(f"\n  <div><label>{_text(group)}</label>")
            parts += [f"<div>\n    {self._input_option(option)}</div>" for option in options]
            if group:
                parts.append("\n  </div>")
        parts.append("\n</div>")
        return "".join(parts)
