// Where Stripe Checkout sends a patron back: paid (the credits arrive as soon as Stripe confirms it to Singr) or
// cancelled (nothing was charged), with the way back to the venue's kiosk.
"use strict";

(() => {
  const query = new URLSearchParams(location.search);
  const paid = query.get("purchase") === "success";
  document.querySelector("[data-testid=purchase-heading]").textContent = paid ? "Thank you!" : "No payment taken";
  document.querySelector("[data-testid=purchase-message]").textContent = paid
    ? "Your payment went through. The credits reach your balance as soon as Stripe confirms it, usually within seconds."
    : "You left the checkout before paying, so nothing was charged.";
  const venue = localStorage.getItem("singr.lastVenue");
  if (venue) document.querySelector("[data-testid=back-to-kiosk]").href = `/kiosk.html?venue=${encodeURIComponent(venue)}`;
})();
