//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"html"
	"regexp"
	"strconv"
	"strings"
)

// What go-app v9.8.0 writes that the site needs otherwise: mended on the
// pages it serves and on the static site it generates.

// go-app v9.8.0 hard-codes a viewport that forbids zooming (WCAG 1.4.4).
const (
	lockedViewport = `content="width=device-width, initial-scale=1, maximum-scale=1, user-scalable=0, viewport-fit=cover"`
	zoomViewport   = `content="width=device-width, initial-scale=1, viewport-fit=cover"`
)

// fixPage lets people zoom, gives the page its policy (pagePolicy), and
// mends the attributes go-app prerenders.
func fixPage(b []byte) []byte {
	b = bytes.Replace(b, []byte(lockedViewport), []byte(zoomViewport), 1)
	b = addPolicy(b)
	return fixAttrs(b)
}

var charsetMeta = regexp.MustCompile(`(?i)<meta charset="utf-8">\n?`)

// addPolicy puts the page policy right after the charset, before anything
// it governs.
func addPolicy(b []byte) []byte {
	// The policy holds no character an attribute would need escaped.
	meta := `<meta http-equiv="Content-Security-Policy" content="` + pagePolicy + `">` + "\n"
	loc := charsetMeta.FindIndex(b)
	if loc == nil {
		return b
	}
	return append(b[:loc[1]:loc[1]], append([]byte(meta), b[loc[1]:]...)...)
}

// goQuoted is an attribute value that go-app v9.8.0 wrote with
// strconv.Quote and that holds an escape: value="\"v7\"" , which HTML reads
// as value="\" followed by junk.
var goQuoted = regexp.MustCompile(`="((?:[^"\\\n]|\\.)*\\.(?:[^"\\\n]|\\.)*)"`)

// fixAttrs rewrites such values with HTML's escapes: value="&#34;v7&#34;".
func fixAttrs(b []byte) []byte {
	return goQuoted.ReplaceAllFunc(b, func(m []byte) []byte {
		s, err := strconv.Unquote(string(m[1:]))
		if err != nil {
			return m
		}
		return []byte(`="` + html.EscapeString(s) + `"`)
	})
}

// The generator prerenders each page from a server on a random local port,
// and go-app writes that address as the page's og:url; the image is empty.
// go-app writes an element's attributes in no fixed order.
var (
	generatorURL = regexp.MustCompile(`<meta (?:property="og:url" content="http://127\.0\.0\.1:[0-9]+[^"]*"|content="http://127\.0\.0\.1:[0-9]+[^"]*" property="og:url")>\n?`)
	emptyImage   = regexp.MustCompile(`<meta (?:property="og:image" content|content property="og:image")>\n?`)
)

// fixStaticPage drops what a static page cannot know: where it is hosted.
func fixStaticPage(b []byte) []byte {
	b = generatorURL.ReplaceAll(b, nil)
	return emptyImage.ReplaceAll(b, nil)
}

// go-app v9.8.0's app.js fetches app.wasm and hands instantiateStreaming
// a Response it builds itself, a copy of app.wasm's stream pumped through
// JavaScript to count the progress, and it does so only when the deferred
// scripts run. fixAppJS makes it instantiate the module that the head's
// script (earlyWasm) began to compile while the page was parsed, and count
// the progress on that script's copy of the response. Without that script
// (a browser without compileStreaming), app.wasm's own response goes to
// instantiateStreaming and a clone counts the progress.
const (
	goappFetch = "async function fetchWithProgress(url, progess) {"
	ownFetch   = `// whichstatus (cmd/whichstatus/fixes.go): app.wasm is instantiated from
// the module the head's script has been compiling since the head was
// parsed (earlyWasm); the loading bar counts that script's copy of the
// response.
async function whichstatusInstantiate(instantiateStreaming, url, progress, importObject) {
  const early = window.whichstatusWasm;
  if (!early) {
    const response = await fetch(url);
    countProgress(response.clone(), progress);
    return instantiateStreaming(response, importObject);
  }
  countProgress(await early.response, progress);
  return { instance: await WebAssembly.instantiate(await early.module, importObject) };
}

function countProgress(response, progress) {
  let total = NaN;
  try {
    total = parseInt(response.headers.get(goappWasmContentLengthHeader), 10);
  } catch {}
  if (!(total > 0)) {
    total = parseInt(response.headers.get("Content-Length"), 10);
  }
  if (!response.body) {
    return;
  }
  if (!response.ok || !(total > 0)) {
    response.body.cancel().catch(() => {});
    return;
  }
  (async () => {
    const reader = response.body.getReader();
    let loaded = 0, shown = -1;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        break;
      }
      loaded += value.byteLength;
      const p = Math.min(100, Math.round((loaded * 100) / total));
      if (p !== shown) {
        shown = p;
        progress(p);
      }
    }
  })().catch(() => {});
}
`
)

