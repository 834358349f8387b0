"""The procurement domain: its vocabularies, the procurement and its status machine, and the
value types every layer shares. Pure: no database, no web page, no Word."""
