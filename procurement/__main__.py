"""``python -m procurement`` runs the ``procure`` command line."""

from procurement.cli import main

main()
