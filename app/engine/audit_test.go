package engine

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

// The audit: every explanation and note the engine can show, rendered in
// every method, caller and profile context it can be shown in, and read
// for leftovers (placeholders, double full stops, stray spaces) and for
// claims the context contradicts.

var auditMethods = []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "get"}

// auditCallers are the ways a client can come: anonymous, with good,
// wrong or expired credentials, in another scheme, with a session.
var auditCallers = []struct {
	name    string
	headers []Header
	caller  Caller
	scheme  string
}{
	{"anonymous", nil, Caller{}, ""},
	{"bearer", hdr("Authorization", "Bearer good"), Caller{}, ""},
	{"bearer-invalid", hdr("Authorization", "Bearer old"), Caller{CredentialsInvalid: true}, ""},
	{"basic-to-bearer", hdr("Authorization", "Basic YTpi"), Caller{}, ""},
	{"session", hdr("Cookie", "sessionid=s1"), Caller{}, "Session"},
	{"bearer-denied", hdr("Authorization", "Bearer good"), Caller{PermissionDenied: true}, ""},
}

// auditSituations are one fact each, so that every ending is met with
// every method and caller.
func auditSituations() []Situation {
	all := []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}
	base := Situation{Endpoint: Endpoint{AllowedMethods: all}}
	var out []Situation
	add := func(f func(s *Situation)) {
		s := base
		f(&s)
		out = append(out, s)
	}
	add(func(s *Situation) {})
	add(func(s *Situation) { s.Endpoint.AllowedMethods = nil })
	for _, u := range Choices["situation.server.unavailable"][1:] {
		add(func(s *Situation) { s.Server.Unavailable = u })
	}
	for _, st := range Choices["situation.resource.state"][1:] {
		add(func(s *Situation) { s.Resource.State = st })
		add(func(s *Situation) { s.Resource.State, s.Resource.KeepMethod = st, true })
	}
	for _, f := range Choices["situation.processing.failure"][1:] {
		add(func(s *Situation) { s.Processing.Failure = f })
	}
	for _, c := range Choices["situation.processing.conflict"][1:] {
		add(func(s *Situation) { s.Processing.Conflict = c })
	}
	for _, r := range Choices["situation.endpoint.post_result"][1:] {
		add(func(s *Situation) { s.Endpoint.PostResult = r })
	}
	for _, b := range Choices["situation.processing.response_body"][1:] {
		add(func(s *Situation) { s.Processing.ResponseBody = b })
	}
	add(func(s *Situation) { s.Endpoint.AuthRequired = true })
	add(func(s *Situation) {
		s.Endpoint.AuthRequired, s.Endpoint.HideExistence, s.Caller.PermissionDenied = true, true, true
	})
	add(func(s *Situation) { s.Endpoint.RateLimitExceeded = true })
	add(func(s *Situation) { s.Endpoint.RateLimitExceeded, s.Endpoint.RateLimitRetry = true, 30 })
	add(func(s *Situation) { s.Endpoint.Login = true })
	add(func(s *Situation) { s.Endpoint.Login, s.Caller.CredentialsInvalid = true, true })
	add(func(s *Situation) { s.Endpoint.ConditionalWritesRequired = true })
	add(func(s *Situation) { s.Resource.ETag = `"v7"` })
	add(func(s *Situation) { s.Resource.LegalBlock = true })
	add(func(s *Situation) { s.Processing.RuleViolation = "amount must be positive." })
	add(func(s *Situation) { s.Processing.Async = true })
	add(func(s *Situation) { s.Processing.LongRunning = true })
	add(func(s *Situation) { s.Server.LengthRequired = true })
	add(func(s *Situation) { s.Server.RequiredProtocol = "TLS/1.3" })
	add(func(s *Situation) {
		s.Endpoint.Produces = []string{"application/json", "text/csv"}
		s.Resource.ETag = `"v7"`
	})
	add(func(s *Situation) { s.Endpoint.Ranges = true; s.Resource.LastModified = lastMod })
	return out
}

// auditRequests are the extra headers and bodies tried with each method.
var auditRequests = []struct {
	headers []Header
	body    string
}{
	{nil, `{"a": 1}`},
	{hdr("If-Match", `"v6"`), `{"a": 1}`},
	{hdr("If-None-Match", `"v7"`), ""},
	{hdr("Expect", "100-continue"), `{"a": 1}`},
	{hdr("Range", "bytes=0-99"), ""},
	{hdr("Accept", "application/xml"), ""},
	{nil, `{"a": `},
	{hdr("X-Trace", "a\x00b"), ""},
}

