"""Every message exists in both languages, and the compiled catalog is current."""

import gettext
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from procurement.i18n import check_lang, tr

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "procurement" / "locale" / "zh_CN" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _catalog():
    with (LOCALE / "procurement.po").open("rb") as handle:
        return read_po(handle)


def _code_messages() -> set[str]:
    method_map = [("procurement/**.py", "python"), ("app_pages/**.py", "python"),
                  ("streamlit_app.py", "python")]
    found = set()
    for _, _, message, _, _ in extract_from_dir(str(ROOT), method_map,
                                                keywords={"N_": None, "t": None}):
        found.add(str(message))
    return found


def test_every_message_in_the_code_has_a_chinese_translation():
    catalog = _catalog()
    translated = {m.id: m.string for m in catalog if m.id}
    missing = sorted(m for m in _code_messages() if not translated.get(m))
    assert missing == [], f"run ./dev i18n and translate: {missing}"


def test_translations_keep_their_placeholders():
    for message in _catalog():
        if message.id:
            assert sorted(PLACEHOLDER.findall(message.id)) == sorted(
                PLACEHOLDER.findall(message.string)), message.id


def test_no_message_is_left_in_english():
    for message in _catalog():
        if message.id and re.search(r"[A-Za-z]{4,}", PLACEHOLDER.sub("", message.id)):
            assert re.search(r"[\u4e00-\u9fff]", message.string), message.id


def test_the_compiled_catalog_matches_the_source():
    with (LOCALE / "procurement.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for message in _catalog():
        if message.id:
            assert compiled.gettext(message.id) == message.string, message.id


def test_tr_formats_in_each_language():
    assert tr("row {row}", "en", row=3) == "row 3"
    assert tr("row {row}", "zh", row=3) == "第 3 行"
    with pytest.raises(ValueError):
        check_lang("fr")


# The command line: the help of every command and option (the cli catalog) and Click's own
# messages (the click catalog), see procurement/cli/bilingual.py.
CLICK_PLACEHOLDER = re.compile(r"\{(\w+)[^}]*\}|%\((\w+)\)s")


def _read(domain: str):
    with (LOCALE / f"{domain}.po").open("rb") as handle:
        return read_po(handle)


def test_every_command_help_has_a_chinese_translation():
    from procurement.cli import cli
    from procurement.cli.bilingual import help_texts

    translated = {m.id: m.string for m in _read("cli") if m.id}
    missing = sorted(text for text in help_texts(cli) if not translated.get(text))
    assert missing == [], f"run ./dev i18n and translate in cli.po: {missing}"


@pytest.mark.parametrize("domain", ["cli", "click"])
def test_command_line_catalogs_are_compiled_and_keep_their_placeholders(domain):
    with (LOCALE / f"{domain}.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for message in _read(domain):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert re.search(r"[\u4e00-\u9fff]", strings[0]), ids[0]
        assert set(CLICK_PLACEHOLDER.findall(strings[0])) <= set(
            CLICK_PLACEHOLDER.findall(" ".join(ids))), ids[0]
        if len(ids) == 1:
            assert compiled.gettext(ids[0]) == strings[0], ids[0]
        else:
            assert compiled.ngettext(ids[0], ids[1], 2) == strings[0], ids[0]


def test_every_translation_keeps_its_markdown_working():
    # CommonMark closes "**" only when it is not squeezed between punctuation and a letter:
    # "**下一步：**文字" shows its asterisks, "**下一步**：文字" is bold (seen in chromium).
    from markdown_it import MarkdownIt

    render = MarkdownIt("commonmark")
    path = Path(__file__).resolve().parents[2] / "procurement" / "locale" / "zh_CN"
    with (path / "LC_MESSAGES" / "procurement.po").open("rb") as handle:
        catalog = read_po(handle)
    broken = [m.string for m in catalog if m.id and isinstance(m.string, str) and "**" in m.string
              and "**" in render.render(re.sub(r"\{\w+\}", "x", m.string))]
    assert broken == []
