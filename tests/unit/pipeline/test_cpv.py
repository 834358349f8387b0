"""The CPV 2008 list shipped with the toolkit (Regulation (EC) No 213/2008, annex I)."""

from procurement.pipeline import cpv


def test_the_vocabulary_has_the_regulations_9454_codes():
    codes = cpv.labels()
    assert len(codes) == 9454
    assert all(len(code) == 8 and code.isdigit() for code in codes)
    # One code of each kind the pipeline uses, with the regulation's label.
    assert codes["45000000"] == "Construction work"
    assert codes["50232100"] == "Street-lighting maintenance services"
    assert codes["03111000"] == "Seeds"


def test_a_code_is_read_with_or_without_its_check_digit():
    assert cpv.code("45310000-3") == cpv.code("45310000") == "45310000"
    assert cpv.code("45310001") is None  # well formed, not in the vocabulary
    assert cpv.well_formed("45310001") and not cpv.well_formed("4531000")
    assert cpv.code("45310000-") is None and not cpv.well_formed("45310000-")


def test_a_code_whose_leading_zero_a_spreadsheet_dropped_is_read():
    assert cpv.code("3111000") == "03111000"  # Seeds, kept by Excel as the number 3111000
    assert cpv.code("9310000") == "09310000"
    assert cpv.code("4531000") is None  # 04531000 is no code: still refused
