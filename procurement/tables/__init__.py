"""Reading the tables users give (bids, panel scores, pipeline entries) as CSV or XLSX."""
