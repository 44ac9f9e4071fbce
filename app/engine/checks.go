package engine

import (
	"strconv"
	"strings"
)

// The tests behind nodes that take more than a line.

func wellFormed(v *view) (bool, string) {
	if !isToken(v.method) {
		return false, "method " + strconv.Quote(v.method) + " is not a token"
	}
	if !validURL(v.url, v.method) {
		return false, "URL " + strconv.Quote(v.url) + " is not a path or absolute http(s) URL"
	}
	if !strings.HasPrefix(v.version, "HTTP/") || len(v.version) < 6 || v.version[5] < '0' || v.version[5] > '9' {
		return false, "version " + strconv.Quote(v.version) + " is not HTTP/n"
	}
	for _, h := range v.headers {
		if !isToken(h.Name) {
			return false, "header name " + strconv.Quote(h.Name) + " is not a token"
		}
		if !fieldValue(h.Value) {
			return false, "header " + h.Name + " has a line break in its value"
		}
	}
	if v.repeats("Host") {
		return false, "more than one Host line (RFC 9112 §3.2)"
	}
	if cl, ok := v.header("Content-Length"); ok {
		if _, valid := contentLength(cl); !valid {
			return false, "Content-Length: " + cl + " is not one whole number (RFC 9112 §6.3)"
		}
	}
	return true, "method, URL, version and header names are valid HTTP"
}

// fieldValue reports whether a header value could be sent on one line:
// no CR, LF or NUL (RFC 9110 §5.5).
func fieldValue(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\r' || c == '\n' || c == 0 {
			return false
		}
	}
	return true
}

// contentLength reads a Content-Length value: digits, or a list of the same
// digits repeated. A number too large for an int counts as the largest.
func contentLength(s string) (n int, ok bool) {
	first := ""
	for s != "" {
		var part string
		part, s, _ = strings.Cut(s, ",")
		part = strings.TrimSpace(part)
		if part == "" || strings.Trim(part, "0123456789") != "" || first != "" && part != first {
			return 0, false
		}
		first = part
	}
	if first == "" {
		return 0, false
	}
	n, err := strconv.Atoi(first)
	if err != nil {
		return int(^uint(0) >> 1), true
	}
	return n, true
}

func validURL(u, method string) bool {
	if u == "*" {
		return method == "OPTIONS"
	}
	if !strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
		return false
	}
	for i := 0; i < len(u); i++ {
		if u[i] <= ' ' || u[i] == 0x7f {
			return false
		}
	}
	return true
}

// versionOK: only the major version matters (RFC 9110 §15.6.6); an
// unknown minor such as HTTP/1.2 is answered as 1.1 (RFC 9112 §2.6).
func versionOK(ver string) bool {
	major, _, _ := strings.Cut(strings.TrimPrefix(ver, "HTTP/"), ".")
	return major == "1" || major == "2" || major == "3"
}

// allow is the endpoint's methods as the Allow header lists them: HEAD
// comes with GET (RFC 9110 §9.3.2), and OPTIONS is always answered.
func (v *view) allow() []string {
	if v.allowDone {
		return v.allowList
	}
	v.allowDone = true
	if len(v.c.Situation.Endpoint.AllowedMethods) == 0 && len(v.c.Situation.Server.ImplementedMethods) == 0 {
		v.allowList, v.allowText, v.allowIn = defaultAllow, defaultAllowText, defaultAllowInput
		return v.allowList
	}
	out := v.allowBuf[:0]   // the list stays in the view: a Decision keeps only its text
	add := func(m string) { // only what the server implements can be allowed
		if !contains(out, m) && contains(v.implemented, m) {
			out = append(out, m)
		}
	}
	for _, m := range v.allowed {
		add(m)
		if m == "GET" {
			add("HEAD")
		}
	}
	add("OPTIONS")
	v.allowList = out
	return out
}

var (
	defaultAllow      = []string{"GET", "HEAD", "OPTIONS"}
	defaultAllowText  = "GET, HEAD, OPTIONS"
	defaultAllowInput = allowPrefix + defaultAllowText
)

// producesText lists the response types, worded once for the default.
func (v *view) producesText() string {
	if len(v.c.Situation.Endpoint.Produces) == 0 {
		return DefaultMediaTypes[0]
	}
	return strings.Join(v.produces, ", ")
}

