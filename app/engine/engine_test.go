package engine

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unsafe"

	"whichstatus/app/status"
)

func hdr(kv ...string) []Header {
	var h []Header
	for i := 0; i+1 < len(kv); i += 2 {
		h = append(h, Header{kv[i], kv[i+1]})
	}
	return h
}

var jsonCT = []string{"Content-Type", "application/json"}

func post(url, body string, extra ...string) Request {
	return Request{Method: "POST", URL: url, Headers: hdr(append(jsonCT, extra...)...), Body: body}
}

func allow(m ...string) Situation { return Situation{Endpoint: Endpoint{AllowedMethods: m}} }

const lastMod = "Tue, 03 Nov 2026 10:00:00 GMT"

// engineTests is the shared table: the request and the situation beside
// the code both profiles should give (drf: 0 means the same as rfc).
var engineTests = []struct {
	name string
	c    Case
	want int
	drf  int
}{
	{"empty case: healthy server, existing resource", Case{}, 200, 0},
	{"bad method token", Case{Request: Request{Method: "GE T"}}, 400, 0},
	{"maintenance", Case{Situation: Situation{Server: Server{Unavailable: "maintenance", RetryAfter: 600}}}, 503, 0},
	{"HTTP/4", Case{Request: Request{Version: "HTTP/4.0"}}, 505, 0},
	{"unknown method", Case{Request: Request{Method: "BREW"}}, 501, 405},
	{"lower-case get is another method (Django upper-cases it)", Case{Request: Request{Method: "get"}}, 501, 200},
	{"URL too long", Case{Request: Request{URL: "/" + strings.Repeat("a", 9000)}}, 414, 0},
	{"headers too large", Case{Request: Request{Headers: hdr("Cookie", strings.Repeat("c", 9000))}}, 431, 0},
	{"unknown expectation", Case{Request: Request{Headers: hdr("Expect", "fast-please")}}, 417, 0},
	{"websocket upgrade", Case{Request: Request{Headers: hdr("Connection", "Upgrade", "Upgrade", "websocket", "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version", "13")},
		Situation: Situation{Server: Server{Upgrades: []string{"websocket"}}}}, 101, 0},
	{"upgrade required", Case{Situation: Situation{Server: Server{RequiredProtocol: "TLS/1.3"}}}, 426, 0},
	{"method not allowed", Case{Request: Request{Method: "DELETE"}}, 405, 0},
	{"anonymous DELETE of GET-only endpoint: DRF authenticates first",
		Case{Request: Request{Method: "DELETE", URL: "/api/users/7/"}, Situation: Situation{Endpoint: Endpoint{AuthRequired: true}}}, 405, 401},
	{"missing token", Case{Situation: Situation{Endpoint: Endpoint{AuthRequired: true}}}, 401, 0},
	{"missing session cookie: DRF says 403", Case{Situation: Situation{Endpoint: Endpoint{AuthRequired: true, AuthScheme: "Session"}}}, 401, 403},
	{"invalid token", Case{Request: Request{Headers: hdr("Authorization", "Bearer nope")}, Situation: Situation{Caller: Caller{CredentialsInvalid: true}}}, 401, 0},
	{"wrong scheme", Case{Request: Request{Headers: hdr("Authorization", "Basic YTpi")}, Situation: Situation{Endpoint: Endpoint{AuthRequired: true}}}, 401, 0},
	{"failed login", Case{Request: post("/api/login/", `{"username":"ann","password":"x"}`),
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"POST"}, Login: true}, Caller: Caller{CredentialsInvalid: true}}}, 401, 400},
	{"login without a body", Case{Request: Request{Method: "POST", URL: "/api/login/", Headers: hdr(jsonCT...)},
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"POST"}, Login: true}}}, 401, 400},
	{"successful login", Case{Request: post("/api/login/", `{"username":"ann","password":"right"}`),
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"POST"}, Login: true}}}, 200, 0},
	{"throttled login: 429 before the password is judged", Case{Request: post("/api/login/", `{"username":"ann","password":"x"}`),
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"POST"}, Login: true, RateLimitExceeded: true}, Caller: Caller{CredentialsInvalid: true}}}, 429, 0},
	{"websocket handshake without a key", Case{Request: Request{Headers: hdr("Connection", "Upgrade", "Upgrade", "websocket")},
		Situation: Situation{Server: Server{Upgrades: []string{"websocket"}}}}, 400, 0},
	{"websocket to a missing resource", Case{Request: Request{Headers: hdr("Connection", "Upgrade", "Upgrade", "websocket", "Sec-WebSocket-Key", "k", "Sec-WebSocket-Version", "13")},
		Situation: Situation{Server: Server{Upgrades: []string{"websocket"}}, Resource: Resource{State: "missing"}}}, 404, 101},
	{"upgrade waits for 100 Continue", Case{Request: post("/x", `{}`, "Expect", "100-continue", "Connection", "upgrade", "Upgrade", "h2c"),
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"POST"}}, Server: Server{Upgrades: []string{"h2c"}}}}, 100, 0},
	{"required TLS upgrade being asked for", Case{Request: Request{Headers: hdr("Connection", "Upgrade", "Upgrade", "TLS/1.3")},
		Situation: Situation{Server: Server{RequiredProtocol: "TLS/1.3"}}}, 101, 0},
	{"no 102 for HTTP/1.0", Case{Request: Request{Method: "POST", Version: "HTTP/1.0", Headers: hdr(jsonCT...), Body: "{}"},
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"POST"}}, Processing: Processing{LongRunning: true}}}, 201, 0},
	{"repeated If-Match lines form one list", Case{Request: Request{Method: "PUT", Headers: hdr("If-Match", `"v6"`, "If-Match", `"v7"`, "Content-Type", "application/json"), Body: "{}"},
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"PUT"}}, Resource: Resource{ETag: `"v7"`}}}, 200, 0},
	{"repeated Accept lines form one list", Case{Request: Request{Headers: hdr("Accept", "text/html", "Accept", "application/json")}}, 200, 0},
	{"Content-Length not a number", Case{Request: post("/x", "{}", "Content-Length", "abc"), Situation: allow("POST")}, 400, 0},
	{"Content-Length lines disagree", Case{Request: post("/x", "{}", "Content-Length", "2", "Content-Length", "7"), Situation: allow("POST")}, 400, 0},
	{"Content-Length overflows", Case{Request: post("/x", "{}", "Content-Length", "99999999999999999999999"), Situation: allow("POST")}, 413, 0},
	{"If-Modified-Since in PST is not an HTTP-date", Case{Request: Request{Headers: hdr("If-Modified-Since", "Tue, 03 Nov 2026 10:00:00 PST")},
		Situation: Situation{Resource: Resource{LastModified: "Tue, 03 Nov 2026 09:00:00 GMT"}}}, 200, 0},
	{"empty Expect asks nothing", Case{Request: Request{Headers: hdr("Expect", "")}}, 200, 0},
	{"two Host lines", Case{Request: Request{Headers: hdr("Host", "a.example", "Host", "b.example")}}, 400, 0},
	{"CORS preflight needs no credentials", Case{Request: Request{Method: "OPTIONS", Headers: hdr("Origin", "https://app.example", "Access-Control-Request-Method", "POST")},
		Situation: Situation{Endpoint: Endpoint{AuthRequired: true}}}, 204, 200},
	{"DRF ignores a header in another scheme", Case{Request: Request{Headers: hdr("Authorization", "Basic eDp5")},
		Situation: Situation{Endpoint: Endpoint{AuthScheme: "Token"}}}, 401, 200},
	{"DRF: a stale session is anonymous", Case{Request: Request{Headers: hdr("Cookie", "sessionid=old")},
		Situation: Situation{Endpoint: Endpoint{AuthScheme: "Session"}, Caller: Caller{CredentialsInvalid: true}}}, 401, 200},
	{"HTTP/1.2 is answered as 1.1", Case{Request: Request{Version: "HTTP/1.2"}}, 200, 0},
	{"someone else's account", Case{Request: Request{Method: "DELETE", URL: "/api/users/8/", Headers: hdr("Authorization", "Bearer ok")},
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"GET", "DELETE"}}, Caller: Caller{PermissionDenied: true}}}, 403, 0},
	{"someone else's account, hidden", Case{Request: Request{Headers: hdr("Authorization", "Bearer ok")},
		Situation: Situation{Endpoint: Endpoint{HideExistence: true}, Caller: Caller{PermissionDenied: true}}}, 404, 0},
	{"anonymous without permission", Case{Situation: Situation{Caller: Caller{PermissionDenied: true}}}, 401, 0},
	{"rate limit", Case{Situation: Situation{Endpoint: Endpoint{RateLimitExceeded: true, RateLimitRetry: 30}}}, 429, 0},
	{"legal block", Case{Situation: Situation{Resource: Resource{LegalBlock: true}}}, 451, 0},
	{"body too large", Case{Request: post("/api/files/", `{"a":1}`, "Content-Length", "5000000"), Situation: allow("POST")}, 413, 0},
	{"length required", Case{Request: post("/api/files/", `{"a":1}`), Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"POST"}}, Server: Server{LengthRequired: true}}}, 411, 0},
	{"XML body", Case{Request: Request{Method: "POST", Headers: hdr("Content-Type", "application/xml"), Body: "<a/>"}, Situation: allow("POST")}, 415, 0},
	{"body without Content-Type", Case{Request: Request{Method: "POST", Body: "{}"}, Situation: allow("POST")}, 415, 0},
	{"Accept XML only", Case{Request: Request{Headers: hdr("Accept", "application/xml")}}, 406, 0},
	{"Accept with q=0 for JSON", Case{Request: Request{Headers: hdr("Accept", "application/json;q=0, text/html")}}, 406, 0},
	{"Accept */*", Case{Request: Request{Headers: hdr("Accept", "*/*")}}, 200, 0},
	{"missing user", Case{Request: Request{URL: "/api/users/999/"}, Situation: Situation{Resource: Resource{State: "missing"}}}, 404, 0},
	{"gone", Case{Situation: Situation{Resource: Resource{State: "gone"}}}, 410, 0},
	{"moved for good", Case{Situation: Situation{Resource: Resource{State: "moved_permanently", Location: "/api/v2/users/"}}}, 301, 0},
	{"moved for good, keep POST", Case{Request: post("/api/v1/orders/", `{}`),
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"POST"}}, Resource: Resource{State: "moved_permanently", KeepMethod: true}}}, 308, 0},
	{"moved for now", Case{Situation: Situation{Resource: Resource{State: "moved_temporarily"}}}, 302, 0},
	{"moved for now, keep method", Case{Situation: Situation{Resource: Resource{State: "moved_temporarily", KeepMethod: true}}}, 307, 0},
	{"PUT creates", Case{Request: Request{Method: "PUT", URL: "/api/docs/a", Headers: hdr(jsonCT...), Body: `{}`},
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"PUT"}}, Resource: Resource{State: "missing"}}}, 201, 404},
	{"PUT create only if absent, but it exists", Case{Request: Request{Method: "PUT", Headers: hdr("If-None-Match", "*", "Content-Type", "application/json"), Body: `{}`},
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"PUT"}}, Resource: Resource{ETag: `"v1"`}}}, 412, 0},
	{"PUT without If-Match where required", Case{Request: Request{Method: "PUT", Headers: hdr(jsonCT...), Body: `{}`},
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"PUT"}, ConditionalWritesRequired: true}}}, 428, 0},
	{"PUT with stale If-Match", Case{Request: Request{Method: "PUT", Headers: hdr("If-Match", `"v6"`, "Content-Type", "application/json"), Body: `{}`},
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"PUT"}, ConditionalWritesRequired: true}, Resource: Resource{ETag: `"v7"`}}}, 412, 0},
	{"PUT with current If-Match", Case{Request: Request{Method: "PUT", Headers: hdr("If-Match", `"v7"`, "Content-Type", "application/json"), Body: `{}`},
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"PUT"}, ConditionalWritesRequired: true}, Resource: Resource{ETag: `"v7"`}}}, 200, 0},
	{"If-Match with weak tag never matches", Case{Request: Request{Method: "PATCH", Headers: hdr("If-Match", `W/"v7"`, "Content-Type", "application/json"), Body: `{}`},
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"PATCH"}}, Resource: Resource{ETag: `W/"v7"`}}}, 412, 0},
	{"If-Unmodified-Since too old", Case{Request: Request{Method: "DELETE", Headers: hdr("If-Unmodified-Since", "Mon, 02 Nov 2026 10:00:00 GMT")},
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"DELETE"}}, Resource: Resource{LastModified: lastMod}}}, 412, 0},
	{"conditional GET, tag matches", Case{Request: Request{Headers: hdr("If-None-Match", `"v7"`)}, Situation: Situation{Resource: Resource{ETag: `"v7"`}}}, 304, 0},
	{"conditional GET, weak tag matches", Case{Request: Request{Headers: hdr("If-None-Match", `W/"v7"`)}, Situation: Situation{Resource: Resource{ETag: `"v7"`}}}, 304, 0},
	{"conditional GET, tag changed", Case{Request: Request{Headers: hdr("If-None-Match", `"v6"`)}, Situation: Situation{Resource: Resource{ETag: `"v7"`}}}, 200, 0},
	{"conditional GET by date", Case{Request: Request{Headers: hdr("If-Modified-Since", lastMod)}, Situation: Situation{Resource: Resource{LastModified: lastMod}}}, 304, 0},
	{"If-Modified-Since ignored when If-None-Match differs", Case{Request: Request{Headers: hdr("If-None-Match", `"v6"`, "If-Modified-Since", lastMod)},
		Situation: Situation{Resource: Resource{ETag: `"v7"`, LastModified: lastMod}}}, 200, 0},
	{"conditional GET of a missing resource is 404", Case{Request: Request{Headers: hdr("If-None-Match", `"v7"`)}, Situation: Situation{Resource: Resource{State: "missing"}}}, 404, 0},
	{"OPTIONS", Case{Request: Request{Method: "OPTIONS"}}, 204, 200},
	{"expect 100-continue", Case{Request: post("/api/uploads/", `{"name":"a"}`, "Expect", "100-continue"), Situation: allow("POST")}, 100, 0},
	{"broken JSON", Case{Request: post("/api/users/", `{"email": `), Situation: allow("POST")}, 400, 0},
	{"broken JSON to a missing object: DRF looks it up first", Case{Request: Request{Method: "PATCH", Headers: hdr(jsonCT...), Body: `{`},
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"PATCH"}}, Resource: Resource{State: "missing"}}}, 404, 0},
	{"negative amount", Case{Request: post("/api/payments/", `{"amount": -5}`),
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"POST"}}, Processing: Processing{RuleViolation: "amount must be greater than 0"}}}, 422, 400},
	{"duplicate e-mail", Case{Request: post("/api/users/", `{"email":"a@b.c"}`),
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"POST"}}, Processing: Processing{Conflict: "duplicate"}}}, 409, 0},
	{"crash", Case{Situation: Situation{Processing: Processing{Failure: "crash"}}}, 500, 0},
	{"upstream invalid", Case{Situation: Situation{Processing: Processing{Failure: "upstream_invalid"}}}, 502, 0},
	{"upstream timeout", Case{Situation: Situation{Processing: Processing{Failure: "upstream_timeout"}}}, 504, 0},
	{"database down", Case{Situation: Situation{Processing: Processing{Failure: "dependency_down"}}}, 503, 0},
	{"queued report", Case{Request: post("/api/reports/", `{}`), Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"POST"}}, Processing: Processing{Async: true}}}, 202, 0},
	{"long synchronous work", Case{Request: post("/api/reports/", `{}`), Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"POST"}}, Processing: Processing{LongRunning: true}}}, 102, 201},
	{"range", Case{Request: Request{Headers: hdr("Range", "bytes=0-499")}, Situation: Situation{Endpoint: Endpoint{Ranges: true}}}, 206, 0},
	{"suffix range", Case{Request: Request{Headers: hdr("Range", "bytes=-100")}, Situation: Situation{Endpoint: Endpoint{Ranges: true}}}, 206, 0},
	{"range past the end", Case{Request: Request{Headers: hdr("Range", "bytes=20000-")}, Situation: Situation{Endpoint: Endpoint{Ranges: true}}}, 416, 0},
	{"range not served", Case{Request: Request{Headers: hdr("Range", "bytes=0-1")}}, 200, 0},
	{"stale If-Range sends everything", Case{Request: Request{Headers: hdr("Range", "bytes=0-1", "If-Range", `"v6"`)},
		Situation: Situation{Endpoint: Endpoint{Ranges: true}, Resource: Resource{ETag: `"v7"`}}}, 200, 0},
	{"create user", Case{Request: post("/api/users/", `{"email":"a@b.c"}`), Situation: allow("GET", "POST")}, 201, 0},
	{"POST action", Case{Request: post("/api/notifications/3/read/", `{}`),
		Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"POST"}, PostResult: "action"}, Processing: Processing{ResponseBody: "empty"}}}, 204, 0},
	{"POST see other", Case{Request: post("/api/searches/", `{"q":"x"}`), Situation: Situation{Endpoint: Endpoint{AllowedMethods: []string{"POST"}, PostResult: "see_other"}}}, 303, 0},
	{"PATCH returns the resource", Case{Request: Request{Method: "PATCH", Headers: hdr(jsonCT...), Body: `{"read":true}`}, Situation: allow("PATCH")}, 200, 0},
	{"DELETE", Case{Request: Request{Method: "DELETE", URL: "/api/users/7/"}, Situation: allow("GET", "DELETE")}, 204, 0},
	{"HEAD comes with GET", Case{Request: Request{Method: "HEAD"}}, 200, 0},
}