type auditContext struct {
	s Situation
	r struct {
		headers []Header
		body    string
	}
}

// auditContexts pair each situation with the plain request, and each
// request with the plain situation and with a resource that has an ETag
// (what the If-* headers need): every fact and every header is met, with
// every method and caller, without multiplying them all.
func auditContexts() []auditContext {
	var out []auditContext
	sits := auditSituations()
	for _, s := range sits {
		out = append(out, auditContext{s: s, r: auditRequests[0]})
	}
	etagged := sits[0]
	etagged.Resource.ETag = `"v7"`
	for _, r := range auditRequests[1:] {
		out = append(out, auditContext{s: sits[0], r: r}, auditContext{s: etagged, r: r})
	}
	return out
}

// A claim is a sentence that must not be shown in some context.
type claim struct {
	text string                        // a phrase of the claim
	when func(c Case, d Decision) bool // where it would be wrong
	why  string
}

func anonymous(c Case) bool {
	for _, h := range c.Request.Headers {
		if strings.EqualFold(h.Name, "Authorization") || strings.EqualFold(h.Name, "Cookie") {
			return false
		}
	}
	return !c.Situation.Endpoint.Login
}

func methodIs(c Case, ms ...string) bool {
	m := or(c.Request.Method, "GET")
	for _, x := range ms {
		if strings.EqualFold(m, x) {
			return true
		}
	}
	return false
}

var claims = []claim{
	{"overwrite", func(c Case, d Decision) bool { return methodIs(c, "GET", "HEAD") }, "a read overwrites nothing"},
	{"Nothing exists yet", func(c Case, d Decision) bool { return !methodIs(c, "POST", "PUT") }, "only a POST or PUT creates"},
	{"caller is allowed", func(c Case, d Decision) bool { return true }, "the rate limit may be checked before permissions"},
	{"knows who is asking", func(c Case, d Decision) bool { return true }, "RFC 9110 §15.5.4: a request may be forbidden whoever asks"},
	{"wrong or expired", func(c Case, d Decision) bool { return !c.Situation.Caller.CredentialsInvalid }, "the credentials were not said to be wrong"},
	{"line break", func(c Case, d Decision) bool {
		return !strings.Contains(string(Encode(c)), `\r`) && !strings.Contains(string(Encode(c)), `\n`)
	}, "no CR or LF was sent"},
	{"The caller is authenticated", func(c Case, d Decision) bool { return anonymous(c) }, "an anonymous caller is not authenticated"},
	{"cannot read", func(c Case, d Decision) bool { return d.Code == 422 }, "400 is not only for what cannot be read (RFC 9110 §15.5.1)"},
	{"down for overloaded", func(c Case, d Decision) bool { return true }, "grammar"},
}

var leftovers = []*regexp.Regexp{
	regexp.MustCompile(`\{[a-zA-Z_-]+\}`), // a placeholder
	regexp.MustCompile(`\.\.(?:[^.]|$)`),  // a double full stop
	regexp.MustCompile(`  `),
	regexp.MustCompile(` [.,;:]`),
	regexp.MustCompile(`(?:^|[^a-z_])\(\)`), // empty brackets, not a call like get_object()
	regexp.MustCompile(`^[a-z]+[ ,]`),       // a sentence that starts in lower case
}

// texts are the sentences a decision shows, each with where it is.
func texts(d Decision) map[string]string {
	t := map[string]string{"why": d.Why}
	for _, n := range d.Notes {
		t["note "+n.Title] = n.Text
	}
	for _, h := range d.Headers {
		t["header "+h.Name] = h.Why
	}
	if d.Other != nil {
		t["other_profile"] = d.Other.Why
	}
	if d.Then != nil {
		t["then"] = d.Then.Why
	}
	return t
}

