// flow.js: lights a case's path on the flow diagram (app/ui/flow.go), and
// answers the diagram's own controls. It is JavaScript because none of it
// needs the engine, and app.wasm has a size budget.
//
// The app inserts each diagram once, as a constant SVG, and says what to
// light in attributes of the HTML element around it (.flow-canvas), which
// go-app sets with setAttribute:
//
//   data-profile   which of the diagrams inside is shown
//   data-path      the trace, "node:answer" tokens in order
//   data-svg       set once the diagrams are in
//
// This script copies that onto the SVG's own elements as data-lit and
// data-step (go-app v9 cannot set classes on SVG elements: its className
// write fails silently), and web/style.css draws them. An edit changes one
// attribute, and a few dozen attributes change in the SVG: it is never
// rebuilt. It also sets the canvas's data-zoom (the size buttons) and
// data-selected, and fills #flow-info with the chosen question: its step
// in the trace shown on the page, or where its answers lead, with its
// guide section and its RFC section.
"use strict";

(function () {
  var lit = "data-lit";

  function find(root, attr, value) {
    return root.querySelector("[" + attr + '="' + CSS.escape(value) + '"]');
  }

  function shown(canvas) {
    return find(canvas, "data-profile", canvas.getAttribute("data-profile") || "");
  }

  // index finds a diagram's elements by their ids once, not per edit.
  function index(svg) {
    if (!svg.flowIndex) {
      var m = {};
      svg.querySelectorAll("[data-node], [data-edge], [data-from]").forEach(function (e) {
        m[e.getAttribute("data-node") || e.getAttribute("data-edge") || "exit " + e.getAttribute("data-from")] = e;
      });
      svg.flowIndex = m;
    }
    return svg.flowIndex;
  }

  // light sets what the path lights, changing only the attributes that
  // differ from the last time: most of a path stays the same from one
  // edit to the next, and each change costs the browser a restyle.
  function light(canvas) {
    var svg = shown(canvas);
    var want = new Map(); // element → [data-lit, data-step]
    var end = null;
    var exit = null;
    if (svg) {
      var idx = index(svg);
      var path = (canvas.getAttribute("data-path") || "").split(" ").filter(Boolean);
      path.forEach(function (tok, k) {
        var last = k === path.length - 1;
        var n = idx[tok.slice(0, tok.lastIndexOf(":"))];
        if (n) {
          want.set(n, [last ? "end" : "path", String(k + 1)]);
        }
        if (idx[tok]) {
          want.set(idx[tok], [last ? "exit" : "path", null]);
        }
        if (last) {
          exit = idx["exit " + tok] || null;
          if (exit) {
            want.set(exit, ["end", null]);
          }
          end = n;
        }
      });
    }
    var had = canvas.flowLit || new Map();
    had.forEach(function (v, e) {
      if (!want.has(e)) {
        e.removeAttribute(lit);
        e.removeAttribute("data-step");
      }
    });
    want.forEach(function (v, e) {
      var old = had.get(e);
      if (!old || old[0] !== v[0]) {
        e.setAttribute(lit, v[0]);
      }
      if (!old || old[1] !== v[1]) {
        if (v[1]) {
          e.setAttribute("data-step", v[1]);
        } else {
          e.removeAttribute("data-step");
        }
      }
    });
    canvas.flowLit = want;
    if (canvas.hasAttribute("data-selected") || canvas.flowSelected) {
      select(canvas, canvas.getAttribute("data-selected"));
    }
    if (end && end !== canvas.flowEnd && canvas.hasAttribute("data-follow")) {
      requestAnimationFrame(function () {
        follow(canvas, end, exit);
      });
    }
    canvas.flowEnd = end;
    canvas.flowExit = exit;
  }

  // follow scrolls the diagram's own box, never the page, so that the
  // question that decided is in sight, and as much of its exit as fits.
  // A diagram off the screen is skipped by layout (content-visibility:
  // auto in web/style.css); measuring it would lay out all of it at once
  // (15 ms an edit, make bench's edit loop), so it follows when it comes
  // into view.
  function follow(canvas, node, exit) {
    if (canvas.checkVisibility && !canvas.checkVisibility({ contentVisibilityAuto: true })) {
      canvas.flowFollow = true;
      return;
    }
    canvas.flowFollow = false;
    if (canvas.scrollHeight <= canvas.clientHeight && canvas.scrollWidth <= canvas.clientWidth) {
      return;
    }
    var c = canvas.getBoundingClientRect();
    var n = node.getBoundingClientRect();
    canvas.scrollTop += n.top - c.top - (canvas.clientHeight - n.height) / 2;
    var left = n.left - c.left + canvas.scrollLeft - 8;
    var right = (exit || node).getBoundingClientRect().right - c.left + canvas.scrollLeft + 8;
    canvas.scrollLeft = Math.max(0, Math.min(left, right - canvas.clientWidth));
  }

  // ---- The chosen question ------------------------------------------------

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) {
      e.className = cls;
    }
    if (text) {
      e.textContent = text;
    }
    return e;
  }

  // guideHref is app/ui's guideHref: the guide page that holds the anchor.
  var anchors = null;
  function guideHref(anchor) {
    var env = window.goappGetenv || function () { return ""; };
    var prefix = env("GOAPP_ROOT_PREFIX") || "";
    if (!anchors) {
      // One line per page: slug, title, anchors, cut by U+001F (app/ui's
      // guideIndexText).
      anchors = {};
      (env("WHICHSTATUS_GUIDE_INDEX") || "").split("\n").forEach(function (line) {
        var f = line.split("\u001f");
        f.slice(2).forEach(function (a) {
          anchors[a] = f[0];
        });
      });
    }
    return anchors[anchor] ? prefix + "/guide/" + anchors[anchor] + "#" + anchor : prefix + "/guide";
  }

  // target says in words where an answer leads: to this answer's own
  // exit (its code and phrase, without the ≠ mark drawn beside some
  // exits), or to the question it leads on to.
  function target(svg, from, to) {
    var t = find(svg, "data-from", from) || find(svg, "data-code", to);
    if (t) {
      var label = t.querySelector(":scope > text");
      return (label || t).textContent;
    }
    var n = find(svg, "data-node", to);
    return n ? question(n) : to;
  }

  function question(n) {
    var t = n.querySelector("title").textContent;
    return t.slice(0, t.length - n.getAttribute("data-ref").length - 3);
  }

  function select(canvas, id) {
    canvas.querySelectorAll("svg.flow [data-selected]").forEach(function (e) {
      e.removeAttribute("data-selected");
    });
    var box = document.getElementById("flow-info");
    var svg = shown(canvas);
    var n = id && svg && find(svg, "data-node", id);
    if (!box) {
      return;
    }
    box.textContent = "";
    box.removeAttribute("data-node");
    canvas.flowSelected = !!n;
    if (!n) {
      return;
    }
    n.setAttribute("data-selected", "");
    box.setAttribute("data-node", id);
    var k = Number(n.getAttribute("data-step"));
    // The folded list of steps catches up with an edit a moment after
    // the diagram: a step is copied only from a list of the path lit.
    var list = document.querySelector("#verdict ol.trace");
    var steps = list && list.getAttribute("data-path") === canvas.getAttribute("data-path") ? list.querySelectorAll("li.step") : [];
    var step = k && steps[k - 1];
    if (step) {
      box.append(el("p", "eyebrow", "Step " + k + " of " + steps.length));
      var copy = el("div", "flow-step");
      step.childNodes.forEach(function (c) {
        copy.append(c.cloneNode(true));
      });
      box.append(copy);
    } else {
      var stage = n.getAttribute("data-stage");
      box.append(el("p", "eyebrow", canvas.hasAttribute("data-path") ? "Not reached by this case" : stage.charAt(0).toUpperCase() + stage.slice(1)));
      box.append(el("p", "q", question(n)));
      var ul = el("ul", "flow-answers");
      ["yes", "no"].forEach(function (a) {
        var e = find(svg, "data-edge", id + ":" + a);
        var li = el("li");
        li.append(el("span", "a a-" + a, a), " → " + target(svg, id + ":" + a, e ? e.getAttribute("data-to") : ""));
        ul.append(li);
      });
      box.append(ul);
      var refs = el("p", "refs");
      var g = el("a", "", "Read the guide");
      g.href = guideHref(n.getAttribute("data-guide"));
      var r = el("a", "", n.getAttribute("data-ref"));
      r.href = n.getAttribute("data-link");
      r.target = "_blank";
      r.rel = "noopener";
      refs.append(g, r);
      box.append(refs);
    }
    var close = el("button", "ghost", "Close");
    close.type = "button";
    close.addEventListener("click", function () {
      canvas.removeAttribute("data-selected");
      select(canvas, "");
      n.focus();
    });
    box.append(close);
  }

  function choose(event) {
    var n = event.target.closest && event.target.closest(".flow-canvas [data-node]");
    if (!n) {
      return false;
    }
    var canvas = n.closest(".flow-canvas");
    canvas.setAttribute("data-selected", n.getAttribute("data-node"));
    return true;
  }
  document.addEventListener("click", function (event) {
    if (choose(event)) {
      return;
    }
    var z = event.target.closest && event.target.closest("[data-zoom-to]");
    var fig = z && z.closest("figure");
    var canvas = fig && fig.querySelector(".flow-canvas");
    if (canvas) {
      canvas.setAttribute("data-zoom", z.getAttribute("data-zoom-to"));
      fig.querySelectorAll("[data-zoom-to]").forEach(function (b) {
        b.setAttribute("aria-pressed", String(b === z));
      });
    }
  });
  document.addEventListener("keydown", function (event) {
    if ((event.key === "Enter" || event.key === " ") && choose(event)) {
      event.preventDefault();
    }
  });

  // ---- Watching the page --------------------------------------------------

  // A skipped diagram coming into view follows the path it was lit with
  // meanwhile (the event does not bubble: it is heard on its way down).
  document.addEventListener("contentvisibilityautostatechange", function (event) {
    if (event.skipped || !event.target.querySelectorAll) {
      return;
    }
    event.target.querySelectorAll(".flow-canvas").forEach(function (canvas) {
      if (canvas.flowFollow && canvas.flowEnd) {
        follow(canvas, canvas.flowEnd, canvas.flowExit);
      }
    });
  }, true);

  function lightAll() {
    document.querySelectorAll(".flow-canvas").forEach(light);
  }

  // Attribute changes relight one diagram; a diagram newly put in the page
  // (go-app builds an element with its attributes, then inserts it) is lit
  // when it arrives.
  var watched = ["data-path", "data-profile", "data-selected", "data-svg"];
  new MutationObserver(function (changes) {
    var todo = [];
    changes.forEach(function (m) {
      if (m.type === "attributes") {
        if (m.target.classList.contains("flow-canvas")) {
          todo.push(m.target);
        }
        return;
      }
      m.addedNodes.forEach(function (n) {
        if (n.nodeType !== 1) {
          return;
        }
        if (n.matches(".flow-canvas")) {
          todo.push(n);
        } else if (n.matches(".flow-canvas svg.flow")) {
          todo.push(n.parentNode);
        } else {
          n.querySelectorAll(".flow-canvas").forEach(function (c) {
            todo.push(c);
          });
        }
      });
    });
    todo.filter(function (c, i) {
      return todo.indexOf(c) === i;
    }).forEach(light);
  }).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: watched });

  lightAll();
})();
