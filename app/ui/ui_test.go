package ui

import (
	"html"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/engine"
	"whichstatus/app/scenario"
	"whichstatus/app/status"
)

func TestBodyState(t *testing.T) {
	for _, tt := range []struct{ body, class string }{
		{"", "none"},
		{"  \n", "none"},
		{`{"email": "ada@example.com"}`, "ok"},
		{`[1, 2]`, "ok"},
		{`{"email": "ada@example.com"`, "bad"},
		{`email=ada`, "bad"},
	} {
		if got, _ := bodyState(tt.body); got != tt.class {
			t.Errorf("bodyState(%q) = %q, want %q", tt.body, got, tt.class)
		}
	}
}

func TestCredentials(t *testing.T) {
	for _, scheme := range []string{"", "Bearer", "Basic", "Token", "Session"} {
		c := engine.Case{Request: engine.Request{Headers: []engine.Header{{Name: "Accept", Value: "application/json"}}}}
		c.Situation.Endpoint.AuthScheme = scheme
		c.Situation.Endpoint.AuthRequired = true
		for _, v := range []credState{credValid, credInvalid, credNone, credInvalid, credValid} {
			c = withCredentials(c, v)
			if got := credentialsOf(c); got != v {
				t.Errorf("scheme %q: credentialsOf(withCredentials(%s)) = %s", scheme, v, got)
			}
			if c.Request.Headers[0].Name != "Accept" {
				t.Errorf("scheme %q: withCredentials(%s) lost the other headers: %v", scheme, v, c.Request.Headers)
			}
			if n := len(c.Request.Headers); (v == credNone) != (n == 1) {
				t.Errorf("scheme %q: withCredentials(%s) left %d headers", scheme, v, n)
			}
		}
		// The engine agrees: no credentials 401, wrong ones 401, right ones pass.
		if d := engine.Recommend(withCredentials(c, credValid)); d.Code != 200 {
			t.Errorf("scheme %q: Recommend(valid credentials) = %d, want 200", scheme, d.Code)
		}
		if d := engine.Recommend(withCredentials(c, credInvalid)); d.Code != 401 {
			t.Errorf("scheme %q: Recommend(invalid credentials) = %d, want 401", scheme, d.Code)
		}
	}
}

func TestMatchCode(t *testing.T) {
	for _, tt := range []struct {
		q    string
		want []int // all of them, or nil to check only the first few below
	}{
		{"422", []int{422}},
		{"teapot", []int{418}},
		{"  TEAPOT ", []int{418}},
		{"41", []int{410, 411, 412, 413, 414, 415, 416, 417, 418}},
		{"not modified", []int{304}},
		{"zzz", []int{}},
	} {
		var got []int
		for _, c := range status.All() {
			if matchCode(c, tt.q) {
				got = append(got, c.Code)
			}
		}
		if !slices.Equal(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
			t.Errorf("matchCode(%q) matched %v, want %v", tt.q, got, tt.want)
		}
	}
	n := 0
	for _, c := range status.All() {
		if matchCode(c, "5xx") {
			n++
			if c.Class() != 5 {
				t.Errorf(`matchCode(%d, "5xx") = true`, c.Code)
			}
		}
	}
	if n == 0 {
		t.Errorf(`matchCode(_, "5xx") matched nothing`)
	}
}

// The selects offer exactly the values the case format accepts.
func TestChoicesMatchEngine(t *testing.T) {
	for _, g := range groups {
		for _, f := range g.facts {
			if f.kind != choice {
				continue
			}
			want, ok := engine.Choices[f.path]
			if !ok {
				t.Errorf("fact %s: engine.Choices has no %q", f.id, f.path)
				continue
			}
			var got []string
			for _, o := range f.options {
				got = append(got, o.value)
			}
			if !slices.Equal(got, want) {
				t.Errorf("fact %s offers %q, engine.Choices[%q] = %q", f.id, got, f.path, want)
			}
		}
	}
}

// Every control writes the field it reads.
func TestFactsRoundTrip(t *testing.T) {
	seen := map[string]bool{}
	for _, g := range groups {
		for _, f := range g.facts {
			if seen[f.id] {
				t.Errorf("fact id %s is used twice", f.id)
			}
			seen[f.id] = true
			v := map[kind]string{check: "true", number: "12", list: "GET POST", text: "x"}[f.kind]
			if f.kind == choice {
				v = f.options[len(f.options)-1].value
			}
			var s engine.Situation
			f.set(&s, v)
			if got := f.get(&s); got != v {
				t.Errorf("fact %s: set %q, get %q", f.id, v, got)
			}
			if len(changed(g, &s)) != 1 {
				t.Errorf("fact %s: changed() = %q, want one entry", f.id, changed(g, &s))
			}
		}
	}
}

