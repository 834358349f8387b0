"""Sign in (procurement.ui.signin): the page a signed-out reader starts on."""

from procurement.ui.signin import show_sign_in

show_sign_in()
