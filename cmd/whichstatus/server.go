//go:build !wasm

package main

import (
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/scenario"
	"whichstatus/app/ui"
	"whichstatus/content"
)

// The files under web/ that the site needs; everything else there (the icon
// generator) stays out of it. app.wasm comes first (see build).
var webFiles = []string{
	"app.wasm",
	"style.css",
	"verdict.css",
	"client.js",
	"icon.svg",
	"icon-192.png",
	"icon-512.png",
	"icon-maskable-192.png",
	"icon-maskable-512.png",
	"flow.js",          // lights a case's path on the flow diagram
	"flow-rfc9110.svg", // the diagrams (go test ./app/flowchart -update)
	"flow-drf.svg",
	"embed.js",            // for course pages that embed the app
	"course-example.html", // an example of such a page
	"course-example.css",
}

// workerJS is the service worker's template: it serves every page, deep
// links, query strings and a sub-path offline, which go-app's default
// worker does not.
//
//go:embed app-worker.js
var workerJS string

// embedScript marks an embed (?embed=1) before the page paints, so that
// the prerendered page with the site's chrome never shows in a course page
// while app.wasm loads (web/style.css hides it), and gives it the course
// page's theme if the embed names one (&theme=light or dark; auto, or none,
// follows the reader's setting). An embed of a scenario as it is (no case,
// lock or flow in the address) shows the embed view its page holds
// prerendered (embed-preview; app/ui's embedPreview). It is inline to run
// before the first paint; the page policy allows it by its hash
// (pagePolicy).
const embedScript = `(function (q, c) { if (/[?&]embed=1(&|$)/.test(q)) { c.add("embedded"); if (!/[?&](case|lock|flow)=/.test(q)) c.add("embed-preview"); var t = /[?&]theme=(light|dark)(&|$)/.exec(q); if (t) c.add("theme-" + t[1]); } })(location.search, document.documentElement.classList);`

const embeddedClass = "<script>" + embedScript + "</script>"

// sitePaths is every page of the site under the prefix.
func sitePaths(prefix string) []string {
	var paths []string
	routes(func(path string, _ app.Composer) { paths = append(paths, prefix+path) })
	return paths
}

// precachePaths are the pages the service worker caches when it installs,
// beside the app itself: the root, which is also the app shell that boots
// any page offline (the client renders every route from app.js), and the
// guide's pages, whose text is in no other file (the client fetches them),
// and the 404 page, which the worker answers offline for an unknown page.
// The other pages are cached when they are first visited: caching all 74
// at about 50 KB each cost every first visit 3.7 MB.
func precachePaths(prefix string) []string {
	// /flow's page holds both diagrams: the playground cuts them out of it,
	// so it must be there offline before anyone has opened it.
	paths := []string{prefix + "/", prefix + notFoundPath, prefix + "/flow"}
	for _, p := range ui.GuidePages() {
		paths = append(paths, prefix+"/guide/"+p.Slug)
	}
	return paths
}

// newHandler configures the app for build (serve serves what build
// writes). res gives the sub-path the site is served under (its Package,
// "" at the root).
func newHandler(res app.ResourceProvider, version string) *app.Handler {
	return &app.Handler{
		Name:            "whichstatus",
		ShortName:       "whichstatus",
		Title:           "whichstatus: which HTTP status code, and why?",
		Description:     "Build a request, describe the server, and see which HTTP status code it should get, with the reasons, the headers to send and the constants to type.",
		Lang:            "en",
		Author:          "whichstatus",
		Keywords:        []string{"HTTP", "status code", "REST", "API", "RFC 9110", "Django REST Framework"},
		BackgroundColor: "#f7f7fb",
		ThemeColor:      "#1e1b4b",
		LoadingLabel:    "Loading the playground… {progress}%",
		// serve compresses app.wasm and sends its real length here.
		WasmContentLengthHeader: wasmLengthHeader,
		Icon: app.Icon{
			Default:    "/web/icon-192.png",
			Large:      "/web/icon-512.png",
			SVG:        "/web/icon.svg",
			AppleTouch: "/web/icon-192.png",
		},
		Styles:     []string{"/web/style.css", "/web/verdict.css"},
		Scripts:    []string{"/web/client.js defer", "/web/flow.js defer"},
		RawHeaders: []string{embeddedClass, earlyWasm(res)},
		// go-app caches the icons it names, the styles and scripts; not the
		// SVG icon (the logo in the header) or any page but the root. Not
		// cached, because no page shows them: the maskable icons (the
		// manifest's, for installing the app), and the diagrams' SVG files,
		// which /flow offers to download: /flow's page holds both diagrams
		// (the playground cuts them from it), and offline the worker cuts a
		// file from it the same way (app-worker.js). Both cost every first
		// visit 33 KB.
		CacheableResources:    append([]string{"/web/icon.svg"}, precachePaths(res.Package())...),
		ServiceWorkerTemplate: workerTemplate(res.Package()),
		// The guide's index, the code notes and the scenarios travel in
		// app.js, so that app.wasm need not embed the content (see
		// ui.ClientEnv and ui.ScenariosEnv).
		Env:       clientEnv(),
		Resources: res,
		Version:   version,
	}
}

