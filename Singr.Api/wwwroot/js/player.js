// The venue's player screen: paired once with a code, it holds the venue's player lease and is the truth about what
// plays. It plays the queue in order, reports each change and a heartbeat, and carries out the host's commands.
// Offline first: it keeps its copy of the queue on the device and plays on through an outage; each song it finishes
// is a record with its own key, kept until the venue has taken it (player:queue_snapshot), so nothing is lost or
// counted twice.
"use strict";

(() => {
  const { call, userMessage, details, hub, startWithRetry, showConnection, el, showMessage, newId, readJson, writeJson } = window.Singr;
  const $ = (testid) => document.querySelector(`[data-testid="${testid}"]`);

  const credentialKey = "singr.player";
  const deviceIdKey = "singr.playerDeviceId";
  const heartbeatMs = 5000;

  /** What this screen is doing, as it tells the venue. */
  const screen = {
    item: null, status: "idle", stopped: false, volume: 75, quality: null, fence: null, lastCommandSeq: 0, standby: false,
    startedAt: null, heard: false,
  };
  const store = window.SingrPlayerStore;

  /** What the venue has not taken yet: songs finished (records) and songs added here (pending_local). */
  const pending = { records: [], added: [] };

  let credential = readJson(credentialKey);
  let adapter = null;
  let connection = null;
  let joined = false;
  let resumed = false;

  /** Songs this screen has finished, so a queue event that arrives late never plays one again. */
  const finished = new Set();
  const queue = window.SingrLiveQueue(onQueueChanged);

  function deviceId() {
    let id = localStorage.getItem(deviceIdKey);
    if (!id) {
      id = "screen-" + newId();
      localStorage.setItem(deviceIdKey, id);
    }
    return id;
  }

  // ----- pairing -----

  $("pairing-form").addEventListener("submit", async (submitEvent) => {
    submitEvent.preventDefault();
    const result = $("pairing-result");
    const code = $("pairing-code").value.trim();
    if (!code) {
      showMessage(result, "error", "Type the code the host dashboard shows.");
      return;
    }
    const reply = await call("POST", "/v1/players/pair", { body: { code, deviceId: deviceId() } });
    if (!reply.ok) {
      showMessage(result, "error", userMessage(reply.error), details(reply.error));
      return;
    }
    credential = reply.data;
    writeJson(credentialKey, credential);
    start();
  });

  // ----- playing -----

  function startItem(item) {
    screen.item = item;
    screen.status = "buffering";
    screen.startedAt = new Date().toISOString();
    screen.heard = false;
    fadeIn();
    render();
    adapter.load(item);
    report();
  }

  /** The picture fades in over the venue's crossfade seconds. */
  function fadeIn() {
    const video = $("video");
    const seconds = playerSettings().crossfadeSeconds || 0;
    video.style.transition = "none";
    video.style.opacity = seconds > 0 ? "0" : "1";
    if (seconds > 0) {
      requestAnimationFrame(() => {
        video.style.transition = `opacity ${seconds}s ease-in`;
        video.style.opacity = "1";
      });
    }
  }

  /** The venue's screen settings, with the seed's defaults until the venue's state arrives. */
  function display() {
    return queue.display || { showNowPlaying: true, nowPlayingPosition: "footer", showUpNext: true, upNextCount: 3, scrollingMessage: "", theme: "dark", fontSize: "medium" };
  }

  function playerSettings() {
    return queue.playerSettings || { volume: 75, autoplay: true, shuffle: false, repeat: false, videoQuality: "hd720", crossfadeSeconds: 3 };
  }

  let appliedSettings = null;

  /** A host changed how the screen plays: its volume and quality now; autoplay from the next song on. */
  function applyPlayerSettings() {
    const settings = playerSettings();
    const key = `${settings.volume}|${settings.videoQuality}`;
    if (!adapter || key === appliedSettings) return;
    appliedSettings = key;
    setVolume(settings.volume);
    screen.quality = settings.videoQuality;
    adapter.setQuality(settings.videoQuality);
  }

  /**
   * The song playing ends as <outcome> (played, skipped, failed): a record with its own key, kept on the device until
   * the venue has taken it; then the screen moves on.
   */
  function moveOn(outcome, byHost = false) {
    const item = screen.item;
    if (item) {
      finished.add(item.id);
      const record = {
        key: newId(),
        itemId: item.id,
        outcome,
        heard: screen.heard || outcome === "played",
        startedAt: screen.startedAt,
        endedAt: new Date().toISOString(),
      };
      pending.records.push(record);
      store.record(record).catch(() => {});
    }
    next(byHost);
  }

  /** The song to play next from the screen's copy of the queue: the first, or any one when the venue shuffles. */
  function following() {
    const waiting = queue.ordered().filter((queued) => !finished.has(queued.id));
    if (waiting.length === 0) return null;
    return playerSettings().shuffle ? waiting[Math.floor(Math.random() * waiting.length)] : waiting[0];
  }

  /**
   * Moves on: the next queued song, or nothing when the queue is empty or a host stopped the player. On its own
   * (a song ended, a song was queued) it moves on only with autoplay; a host's play or skip always does.
   */
  function next(byHost = false) {
    const waitForHost = !byHost && !playerSettings().autoplay;
    const song = screen.stopped || waitForHost ? null : following();
    if (song) {
      startItem(song);
      return;
    }
    screen.item = null;
    screen.status = "idle";
    adapter.stop();
    render();
    report();
  }

  const events = {
    buffering() {
      screen.status = "buffering";
      report();
    },
    playing() {
      screen.status = "playing";
      screen.heard = true;
      render();
      report();
    },
    paused() {
      screen.status = "paused";
      report();
    },
    ended() {
      moveOn("played");
    },
    error() {
      moveOn("failed");
    },
  };

  function onQueueChanged() {
    applyPlayerSettings();
    render();
    store.keepQueue(credential.venueId, queue, [...finished]).catch(() => {});
    if (joined && !resumed && queue.lastSeq !== null) {
      resume();
    } else if (joined && !screen.standby && !screen.item && !screen.stopped && playerSettings().autoplay && following()) {
      // An idle screen starts the first song as soon as one is queued.
      next();
    }
  }

  /** Once the venue's queue is known: carry on with what it says is playing (after a reload), else the next song. */
  function resume() {
    resumed = true;
    if (screen.standby || screen.stopped) return;
    if (!screen.item && queue.nowPlaying && !finished.has(queue.nowPlaying.id)) startItem(queue.nowPlaying);
    else if (!screen.item) next();
  }

  // ----- the venue's word: reports, their replies, host commands -----

  let reports = Promise.resolve();

  /**
   * Tells the venue, in order and one at a time: while it has not taken everything this screen did (songs finished,
   * songs added), a queue snapshot with the state now; otherwise a plain state report. Over the hub when it is up,
   * over HTTP otherwise, and not at all while the device is offline: what is pending waits on the device.
   */
  function report() {
    reports = reports.then(transmit).catch(() => {});
    return reports;
  }

  function stateBody() {
    return {
      status: screen.status,
      itemId: screen.item ? screen.item.id : null,
      positionSeconds: Math.max(0, Math.round(adapter ? adapter.position() : 0)),
      volume: screen.volume,
      fence: screen.fence,
      lastCommandSeq: screen.lastCommandSeq,
      quality: screen.quality || undefined,
    };
  }

  function hubUp() {
    return connection && connection.state === signalR.HubConnectionState.Connected && joined;
  }

  async function transmit() {
    if (!navigator.onLine) return;
    const snapshot = pending.records.length > 0 || pending.added.length > 0;
    const body = snapshot
      ? { state: stateBody(), played: pending.records.slice(0, 100), added: pending.added.slice(0, 20).map(songBody) }
      : stateBody();
    const venue = encodeURIComponent(credential.venueId);
    let reply;
    if (hubUp()) {
      try {
        reply = await connection.invoke(snapshot ? "player:queue_snapshot" : "ReportState", credential.venueId, body);
      } catch (error) {
        onRefused(((error && error.message) || "").split("HubException: ").pop());
        return;
      }
    } else {
      const answer = await call("POST", `/v1/venues/${venue}/player/${snapshot ? "queue-snapshot" : "state"}`, { token: credential.accessToken, body });
      if (!answer.ok) {
        if (answer.status !== 0) onRefused(`${answer.error.code}: ${userMessage(answer.error)}`);
        return;
      }
      reply = answer.data;
    }
    if (snapshot) settle(reply);
    else onReply(reply);
  }

  function songBody(song) {
    return { localId: song.localId, kind: song.kind, title: song.title, artist: song.artist, singer: song.singer, youtubeId: song.youtubeId, duration: song.duration };
  }

  /** The venue took the snapshot: what it took (or knew already) is forgotten here; refused additions are shown. */
  function settle(reply) {
    const taken = new Set([...(reply.applied || []), ...(reply.alreadyKnown || [])]);
    pending.records = pending.records.filter((record) => !taken.has(record.key));
    store.forgetRecords([...taken]).catch(() => {});
    const answered = new Map((reply.added || []).map((added) => [added.localId, added]));
    const refused = pending.added.filter((song) => answered.get(song.localId) && answered.get(song.localId).refusal);
    pending.added = pending.added.filter((song) => !answered.has(song.localId));
    store.forgetAdded([...answered.keys()]).catch(() => {});
    if (refused.length > 0) {
      showMessage($("add-result"), "error", `Not queued: ${refused.map((song) => `${song.title} (${answered.get(song.localId).refusal})`).join(", ")}`);
    }
    onReply(reply.report);
    render();
  }

  function onReply(reply) {
    screen.fence = reply.fence;
    if (screen.standby) {
      // A host handed this screen the lease.
      screen.standby = false;
      showMessage($("player-error"), "error", "");
      resumed = false;
      onQueueChanged();
    }
    for (const command of reply.commands || []) carryOut(command);
  }

  function onRefused(reason) {
    if (reason.startsWith("PLAYER_NOT_ACTIVE")) {
      // Another paired screen holds the lease; this one waits until a host hands it over.
      screen.standby = true;
      adapter.stop();
      screen.item = null;
      render();
      showMessage($("player-error"), "error", "Another screen is this venue's player. This one is standing by.");
    } else if (reason.startsWith("UNAUTHORIZED") || reason.startsWith("PLAYER_REVOKED")) {
      writeJson(credentialKey, null);
      location.reload();
    } else if (reason.startsWith("VALIDATION_ERROR") && pending.records.length + pending.added.length > 0) {
      // A snapshot the venue cannot read would block every report after it: it is dropped, and said so.
      console.warn("The venue refused this screen's offline records:", reason);
      store.forgetRecords(pending.records.map((record) => record.key)).catch(() => {});
      store.forgetAdded(pending.added.map((song) => song.localId)).catch(() => {});
      pending.records = [];
      pending.added = [];
    }
  }

  function carryOut(command) {
    if (!command || command.seq <= screen.lastCommandSeq) return;
    screen.lastCommandSeq = command.seq;
    switch (command.command) {
      case "play":
        screen.stopped = false;
        if (screen.item) adapter.play();
        else next(true);
        break;
      case "pause":
        adapter.pause();
        break;
      case "skip":
        screen.stopped = false;
        moveOn("skipped", true);
        break;
      case "stop":
        screen.stopped = true;
        moveOn("skipped");
        break;
      case "volume":
        setVolume(command.value);
        break;
      case "seek":
        adapter.seek(command.value);
        break;
      case "quality":
        screen.quality = command.quality;
        adapter.setQuality(command.quality);
        break;
    }
    report();
  }

  function setVolume(level) {
    screen.volume = Math.max(0, Math.min(100, Math.round(level)));
    adapter.setVolume(screen.volume);
    render();
  }

  // ----- what the room sees -----

  function singerOf(item) {
    return item.singerName || item.requestedBy;
  }

  function render() {
    const item = screen.item;
    const shown = display();
    document.body.dataset.theme = shown.theme;
    document.body.dataset.fontSize = shown.fontSize;
    $("scrolling-message").hidden = !shown.scrollingMessage;
    if ($("scrolling-message-text").textContent !== shown.scrollingMessage) $("scrolling-message-text").textContent = shown.scrollingMessage;
    const karaoke = item && item.kind === "karaoke";
    $("idle").hidden = Boolean(item);
    $("video").hidden = !item || karaoke;
    $("singer-up").hidden = !karaoke;
    if (karaoke) {
      $("singer-up-name").textContent = singerOf(item) || "";
      $("singer-up-song").textContent = [item.title, item.artist].filter(Boolean).join(" · ");
      $("singer-up-key").hidden = !item.keyChange;
      $("singer-up-key").textContent = item.keyChange ? `Key ${item.keyChange > 0 ? "+" : ""}${item.keyChange}` : "";
    }

    $("now-playing").hidden = !item || !shown.showNowPlaying;
    $("now-playing").className = "card now-playing-card " + shown.nowPlayingPosition;
    if (item) {
      $("now-playing-title").textContent = item.title;
      $("now-playing-meta").textContent = [item.artist, singerOf(item) ? "requested by " + singerOf(item) : null].filter(Boolean).join(" · ");
    }

    const waiting = queue.ordered().filter((queued) => (!item || queued.id !== item.id) && !finished.has(queued.id));
    const upNext = shown.showUpNext ? waiting.slice(0, shown.upNextCount) : [];
    const local = shown.showUpNext ? pending.added.slice(0, Math.max(0, shown.upNextCount - upNext.length)) : [];
    $("up-next").hidden = upNext.length + local.length === 0;
    $("up-next-list").replaceChildren(
      ...upNext.map((queued) =>
        el("li", { dataset: { testid: "up-next-item" } }, queued.title, singerOf(queued) ? el("span", { class: "meta" }, " · " + singerOf(queued)) : null)),
      ...local.map((song) =>
        el("li", { class: "pending-local", dataset: { testid: "up-next-item", status: "pending_local" } }, song.title, el("span", { class: "meta" }, " · waiting to sync"))));
    $("pending-count").textContent = pending.records.length + pending.added.length > 0
      ? `${pending.records.length} song(s) played and ${pending.added.length} added, to sync`
      : "";
    $("pending-added").replaceChildren(...pending.added.map((song) =>
      el("li", { dataset: { testid: "pending-added-item", status: "pending_local" } }, song.title, el("span", { class: "meta" }, " · waiting to sync"))));
    $("host-panel-state").textContent = `${screen.status}${screen.stopped ? " (stopped)" : ""} · volume ${screen.volume}`;
  }

  // ----- the hidden host panel -----

  document.addEventListener("keydown", (key) => {
    if (!credential || key.target instanceof HTMLInputElement || key.target instanceof HTMLSelectElement) return;
    if (key.key === "h" || key.key === "H") $("host-panel").hidden = !$("host-panel").hidden;
    else if (key.key === " ") {
      key.preventDefault();
      if (screen.status === "paused") adapter.play();
      else adapter.pause();
    } else if (key.key === "n" || key.key === "N") moveOn("skipped", true);
    else if (key.key === "+" || key.key === "=") setVolume(screen.volume + 10);
    else if (key.key === "-") setVolume(screen.volume - 10);
    else return;
    render();
  });

  /** A song added at the screen: pending_local (shown in up next) until the venue queues it with the next report. */
  $("add-form").addEventListener("submit", (submitEvent) => {
    submitEvent.preventDefault();
    const form = submitEvent.target;
    const title = form.elements.title.value.trim();
    const youtubeId = form.elements.youtubeId.value.trim();
    if (!title) {
      showMessage($("add-result"), "error", "Give the song a title.");
      return;
    }
    const song = youtubeId
      ? { localId: newId(), kind: "jukebox", title, youtubeId, duration: 240 }
      : { localId: newId(), kind: "karaoke", title, artist: form.elements.artist.value.trim(), singer: form.elements.singer.value.trim() || undefined };
    pending.added.push(song);
    store.add(song).catch(() => {});
    form.reset();
    showMessage($("add-result"), "ok", navigator.onLine ? `${title} added.` : `${title} added; it joins the queue when the screen is back online.`);
    render();
    report();
  });

  // ----- start -----

  /** The video adapter the server chose for this screen, remembered with its credential for a start without network. */
  async function videoAdapter() {
    const me = await call("GET", "/v1/players/me", { token: credential.accessToken });
    if (me.ok) {
      credential.videoAdapter = me.data.videoAdapter;
      writeJson(credentialKey, credential);
    } else if (me.status !== 0 || !credential.videoAdapter) {
      if (me.status === 401 || me.status === 403) writeJson(credentialKey, null);
      return null;
    }
    const frame = document.getElementById("video-frame");
    if (credential.videoAdapter === "test") {
      const seconds = Number(new URLSearchParams(location.search).get("seconds")) || 3;
      return window.SingrVideoAdapters.test(frame, events, seconds);
    }
    return window.SingrVideoAdapters.youTube(frame, events);
  }

  /** What the screen kept from before a reload: its copy of the queue, what it finished, what waits to sync. */
  async function restore() {
    const kept = await store.keptQueue(credential.venueId).catch(() => null);
    if (kept) {
      for (const id of kept.finished || []) finished.add(id);
      queue.restore(kept);
    }
    pending.records = await store.records().catch(() => []);
    pending.added = await store.added().catch(() => []);
  }

  async function start() {
    $("pairing").hidden = true;
    adapter = await videoAdapter();
    if (!adapter) {
      showPairing();
      return;
    }
    $("stage").hidden = false;
    await restore();
    call("GET", `/v1/venues/${encodeURIComponent(credential.venueId)}`).then((reply) => {
      if (reply.ok && reply.data && reply.data.name) $("venue-name").textContent = reply.data.name;
    });
    const status = $("connection-status");
    connection = hub("/hubs/venue", () => Promise.resolve(credential.accessToken));
    queue.follow(connection);
    connection.on("playerCommand", (event) => carryOut(event && event.command));
    for (const name of ["playerStateUpdate", "initial_data", "quota_update", "request:update", "venueSettings"]) connection.on(name, () => {});

    const join = async () => {
      joined = false;
      try {
        await connection.invoke("JoinVenue", credential.venueId, queue.lastSeq);
        joined = true;
        showConnection(status, "live");
        if (resumed) report();
        else onQueueChanged();
      } catch {
        showConnection(status, "offline");
      }
    };
    let connecting = false;
    const connect = async () => {
      if (connecting) return;
      connecting = true;
      try {
        showConnection(status, "connecting");
        await startWithRetry(connection, () => showConnection(status, navigator.onLine ? "reconnecting" : "offline"));
        await join();
      } finally {
        connecting = false;
      }
    };
    connection.onreconnecting(() => showConnection(status, "reconnecting"));
    connection.onreconnected(join);
    connection.onclose(() => showConnection(status, "offline"));

    // The device lost its network: the screen plays on from its own copy of the queue, and says it is offline.
    window.addEventListener("offline", () => {
      joined = false;
      showConnection(status, "offline");
      connection.stop();
    });
    window.addEventListener("online", () => {
      if (connection.state === signalR.HubConnectionState.Disconnected) connect();
    });
    setInterval(() => report(), heartbeatMs);
    if (!navigator.onLine) {
      showConnection(status, "offline");
      resume();
      return;
    }
    await connect();
  }
  function showPairing() {
    $("stage").hidden = true;
    $("pairing").hidden = false;
    const code = new URLSearchParams(location.search).get("code");
    if (code) $("pairing-code").value = code;
  }

  if (credential && credential.accessToken) start();
  else showPairing();
})();
