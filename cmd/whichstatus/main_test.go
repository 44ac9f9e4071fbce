//go:build !wasm

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"net/http"
	"os"
	"path/filepath"
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
	want := []string{"index.html", "codes.html", "scenarios.html", "guide.html", "app.js", "app-worker.js",
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
	for _, bad := range []string{lockedViewport, "raw.githubusercontent.com", `selected="false"`, `checked="false"`, "127.0.0.1", "og:image", `\"`} {
		if bytes.Contains(page, []byte(bad)) {
			t.Errorf("scenarios/duplicate-email.html contains %q", bad)
		}
	}

	// The worker caches the app shell and the guide's pages, so that deep
	// links work offline; the other pages it caches as they are visited.
	// The client gets the scenarios in app.js rather than in app.wasm.
	worker, _ := os.ReadFile(filepath.Join(out, "app-worker.js"))
	for _, w := range append(precachePaths("/whichstatus"), "/whichstatus/web/client.js", "/whichstatus/web/icon.svg", "/whichstatus/web/app.wasm", "ignoreSearch") {
		if !bytes.Contains(worker, []byte(`"`+w+`"`)) && !bytes.Contains(worker, []byte(w)) {
			t.Errorf("app-worker.js does not cache %s", w)
		}
	}
	for _, p := range sitePaths("/whichstatus") {
		if strings.HasPrefix(p, "/whichstatus/scenarios/") && bytes.Contains(worker, []byte(`"`+p+`"`)) {
			t.Errorf("app-worker.js precaches %s, which the app shell renders", p)
		}
	}
	if n := len(sitePaths("")); n != len(scenario.All())+4+len(ui.GuidePages()) {
		t.Errorf("sitePaths lists %d pages", n)
	}
	if n := len(precachePaths("")); n != 1+len(ui.GuidePages()) {
		t.Errorf("precachePaths lists %d pages", n)
	}
	appJS, _ := os.ReadFile(filepath.Join(out, "app.js"))
	if !bytes.Contains(appJS, []byte(ui.ScenariosEnv)) {
		t.Errorf("app.js does not carry the scenarios")
	}
	// app.wasm's own response goes to instantiateStreaming (fixAppJS).
	if !bytes.HasSuffix(appJS, []byte(ownFetch)) || bytes.Contains(appJS, []byte("new ReadableStream")) || bytes.Count(appJS, []byte("function fetchWithProgress")) != 1 {
		t.Errorf("app.js still wraps app.wasm's response in a stream of its own")
	}
	if !bytes.Contains(page, []byte(embeddedClass)) || !bytes.Contains(page, []byte(`/whichstatus/web/client.js`)) {
		t.Errorf("scenarios/duplicate-email.html lacks client.js or the embed marker")
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
	for deadline := time.Now().Add(5 * time.Second); base == "" && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if _, u, ok := strings.Cut(out.String(), "serving on "); ok {
			base = strings.TrimSpace(u)
		}
	}
	if base == "" {
		t.Fatalf("serve printed %q, want its URL", out.String())
	}
	get := func(path string) (int, string, http.Header) {
		res, err := http.Get(strings.TrimSuffix(base, "/") + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b), res.Header
	}
	if code, body, _ := get("/scenarios/duplicate-email"); code != 200 || !strings.Contains(body, zoomViewport) || !strings.Contains(body, ">409<") {
		t.Errorf("GET /scenarios/duplicate-email = %d, want 200 with the verdict and a zoomable viewport", code)
	}
	if code, _, _ := get("/scenarios/no-such-thing"); code != http.StatusNotFound {
		t.Errorf("GET /scenarios/no-such-thing = %d, want 404", code)
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