// allowHeader is the Allow value, worked out once per view.
func (v *view) allowHeader() string {
	v.allowInput()
	return v.allowText
}

const allowPrefix = "endpoint allows "

// allowInput is the Allow value as the trace words it; the header value is
// the same bytes without the prefix.
func (v *view) allowInput() string {
	if v.allowIn == "" {
		v.allow()
	}
	if v.allowIn == "" {
		var buf [128]byte
		b := append(buf[:0], allowPrefix...)
		for i, m := range v.allowList {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = append(b, m...)
		}
		v.allowIn = string(b)
		v.allowText = v.allowIn[len(allowPrefix):]
	}
	return v.allowIn
}

func upgradeOffered(v *view) (bool, string) {
	up, ok := v.header("Upgrade")
	if !ok {
		return false, "no Upgrade header"
	}
	if v.version != "HTTP/1.1" {
		return false, "Upgrade is ignored in " + v.version
	}
	conn, _ := v.header("Connection")
	if !hasToken(conn, "upgrade") {
		return false, "Upgrade: " + up + " without Connection: upgrade is ignored"
	}
	if p := v.upgradeTo(); p != "" {
		if waiting, _ := expectsContinue(v); waiting {
			return false, "Upgrade: " + up + ", but 100 Continue must come first (RFC 9110 §7.8)"
		}
		return true, "Upgrade: " + up + "; server offers " + p
	}
	return false, "Upgrade: " + up + "; server offers " + or(strings.Join(v.c.Situation.Server.Upgrades, ", "), "no upgrades")
}

// upgradeTo is the first protocol in Upgrade that the server offers or
// requires, "" when there is none.
func (v *view) upgradeTo() string {
	up, _ := v.header("Upgrade")
	s := &v.c.Situation.Server
	for up != "" {
		var p string
		p, up, _ = strings.Cut(up, ",")
		p = strings.TrimSpace(p)
		for _, o := range s.Upgrades {
			if strings.EqualFold(p, o) {
				return p
			}
		}
		if s.RequiredProtocol != "" && strings.EqualFold(p, s.RequiredProtocol) {
			return p
		}
	}
	return ""
}

// upgradeValid checks the WebSocket opening handshake (RFC 6455 §4.1,
// §4.2.1); other protocols need nothing more.
func upgradeValid(v *view) (bool, string) {
	if !strings.EqualFold(v.upgradeTo(), "websocket") {
		return true, "upgrade to " + v.upgradeTo()
	}
	key, hasKey := v.header("Sec-WebSocket-Key")
	ver, _ := v.header("Sec-WebSocket-Version")
	switch {
	case v.method != "GET":
		return false, "a WebSocket handshake must be a GET, not " + v.method
	case !hasKey || key == "":
		return false, "no Sec-WebSocket-Key"
	case ver != "13":
		return false, "Sec-WebSocket-Version: " + or(ver, "(none)") + "; the protocol's version is 13"
	}
	return true, "GET with Sec-WebSocket-Key and Sec-WebSocket-Version: 13"
}

// protocolOK: the server needs another protocol unless the request is
// already asking to switch to it. Upgrade exists only in HTTP/1.1.
func protocolOK(v *view) (bool, string) {
	p := v.c.Situation.Server.RequiredProtocol
	switch {
	case p == "":
		return true, fServerRequiredProtocol.say(p)
	case v.version != "HTTP/1.1":
		return true, "server wants " + p + ", but " + v.version + " has no Upgrade mechanism"
	case strings.EqualFold(v.upgradeTo(), p):
		return true, "the client is asking to switch to " + p
	}
	return false, "situation.server.required_protocol = " + p
}

// drfCredentialsPresent is what DRF's authenticators see: an Authorization
// header in another scheme is not theirs and is ignored, a login body is no
// authentication at all, and a stale session is simply anonymous.
func drfCredentialsPresent(v *view) (bool, string) {
	if v.scheme == "Session" {
		c, _ := v.header("Cookie")
		switch {
		case !strings.Contains(c, "sessionid="):
			return false, "no sessionid cookie"
		case v.c.Situation.Caller.CredentialsInvalid:
			return false, "the session has expired, so Django sees an anonymous user"
		}
		return true, "sessionid cookie of a live session"
	}
	a, ok := v.header("Authorization")
	if !ok || a == "" {
		return false, "no Authorization header"
	}
	if match, scheme := v.schemeMatches(); !match {
		return false, "Authorization: " + scheme + " … is not the " + v.scheme + " scheme, so the authenticator ignores it"
	}
	return true, schemeInput(v.scheme)
}

