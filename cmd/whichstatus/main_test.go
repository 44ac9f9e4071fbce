//go:build !wasm

package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"whichstatus/app/scenario"
	"whichstatus/app/ui"
)

func TestMain(m *testing.M) {
	registerRoutes()
	code := m.Run()
	for _, f := range atExit {
		f()
	}
	os.Exit(code)
}

// atExit is what the tests leave to clean up when they all have run (a
// build shared by several tests).
var atExit []func()

func TestRunCommands(t *testing.T) {
	tests := []struct {
		args    []string
		wantErr string // a part of the error, "" for none
		stdout  string // a part of stdout
	}{
		{args: []string{"help"}, stdout: "Usage:"},
		{args: []string{"frobnicate"}, wantErr: `unknown command "frobnicate"`},
		{args: []string{"build", "-prefix", "a b"}, wantErr: "-prefix"},
		{args: []string{"build", "-out", t.TempDir(), "-dir", t.TempDir()}, wantErr: "make wasm"},
		{args: []string{"serve", "extra"}, wantErr: "usage"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		err := run(context.Background(), tt.args, strings.NewReader(""), &stdout, &stderr)
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("run(%q) = %v, want no error", tt.args, err)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("run(%q) = %v, want an error containing %q", tt.args, err, tt.wantErr)
		}
		if !strings.Contains(stdout.String(), tt.stdout) {
			t.Errorf("run(%q) printed %q, want it to contain %q", tt.args, stdout.String(), tt.stdout)
		}
	}
}

func TestRunHelpFlag(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"serve", "-h"}, nil, &stdout, &stderr)
	if !errors.Is(err, flag.ErrHelp) {
		t.Errorf("run(serve -h) = %v, want flag.ErrHelp", err)
	}
	if !strings.Contains(stderr.String(), "-addr") {
		t.Errorf("serve -h printed %q, want the flags", stderr.String())
	}
}

func TestCleanPrefix(t *testing.T) {
	for in, want := range map[string]string{
		"": "", "/": "", "whichstatus": "/whichstatus", "/whichstatus/": "/whichstatus", "/a/b": "/a/b",
	} {
		if got, err := cleanPrefix(in); err != nil || got != want {
			t.Errorf("cleanPrefix(%q) = %q, %v, want %q", in, got, err, want)
		}
	}
	if _, err := cleanPrefix(`/x"y`); err == nil {
		t.Errorf(`cleanPrefix("/x\"y") = nil error, want one`)
	}
}

func TestFixAttrs(t *testing.T) {
	for in, want := range map[string]string{
		`<input value="\"v7\"" id="x">`:           `<input value="&#34;v7&#34;" id="x">`,
		`<textarea placeholder="{\"a\": \"b\"}">`: `<textarea placeholder="{&#34;a&#34;: &#34;b&#34;}">`,
		`<a href="/guide/x" title="plain">`:       `<a href="/guide/x" title="plain">`,
	} {
		if got := string(fixAttrs([]byte(in))); got != want {
			t.Errorf("fixAttrs(%s) = %s, want %s", in, got, want)
		}
	}
}