// earlyWasm starts compiling app.wasm as soon as the head is parsed.
// go-app's app.js is a deferred script: it runs once the whole prerendered
// page has been parsed, styled and laid out (300–400 ms on a revisit, while
// hello world's page takes 100), and only then called instantiateStreaming,
// though app.wasm had been preloaded long before. Here fetch() asks for it
// as the preload did, and V8 compiles it on its own threads while the page
// is parsed; app.js only instantiates the module (fixAppJS). It holds no
// URL, so that its hash (pagePolicy) is the same under any prefix: the
// script's data-wasm names app.wasm.
func earlyWasm(res app.ResourceProvider) string {
	return `<script data-wasm="` + res.AppWASM() + `">` + earlyWasmScript + `</script>`
}

// earlyWasmScript loads app.wasm only where go-app's app.js would
// (goappCanLoadWebAssembly: not for bots, not with ?wasm=false), and keeps
// for app.js the module being compiled and a copy of the response, whose
// bytes count the loading bar's progress. A failure is app.js's to show:
// both promises are marked handled here, and app.js awaits them.
const earlyWasmScript = `(function (w, s) {
  if (!w.WebAssembly || !WebAssembly.compileStreaming || !w.fetch ||
    /bot|googlebot|crawler|spider|robot|crawling/i.test(navigator.userAgent) ||
    new URLSearchParams(location.search).get("wasm") === "false") {
    return;
  }
  var got = fetch(s.dataset.wasm);
  var early = w.whichstatusWasm = {
    response: got.then(function (r) { return r.clone(); }),
    module: WebAssembly.compileStreaming(got),
  };
  early.response.catch(function () {});
  early.module.catch(function () {});
})(window, document.currentScript);`

// workerTemplate is the worker with the list of the site's pages in it:
// offline, a page that is not on it gets the 404 page and its status. Its
// comment lines and blank lines are left out of what is served (they stay
// in app-worker.js): every first visit downloads the worker, and they were
// 1.3 KB of its 3.4 with gzip.
func workerTemplate(prefix string) string {
	var pages []string
	for _, p := range sitePaths(prefix) {
		if p != prefix+notFoundPath {
			pages = append(pages, p)
		}
	}
	b, _ := json.Marshal(pages)
	var code []string
	for _, line := range strings.Split(workerJS, "\n") {
		if t := strings.TrimSpace(line); t != "" && !strings.HasPrefix(t, "//") {
			code = append(code, line)
		}
	}
	return strings.Replace(strings.Join(code, "\n")+"\n", "/* pages */ []", string(b), 1)
}

func clientEnv() app.Environment {
	env := ui.ClientEnv()
	env[ui.ScenariosEnv] = string(scenario.JSON())
	env[ui.ScenarioIndexEnv] = scenario.IndexText()
	return env
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:8000", "address to listen on")
	dir := fs.String("dir", ".", "directory holding web/ (app.wasm, style.css, icons)")
	prefix := fs.String("prefix", "", "sub-path to serve the site under, e.g. /whichstatus")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	p, err := cleanPrefix(*prefix)
	if err != nil {
		return err
	}
	// The site that build writes, and only that: built into a temporary
	// directory, read into memory, and served from there.
	out, err := os.MkdirTemp("", "whichstatus-serve-")
	if err != nil {
		return err
	}
	_, err = build(out, p, filepath.Join(*dir, "web"))
	var s *site
	if err == nil {
		s, err = loadSite(out, p)
	}
	os.RemoveAll(out)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "whichstatus: serving on http://%s%s/\n", ln.Addr(), p)
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func runBuild(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	out := fs.String("out", "dist", "directory to write the site to")
	prefix := fs.String("prefix", "", "sub-path the site is served under, e.g. /whichstatus")
	dir := fs.String("dir", ".", "directory holding web/ (app.wasm, style.css, icons)")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	p, err := cleanPrefix(*prefix)
	if err != nil {
		return err
	}
	n, err := build(*out, p, filepath.Join(*dir, "web"))
	if err != nil {
		return err
	}
	where := "/"
	if p != "" {
		where = p + "/"
	}
	fmt.Fprintf(stdout, "whichstatus: wrote %d pages to %s, to be served under %s\n", n, *out, where)
	return nil
}