// named returns the case of the table row with that name.
func named(name string) Case {
	for _, tt := range engineTests {
		if tt.name == name {
			return tt.c
		}
	}
	panic("no engine test named " + name)
}

func TestRecommend(t *testing.T) {
	for _, tt := range engineTests {
		for _, p := range Profiles {
			c := tt.c
			c.Profile = p
			want := tt.want
			if p == DRF && tt.drf != 0 {
				want = tt.drf
			}
			d := Recommend(c)
			if d.Code != want {
				t.Errorf("Recommend(%s, %s) = %d, want %d\n  why: %s\n  last step: %+v", tt.name, p, d.Code, want, d.Why, d.Trace[len(d.Trace)-1])
			}
		}
	}
}

// TestCodesReached proves the engine's reach: every code the guide teaches
// and the others the engine issue names, 40 or more in all.
func TestCodesReached(t *testing.T) {
	seen := map[int]bool{}
	for _, tt := range engineTests {
		seen[Recommend(tt.c).Code] = true
		c := tt.c
		c.Profile = DRF
		seen[Recommend(c).Code] = true
	}
	for _, code := range []int{100, 101, 102, 200, 201, 202, 204, 206, 301, 302, 303, 304, 307, 308,
		400, 401, 403, 404, 405, 406, 409, 410, 412, 413, 414, 415, 416, 422, 428, 429, 431, 451,
		500, 501, 502, 503, 504} {
		if !seen[code] {
			t.Errorf("no test reaches %d", code)
		}
	}
	var codes []int
	for c := range seen {
		codes = append(codes, c)
	}
	sort.Ints(codes)
	if len(codes) < 40 {
		t.Errorf("tests reach %d codes, want 40 or more: %v", len(codes), codes)
	}
	t.Logf("%d codes reached: %v", len(codes), codes)
}

