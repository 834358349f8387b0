"""The pipeline page: leads keep and publish the pipeline, others read it."""

from __future__ import annotations

import io
import json
import zipfile

from procurement.services import pipeline_store
from tests.ui.conftest import shown


def fill(at, values: dict[str, str]) -> None:
    inputs = {w.label: w for w in at.text_input}
    for label, value in values.items():
        inputs[label].set_value(value)


def _page(app, username="li.na", lang="en"):
    return app(username, lang=lang, page="pipeline")


def test_the_lead_adds_an_entry_and_a_bad_one_is_refused(app, city):
    at = _page(app)
    assert len(at.dataframe) == 1 and len(at.dataframe[0].value) == 4  # the demo's two buyers
    fill(at, {"Id": "HC-2027-010", "Title": "Bike share · 共享单车", "Buyer": "Harbourside City",
              "Estimated value": "900000", "Currency (ISO 4217)": "CNY"})
    at.button(key="FormSubmitter:pipeline_entry-Save entry").click().run()
    assert not at.exception
    assert [e.id for e in pipeline_store.list_entries(city)][-1] == "HC-2027-010"

    fill(at, {"Id": "HC-2027-011", "Title": "Bad value", "Buyer": "Harbourside City",
              "Estimated value": "-5", "Currency (ISO 4217)": "CNY"})
    at.button(key="FormSubmitter:pipeline_entry-Save entry").click().run()
    assert not at.exception
    assert any("estimated_value: must not be negative" in shown(e.value) for e in at.error)
    assert "HC-2027-011" not in [e.id for e in pipeline_store.list_entries(city)]


def test_the_lead_publishes_and_downloads_the_site(app, city):
    at = _page(app)
    fill(at, {"Registered OCDS prefix": "ocds-hc2027"})
    at.button(key="FormSubmitter:pipeline_publish-Publish the pipeline").click().run()
    # The demo's pipeline has two buyers: the form asks who publishes for both.
    assert any("Publisher: the pipeline has several buyers" in shown(e.value) for e in at.error)
    fill(at, {"Publisher": "Harbourside City · 港湾市"})
    at.button(key="FormSubmitter:pipeline_publish-Publish the pipeline").click().run()
    assert not at.exception
    # The four entries, the award, and its contract with its progress (issue 15).
    assert any("4 new releases, 7 in the package" in shown(s.value) for s in at.success)
    assert any("2 contract releases published." in shown(i.value) for i in at.info)
    archive = zipfile.ZipFile(io.BytesIO(at.session_state["pipeline_site"]))
    package = json.loads(archive.read("release-package.json"))
    assert len(package["releases"]) == 7 and "index.html" in archive.namelist()
    assert package["publisher"]["name"] == "Harbourside City · 港湾市"

    at.button(key="FormSubmitter:pipeline_publish-Publish the pipeline").click().run()
    assert any("0 new releases" in shown(s.value) for s in at.success)


def test_a_bad_prefix_is_an_error_not_a_crash(app):
    at = _page(app)
    fill(at, {"Registered OCDS prefix": "my-prefix"})
    at.button(key="FormSubmitter:pipeline_publish-Publish the pipeline").click().run()
    assert not at.exception
    assert any("must be a registered OCDS prefix" in shown(e.value) for e in at.error)


def test_an_observer_reads_but_does_not_edit(app):
    at = _page(app, "audit.office", lang="zh")
    assert len(at.dataframe) == 1
    assert not at.get("form")
