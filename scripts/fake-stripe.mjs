// A stand-in for Stripe on a newcomer's machine (`make run` starts it when no Stripe keys are given): it opens
// checkout sessions as Stripe's API does, shows a one-button "checkout" page, and on Pay delivers a signed
// checkout.session.completed to Singr's webhook, then sends the patron back, as Stripe would. Test mode only, no
// card, no network. Usage: node scripts/fake-stripe.mjs PORT WEBHOOK_URL WEBHOOK_SECRET
import { createServer } from "node:http";
import { createHmac, randomUUID } from "node:crypto";

const [port, webhookUrl, webhookSecret] = process.argv.slice(2);
const sessions = new Map();
const byIdempotencyKey = new Map();

function readBody(request) {
  return new Promise((resolve) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => resolve(body));
  });
}

function reply(response, status, type, body, headers = {}) {
  response.writeHead(status, { "Content-Type": type, ...headers });
  response.end(body);
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

async function deliver(type, session) {
  const event = JSON.stringify({
    id: "evt_local_" + randomUUID().replaceAll("-", ""),
    object: "event",
    api_version: "2025-01-27.acacia",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    type,
    data: { object: { ...session, payment_status: type === "checkout.session.completed" ? "paid" : "unpaid" } },
  });
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = createHmac("sha256", webhookSecret).update(`${timestamp}.${event}`).digest("hex");
  const answer = await fetch(webhookUrl, { method: "POST", headers: { "Content-Type": "application/json", "Stripe-Signature": `t=${timestamp},v1=${signature}` }, body: event });
  console.log(`fake-stripe: ${type} for ${session.id} -> Singr answered ${answer.status}`);
}

async function openCheckout(request, response) {
  const form = new URLSearchParams(await readBody(request));
  const key = request.headers["idempotency-key"];
  if (key && byIdempotencyKey.has(key)) return reply(response, 200, "application/json", JSON.stringify(sessions.get(byIdempotencyKey.get(key))));
  const id = "cs_test_local_" + randomUUID().replaceAll("-", "");
  const metadata = {};
  for (const [name, value] of form) {
    const match = /^metadata\[(.+)\]$/.exec(name);
    if (match) metadata[match[1]] = value;
  }
  const session = {
    id,
    object: "checkout.session",
    mode: "payment",
    status: "open",
    payment_status: "unpaid",
    currency: form.get("line_items[0][price_data][currency]") || "usd",
    amount_total: Number(form.get("line_items[0][price_data][unit_amount]") || 0),
    client_reference_id: form.get("client_reference_id"),
    metadata,
    success_url: form.get("success_url"),
    cancel_url: form.get("cancel_url"),
    url: `http://127.0.0.1:${port}/pay/${id}`,
    customer_email: form.get("customer_email"),
    name: form.get("line_items[0][price_data][product_data][name]") || "Singr credits",
  };
  sessions.set(id, session);
  if (key) byIdempotencyKey.set(key, id);
  reply(response, 200, "application/json", JSON.stringify(session));
}

const server = createServer(async (request, response) => {
  const url = new URL(request.url, `http://127.0.0.1:${port}`);
  const pay = /^\/pay\/([A-Za-z0-9_]+)(\/cancel)?$/.exec(url.pathname);
  if (request.method === "POST" && url.pathname === "/v1/checkout/sessions") return openCheckout(request, response);
  if (!pay || !sessions.has(pay[1])) return reply(response, 404, "application/json", JSON.stringify({ error: { type: "invalid_request_error", message: "No such checkout session." } }));
  const session = sessions.get(pay[1]);
  if (request.method === "GET") {
    const price = (session.amount_total / 100).toFixed(2);
    return reply(response, 200, "text/html; charset=utf-8", `<!doctype html><meta charset="utf-8"><title>Test checkout</title>
      <body style="font-family:sans-serif;max-width:28rem;margin:3rem auto">
      <p style="color:#a00">Local test checkout (no real payment)</p><h1>${escapeHtml(session.name)}</h1>
      <p>${price} ${escapeHtml(session.currency.toUpperCase())}</p>
      <form method="post" action="/pay/${session.id}">
        <p><label>Email for the receipt (optional)<br><input type="email" name="email" data-testid="fake-email" value="${escapeHtml(session.customer_email || "")}" style="width:100%"></label></p>
        <button data-testid="fake-pay">Pay ${price}</button></form>
      <form method="post" action="/pay/${session.id}/cancel"><button>Cancel</button></form></body>`);
  }
  const completed = !pay[2];
  const email = new URLSearchParams(await readBody(request)).get("email");
  const customer = email ? { customer_details: { email } } : {};
  await deliver(completed ? "checkout.session.completed" : "checkout.session.expired", { ...session, ...customer, status: completed ? "complete" : "expired" });
  const back = (completed ? session.success_url : session.cancel_url).replace("{CHECKOUT_SESSION_ID}", session.id);
  reply(response, 303, "text/plain", "", { Location: back });
});

server.listen(Number(port), "127.0.0.1", () => console.log(`fake-stripe: listening on http://127.0.0.1:${port}, delivering to ${webhookUrl}`));
