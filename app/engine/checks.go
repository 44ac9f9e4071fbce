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
		if strings.ContainsAny(h.Value, "\r\n\x00") {
			return false, "header " + h.Name + " has a line break in its value"
		}
	}
	return true, v.method + " " + v.url + " " + v.version
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
	if v.allowList != nil {
		return v.allowList
	}
	out := make([]string, 0, len(v.allowed)+2)
	add := func(m string) {
		if !contains(out, m) {
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
	s := v.c.Situation.Server
	for _, p := range strings.Split(up, ",") {
		p = strings.TrimSpace(p)
		if hasToken(strings.Join(s.Upgrades, ","), p) || (s.RequiredProtocol != "" && strings.EqualFold(p, s.RequiredProtocol)) {
			return true, "Upgrade: " + up + "; server offers " + p
		}
	}
	return false, "Upgrade: " + up + "; server offers " + or(strings.Join(s.Upgrades, ", "), "no upgrades")
}

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
		return v.body != "", "login endpoint; credentials in the body " + present(v.body != "")
	case v.scheme == "Session":
		c, _ := v.header("Cookie")
		return strings.Contains(c, "sessionid="), "session cookie " + present(strings.Contains(c, "sessionid="))
	}
	a, ok := v.header("Authorization")
	if !ok || a == "" {
		return false, "no Authorization header"
	}
	scheme, _, _ := strings.Cut(a, " ")
	return true, "Authorization: " + scheme + " …"
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
		if m, err := strconv.Atoi(cl); err == nil && m > n {
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
		if acceptMatches(a, mt) {
			return true, "Content-Type: " + mt
		}
	}
	return false, "Content-Type: " + mt + "; endpoint accepts " + strings.Join(v.accepts, ", ")
}

// negotiate picks the first type the endpoint produces that Accept allows.
func (v *view) negotiate(accept string) string {
	for _, p := range v.produces {
		if acceptMatches(accept, mediaType(p)) {
			return p
		}
	}
	return ""
}

func keepMethod(v *view) (bool, string) {
	k := v.c.Situation.Resource.KeepMethod
	return k, fact("resource.keep_method", strconv.FormatBool(k), "false")
}

// preconditionsApply: RFC 9110 §13.2.1 has servers ignore them for
// CONNECT, OPTIONS and TRACE.
func (v *view) preconditionsApply() bool { return !v.is("CONNECT", "OPTIONS", "TRACE") }

func ifMatch(v *view) (bool, string) {
	im, ok := v.header("If-Match")
	if !ok || !v.preconditionsApply() {
		return true, "no If-Match header"
	}
	cur := v.c.Situation.Resource.ETag
	return listMatch(im, cur, v.exists(), true), "If-Match: " + im + "; current ETag " + or(cur, "none")
}

func ifUnmodifiedSince(v *view) (bool, string) {
	ius, ok := v.header("If-Unmodified-Since")
	switch {
	case !ok || !v.preconditionsApply():
		return true, "no If-Unmodified-Since header"
	case v.has("If-Match"):
		return true, "ignored: If-Match was already checked"
	}
	since, ok1 := httpDate(ius)
	lm, ok2 := httpDate(v.c.Situation.Resource.LastModified)
	if !ok1 || !ok2 || !v.exists() {
		return true, "ignored: If-Unmodified-Since " + ius + " or Last-Modified is not a date"
	}
	return !lm.After(since), "If-Unmodified-Since: " + ius + "; Last-Modified " + v.c.Situation.Resource.LastModified
}

func ifNoneMatch(v *view) (bool, string) {
	inm, ok := v.header("If-None-Match")
	if !ok || !v.preconditionsApply() {
		return true, "no If-None-Match header"
	}
	cur := v.c.Situation.Resource.ETag
	return !listMatch(inm, cur, v.exists(), false), "If-None-Match: " + inm + "; current ETag " + or(cur, "none")
}

func ifModifiedSince(v *view) (bool, string) {
	ims, ok := v.header("If-Modified-Since")
	switch {
	case !ok:
		return true, "no If-Modified-Since header"
	case !v.is("GET", "HEAD"):
		return true, "ignored: only GET and HEAD use If-Modified-Since"
	case v.has("If-None-Match"):
		return true, "ignored: If-None-Match was already checked"
	}
	since, ok1 := httpDate(ims)
	lm, ok2 := httpDate(v.c.Situation.Resource.LastModified)
	if !ok1 || !ok2 {
		return true, "ignored: If-Modified-Since " + ims + " or Last-Modified is not a date"
	}
	return lm.After(since), "If-Modified-Since: " + ims + "; Last-Modified " + v.c.Situation.Resource.LastModified
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

// rangeRequested: only GET has range semantics (RFC 9110 §14.2), and a
// failed If-Range means the whole representation is sent (§13.1.5).
func rangeRequested(v *view) (bool, string) {
	r, ok := v.header("Range")
	switch {
	case !ok:
		return false, "no Range header"
	case v.method != "GET":
		return false, "Range is ignored for " + v.method
	case !v.c.Situation.Endpoint.Ranges:
		return false, "Range: " + r + "; the endpoint does not serve ranges, so it is ignored"
	}
	if _, _, parsed, _ := byteRange(r, v.length); !parsed {
		return false, "Range: " + r + " is not one byte range this engine reads, so it is ignored"
	}
	if ir, ok := v.header("If-Range"); ok && !v.ifRange(ir) {
		return false, "If-Range: " + ir + " no longer matches, so the whole representation is sent"
	}
	return true, "Range: " + r
}

func (v *view) ifRange(ir string) bool {
	res := v.c.Situation.Resource
	if t, ok := httpDate(ir); ok {
		lm, ok := httpDate(res.LastModified)
		return ok && t.Equal(lm)
	}
	return res.ETag != "" && etagMatch(etag(ir), etag(res.ETag), true)
}
