"""The use cases of the evaluation workflow: plain functions taking the database and the
acting user. Pages and commands only call these; every permission is enforced here.

Each function runs in one transaction (``Database.write()`` or ``read()``): a failure or a
killed process leaves the database as it was.
"""