func TestAuditAdvice(t *testing.T) {
	n := 0
	failures := 0
	seen := map[string]bool{}
	once := func(key string) bool { // report each kind of failure once
		if seen[key] {
			return false
		}
		seen[key] = true
		return true
	}
	for _, p := range Profiles {
		for _, m := range auditMethods {
			for _, who := range auditCallers {
				for _, sr := range auditContexts() {
					{
						s, r := sr.s, sr.r
						c := Case{Profile: p, Request: Request{Method: m, URL: "/api/items/7/", Headers: append(append([]Header{}, who.headers...), r.headers...)}, Situation: s}
						if r.body != "" && methodIs(c, "POST", "PUT", "PATCH") {
							c.Request.Body = r.body
							c.Request.Headers = append(c.Request.Headers, Header{jsonCT[0], jsonCT[1]})
						}
						c.Situation.Caller = who.caller
						if s.Caller.PermissionDenied {
							c.Situation.Caller.PermissionDenied = true
						}
						if who.scheme != "" {
							c.Situation.Endpoint.AuthScheme = who.scheme
						}
						d := Recommend(c)
						n++
						for where, text := range texts(d) {
							for _, re := range leftovers {
								if loc := re.FindStringIndex(text); loc != nil && once(string(p)+where+re.String()) && failures < 20 {
									failures++
									t.Errorf("%s: %s of %d has %q: %q\n  case %s", p, where, d.Code, text[loc[0]:loc[1]], text, compact(c))
								}
							}
							for _, cl := range claims {
								if strings.Contains(text, cl.text) && cl.when(c, d) && once(string(p)+where+cl.text) && failures < 20 {
									failures++
									t.Errorf("%s: %s of %d says %q, wrong here (%s): %q\n  case %s", p, where, d.Code, cl.text, cl.why, text, compact(c))
								}
							}
						}
						for _, h := range d.Headers {
							if h.Ref == "RFC 9110 §9.3.4" && !methodIs(c, "PUT") && failures < 20 {
								failures++
								t.Errorf("%s: %d after %s cites PUT's rule for %s", p, d.Code, m, h.Name)
							}
						}
						if d.Then != nil && d.Then.Code == 201 && !hasHeader(d.Then.Headers, "Location") && failures < 20 {
							failures++
							t.Errorf("%s: %d then 201 without Location", p, d.Code)
						}
						if p == DRF && m == "get" && !hasNote(d, "Django upper-cases the method") && failures < 20 {
							failures++
							t.Errorf("drf: a lower-case method is upper-cased without a word (%d)", d.Code)
						}
						if d.Code == 500 && !hasNote(d, "Keep internals out of the body") && failures < 20 {
							failures++
							t.Errorf("%s: a 500 without the advice to keep internals out of the body", p)
						}
					}
				}
			}
		}
	}
	t.Logf("%d decisions audited", n)
}

func compact(c Case) string { b, _ := json.Marshal(c); return string(b) }

func hasHeader(h []Advice, name string) bool {
	for _, a := range h {
		if a.Name == name {
			return true
		}
	}
	return false
}

func hasNote(d Decision, title string) bool {
	for _, n := range d.Notes {
		if n.Title == title {
			return true
		}
	}
	return false
}

// TestAuditTemplates renders every template itself (node whys, edge whys,
// notes, the order notes) for every method and profile, whatever decides
// whether it is shown, and reads it for leftovers.
func TestAuditTemplates(t *testing.T) {
	var tmpls []string
	for _, n := range nodes {
		tmpls = append(tmpls, n.yesWhy, n.noWhy)
	}
	for _, p := range Profiles {
		for _, s := range flows[p].steps {
			tmpls = append(tmpls, s.yes.why, s.no.why)
		}
		tmpls = append(tmpls, orderNote[p])
	}
	for _, n := range noteTexts {
		tmpls = append(tmpls, n.text)
	}
	reported := map[string]bool{}
	for _, p := range Profiles {
		for _, m := range auditMethods {
			for _, who := range auditCallers {
				// Each template is shown only where its placeholders have
				// something to say: the request names a type it accepts
				// and a precondition, as every case that reaches them does.
				h := append(hdr("Accept", "application/xml", "If-Match", `"v6"`), who.headers...)
				c := Case{Request: Request{Method: m, Headers: h}, Situation: Situation{Caller: who.caller}}
				c.Situation.Endpoint.AuthScheme = who.scheme
				c.Situation.Processing.RuleViolation = "amount must be positive."
				c.Situation.Processing.Conflict = "duplicate"
				c.Situation.Processing.FieldError = "email: this field is required."
				c.Situation.Server.Unavailable = "overloaded"
				v := newView(c, p)
				all := tmpls
				for _, n := range nodes {
					if n.whyFor != nil && (who.headers != nil || n.id != "credentials-valid") {
						all = append(all, n.whyFor(v, false), n.whyFor(v, true))
					}
				}
				for _, tm := range all {
					if tm == "" {
						continue
					}
					text := expand(tm, v)
					for _, re := range leftovers {
						if loc := re.FindStringIndex(text); loc != nil && !reported[tm] {
							reported[tm] = true
							t.Errorf("%s, %s, %s: %q has %q", p, m, who.name, text, text[loc[0]:loc[1]])
						}
					}
				}
			}
		}
	}
}