func schemeInput(scheme string) string {
	if s, ok := schemeInputs[scheme]; ok {
		return s
	}
	return "Authorization: " + scheme + " …"
}

// Inputs that name an Authorization scheme or a media type, worded once
// for the usual ones.
var (
	schemeInputs = func() map[string]string {
		m := words("Authorization: ", "Bearer", "Basic", "Token", "Digest")
		for k, s := range m {
			m[k] = s + " …"
		}
		return m
	}()
	mediaTypeInputs = words("Content-Type: ", "application/json", "application/merge-patch+json",
		"application/json-patch+json", "application/x-www-form-urlencoded", "multipart/form-data", "text/plain")
)

// hasToken reports whether a comma-separated list holds tok, ignoring case.
func hasToken(list, tok string) bool {
	for list != "" {
		var t string
		t, list, _ = strings.Cut(list, ",")
		if strings.EqualFold(strings.TrimSpace(t), tok) {
			return true
		}
	}
	return false
}

func credentialsPresent(v *view) (bool, string) {
	switch {
	case v.c.Situation.Endpoint.Login:
		return true, "a login endpoint: the body is where credentials go"
	case v.scheme == "Session":
		c, _ := v.header("Cookie")
		return strings.Contains(c, "sessionid="), "session cookie " + present(strings.Contains(c, "sessionid="))
	}
	a, ok := v.header("Authorization")
	if !ok || a == "" {
		return false, "no Authorization header"
	}
	scheme, _, _ := strings.Cut(a, " ")
	return true, schemeInput(scheme)
}

// schemeMatches reports whether an Authorization header uses the scheme
// the endpoint expects (a login body or a session cookie always does).
func (v *view) schemeMatches() (bool, string) {
	if v.c.Situation.Endpoint.Login || v.scheme == "Session" {
		return true, ""
	}
	a, _ := v.header("Authorization")
	scheme, _, _ := strings.Cut(a, " ")
	return strings.EqualFold(scheme, v.scheme), scheme
}

func (v *view) bodySize() int {
	n := len(v.body)
	if cl, ok := v.header("Content-Length"); ok {
		if m, valid := contentLength(cl); valid && m > n {
			n = m
		}
	}
	return n
}

func contentTypeOK(v *view) (bool, string) {
	if !v.hasContent() {
		return true, "no body to read"
	}
	ct, ok := v.header("Content-Type")
	if !ok {
		return false, "no Content-Type: the body counts as application/octet-stream"
	}
	mt := mediaType(ct)
	for _, a := range v.accepts {
		if a == mt && plainType(a) || acceptMatches(a, mt) {
			return true, cached(mediaTypeInputs, mt, "Content-Type: ")
		}
	}
	return false, "Content-Type: " + mt + "; endpoint accepts " + strings.Join(v.accepts, ", ")
}

// plainType reports whether a media type has no parameters and is not a
// list: equal to a type spelt the same, it matches without parsing.
func plainType(t string) bool { return strings.IndexByte(t, ';') < 0 && strings.IndexByte(t, ',') < 0 }

// negotiate picks the first type the endpoint produces that Accept allows.
func (v *view) negotiate(accept string) string {
	for _, p := range v.produces {
		if accept == p && plainType(p) || acceptMatches(accept, mediaType(p)) {
			return p
		}
	}
	return ""
}

func expectsContinue(v *view) (bool, string) {
	e, ok := v.header("Expect")
	switch {
	case !ok:
		return false, "no Expect header"
	case !v.hasContent():
		return false, "Expect: " + e + ", but there is no body to wait for"
	case v.version == "HTTP/1.0":
		return false, "ignored in HTTP/1.0"
	}
	return strings.EqualFold(e, "100-continue"), "Expect: " + e
}

func contentWellFormed(v *view) (bool, string) {
	if !v.hasContent() {
		return true, "no body to read"
	}
	ct, _ := v.header("Content-Type")
	if !isJSON(mediaType(ct)) {
		return true, "Content-Type: " + mediaType(ct) + " (not checked)"
	}
	if jsonValid(v.body) {
		return true, "the body parses as JSON"
	}
	return false, "the body is not valid JSON"
}
