/*
 * embed.js: fits whichstatus embeds to their content.
 *
 * For a course page that embeds whichstatus cases. Put the frames the
 * "Embed this" dialog gives you in your page, then this script once:
 *
 *   <iframe src="https://you.example/whichstatus/scenarios/duplicate-email?embed=1"
 *           title="whichstatus: Duplicate email" data-whichstatus
 *           width="100%" height="640" style="border:0" loading="lazy"></iframe>
 *   <script src="https://you.example/whichstatus/web/embed.js" defer></script>
 *
 * An embedded case sends its content's height with postMessage when it has
 * started, whenever it changes, and when asked: {type: "whichstatus:height",
 * height: <CSS pixels>}. This script asks each frame ({type:
 * "whichstatus:hello"}) until it answers, again whenever the frame loads a
 * page, and sets the height of the frame that sent it, taller or shorter,
 * so the case shows whole, with no scroll bar of its own, whether the frame
 * is on screen or not. A message counts only if it comes from the window of
 * an iframe marked data-whichstatus and from the origin of that frame's src,
 * has that type, and carries a sensible height; anything else is ignored.
 * Without the script, the frames keep their height attribute.
 *
 * When a frame is resized, it gets the event "whichstatus:resize" (detail:
 * {height}), for pages that want to react. Frames added later are handled
 * too. Works with the course page on any origin; nothing else is sent or
 * read.
 */
(function () {
  "use strict";

  // Once a page, however many snippets pasted the script.
  if (window.whichstatusEmbeds) {
    return;
  }
  window.whichstatusEmbeds = true;

  var MAX = 20000; // px: more is not a case, it is a mistake

  function frames() {
    return document.querySelectorAll("iframe[data-whichstatus]");
  }

  function originOf(frame) {
    try {
      return new URL(frame.src, document.baseURI).origin;
    } catch (e) {
      return "";
    }
  }

  // The frames that have answered since they last loaded a page.
  var answered = typeof WeakSet === "function" ? new WeakSet() : null;

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== "whichstatus:height") {
      return;
    }
    var height = data.height;
    if (typeof height !== "number" || !isFinite(height) || height <= 0 || height > MAX) {
      return;
    }
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      var frame = list[i];
      if (frame.contentWindow !== event.source || originOf(frame) !== event.origin) {
        continue;
      }
      if (answered) {
        answered.add(frame);
      }
      height = Math.ceil(height);
      if (frame.style.height !== height + "px") {
        frame.style.height = height + "px";
        frame.dispatchEvent(new CustomEvent("whichstatus:resize", { detail: { height: height } }));
      }
      return;
    }
  });

  // Ask every frame that has not answered for its height: it may have
  // spoken before this script was listening, or be still loading. The
  // question carries nothing, so it may go to any origin (a frame still
  // loading is on about:blank). Every 200 ms while some frame is silent,
  // for as long as the page is open: a lazy frame loads only when the
  // reader comes near it.
  var watched = typeof WeakSet === "function" ? new WeakSet() : null;
  function hello() {
    var list = frames();
    var waiting = false;
    for (var i = 0; i < list.length; i++) {
      var frame = list[i];
      if (watched && !watched.has(frame)) {
        watched.add(frame);
        // A new page in the frame (a reload, a link) must answer anew.
        frame.addEventListener("load", function (event) {
          if (answered) {
            answered.delete(event.target);
          }
          ask();
        });
      }
      if (answered && answered.has(frame)) {
        continue;
      }
      waiting = true;
      if (frame.contentWindow) {
        frame.contentWindow.postMessage({ type: "whichstatus:hello" }, "*");
      }
    }
    return waiting;
  }
  var timer = 0;
  function ask() {
    if (timer) {
      return;
    }
    var tick = function () {
      timer = hello() || !answered ? setTimeout(tick, 200) : 0;
    };
    tick();
  }
  // Frames added later are asked too.
  if (window.MutationObserver) {
    new MutationObserver(ask).observe(document.documentElement, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ask);
  } else {
    ask();
  }
})();
