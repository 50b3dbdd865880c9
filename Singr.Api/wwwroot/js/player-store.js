// What the player screen keeps on the device (IndexedDB, through the idb library), so it plays on through an outage
// and a reload: its copy of the next songs and the venue's screen settings, the songs it finished that the venue has
// not taken yet, and the songs added at the screen that are still pending_local. Where IndexedDB is not available
// (a private window), it keeps them in memory only.
"use strict";

window.SingrPlayerStore = (() => {
  const name = "singr-player";
  const keptItems = 20;

  function inMemory() {
    const stores = { kept: new Map(), records: new Map(), added: new Map() };
    return {
      get: async (store, key) => stores[store].get(key),
      put: async (store, value, key) => void stores[store].set(key ?? value.key ?? value.localId, value),
      all: async (store) => [...stores[store].values()],
      remove: async (store, key) => void stores[store].delete(key),
    };
  }

  async function open() {
    if (!window.idb || !window.indexedDB) return inMemory();
    try {
      const db = await window.idb.openDB(name, 1, {
        upgrade(database) {
          database.createObjectStore("kept");
          database.createObjectStore("records", { keyPath: "key" });
          database.createObjectStore("added", { keyPath: "localId" });
        },
      });
      return {
        get: (store, key) => db.get(store, key),
        put: (store, value, key) => (key === undefined ? db.put(store, value) : db.put(store, value, key)),
        all: (store) => db.getAll(store),
        remove: (store, key) => db.delete(store, key),
      };
    } catch {
      return inMemory();
    }
  }

  const ready = open();

  return {
    keptItems,

    /** The venue's queue as the screen last knew it: now playing, the next 20, the settings, the last event seen. */
    async keepQueue(venueId, queue, finishedIds) {
      const db = await ready;
      await db.put("kept", {
        venueId,
        nowPlaying: queue.nowPlaying,
        items: queue.ordered().slice(0, keptItems),
        display: queue.display,
        player: queue.playerSettings,
        prices: queue.prices,
        seq: queue.lastSeq,
        finished: finishedIds.slice(-100),
      }, "queue");
    },

    async keptQueue(venueId) {
      const kept = await (await ready).get("kept", "queue");
      return kept && kept.venueId === venueId ? kept : null;
    },

    /** A song the screen finished (played, skipped, failed), kept until the venue has taken it. */
    async record(entry) {
      await (await ready).put("records", entry);
    },

    async records() {
      return (await (await ready).all("records")).sort((a, b) => a.endedAt.localeCompare(b.endedAt));
    },

    async forgetRecords(keys) {
      const db = await ready;
      for (const key of keys) await db.remove("records", key);
    },

    /** A song added at the screen, pending_local until the venue has queued it (or refused it). */
    async add(song) {
      await (await ready).put("added", song);
    },

    async added() {
      return await (await ready).all("added");
    },

    async forgetAdded(localIds) {
      const db = await ready;
      for (const localId of localIds) await db.remove("added", localId);
    },
  };
})();
