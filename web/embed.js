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
 * An embedded case sends its content's height with postMessage whenever it
 * changes: {type: "whichstatus:height", height: <CSS pixels>}. This script
 * sets the height of the frame that sent it, so the case shows whole, with
 * no scroll bar of its own. A message counts only if it comes from the
 * window of an iframe marked data-whichstatus and from the origin of that
 * frame's src, has that type, and carries a sensible height; anything else
 * is ignored. Without the script, the frames keep their height attribute.
 *
 * When a frame is resized, it gets the event "whichstatus:resize" (detail:
 * {height}), for pages that want to react. Frames added later are handled
 * too. Works with the course page on any origin; nothing else is sent or
 * read.
 */
(function () {
  "use strict";

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
      height = Math.ceil(height);
      frame.style.height = height + "px";
      frame.dispatchEvent(new CustomEvent("whichstatus:resize", { detail: { height: height } }));
      return;
    }
  });

  // Ask every frame for its height, in case it spoke before this script
  // was listening (it also speaks on its own whenever its height changes).
  // The question carries nothing, so it may go to any origin (a frame still
  // loading is on about:blank).
  function hello() {
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      if (list[i].contentWindow) {
        list[i].contentWindow.postMessage({ type: "whichstatus:hello" }, "*");
      }
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", hello);
  } else {
    hello();
  }
})();
