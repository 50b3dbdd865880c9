// The host dashboard: sign in, then every venue of the organisation live over /hubs/customer.
"use strict";

(() => {
  const { call, userMessage, details, hub, startWithRetry, showConnection, el, showMessage, readJson, writeJson, expiresSoon, secondStepMessage } = window.Singr;
  const $ = (testid) => document.querySelector(`[data-testid="${testid}"]`);
  const sessionKey = "singr.host.session";
  const activeStatuses = new Set(["pending", "queued", "playing"]);
  const endedShown = 50;

  /** Requests by id, each with the venue sequence number it was last changed at; venues by slug. */
  const state = { requests: new Map(), venues: new Map() };
  let connection = null;
  let refreshing = null;

  // ----- the session: access token (15 min) and rotating refresh token, in localStorage -----

  const session = () => readJson(sessionKey);

  function refreshSession() {
    refreshing ??= (async () => {
      const current = session();
      if (!current || !current.refreshToken) throw new Error("Signed out.");
      const reply = await call("POST", "/v1/auth/refresh", { body: { refreshToken: current.refreshToken } });
      if (!reply.ok) {
        signedOut(userMessage(reply.error));
        throw new Error(userMessage(reply.error));
      }
      writeJson(sessionKey, reply.data);
      return reply.data.accessToken;
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  /** A current access token: refreshed when it has less than a minute left. */
  function accessToken() {
    const current = session();
    if (!current) return Promise.reject(new Error("Signed out."));
    return expiresSoon(current.accessTokenExpiresAt, 60 * 1000) ? refreshSession() : Promise.resolve(current.accessToken);
  }

  /** An API call as the host; one retry with a refreshed token after a 401. */
  async function hostCall(method, path, body) {
    let reply = await call(method, path, { token: await accessToken(), body });
    if (reply.status === 401) {
      reply = await call(method, path, { token: await refreshSession(), body });
    }
    return reply;
  }

  // ----- what the dashboard shows -----

  /** Applies a request at a sequence number: only if it is newer than what this page has for it. */
  function applyRequest(venueId, request, seq) {
    if (!request || !request.id) return;
    const known = state.requests.get(request.id);
    if (known && typeof seq === "number" && typeof known.seq === "number" && seq <= known.seq) return;
    state.requests.set(request.id, { ...(known || {}), ...request, venueId, seq: typeof seq === "number" ? seq : known && known.seq });
  }

  /** A request deleted by a host (one, or many cleared by a filter) leaves the dashboard. */
  function applyDeleted(event) {
    for (const id of [event.request && event.request.id, ...(event.ids || [])].filter(Boolean)) {
      state.requests.delete(id);
    }
  }

  function applyPendingCount(event) {
    const venue = state.venues.get(event.venueId) || { venueId: event.venueId, name: event.venueId };
    if (typeof venue.seq === "number" && typeof event.seq === "number" && event.seq < venue.seq) return;
    state.venues.set(event.venueId, { ...venue, pendingCount: event.pendingCount, awaitingApproval: event.awaitingApproval || 0, seq: event.seq });
    render();
  }

  function applyPlayerState(event) {
    const venue = state.venues.get(event.venueId);
    if (!venue) return;
    if (typeof venue.playerSeq === "number" && typeof event.seq === "number" && event.seq <= venue.playerSeq) return;
    state.venues.set(event.venueId, { ...venue, playerStatus: event.status, playerSeq: event.seq });
    render();
    if (playersShown === event.venueId) showPlayers(state.venues.get(event.venueId));
  }

  function render() {
    const venues = [...state.venues.values()].sort((a, b) => String(a.name).localeCompare(String(b.name)));
    $("venues").replaceChildren(...venues.map((venue) =>
      el("li", { dataset: { testid: "venue-pending", venueId: venue.venueId } },
        el("span", null, venue.name || venue.venueId,
          venue.playerStatus ? el("span", { class: "meta player " + venue.playerStatus, dataset: { testid: "player-status" } }, " · player " + venue.playerStatus) : null),
        el("span", { class: "count" },
          el("span", { dataset: { testid: "pending-count" } }, venue.pendingCount ?? "…"), " waiting",
          venue.awaitingApproval ? el("span", null, " · ", el("span", { dataset: { testid: "awaiting-count" } }, venue.awaitingApproval), " to approve") : null),
        el("span", { class: "actions" },
          el("button", { type: "button", class: "secondary", dataset: { testid: "pair-player" }, onclick: (click) => pairPlayer(venue, click.currentTarget) }, "Pair a player"),
          el("button", { type: "button", class: "secondary", dataset: { testid: "show-players" }, onclick: () => showPlayers(venue) }, "Screens")))));
    $("venues-empty").hidden = venues.length > 0;

    const all = [...state.requests.values()];
    const active = all.filter((r) => activeStatuses.has(r.status))
      .sort((a, b) => (a.status === "playing" ? -1 : 0) - (b.status === "playing" ? -1 : 0) || String(a.requestedAt).localeCompare(String(b.requestedAt)));
    const ended = all.filter((r) => !activeStatuses.has(r.status))
      .sort((a, b) => String(b.requestedAt).localeCompare(String(a.requestedAt)))
      .slice(0, endedShown);
    $("requests").replaceChildren(...[...active, ...ended].map(requestRow));
    $("requests-empty").hidden = active.length + ended.length > 0;
  }

  function requestRow(request) {
    const venue = state.venues.get(request.venueId);
    const who = request.singerName || request.requestedBy;
    const meta = [request.artist, who ? "for " + who : null, venue && state.venues.size > 1 ? venue.name : null].filter(Boolean).join(" · ");
    const skip = request.status === "queued" || request.status === "playing"
      ? el("button", { type: "button", class: "secondary", dataset: { testid: "skip-button" }, onclick: (e) => skipRequest(request, e.currentTarget) }, "Skip")
      : null;
    const reply = request.approval && request.approval.patronReply
      ? el("div", { class: "meta", dataset: { testid: "patron-reply" } }, "Patron replied: ", request.approval.patronReply)
      : null;
    return el("li", { dataset: { testid: "request-row", requestId: request.id, status: request.status } },
      el("div", { class: "song" },
        el("div", { class: "title", dataset: { testid: "request-title" } }, request.title),
        el("div", { class: "meta" }, meta),
        reply,
        request.status === "pending" ? answerForm(request) : null),
      el("span", { class: "badge " + request.status, dataset: { testid: "request-status" } }, request.status),
      skip);
  }

  /** Approve or reject a request awaiting approval, with an optional message the patron sees. */
  function answerForm(request) {
    const message = el("input", { type: "text", maxlength: "500", placeholder: "Message to the patron (optional)", dataset: { testid: "response-message" } });
    const answer = (status) => (e) => respond(request, status, message.value.trim(), e.currentTarget);
    return el("div", { class: "answer" },
      message,
      el("button", { type: "button", dataset: { testid: "approve-button" }, onclick: answer("approved") }, "Approve"),
      el("button", { type: "button", class: "secondary", dataset: { testid: "reject-button" }, onclick: answer("rejected") }, "Reject"));
  }

  async function respond(request, status, message, button) {
    button.disabled = true;
    showMessage($("dashboard-error"), "error", "");
    const reply = await hostCall("POST", `/v1/customer/requests/${encodeURIComponent(request.id)}/respond`, { status, message: message || undefined });
    if (!reply.ok) {
      button.disabled = false;
      showMessage($("dashboard-error"), "error", userMessage(reply.error), details(reply.error));
    }
    // On success the answer arrives as request:update, like every other change.
  }

  /** A code for the venue's player screen: typed on player.html within 10 minutes, it pairs that screen. */
  async function pairPlayer(venue, button) {
    button.disabled = true;
    const reply = await hostCall("POST", `/v1/venues/${encodeURIComponent(venue.venueId)}/players/pairing-codes`);
    button.disabled = false;
    if (reply.ok) {
      showMessage($("dashboard-error"), "ok", `Open player.html on the venue's screen and type ${reply.data.code} (good for 10 minutes).`);
    } else {
      showMessage($("dashboard-error"), "error", userMessage(reply.error), details(reply.error));
    }
  }

  /** The venue's paired screens: which one holds the lease, and a hand-over to any other active one. */
  let playersShown = null;

  async function showPlayers(venue) {
    playersShown = venue.venueId;
    const path = `/v1/venues/${encodeURIComponent(venue.venueId)}`;
    const [players, lease] = await Promise.all([hostCall("GET", `${path}/players`), hostCall("GET", `${path}/player`)]);
    if (!players.ok || !lease.ok) {
      const error = players.ok ? lease.error : players.error;
      showMessage($("dashboard-error"), "error", userMessage(error), details(error));
      return;
    }
    $("players-venue").textContent = venue.name || venue.venueId;
    $("players").replaceChildren(...players.data.filter((player) => player.active).map((player) => {
      const holds = lease.data.leaseHolder === player.playerId;
      return el("li", { dataset: { testid: "player-row", playerId: player.playerId, holder: String(holds) } },
        el("span", null, player.deviceId, el("span", { class: "meta" }, ` · paired ${new Date(player.pairedAt).toLocaleString()}`)),
        holds
          ? el("span", { class: "badge playing", dataset: { testid: "lease-holder" } }, `the player (${lease.data.status})`)
          : el("button", { type: "button", dataset: { testid: "hand-over" }, onclick: (click) => handOver(venue, player, click.currentTarget) }, "Make this the player"));
    }));
    $("players-panel").hidden = false;
  }

  async function handOver(venue, player, button) {
    button.disabled = true;
    const reply = await hostCall("POST", `/v1/venues/${encodeURIComponent(venue.venueId)}/player/lease`, { playerId: player.playerId });
    if (!reply.ok) {
      button.disabled = false;
      showMessage($("dashboard-error"), "error", userMessage(reply.error), details(reply.error));
      return;
    }
    showMessage($("dashboard-error"), "ok", `${player.deviceId} is now the venue's player.`);
    showPlayers(venue);
  }

  async function skipRequest(request, button) {
    button.disabled = true;
    showMessage($("dashboard-error"), "error", "");
    const reply = await hostCall("PATCH",
      `/v1/venues/${encodeURIComponent(request.venueId)}/queue/${encodeURIComponent(request.id)}`, { status: "skipped" });
    if (!reply.ok) {
      button.disabled = false;
      showMessage($("dashboard-error"), "error", userMessage(reply.error), details(reply.error));
    }
    // On success the change arrives as request:update, from whichever process the venue lives on.
  }

  /** What was already waiting before this page connected: each venue's queue, at its sequence number. */
  async function loadQueues() {
    const venues = await hostCall("GET", "/v1/customer/venues?limit=100");
    if (!venues.ok) {
      showMessage($("dashboard-error"), "error", userMessage(venues.error));
      return;
    }
    for (const venue of venues.data.items) {
      const known = state.venues.get(venue.venueId) || {};
      state.venues.set(venue.venueId, { ...known, venueId: venue.venueId, name: venue.name });
    }
    render();
    await Promise.all(venues.data.items.map(async (venue) => {
      const queue = await hostCall("GET", `/v1/venues/${encodeURIComponent(venue.venueId)}/queue`);
      if (!queue.ok) return;
      applyPlayerState({ venueId: venue.venueId, status: queue.data.playerStatus, seq: queue.data.seq });
      for (const item of [queue.data.nowPlaying, ...queue.data.items].filter(Boolean)) {
        applyRequest(venue.venueId, item, queue.data.seq);
      }
    }));
    const awaiting = await hostCall("GET", "/v1/customer/requests?status=pending&limit=100");
    if (awaiting.ok) {
      for (const request of awaiting.data.items) applyRequest(request.venueId, request);
    }
    render();
  }

  // ----- the live connection -----

  function connect() {
    const status = $("connection-status");
    status.hidden = false;
    connection = hub("/hubs/customer", accessToken);
    connection.on("connected", () => showConnection(status, "live"));
    connection.on("pending_count_update", applyPendingCount);
    connection.on("playerStateUpdate", applyPlayerState);
    connection.on("request:new", (event) => {
      applyRequest(event.venueId, event.request, event.seq);
      render();
    });
    connection.on("request:update", (event) => {
      if (event.action === "deleted") applyDeleted(event);
      else applyRequest(event.venueId, event.request, event.seq);
      render();
    });
    connection.onreconnecting(() => showConnection(status, "reconnecting"));
    connection.onreconnected(() => {
      showConnection(status, "live");
      loadQueues();
    });
    connection.onclose(() => {
      showConnection(status, "offline");
      if (session()) setTimeout(() => start(connection), 2000);
    });
    start(connection);
  }

  async function start(current) {
    if (current !== connection || current.state !== signalR.HubConnectionState.Disconnected) return;
    showConnection($("connection-status"), "connecting");
    await startWithRetry(current, () => showConnection($("connection-status"), "reconnecting"));
    showConnection($("connection-status"), "live");
    await loadQueues();
  }

  // ----- signing in and out -----

  function signedIn() {
    const current = session();
    $("signin").hidden = true;
    $("dashboard").hidden = false;
    $("signed-in-as").textContent = (current.user && (current.user.name || current.user.email)) || "host";
    connect();
  }

  function signedOut(message) {
    writeJson(sessionKey, null);
    const old = connection;
    connection = null;
    if (old) old.stop();
    state.requests.clear();
    state.venues.clear();
    $("dashboard").hidden = true;
    $("connection-status").hidden = true;
    $("signin").hidden = false;
    showMessage($("signin-error"), "error", message || "");
  }

  $("signin-form").addEventListener("submit", async (submitEvent) => {
    submitEvent.preventDefault();
    const form = submitEvent.currentTarget;
    const button = $("signin-submit");
    button.disabled = true;
    showMessage($("signin-error"), "error", "");
    const reply = await call("POST", "/v1/auth/login", { body: { email: form.email.value.trim(), password: form.password.value } });
    button.disabled = false;
    if (!reply.ok) {
      showMessage($("signin-error"), "error", userMessage(reply.error), details(reply.error));
      return;
    }
    form.password.value = "";
    if (secondStepMessage(reply.data)) {
      showMessage($("signin-error"), "error", secondStepMessage(reply.data));
      return;
    }
    writeJson(sessionKey, reply.data);
    signedIn();
  });

  $("signout").addEventListener("click", async () => {
    const current = session();
    if (current && current.refreshToken) {
      await call("POST", "/v1/auth/logout", { body: { refreshToken: current.refreshToken } });
    }
    signedOut();
  });

  if (session()) signedIn();
  else signedOut();
})();
