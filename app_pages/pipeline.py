"""Pipeline: the city's planned procurements (ISO 37106 6.6.3 c). Leads add, edit, import,
withdraw and publish them; everyone signed in can read them and download the published site."""

import io
import tempfile
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import streamlit as st

from procurement import formats, labels
from procurement.errors import OptionError
from procurement.i18n import language_names
from procurement.pipeline.entry import COLUMNS, PipelineEntry
from procurement.pipeline.publish import PublishOptions
from procurement.pipeline.releases import Profile
from procurement.pipeline.site_labels import word
from procurement.services import clock, pipeline, pipeline_store
from procurement.ui import context
from procurement.ui.context import lang, t
from procurement.ui.feedback import flash, guarded
from procurement.ui.signin import require_actor
from procurement.ui.text import plain
from procurement.ui.widgets import choose, form_round, next_round
from procurement.vocabulary import NoticeProfile

NEW = "__new__"
METHODS = ["", "open", "selective", "limited", "direct"]
CATEGORIES = ["", "goods", "works", "services"]
STATUSES = ["planning", "planned", "withdrawn"]
PROFILES: list[Profile] = [p.value for p in NoticeProfile]

who = require_actor()
db = context.database()
may_edit = who.role in pipeline_store.EDITORS
st.title(t("Procurement pipeline"))
st.caption(t("Planned procurements, published as open data so that suppliers, SMEs above "
             "all, can prepare (ISO 37106 6.6.3 c, Table 3 row 5)."))

entries = pipeline_store.list_entries(db)
if entries:
    st.dataframe(
        [{t("Id"): e.id, t("Title"): e.title, t("Buyer"): e.buyer,
          t("Estimated value"): formats.money(float(e.estimated_value), e.currency, lang())
          if e.estimated_value is not None else "",
          t("Expected tender"): e.expected_tender_date, t("Status"): word(e.status)}
         for e in entries], hide_index=True, width="stretch")
else:
    st.info(t("The pipeline is empty."))


def _entry_form(current: PipelineEntry | None) -> dict[str, Any] | None:
    """The form's values, or None until it is submitted. Its widgets are keyed by field (not
    by label, which changes with the language) and by the form's round, so that a change of
    language keeps what was typed and a successful save starts afresh."""
    c = current.model_dump() if current else {}
    prefix = f"pipeline_{current.id if current else NEW}_{form_round('pipeline_entry')}"

    def key(name: str) -> str:
        return f"{prefix}_{name}"

    with st.form("pipeline_entry"):
        left, right = st.columns(2)
        values: dict[str, Any] = {
            "id": left.text_input(t("Id"), c.get("id") or "", key=key("id")),
            "title": right.text_input(t("Title"), c.get("title") or "", key=key("title")),
            "buyer": left.text_input(t("Buyer"), c.get("buyer") or "", key=key("buyer")),
            "buyer_id": right.text_input(t("Buyer identifier (org-id, optional)"),
                                         c.get("buyer_id") or "", key=key("buyer_id")),
            "estimated_value": left.text_input(t("Estimated value"),
                                               "" if c.get("estimated_value") is None
                                               else str(c["estimated_value"]),
                                               key=key("estimated_value")),
            "currency": right.text_input(t("Currency (ISO 4217)"), c.get("currency") or "",
                                         key=key("currency")),
            "procurement_method": left.selectbox(
                t("Procedure"), METHODS, index=METHODS.index(c.get("procurement_method") or ""),
                format_func=lambda code: word(code) if code else "–", key=key("method")),
            "category": right.selectbox(
                t("Category"), CATEGORIES, index=CATEGORIES.index(c.get("category") or ""),
                format_func=lambda code: word(code) if code else "–", key=key("category")),
            "cpv": left.text_input(t("CPV code"), c.get("cpv") or "", key=key("cpv")),
            "status": right.selectbox(t("Status"), STATUSES,
                                      index=STATUSES.index(c.get("status") or "planning"),
                                      format_func=word, key=key("status")),
        }
        dates = st.columns(3)
        for i, (name, label) in enumerate((
                ("expected_tender_date", t("Expected tender")),
                ("expected_award_date", t("Expected award")),
                ("engagement_date", t("Market engagement")),
                ("contract_start", t("Contract start")), ("contract_end", t("Contract end")))):
            values[name] = dates[i % 3].date_input(label, c.get(name), min_value=date(2000, 1, 1),
                                                   format="YYYY-MM-DD", key=key(name))
        values["sme_suitable"] = dates[2].checkbox(t("Suitable for SMEs"),
                                                   bool(c.get("sme_suitable")), key=key("sme"))
        values["description"] = st.text_area(t("What the city needs"), c.get("description") or "",
                                             key=key("description"))
        values["engagement_details"] = st.text_area(t("Market engagement details"),
                                                    c.get("engagement_details") or "",
                                                    key=key("engagement_details"))
        left, right = st.columns(2)
        values["contact_email"] = left.text_input(t("Contact email"), c.get("contact_email") or "",
                                                  key=key("contact_email"))
        values["language"] = right.selectbox(t("Language of the entry"), ["zh", "en"],
                                             index=0 if c.get("language") == "zh" else 1,
                                             format_func=language_names().__getitem__,
                                             key=key("language"))
        if not st.form_submit_button(t("Save entry"), type="primary", icon=":material/save:"):
            return None
    return {k: v for k, v in values.items() if v not in ("", None)}