// fakeWeb makes a web/ directory with every file the site needs; the wasm
// is a stand-in, the pages do not need it to be real.
func fakeWeb(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	web := filepath.Join(dir, "web")
	if err := os.MkdirAll(web, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range webFiles {
		src := filepath.Join("..", "..", "web", f)
		if f == "app.wasm" {
			if err := os.WriteFile(filepath.Join(web, f), []byte("\x00asm"), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := copyFile(src, filepath.Join(web, f)); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestBuild(t *testing.T) {
	dir := fakeWeb(t)
	out := t.TempDir()
	var stdout bytes.Buffer
	if err := run(context.Background(), []string{"build", "-out", out, "-prefix", "/whichstatus", "-dir", dir}, nil, &stdout, io.Discard); err != nil {
		t.Fatalf("build: %v", err)
	}
	if !strings.Contains(stdout.String(), "/whichstatus/") {
		t.Errorf("build printed %q, want the prefix", stdout.String())
	}
	want := []string{"index.html", "codes.html", "scenarios.html", "guide.html", "404.html", "flow.html", "app.js", "app-worker.js",
		"manifest.webmanifest", "wasm_exec.js", "app.css"}
	for _, f := range webFiles {
		want = append(want, "web/"+f)
	}
	for _, s := range scenario.All() {
		want = append(want, "scenarios/"+s.ID+".html")
	}
	for _, f := range want {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("build wrote no %s", f)
		}
	}

	page, _ := os.ReadFile(filepath.Join(out, "scenarios", "duplicate-email.html"))
	s, _ := scenario.ByID("duplicate-email")
	for _, w := range []string{
		"<title>" + s.Title, zoomViewport, `href="/whichstatus/codes"`, `src="/whichstatus/web/icon.svg"`, ">409<",
	} {
		if !bytes.Contains(page, []byte(w)) {
			t.Errorf("scenarios/duplicate-email.html lacks %q", w)
		}
	}
	// The flow diagram comes after the first render, never in it.
	for _, bad := range []string{lockedViewport, "raw.githubusercontent.com", `selected="false"`, `checked="false"`, "127.0.0.1", "og:image", `\"`, `<svg`} {
		if bytes.Contains(page, []byte(bad)) {
			t.Errorf("scenarios/duplicate-email.html contains %q", bad)
		}
	}

	// The worker caches the app shell and the guide's pages, so that deep
	// links work offline; the other pages it caches as they are visited.
	// The client gets the scenarios in app.js rather than in app.wasm.
	worker, _ := os.ReadFile(filepath.Join(out, "app-worker.js"))
	for _, w := range append(precachePaths("/whichstatus"), "/whichstatus/web/client.js", "/whichstatus/web/icon.svg", "/whichstatus/web/app.wasm", `url.search = "";`,
		"/whichstatus/web/flow.js") {
		if !bytes.Contains(worker, []byte(`"`+w+`"`)) && !bytes.Contains(worker, []byte(w)) {
			t.Errorf("app-worker.js does not cache %s", w)
		}
	}
	// The scripts and styles every first visit downloads are served
	// without their comments, and with all of their code.
	for name := range uncommented {
		src, _ := os.ReadFile(filepath.Join("..", "..", "web", name))
		got, _ := os.ReadFile(filepath.Join(out, "web", name))
		if bytes.Contains(got, []byte("/*")) || regexp.MustCompile(`(?m)^\s*//`).Match(got) || len(got) > len(src)*9/10 || !bytes.Equal(withoutComments(name, got), got) {
			t.Errorf("web/%s is served with its comments (%d bytes of %d)", name, len(got), len(src))
		}
	}
	if got := withoutComments("a.css", []byte("a { color: red; } /* one */\n/* two\nlines */\nb {}\n")); string(got) != "a { color: red; }\nb {}\n" {
		t.Errorf("withoutComments on a stylesheet: %q", got)
	}
	if got := withoutComments("a.js", []byte("// one\nconst a = 1; // kept\n\n  // two\nf(a);\n")); string(got) != "const a = 1; // kept\nf(a);\n" {
		t.Errorf("withoutComments on a script: %q", got)
	}
	// What no page shows is not precached: the maskable icons, and the
	// diagrams' files, which the worker cuts from /flow's page offline.
	for _, w := range []string{"icon-maskable-192.png", "icon-maskable-512.png", "flow-rfc9110.svg", "flow-drf.svg"} {
		if bytes.Contains(worker, []byte(w)) {
			t.Errorf("app-worker.js precaches %s", w)
		}
	}
	// The worker looks every request up under its address without the
	// query, so nothing may be cached under an address with one.
	if list := regexp.MustCompile(`const resources = \[\s*\.\.\.new Set\(\s*(\[[^\]]*\])`).FindSubmatch(worker); list == nil || bytes.Contains(list[1], []byte("?")) {
		t.Errorf("app-worker.js's precache list is missing or names an address with a query: %.300s", list)
	}
	if n := len(sitePaths("")); n != len(scenario.All())+7+len(ui.GuidePages()) {
		t.Errorf("sitePaths lists %d pages", n)
	}
	if n := len(precachePaths("")); n != 3+len(ui.GuidePages()) {
		t.Errorf("precachePaths lists %d pages", n)
	}
	// The prerendered practice page offers the sets and holds no question:
	// questions are made and decided in the browser.
	practice, _ := os.ReadFile(filepath.Join(out, "practice.html"))
	if !bytes.Contains(practice, []byte("Choose a set")) || bytes.Contains(practice, []byte("q-prompt")) {
		t.Errorf("practice.html should list the sets and no question")
	}

	// The worker knows the pages, so that offline an unknown address gets
	// the 404 page; the 404 page is not one of them.
	if !bytes.Contains(worker, []byte(`"/whichstatus/scenarios/duplicate-email"`)) || bytes.Contains(worker, []byte("/* pages */")) {
		t.Errorf("app-worker.js lacks the list of pages")
	}

	// Every page carries the policy, before any script; the 404 page is
	// one of them, in the site's look.
	err := filepath.WalkDir(out, func(path string, d os.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(path, ".html") {
			return err
		}
		b, _ := os.ReadFile(path)
		meta := bytes.Index(b, []byte(`<meta http-equiv="Content-Security-Policy" content="`+pagePolicy+`">`))
		if meta < 0 || bytes.Contains(b[:meta], []byte("<script")) {
			t.Errorf("%s lacks the page policy before its scripts", path)
		}
		if bytes.Contains(b, []byte(" style=")) {
			t.Errorf("%s has a style attribute, which the policy refuses", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	notFound, _ := os.ReadFile(filepath.Join(out, "404.html"))
	for _, w := range []string{"There is no page here", `href="/whichstatus/scenarios"`, `href="/whichstatus/codes"`, `class="shell"`} {
		if !bytes.Contains(notFound, []byte(w)) {
			t.Errorf("404.html lacks %s", w)
		}
	}

	// /flow is prerendered with both diagrams, so that it works offline.
	flow, _ := os.ReadFile(filepath.Join(out, "flow.html"))
	for _, w := range []string{`<svg xmlns="http://www.w3.org/2000/svg" class="flow" data-profile="rfc9110"`, `class="flow" data-profile="drf"`, `data-node="method-allowed"`, `data-from="rules-ok:no"`} {
		if !bytes.Contains(flow, []byte(w)) {
			t.Errorf("flow.html lacks %s", w)
		}
	}
	appJS, _ := os.ReadFile(filepath.Join(out, "app.js"))
	if !bytes.Contains(appJS, []byte(ui.ScenariosEnv)) {
		t.Errorf("app.js does not carry the scenarios")
	}
	// app.js instantiates the module the head's script compiles, and
	// wraps app.wasm's response in no stream of its own (fixAppJS).
	if !bytes.HasSuffix(appJS, []byte(ownFetch)) || bytes.Contains(appJS, []byte("new ReadableStream")) || bytes.Contains(appJS, []byte("fetchWithProgress")) ||
		!bytes.Contains(appJS, []byte(`await whichstatusInstantiate(instantiateStreaming, "/whichstatus/web/app.wasm", showProgress, go.importObject);`)) {
		t.Errorf("app.js does not instantiate the module the page's head compiles")
	}
	if !bytes.Contains(appJS, []byte(ownStart)) || bytes.Count(appJS, []byte("goappInitServiceWorker();")) != 0 {
		t.Errorf("app.js registers the service worker before the first render")
	}
	if !bytes.Contains(appJS, []byte(ownRun)) || !bytes.Contains(appJS, []byte(ownBoot)) || bytes.Contains(appJS, []byte(goappRun)) {
		t.Errorf("app.js removes the loader before the first render")
	}
	if !bytes.Contains(page, []byte(embeddedClass)) || !bytes.Contains(page, []byte(`/whichstatus/web/client.js`)) {
		t.Errorf("scenarios/duplicate-email.html lacks client.js or the embed marker")
	}
	// app.wasm is asked for and compiled while the page is parsed
	// (earlyWasm), under the prefix, by a script the policy allows.
	if !bytes.Contains(page, []byte(`<script data-wasm="/whichstatus/web/app.wasm">`+earlyWasmScript+`</script>`)) {
		t.Errorf("scenarios/duplicate-email.html does not compile app.wasm from its head under the prefix")
	}
	if !bytes.Contains(page, []byte(scriptHash(earlyWasmScript))) {
		t.Errorf("scenarios/duplicate-email.html's policy does not allow the script that compiles app.wasm")
	}

	var m struct {
		Scope string `json:"scope"`
		Icons []struct {
			Src     string `json:"src"`
			Purpose string `json:"purpose"`
		} `json:"icons"`
	}
	b, _ := os.ReadFile(filepath.Join(out, "manifest.webmanifest"))
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("manifest: %v", err)
	}
	maskable := 0
	for _, i := range m.Icons {
		if !strings.HasPrefix(i.Src, "/whichstatus/web/") {
			t.Errorf("manifest icon %s is not a local icon under the prefix", i.Src)
		}
		if i.Purpose == "maskable" {
			maskable++
		}
	}
	if m.Scope != "/whichstatus/" || maskable == 0 {
		t.Errorf("manifest scope %q, %d maskable icons; want /whichstatus/ and some", m.Scope, maskable)
	}
}

func TestServe(t *testing.T) {
	dir := fakeWeb(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := &syncBuffer{}
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"serve", "-addr", "127.0.0.1:0", "-dir", dir}, nil, out, io.Discard) }()

	var base string
	for deadline := time.Now().Add(60 * time.Second); base == "" && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if _, u, ok := strings.Cut(out.String(), "serving on "); ok {
			base = strings.TrimSuffix(strings.TrimSpace(u), "/")
		}
	}
	if base == "" {
		t.Fatalf("serve printed %q, want its URL", out.String())
	}
	get := func(path string, header ...string) (int, string, http.Header) {
		req, _ := http.NewRequest("GET", base+path, nil)
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		// The transport asks for gzip and unpacks it only when the
		// request does not say Accept-Encoding itself.
		res, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b), res.Header
	}
	if code, body, h := get("/scenarios/duplicate-email"); code != 200 || !strings.Contains(body, zoomViewport) || !strings.Contains(body, ">409<") ||
		h.Get("Content-Security-Policy") != pagePolicy || h.Get("Cache-Control") != "max-age=600" || h.Get("ETag") == "" || h.Get("Last-Modified") == "" {
		t.Errorf("GET /scenarios/duplicate-email = %d %v, want 200 with the verdict, a zoomable viewport, the policy and caching headers", code, h)
	}
	for _, path := range []string{"/scenarios/no-such-thing", "/guide/", "/codes/", "/nope", "/web/icongen.go", "/web/"} {
		if code, body, h := get(path); code != http.StatusNotFound || !strings.Contains(body, "There is no page here") || h.Get("Content-Security-Policy") == "" {
			t.Errorf("GET %s = %d, want 404 with the 404 page and the policy", path, code)
		}
	}
	if code, body, _ := get("/404"); code != 200 || !strings.Contains(body, "There is no page here") {
		t.Errorf("GET /404 = %d, want the page itself (the worker caches it)", code)
	}
	if code, body, _ := get("/manifest.webmanifest"); code != 200 || !strings.Contains(body, "maskable") {
		t.Errorf("GET /manifest.webmanifest = %d, want 200 with maskable icons", code)
	}
	if code, _, h := get("/web/icon-192.png"); code != 200 || h.Get("Content-Type") != "image/png" {
		t.Errorf("GET /web/icon-192.png = %d %s, want 200 image/png", code, h.Get("Content-Type"))
	}
	if code, body, _ := get("/app.js"); code != 200 || !strings.Contains(body, "WHICHSTATUS_GUIDE_INDEX") {
		t.Errorf("GET /app.js = %d, want the guide's index in the client's environment", code)
	}

	// Compressed by Accept-Encoding, with app.wasm's real length for
	// go-app's loading bar; a revalidation gets 304.
	code, gz, h := get("/app.js", "Accept-Encoding", "br, gzip;q=0.8")
	if code != 200 || h.Get("Content-Encoding") != "gzip" || h.Get("Vary") != "Accept-Encoding" || !strings.HasPrefix(gz, "\x1f\x8b") {
		t.Errorf("GET /app.js, gzip accepted = %d %v, want a gzip body", code, h)
	}
	if _, _, h := get("/app.js", "Accept-Encoding", "gzip;q=0"); h.Get("Content-Encoding") != "" {
		t.Errorf("GET /app.js with gzip;q=0 is %s, want it plain", h.Get("Content-Encoding"))
	}
	if _, _, h := get("/web/app.wasm", "Accept-Encoding", "gzip"); h.Get(wasmLengthHeader) != "4" {
		t.Errorf("GET /web/app.wasm: %s = %q, want its uncompressed length, 4", wasmLengthHeader, h.Get(wasmLengthHeader))
	}
	if code, _, _ := get("/app.js", "If-None-Match", h.Get("ETag")); code != http.StatusNotModified {
		t.Errorf("GET /app.js with its ETag = %d, want 304", code)
	}
	if code, _, _ := get("/", "If-Modified-Since", h.Get("Last-Modified")); code != http.StatusNotModified {
		t.Errorf("GET / If-Modified-Since its Last-Modified = %d, want 304", code)
	}

	// Only the site: a path out of it, however it is spelled, is a 404.
	for _, path := range traversals {
		if code, body := rawGet(t, base, path); code != http.StatusNotFound || strings.Contains(body, "[core]") || strings.Contains(body, "module whichstatus") {
			t.Errorf("GET %s (as sent) = %d, want 404 and nothing from outside the site", path, code)
		}
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve ended with %v, want nil after the context ends", err)
		}
	case <-time.After(5 * time.Second):
		t.Errorf("serve did not stop when its context ended")
	}
}

// traversals are requests for files outside the site, as sent, never
// cleaned by a client: encoded and raw dots and slashes, under /web/ and
// at the root.
var traversals = []string{
	"/web/%2e%2e/.git/config", "/web/%2e%2e/", "/web/..%2f.git/config", "/web/../.git/config",
	"/web/%2E%2E%2Fgo.mod", "/web/%2e%2e%2f%2e%2e%2fetc/passwd", "/web/..%5cgo.mod", "/web/....//go.mod",
	"/%2e%2e/go.mod", "/..%2fgo.mod", "/../go.mod", "/.git/config", "/go.mod", "/cmd/whichstatus/server.go",
	"/web/%2e%2e", "//etc/passwd", "/web//../../go.mod", "/./go.mod", "/%2e/go.mod",
}

// rawGet sends a request line as it is: net/http's client would clean or
// re-encode the path.
func rawGet(t *testing.T, base, path string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", path)
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// syncBuffer is a bytes.Buffer that serve may write while the test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// The policy allows the site itself, the wasm and the one inline script,
// nothing loose; it goes in an attribute as it is.
func TestPagePolicy(t *testing.T) {
	for _, bad := range []string{"'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:", `"`, "&", "<", "frame-ancestors"} {
		if strings.Contains(pagePolicy, bad) {
			t.Errorf("pagePolicy has %s: %s", bad, pagePolicy)
		}
	}
	for _, want := range []string{"default-src 'self'", "'wasm-unsafe-eval'", scriptHash(embedScript), "object-src 'none'"} {
		if !strings.Contains(pagePolicy, want) {
			t.Errorf("pagePolicy lacks %s: %s", want, pagePolicy)
		}
	}
	if !strings.Contains(embeddedClass, ">"+embedScript+"<") {
		t.Errorf("the hash is not of the script the pages carry")
	}
}
