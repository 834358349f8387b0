"""The contract stage (ISO 37106 clause 7, 6.6.3 b): the KPIs the winner committed to, their
ratings and service credits, the benefits the procurement was meant to realise. Pure domain:
no database, no pages."""
