"""The bid-rigging screens on hand-made bids. Sources: OECD (2009) Guidelines for Fighting Bid
Rigging in Public Procurement, checklist for detecting bid rigging; IACRC guide, automated
tests for collusive bidding and unusual bidding patterns; the World Bank/ADB toolkit ("the
same increment exists between the bids of each company")."""

from procurement.integrity import IntegrityBid, IntegritySettings, rigging

S = IntegritySettings()


def bid(ref, cost, supplier=None, *, winner=False, lot="all"):
    return IntegrityBid(ref, supplier or f"S-{ref}", cost, lot=lot, winner=winner)


def test_arithmetic_progression_same_step():
    # 100, 110, 120, 130: every step 10.
    found = rigging.progression([bid("A", 100), bid("B", 110), bid("C", 120), bid("D", 130)], S)
    assert [(f.code, f.subject, f.params["step"]) for f in found] == [
        ("BR-PROGRESSION", "lot:all", "10.00")]


def test_geometric_progression_same_ratio():
    # 100, 120, 144: each ×1.2 (steps 20 and 24 are not equal, so not arithmetic).
    found = rigging.progression([bid("A", 100), bid("B", 120), bid("C", 144)], S)
    assert found and found[0].params["ratio"] == "1.2000"


def test_no_progression_for_independent_prices_or_two_bids():
    # 90, 100, 120: steps 10 and 20, ratios 1.11 and 1.2.
    assert rigging.progression([bid("A", 90), bid("B", 100), bid("C", 120)], S) == []
    assert rigging.progression([bid("A", 100), bid("B", 110)], S) == []


def test_constant_ratio_between_two_bidders_across_lots():
    # Y is 1.10 × X in lots 1 and 2 (110/100, 220/200); Z's ratios differ (1.3, 1.05).
    bids = [bid("X1", 100, "X", lot="1"), bid("Y1", 110, "Y", lot="1"),
            bid("Z1", 130, "Z", lot="1"), bid("X2", 200, "X", lot="2"),
            bid("Y2", 220, "Y", lot="2"), bid("Z2", 210, "Z", lot="2")]
    found = rigging.constant_ratio(bids, S)
    assert [(f.code, f.params["first"], f.params["second"]) for f in found] == [
        ("BR-RATIO", "X", "Y")]
    assert found[0].params["ratio"] == "0.9091"  # X / Y = 100 / 110


def test_cover_bids_far_above_the_rest():
    # 100, 104, 170, 180: 170 ≥ 1.5 × 104 = 156, so C and D are cover bids.
    bids = [bid("A", 100, winner=True), bid("B", 104), bid("C", 170), bid("D", 180)]
    assert [f.subject for f in rigging.cover_bids(bids, S)] == ["C", "D"]
    # A gap right above the winner alone is R058's, not a cover bid.
    assert rigging.cover_bids([bid("A", 100, winner=True), bid("B", 200)], S) == []


def test_same_unusual_figures_in_different_bids():
    # 1,234,567 and 998,567 both end in 567; 1,000,000 is round; 5,550 ends in 0.
    bids = [bid("A", 1_234_567), bid("B", 998_567), bid("C", 1_000_000), bid("D", 5_550)]
    found = rigging.unusual_figures(bids, S)
    assert [(f.code, f.bids, f.params["digits"]) for f in found] == [
        ("BR-FIGURES", ("A", "B"), "567")]
    # The same tenderer's bids do not count.
    assert rigging.unusual_figures([bid("A", 1_234_567, "X"), bid("B", 998_567, "X")], S) == []
