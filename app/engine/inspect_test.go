package engine_test

import (
	"slices"
	"testing"

	"whichstatus/app/engine"
	"whichstatus/app/scenario"
)

// answer is how the RFC 9110 flow answered a node for the case, "" when
// it did not ask.
func answer(c engine.Case, node string) string {
	for _, s := range engine.Recommend(c).Trace {
		if s.Node == node {
			return s.Answer
		}
	}
	return ""
}

func TestBodyOf(t *testing.T) {
	for _, tt := range []struct {
		ctype, body string
		want        engine.BodyKind
		line, col   int
		accepted    bool
	}{
		{"application/json", ``, engine.BodyNone, 0, 0, false},
		{"application/json", `{"email": "ada@example.com"}`, engine.BodyJSON, 0, 0, true},
		{"application/json; charset=utf-8", `[1, 2]`, engine.BodyJSON, 0, 0, true},
		{"application/json", `{"email": "ada@example.com"`, engine.BodyBroken, 1, 28, true},
		{"application/json", `{"a" 1}`, engine.BodyBroken, 1, 6, true},
		{"application/json", "{\n  \"naïve\": tru\n}", engine.BodyBroken, 2, 15, true},
		{"application/merge-patch+json", `{"a":1,}`, engine.BodyBroken, 1, 8, false},
		{"text/plain", `hello`, engine.BodyOther, 0, 0, false},
		{"", `{"a": 1}`, engine.BodyJSON, 0, 0, false},
		{"", `{"a": `, engine.BodyBroken, 1, 7, false},
		{"", "\x01\x02", engine.BodyOther, 0, 0, true}, // the endpoint below takes octet-stream
	} {
		c := engine.Case{Request: engine.Request{Method: "POST", Body: tt.body}}
		if tt.ctype != "" {
			c.Request.Headers = []engine.Header{{Name: "Content-Type", Value: tt.ctype}}
		}
		c.Situation.Endpoint.AllowedMethods = []string{"POST"}
		if tt.body == "\x01\x02" {
			c.Situation.Endpoint.Accepts = []string{"application/json", "application/octet-stream"}
		}
		b := engine.BodyOf(c)
		if b.Kind != tt.want || b.Line != tt.line || b.Column != tt.col || b.Accepted != tt.accepted || (b.Kind == engine.BodyBroken) != (b.Error != "") {
			t.Errorf("BodyOf(%s, %q) = %+v, want %s at %d:%d, accepted %v", tt.ctype, tt.body, b, tt.want, tt.line, tt.col, tt.accepted)
		}
		if !b.Read && b.Kind != engine.BodyNone {
			t.Errorf("BodyOf(%s, %q): a POST's body is read", tt.ctype, tt.body)
		}
		// What the badge says is what the engine decides on.
		if got := answer(c, "content-type-ok"); b.Kind != engine.BodyNone && got != "" && (got == "yes") != b.Accepted {
			t.Errorf("BodyOf(%s, %q).Accepted = %v, the engine's content-type-ok answers %s", tt.ctype, tt.body, b.Accepted, got)
		}
		if got := answer(c, "content-well-formed"); got != "" && (got == "no") != (b.Kind == engine.BodyBroken) {
			t.Errorf("BodyOf(%s, %q).Kind = %s, the engine's content-well-formed answers %s", tt.ctype, tt.body, b.Kind, got)
		}
	}
	for _, m := range []string{"GET", "DELETE", "HEAD"} {
		if b := engine.BodyOf(engine.Case{Request: engine.Request{Method: m, Body: "x"}}); b.Read {
			t.Errorf("BodyOf(%s with a body).Read = true, want false", m)
		}
	}
}

func TestCredentialsOf(t *testing.T) {
	auth := func(v string) []engine.Header { return []engine.Header{{Name: "Authorization", Value: v}} }
	for _, tt := range []struct {
		name    string
		c       engine.Case
		present bool
		scheme  string
		matches bool
	}{
		{"none", engine.Case{}, false, "", false},
		{"bearer", engine.Case{Request: engine.Request{Headers: auth("Bearer abc")}}, true, "Bearer", true},
		{"basic on a bearer endpoint", engine.Case{Request: engine.Request{Headers: auth("Basic YWxhZGRpbjpvcGVuc2VzYW1l")}}, true, "Basic", false},
		{"basic endpoint", engine.Case{Request: engine.Request{Headers: auth("basic YQ==")}, Situation: engine.Situation{Endpoint: engine.Endpoint{AuthScheme: "Basic"}}}, true, "basic", true},
		{"session cookie", engine.Case{Request: engine.Request{Headers: []engine.Header{{Name: "Cookie", Value: "a=1; sessionid=x"}}}, Situation: engine.Situation{Endpoint: engine.Endpoint{AuthScheme: "Session"}}}, true, "", true},
		{"login without a body", engine.Case{Situation: engine.Situation{Endpoint: engine.Endpoint{Login: true}}}, false, "", false},
	} {
		cr := engine.CredentialsOf(tt.c)
		if cr.Present != tt.present || cr.Scheme != tt.scheme || cr.SchemeMatches != tt.matches {
			t.Errorf("CredentialsOf(%s) = %+v, want present %v, scheme %q, matches %v", tt.name, cr, tt.present, tt.scheme, tt.matches)
		}
		// Valid is what the engine's credentials-valid answers.
		tt.c.Situation.Endpoint.AuthRequired = true
		if got := answer(tt.c, "credentials-valid"); got != "" && (got == "yes") != cr.Valid() {
			t.Errorf("CredentialsOf(%s).Valid() = %v, the engine's credentials-valid answers %s", tt.name, cr.Valid(), got)
		}
	}
}

// Every method the engine's defaults name is one of Methods.
func TestMethods(t *testing.T) {
	for _, m := range append(engine.DefaultImplementedMethods, engine.DefaultAllowedMethods...) {
		if !slices.Contains(engine.Methods(), m) {
			t.Errorf("Methods() lacks %s", m)
		}
	}
}

// Every phrase of Passed names a node the flows have, with an answer that
// leads on: a renamed node would silently lose its words.
func TestPassedNamesRealSteps(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range scenario.All() {
		for _, p := range engine.Profiles {
			c := s.Case
			c.Profile = p
			tr := engine.Recommend(c).Trace
			for _, st := range tr[:len(tr)-1] {
				if engine.Passed(st) != "" {
					seen[st.Node+" "+st.Answer] = true
				}
			}
		}
	}
	for _, k := range []string{"service-available yes", "method-allowed yes", "resource-exists yes", "content-well-formed yes", "no-conflict yes"} {
		if !seen[k] {
			t.Errorf("Passed has no words for %q on any scenario", k)
		}
	}
}