// TestPaths asserts the route as well as the code, like webmachine's
// decision_core_test.
func TestPaths(t *testing.T) {
	for _, tt := range []struct {
		name string
		c    Case
		path string // a run of node ids the trace must contain, in order
	}{
		{"RFC 9110: method before credentials", named("anonymous DELETE of GET-only endpoint: DRF authenticates first"), "protocol-ok route-exists method-allowed 405"},
		{"DRF: credentials before method", withProfile(named("anonymous DELETE of GET-only endpoint: DRF authenticates first"), DRF),
			"acceptable drf-credentials-present auth-required challenge-sent 401"},
		{"If-None-Match decides before If-Modified-Since", named("If-Modified-Since ignored when If-None-Match differs"), "if-none-match if-modified-since is-options"},
		{"missing session, DRF", Case{Profile: DRF, Situation: Situation{Endpoint: Endpoint{AuthRequired: true, AuthScheme: "Session"}}},
			"credentials-present auth-required challenge-sent 403"},
	} {
		d := Recommend(tt.c)
		var ids []string
		for _, s := range d.Trace {
			ids = append(ids, s.Node())
		}
		if got := strings.Join(ids, " ") + " " + strconv.Itoa(d.Code); !strings.Contains(got, tt.path) {
			t.Errorf("Recommend(%s) path = …%s, want it to contain %q", tt.name, got[max(0, len(got)-120):], tt.path)
		}
	}
}

