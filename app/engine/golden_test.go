package engine

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"whichstatus/content"
)

// The golden decisions pin everything the engine says: one file per case
// in testdata/decisions, holding the case and the whole Decision as
// `whichstatus decide` prints it. `go test ./app/engine -update` rewrites
// them; read the diff before committing it.

var update = flag.Bool("update", false, "rewrite the golden decisions in testdata/decisions")

const goldenDir = "testdata/decisions"

// golden is one pinned case.
type golden struct {
	Name     string   `json:"name"`
	Case     Case     `json:"case"`
	Decision Decision `json:"decision"`
}

// goldenCase is a case to pin, by the file name it is pinned under.
type goldenCase struct {
	file string // without .json
	name string
	c    Case
}

// goldenCases lists every pinned case, in a fixed order: each scenario
// under both profiles, each row of engineTests under both profiles, then
// the extra cases that reach the notes, headers and differences the others
// do not.
func goldenCases(tb testing.TB) []goldenCase {
	var out []goldenCase
	add := func(file, name string, c Case) {
		for _, p := range Profiles {
			c.Profile = p
			out = append(out, goldenCase{file + "." + string(p), name + " (" + string(p) + ")", c})
		}
	}
	for _, s := range scenarioFiles(tb) {
		add("scenario-"+s.id, "scenario "+s.id, s.c)
	}
	for _, tt := range engineTests {
		add(slug(tt.name), tt.name, tt.c)
	}
	for _, x := range goldenExtras {
		add(slug(x.name), x.name, x.c)
	}
	seen := map[string]bool{}
	for _, g := range out {
		if seen[g.file] {
			tb.Fatalf("two golden cases are pinned as %s.json", g.file)
		}
		seen[g.file] = true
	}
	return out
}

type scenarioFile struct {
	id string
	c  Case
}

// scenarioFiles reads every scenario's id and case, sorted by id.
func scenarioFiles(tb testing.TB) []scenarioFile {
	files, err := fs.Glob(content.Scenarios, "scenarios/*.json")
	if err != nil || len(files) == 0 {
		tb.Fatalf("no scenario files (%v)", err)
	}
	slices.Sort(files)
	var out []scenarioFile
	for _, f := range files {
		data, err := fs.ReadFile(content.Scenarios, f)
		if err != nil {
			tb.Fatal(err)
		}
		var s struct{ Case json.RawMessage }
		if err := json.Unmarshal(data, &s); err != nil {
			tb.Fatalf("%s: %v", f, err)
		}
		c, err := Decode(s.Case)
		if err != nil {
			tb.Fatalf("%s: %v", f, err)
		}
		out = append(out, scenarioFile{strings.TrimSuffix(filepath.Base(f), ".json"), c})
	}
	return out
}

// slug turns a test name into a file name: lower case, words joined by -.
func slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		default:
			dash = true
		}
	}
	return b.String()
}

// render is a golden file's bytes: the case and the decision, indented
// like `whichstatus decide` indents its output.
func render(g goldenCase) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(golden{g.name, g.c, Recommend(g.c)}); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// goldenDiff says how got differs from want, line by line, or "" when
// they are the same.
func goldenDiff(got, want []byte) string {
	if bytes.Equal(got, want) {
		return ""
	}
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n   got: %s\n  want: %s", i+1, strings.TrimSpace(gl), strings.TrimSpace(wl))
		}
	}
	return "the files differ"
}

