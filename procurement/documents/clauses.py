"""The clause library (templates/clauses.yaml): which clauses a procurement's contract
carries, chosen by its rubric and terms, and their text in one language."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from procurement import jurisdictions
from procurement.domain.terms import ContractTerms
from procurement.errors import fail
from procurement.i18n import N_, Lang, tr
from procurement.paths import shipped_dir
from procurement.rubric import Rubric
from procurement.rubric.model import Text
from procurement.vocabulary import Jurisdiction

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Condition(Strict):
    """Included when the rubric has ANY of ``criteria`` or ANY of ``settings`` is true."""

    criteria: list[str] = Field(default_factory=list)
    settings: list[str] = Field(default_factory=list)


class Section(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: Text


class ClauseSource(Strict):
    """Where a clause comes from, in both languages; ``jurisdiction``: cited only in that
    jurisdiction's documents (its law), none: in every document (ISO 37106)."""

    document: Text
    ref: Text
    jurisdiction: Jurisdiction | None = None

    def cited_in(self, jurisdiction: Jurisdiction) -> bool:
        return self.jurisdiction is None or self.jurisdiction == jurisdiction

    def render(self, lang: Lang) -> str:
        document = self.document.get(lang)
        # 《……》第四十条: Chinese text runs on into its article without a space.
        return document + ("" if not document[-1].isascii() else " ") + self.ref.get(lang)


class Clause(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    section: str
    title: Text
    sources: list[ClauseSource] = Field(min_length=1)
    include_when: Condition | None = None
    paragraphs: list[Text] = Field(min_length=1)


class ClauseLibrary(Strict):
    format_version: int = Field(ge=2, le=2)
    sections: list[Section] = Field(min_length=1)
    clauses: list[Clause] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> ClauseLibrary:
        sections = {s.id for s in self.sections}
        for clause in self.clauses:
            if clause.section not in sections:
                raise ValueError(f"clause {clause.id} is in an undefined section {clause.section}")
            for paragraph in clause.paragraphs:
                for text in (paragraph.en, paragraph.zh):
                    unknown = set(_PLACEHOLDER.findall(text)) - parameter_names()
                    if unknown:
                        raise ValueError(f"clause {clause.id} uses unknown parameters "
                                         f"{', '.join(sorted(unknown))}")
        ids = [c.id for c in self.clauses]
        if len(ids) != len(set(ids)):
            raise ValueError("clause ids must be unique")
        return self


@dataclass(frozen=True)
class RenderedClause:
    """A clause in one language, numbered, as the templates loop over them."""

    number: str
    id: str
    section: str
    title: str
    paragraphs: list[str]
    sources: str


@cache
def parameter_names() -> frozenset[str]:
    return frozenset(ContractTerms().parameters("", "en", date(2026, 1, 1))) | JURISDICTION_PARAMETERS


# What the jurisdiction adds to the terms' parameters (see :func:`jurisdiction_parameters`).
JURISDICTION_PARAMETERS = frozenset({"data_protection_law", "switching_charges"})


def jurisdiction_parameters(jurisdiction: Jurisdiction, lang: Lang, today: date
                            ) -> dict[str, str]:
    law = jurisdictions.get(jurisdiction)
    return {"data_protection_law": tr(law.data_protection_law, lang),
            "switching_charges": tr(law.switching_charges(today), lang)}


def library_path() -> Path:
    return shipped_dir("templates") / "clauses.yaml"


def load_library(path: Path | None = None) -> ClauseLibrary:
    path = path or library_path()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return ClauseLibrary.model_validate(data)
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise fail(str(path), N_("the clause library is not valid: {reason}"),
                   reason=str(exc).splitlines()[0]) from exc


def included(clause: Clause, rubric: Rubric, terms: ContractTerms) -> bool:
    condition = clause.include_when
    if condition is None:
        return True
    ids = {c.id for c in rubric.criteria}
    settings = terms.model_dump()
    return bool(ids & set(condition.criteria)) or any(bool(settings.get(s))
                                                       for s in condition.settings)


def select_clauses(library: ClauseLibrary, rubric: Rubric, terms: ContractTerms,
                   parameters: dict[str, str], lang: Lang, *, jurisdiction: Jurisdiction,
                   today: date) -> list[tuple[str, list[RenderedClause]]]:
    """The clauses this procurement carries, grouped by section and numbered "1.2", each
    citing the standard and the law of ``jurisdiction`` (no other country's)."""
    parameters = {**parameters, **jurisdiction_parameters(jurisdiction, lang, today)}
    separator = "；" if lang == "zh" else "; "
    sections = []
    for number, section in enumerate(
            (s for s in library.sections
             if any(c.section == s.id and included(c, rubric, terms) for c in library.clauses)),
            start=1):
        clauses = [c for c in library.clauses if c.section == section.id
                   and included(c, rubric, terms)]
        rendered = [RenderedClause(
            number=f"{number}.{index}", id=c.id, section=section.id, title=c.title.get(lang),
            paragraphs=[p.get(lang).format(**parameters) for p in c.paragraphs],
            sources=separator.join(s.render(lang) for s in c.sources if s.cited_in(jurisdiction)))
            for index, c in enumerate(clauses, start=1)]
        sections.append((f"{number}. {section.title.get(lang)}", rendered))
    return sections
