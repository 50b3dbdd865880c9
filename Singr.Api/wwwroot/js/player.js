// The venue's player screen: paired once with a code, it holds the venue's player lease and is the truth about what
// plays. It plays the queue in order, reports each change and a heartbeat, and carries out the host's commands.
"use strict";

(() => {
  const { call, userMessage, details, hub, startWithRetry, showConnection, el, showMessage, newId, readJson, writeJson } = window.Singr;
  const $ = (testid) => document.querySelector(`[data-testid="${testid}"]`);

  const credentialKey = "singr.player";
  const deviceIdKey = "singr.playerDeviceId";
  const heartbeatMs = 5000;

  /** What this screen is doing, as it tells the venue. */
  const screen = { item: null, status: "idle", stopped: false, volume: 75, quality: null, fence: null, lastCommandSeq: 0, standby: false };

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
    render();
    adapter.load(item);
    report();
  }

  /** The venue's screen settings, with the seed's defaults until the venue's state arrives. */
  function display() {
    return queue.display || { showNowPlaying: true, nowPlayingPosition: "footer", showUpNext: true, upNextCount: 3, scrollingMessage: "", theme: "dark", fontSize: "medium" };
  }

  function playerSettings() {
    return queue.playerSettings || { volume: 75, autoplay: true, videoQuality: "hd720" };
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
   * Moves on: the next queued song, or nothing when the queue is empty or a host stopped the player. On its own
   * (a song ended, a song was queued) it moves on only with autoplay; a host's play or skip always does.
   */
  function next(byHost = false) {
    if (screen.item) finished.add(screen.item.id);
    const waitForHost = !byHost && !playerSettings().autoplay;
    const following = screen.stopped || waitForHost ? null : queue.ordered().find((queued) => !finished.has(queued.id));
    if (following) {
      startItem(following);
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
      render();
      report();
    },
    paused() {
      screen.status = "paused";
      report();
    },
    ended() {
      report("ended").then(next);
    },
    error(code) {
      report("error", code).then(next);
    },
  };

  function onQueueChanged() {
    applyPlayerSettings();
    render();
    if (joined && !resumed && queue.lastSeq !== null) {
      resume();
    } else if (joined && !screen.standby && !screen.item && !screen.stopped && playerSettings().autoplay && queue.ordered().some((queued) => !finished.has(queued.id))) {
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

  /** Reports in order, one at a time, over the hub when it is up and over HTTP otherwise. */
  function report(status, errorCode) {
    const body = {
      status: status || screen.status,
      itemId: screen.item ? screen.item.id : null,
      positionSeconds: Math.max(0, Math.round(adapter ? adapter.position() : 0)),
      volume: screen.volume,
      fence: screen.fence,
      lastCommandSeq: screen.lastCommandSeq,
      quality: screen.quality || undefined,
      errorCode: errorCode || undefined,
    };
    reports = reports.then(() => send(body)).catch(() => {});
    return reports;
  }

  async function send(body) {
    if (connection && connection.state === signalR.HubConnectionState.Connected && joined) {
      try {
        onReply(await connection.invoke("ReportState", credential.venueId, body));
      } catch (error) {
        onRefused(((error && error.message) || "").split("HubException: ").pop());
      }
      return;
    }
    const reply = await call("POST", `/v1/venues/${encodeURIComponent(credential.venueId)}/player/state`, { token: credential.accessToken, body });
    if (reply.ok) onReply(reply.data);
    else onRefused(`${reply.error.code}: ${userMessage(reply.error)}`);
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
        next(true);
        break;
      case "stop":
        screen.stopped = true;
        next();
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

    const upNext = shown.showUpNext ? queue.ordered().filter((queued) => !item || queued.id !== item.id).slice(0, shown.upNextCount) : [];
    $("up-next").hidden = upNext.length === 0;
    $("up-next-list").replaceChildren(...upNext.map((queued) =>
      el("li", { dataset: { testid: "up-next-item" } }, queued.title, singerOf(queued) ? el("span", { class: "meta" }, " · " + singerOf(queued)) : null)));
    $("host-panel-state").textContent = `${screen.status}${screen.stopped ? " (stopped)" : ""} · volume ${screen.volume}`;
  }

  // ----- the hidden host panel -----

  document.addEventListener("keydown", (key) => {
    if (!credential || key.target instanceof HTMLInputElement) return;
    if (key.key === "h" || key.key === "H") $("host-panel").hidden = !$("host-panel").hidden;
    else if (key.key === " ") {
      key.preventDefault();
      if (screen.status === "paused") adapter.play();
      else adapter.pause();
    } else if (key.key === "n" || key.key === "N") next(true);
    else if (key.key === "+" || key.key === "=") setVolume(screen.volume + 10);
    else if (key.key === "-") setVolume(screen.volume - 10);
    else return;
    render();
  });

  // ----- start -----

  async function videoAdapter() {
    const me = await call("GET", "/v1/players/me", { token: credential.accessToken });
    if (!me.ok) {
      writeJson(credentialKey, null);
      return null;
    }
    const frame = document.getElementById("video-frame");
    if (me.data.videoAdapter === "test") {
      const seconds = Number(new URLSearchParams(location.search).get("seconds")) || 3;
      return window.SingrVideoAdapters.test(frame, events, seconds);
    }
    return window.SingrVideoAdapters.youTube(frame, events);
  }

  async function start() {
    $("pairing").hidden = true;
    adapter = await videoAdapter();
    if (!adapter) {
      showPairing();
      return;
    }
    $("stage").hidden = false;
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
    connection.onreconnecting(() => showConnection(status, "reconnecting"));
    connection.onreconnected(join);
    connection.onclose(() => showConnection(status, "offline"));
    showConnection(status, "connecting");
    await startWithRetry(connection, () => showConnection(status, "reconnecting"));
    await join();
    setInterval(() => report(), heartbeatMs);
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
