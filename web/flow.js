// flow.js: lights a case's path on the flow diagram (app/ui/flow.go).
//
// The app inserts each diagram once, as a constant SVG, and says what to
// light in attributes of the HTML element around it, which go-app sets
// with setAttribute:
//
//   data-profile   which of the diagrams inside is shown
//   data-path      the trace, "node:answer" tokens in order
//   data-selected  the node whose step is shown below the diagram
//   data-svg       set once the diagrams are in
//
// This script copies that onto the SVG's own elements as data-* attributes
// (go-app v9 cannot set classes on SVG elements: its className write fails
// silently), and web/style.css draws them. An edit changes one attribute,
// and only a few dozen attributes change in the SVG: it is never rebuilt.
"use strict";

(function () {
  var lit = "data-lit";

  function find(svg, attr, value) {
    return svg.querySelector("[" + attr + '="' + CSS.escape(value) + '"]');
  }

  function light(canvas) {
    var svg = canvas.querySelector('svg.flow[data-profile="' + CSS.escape(canvas.getAttribute("data-profile") || "") + '"]');
    canvas.querySelectorAll("svg.flow [data-lit], svg.flow [data-selected]").forEach(function (e) {
      e.removeAttribute(lit);
      e.removeAttribute("data-step");
      e.removeAttribute("data-selected");
    });
    if (!svg) {
      return;
    }
    var sel = canvas.getAttribute("data-selected");
    var chosen = sel ? find(svg, "data-node", sel) : null;
    if (chosen) {
      chosen.setAttribute("data-selected", "");
    }
    var path = (canvas.getAttribute("data-path") || "").split(" ").filter(Boolean);
    var end = null;
    var exit = null;
    path.forEach(function (tok, k) {
      var at = tok.lastIndexOf(":");
      var id = tok.slice(0, at);
      var last = k === path.length - 1;
      var n = find(svg, "data-node", id);
      var e = find(svg, "data-edge", tok);
      if (n) {
        n.setAttribute(lit, last ? "end" : "path");
        n.setAttribute("data-step", String(k + 1));
      }
      if (e) {
        e.setAttribute(lit, last ? "exit" : "path");
      }
      if (last) {
        var t = find(svg, "data-from", tok);
        if (t) {
          t.setAttribute(lit, "end");
        }
        end = n;
        exit = t;
      }
    });
    if (end && canvas.hasAttribute("data-follow")) {
      follow(canvas, end, exit);
    }
  }

  // follow scrolls the diagram's own box, never the page, so that the
  // question that decided is in sight, and as much of its exit as fits.
  function follow(canvas, node, exit) {
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
