"""{% link %} and path_of() (mentoring/lib/links.py) give the path reverse() gives, for every
link the templates draw with them, under any script prefix and URL configuration."""

import pathlib
import re

import pytest
from django.template import Context, Template
from django.test import override_settings
from django.urls import NoReverseMatch, clear_script_prefix, path, reverse, set_script_prefix

from mentoring.lib.links import path_of

TEMPLATES = pathlib.Path(__file__).resolve().parents[2] / "templates"
LINK = re.compile(r"\{% link '([^']+)'( [a-z_.]+)? %\}")


def links_in_templates():
    found = set()
    for template in TEMPLATES.rglob("*.html"):
        for name, argument in LINK.findall(template.read_text()):
            found.add((name, bool(argument)))
    return sorted(found)


def test_the_templates_use_it():
    assert ("home", False) in links_in_templates()
    assert ("mentorships:withdraw", True) in links_in_templates()


@pytest.mark.parametrize(("name", "takes_id"), links_in_templates())
@pytest.mark.parametrize("prefix", ["/", "/mentoring/"])
def test_each_link_is_the_path_reverse_gives(name, takes_id, prefix):
    set_script_prefix(prefix)
    try:
        for ids in ([0], [7], [2**40 + 3]) if takes_id else [[]]:
            assert path_of(name, *ids) == reverse(name, args=ids)
            assert path_of(name, *ids).startswith(prefix)
    finally:
        clear_script_prefix()


def test_the_tag_writes_the_same_as_url():
    drawn = Template("{% load links %}{% link 'home' %} {% link 'mentorships:request' 42 %}")
    expected = Template("{% url 'home' %} {% url 'mentorships:request' 42 %}")
    assert drawn.render(Context()) == expected.render(Context()) == "/home/ /requests/42/"


def view(request):
    raise AssertionError("never called")


urlpatterns = [
    path("elsewhere/", view, name="home"),
    path("item/<int:pk>/", view, name="item"),
]


@override_settings(ROOT_URLCONF=__name__)
def test_another_url_configuration_gets_its_own_paths():
    assert path_of("home") == "/elsewhere/"
    assert path_of("item", 5) == "/item/5/"


def test_other_arguments_are_reversed_each_time():
    assert path_of("mentorships:request", "12") == reverse("mentorships:request", args=["12"])
    with pytest.raises(NoReverseMatch):
        path_of("mentorships:request", -1)
