//go:build !wasm

package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"whichstatus/app/engine"
	"whichstatus/app/scenario"
)

// TestFlowDrawsEveryTrace: in the built site, every question any
// scenario's trace asks, under either profile, is drawn in that profile's
// diagram with its data-node id, and so is the answer it gave.
func TestFlowDrawsEveryTrace(t *testing.T) {
	dir := fakeWeb(t)
	out := t.TempDir()
	if err := run(context.Background(), []string{"build", "-out", out, "-dir", dir}, nil, io.Discard, io.Discard); err != nil {
		t.Fatalf("build: %v", err)
	}
	for _, p := range engine.Profiles {
		svg, err := os.ReadFile(filepath.Join(out, "web", "flow-"+string(p)+".svg"))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range scenario.All() {
			c := s.Case
			c.Profile = p
			for _, st := range engine.Recommend(c).Trace {
				for _, w := range []string{`data-node="` + st.Node() + `"`, `data-edge="` + st.Node() + ":" + st.Answer() + `"`} {
					if !bytes.Contains(svg, []byte(w)) {
						t.Errorf("%s under %s asks %s, but the built web/flow-%s.svg has no %s", s.ID, p, st.Node(), p, w)
					}
				}
			}
		}
	}
}
