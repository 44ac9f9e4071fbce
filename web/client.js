// client.js: the small part of the whichstatus client that is plain
// JavaScript, because it is smaller here than in app.wasm and must work
// before app.wasm has loaded. Every page loads it (deferred), and the service
// worker caches it with the rest of the app.
//
// 1. Updates: tell the app when a new version has taken over, and reload
//    into it.
// 2. What was typed before app.wasm started: carried into the app.
// 3. Embeds (?embed=1 in an iframe): tell the course page the content's
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
    // Ask for a new version once the page has loaded, rather than wait for
    // the browser's own check after a navigation, which Chromium delays
    // and skips as it sees fit. The listener above is in place by then,
    // so the takeover is heard.
    if (sw.controller) {
      var check = function () {
        sw.getRegistration().then(function (r) {
          return r && r.update();
        }).catch(function () {});
      };
      if (document.readyState === "complete") {
        check();
      } else {
        window.addEventListener("load", check);
      }
    }
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

  // ---- 2. What was typed before app.wasm started --------------------------
  //
  // The page arrives prerendered and its form looks ready long before
  // app.wasm has started (on a slow link, many seconds). When it starts,
  // go-app replaces the page with its own. So keep the prerendered
  // controls and, once the app has rendered, hand what was changed in them
  // to the app's controls of the same id, as if typed there: the app's own
  // handlers apply each edit, so it is in the case, the verdict and the
  // address, and nothing typed is lost.
  var before = document.querySelector("main");
  if (before && !before.hasAttribute("data-booted")) {
    var controls = Array.prototype.slice.call(before.querySelectorAll("input[id], textarea[id], select[id]"));
    var folds = Array.prototype.slice.call(before.querySelectorAll("details[id]"));
    // Some controls come a frame or two after the app's first render (the
    // situation's facts): wait for them, for 10 seconds at most.
    var pending = null;
    var booted = new MutationObserver(function () {
      if (!document.querySelector("main[data-booted]")) {
        return;
      }
      if (!pending) {
        folds.forEach(function (old) {
          var now = document.getElementById(old.id);
          if (old.open && now && now !== old && !now.open) {
            now.open = true;
          }
        });
        pending = controls.filter(edited);
        setTimeout(function () {
          booted.disconnect();
        }, 10000);
      }
      pending = pending.filter(function (old) {
        return !carry(old);
      });
      if (!pending.length) {
        booted.disconnect();
      }
    });
    booted.observe(document.body, { childList: true, subtree: true });
  }

  // edited says whether a prerendered control was changed by hand. A radio
  // button is changed by checking another one: only the checked one counts.
  function edited(old) {
    if (old.type === "checkbox" || old.type === "radio") {
      return old.checked !== old.defaultChecked && (old.type === "checkbox" || old.checked);
    }
    return old.value !== initial(old);
  }

  // carry gives the app's control of the same id the old one's value, as
  // typing would; false while the app has not built that control yet.
  function carry(old) {
    var now = document.getElementById(old.id);
    if (!now || now === old) {
      return false;
    }
    if (now.tagName !== old.tagName) {
      return true;
    }
    // A select's options may come a frame after the select (the scenario
    // picker's): wait for the one to choose.
    if (now.tagName === "SELECT" && !hasOption(now, old.value)) {
      return false;
    }
    if (old.type === "checkbox" || old.type === "radio") {
      if (now.checked !== old.checked) {
        now.click();
      }
      return true;
    }
    if (now.value !== old.value) {
      now.value = old.value;
      now.dispatchEvent(new Event("input", { bubbles: true }));
      now.dispatchEvent(new Event("change", { bubbles: true }));
    }
    return true;
  }

  function hasOption(select, value) {
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].value === value) {
        return true;
      }
    }
    return false;
  }

  // initial is a control's value as the page arrived.
  function initial(el) {
    if (el.tagName !== "SELECT") {
      return el.defaultValue;
    }
    for (var i = 0; i < el.options.length; i++) {
      if (el.options[i].defaultSelected) {
        return el.options[i].value;
      }
    }
    return el.options.length ? el.options[0].value : "";
  }

  // ---- 3. Embeds ---------------------------------------------------------
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
