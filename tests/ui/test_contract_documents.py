"""The contract documents' buttons (procurement.ui.contract_documents) as the Contract page
will show them: the law's document first, a period, prepare, then download."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest


def _page(username: str, lang: str) -> None:
    from procurement.services import contracts, users
    from procurement.store.db import Database
    from procurement.ui.contract_documents import contract_document_buttons

    db = Database.open(None)
    who = users.get_actor(db, username)
    (view,) = contracts.contracts_of(db, who, 3)
    contract_document_buttons(db, who, view, lang)  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_prepare_then_download_both_documents(city, lang):
    at = AppTest.from_function(_page, args=("li.na", lang), default_timeout=60).run()
    assert not at.exception, at.exception
    # China's law asks for the acceptance report: it comes first.
    buttons = [b.label for b in at.button]
    from procurement import labels
    from procurement.i18n import tr
    from procurement.vocabulary import DocumentKind

    assert buttons[0].endswith(tr(labels.DOCUMENT_KINDS[DocumentKind.ACCEPTANCE], lang)), buttons
    at.text_area[0].input("Zhou Min (chair)\n李伟（技术专家）").run()
    at.button[0].click().run()
    at.button[1].click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    downloads = at.get("download_button")
    assert len(downloads) == 2
    names = " ".join(str(d.proto.label) for d in downloads)
    assert "HC-2025-009-acceptance" in names and "HC-2025-009-performance-notice" in names


def test_an_acceptance_without_its_team_is_refused_on_the_page(city):
    at = AppTest.from_function(_page, args=("li.na", "en"), default_timeout=60).run()
    at.button[0].click().run()
    (error,) = [e.value.replace("\\", "") for e in at.error]
    assert error == ("Acceptance team, one member a line: Name (role): an acceptance report "
                     "names the members of the acceptance team, who sign it")
    assert not at.get("download_button")


def test_only_the_lead_or_a_contract_manager_makes_them(city):
    at = AppTest.from_function(_page, args=("zhou.min", "en"), default_timeout=60).run()
    at.button[1].click().run()  # the performance notice, as an approver
    (error,) = [e.value.replace("\\", "") for e in at.error]
    assert "only the procurement's lead or a contract manager" in error
    assert not at.get("download_button")