func TestGoldenDecisions(t *testing.T) {
	cases := goldenCases(t)
	if len(cases) < 150 {
		t.Errorf("%d golden cases, want 150 or more", len(cases))
	}
	if *update {
		if err := os.MkdirAll(goldenDir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	want := map[string]bool{}
	for _, g := range cases {
		path := filepath.Join(goldenDir, g.file+".json")
		want[filepath.Base(path)] = true
		got := render(g)
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		old, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%s: %v (go test ./app/engine -update writes it)", path, err)
			continue
		}
		if d := goldenDiff(got, old); d != "" {
			t.Errorf("Recommend(%s) differs from %s at %s\n(if the change is meant, go test ./app/engine -update and read the diff)", g.name, path, d)
		}
	}
	files, _ := filepath.Glob(filepath.Join(goldenDir, "*.json"))
	for _, f := range files {
		if !want[filepath.Base(f)] {
			if *update {
				os.Remove(f)
				continue
			}
			t.Errorf("%s pins no case any more (go test ./app/engine -update removes it)", f)
		}
	}
}

// TestGoldenCatchesEdits proves that the comparison sees the small edits a
// mutation of the engine would make: one header's need, one note's text,
// one why, one trace input.
func TestGoldenCatchesEdits(t *testing.T) {
	cases := goldenCases(t)
	var g goldenCase
	for _, x := range cases {
		if d := Recommend(x.c); len(d.Headers) > 0 && len(d.Notes) > 0 {
			g = x
			break
		}
	}
	good := render(g)
	for _, edit := range []func(*golden){
		func(x *golden) {
			if h := &x.Decision.Headers[0]; h.Need == "must" {
				h.Need = "may"
			} else {
				h.Need = "must"
			}
		},
		func(x *golden) { x.Decision.Notes[0].Text += " " },
		func(x *golden) { x.Decision.Why = strings.TrimSuffix(x.Decision.Why, ".") },
		func(x *golden) { x.Decision.Trace[0].Input += "!" },
	} {
		var x golden
		if err := json.Unmarshal(good, &x); err != nil {
			t.Fatal(err)
		}
		edit(&x)
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(x); err != nil {
			t.Fatal(err)
		}
		if goldenDiff(good, buf.Bytes()) == "" {
			t.Errorf("an edit of %s's golden file goes unseen", g.file)
		}
	}
}

// goldenExtras are cases beyond the scenarios and engineTests, each there
// for a note, a header or a difference between the profiles that nothing
// else reaches.
var goldenExtras = []struct {
	name string
	c    Case
}{
	{"OPTIONS with a body", Case{Request: Request{Method: "OPTIONS"}, Situation: Situation{Processing: Processing{ResponseBody: "body"}}}},
	{"DELETE that describes what it did", Case{Request: Request{Method: "DELETE", URL: "/api/users/7/"},
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"GET", "DELETE"}}, Processing: Processing{ResponseBody: "body"}}}},
	{"POST to a URL that moved for good", Case{Request: post("/api/v1/orders/", `{}`),
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"POST"}}, Resource: Resource{State: "moved_permanently", Location: "/api/v2/orders/"}}}},
	{"range of a JSON or CSV file with validators", Case{Request: Request{URL: "/api/exports/3", Headers: hdr("Accept", "text/csv", "Range", "bytes=0-99")},
		Situation: Situation{Endpoint: Endpoint{Ranges: true, Produces: []string{"application/json", "text/csv"}}, Resource: Resource{ETag: `"e3"`, LastModified: lastMod}}}},
	{"PATCH in XML", Case{Request: Request{Method: "PATCH", URL: "/api/users/7/", Headers: hdr("Content-Type", "application/xml"), Body: "<user/>"},
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"GET", "PATCH"}, Accepts: []string{"application/merge-patch+json"}}}}},
	{"GET of an endpoint with two media types", Case{Request: Request{URL: "/api/reports/1", Headers: hdr("Accept", "text/csv")},
		Situation: Situation{Endpoint: Endpoint{Produces: []string{"application/json", "text/csv"}}, Resource: Resource{ETag: `"r1"`}}}},
	{"conditional GET of an endpoint with two media types", Case{Request: Request{URL: "/api/reports/1", Headers: hdr("If-None-Match", `"r1"`)},
		Situation: Situation{Endpoint: Endpoint{Produces: []string{"application/json", "text/csv"}}, Resource: Resource{ETag: `"r1"`}}}},
}