func withProfile(c Case, p Profile) Case { c.Profile = p; return c }

// TestFlowLint walks both node tables: every edge ends at a wired node or a
// recommendable code, every wired node is reachable, ids are unique, and
// every node is used by some profile.
func TestFlowLint(t *testing.T) {
	ids := map[string]bool{}
	for _, n := range nodes {
		if ids[n.id] {
			t.Errorf("node id %q defined twice", n.id)
		}
		ids[n.id] = true
		if n.question == "" || n.spec == "" || n.section == "" || n.guide == "" {
			t.Errorf("node %q lacks a question, a spec section or a guide anchor", n.id)
		}
	}
	used := map[string]bool{}
	for p, rows := range map[Profile][]row{RFC9110: rfc9110Flow, DRF: drfFlow} {
		f, err := compile(p, rows, nodes)
		if err != nil {
			t.Fatal(err)
		}
		reach := map[int]bool{}
		var visit func(i int)
		visit = func(i int) {
			if i < 0 || reach[i] {
				return
			}
			reach[i] = true
			visit(f.steps[i].next[1])
			visit(f.steps[i].next[0])
		}
		visit(0)
		for i, s := range f.steps {
			used[s.n.id] = true
			if !reach[i] {
				t.Errorf("%s: node %q cannot be reached", p, s.n.id)
			}
			for _, e := range []edge{s.yes, s.no} {
				if e.to == "" {
					if c, ok := status.Lookup(e.code); !ok || !c.Recommendable() {
						t.Errorf("%s: %s ends at %d, not a recommendable code", p, s.n.id, e.code)
					}
				}
			}
			if s.n.whyFor == nil && (s.yes.to == "" && s.yes.why == "" && s.n.yesWhy == "" || s.no.to == "" && s.no.why == "" && s.n.noWhy == "") {
				t.Errorf("%s: %s ends at a code without saying why", p, s.n.id)
			}
		}
	}
	for id := range ids {
		if !used[id] {
			t.Errorf("node %q is wired in no profile", id)
		}
	}
}

