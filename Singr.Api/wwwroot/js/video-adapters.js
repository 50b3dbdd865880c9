// How the player page plays an item, behind one small interface:
//   load(item), play(), pause(), stop(), seek(seconds), setVolume(0-100), setQuality(level), position()
// and it tells the page what happened through events: { buffering(), playing(), paused(), ended(), error(code) }.
// Karaoke items have no video: the venue's own karaoke machine plays them; the page shows who sings.
"use strict";

window.SingrVideoAdapters = (() => {
  /** YouTube's IFrame Player API, loaded once, on first use. */
  function youTube(container, events) {
    let api = null;
    let player = null;
    let volume = 75;

    function loadApi() {
      api ??= new Promise((resolve) => {
        window.onYouTubeIframeAPIReady = resolve;
        const script = document.createElement("script");
        script.src = "https://www.youtube.com/iframe_api";
        document.head.append(script);
      });
      return api;
    }

    function onStateChange(change) {
      const states = window.YT.PlayerState;
      if (change.data === states.PLAYING) events.playing();
      else if (change.data === states.PAUSED) events.paused();
      else if (change.data === states.BUFFERING) events.buffering();
      else if (change.data === states.ENDED) events.ended();
    }

    return {
      async load(item) {
        if (!item.youtubeId) {
          player?.stopVideo();
          events.playing();
          return;
        }
        await loadApi();
        if (!player) {
          player = new window.YT.Player(container, {
            videoId: item.youtubeId,
            playerVars: { autoplay: 1, controls: 0, rel: 0, modestbranding: 1, playsinline: 1 },
            events: {
              onReady: () => player.setVolume(volume),
              onStateChange,
              onError: (error) => events.error(String(error.data)),
            },
          });
        } else {
          player.loadVideoById(item.youtubeId);
        }
      },
      play: () => player?.playVideo(),
      pause: () => player?.pauseVideo(),
      stop: () => player?.stopVideo(),
      seek: (seconds) => player?.seekTo(seconds, true),
      setVolume(level) {
        volume = level;
        player?.setVolume(level);
      },
      setQuality: (level) => player?.setPlaybackQuality(level),
      position: () => (player && typeof player.getCurrentTime === "function" ? player.getCurrentTime() : 0),
    };
  }

  /**
   * A stand-in for tests (chosen by the server's configuration, never in production): each item "plays" for a few
   * seconds on a plain panel; a video id of "unavailable" fails with YouTube's code 150.
   */
  function test(container, events, secondsPerItem) {
    let timer = null;
    let startedAt = 0;
    let playedMs = 0;
    let current = null;
    let held = false;

    function clear() {
      clearTimeout(timer);
      timer = null;
    }

    function run() {
      clear();
      startedAt = Date.now();
      timer = setTimeout(() => {
        timer = null;
        events.ended();
      }, Math.max(0, secondsPerItem * 1000 - playedMs));
      events.playing();
    }

    return {
      load(item) {
        clear();
        current = item;
        playedMs = 0;
        held = false;
        container.replaceChildren(Object.assign(document.createElement("div"), { className: "test-video", textContent: "▶ " + item.title }));
        events.buffering();
        setTimeout(() => {
          if (current !== item) return;
          if (item.youtubeId === "unavailable") events.error("150");
          else if (!held) run();
        }, 200);
      },
      play() {
        held = false;
        if (current && !timer) run();
      },
      pause() {
        if (!timer) {
          // Paused while it loads: it stays paused when it is ready, as YouTube's player does.
          if (current && !held) {
            held = true;
            events.paused();
          }
          return;
        }
        clear();
        playedMs += Date.now() - startedAt;
        events.paused();
      },
      stop() {
        clear();
        current = null;
        container.replaceChildren();
      },
      seek(seconds) {
        playedMs = seconds * 1000;
        if (timer) run();
      },
      setVolume() {},
      setQuality() {},
      position: () => (playedMs + (timer ? Date.now() - startedAt : 0)) / 1000,
    };
  }

  return { youTube, test };
})();
