// A venue's queue as a page follows it: built from venueState, then changed by queue events newer than the last one
// applied. Shared by the kiosk and the player.
"use strict";

window.SingrLiveQueue = (onChange) => {
  const queue = { items: new Map(), nowPlaying: null, lastSeq: null, display: null, player: null, prices: null };

  /** Applies an event only once and only in order: duplicates (a resume replays) and older events are ignored. */
  function fresh(event) {
    if (!event || typeof event.seq !== "number") return false;
    if (queue.lastSeq !== null && event.seq <= queue.lastSeq) return false;
    queue.lastSeq = event.seq;
    return true;
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

  return {
    get nowPlaying() { return queue.nowPlaying; },
    get lastSeq() { return queue.lastSeq; },

    /** The venue's screen settings (display and player), from its latest venueState. */
    get display() { return queue.display; },
    get playerSettings() { return queue.player; },

    /** What a request costs here (mode, costPerSong, priorityCost, chargeAt), from the latest venueState. */
    get prices() { return queue.prices; },

    /** The queued items in order, first to play first. */
    ordered() {
      return [...queue.items.values()].sort((a, b) => (a.position || 0) - (b.position || 0));
    },

    onVenueState(state) {
      queue.items = new Map((state.items || []).map((item) => [item.id, item]));
      queue.nowPlaying = state.nowPlaying || null;
      queue.lastSeq = typeof state.seq === "number" ? state.seq : null;
      queue.display = state.display || null;
      queue.player = state.player || null;
      queue.prices = state.prices || null;
      onChange();
    },

    /** The queue as the device kept it (the player's IndexedDB copy), until the venue's own state arrives. */
    restore(kept) {
      if (!kept || queue.lastSeq !== null) return;
      queue.items = new Map((kept.items || []).map((item) => [item.id, item]));
      queue.nowPlaying = kept.nowPlaying || null;
      queue.lastSeq = typeof kept.seq === "number" ? kept.seq : null;
      queue.display = kept.display || null;
      queue.player = kept.player || null;
      queue.prices = kept.prices || null;
      onChange();
    },

    onItemEvent(event) {
      if (!fresh(event)) return;
      applyItem(event.item);
      onChange();
    },

    onReorder(event) {
      if (!fresh(event)) return;
      for (const move of event.items || []) {
        const item = queue.items.get(move.id);
        if (item) item.position = move.position;
      }
      onChange();
    },

    /** Subscribes to the venue room's queue events on a hub connection. */
    follow(connection) {
      connection.on("venueState", (state) => this.onVenueState(state));
      connection.on("queue:insert", (event) => this.onItemEvent(event));
      connection.on("queue:update", (event) => this.onItemEvent(event));
      connection.on("queue:reorder", (event) => this.onReorder(event));
      // A returning player's report of what it played offline: each change came as its own queue event before it.
      connection.on("queue:reconcile", (event) => {
        if (fresh(event)) onChange();
      });
    },
  };
};
