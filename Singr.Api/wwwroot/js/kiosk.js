// The kiosk: a guest token for this device, the venue's live queue, and a karaoke request form.
"use strict";

(() => {
  const { call, userMessage, details, hub, startWithRetry, showConnection, el, showMessage, newId, readJson, writeJson, expiresSoon } = window.Singr;
  const $ = (testid) => document.querySelector(`[data-testid="${testid}"]`);

  const venueId = (new URLSearchParams(location.search).get("venue") || "").trim();
  const tokenKey = "singr.guest." + venueId;
  const deviceKeyKey = "singr.deviceKey";

  /** The queue as this page knows it: built from venueState, then changed by events newer than lastSeq. */
  const queue = { items: new Map(), nowPlaying: null, lastSeq: null };

  function deviceId() {
    let id = localStorage.getItem("singr.deviceId");
    if (!id || id.length < 8 || id.length > 64) {
      id = "kiosk-" + newId();
      localStorage.setItem("singr.deviceId", id);
    }
    return id;
  }

  let pendingToken = null;

  /** A guest token for this venue and device, kept in localStorage and renewed an hour before it expires. */
  function guestToken() {
    const saved = readJson(tokenKey);
    if (saved && saved.accessToken && !expiresSoon(saved.accessTokenExpiresAt, 60 * 60 * 1000)) {
      return Promise.resolve(saved.accessToken);
    }
    // The device key makes this device the same guest again; without it the server starts a new guest.
    const deviceKey = localStorage.getItem(deviceKeyKey) || undefined;
    pendingToken ??= call("POST", "/v1/auth/guest", { body: { venueId, deviceId: deviceId(), deviceKey } })
      .then((result) => {
        if (!result.ok) {
          const error = new Error(userMessage(result.error));
          error.status = result.status;
          throw error;
        }
        localStorage.setItem(deviceKeyKey, result.data.deviceKey);
        writeJson(tokenKey, { accessToken: result.data.accessToken, accessTokenExpiresAt: result.data.accessTokenExpiresAt });
        return result.data.accessToken;
      })
      .finally(() => {
        pendingToken = null;
      });
    return pendingToken;
  }

  // ----- the queue -----

  /** Applies an event only once and only in order: duplicates (a resume replays) and older events are ignored. */
  function fresh(event) {
    if (!event || typeof event.seq !== "number") return false;
    if (queue.lastSeq !== null && event.seq <= queue.lastSeq) return false;
    queue.lastSeq = event.seq;
    return true;
  }

  function onVenueState(state) {
    queue.items = new Map((state.items || []).map((item) => [item.id, item]));
    queue.nowPlaying = state.nowPlaying || null;
    queue.lastSeq = typeof state.seq === "number" ? state.seq : null;
    render();
  }

  function applyItem(item) {
    if (!item) return;
    if (item.status === "queued") {
      queue.items.set(item.id, item);
      if (queue.nowPlaying && queue.nowPlaying.id === item.id) queue.nowPlaying = null;
    } else if (item.status === "playing") {
      queue.items.delete(item.id);
      queue.nowPlaying = item;
    } else {
      queue.items.delete(item.id);
      if (queue.nowPlaying && queue.nowPlaying.id === item.id) queue.nowPlaying = null;
    }
  }

  function onItemEvent(event) {
    if (!fresh(event)) return;
    applyItem(event.item);
    render();
  }

  function onReorder(event) {
    if (!fresh(event)) return;
    for (const move of event.items || []) {
      const item = queue.items.get(move.id);
      if (item) item.position = move.position;
    }
    render();
  }

  function songLine(item) {
    const who = item.singerName || item.requestedBy;
    return [item.artist, who ? "sung by " + who : null].filter(Boolean).join(" · ");
  }

  function render() {
    const nowPlaying = $("now-playing");
    nowPlaying.replaceChildren(
      queue.nowPlaying
        ? el("div", { class: "song", dataset: { itemId: queue.nowPlaying.id } },
          el("div", { class: "title" }, queue.nowPlaying.title),
          el("div", { class: "meta" }, songLine(queue.nowPlaying)))
        : el("p", { class: "empty" }, "Nothing is playing."));

    const items = [...queue.items.values()].sort((a, b) => (a.position || 0) - (b.position || 0));
    $("queue").replaceChildren(...items.map((item, index) =>
      el("li", { dataset: { testid: "queue-item", itemId: item.id, status: item.status } },
        el("span", { class: "place", "aria-hidden": "true" }, index + 1),
        el("div", { class: "song" },
          el("div", { class: "title", dataset: { testid: "queue-item-title" } }, item.title),
          el("div", { class: "meta" }, songLine(item))),
        el("span", { class: "badge " + item.status }, item.status))));
    $("queue-empty").hidden = items.length > 0;
    $("queue-count").textContent = items.length > 0 ? `(${items.length})` : "";
  }

  // ----- this device's own requests: the host's answers and the request allowance -----

  /** A venue that approves requests answers this device's request: say so, with the host's message. */
  function onOwnRequestUpdate(event) {
    const request = event && event.request;
    if (!request || !request.approval || event.action !== "status_changed") return;
    const message = request.approval.responseMessage ? ` “${request.approval.responseMessage}”` : "";
    if (request.approval.status === "approved") {
      showMessage($("host-reply"), "ok", `The host approved “${request.title}”.${message}`);
    } else if (request.approval.status === "rejected") {
      showMessage($("host-reply"), "error", `The host couldn't take “${request.title}”.${message}`);
    }
  }

  function showQuota(quota) {
    const line = $("quota");
    if (!quota || quota.requestsAllowed === null || quota.requestsAllowed === undefined) {
      line.hidden = true;
      return;
    }
    const period = /^\d{4}-\d{2}$/.test(quota.currentPeriod || "") ? "this month" : "tonight";
    line.textContent = `${quota.requestsRemaining} of ${quota.requestsAllowed} requests left ${period}.`;
    line.hidden = false;
  }

  // ----- the live connection -----

  const status = $("connection-status");
  const connection = hub("/hubs/venue", guestToken);
  connection.on("venueState", onVenueState);
  connection.on("queue:insert", onItemEvent);
  connection.on("queue:update", onItemEvent);
  connection.on("queue:reorder", onReorder);
  connection.on("initial_data", (data) => showQuota(data && data.quota));
  connection.on("quota_update", (event) => showQuota(event && event.quota));
  connection.on("request:update", onOwnRequestUpdate);
  // Events this page has no use for, registered so the client does not warn about them.
  for (const name of ["playerStateUpdate", "playerCommand", "venueSettings"]) {
    connection.on(name, () => {});
  }

  async function join() {
    try {
      await connection.invoke("JoinVenue", venueId, queue.lastSeq);
      showConnection(status, "live");
      showMessage($("kiosk-error"), "error", "");
    } catch (error) {
      showConnection(status, "offline");
      const reason = error && error.message ? error.message.split("HubException: ").pop() : "";
      showMessage($("kiosk-error"), "error", ("Can't follow this venue's queue right now. " + reason).trim());
    }
  }

  connection.onreconnecting(() => showConnection(status, "reconnecting"));
  connection.onreconnected(join);
  connection.onclose(() => {
    showConnection(status, "offline");
    setTimeout(connect, 2000);
  });

  async function connect() {
    if (connection.state !== signalR.HubConnectionState.Disconnected) return;
    showConnection(status, "connecting");
    await startWithRetry(connection, (error) => {
      showConnection(status, "reconnecting");
      if (error && error.status === 404) {
        showMessage($("kiosk-error"), "error", error.message);
      }
    });
    await join();
  }

  // ----- requests -----

  const form = $("request-form");
  let idempotencyKey = newId();

  form.addEventListener("input", () => {
    idempotencyKey = newId(); // a changed request is a new request; a resubmitted one is the same one
  });

  form.addEventListener("submit", async (submitEvent) => {
    submitEvent.preventDefault();
    const result = $("request-result");
    const button = $("request-submit");
    const body = {
      kind: "karaoke",
      artist: form.artist.value.trim(),
      title: form.title.value.trim(),
      singer: form.singer.value.trim() || undefined,
    };
    if (!body.artist || !body.title) {
      showMessage(result, "error", "Please enter both the artist and the song title.");
      return;
    }

    button.disabled = true;
    showMessage(result, "ok", "");
    try {
      let token = await guestToken();
      let reply = await call("POST", `/v1/venues/${encodeURIComponent(venueId)}/queue`, { token, body, headers: { "Idempotency-Key": idempotencyKey } });
      if (reply.status === 401) {
        writeJson(tokenKey, null); // the token expired or was revoked: get a new one once
        token = await guestToken();
        reply = await call("POST", `/v1/venues/${encodeURIComponent(venueId)}/queue`, { token, body, headers: { "Idempotency-Key": idempotencyKey } });
      }

      if (reply.ok) {
        const item = reply.data.item || reply.data;
        showMessage(result, "ok", item.status === "pending"
          ? `Requested “${item.title}”. The host will look at it shortly.`
          : item.position > 0
            ? `Requested “${item.title}”. You're number ${item.position} in the queue.`
            : `Requested “${item.title}”.`);
        form.artist.value = "";
        form.title.value = "";
        idempotencyKey = newId();
      } else {
        showMessage(result, "error", userMessage(reply.error), details(reply.error));
      }
    } catch (error) {
      showMessage(result, "error", (error && error.message) || "Something went wrong. Please try again.");
    } finally {
      button.disabled = false;
    }
  });

  // ----- start -----

  if (!venueId) {
    showConnection(status, "offline");
    showMessage($("kiosk-error"), "error", "This kiosk has no venue: open it as kiosk.html?venue=your-venue-id.");
    form.hidden = true;
    return;
  }

  call("GET", `/v1/venues/${encodeURIComponent(venueId)}`).then((reply) => {
    if (reply.ok && reply.data && reply.data.name) {
      $("venue-name").textContent = reply.data.name;
      document.title = `Singr · ${reply.data.name}`;
    } else if (reply.status === 404) {
      showMessage($("kiosk-error"), "error", userMessage(reply.error));
    }
  });
  render();
  connect();
})();