func TestSplitList(t *testing.T) {
	if got := splitList(" GET, POST\tPUT ,"); !slices.Equal(got, []string{"GET", "POST", "PUT"}) {
		t.Errorf("splitList = %q", got)
	}
	if got := splitList(" , "); got != nil {
		t.Errorf("splitList(blank) = %q, want nil", got)
	}
}

func TestCopyButton(t *testing.T) {
	b := &CopyButton{Text: "http.StatusConflict", Label: "the Go constant"}
	disp := app.NewClientTester(b)
	defer disp.Close()
	if err := app.TestMatch(b, app.TestUIDescriptor{
		Path: app.TestPath(0),
		Expected: app.Elem("button").Class("copy").Attr("type", "button").
			Title("Copy http.StatusConflict").Aria("label", "Copy the Go constant").
			OnClick(func(app.Context, app.Event) {}),
	}); err != nil {
		t.Error(err)
	}
	if err := app.TestMatch(b, app.TestUIDescriptor{Path: app.TestPath(0, 0), Expected: app.Text("Copy")}); err != nil {
		t.Error(err)
	}
}

func TestClassBadge(t *testing.T) {
	for code, want := range map[int]string{100: "1xx · Informational", 409: "4xx · Client error", 503: "5xx · Server error"} {
		html := app.HTMLString(classBadge(code))
		if !strings.Contains(html, want) || !strings.Contains(html, "k"+strconv.Itoa(code/100)) {
			t.Errorf("classBadge(%d) = %s, want the words %q and class k%d", code, html, want, code/100)
		}
	}
}

func TestVerdict(t *testing.T) {
	s, ok := scenario.ByID("duplicate-email")
	if !ok {
		t.Fatal("no scenario duplicate-email")
	}
	d := engine.Recommend(s.Case)
	v := &Verdict{Decision: d}
	disp := app.NewClientTester(v)
	defer disp.Close()
	if err := app.TestMatch(v, app.TestUIDescriptor{
		Path:     app.TestPath(0, 0),
		Expected: app.Elem("section").Class("verdict k4").ID("verdict").Aria("labelledby", "verdict-title"),
	}); err != nil {
		t.Error(err)
	}
	html := app.HTMLString(v)
	for _, want := range []string{">409<", ">Conflict<", "4xx · Client error", d.Constants.DRF, d.Constants.Go, d.Link} {
		if !strings.Contains(html, want) {
			t.Errorf("the verdict for duplicate-email lacks %q", want)
		}
	}
	if got := strings.Count(html, `class="step"`); got != len(d.Trace) {
		t.Errorf("the verdict shows %d steps, the trace has %d", got, len(d.Trace))
	}
}

