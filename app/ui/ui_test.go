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
)

// The badge says what the engine sees in the body.
func TestBodyBadge(t *testing.T) {
	for _, tt := range []struct {
		method, ctype, body, class, words string
	}{
		{"POST", "application/json", "", "none", "no body"},
		{"POST", "application/json", `{"email": "ada@example.com"}`, "ok", "✓ valid JSON"},
		{"POST", "application/json", `{"email": "ada@example.com"`, "bad", "✗ JSON broken at line 1, column 28: unexpected end of JSON input"},
		{"POST", "text/plain", `email=ada`, "bad", "text/plain: not JSON, and this endpoint does not take it"},
		{"POST", "", `{"a": 1}`, "bad", "no Content-Type: read as application/octet-stream"},
		{"GET", "application/json", `{"a": `, "none", "6 bytes, not read"},
	} {
		c := engine.Case{Request: engine.Request{Method: tt.method, Body: tt.body}}
		if tt.ctype != "" {
			c.Request.Headers = []engine.Header{{Name: "Content-Type", Value: tt.ctype}}
		}
		if class, words := bodyBadge(engine.BodyOf(c)); class != tt.class || words != tt.words {
			t.Errorf("bodyBadge(%s %s %q) = %s %q, want %s %q", tt.method, tt.ctype, tt.body, class, words, tt.class, tt.words)
		}
	}
	empty := engine.Case{Request: engine.Request{Method: "POST", Body: "{}", Headers: []engine.Header{{Name: "Content-Type", Value: " "}}}}
	if _, words := bodyBadge(engine.BodyOf(empty)); words != "Content-Type is empty: the server cannot tell the format" {
		t.Errorf("an empty Content-Type: %q", words)
	}
	raw := engine.Case{Request: engine.Request{Method: "PUT", Body: "\x01\x02"}}
	raw.Situation.Endpoint.Accepts = []string{"application/octet-stream"}
	if class, words := bodyBadge(engine.BodyOf(raw)); class != "ok" || words != "no Content-Type: read as application/octet-stream, which this endpoint takes" {
		t.Errorf("raw bytes without Content-Type to an endpoint that takes them: %s %q", class, words)
	}
	c := engine.Case{Request: engine.Request{Method: "POST", Body: "a=1", Headers: []engine.Header{{Name: "Content-Type", Value: "application/x-www-form-urlencoded"}}}}
	c.Situation.Endpoint.Accepts = []string{"application/x-www-form-urlencoded"}
	if _, words := bodyBadge(engine.BodyOf(c)); words != "application/x-www-form-urlencoded: not JSON, and this endpoint takes it" {
		t.Errorf("a form body the endpoint takes: %q", words)
	}
	for _, m := range []string{"GET", "DELETE", "HEAD", "TRACE", "OPTIONS"} {
		if w := unreadBody(m); !strings.Contains(w, "ignores") {
			t.Errorf("unreadBody(%s) = %q, want it to say the verdict ignores it", m, w)
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
			if got := credControl(engine.CredentialsOf(c)); got != v {
				t.Errorf("scheme %q: credControl(withCredentials(%s)) = %s", scheme, v, got)
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

// Basic credentials on a Bearer endpoint are not "valid": the control says
// what the verdict says, and why.
func TestCredentialsWrongScheme(t *testing.T) {
	c := engine.Case{Request: engine.Request{Headers: []engine.Header{{Name: "Authorization", Value: "Basic YWxhZGRpbjpvcGVuc2VzYW1l"}}}}
	c.Situation.Endpoint.AuthRequired = true
	cr := engine.CredentialsOf(c)
	if got := credControl(cr); got != credInvalid {
		t.Errorf("credControl(Basic on a Bearer endpoint) = %s, want invalid", got)
	}
	if h := credentialsHint(cr); !strings.Contains(h, "uses Basic") || !strings.Contains(h, "expects Bearer") {
		t.Errorf("credentialsHint = %q, want it to name both schemes", h)
	}
	if d := engine.Recommend(c); d.Code != 401 {
		t.Errorf("Recommend = %d, want 401", d.Code)
	}
	if got := credControl(engine.CredentialsOf(withCredentials(c, credValid))); got != credValid {
		t.Errorf("after choosing Valid, the control shows %s", got)
	}
}

// TestSearchNumbers: digits find codes by the start of their number, a
// class by "4xx"; the order of the words' results is tested in
// search_test.go.
func TestSearchNumbers(t *testing.T) {
	for _, tt := range []struct {
		q    string
		want []int
	}{
		{"422", []int{422}},
		{"teapot", []int{418}},
		{"  TEAPOT ", []int{418}},
		{"41", []int{410, 411, 412, 413, 414, 415, 416, 417, 418}},
		{"zzz", nil},
	} {
		var got []int
		for _, m := range searchCodes(tt.q) {
			got = append(got, m.Code.Code)
		}
		slices.Sort(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("searchCodes(%q) found %v, want %v", tt.q, got, tt.want)
		}
	}
	n := 0
	for _, m := range searchCodes("5xx") {
		n++
		if m.Code.Class() != 5 {
			t.Errorf(`searchCodes("5xx") found %d`, m.Code.Code)
		}
	}
	if n != 11 {
		t.Errorf(`searchCodes("5xx") found %d codes, want the 11 of class 5`, n)
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
	for _, want := range []string{">409<", ">Conflict<", "4xx · Client error", d.Constants.DRF.Name, d.Constants.Go.Name, d.Link} {
		if !strings.Contains(html, want) {
			t.Errorf("the verdict for duplicate-email lacks %q", want)
		}
	}
	if got := strings.Count(html, `class="step"`); got != len(d.Trace) {
		t.Errorf("the verdict shows %d steps, the trace has %d", got, len(d.Trace))
	}
}

// The answer comes first: under the code, the deciding step, then one
// line for the checks that passed, which opens to the numbered trace, then
// the mistakes to avoid. No node id reaches the page.
func TestVerdictAnswerFirst(t *testing.T) {
	for _, id := range []string{"create-user", "wrong-method", "url-too-long", "duplicate-email"} {
		s, ok := scenario.ByID(id)
		if !ok {
			t.Fatalf("no scenario %s", id)
		}
		d := engine.Recommend(s.Case)
		v := &Verdict{Decision: d, Case: s.Case, Alternatives: engine.Alternatives(s.Case, d)}
		disp := app.NewClientTester(v)
		out := app.HTMLString(v)
		disp.Close()
		last := d.Trace[len(d.Trace)-1]
		order := []string{`class="num">` + strconv.Itoa(d.Code) + "<", `id="deciding"`, html.EscapeString(last.Question), `id="trace"`, ">Mistakes to avoid<", ">What would change the answer<", ">Headers to send<"}
		if len(d.Notes) == 0 {
			order = slices.DeleteFunc(order, func(s string) bool { return s == ">Mistakes to avoid<" })
		}
		at := 0
		for _, want := range order {
			i := strings.Index(out[at:], want)
			if i < 0 {
				t.Errorf("%s: %s missing or out of order (want %q)", id, want, order)
				break
			}
			at += i
		}
		_, trace, _ := strings.Cut(out, `id="trace"`)
		summary := strconv.Itoa(len(d.Trace)-1) + " checks passed"
		if !strings.Contains(trace, summary) || strings.Contains(trace[:strings.Index(trace, "</summary>")], " open") {
			t.Errorf("%s: the fold line lacks %q or is open", id, summary)
		}
		if got := strings.Count(out, `class="step"`); got != len(d.Trace) {
			t.Errorf("%s: the trace shows %d steps, want %d", id, got, len(d.Trace))
		}
		for _, st := range d.Trace[:len(d.Trace)-1] {
			if strings.Contains(out, ">"+st.Next+"<") {
				t.Errorf("%s: the node id %q shows on the page", id, st.Next)
			}
		}
		if !strings.Contains(out, html.EscapeString(last.Input)) || !strings.Contains(out, last.Ref) {
			t.Errorf("%s: the deciding step lacks its fact %q or its section %s", id, last.Input, last.Ref)
		}
		// .step::before shows data-n: a style attribute (counter-reset) would
		// be refused by the page's policy.
		if want := `data-n="` + strconv.Itoa(len(d.Trace)) + `"`; !strings.Contains(out, want) {
			t.Errorf("%s: the last step lacks %s", id, want)
		}
		if strings.Contains(out, "style=") {
			t.Errorf("%s: the verdict has a style attribute, which the page's policy refuses", id)
		}
	}
	if got := foldLine(engine.Recommend(engine.Case{}).Trace); !strings.Contains(got, "checks passed: ") {
		t.Errorf("foldLine = %q, want it to name some checks", got)
	}
}

// A header row without a name yet is being typed: the verdict ignores it.
func TestPlaygroundIgnoresUnnamedHeader(t *testing.T) {
	p := &Playground{}
	disp := app.NewClientTester(p)
	defer disp.Close()
	p.apply(func(c *engine.Case) { c.Request.Headers = append(cloneHeaders(c.Request.Headers), engine.Header{}) })
	p.Update()
	disp.Consume()
	if p.d.Code != 200 || len(p.c.Request.Headers) != 2 {
		t.Errorf("with an empty header row: code %d, %d rows; want 200 and the row kept", p.d.Code, len(p.c.Request.Headers))
	}
	if !strings.Contains(app.HTMLString(p), "Not sent until it has a name.") {
		t.Errorf("the empty row does not say it is not sent")
	}
	p.apply(func(c *engine.Case) { c.Request.Headers[1].Name = "X Bad" })
	if p.d.Code != 400 {
		t.Errorf("a named row that is not a token: code %d, want 400", p.d.Code)
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
	if !strings.Contains(html, `class="num">400<`) || !strings.Contains(html, "JSON broken at line 1") {
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
