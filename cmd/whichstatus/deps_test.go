//go:build !wasm

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestClientDeps keeps the wasm client lean: no Markdown parser (the guide
// is rendered at build time) and no server code. It builds the client the
// way the Makefile does and reads the function names the binary keeps.
func TestClientDeps(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the wasm client")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	list := exec.Command(goCmd, "list", "-deps", ".")
	list.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	deps, err := list.Output()
	if err != nil {
		t.Fatalf("go list -deps for the wasm client: %v", err)
	}
	if strings.Contains(string(deps), "goldmark") {
		t.Error("the wasm client imports a Markdown parser (goldmark)")
	}

	wasm := filepath.Join(t.TempDir(), "app.wasm")
	build := exec.Command(goCmd, "build", "-trimpath", "-ldflags=-s -w", "-o", wasm, ".")
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the wasm client: %v\n%s", err, out)
	}
	bin, err := os.ReadFile(wasm)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(bin, []byte("whichstatus/app/engine.Recommend")) {
		t.Fatal("the wasm keeps no function names; this test cannot see what it links")
	}
	for _, banned := range []string{"goldmark", "whichstatus/app/flowchart.SVG", "net/http.(*Server).Serve", "pkg/app.(*Handler).ServeHTTP", "crypto/tls.(*Conn).Handshake"} {
		if bytes.Contains(bin, []byte(banned)) {
			t.Errorf("the wasm client links %s", banned)
		}
	}
}
