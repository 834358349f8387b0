"""The command line in the reader's language: the help of every command and option, and
Click's own words ("Usage:", "Missing argument …", "Try … for help.").

The help texts are written in English on the commands; the ``cli`` catalog translates them,
its message ids being the texts themselves (collected from the command tree by
:func:`help_texts`: ``./dev i18n`` adds new ones to it). Click's own messages go through the
standard library's gettext; the ``click`` catalog translates them. The language is the one the
command is asked for (``--lang``, else ``PROCURE_LANG``), read before Click parses the
arguments, so that a usage error is in that language too.
"""

from __future__ import annotations

import gettext
import importlib
import inspect
from collections.abc import Iterator, Mapping, Sequence

import click

from procurement.cli.options import LANG_OPTION_ENV
from procurement.i18n import DEFAULT_LANG, LANGS, Lang, catalog

# Click's modules that translate with ``from gettext import gettext as _`` (and ngettext).
_CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser",
                  "shell_completion", "termui", "types", "utils", "_termui_impl")


def requested_lang(argv: Sequence[str], environ: Mapping[str, str]) -> Lang:
    """The language asked for by ``--lang`` (else ``PROCURE_LANG``); English when the value
    is not one (Click then reports the bad value itself)."""
    value = environ.get(LANG_OPTION_ENV, DEFAULT_LANG)
    for index, argument in enumerate(argv):
        if argument == "--":
            break
        if argument == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif argument.startswith("--lang="):
            value = argument.partition("=")[2]
    return value if value in LANGS else DEFAULT_LANG


def help_texts(command: click.Command) -> Iterator[str]:
    """Every help text of ``command`` and the commands under it, as Click shows it."""
    for text in (command.help, command.short_help):
        if text:
            yield inspect.cleandoc(text)
    for param in command.params:
        text = getattr(param, "help", None)
        if text:
            yield inspect.cleandoc(text)
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            yield from help_texts(command.commands[name])


_ENGLISH: dict[tuple[int, str], str] = {}  # (object, attribute) → its English help text


def speak(command: click.Command, lang: Lang) -> None:
    """Put ``command`` (and Click) into ``lang``, before the command runs: a ``procure``
    process serves one reader (a test may call it again with another language)."""
    if lang == DEFAULT_LANG and not _ENGLISH:
        return  # never translated: the help and Click are in English already
    _translate_help(command, catalog(lang, "cli"))
    words = catalog(lang, "click")
    for name in _CLICK_MODULES:
        try:
            module = importlib.import_module(f"click.{name}")
        except ImportError:  # a Click without that module (or a platform without it)
            continue
        if hasattr(module, "_"):
            module._ = words.gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = words.ngettext  # type: ignore[attr-defined]


def _translate_help(command: click.Command, texts: gettext.NullTranslations) -> None:
    holders: list[tuple[object, str]] = [(command, "help"), (command, "short_help")]
    holders += [(param, "help") for param in command.params if isinstance(param, click.Option)]
    for holder, attribute in holders:
        english = _ENGLISH.setdefault((id(holder), attribute), getattr(holder, attribute))
        if english:
            setattr(holder, attribute, texts.gettext(inspect.cleandoc(english)))
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            _translate_help(sub, texts)
