"""Storage: the database, its rows and migrations, the queries the services need, the audit
chain."""
