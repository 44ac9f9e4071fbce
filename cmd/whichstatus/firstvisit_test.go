//go:build browser && !wasm

// TestFirstVisitBytes: make bench's first visit (a fresh profile opens /,
// the service worker installs, nothing more is asked for 0.7 s) of this
// tree's site, go-app's hello world and the floor (testdata/hellolinked),
// with every answer listed: the path, its encoding and the bytes of its
// body as sent, largest first. Not part of make test (it asserts nothing);
// run it by hand:
//
//	go test -tags browser -count=1 -run FirstVisitBytes -v ./cmd/whichstatus
package main

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"
)

func TestFirstVisitBytes(t *testing.T) {
	chromium := findChromium(t)
	sites := []*benchSite{
		appSite("whichstatus", buildTestSite(t, "")),
		{name: "hello", host: &staticHost{dir: buildHelloSite(t, "hello")}, sel: "h1", fresh: true},
		{name: "hellolinked", host: &staticHost{dir: buildHelloSite(t, "hellolinked")}, sel: "h1", fresh: true},
	}
	for _, s := range sites {
		s.url = newLoopback(t, s.host)
		s.host.reset()
		b := launch(t, chromium, t.TempDir())
		visit(t, b, s, s.url+"/")
		workerReady(t, b)
		s.host.quiet(700*time.Millisecond, 30*time.Second)
		closeBrowser(b)
		s.host.mu.Lock()
		sent := append([]sentFile(nil), s.host.sent...)
		s.host.mu.Unlock()
		sort.SliceStable(sent, func(i, j int) bool { return sent[i].bytes > sent[j].bytes })
		var out strings.Builder
		var all int64
		for _, f := range sent {
			all += f.bytes
		}
		fmt.Fprintf(&out, "%s: %d answers, %d bytes\n", s.name, len(sent), all)
		for _, f := range sent {
			enc := f.encoding
			if enc == "" {
				enc = "plain"
			}
			fmt.Fprintf(&out, "%10d  %-5s %s\n", f.bytes, enc, f.path)
		}
		t.Log("\n" + out.String())
	}
}
