// The kiosk: a guest token for this device (or the patron's own account once they sign in), the venue's live queue,
// songbook search, a karaoke request form, this device's own requests and a signed-in patron's notifications.
"use strict";

(() => {
  const { call, userMessage, details, hub, startWithRetry, showConnection, el, showMessage, newId, readJson, writeJson, expiresSoon, secondStepMessage } = window.Singr;
  const $ = (testid) => document.querySelector(`[data-testid="${testid}"]`);

  const venueId = (new URLSearchParams(location.search).get("venue") || "").trim();
  const tokenKey = "singr.guest." + venueId;
  const deviceKeyKey = "singr.deviceKey";

  const queue = window.SingrLiveQueue(() => {
    render();
    renderMine();
  });

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

  // ----- a patron's own account: signed in here, the kiosk requests as them and shows their notifications -----

  const patronKey = "singr.patron.session";
  const patronSession = () => readJson(patronKey);
  let refreshingPatron = null;

  function signedOutPatron() {
    writeJson(patronKey, null);
    showPatron();
  }

  function refreshPatron() {
    refreshingPatron ??= (async () => {
      const current = patronSession();
      if (!current || !current.refreshToken) throw new Error("Signed out.");
      const reply = await call("POST", "/v1/auth/refresh", { body: { refreshToken: current.refreshToken } });
      if (!reply.ok) {
        signedOutPatron();
        throw new Error(userMessage(reply.error));
      }
      writeJson(patronKey, reply.data);
      return reply.data.accessToken;
    })().finally(() => {
      refreshingPatron = null;
    });
    return refreshingPatron;
  }

  /** The signed-in patron's access token (refreshed when it has less than a minute left), or null for a guest. */
  function patronToken() {
    const current = patronSession();
    if (!current || !current.accessToken) return null;
    return expiresSoon(current.accessTokenExpiresAt, 60 * 1000) ? refreshPatron() : Promise.resolve(current.accessToken);
  }

  /** Who this kiosk acts as: the signed-in patron, else this device's guest. */
  function token() {
    return patronToken() || guestToken();
  }

  // ----- the queue -----

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

    const items = queue.ordered();
    $("queue").replaceChildren(...items.map((item, index) =>
      el("li", { dataset: { testid: "queue-item", itemId: item.id, status: item.status } },
        el("span", { class: "place", "aria-hidden": "true" }, index + 1),
        el("div", { class: "song" },
          el("div", { class: "title", dataset: { testid: "queue-item-title" } }, item.title),
          el("div", { class: "meta" }, songLine(item))),
        el("span", { class: "badge " + item.status }, item.status))));
    $("queue-empty").hidden = items.length > 0;
    showPrice(queue.prices);
    showVenueKind(queue.prices);
    showCredits(null);
    $("queue-count").textContent = items.length > 0 ? `(${items.length})` : "";
  }

  // ----- this device's own requests: the host's answers and the request allowance -----

  /** A venue that approves requests answers this device's request: say so, with the host's message. */
  function onOwnRequestUpdate(event) {
    refreshMineSoon();
    refreshNotificationsSoon();
    const request = event && event.request;
    if (request && event.action === "up_next") {
      showMessage($("host-reply"), "ok", `Two songs to go before “${request.title}”. Get ready!`);
      return;
    }
    if (!request || !request.approval || event.action !== "status_changed") return;
    const message = request.approval.responseMessage ? ` “${request.approval.responseMessage}”` : "";
    if (request.approval.status === "approved") {
      showMessage($("host-reply"), "ok", `The host approved “${request.title}”.${message}`);
    } else if (request.approval.status === "rejected") {
      showMessage($("host-reply"), "error", `The host couldn't take “${request.title}”.${message}`);
    }
  }

  const statusText = {
    pending: "waiting for the host",
    playing: "on now",
    played: "sung",
    skipped: "skipped",
    removed: "removed",
    failed: "couldn't be played",
    rejected: "not taken",
  };

  function clock(iso) {
    const at = new Date(iso);
    return isNaN(at) ? "" : at.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  }

  function whereItStands(request) {
    if (request.status === "queued") {
      const place = request.position === 1 ? "next up" : `number ${request.position} in the queue`;
      return request.estimatedStartAt ? `${place} · about ${clock(request.estimatedStartAt)}` : place;
    }
    return statusText[request.status] || request.status;
  }

  /** This device's requests as last fetched; their place and start come from the live queue as it moves. */
  let mine = [];

  /** Requests the server was asked about once after they left the queue: its answer stands, with no asking again. */
  const askedAfterLeaving = new Set();

  async function refreshMine() {
    const reply = await call("GET", `/v1/venues/${encodeURIComponent(venueId)}/requests/mine`, { token: await token() });
    if (!reply.ok) return;
    mine = reply.data || [];
    renderMine();
  }

  /**
   * Renders "my requests" from the live queue: a queued one shows its place now, a playing one is on. Only a request
   * that left the queue (its ending is not in the room's events) sends the page back to the server.
   */
  function renderMine() {
    let ended = false;
    const live = mine.map((request) => {
      const queued = queue.ordered().find((item) => item.id === request.id);
      if (queued) return { ...request, status: "queued", position: queued.position, estimatedStartAt: queued.estimatedStartAt };
      if (queue.nowPlaying && queue.nowPlaying.id === request.id) return { ...request, status: "playing" };
      if ((request.status === "queued" || request.status === "playing") && !askedAfterLeaving.has(request.id)) {
        askedAfterLeaving.add(request.id);
        ended = true;
      }
      return request;
    });
    if (ended) refreshMineSoon();
    $("my-requests").replaceChildren(...live.map((request) =>
      el("li", { dataset: { testid: "my-request", requestId: request.id, status: request.status } },
        el("div", { class: "song" },
          el("div", { class: "title" }, request.title),
          el("div", { class: "meta", dataset: { testid: "my-request-status" } }, whereItStands(request))),
        el("span", { class: "badge " + request.status }, request.status))));
    $("mine-empty").hidden = live.length > 0;
  }

  let mineTimer = null;

  /** Queue changes come in bursts; ask for this device's requests once they settle. */
  function refreshMineSoon() {
    clearTimeout(mineTimer);
    mineTimer = setTimeout(() => refreshMine().catch(() => {}), 400);
  }

  /** The cost before anyone asks: every request in a PAID venue, going ahead of the free ones in a HYBRID one. */
  function showPrice(prices) {
    const line = $("price");
    const credits = (n) => `${n} credit${n === 1 ? "" : "s"}`;
    const when = prices && prices.chargeAt === "ON_PLAY" ? ", taken when it plays" : "";
    line.textContent = !prices ? ""
      : prices.mode === "PAID" ? `Each request costs ${credits(prices.costPerSong)}${when}.`
        : prices.mode === "HYBRID" ? `Requests are free; ${credits(prices.priorityCost)} puts yours ahead of the free ones${when}.`
          : "";
    line.hidden = !line.textContent;
  }

  // ----- credits: the balance of this device's wallet, and packages to buy through Stripe Checkout -----

  let packages = null;
  let balance = null;

  /** Shown where requests cost credits: the balance (the latest the venue sent), and a button per package. */
  async function showCredits(credits) {
    balance = credits || balance;
    const prices = queue.prices;
    const panel = $("credits-panel");
    panel.hidden = !prices || prices.mode === "FREEPLAY";
    if (panel.hidden) return;
    if (balance) $("credits-balance").textContent = `You have ${balance.available} credit${balance.available === 1 ? "" : "s"} to spend.`;
    if (packages === null) {
      packages = [];
      const listed = await call("GET", `/v1/credits/packages?venueId=${encodeURIComponent(venueId)}`);
      packages = listed.ok ? listed.data : [];
      $("packages").replaceChildren(...packages.map((offer) =>
        el("button", { type: "button", class: "secondary", dataset: { testid: "buy-" + offer.name }, onclick: (click) => buy(offer, click.currentTarget) },
          `${offer.credits} credits · ${(offer.priceCents / 100).toLocaleString(undefined, { style: "currency", currency: offer.currency.toUpperCase() })}`)));
    }
  }

  /** Opens Stripe's checkout for a package; the credits arrive when Stripe confirms the payment. */
  async function buy(offer, button) {
    button.disabled = true;
    localStorage.setItem("singr.lastVenue", venueId);
    const reply = await call("POST", "/v1/users/me/credits/purchase", {
      token: await token(),
      body: { package: offer.name, venueId },
      headers: { "Idempotency-Key": button.dataset.attempt || (button.dataset.attempt = newId()) },
    });
    if (reply.ok) {
      location.assign(reply.data.url);
      return;
    }
    button.disabled = false;
    showMessage($("credits-result"), "error", userMessage(reply.error), details(reply.error));
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

  // ----- the signed-in patron's notifications: what hosts answered, kept for when they were not looking -----

  const noticeText = {
    request_approved: (n) => `The host approved “${n.title}”.`,
    request_rejected: (n) => `The host couldn't take “${n.title}”.`,
    request_fulfilled: (n) => `“${n.title}” was sung. Thanks!`,
    request_replied: (n) => `${n.singerName || "The patron"} replied about “${n.title}”.`,
  };

  function showPatron() {
    const current = patronSession();
    $("patron-signin").hidden = !!current;
    $("patron-inbox").hidden = !current;
    $("patron-name").textContent = current && current.user ? current.user.nickname || current.user.name || current.user.email : "";
    if (!current) {
      $("notifications").replaceChildren();
      $("notifications-unread").hidden = true;
    }
  }

  function renderNotifications(inbox) {
    const items = inbox.items || [];
    $("notifications").replaceChildren(...items.map((n) =>
      el("li", { dataset: { testid: "notification", notificationId: n.id, kind: n.kind, read: String(!!n.readAt) } },
        el("div", { class: "song" },
          el("div", { class: "title" }, (noticeText[n.kind] || ((x) => x.title))(n)),
          el("div", { class: "meta" }, [n.message ? `“${n.message}”` : null, n.venueName, clock(n.createdAt)].filter(Boolean).join(" · "))),
        n.readAt
          ? el("span", { class: "badge" }, "read")
          : el("button", { type: "button", class: "secondary", dataset: { testid: "notification-read" }, onclick: () => markRead(n.id) }, "Mark read"))));
    $("notifications-empty").hidden = items.length > 0;
    const badge = $("notifications-unread");
    badge.textContent = inbox.unreadCount > 0 ? String(inbox.unreadCount) : "";
    badge.hidden = !(inbox.unreadCount > 0);
    $("notifications-read-all").hidden = !(inbox.unreadCount > 0);
  }

  /** Calls the API as the signed-in patron, once more with a refreshed token after a 401. */
  async function patronCall(method, path) {
    const current = patronToken();
    if (!current) return null;
    let reply = await call(method, path, { token: await current });
    if (reply.status === 401 && patronSession()) reply = await call(method, path, { token: await refreshPatron() });
    return reply;
  }

  async function refreshNotifications() {
    showPatron();
    const reply = await patronCall("GET", "/v1/users/me/notifications?limit=20");
    if (reply && reply.ok) renderNotifications(reply.data);
  }

  let notificationsTimer = null;

  function refreshNotificationsSoon() {
    clearTimeout(notificationsTimer);
    notificationsTimer = setTimeout(() => refreshNotifications().catch(() => {}), 400);
  }

  async function markRead(id) {
    await patronCall("POST", `/v1/users/me/notifications/${encodeURIComponent(id)}/read`);
    await refreshNotifications();
  }

  $("notifications-read-all").addEventListener("click", async () => {
    await patronCall("POST", "/v1/users/me/notifications/read-all");
    await refreshNotifications();
  });

  /** Signing in or out changes who the kiosk acts as: its requests, its hub connection and its notifications. */
  function actAsNewCaller() {
    mine = [];
    askedAfterLeaving.clear();
    renderMine();
    refreshMine().catch(() => {});
    refreshNotifications().catch(() => {});
    connection.stop().then(connect).catch(() => {});
  }

  $("patron-signin").addEventListener("submit", async (submitEvent) => {
    submitEvent.preventDefault();
    const signin = $("patron-signin");
    const button = $("patron-signin-submit");
    button.disabled = true;
    showMessage($("patron-signin-error"), "error", "");
    const reply = await call("POST", "/v1/auth/login", { body: { email: signin.email.value.trim(), password: signin.password.value } });
    button.disabled = false;
    if (!reply.ok) {
      showMessage($("patron-signin-error"), "error", userMessage(reply.error));
      return;
    }
    signin.password.value = "";
    if (secondStepMessage(reply.data)) {
      showMessage($("patron-signin-error"), "error", secondStepMessage(reply.data));
      return;
    }
    writeJson(patronKey, reply.data);
    actAsNewCaller();
  });

  $("patron-signout").addEventListener("click", async () => {
    const current = patronSession();
    signedOutPatron();
    if (current && current.refreshToken) call("POST", "/v1/auth/logout", { body: { refreshToken: current.refreshToken } }).catch(() => {});
    actAsNewCaller();
  });

  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") refreshNotificationsSoon();
  });

  // ----- the live connection -----

  const status = $("connection-status");
  const connection = hub("/hubs/venue", token);
  queue.follow(connection);
  connection.on("initial_data", (data) => {
    showQuota(data && data.quota);
    showCredits(data && data.credits);
  });
  connection.on("quota_update", (event) => {
    showQuota(event && event.quota);
    showCredits(event && event.credits);
  });
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

  /** Sends a request, renewing an expired guest token once; the key makes a retried request the same request. */
  async function sendRequest(body, key) {
    const path = `/v1/venues/${encodeURIComponent(venueId)}/queue`;
    let reply = await call("POST", path, { token: await token(), body, headers: { "Idempotency-Key": key } });
    if (reply.status === 401) {
      // The token expired or was revoked: a patron's is refreshed, a guest gets a new one, once.
      if (patronSession()) {
        reply = await call("POST", path, { token: await refreshPatron(), body, headers: { "Idempotency-Key": key } });
      } else {
        writeJson(tokenKey, null);
        reply = await call("POST", path, { token: await guestToken(), body, headers: { "Idempotency-Key": key } });
      }
    }
    return reply;
  }

  function showAccepted(item) {
    showMessage($("request-result"), "ok", item.status === "pending"
      ? `Requested “${item.title}”. The host will look at it shortly.`
      : item.position > 0
        ? `Requested “${item.title}”. You're number ${item.position} in the queue.`
        : `Requested “${item.title}”.`);
    refreshMineSoon();
  }

  // ----- the songbook, or at a jukebox venue the videos -----

  const search = $("song-search");
  let searchTimer = null;
  let searchSeq = 0;
  let jukebox = false;

  /** A venue that takes videos and no karaoke is a jukebox: the search finds videos, and there is no karaoke form. */
  function showVenueKind(prices) {
    const isJukebox = !!prices && prices.acceptJukebox === true && prices.acceptKaraoke === false;
    if (isJukebox === jukebox) return;
    jukebox = isJukebox;
    $("search-label").textContent = jukebox ? "Search for a song or a music video" : "Search the songbook";
    for (const field of document.querySelectorAll("[data-karaoke-only]")) field.hidden = jukebox;
    $("search-results").replaceChildren();
    $("search-empty").hidden = true;
    if (search.value.trim()) runSearch().catch(() => {});
  }

  const videoCost = (n) => (n === 0 ? "free" : `${n} credit${n === 1 ? "" : "s"}`);
  const minutes = (s) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;

  async function runSearch() {
    const q = search.value.trim();
    const seq = ++searchSeq;
    if (q.length < 2) {
      $("search-results").replaceChildren();
      $("search-empty").hidden = true;
      return;
    }
    const kind = jukebox ? "&kind=jukebox" : "";
    const reply = await call("GET", `/v1/venues/${encodeURIComponent(venueId)}/songs/search?q=${encodeURIComponent(q)}&limit=10${kind}`, { token: await token() });
    if (seq !== searchSeq) return; // a later keystroke's answer wins
    if (jukebox) {
      showVideos(reply);
      return;
    }
    if (!reply.ok) return;
    const songs = reply.data || [];
    $("search-results").replaceChildren(...songs.map((song) =>
      el("li", {},
        el("button", { type: "button", dataset: { testid: "search-result", songId: song.songId }, onclick: () => requestFromSongbook(song) },
          el("div", { class: "song" },
            el("div", { class: "title" }, song.title),
            el("div", { class: "meta" }, [song.artist, song.discId].filter(Boolean).join(" · "))),
          el("span", { class: "add" }, "Request")))));
    $("search-empty").hidden = songs.length > 0;
  }

  /** Videos with what each costs here; a refusal (search off, the day's quota spent) says why instead. */
  function showVideos(reply) {
    const empty = $("search-empty");
    const videos = reply.ok ? reply.data || [] : [];
    $("search-results").replaceChildren(...videos.map((video) =>
      el("li", {},
        el("button", { type: "button", dataset: { testid: "search-result", youtubeId: video.youtubeId }, onclick: () => requestVideo(video) },
          el("div", { class: "song" },
            el("div", { class: "title" }, video.title),
            el("div", { class: "meta" }, [video.artist, minutes(video.durationSeconds)].join(" · "))),
          el("span", { class: "add", dataset: { testid: "search-result-credits" } }, videoCost(video.credits))))));
    empty.textContent = reply.ok ? "No video matches. Try other words." : userMessage(reply.error);
    empty.hidden = videos.length > 0;
  }

  search.addEventListener("input", () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => runSearch().catch(() => {}), 250);
  });

  /** A song picked from the search results: requested at once, and the search cleared once the venue took it. */
  async function requestPicked(body) {
    const result = $("request-result");
    showMessage(result, "ok", "");
    try {
      const reply = await sendRequest(body, newId());
      if (reply.ok) {
        showAccepted(reply.data.item || reply.data);
        search.value = "";
        $("search-results").replaceChildren();
      } else {
        showMessage(result, "error", userMessage(reply.error), details(reply.error));
      }
    } catch (error) {
      showMessage(result, "error", (error && error.message) || "Something went wrong. Please try again.");
    }
  }

  function requestFromSongbook(song) {
    return requestPicked({ songId: song.songId, singer: form.singer.value.trim() || undefined });
  }

  function requestVideo(video) {
    return requestPicked({
      kind: "jukebox",
      youtubeId: video.youtubeId,
      title: video.title,
      artist: video.artist,
      duration: video.durationSeconds,
      thumbnailUrl: video.thumbnailUrl || undefined,
    });
  }

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
      const reply = await sendRequest(body, idempotencyKey);
      if (reply.ok) {
        showAccepted(reply.data.item || reply.data);
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
  refreshMine().catch(() => {});
  refreshNotifications().catch(() => {});
})();