// goappInstantiate is goappInitWebAssembly's call, ownInstantiate ours.
var (
	goappInstantiate = regexp.MustCompile(`const wasm = await instantiateStreaming\(\s*fetchWithProgress\(("[^"\\]*"), showProgress\),\s*go\.importObject\s*\);`)
	ownInstantiate   = "const wasm = await whichstatusInstantiate(instantiateStreaming, $1, showProgress, go.importObject);"
)

// go-app's app.js registers the service worker as it starts. On a first
// visit the worker then installs (it precaches the app, 10 MB into Cache
// Storage) while app.wasm compiles; with the compile begun in the head it
// is often done by then, and the install ran during the Go program's first
// run instead, on a machine with two cores (TestRevisitSplit's trace: the
// worker asked for app.wasm 550 ms into a first run that took 1,043 ms,
// against 513 ms for main's build, whose worker asked during the compile).
// So the worker is registered once the first render has been painted (a
// frame, then a task), or once app.js has given up on app.wasm.
//
// The Go program's first run is cut into tasks (app/ui/boot.go), and
// go.run returns at the first of them, long before the app's render: the
// loader and the worker's registration wait for that render (main marked
// data-booted), or for 10 s if it never comes. The program says it will
// render (window.whichstatusBooting) before its first task ends.
const (
	goappStart = "goappInitServiceWorker();\ngoappWatchForUpdate();\ngoappWatchForInstallable();\ngoappInitWebAssembly();\n"
	ownStart   = "goappWatchForUpdate();\ngoappWatchForInstallable();\n" +
		"goappInitWebAssembly().finally(() => whichstatusAfterBoot(() => requestAnimationFrame(() => setTimeout(goappInitServiceWorker, 0))));\n"
	goappRun = "go.run(wasm.instance);\n    loader.remove();"
	ownRun   = "go.run(wasm.instance);\n    whichstatusAfterBoot(() => loader.remove());"
	ownBoot  = `
// whichstatus (cmd/whichstatus/fixes.go): fn once the app has rendered.
function whichstatusAfterBoot(fn) {
  if (!window.whichstatusBooting || document.querySelector("main[data-booted]")) {
    fn();
    return;
  }
  let done = false;
  const once = () => {
    if (!done) {
      done = true;
      mo.disconnect();
      fn();
    }
  };
  const mo = new MutationObserver(() => {
    if (document.querySelector("main[data-booted]")) {
      once();
    }
  });
  mo.observe(document.body, { childList: true, subtree: true });
  setTimeout(once, 10000);
}
`
)

// fixAppJS replaces go-app's fetchWithProgress, the last function of
// app.js, with ownFetch, has goappInitWebAssembly call it, and removes the
// loader and registers the worker after the first render (ownRun,
// ownStart, ownBoot); an app.js without any of them is left as it is.
func fixAppJS(b []byte) []byte {
	i := bytes.Index(b, []byte(goappFetch))
	if i < 0 || len(goappInstantiate.FindAllIndex(b[:i], -1)) != 1 || bytes.Count(b[:i], []byte(goappStart)) != 1 || bytes.Count(b[:i], []byte(goappRun)) != 1 {
		return b
	}
	b = goappInstantiate.ReplaceAll(b[:i:i], []byte(ownInstantiate))
	b = bytes.Replace(b, []byte(goappStart), []byte(ownStart), 1)
	b = bytes.Replace(b, []byte(goappRun), []byte(ownRun), 1)
	return append(append(b, ownBoot...), ownFetch...)
}

// fixManifest adds the maskable icons, which go-app's manifest template has
// no place for, so installed icons fill the launcher's shape.
func fixManifest(b []byte) []byte {
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return b
	}
	icons, _ := m["icons"].([]any)
	var base string
	for _, i := range icons {
		if icon, ok := i.(map[string]any); ok {
			if src, _ := icon["src"].(string); strings.HasSuffix(src, "/icon-192.png") {
				base = strings.TrimSuffix(src, "icon-192.png")
			}
		}
	}
	if base == "" {
		return b
	}
	for _, size := range []string{"192", "512"} {
		icons = append(icons, map[string]any{
			"src":     base + "icon-maskable-" + size + ".png",
			"type":    "image/png",
			"sizes":   size + "x" + size,
			"purpose": "maskable",
		})
	}
	m["icons"] = icons
	out, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return b
	}
	return out
}
