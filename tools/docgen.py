"""The generated parts of docs/, made from the code itself so that they cannot drift: the
command-line reference (from the Click commands), the JSON outputs (from the pydantic models'
schemas, or from what a command prints for a shipped example), the columns of the input files
(from the models, the rubric and the tables' column lists), the design fields, the app's
pages by role, the status machine, the scoring settings, the speed table (from the last
benchmark run, benchmarks/results.json) and the import contracts (from pyproject.toml).
Each docs page calls these inside cog blocks:

    PYTHONPATH=. .venv/bin/cog -r docs/*.md README.md       regenerate
    PYTHONPATH=. .venv/bin/cog --check docs/*.md README.md  fail when a page is stale

Explanations a page gives for fields, columns or pages (the ``meanings`` arguments) are
checked against what the code has: one for something that is gone is an error.
"""

from __future__ import annotations

import inspect
import json
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
from pydantic import BaseModel

from procurement.i18n import N_, Lang, catalog, tr

ROOT = Path(__file__).resolve().parents[1]
HEADINGS = {
    "option": ("option", "选项"), "meaning": ("meaning", "说明"), "field": ("field", "字段"),
    "type": ("type", "类型"), "column": ("column", "列"), "required": ("required", "必填"),
    "yes": ("yes", "是"), "no": ("no", "否"), "usage": ("Usage", "用法"),
    "benchmark": ("benchmark", "基准测试"), "result": ("result", "结果"),
    "target": ("target", "目标"), "contract": ("contract", "约定"), "rule": ("rule", "规则"),
    "default": ("default", "默认"), "row": ("Table 3 row", "表 3 行"),
    "label": ("in the app", "应用中的名称"),
    "values": ("values", "取值"), "rubric": ("rubric", "评审细则"), "version": ("version", "版本"),
    "title": ("title", "标题"), "profile": ("legal profile", "法规配置"), "page": ("page", "页面"),
    "stage": ("stage", "阶段"), "who": ("who", "使用者"), "what": ("what", "内容"),
    "command": ("command", "命令"), "from": ("from status", "起始状态"), "to": ("to", "变为"),
    "action": ("action", "操作"), "statuses": ("allowed in", "允许的状态"),
    "measured": ("measured", "测量于"), "list of": ("a list of", "列表，取自"),
    "everyone": ("everyone", "所有角色"),
    "from the rubric": ("the rubric's; else {}", "评审细则的默认值，否则为 {}"),
    "not final": ("any status but a final one", "任何非终结状态"),
    "jurisdiction": ("jurisdiction", "法域"), "law": ("law", "法律"),
    "standstill": ("standstill", "停顿期"), "schemes": ("buyer identifier schemes", "采购人标识方案"),
    "calendar": ("working days", "工作日"), "currency": ("currency", "币种"),
    "evaluation": ("evaluation", "评审"), "signature": ("signature block", "签署栏"),
    "start": ("notice on", "公告日"), "ends": ("period ends", "期间届满"),
    "sign": ("contract from", "可签约日"), "skipped": ("holidays passed over", "跳过的节假日"),
    "scheme": ("scheme", "方案"), "form": ("form", "格式"), "example": ("example", "示例"),
}


def _h(key: str, lang: Lang) -> str:
    return HEADINGS[key][1 if lang == "zh" else 0]


def _list(items: list[str], lang: Lang) -> str:
    return ("、" if lang == "zh" else ", ").join(items)


