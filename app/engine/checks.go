package engine

import (
	"encoding/json"
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
	for _, h := range v.c.Request.Headers {
		if !isToken(h.Name) {
			return false, "header name " + strconv.Quote(h.Name) + " is not a token"
		}
		if !fieldValue(h.Value) {
			what := "a line break (CR or LF)"
			if !strings.ContainsAny(h.Value, "\r\n") {
				what = "a NUL character"
			}
			return false, "header " + h.Name + " has " + what + " in its value"
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

func (v *view) bodySize() int {
	n := len(v.c.Request.Body)
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
	// Without a Content-Type a recipient may assume application/octet-stream
	// (RFC 9110 §8.3); the engine does, so an endpoint that takes it reads the body.
	mt, none := "application/octet-stream", true
	if ct, ok := v.header("Content-Type"); ok {
		mt, none = mediaType(ct), false
	}
	if none {
		for _, a := range v.accepts {
			if acceptMatches(a, mt) {
				return true, "no Content-Type: the body counts as application/octet-stream, which the endpoint accepts"
			}
		}
		return false, "no Content-Type: the body counts as application/octet-stream"
	}
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
	ct, ok := v.header("Content-Type")
	if !ok {
		return true, "no Content-Type: read as application/octet-stream (not checked)"
	}
	if mt := mediaType(ct); !isJSON(mt) {
		return true, "Content-Type: " + mt + " (not checked)"
	}
	if json.Valid([]byte(v.c.Request.Body)) {
		return true, "the body parses as JSON"
	}
	return false, "the body is not valid JSON"
}

// language is the language the answer is in: the one of the endpoint's
// that Accept-Language ranks highest (a range "fr" takes "fr-CH", RFC 4647
// §3.3.1), else its first; "" when it offers none.
func (v *view) language() string {
	langs := v.c.Situation.Endpoint.Languages
	if len(langs) == 0 {
		return ""
	}
	al, _ := v.header("Accept-Language")
	best, bestQ := langs[0], -1.0
	for _, part := range strings.Split(al, ",") {
		rng, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if k, val, ok := strings.Cut(strings.TrimSpace(params), "="); ok && strings.TrimSpace(k) == "q" {
			if f, err := strconv.ParseFloat(strings.TrimSpace(val), 64); err == nil {
				q = f
			}
		}
		if rng == "" || q <= 0 || q <= bestQ {
			continue
		}
		for _, l := range langs {
			if rng == "*" || strings.EqualFold(l, rng) || len(l) > len(rng) && strings.EqualFold(l[:len(rng)], rng) && l[len(rng)] == '-' {
				best, bestQ = l, q
				break
			}
		}
	}
	return best
}
