// Shared by the kiosk and the dashboard: Singr's HTTP envelope, the hub connection, and safe DOM building.
"use strict";

window.Singr = (() => {
  const fallbackMessage = "Something went wrong. Please try again.";

  /** Calls the API; resolves to {ok, status, data} or {ok:false, status, error} (the envelope's error). */
  async function call(method, path, options = {}) {
    const headers = { Accept: "application/json" };
    if (options.body !== undefined) headers["Content-Type"] = "application/json";
    if (options.token) headers.Authorization = "Bearer " + options.token;
    Object.assign(headers, options.headers || {});
    let response;
    try {
      response = await fetch(path, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        credentials: "omit",
        cache: "no-store",
      });
    } catch {
      return { ok: false, status: 0, error: { code: "NETWORK", userMessage: "Can't reach Singr. Check the connection and try again." } };
    }

    let envelope = null;
    try {
      envelope = await response.json();
    } catch {
      envelope = null;
    }

    if (response.ok && envelope && envelope.success) {
      return { ok: true, status: response.status, data: envelope.data };
    }

    const error = (envelope && envelope.error) || { code: "HTTP_" + response.status, userMessage: fallbackMessage };
    return { ok: false, status: response.status, error };
  }

  /** What to show a person for a refusal: the API's userMessage, never its internals. */
  function userMessage(error) {
    return (error && (error.userMessage || error.message)) || fallbackMessage;
  }

  /** The per-field messages of a validation refusal. */
  function details(error) {
    return (error && Array.isArray(error.details) ? error.details : []).map((d) => d.message).filter(Boolean);
  }

  /**
   * A hub connection over WebSockets only (the ingress has no session affinity, so negotiation is skipped). The
   * library puts the token in the access_token query parameter itself; nothing else puts a token in a URL.
   * It reconnects forever, backing off to 30 s.
   */
  function hub(path, accessTokenFactory) {
    return new signalR.HubConnectionBuilder()
      .withUrl(path, {
        accessTokenFactory,
        skipNegotiation: true,
        transport: signalR.HttpTransportType.WebSockets,
      })
      .withAutomaticReconnect({
        nextRetryDelayInMilliseconds: (context) => Math.min(30000, 500 * 2 ** Math.min(context.previousRetryCount, 6)),
      })
      .configureLogging(signalR.LogLevel.Warning)
      .build();
  }

  /** Starts a connection, retrying until it is up; onAttemptFailed(error) is told of each failure. */
  async function startWithRetry(connection, onAttemptFailed) {
    for (let attempt = 0; ; attempt++) {
      try {
        await connection.start();
        return;
      } catch (error) {
        onAttemptFailed(error);
        await new Promise((resolve) => setTimeout(resolve, Math.min(30000, 500 * 2 ** Math.min(attempt, 6))));
      }
    }
  }

  /** Shows a connection's state in a status element (data-state: live, reconnecting, offline). */
  function showConnection(element, state) {
    const labels = { live: "Live", reconnecting: "Reconnecting…", offline: "Offline", connecting: "Connecting…" };
    element.textContent = labels[state] || state;
    element.dataset.state = state;
    element.className = "status " + (state === "connecting" ? "reconnecting" : state);
  }

  /** el("li", {class: "x", dataset: {testid: "y"}}, "text", child…): text always as text, never as HTML. */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null) continue;
      if (name === "dataset") Object.assign(node.dataset, value);
      else if (name === "class") node.className = value;
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value);
    }
    for (const child of children) {
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** Shows a message (ok or error) with optional detail lines in a container; empty text hides it. */
  function showMessage(element, kind, text, lines) {
    element.replaceChildren();
    if (!text) {
      element.hidden = true;
      return;
    }
    element.className = "message " + kind;
    element.append(el("span", { dataset: { testid: element.dataset.testid + "-text" } }, text));
    if (lines && lines.length > 0) {
      element.append(el("ul", null, ...lines.map((line) => el("li", null, line))));
    }
    element.hidden = false;
  }

  function newId() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") return window.crypto.randomUUID();
    const bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function readJson(key) {
    try {
      return JSON.parse(localStorage.getItem(key) || "null");
    } catch {
      return null;
    }
  }

  function writeJson(key, value) {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  }

  /** True when an ISO expiry is less than marginMs away (or unknown). */
  function expiresSoon(expiresAt, marginMs) {
    const at = Date.parse(expiresAt || "");
    return Number.isNaN(at) || at - Date.now() < marginMs;
  }

  /**
   * A sign-in answered with a two-step challenge instead of a session: pages other than account.html cannot take the
   * second step, so they say where to finish (a challenge kept as a session would be a broken sign-in).
   */
  function secondStepMessage(data) {
    return data && data.twoFactorRequired
      ? "This account uses two-step sign-in: finish signing in on the account page (/account.html), then come back."
      : null;
  }

  return { call, userMessage, details, hub, startWithRetry, showConnection, el, showMessage, newId, readJson, writeJson, expiresSoon, secondStepMessage };
})();