func TestDecisionDetails(t *testing.T) {
	d := Recommend(named("missing token"))
	if d.Headers[0].Name != "WWW-Authenticate" || d.Headers[0].Need != "must" {
		t.Errorf("401 headers = %+v, want WWW-Authenticate first, must", d.Headers)
	}
	if d.Constants.DRF.Name != "status.HTTP_401_UNAUTHORIZED" || d.Constants.Go.Name != "http.StatusUnauthorized" || d.Constants.Spring.Name != "HttpStatus.UNAUTHORIZED" {
		t.Errorf("401 constants = %+v", d.Constants)
	}
	var titles []string
	for _, n := range d.Notes {
		titles = append(titles, n.Title)
	}
	if !strings.Contains(strings.Join(titles, "|"), "Why not 403?") || !strings.Contains(strings.Join(titles, "|"), "Why not 200?") {
		t.Errorf("401 notes = %v, want why-not-403 and why-not-200", titles)
	}
	// A different question decides: the other profile's order is told.
	if d := Recommend(named("anonymous DELETE of GET-only endpoint: DRF authenticates first")); d.Other == nil || d.Other.Code != 401 ||
		!strings.HasSuffix(d.Other.Why, orderNote[DRF]) {
		t.Errorf("anonymous DELETE: Other = %+v, want DRF's 401 with its order", d.Other)
	}
	// The same question decides with another code: its why is enough.
	if d := Recommend(named("negative amount")); d.Other == nil || d.Other.Code != 400 || strings.Contains(d.Other.Why, orderNote[DRF]) {
		t.Errorf("negative amount: Other = %+v, want DRF's 400 without the order note", d.Other)
	}
	d = Recommend(Case{Request: post("/api/uploads/", `{"a":1}`, "Expect", "100-continue"), Situation: allow("POST")})
	if d.Then == nil || d.Then.Code != 201 {
		t.Errorf("100 Continue: Then = %+v, want 201 after the body", d.Then)
	}
	d = Recommend(Case{Request: Request{Method: "DELETE"}})
	if d.Headers[0].Name != "Allow" || d.Headers[0].Value != "GET, HEAD, OPTIONS" {
		t.Errorf("405 headers = %+v, want Allow: GET, HEAD, OPTIONS", d.Headers)
	}
	d = Recommend(Case{Request: Request{Headers: hdr("Range", "bytes=0-499")}, Situation: Situation{Endpoint: Endpoint{Ranges: true}}})
	if d.Headers[0].Name != "Content-Range" || d.Headers[0].Value != "bytes 0-499/10000" {
		t.Errorf("206 headers = %+v", d.Headers)
	}
	for _, s := range d.Trace {
		if s.Node() == "" || s.Question == "" || s.Input == "" || s.Ref() == "" || s.Guide() == "" || s.Next() == "" {
			t.Errorf("incomplete step %+v", s)
		}
	}
}

