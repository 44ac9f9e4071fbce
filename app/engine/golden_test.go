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
	"strconv"
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

// golden is one pinned case: the decision as `whichstatus decide` prints
// it, the alternatives included.
type golden struct {
	Name     string  `json:"name"`
	Case     Case    `json:"case"`
	Decision decided `json:"decision"`
}

type decided struct {
	Decision
	Alternatives []Alternative `json:"alternatives"`
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
	d := Recommend(g.c)
	if err := enc.Encode(golden{g.name, g.c, decided{d, Alternatives(g.c, d)}}); err != nil {
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
// TestOtherIsTheOtherProfile: what a decision says the other profile
// answers is what that profile decides for the same case. (It once was
// not: an answer also() worked out under a supposition was kept and read
// again by the other profile's walk.)
func TestOtherIsTheOtherProfile(t *testing.T) {
	for _, g := range goldenCases(t) {
		d := Recommend(g.c)
		p, _ := flowOf(g.c)
		other := g.c
		other.Profile = DRF
		if p == DRF {
			other.Profile = RFC9110
		}
		od := Recommend(other)
		switch {
		case d.Other == nil && od.Code != d.Code:
			t.Errorf("%s: no other profile's answer, but %s decides %d, not %d", g.name, other.Profile, od.Code, d.Code)
		case d.Other != nil && d.Other.Code != od.Code:
			t.Errorf("%s: says %s answers %d, but it decides %d", g.name, other.Profile, d.Other.Code, od.Code)
		}
	}
}

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
	// Item 6 of issue 9: each defect found by trying the engine, pinned.
	{"GET with a stale If-Match", Case{Request: Request{URL: "/api/docs/7", Headers: hdr("If-Match", `"v6"`)}, Situation: Situation{Resource: Resource{ETag: `"v7"`}}}},
	{"overloaded server", Case{Situation: Situation{Server: Server{Unavailable: "overloaded"}}}},
	{"queued DELETE", Case{Request: Request{Method: "DELETE", URL: "/api/accounts/7/"},
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"GET", "DELETE"}}, Processing: Processing{Async: true}}}},
	{"queued PATCH", Case{Request: Request{Method: "PATCH", URL: "/api/accounts/7/", Headers: hdr(jsonCT...), Body: `{"plan":"pro"}`},
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"GET", "PATCH"}}, Processing: Processing{Async: true}}}},
	{"NUL in a header value", Case{Request: Request{Headers: hdr("X-Trace", "a\x00b")}}},
	{"line break in a header value", Case{Request: Request{Headers: hdr("X-Trace", "a\r\nSet-Cookie: x=1")}}},
	{"rule that ends with a full stop", Case{Request: post("/api/users/", `{"name":"ann"}`),
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"POST"}}, Processing: Processing{RuleViolation: "email is required."}}}},
	{"PATCH with current If-Match", Case{Request: Request{Method: "PATCH", URL: "/api/docs/7", Headers: hdr("If-Match", `"v7"`, "Content-Type", "application/json"), Body: `{"title":"x"}`},
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"GET", "PATCH"}}, Resource: Resource{ETag: `"v7"`}}}},
	{"lower-case delete", Case{Request: Request{Method: "delete", URL: "/api/users/7/"}, Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"GET", "DELETE"}}}}},
	{"login without a body, Basic endpoint", Case{Request: Request{Method: "POST", URL: "/api/login/", Headers: hdr(jsonCT...)},
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"POST"}, Login: true, AuthScheme: "Basic"}}}},
	// Item 5 of issue 9: the facts the case format could not express.
	{"forbidden to everyone, authenticated caller", Case{Request: Request{Method: "DELETE", URL: "/api/audit-log/", Headers: hdr("Authorization", "Bearer ok")},
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"GET", "DELETE"}, Forbidden: true}}}},
	{"forbidden to everyone, session endpoint", Case{Request: Request{Method: "DELETE", URL: "/api/audit-log/"},
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"GET", "DELETE"}, Forbidden: true, AuthScheme: "Session"}}}},
	{"no route, GET", Case{Request: Request{URL: "/api/nothing-here/"}, Situation: Situation{Endpoint: Endpoint{NoRoute: true}}}},
	{"no route, DELETE with credentials", Case{Request: Request{Method: "DELETE", URL: "/api/nothing-here/7", Headers: hdr("Authorization", "Bearer ok")},
		Situation: Situation{Endpoint: Endpoint{NoRoute: true, AuthRequired: true}}}},
	{"HEAD of a resource with several representations", Case{Request: Request{Method: "HEAD", URL: "/api/reports/2026/"},
		Situation: Situation{Resource: Resource{Representations: []string{"/api/reports/2026.pdf", "/api/reports/2026.xlsx"}}}}},
	{"languages offered, no Accept-Language", Case{Request: Request{URL: "/api/articles/7/"}, Situation: Situation{Endpoint: Endpoint{Languages: []string{"en", "fr"}}}}},
	{"languages offered, none accepted", Case{Request: Request{URL: "/api/articles/7/", Headers: hdr("Accept-Language", "de, fr;q=0")},
		Situation: Situation{Endpoint: Endpoint{Languages: []string{"en", "fr"}}}}},
	{"languages and types offered, conditional GET", Case{Request: Request{URL: "/api/articles/7/", Headers: hdr("If-None-Match", `"a7"`, "Accept-Language", "fr")},
		Situation: Situation{Endpoint: Endpoint{Languages: []string{"en", "fr"}, Produces: []string{"application/json", "text/html"}}, Resource: Resource{ETag: `"a7"`}}}},
	{"languages offered, range", Case{Request: Request{URL: "/api/articles/7/", Headers: hdr("Range", "bytes=0-9", "Accept-Language", "en-GB")},
		Situation: Situation{Endpoint: Endpoint{Languages: []string{"en", "fr"}, Ranges: true}}}},
	{"field error and rule violation: the field first", Case{Request: post("/api/payments/", `{"amount": "ten"}`),
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"POST"}}, Processing: Processing{FieldError: "amount: a valid number is required", RuleViolation: "amount must be greater than 0"}}}},
	// Item 7 of issue 9: what else is wrong, and why the order matters.
	{"maintenance, and the resource is missing", Case{Request: Request{URL: "/api/users/999/"},
		Situation: Situation{Server: Server{Unavailable: "maintenance"}, Resource: Resource{State: "missing"}}}},
	{"anonymous, and the resource is missing", Case{Request: Request{URL: "/api/users/999/"},
		Situation: Situation{Endpoint: Endpoint{AuthRequired: true}, Resource: Resource{State: "missing"}}}},
	{"a rule broken, and a duplicate", Case{Request: post("/api/users/", `{"email":"ann@example"}`),
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"POST"}}, Processing: Processing{RuleViolation: "email needs a domain with a dot", Conflict: "duplicate"}}}},
	{"throttled, and the JSON is broken", Case{Request: post("/api/users/", `{"email": `),
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"POST"}, RateLimitExceeded: true}}}},
	{"anonymous DELETE of a missing resource the endpoint lacks", Case{Request: Request{Method: "DELETE", URL: "/api/users/999/"},
		Situation: Situation{Endpoint: Endpoint{AuthRequired: true}, Resource: Resource{State: "missing"}, Processing: Processing{Failure: "crash"}}}},
	{"conditional GET of an endpoint with two media types", Case{Request: Request{URL: "/api/reports/1", Headers: hdr("If-None-Match", `"r1"`)},
		Situation: Situation{Endpoint: Endpoint{Produces: []string{"application/json", "text/csv"}}, Resource: Resource{ETag: `"r1"`}}}},
}

