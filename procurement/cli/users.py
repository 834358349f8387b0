"""``procure user add`` and ``procure user list``."""

from __future__ import annotations

import sys

import click

from procurement.cli.options import db_option, lang_option
from procurement.cli.render import table
from procurement.i18n import N_, Lang, tr


@click.group("user")
def user_group() -> None:
    """Manage local user accounts."""


@user_group.command("add")
@click.argument("username")
@click.option("--role", type=click.Choice(["lead", "evaluator", "approver", "observer"]),
              required=True, help="What the user does in procurements.")
@click.option("--name", "display_name", default="", help="Full name shown to others.")
@click.option("--email", default=None, help="E-mail (also links an identity-provider sign-in).")
@click.option("--password-stdin", is_flag=True,
              help="Read the password from standard input instead of prompting.")
@click.option("--no-password", is_flag=True, help="Sign-in only through the identity provider.")
@db_option
@lang_option
def add(username: str, role: str, display_name: str, email: str | None, password_stdin: bool,
        no_password: bool, db_path: str | None, lang: Lang) -> None:
    """Add a user; the password is stored as an argon2 hash."""
    from procurement.services.users import add_user
    from procurement.store.db import Database

    password: str | None
    if no_password:
        password = None
    elif password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt(tr(N_("Password"), lang), hide_input=True,
                                confirmation_prompt=True)
    view = add_user(Database.open(db_path), username, display_name or username, role,
                    password=password, email=email)
    click.echo(tr(N_("Added {username} ({role})."), lang, username=view.username, role=view.role))


@user_group.command("list")
@db_option
@lang_option
def list_users(db_path: str | None, lang: Lang) -> None:
    """List the users and their roles."""
    from procurement.services.users import list_users as users
    from procurement.store.db import Database

    rows = [[u.username, u.role, u.display_name, u.email or "–"]
            for u in users(Database.open(db_path))]
    click.echo(table([tr(N_("User"), lang), tr(N_("Role"), lang), tr(N_("Name"), lang),
                      tr(N_("E-mail"), lang)], rows))