// TestLongFlow compiles and walks a flow of 100 nodes: nothing bounds
// the number of nodes.
func TestLongFlow(t *testing.T) {
	var table []node
	var r []row
	for i := 0; i < 100; i++ {
		id := "n" + strconv.Itoa(i)
		table = append(table, node{id: id, question: "Question " + strconv.Itoa(i) + "?", spec: "RFC 9110", section: "15",
			guide: "x", test: func(*view) (bool, string) { return true, "always" }, noWhy: "No."})
		next := to("n" + strconv.Itoa(i+1))
		if i == 99 {
			next = because(200, "All 100 said yes.")
		}
		r = append(r, row{id, next, give(400)})
	}
	f, err := compile(RFC9110, r, table)
	if err != nil {
		t.Fatal(err)
	}
	o, _ := f.walk(newView(Case{}, RFC9110), withTrace, nil)
	if o.code != 200 || len(o.trace) != 100 || o.trace[99].Node() != "n99" || o.why != "All 100 said yes." {
		t.Errorf("walk of 100 nodes = %d after %d steps (%q), want 200 after 100", o.code, len(o.trace), o.why)
	}
}

// TestVariantsByID: the DRF flow leaves out the method check by its id, so
// a row added before it changes nothing.
func TestVariantsByID(t *testing.T) {
	f := flows[DRF]
	for _, s := range f.steps {
		switch s.n.id {
		case "method-implemented", "long-running":
			t.Errorf("the DRF flow wires %s", s.n.id)
		case "version-supported":
			if s.yes.to != "url-length-ok" {
				t.Errorf("DRF: version-supported yes → %q, want url-length-ok", s.yes.to)
			}
		case "queued":
			if s.no.to != "is-get" {
				t.Errorf("DRF: queued no → %q, want is-get", s.no.to)
			}
		}
	}
	// A row inserted after service-available leaves the bypass right.
	r := system("upgrade-offered", true)
	r = append(r[:2], append([]row{{"legal-ok", to("version-supported"), give(451)}}, r[2:]...)...)
	r[1].yes = to("legal-ok")
	r = bypass(r, "method-implemented", true)
	for _, x := range r {
		if x.id == "version-supported" && x.yes.to != "url-length-ok" {
			t.Errorf("after an inserted row, version-supported yes → %q, want url-length-ok", x.yes.to)
		}
	}
}

