"""Messages show their links through linked_lines (lib/linked_text.py), which skips urlize for
text with nothing it could link: whatever the text, the page must read as urlize made it."""

from django.template import Context, Template
from django.template.defaultfilters import linebreaksbr, urlize
from hypothesis import given, settings
from hypothesis import strategies as st

from mentoring.lib.linked_text import linked_lines


def django_way(text):
    return linebreaksbr(urlize(text, autoescape=True), autoescape=True)


# Words built from the pieces urlize reacts to, mixed with ordinary ones and markup.
pieces = st.sampled_from(
    [
        "http",
        "https://",
        "HTTP://",
        "www.",
        "WWW.",
        "@",
        "a@b",
        ".com",
        ".ORG",
        ".edu/x",
        ".Net",
        "x.int",
        ":",
        "/",
        ".",
        ",",
        "(",
        ")",
        "<",
        ">",
        "&",
        '"',
        "'",
        " ",
        "\n",
        "\r\n",
        "example",
        "go",
        "ſ",
        "K",
        "ı",
        "é",
        "mailto:",
        "12",
        "<script>",
        "javascript:",
    ]
)
texts = st.lists(st.one_of(pieces, st.text(max_size=6)), max_size=12).map("".join)


@settings(max_examples=600, deadline=None)
@given(texts)
def test_every_text_reads_as_urlize_made_it(text):
    assert linked_lines(text) == django_way(text)


def test_plain_words_are_escaped_and_lines_kept():
    assert (
        linked_lines("Fine <b>by</b> me.\nSee you") == "Fine &lt;b&gt;by&lt;/b&gt; me.<br>See you"
    )


def test_links_are_clickable_in_the_thread_template():
    rendered = Template("{% load conversations %}{{ text|linked_lines }}").render(
        Context({"text": "Slides at https://school.edu/deck and notes.pdf"})
    )
    assert (
        '<a href="https://school.edu/deck" rel="nofollow">https://school.edu/deck</a>' in rendered
    )
