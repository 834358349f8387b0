"""User text through Markdown: what a reader sees is exactly what was typed, and no payload
becomes an image, a link, a heading, a list, a table, a quote or a code block."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt

from procurement.ui.text import JOINER, Md, join, md, plain

# CommonMark with GitHub's tables and strikethrough, as Streamlit's renderer has them.
RENDER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
HOSTILE = [
    "![pixel](http://tracker.example/p.png)",
    "[click](http://phish.example)",
    "<img src=x onerror=alert(1)>",
    "# Heading",
    "## Also a heading\nand text",
    "Title\n=====",
    "**bold** _it_ ~~gone~~ `code`",
    "1. one\n2. two",
    "- item\n* item\n+ item",
    "> quoted",
    "    indented code",
    "| a | b |\n|---|---|\n| c | d |",
    "---",
    "<http://auto.example>",
    "&lt;script&gt; &amp;",
    ":red[coloured] :material/home: $x^2$",
    "back\\slash \\*",
]


@pytest.mark.parametrize("payload", HOSTILE)
def test_no_payload_makes_markup(payload):
    html = RENDER.render(plain(payload))
    tags = set(re.findall(r"<([a-z0-9]+)", html))
    assert tags <= {"p", "br"}, html


@pytest.mark.parametrize("payload", HOSTILE)
def test_the_reader_sees_the_text_as_typed(payload):
    html = RENDER.render(plain(payload))
    text = re.sub(r"<br />\n?", "\n", html).removeprefix("<p>").removesuffix("</p>\n")
    text = (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&amp;", "&").replace("\u00a0", " ").replace(JOINER, ""))
    assert text == payload


def test_our_own_markdown_passes_and_parameters_are_escaped():
    assert plain(Md("**ours**")) == "**ours**"
    message = md("**Status:** {status} · **buyer:** {buyer}", "en",
                 status=Md(":material/inbox: open"), buyer="[x](http://e.example)")
    assert message.startswith("**Status:** :material/inbox: open")
    assert "\\[x\\]\\(http\u2060\\:\\/\\/e\\.example\\)" in message
    assert isinstance(message, Md)
    assert join("a*", "b_") == "a\\* · b\\_"


def test_a_status_term_is_translated_then_escaped():
    from procurement.i18n import Term

    assert md("{status}", "zh", status=Term("moderation")) == "评审协调"


def test_bare_addresses_cannot_become_links():
    # Streamlit's renderer links bare addresses even when their punctuation is escaped (seen
    # in chromium): a word joiner stops it, and the text reads the same.
    shown = plain("see http://a.example, HTTPS://b.example, www.c.example and d@e.example")
    assert f"http{JOINER}\\:" in shown and f"HTTPS{JOINER}\\:" in shown
    assert f"www{JOINER}\\." in shown and f"d{JOINER}\\@e" in shown
