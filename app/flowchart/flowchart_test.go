package flowchart

import (
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"whichstatus/app/engine"
)

var update = flag.Bool("update", false, "rewrite web/flow-*.svg from the engine's flows")

const staleMsg = "is stale: run go test ./app/flowchart -update"

// TestCommitted keeps the diagrams in web/ the ones the flows draw today.
func TestCommitted(t *testing.T) {
	for _, p := range engine.Profiles {
		svg, err := SVG(p)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("..", "..", "web", File(p))
		if *update {
			if err := os.WriteFile(path, []byte(svg), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("web/%s: %v (run go test ./app/flowchart -update)", File(p), err)
		}
		if string(b) != svg {
			t.Errorf("web/%s %s", File(p), staleMsg)
		}
	}
}

// drawn is what an SVG names: its questions, answers and exits.
type drawn struct {
	nodes, edges, froms []string
	codes               map[int]bool
	to                  map[string]string // data-edge → data-to
	profile             string
}

func read(t *testing.T, svg string) drawn {
	t.Helper()
	d := drawn{codes: map[int]bool{}, to: map[string]string{}}
	dec := xml.NewDecoder(strings.NewReader(svg))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not well-formed XML: %v", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		for _, a := range se.Attr {
			switch a.Name.Local {
			case "data-node":
				d.nodes = append(d.nodes, a.Value)
			case "data-edge":
				d.edges = append(d.edges, a.Value)
				for _, b := range se.Attr {
					if b.Name.Local == "data-to" {
						d.to[a.Value] = b.Value
					}
				}
			case "data-from":
				d.froms = append(d.froms, a.Value)
			case "data-code":
				c, err := strconv.Atoi(a.Value)
				if err != nil {
					t.Errorf("data-code=%q is not a code", a.Value)
				}
				d.codes[c] = true
			case "data-profile":
				d.profile = a.Value
			}
		}
	}
	return d
}

// TestEverythingDrawn: every node, every answer and every code of each
// profile's flow is in its SVG, once, and nothing else is.
func TestEverythingDrawn(t *testing.T) {
	for _, p := range engine.Profiles {
		g, _ := engine.FlowGraph(p)
		svg, err := SVG(p)
		if err != nil {
			t.Fatal(err)
		}
		d := read(t, svg)
		if d.profile != string(p) {
			t.Errorf("%s: the SVG says data-profile=%q", p, d.profile)
		}
		var nodes, edges, froms []string
		codes := map[int]bool{}
		for _, n := range g.Nodes {
			nodes = append(nodes, n.ID)
			for _, a := range [][2]string{{"yes", n.Yes}, {"no", n.No}} {
				edges = append(edges, n.ID+":"+a[0])
				if got := d.to[n.ID+":"+a[0]]; got != a[1] {
					t.Errorf("%s: the SVG's %s:%s leads to %q, the flow's to %q", p, n.ID, a[0], got, a[1])
				}
				if c := engine.Code(a[1]); c > 0 {
					froms = append(froms, n.ID+":"+a[0])
					codes[c] = true
				}
			}
		}
		same(t, p, "questions (data-node)", d.nodes, nodes)
		same(t, p, "answers (data-edge)", d.edges, edges)
		same(t, p, "exits (data-from)", d.froms, froms)
		for c := range codes {
			if !d.codes[c] {
				t.Errorf("%s: the flow ends at %d, the SVG has no exit for it", p, c)
			}
		}
		for c := range d.codes {
			if !codes[c] {
				t.Errorf("%s: the SVG has an exit for %d, which the flow never ends at", p, c)
			}
		}
	}
}

func same(t *testing.T, p engine.Profile, what string, got, want []string) {
	t.Helper()
	g, w := slices.Clone(got), slices.Clone(want)
	slices.Sort(g)
	slices.Sort(w)
	if !slices.Equal(g, w) {
		t.Errorf("%s: the SVG's %s = %v, want %v", p, what, g, w)
	}
}

// TestDownward: every answer leads down the page, so the picture reads top
// to bottom.
func TestDownward(t *testing.T) {
	for _, p := range engine.Profiles {
		g, _ := engine.FlowGraph(p)
		o, err := order(g.Nodes)
		if err != nil {
			t.Fatal(err)
		}
		at := map[string]int{}
		for i, n := range o {
			at[n.ID] = i
		}
		for _, n := range o {
			for _, to := range []string{n.Yes, n.No} {
				if i, ok := at[to]; ok && i <= at[n.ID] {
					t.Errorf("%s: %s leads up the page to %s", p, n.ID, to)
				}
			}
		}
	}
}

// TestDifferences names the places the issue asks to mark: DRF asks who
// is calling before the method, and answers 400 where RFC 9110 says 422.
func TestDifferences(t *testing.T) {
	rfc, _ := engine.FlowGraph(engine.RFC9110)
	drf, _ := engine.FlowGraph(engine.DRF)
	d := differences(drf, rfc)
	for key, want := range map[string]string{
		"method-allowed":          "order",
		"rules-ok:no":             "code",
		"drf-credentials-present": "only",
		"rate-ok":                 "order", // after who is asking, not before
	} {
		if d[key] != want {
			t.Errorf("differences(drf)[%q] = %q, want %q", key, d[key], want)
		}
	}
	if d["credentials-valid"] != "" || d["service-available"] != "" {
		t.Errorf("differences(drf) marks a question both profiles ask in the same place: %v", d)
	}
	if r := differences(rfc, drf); r["rules-ok:no"] != "code" {
		t.Errorf(`differences(rfc)["rules-ok:no"] = %q, want "code"`, r["rules-ok:no"])
	}
}