// TestFlowTables pins each profile's compiled flow as a table a person
// reads from top to bottom (testdata/flows/<profile>.md): node id,
// question, where yes and no lead, the section. A change to the wiring
// shows there as a diff; -update rewrites it.
func TestFlowTables(t *testing.T) {
	for _, p := range Profiles {
		var b strings.Builder
		fmt.Fprintf(&b, "# The %s flow\n\nGenerated by `go test ./app/engine -update` from `flow.go` and `nodes.go`; the walk starts at the first row.\n\n", p.Title())
		b.WriteString("| node | question | yes → | no → | section |\n|---|---|---|---|---|\n")
		for _, s := range flows[p].steps {
			end := func(e edge) string {
				if e.to != "" {
					return e.to
				}
				return "**" + strconv.Itoa(e.code) + "**"
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", s.n.id, s.n.question, end(s.yes), end(s.no), s.ref)
		}
		path := filepath.Join("testdata", "flows", string(p)+".md")
		if *update {
			os.MkdirAll(filepath.Dir(path), 0o755)
			if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		old, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (go test ./app/engine -update writes it)", err)
		}
		if d := goldenDiff([]byte(b.String()), old); d != "" {
			t.Errorf("the %s flow differs from %s at %s", p, path, d)
		}
	}
}
