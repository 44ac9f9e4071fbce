// client.js: the small part of the whichstatus client that is plain
// JavaScript, because it is smaller here than in app.wasm and must work
// before app.wasm has loaded. Every page loads it (deferred), and the service
// worker caches it with the rest of the app.
//
// 1. Updates: tell the app when a new version has taken over, and reload
//    into it.
// 2. Embeds (?embed=1 in an iframe): tell the course page the content's
//    height, and open links in a new tab rather than inside the frame.
"use strict";

(function () {
  // ---- 1. Updates --------------------------------------------------------
  //
  // go-app calls goappOnUpdate when a new service worker has installed. If
  // that happens before app.wasm runs, nobody hears it, and the new worker
  // takes over at once (skipWaiting): controllerchange on a page that
  // already had a worker means a new version. The app reads
  // window.whichstatusUpdated when it starts, and hears of it later through
  // goappOnUpdate, which app.wasm has set by then.
  var sw = navigator.serviceWorker;
  if (sw) {
    var had = !!sw.controller;
    sw.addEventListener("controllerchange", function () {
      if (had) {
        window.whichstatusUpdated = true;
        if (typeof window.goappOnUpdate === "function") {
          window.goappOnUpdate();
        }
      }
      had = true;
    });
  }

  // The prompt's Reload button (app/ui/update.go): reload once the new
  // version is in charge (it takes over right after it has cached
  // everything), or after 3 seconds whatever happens, so that the button
  // always does something.
  function reloadIntoNewVersion() {
    // Once only: the takeover and the fallback timer may both fire, and a
    // second reload would throw away the page the first one just built.
    var done = false;
    var reload = function () {
      if (done) {
        return;
      }
      done = true;
      location.reload();
    };
    if (!sw || !sw.getRegistration) {
      return reload();
    }
    sw.getRegistration().then(function (r) {
      if (r && (r.installing || r.waiting)) {
        sw.addEventListener("controllerchange", reload);
        setTimeout(reload, 3000);
      } else {
        reload();
      }
    }, reload);
  }
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("#update-reload")) {
      reloadIntoNewVersion();
    }
  });

  // ---- 2. Embeds ---------------------------------------------------------
  if (!/[?&]embed=1(&|$)/.test(location.search) || window.parent === window) {
    return;
  }

  // The height of the content, sent as {type: "whichstatus:height", height}
  // to the course page: when the app has rendered the embed, whenever the
  // content changes, and whenever the page asks with {type:
  // "whichstatus:hello"} (web/embed.js asks until it hears). Not before
  // the app has rendered: the prerendered page is hidden until then.
  //
  // A frame of another site that is off screen is not rendered by Chrome,
  // so a ResizeObserver there never fires until the reader scrolls to it.
  // A MutationObserver does (it does not wait for rendering), and reading
  // the height lays the page out: every change the app makes to the page
  // is heard, on screen or not.
  var last = -1;
  function post(always) {
    var main = document.querySelector("main.embed[data-booted]");
    if (!main) {
      return;
    }
    var height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last && !always) {
      return;
    }
    last = height;
    // The height is no secret: any page may embed the app and hear it.
    window.parent.postMessage({ type: "whichstatus:height", height: height }, "*");
  }
  function changed() {
    post(false);
  }

  function start() {
    new MutationObserver(changed).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    if (window.ResizeObserver) {
      new ResizeObserver(changed).observe(document.body);
    }
    window.addEventListener("resize", changed);
    document.addEventListener("toggle", changed, true); // <details>
    document.addEventListener("load", changed, true); // images
    changed();
  }
  if (document.body) {
    start();
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }

  window.addEventListener("message", function (event) {
    if (event.source === window.parent && event.data && event.data.type === "whichstatus:hello") {
      post(true);
    }
  });

  // A link in an embed leads out of the course page: open it in a new tab,
  // before go-app's own click handler (on window) navigates the frame.
  document.addEventListener(
    "click",
    function (event) {
      var a = event.target && event.target.closest && event.target.closest("a[href]");
      if (!a || a.getAttribute("href").charAt(0) === "#" || event.defaultPrevented) {
        return;
      }
      a.target = "_blank";
      a.rel = "noopener";
      event.stopPropagation();
    },
    true
  );
})();
