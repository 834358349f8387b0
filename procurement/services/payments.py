"""Payments made under a contract (the lead or a contract manager records them): each one an
OCDS transaction of the contract's implementation, checked against what the contract pays."""

from __future__ import annotations

import math
from datetime import date

from sqlalchemy import func, select

from procurement.domain.views import PaymentView
from procurement.errors import ProcurementError
from procurement.i18n import N_
from procurement.services import clock
from procurement.services.actors import Actor
from procurement.services.contracts import load_contract, may_manage
from procurement.store import audit
from procurement.store.contract_rows import ModificationRow, PaymentRow
from procurement.store.db import Database


def record_payment(db: Database, actor: Actor, contract_id: int, paid_on: date, amount: float,
                   description: str = "") -> PaymentView:
    """Record a payment; refused when it is not a positive amount, falls outside the
    contract's term (a final payment may follow the end by up to 90 days), or would take
    the total paid past the contract's value with its modifications."""
    if not math.isfinite(amount) or amount <= 0:
        raise ProcurementError(N_("a payment must be an amount above zero"))
    with db.write() as session:
        contract = load_contract(session, contract_id)
        may_manage(session, actor, contract)
        if paid_on > clock.today():
            raise ProcurementError(N_("{date} is in the future: record a payment once it is "
                                      "made"), date=paid_on.isoformat())
        if paid_on < contract.start_date or (paid_on - contract.end_date).days > 90:
            raise ProcurementError(N_("{date} is outside the contract's term ({start} to "
                                      "{end}, and 90 days after for the last invoice)"),
                                   date=paid_on.isoformat(),
                                   start=contract.start_date.isoformat(),
                                   end=contract.end_date.isoformat())
        paid = session.scalar(select(func.coalesce(func.sum(PaymentRow.amount), 0.0)).where(
            PaymentRow.contract_id == contract.id)) or 0.0
        changed = session.scalar(select(func.coalesce(func.sum(ModificationRow.value_change),
                                                      0.0)).where(
            ModificationRow.contract_id == contract.id)) or 0.0
        payable = contract.value + changed
        if paid + amount > payable + 0.005:
            raise ProcurementError(N_("the payments would total {total}, more than the "
                                      "contract's value of {value} with its modifications"),
                                   total=f"{paid + amount:,.2f}", value=f"{payable:,.2f}")
        payment = PaymentRow(contract_id=contract.id, paid_on=paid_on, amount=amount,
                             description=description.strip(), recorded_by=actor.id,
                             recorded_at=clock.now())
        session.add(payment)
        session.flush()
        audit.append(session, actor.username, "contract.payment", f"contract:{contract.id}",
                     procurement_id=contract.procurement_id,
                     after={"paid_on": paid_on.isoformat(), "amount": amount,
                            "description": payment.description})
        return PaymentView(id=payment.id, paid_on=paid_on, amount=amount,
                           description=payment.description, recorded_by=actor.username)
