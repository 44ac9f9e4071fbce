package engine

import (
	"encoding/json"
	"strings"
	"unicode/utf8"
)

// What the engine sees in a request, for an editor that shows it as the
// request is typed: the credentials, the methods, the body. Each answer is
// the engine's own reading, so that an editor never says "valid" where a
// verdict says "wrong".

// Methods are the methods RFC 9110 defines (§9.3), in its order, and a
// method editor's usual choices; any other token is a method too.
func Methods() []string {
	return []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT"}
}

// Credentials are the request's credentials as the endpoint reads them.
type Credentials struct {
	Present bool // the request carries some: an Authorization header, a sessionid cookie, a login body
	// Scheme is the Authorization scheme sent ("Basic"), "" when none.
	Scheme string
	// Expected is the endpoint's scheme: "Bearer", "Basic", "Token" or
	// "Session" (a cookie); "" on a login endpoint, which reads the body.
	Expected string
	// SchemeMatches: credentials were sent, in the expected scheme. Those in
	// another scheme count as wrong, whatever the caller's facts say.
	SchemeMatches bool
	Invalid       bool // the situation says they are wrong or expired
}

// Valid reports whether the server accepts the credentials.
func (c Credentials) Valid() bool { return c.Present && c.SchemeMatches && !c.Invalid }

// CredentialsOf reads the case's credentials with the checks the RFC 9110
// flow makes (credentials-present, credentials-valid).
func CredentialsOf(c Case) Credentials {
	v := inspectView(c)
	cr := Credentials{Expected: v.scheme, Invalid: c.Situation.Caller.CredentialsInvalid}
	if c.Situation.Endpoint.Login {
		// The body is where a login's credentials go; credentialsPresent
		// says so of every request, credentials-valid reads the body.
		cr.Present, cr.Expected = v.c.Request.Body != "", ""
		cr.SchemeMatches = cr.Present
		return cr
	}
	cr.Present, _ = credentialsPresent(v)
	cr.SchemeMatches, cr.Scheme = v.schemeMatches()
	cr.SchemeMatches = cr.SchemeMatches && cr.Present
	if v.scheme == "Session" {
		cr.Scheme = ""
	}
	return cr
}

// inspectView is the case as the RFC 9110 flow's checks read it. The view
// is made for each call: these helpers run once per render.
func inspectView(c Case) *view { return newView(c, RFC9110) }

// BodyKind is what a body is, as the engine reads it.
type BodyKind string

const (
	BodyNone   BodyKind = "none"   // no body
	BodyJSON   BodyKind = "json"   // declared JSON (or undeclared) and it parses
	BodyBroken BodyKind = "broken" // declared JSON (or undeclared) and it does not parse
	BodyOther  BodyKind = "other"  // declared as another type: not checked as JSON
)

// Body is what the engine sees in a request's body.
type Body struct {
	Kind  BodyKind
	Bytes int
	// Type is the media type Content-Type declares, lower case and without
	// parameters; "" when there is no Content-Type or it is empty.
	Type     string
	Declared bool // a Content-Type line is there, even an empty one
	// Accepted: the endpoint takes bodies of Type; without a Content-Type
	// line the body counts as application/octet-stream (RFC 9110 §8.3), so
	// it is accepted where the endpoint takes that.
	Accepted bool
	// Read: the method gives a body meaning (POST, PUT, PATCH), so the
	// engine reads it. A body on GET, HEAD, DELETE, … is not read.
	Read bool
	// Where JSON breaks: the parser's message, and its 1-based line and
	// column (counted in characters).
	Error        string
	Line, Column int
}

// BodyOf reads the case's body as the content checks do (content-type-ok,
// content-well-formed). A body without Content-Type is checked as JSON
// too, since JSON is what it most often is meant to be; the engine stops
// at its missing type first.
func BodyOf(c Case) Body {
	r := c.Request
	b := Body{Kind: BodyNone, Bytes: len(r.Body)}
	if r.Body == "" {
		return b
	}
	v := inspectView(c)
	b.Read = v.is("POST", "PUT", "PATCH")
	ct, ok := v.header("Content-Type")
	b.Type, b.Declared = mediaType(ct), ok
	as := b.Type
	if !ok {
		as = "application/octet-stream"
	}
	for _, a := range v.accepts {
		if as != "" && acceptMatches(a, as) {
			b.Accepted = true
		}
	}
	if !ok && b.Accepted { // read as raw bytes, as content-well-formed does
		b.Kind = BodyOther
		return b
	}
	if b.Type != "" && !isJSON(b.Type) {
		b.Kind = BodyOther
		return b
	}
	b.Kind = BodyJSON
	var raw json.RawMessage
	err := json.Unmarshal([]byte(r.Body), &raw)
	if err == nil {
		return b
	}
	b.Kind, b.Error = BodyBroken, err.Error()
	off := len(r.Body)
	// A type assertion, not errors.As, which would link reflection into
	// app.wasm: json.Unmarshal returns its *SyntaxError unwrapped.
	if se, ok := err.(*json.SyntaxError); ok {
		off = int(se.Offset)
	}
	b.Line, b.Column = position(r.Body, off, strings.HasPrefix(b.Error, "unexpected end"))
	return b
}

// position is the 1-based line and column of the character the parser
// refused (the last it read), or just past the end when the input ended
// too soon.
func position(s string, offset int, early bool) (line, col int) {
	at := min(max(offset-1, 0), len(s))
	if early {
		at = len(s)
	}
	before := s[:at]
	line = strings.Count(before, "\n") + 1
	col = utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:]) + 1
	return line, col
}

// Passed says in a few words what a step that led on established, for a
// line that sums up the routine checks ("the server is up, the method is
// allowed, …"); "" when the step is not worth naming there.
func Passed(s Step) string { return passed[s.Node()+" "+s.Answer()] }

var passed = map[string]string{
	"service-available yes":      "the server is up",
	"method-allowed yes":         "the method is allowed",
	"credentials-present yes":    "credentials are sent",
	"credentials-present no":     "no credentials are sent",
	"drf-credentials-present no": "no credentials are sent",
	"credentials-valid yes":      "the credentials are valid",
	"caller-known yes":           "the caller is known",
	"drf-caller-known yes":       "the caller is known",
	"auth-required no":           "no login is needed",
	"permitted yes":              "the caller may do it",
	"rate-ok yes":                "within the rate limit",
	"content-type-ok yes":        "the body's type is accepted",
	"acceptable yes":             "the client accepts the answer's type",
	"resource-exists yes":        "the resource exists",
	"content-well-formed yes":    "the body is well-formed",
	"rules-ok yes":               "the content obeys the rules",
	"no-conflict yes":            "no conflict",
	"no-crash yes":               "the handler ran",
	"dependencies-up yes":        "its dependencies are up",
}