if may_edit:
    st.subheader(t("Add or change an entry"))
    ids = [NEW, *(e.id for e in entries)]
    chosen = choose(t("Entry"), ids, key="pipeline_chosen",
                    format_func=lambda i: t("New entry") if i == NEW else i)
    current = next((e for e in entries if e.id == chosen), None)
    submitted = _entry_form(current)
    if submitted is not None:
        with guarded():
            saved = pipeline_store.save_entry(db, who, submitted,
                                              replacing=None if current is None else current.id)
            next_round("pipeline_entry")
            flash(t("Saved {id}.", id=saved.id))
            st.rerun()
    if current is not None and current.id in pipeline_store.published_ids(db):
        st.caption(t("{id} has been published: it can be withdrawn (set its status to "
                     "withdrawn) but not deleted or renamed.", id=current.id))
    elif current is not None and st.button(t("Delete {id}", id=current.id),
                                           icon=":material/delete:", key="pipeline_delete"):
        with guarded():
            pipeline_store.delete_entry(db, who, current.id)
            flash(t("Deleted {id}.", id=current.id))
            st.rerun()

    st.subheader(t("Import entries"))
    st.caption(t("CSV or XLSX with the columns {columns}; entries with the same id are "
                 "replaced. All or nothing.", columns=", ".join(COLUMNS)))
    round_ = st.session_state.setdefault("pipeline_upload_round", 0)
    upload = st.file_uploader(t("Pipeline file"), type=["csv", "xlsx"],
                              key=f"pipeline_upload_{round_}")
    if upload is not None and st.button(t("Import"), icon=":material/upload:"):
        with guarded(), tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / Path(upload.name).name
            path.write_bytes(upload.getvalue())
            count = pipeline_store.import_entries(db, who, path, name=upload.name)
            st.session_state["pipeline_upload_round"] = round_ + 1
            flash(t("Imported {count} pipeline entries.", count=count))
            st.rerun()

    st.subheader(t("Publish"))
    FIELDS = {"ocid_prefix": t("Registered OCDS prefix"), "base_url": t("Web address of the site"),
              "license": t("Licence of the data (URL)"), "publisher": t("Publisher")}
    with st.form("pipeline_publish"):
        left, right = st.columns(2)
        prefix = left.text_input(FIELDS["ocid_prefix"], placeholder="ocds-213czf",
                                 key="publish_prefix")
        profile: Profile = right.selectbox(t("Profile"), PROFILES,
                                           format_func=lambda p: t(labels.NOTICE_PROFILES[p]),
                                           key="publish_profile")
        base_url = left.text_input(FIELDS["base_url"], placeholder="https://",
                                   key="publish_base_url")
        license_url = right.text_input(FIELDS["license"],
                                       "http://opendatacommons.org/licenses/pddl/1.0/",
                                       key="publish_license")
        publisher = left.text_input(
            FIELDS["publisher"], key="publish_publisher",
            help=t("Who publishes the data, e.g. the city. Needed when the pipeline has "
                   "several buyers; with one, it is the buyer."))
        policy = right.text_area(t("Procurement policy (Markdown, optional)"),
                                 key="publish_policy")
        go = st.form_submit_button(t("Publish the pipeline"), type="primary",
                                   icon=":material/public:")
    if go:
        with guarded(), tempfile.TemporaryDirectory() as folder:
            options = PublishOptions(prefix.strip(), profile, base_url.strip().rstrip("/") or None,
                                     license_url.strip() or None, publisher.strip() or None,
                                     policy if policy.strip() else None)
            try:
                result = pipeline.publish_database(db, Path(folder) / "site", options,
                                                   clock.now(), who)
            except OptionError as exc:  # name the form's field, not the command's option
                raise exc.named(FIELDS.get(exc.option, exc.option)) from None
            report = result.report
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
                for file in sorted((Path(folder) / "site").rglob("*")):
                    if file.is_file():
                        archive.write(file, file.relative_to(Path(folder) / "site"))
            st.session_state["pipeline_site"] = buffer.getvalue()
            st.success(t("Published {entries} entries: {new} new releases, {releases} in the "
                         "package, valid OCDS 1.1.5.", entries=report.entries,
                         new=report.new_releases, releases=report.releases))
            if report.contracts:
                st.info(t("{count} contract releases published.", count=report.contracts))
            for warning in report.warnings:
                st.warning(plain(warning.render(lang())))
    if st.session_state.get("pipeline_site"):
        st.download_button(t("Download the published site (.zip)"),
                           st.session_state["pipeline_site"], file_name="pipeline-site.zip",
                           mime="application/zip", icon=":material/download:")