def _paren(text: str, lang: Lang) -> str:
    return f"（{text}）" if lang == "zh" else f" ({text})"


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _table(headers: list[str], rows: list[list[object]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


# --- the command line ----------------------------------------------------------------------

def _help(text: str | None, lang: Lang) -> str:
    english = inspect.cleandoc(text or "")
    return catalog(lang, "cli").gettext(english) if english else ""


def _commands(group: click.Group, prefix: str) -> Iterator[tuple[str, click.Command]]:
    for name in sorted(group.commands):
        command = group.commands[name]
        if isinstance(command, click.Group):
            if command.invoke_without_command:  # a group that is a command too (dossier)
                yield f"{prefix} {name}", command
            yield from _commands(command, f"{prefix} {name}")
        else:
            yield f"{prefix} {name}", command


def cli_reference(lang: Lang = "en") -> str:
    """Every ``procure`` command: its usage, what it does, and each option."""
    from procurement.cli import cli

    parts = []
    for path, command in _commands(cli, "procure"):
        with click.Context(command, info_name=path) as context:
            usage = " ".join(command.collect_usage_pieces(context))
        parts.append(f"### `{path}`\n\n`{path} {usage}`\n\n{_help(command.help, lang)}\n")
        rows: list[list[object]] = []
        for param in command.params:
            if not isinstance(param, click.Option) or param.hidden:
                continue
            names = ", ".join(f"`{n}`" for n in (*param.opts, *param.secondary_opts))
            kind = param.type
            if isinstance(kind, click.Choice):
                names += " " + "|".join(str(c) for c in kind.choices)
            elif not param.is_flag and param.metavar:
                names += f" {param.metavar}"
            rows.append([names, _help(param.help, lang)])
        if rows:
            parts.append(_table([_h("option", lang), _h("meaning", lang)], rows) + "\n")
    return "\n".join(parts)


# --- JSON outputs --------------------------------------------------------------------------

_TYPE_WORDS = {"text": "文本", "number": "数值", "integer": "整数", "true/false": "是/否",
               "object": "对象", "date": "日期（YYYY-MM-DD）", "date and time": "日期时间",
               "any": "任意值", "bilingual": "中英文文本（en、zh）"}
_TYPE_EN = {"bilingual": "text in English and Chinese (en, zh)", "date": "date (YYYY-MM-DD)"}


def _word(kind: str, lang: Lang) -> str:
    return _TYPE_WORDS.get(kind, kind) if lang == "zh" else _TYPE_EN.get(kind, kind)


def _type_of(schema: dict[str, Any] | bool, defs: dict[str, Any], lang: Lang = "en") -> str:
    if not isinstance(schema, dict):  # ``additionalProperties: true``: any value
        return _word("any", lang)
    if "$ref" in schema:
        target = defs[schema["$ref"].rsplit("/", 1)[1]]
        if "enum" in target:
            return " · ".join(str(v) for v in target["enum"])
        return _word("bilingual" if target.get("title") == "Text" else "object", lang)
    if "anyOf" in schema:
        kinds = [_type_of(s, defs, lang) for s in schema["anyOf"] if s.get("type") != "null"]
        nullable = any(s.get("type") == "null" for s in schema["anyOf"])
        joined = (" 或 " if lang == "zh" else " or ").join(kinds)
        return joined + ((" 或 null" if lang == "zh" else " or null") if nullable else "")
    kind = schema.get("type", "any")
    if kind == "array":
        inner = _type_of(schema.get("items", {}), defs, lang)
        return f"列表（元素：{inner}）" if lang == "zh" else f"list of {inner}"
    if kind == "object" and "additionalProperties" in schema:
        inner = _type_of(schema["additionalProperties"], defs, lang)
        return f"映射（值：{inner}）" if lang == "zh" else f"map to {inner}"
    if "enum" in schema:
        return " · ".join(str(v) for v in schema["enum"])
    if kind == "string" and schema.get("format") in ("date", "date-time"):
        return _word("date" if schema["format"] == "date" else "date and time", lang)
    return _word({"string": "text", "number": "number", "integer": "integer",
                  "boolean": "true/false"}.get(kind, kind), lang)


def _nested(schema: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any] | None:
    for candidate in (schema, schema.get("items", {}), schema.get("additionalProperties", {}),
                      *schema.get("anyOf", [])):
        if isinstance(candidate, dict) and "$ref" in candidate:
            target = defs[candidate["$ref"].rsplit("/", 1)[1]]
            if "properties" in target:
                return dict(target)
        if isinstance(candidate, dict) and ("items" in candidate or
                                            "additionalProperties" in candidate) \
                and candidate is not schema:
            found = _nested(candidate, defs)
            if found is not None:
                return found
    return None


_COLLAPSED = ("ScoringOptions", "Text")  # shown as one field, not field by field


def _fields(schema: dict[str, Any], defs: dict[str, Any], prefix: str, lang: Lang,
            seen: frozenset[str]) -> Iterator[list[object]]:
    for name, field in schema.get("properties", {}).items():
        path = f"{prefix}{name}"
        description = field.get("description", "")
        yield [f"`{path}`", _type_of(field, defs, lang),
               tr(description, lang) if description else ""]
        inner = _nested(field, defs)
        title = inner.get("title", "") if inner else ""
        if inner is not None and title not in seen:
            mark = "[]" if field.get("type") == "array" or "items" in str(field.get("anyOf")) \
                else ("{}" if "additionalProperties" in field else "")
            yield from _fields(inner, defs, f"{path}{mark}.", lang, seen | {title})


def _explained(rows: list[list[object]], meanings: dict[str, str] | None,
               what: str) -> list[list[object]]:
    """Fill the last cell of each row whose first cell (a `name`) ``meanings`` explains.
    A meaning for a name that is not there is an error: the page explains something gone."""
    meanings = dict(meanings or {})
    for row in rows:
        name = str(row[0]).strip("`")
        if name in meanings:
            text = meanings.pop(name)
            row[-1] = f"{row[-1]} {text}".strip() if row[-1] else text
    if meanings:
        raise ValueError(f"{what} has no {', '.join(sorted(meanings))}")
    return rows


def json_fields(model: type[BaseModel], lang: Lang = "en",
                meanings: dict[str, str] | None = None, collapse: tuple[str, ...] = ()) -> str:
    """The fields of a JSON output, from its model's schema (nested objects as paths).

    ``meanings`` explains fields whose model says nothing (path → text, in ``lang``);
    ``collapse`` names nested models shown as one field (e.g. ``("Rubric",)``)."""
    schema = model.model_json_schema()
    defs = schema.get("$defs", {})
    seen = frozenset({schema.get("title", ""), *_COLLAPSED, *collapse})
    rows = _explained(list(_fields(schema, defs, "", lang, seen)), meanings, model.__name__)
    return _table([_h("field", lang), _h("type", lang), _h("meaning", lang)], rows)


def _value_kind(value: object, lang: Lang) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return _word("true/false", lang)
    if isinstance(value, int):
        return _word("integer", lang)
    if isinstance(value, float):
        return _word("number", lang)
    if isinstance(value, str):
        return _word("text", lang)
    if isinstance(value, dict):
        return _word("object", lang)
    if isinstance(value, list):
        kinds = list(dict.fromkeys(_value_kind(v, lang) for v in value)) or [_word("any", lang)]
        inner = (" 或 " if lang == "zh" else " or ").join(kinds)
        return f"列表（元素：{inner}）" if lang == "zh" else f"list of {inner}"
    return type(value).__name__


def _walk(value: object, prefix: str, lang: Lang, found: dict[str, list[str]]) -> None:
    items: list[object] = value if isinstance(value, list) else [value]
    for item in items:
        if not isinstance(item, dict):
            continue
        for key, inner in item.items():
            path = f"{prefix}{key}"
            kinds = found.setdefault(path, [])
            kind = _value_kind(inner, lang)
            if kind not in kinds:
                kinds.append(kind)
            mark = "[]." if isinstance(inner, list) else "."
            _walk(inner, path + mark, lang, found)


def _sample(output: str, lang: Lang) -> object:
    """What a command prints with ``--json``, made by the code the command runs, on the
    shipped rubrics or the example design."""
    if output == "rubric list":
        from procurement.rubric import list_rubrics

        return [{"id": i.id, "version": i.version, "title": {"en": i.title_en, "zh": i.title_zh},
                 "profile": i.profile} for i in list_rubrics()]
    if output == "rubric show":  # every shipped rubric, so that each field shows all its kinds
        from procurement.rubric import list_rubrics, load_rubric
        from procurement.rubric.methodology import methodology

        return [methodology(load_rubric(i.path), lang) for i in list_rubrics()]
    if output == "review":
        from procurement.design import load_design, review, review_view

        return review_view(review(load_design(ROOT / "examples/design/smart-parking.yaml")), lang)
    raise ValueError(f"no sample of {output!r}")


def json_output(output: str, lang: Lang = "en", meanings: dict[str, str] | None = None) -> str:
    """The fields of a JSON output that has no model of its own (``rubric list``, ``rubric
    show``, ``review``), from what the command's code prints on a shipped example."""
    found: dict[str, list[str]] = {}
    _walk(_sample(output, lang), "", lang, found)
    joiner = " 或 " if lang == "zh" else " or "
    rows: list[list[object]] = [[f"`{path}`", joiner.join(sorted(kinds, key=lambda k: k == "null")),
                                 ""] for path, kinds in found.items()]
    rows = _explained(rows, meanings, f"procure {output} --json")
    return _table([_h("field", lang), _h("type", lang), _h("meaning", lang)], rows)


def scoring_settings(lang: Lang = "en", meanings: dict[str, str] | None = None) -> str:
    """The settings of an evaluation (procurement.scoring.options.ScoringOptions) with their
    types and defaults (``None`` where the rubric's own default applies)."""
    from procurement.scoring.options import ScoringOptions

    schema = ScoringOptions.model_json_schema()
    defs = schema.get("$defs", {})
    from_rubric = {"method", "price_formula", "discount_rate", "sme_deduction", "aggregation"}
    rows: list[list[object]] = []
    for name, field in schema["properties"].items():
        default = field.get("default")
        shown = "–" if default is None else f"`{default}`"
        if name in from_rubric:
            shown = _h("from the rubric", lang).format(shown)
        rows.append([f"`{name}`", _type_of(field, defs, lang), shown, ""])
    rows = _explained(rows, meanings, "ScoringOptions")
    return _table([_h("field", lang), _h("type", lang), _h("default", lang),
                   _h("meaning", lang)], rows)


# --- input files ---------------------------------------------------------------------------

def pipeline_columns(lang: Lang = "en", meanings: dict[str, str] | None = None) -> str:
    """The columns of a pipeline file, from the pipeline entry's model (``meanings``: column →
    what its values may be, in ``lang``, for the columns the model does not describe)."""
    from procurement.pipeline.entry import COLUMNS, REQUIRED, PipelineEntry

    schema = PipelineEntry.model_json_schema()
    defs = schema.get("$defs", {})
    null = " 或 null" if lang == "zh" else " or null"
    rows: list[list[object]] = []
    for name in COLUMNS:
        field = schema["properties"][name]
        description = field.get("description", "")
        if name in REQUIRED:
            required = _h("yes", lang)
        elif field.get("default") is not None:
            required = f"{_h('default', lang)} `{field['default']}`"
        else:
            required = ""
        rows.append([f"`{name}`", _type_of(field, defs, lang).removesuffix(null), required,
                     tr(description, lang) if description else ""])
    rows = _explained(rows, meanings, "a pipeline file")
    return _table([_h("column", lang), _h("type", lang), _h("required", lang),
                   _h("meaning", lang)], rows)


def _columns(names: tuple[str, ...], lang: Lang, meanings: dict[str, str] | None,
             what: str) -> str:
    rows: list[list[object]] = [[f"`{name}`", ""] for name in names]
    return _table([_h("column", lang), _h("meaning", lang)], _explained(rows, meanings, what))


def panel_columns(lang: Lang = "en", meanings: dict[str, str] | None = None) -> str:
    """The columns of a panel table (procurement.tables.panel.PANEL_COLUMNS), each with the
    meaning the page gives it."""
    from procurement.tables.panel import PANEL_COLUMNS

    return _columns(PANEL_COLUMNS, lang, meanings, "a panel table")


def reason_columns(lang: Lang = "en", meanings: dict[str, str] | None = None) -> str:
    """The columns of a table of released reasons (procurement.tables.reasons)."""
    from procurement.tables.reasons import REASON_COLUMNS

    return _columns(REASON_COLUMNS, lang, meanings, "a reasons table")


def audit_columns(lang: Lang = "en", meanings: dict[str, str] | None = None) -> str:
    """The columns of an exported audit log (procurement.store.audit.CSV_COLUMNS)."""
    from procurement.store.audit import CSV_COLUMNS

    return _columns(CSV_COLUMNS, lang, meanings, "the audit CSV")


def design_fields(lang: Lang = "en") -> str:
    """The fields of a procurement design, row by row of ISO 37106 Table 3, with the values
    each takes and the words the app's form shows for them (procurement.design.fields)."""
    from procurement.design.fields import FIELDS
    from procurement.design.model import ProcurementDesign
    from procurement.design.table3 import load_table3

    table3 = load_table3()
    schema = ProcurementDesign.model_json_schema()
    defs = schema.get("$defs", {})
    null = " 或 null" if lang == "zh" else " or null"
    limits = {"minimum": "≥", "exclusiveMinimum": ">", "maximum": "≤", "exclusiveMaximum": "<"}
    rows: list[list[object]] = []
    for spec in FIELDS:
        row = f"{spec.row} {table3.row(spec.row).name.get(lang)}" if spec.row else "–"
        if spec.choices:
            values = "; ".join(f"`{code}` {tr(name, lang)}" for code, name in spec.choices.items())
            if spec.kind == "multi":
                values = f"{_h('list of', lang)}: {values}"
        else:
            field = schema["properties"][spec.name]
            parts = [s for s in field.get("anyOf", [field]) if s.get("type") != "null"]
            bounds = [f"{sign} {part[key]:g}" for part in parts
                      for key, sign in limits.items() if key in part]
            values = _type_of(field, defs, lang).removesuffix(null)
            if bounds:
                values += _paren(", ".join(bounds), lang)
        rows.append([row, f"`{spec.name}`", tr(spec.label, lang), values])
    return _table([_h("row", lang), _h("field", lang), _h("label", lang), _h("values", lang)],
                  rows)


def rubric_list(lang: Lang = "en") -> str:
    """The shipped rubrics, the default first, with their titles and legal profiles."""
    from procurement.labels import RUBRIC_PROFILES
    from procurement.rubric import list_rubrics
    from procurement.vocabulary import RubricProfile

    rows: list[list[object]] = [
        [f"`{i.id}`", i.version, i.title_zh if lang == "zh" else i.title_en,
         tr(RUBRIC_PROFILES[RubricProfile(i.profile)], lang) if i.profile else "–"]
        for i in list_rubrics()]
    return _table([_h("rubric", lang), _h("version", lang), _h("title", lang),
                   _h("profile", lang)], rows)


# --- the app and the workflow ----------------------------------------------------------------

def app_pages(lang: Lang = "en", what: dict[str, str] | None = None) -> str:
    """The app's pages in the order of the navigation (by stage), who sees each
    (procurement.ui.nav), and ``what`` each shows (page id → text, in ``lang``)."""
    from procurement.labels import ROLES
    from procurement.ui.nav import PAGES, ROLE_PAGES, SECTIONS
    from procurement.vocabulary import Role

    rows: list[list[object]] = []
    for section, ids in SECTIONS:
        for page in ids:
            roles = [role for role in Role if page in ROLE_PAGES[role]]
            who = (_h("everyone", lang) if len(roles) == len(Role)
                   else _list([tr(ROLES[role], lang) for role in roles], lang))
            rows.append([f"`{page}`", tr(PAGES[page][1], lang),
                         tr(section, lang) if section else "–", who, ""])
    rows = _explained(rows, what, "the app")
    for row in rows:
        row.pop(0)
    return _table([_h("page", lang), _h("stage", lang), _h("who", lang), _h("what", lang)], rows)


# Each step of the status machine and the ``procure`` command that takes it.
_STEP_COMMANDS = {"open_tender": "open-tender", "start_quality_evaluation": "close-tender",
                  "close_quality_evaluation": "close-quality", "open_prices": "open-prices",
                  "recommend": "recommend", "approve": "approve", "return": "return",
                  "award": "award", "cancel": "cancel"}


def status_steps(lang: Lang = "en") -> str:
    """The steps that move a procurement, from the domain's status machine
    (procurement.domain.procurement.TRANSITIONS), with the command that takes each."""
    from procurement.cli import cli
    from procurement.domain.procurement import TRANSITIONS
    from procurement.labels import STATUSES
    from procurement.vocabulary import Status

    rows: list[list[object]] = []
    for step, transition in TRANSITIONS.items():
        command = _STEP_COMMANDS[step.value]
        if command not in cli.commands:
            raise ValueError(f"no procure {command} for the step {step.value}")
        sources = [tr(STATUSES[s], lang) for s in Status if s in transition.sources]
        if len(sources) > 3:
            sources = [_h("not final", lang)]
        rows.append([f"`procure {command}`", _list(sources, lang),
                     tr(STATUSES[transition.target], lang)])
    return _table([_h("command", lang), _h("from", lang), _h("to", lang)], rows)


def status_actions(lang: Lang = "en") -> str:
    """What may be done to a procurement without moving it, and in which statuses
    (procurement.domain.procurement.ALLOWED)."""
    from procurement.domain.procurement import ALLOWED
    from procurement.labels import STATUSES
    from procurement.vocabulary import Status

    rows: list[list[object]] = [
        [f"`{action.value}`", _list([tr(STATUSES[s], lang) for s in Status if s in statuses], lang)]
        for action, statuses in ALLOWED.items()]
    return _table([_h("action", lang), _h("statuses", lang)], rows)


def bids_columns(lang: Lang = "en", rubric: str = "iso37106-smart") -> str:
    """The columns a bids table needs for ``rubric`` (one per criterion, gate and cost input)."""
    from procurement.rubric import load_rubric
    from procurement.scoring.inputs import TCO_COLUMNS
    from procurement.services.bids import ANSWER_PREFIX, OPTIONAL_COLUMNS
    from procurement.vocabulary import CostBasis

    loaded = load_rubric(rubric)
    yes = _h("yes", lang)
    colon = "：" if lang == "zh" else ": "
    rows: list[list[object]] = [["`bid_id`", yes, tr(N_("the bid's reference, unique"), lang)],
                                ["`supplier`", yes, tr(N_("the supplier's name"), lang)],
                                ["`sme`", "", tr(_YES_NO, lang)]]
    for criterion in loaded.scale_criteria:
        assert criterion.scale is not None
        rows.append([f"`{criterion.id}`", tr(N_("without --panel"), lang),
                     f"{criterion.name.get(lang)}{colon}{criterion.scale.min:g}–"
                     f"{criterion.scale.max:g}"])
    for gate in loaded.gates:
        rows.append([f"`{gate.id}`", yes, f"{gate.name.get(lang)}{colon}{tr(_YES_NO, lang)}"])
    cost = loaded.cost
    if cost is not None:
        for name in (("price",) if cost.basis == CostBasis.PRICE else TCO_COLUMNS):
            rows.append([f"`{name}`", yes, tr(_COST_COLUMNS[name], lang)])
    for name in OPTIONAL_COLUMNS:
        rows.append([f"`{name}`", "", tr(_OPTIONAL[name], lang)])
    rows.append([f"`{ANSWER_PREFIX}<criterion>`", "", tr(_OPTIONAL["answer"], lang)])
    return _table([_h("column", lang), _h("required", lang), _h("meaning", lang)], rows)


_YES_NO = N_("yes or no (是/否)")
_COST_COLUMNS = {"price": N_("the price"), "capex": N_("capital cost"),
                 "opex_per_year": N_("operating cost per year"), "term_years": N_("term in years"),
                 "exit_cost": N_("exit cost at the end of the term")}
_OPTIONAL = {"supplier_id": N_("the supplier's organisation identifier"),
             "lot": N_("the lot the bid is for (procurements with lots)"),
             "kpis": N_("KPIs committed to: measure: baseline -> target; …"),
             "open_standards": N_("open standards committed to, separated by ;"),
             "answer": N_("the bidder's answer to a criterion, shown to evaluators")}


# --- speed and layers ------------------------------------------------------------------------

def benchmark_table(lang: Lang = "en", measured: bool = True,
                    keys: tuple[str, ...] | None = None) -> str:
    """The figures of the last benchmark run (``./dev bench`` writes benchmarks/results.json),
    each with the day and the machine it was measured on (``measured``); only ``keys``'
    figures when given (a page's own)."""
    path = ROOT / "benchmarks" / "results.json"
    results = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    rows: list[list[object]] = []
    for r in results.get("figures", []):
        if keys is not None and r["key"] not in keys:
            continue
        row: list[object] = [tr(r["what"], lang), r["result"], r.get("target", "–")]
        if measured:
            row.append(" · ".join(str(r[k]) for k in ("measured", "machine") if r.get(k)))
        rows.append(row)
    headers = [_h("benchmark", lang), _h("result", lang), _h("target", lang)]
    return _table(headers + ([_h("measured", lang)] if measured else []), rows)


def import_contracts(lang: Lang = "en") -> str:
    """The layer contracts ``./dev test`` checks, as pyproject.toml states them."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    rows = []
    for contract in config["tool"]["importlinter"]["contracts"]:
        if contract["type"] == "forbidden":
            rule = (", ".join(f"`{m}`" for m in contract["source_modules"]) + " ↛ " +
                    ", ".join(f"`{m}`" for m in contract["forbidden_modules"]))
        else:
            rule = tr(N_("no module imports one that imports it back"), lang)
        rows.append([contract["name"], rule])
    return _table([_h("contract", lang), _h("rule", lang)], rows)


# --- jurisdictions -------------------------------------------------------------------------

def jurisdiction_rules(lang: Lang = "en") -> str:
    """Each jurisdiction's rules with their sources, from procurement.jurisdictions."""
    from procurement import jurisdictions

    rows = []
    for law in jurisdictions.ALL.values():
        calendar = law.calendar()
        regions = _paren(_list(list(law.regions), lang), lang) if law.regions else ""
        signature = " / ".join(tr(s.label, lang, party=tr(law.party_names[0], lang))
                               for s in law.signature)
        rows.append([f"`{law.code.value}` {tr(law.name, lang)}", law.law.render(lang),
                     law.standstill_rule.render(lang), tr(calendar.name, lang) + regions,
                     _list(list(law.buyer_schemes), lang) or "–",
                     law.defaults.currency or "–", tr(law.defaults.evaluation, lang)
                     + ("; " + law.defaults.sme_deduction[2].render(lang)
                        if law.defaults.sme_deduction else ""),
                     signature])
    return _table([_h(k, lang) for k in ("jurisdiction", "law", "standstill", "calendar",
                                           "schemes", "currency", "evaluation", "signature")],
                  rows)


STANDSTILL_EXAMPLES = (("uk", "2027-03-24", None), ("uk", "2026-12-21", None),
                       ("uk", "2026-12-21", "scotland"), ("eu", "2026-12-16", "DE"),
                       ("cn", "2026-02-12", None), ("cn", "2026-09-28", None))


def standstill_examples(lang: Lang = "en") -> str:
    """Worked examples, computed by the jurisdictions' own functions."""
    from datetime import date

    from procurement import jurisdictions

    rows = []
    for code, day, region in STANDSTILL_EXAMPLES:
        timeline = jurisdictions.get(code).standstill(date.fromisoformat(day), region=region)
        ends = "; ".join(f"{tr(d.what, lang)} {d.day.isoformat()}" for d in timeline.deadlines)
        skipped = _list(sorted({tr(d.name, lang) for d in timeline.skipped}), lang) or "–"
        if timeline.worked:
            skipped += "; " + tr(N_("weekends that are working days (调休补班): {days}"), lang,
                                 days=_list([d.day.isoformat() for d in timeline.worked], lang))
        rows.append([f"`{code}`" + (f" {region}" if region else ""), day, ends,
                     timeline.sign_from.isoformat(), skipped])
    return _table([_h(k, lang) for k in ("jurisdiction", "start", "ends", "sign", "skipped")],
                  rows)


def identifier_schemes(lang: Lang = "en") -> str:
    """The org-id schemes the toolkit knows, with their forms and examples."""
    from procurement.jurisdictions.orgid import REGISTER

    return _table([_h(k, lang) for k in ("scheme", "meaning", "form", "example")],
                  [[f"`{s.code}`", tr(s.name, lang), f"`{s.pattern}`"
                    + (_paren(tr(N_("with a check character"), lang), lang) if s.check else ""),
                    f"`{s.code}-{s.example}`"] for s in REGISTER.values()])