// cleanPrefix turns "whichstatus", "/whichstatus/" and "/whichstatus" into
// "/whichstatus", and "" or "/" into "".
func cleanPrefix(p string) (string, error) {
	p = strings.Trim(p, "/")
	if p == "" {
		return "", nil
	}
	for _, r := range p {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./~", r)) {
			return "", fmt.Errorf("build: -prefix %q: use letters, digits and - _ . / ~ only", p)
		}
	}
	return "/" + p, nil
}

// build writes the static site: go-app's pages (one per route), then our
// web/ files, then the fixes go-app's generator does not allow for.
func build(out, prefix, web string) (pages int, err error) {
	wasm, err := os.ReadFile(filepath.Join(web, "app.wasm"))
	if err != nil {
		return 0, fmt.Errorf("build: %w (build the wasm first: make wasm)", err)
	}
	sum := sha256.New()
	sum.Write(wasm)
	var res app.ResourceProvider = app.LocalDir("")
	if prefix != "" {
		res = app.CustomProvider("", prefix)
	}
	for _, name := range webFiles[1:] {
		b, err := os.ReadFile(filepath.Join(web, name))
		if err != nil {
			return 0, fmt.Errorf("build: %w", err)
		}
		sum.Write(b)
	}
	// The guide's pages are not in app.wasm: a new text is a new version
	// too, or installed apps would keep the old one. So is a new worker.
	sum.Write([]byte(workerJS))
	err = fs.WalkDir(content.HTML, ".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := content.HTML.ReadFile(path)
			sum.Write([]byte(path))
			sum.Write(b)
		}
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("build: %w", err)
	}
	version := hex.EncodeToString(sum.Sum(nil))[:16]

	if err := os.MkdirAll(out, 0o755); err != nil {
		return 0, fmt.Errorf("build: %w", err)
	}
	if err := app.GenerateStaticWebsite(out, newHandler(res, version)); err != nil {
		return 0, fmt.Errorf("build: %w", err)
	}
	for _, name := range webFiles {
		if err := copyFile(filepath.Join(web, name), filepath.Join(out, "web", name)); err != nil {
			return 0, fmt.Errorf("build: %w", err)
		}
		if uncommented[name] {
			p := filepath.Join(out, "web", name)
			b, _ := os.ReadFile(p)
			if err := os.WriteFile(p, withoutComments(name, b), 0o644); err != nil {
				return 0, fmt.Errorf("build: %w", err)
			}
		}
	}
	err = filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		var fix func([]byte) []byte
		switch {
		case strings.HasSuffix(path, ".html"):
			fix = func(b []byte) []byte { return fixStaticPage(fixPage(b)) }
			pages++
		case filepath.Base(path) == "manifest.webmanifest":
			fix = fixManifest
		case path == filepath.Join(out, "app.js"):
			fix = fixAppJS
		default:
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(path, fix(b), 0o644)
	})
	if err != nil {
		return 0, fmt.Errorf("build: %w", err)
	}
	return pages, nil
}

// uncommented are the scripts and styles every first visit downloads
// (the worker precaches them) and whose comments the site leaves out:
// they were 5 KB of 27 with gzip. Their sources keep them; embed.js and
// the course example, which course authors read, keep them too.
var uncommented = map[string]bool{"client.js": true, "flow.js": true, "style.css": true, "verdict.css": true}

// withoutComments drops a script's comment lines (a line whose text
// starts with //; our scripts have no template literals) or a
// stylesheet's /* … */ comments, and blank lines.
func withoutComments(name string, b []byte) []byte {
	s := string(b)
	if strings.HasSuffix(name, ".css") {
		for {
			i := strings.Index(s, "/*")
			j := strings.Index(s[max(i, 0):], "*/")
			if i < 0 || j < 0 {
				break
			}
			s = s[:i] + s[i+j+2:]
		}
	}
	var lines []string
	for _, line := range strings.Split(s, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasSuffix(name, ".js") && strings.HasPrefix(t, "//") {
			continue
		}
		lines = append(lines, strings.TrimRight(line, " \t"))
	}
	return []byte(strings.Join(lines, "\n") + "\n")
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o644)
}