// A decision owns its trace: writing through one changes no other.
func TestTraceIsOwned(t *testing.T) {
	c := Case{Request: Request{Method: "DELETE"}}
	d := Recommend(c)
	d.Trace[0].Question = "changed"
	d.Trace[0].Input = "changed"
	if e := Recommend(c); e.Trace[0].Question == "changed" || e.Trace[0].Input == "changed" {
		t.Errorf("a write to one decision's trace shows in the next: %+v", e.Trace[0])
	}
}

func TestHeaderDetails(t *testing.T) {
	d := Recommend(named("websocket upgrade"))
	if h := d.Headers[len(d.Headers)-1]; h.Name != "Sec-WebSocket-Accept" || h.Value != "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=" {
		t.Errorf("101 headers = %+v, want RFC 6455's example Sec-WebSocket-Accept", d.Headers)
	}
	d = Recommend(named("PUT with current If-Match"))
	for _, h := range d.Headers {
		if h.Name == "ETag" && (h.Value == `"v7"` || h.Need != "may") {
			t.Errorf("PUT 200 advises %+v: the replaced tag, or not 'may'", h)
		}
	}
	d = Recommend(named("wrong scheme"))
	if v := d.Headers[0].Value; strings.Contains(v, "error=") {
		t.Errorf("401 for an unsupported scheme advises %q; RFC 6750 §3.1 says no error code", v)
	}
	d = Recommend(Case{Request: Request{Method: "POST"}, Situation: Situation{Server: Server{ImplementedMethods: []string{"GET", "POST"}}}})
	if d.Code != 405 || d.Headers[0].Value != "GET" {
		t.Errorf("405 on a server without HEAD/OPTIONS: %d %+v, want Allow: GET", d.Code, d.Headers)
	}
}