// A long trace folds all but its last traceTail steps behind a closed
// details; the open list goes on with the folded list's numbers. A short
// one is shown whole.
func TestVerdictTraceFold(t *testing.T) {
	for _, tt := range []struct {
		id   string
		fold bool
	}{
		{"create-user", true},           // 40 steps
		{"wrong-method", true},          // 9
		{"tls-upgrade-required", false}, // 8
		{"url-too-long", false},         // 5
	} {
		s, ok := scenario.ByID(tt.id)
		if !ok {
			t.Fatalf("no scenario %s", tt.id)
		}
		d := engine.Recommend(s.Case)
		v := &Verdict{Decision: d}
		disp := app.NewClientTester(v)
		out := app.HTMLString(v)
		disp.Close()
		if got := strings.Count(out, `class="step"`); got != len(d.Trace) {
			t.Errorf("%s: the verdict shows %d steps, the trace has %d", tt.id, got, len(d.Trace))
		}
		// The trace's block, from its heading on (the verdict has other
		// details before it).
		_, trace, ok := strings.Cut(out, ">How the answer was reached<")
		if !ok {
			t.Errorf("%s: the trace lost its heading", tt.id)
			continue
		}
		if !tt.fold {
			if strings.Contains(trace, "<details") {
				t.Errorf("%s: a trace of %d steps is folded:\n%s", tt.id, len(d.Trace), trace)
			}
			continue
		}
		n := len(d.Trace) - traceTail
		folded, open, ok := strings.Cut(trace, "</details>")
		if !ok || !strings.Contains(folded, `<details class="trace-early">`) {
			t.Errorf("%s: a trace of %d steps has no fold", tt.id, len(d.Trace))
			continue
		}
		if strings.Contains(folded[strings.Index(folded, "<details"):strings.Index(folded, "<summary")], "open") {
			t.Errorf("%s: the fold is open", tt.id)
		}
		summary := "<summary>Questions 1–" + strconv.Itoa(n) + ": each led on to the next question</summary>"
		if !strings.Contains(folded, summary) {
			t.Errorf("%s: the fold lacks %s", tt.id, summary)
		}
		if got := strings.Count(folded, `class="step"`); got != n {
			t.Errorf("%s: the fold holds %d steps, want %d", tt.id, got, n)
		}
		if got := strings.Count(open, `class="step"`); got != traceTail {
			t.Errorf("%s: %d steps are in sight, want %d", tt.id, got, traceTail)
		}
		// The open list's first step is number n+1: .step::before shows
		// data-n. (go-app writes attributes in map order, so each is looked
		// for on its own.) No style attribute: the page's policy refuses it.
		_, list, _ := strings.Cut(open, "<ol ")
		list, _, _ = strings.Cut(list, ">")
		for _, want := range []string{`class="trace"`, `start="` + strconv.Itoa(n+1) + `"`} {
			if !strings.Contains(list, want) {
				t.Errorf("%s: the open list <ol %s> lacks %s", tt.id, list, want)
			}
		}
		if want := `data-n="` + strconv.Itoa(n+1) + `"`; !strings.Contains(open[:strings.Index(open, `class="q"`)], want) {
			t.Errorf("%s: the first step in sight lacks %s", tt.id, want)
		}
		if strings.Contains(out, "style=") {
			t.Errorf("%s: the verdict has a style attribute, which the page's policy refuses", tt.id)
		}
		if i := strings.Index(open, `class="q"`); i < 0 || !strings.HasPrefix(open[i:], `class="q">`+html.EscapeString(d.Trace[n].Question)+"<") {
			t.Errorf("%s: the first step in sight is not %q", tt.id, d.Trace[n].Question)
		}
	}
}

// The playground decides again on every edit, without a submit.
func TestPlaygroundEdit(t *testing.T) {
	p := &Playground{}
	disp := app.NewClientTester(p)
	defer disp.Close()
	if html := app.HTMLString(p); !strings.Contains(html, `class="num">200<`) {
		t.Fatalf("the home case does not show 200")
	}
	p.apply(func(c *engine.Case) {
		c.Request.Method = "POST"
		c.Situation.Endpoint.AllowedMethods = []string{"POST"}
		c.Request.Headers = append(cloneHeaders(c.Request.Headers), engine.Header{Name: "Content-Type", Value: "application/json"})
		c.Request.Body = `{"title": "Hello"`
	})
	p.Update()
	disp.Consume()
	html := app.HTMLString(p)
	if !strings.Contains(html, `class="num">400<`) || !strings.Contains(html, "not JSON") {
		t.Errorf("after breaking the JSON, the playground does not show 400 and the JSON indicator")
	}
}

func TestPrefixLinks(t *testing.T) {
	t.Setenv("GOAPP_ROOT_PREFIX", "/ws")
	got := prefixLinks(`<a href="/guide/x#y">x</a> <a href="#z">z</a> <a href="https://e.org/">e</a>`)
	want := `<a href="/ws/guide/x#y">x</a> <a href="#z">z</a> <a href="https://e.org/">e</a>`
	if got != want {
		t.Errorf("prefixLinks = %s, want %s", got, want)
	}
	if got := Href("/codes"); got != "/ws/codes" {
		t.Errorf(`Href("/codes") = %q under /ws`, got)
	}
	if got := sitePath("/ws/scenarios/x"); got != "/scenarios/x" {
		t.Errorf("sitePath = %q", got)
	}
}

// Every guide anchor the engine and the scenarios link to has a page.
func TestGuideAnchors(t *testing.T) {
	if len(GuidePages()) == 0 {
		t.Skip("the guide has no index yet")
	}
	check := func(where, anchor string) {
		if anchor == "" {
			return
		}
		if h := guideHref(anchor); !strings.Contains(h, "#") {
			t.Errorf("%s links to guide anchor %q, which no guide page has", where, anchor)
		}
	}
	for _, s := range scenario.All() {
		check("scenario "+s.ID, s.Guide)
		d := engine.Recommend(s.Case)
		check("the verdict of "+s.ID, d.Guide)
		for _, st := range d.Trace {
			check("trace step "+st.Node, st.Guide)
		}
		for _, n := range d.Notes {
			check("note "+n.Title, n.Guide)
		}
	}
}
