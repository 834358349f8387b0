"""The award release tells the whole story (issue 13 point 1): every tenderer with its role
and scale, the bid statistics, the award criteria with their weights, lots, and values."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

from procurement.pipeline.awards import AwardNotice, Bidder, Criterion, Winner, award_release
from procurement.pipeline.checks import PackageChecker
from procurement.pipeline.releases import NoticeOptions

OPTIONS = NoticeOptions("ocds-213czf", "ocds", "https://example.org/pipeline")
BIDDERS = (
    Bidder("B-1", "OpenKerb", "GB-COH-01234567", True, True, Decimal("900000"), "north"),
    Bidder("B-2", "Longmen", None, False, True, Decimal("1200000"), "north"),
    Bidder("B-3", "SwiftPark", None, True, False, Decimal("400000"), "north"),  # disqualified
    Bidder("B-4", "OpenKerb", "GB-COH-01234567", True, True, Decimal("500000"), "south"),
)
NOTICE = AwardNotice(
    "HC-2026-017", "Smart parking", "Harbourside", date(2026, 12, 20), 3,
    (Winner("north", "OpenKerb", "GB-COH-01234567", Decimal("900000"), "B-1"),
     Winner("south", "OpenKerb", "GB-COH-01234567", Decimal("500000"), "B-4")),
    "CNY", bidders=BIDDERS,
    criteria=(Criterion("quality", "Outcome focus", 60.0), Criterion("cost", "TCO", 40.0)),
    lots=(("north", "North district"), ("south", "South district")))


def test_every_tenderer_is_a_party_once_with_its_scale():
    parties = {p["name"]: p for p in award_release(NOTICE, OPTIONS, 1, "2026-12-21T09:00:00Z")
               ["parties"][1:]}
    assert sorted(parties) == ["Longmen", "OpenKerb", "SwiftPark"]
    assert parties["OpenKerb"]["roles"] == ["supplier", "tenderer"]
    assert parties["OpenKerb"]["identifier"] == {"scheme": "GB-COH", "id": "01234567",
                                                 "legalName": "OpenKerb"}
    assert parties["Longmen"]["roles"] == ["tenderer"]
    assert [parties[n]["details"]["scale"] for n in ("OpenKerb", "Longmen", "SwiftPark")] == [
        "sme", "large", "sme"]


def test_bid_statistics_per_lot():
    statistics = award_release(NOTICE, OPTIONS, 1, "2026-12-21T09:00:00Z")["bids"]["statistics"]
    north = {s["measure"]: s["value"] for s in statistics if s["relatedLot"] == "north"}
    assert north == {"bids": 3, "validBids": 2, "smeBids": 2, "bidders": 3,
                     "disqualifiedBidders": 1, "lowestValidBidValue": 900000,
                     "highestValidBidValue": 1200000}
    assert len({s["id"] for s in statistics}) == len(statistics)
    assert all(s["currency"] == "CNY" for s in statistics if s["measure"].endswith("Value"))


def test_the_award_criteria_are_on_each_lot_and_each_award_names_its_lot():
    release = award_release(NOTICE, OPTIONS, 1, "2026-12-21T09:00:00Z")
    lots = release["tender"]["lots"]
    assert [lot["id"] for lot in lots] == ["north", "south"]
    assert lots[0]["awardCriteria"]["criteria"] == [
        {"type": "quality", "name": "Outcome focus",
         "numbers": [{"number": 60.0, "weight": "percentageExact"}]},
        {"type": "cost", "name": "TCO", "numbers": [{"number": 40.0, "weight": "percentageExact"}]}]
    assert release["tender"]["awardCriteria"] == "ratedCriteria"
    assert [(a["relatedLots"], a["value"]["amount"]) for a in release["awards"]] == [
        (["north"], 900000), (["south"], 500000)]
    checker = PackageChecker()  # the schema with the declared extensions applied
    checker.release(release, "award")
    assert checker.problems == []


def test_without_lots_the_criteria_sit_on_one_lot_and_the_statistics_on_the_tender():
    single = AwardNotice("HC-1", "Signals", "City", date(2026, 1, 5), 2,
                         (Winner(None, "A", None, Decimal("10"), "1"),), "GBP",
                         bidders=(Bidder("1", "A", None, False, True, Decimal("10")),
                                  Bidder("2", "B", None, True, True, Decimal("12"))),
                         criteria=(Criterion("price", "Price", 100.0),))
    release = award_release(single, OPTIONS, 1, "2026-01-06T00:00:00Z")
    assert [lot["id"] for lot in release["tender"]["lots"]] == ["1"]
    assert "relatedLots" not in release["awards"][0]
    assert all("relatedLot" not in s for s in release["bids"]["statistics"])


def test_bids_are_published_only_where_the_methodology_says_so():
    """bids.details and awards.relatedBid (bid extension) when the methodology stated that
    bids are published after the award; otherwise the statistics alone."""
    assert "details" not in award_release(NOTICE, OPTIONS, 1, "2026-12-21T09:00:00Z")["bids"]
    assert all("relatedBid" not in a
               for a in award_release(NOTICE, OPTIONS, 1, "2026-12-21T09:00:00Z")["awards"])
    disclosed = replace(NOTICE, publish_bids=True)
    release = award_release(disclosed, OPTIONS, 1, "2026-12-21T09:00:00Z")
    details = release["bids"]["details"]
    assert [(b["id"], b["status"], b["value"]["amount"], b["relatedLots"]) for b in details] == [
        ("B-1", "valid", 900000, ["north"]), ("B-2", "valid", 1200000, ["north"]),
        ("B-3", "disqualified", 400000, ["north"]), ("B-4", "valid", 500000, ["south"])]
    parties = {p["id"] for p in release["parties"]}
    assert all(t["id"] in parties for b in details for t in b["tenderers"])
    bids = {b["id"] for b in details}
    assert [a["relatedBid"] for a in release["awards"]] == ["B-1", "B-4"]
    assert all(a["relatedBid"] in bids for a in release["awards"])
    checker = PackageChecker()
    checker.release(release, "award")
    assert checker.problems == []