// TestViewSize keeps a view, with its 8-byte allocation header, in the
// 1,024-byte size class its answers' room was sized for (request.go).
func TestViewSize(t *testing.T) {
	if n := unsafe.Sizeof(view{}) + 8; n > 1024 {
		t.Errorf("a view takes %d bytes with its header: shrink view.room by %d", n, n-1024)
	}
}

// A view read anew for another case decides as a fresh one: Alternatives
// reads every change it tries into one view, and nothing of the last case
// may stay.
func TestViewReadAnew(t *testing.T) {
	cases := everyProfile(scenarioFiles(t))
	v := new(view)
	var room, freshRoom [48]Step
	for _, a := range cases {
		for _, b := range cases {
			decideSteps(v, a, room[:])
			code, steps := decideSteps(v, b, room[:])
			want, wantSteps := decideSteps(new(view), b, freshRoom[:])
			if code != want || !slices.Equal(steps, wantSteps) {
				t.Fatalf("read after %+v, %+v gives %d %v; a fresh view gives %d %v", a, b, code, steps, want, wantSteps)
			}
		}
	}
}

// A decision made after any other is the one made first, and a decision
// kept while others are made stays as it was: Recommend reads every case
// into the one spare view.
func TestViewsAreReused(t *testing.T) {
	cases := everyProfile(scenarioFiles(t))
	first := make([]Decision, len(cases))
	kept := make([][]byte, len(cases))
	for i, c := range cases {
		first[i] = Recommend(c)
		kept[i], _ = json.Marshal(first[i])
	}
	for i, c := range cases {
		for _, b := range cases {
			Recommend(b)
			if d := Recommend(c); !reflect.DeepEqual(d, first[i]) {
				t.Fatalf("Recommend(%+v) after Recommend(%+v) differs from the first", c, b)
			}
		}
	}
	for i, d := range first {
		if got, _ := json.Marshal(d); !bytes.Equal(got, kept[i]) {
			t.Errorf("decision %d changed while others were made:\n%s\nwas\n%s", i, got, kept[i])
		}
	}
}

// Decisions made at once on several goroutines are the ones made alone:
// the spare view goes to one decision at a time.
func TestRecommendAtOnce(t *testing.T) {
	files := scenarioFiles(t)
	want := make([]Decision, len(files))
	for i, s := range files {
		want[i] = Recommend(s.c)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 20 {
				for i, s := range files {
					if d := Recommend(s.c); !reflect.DeepEqual(d, want[i]) {
						t.Errorf("%s: a decision made beside others differs", s.id)
						return
					}
				}
			}
		})
	}
	wg.Wait()
}

// everyProfile is each scenario's case under each profile.
func everyProfile(files []scenarioFile) []Case {
	var cases []Case
	for _, s := range files {
		for _, p := range Profiles {
			c := s.c
			c.Profile = p
			cases = append(cases, c)
		}
	}
	return cases
}
