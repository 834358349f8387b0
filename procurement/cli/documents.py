"""``procure clauses``, ``procure contract``, ``procure report`` and ``procure summaries``."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from procurement.cli.options import db_option, lang_option, procurement_option
from procurement.i18n import N_, Lang, tr

F = TypeVar("F", bound=Callable[..., Any])


def document_options(function: F) -> F:
    for option in (
        click.option("--pdf", is_flag=True, help="Also write a PDF copy (needs LibreOffice)."),
        click.option("--template", "template_path", metavar="DOCX",
                     help="Your own Word template (rendered in the same sandbox)."),
        click.option("--out", "out", metavar="PATH", help="Where to write the document."),
        lang_option, db_option, procurement_option,
    ):
        function = option(function)
    return function


def read_template(path: str | None) -> tuple[bytes | None, str | None]:
    if path is None:
        return None, None
    from procurement.errors import fail

    try:
        return Path(path).read_bytes(), path
    except OSError as exc:
        raise fail(path, N_("cannot read the file ({reason})"), reason=exc.strerror) from exc


def write_one(document: Any, out: str | None, pdf: bool, lang: Lang) -> None:
    from procurement.atomic import atomic_path

    path = Path(out) if out else Path(document.name)
    if path.suffix.lower() != ".docx":
        path = path / document.name if path.is_dir() else path.with_suffix(".docx")
    with atomic_path(path) as temporary:
        temporary.write_bytes(document.content)
    click.echo(tr(N_("Wrote {file}."), lang, file=str(path)))
    if pdf:
        from procurement.documents.pdf import to_pdf

        for made in to_pdf([path], path.parent):
            click.echo(tr(N_("Wrote {file}."), lang, file=str(made)))


@click.command("clauses")
@document_options
def clauses(procurement_id: int, db_path: str | None, lang: Lang, out: str | None,
            template_path: str | None, pdf: bool) -> None:
    """The contract clause pack for the tender documents (ISO 37106 6.6.3 b)."""
    from procurement.services import documents
    from procurement.services.actors import OPERATOR
    from procurement.store.db import Database

    template, name = read_template(template_path)
    write_one(documents.clause_pack(Database.open(db_path), OPERATOR, procurement_id, lang,
                                     template, name), out, pdf, lang)


@click.command("contract")
@click.option("--lot", help="The lot, in procurements with lots.")
@document_options
def contract(procurement_id: int, db_path: str | None, lang: Lang, out: str | None,
             template_path: str | None, pdf: bool, lot: str | None) -> None:
    """The contract draft for the recommended bid."""
    from procurement.services import documents
    from procurement.services.actors import OPERATOR
    from procurement.store.db import Database

    template, name = read_template(template_path)
    write_one(documents.contract(Database.open(db_path), OPERATOR, procurement_id, lang,
                                  template, name, lot), out, pdf, lang)


@click.command("report")
@click.option("--lot", help="The lot, in procurements with lots.")
@document_options
def report(procurement_id: int, db_path: str | None, lang: Lang, out: str | None,
           template_path: str | None, pdf: bool, lot: str | None) -> None:
    """The evaluation report, from methodology to the audit-chain status."""
    from procurement.services import documents
    from procurement.services.actors import OPERATOR
    from procurement.store.db import Database

    template, name = read_template(template_path)
    write_one(documents.evaluation_report(Database.open(db_path), OPERATOR, procurement_id,
                                           lang, template, name, lot), out, pdf, lang)


@click.command("summaries")
@click.option("--lot", help="The lot, in procurements with lots.")
@document_options
def summaries(procurement_id: int, db_path: str | None, lang: Lang, out: str | None,
              template_path: str | None, pdf: bool, lot: str | None) -> None:
    """An assessment summary for every bidder, into a folder or a .zip (--out)."""
    import tempfile

    from procurement.atomic import atomic_path, copy_into, output_folder
    from procurement.services import documents
    from procurement.services.actors import OPERATOR
    from procurement.store.db import Database

    target = Path(out or "assessment-summaries")
    if target.suffix.lower() != ".zip":
        output_folder(target)  # refused before any work, as a file name is
    template, name = read_template(template_path)
    db = Database.open(db_path)
    made = documents.assessment_summaries(db, OPERATOR, procurement_id, lang, template, name, lot)
    with tempfile.TemporaryDirectory() as staging:
        paths = documents.save(made, Path(staging))
        if pdf:
            from procurement.documents.pdf import to_pdf

            paths += to_pdf(paths, Path(staging))
        if target.suffix.lower() == ".zip":
            with atomic_path(target) as temporary, zipfile.ZipFile(temporary, "w",
                                                                   zipfile.ZIP_DEFLATED) as zipped:
                for path in paths:
                    zipped.write(path, path.name)
        else:
            copy_into(target, paths)
    click.echo(tr(N_("Wrote {count} assessment summaries to {file}."), lang, count=len(made),
                  file=str(target)))
    missing = documents.missing_reasons(db, OPERATOR, procurement_id, lang, lot)
    if missing:
        shown = ", ".join(f"{bid} {criterion}" for bid, criterion in missing[:5])
        click.echo(tr(N_("warning: {count} scores have no reason in this language, and their "
                         "letters show –: {cells}{more}; release them with procure reasons "
                         "release or procure import reasons"), lang, count=len(missing),
                      cells=shown, more=" …" if len(missing) > 5 else ""), err=True)
