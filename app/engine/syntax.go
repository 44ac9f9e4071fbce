package engine

import (
	"strconv"
	"strings"
	"time"
)

// The syntax of what a request carries, read the way RFC 9110 reads it:
// media types and Accept, entity tags, HTTP dates, byte ranges, tokens.

// mediaType is the lower-case type/subtype of a Content-Type-like value.
func mediaType(s string) string {
	if i := strings.IndexByte(s, ';'); i >= 0 {
		s = s[:i]
	}
	return strings.ToLower(strings.TrimSpace(s))
}

func isJSON(mt string) bool { return mt == "application/json" || strings.HasSuffix(mt, "+json") }

// plainType reports whether a media type has no parameters and is not a
// list: equal to a type spelt the same, it matches without parsing.
func plainType(t string) bool { return strings.IndexByte(t, ';') < 0 && strings.IndexByte(t, ',') < 0 }

// acceptMatches reports whether some media range in an Accept value with a
// non-zero weight matches the type (RFC 9110 §12.5.1).
func acceptMatches(accept, typ string) bool {
	if accept == typ && accept != "" && plainType(accept) {
		return true // the usual case, "application/json" for "application/json"
	}
	slash := strings.IndexByte(typ, '/')
	for rest := accept; rest != ""; {
		var part string
		part, rest, _ = strings.Cut(rest, ",")
		r := mediaType(part)
		if r == "" || zeroWeight(part) {
			continue
		}
		if r == "*/*" || r == typ || (strings.HasSuffix(r, "/*") && slash > 0 && r[:len(r)-1] == typ[:slash+1]) {
			return true
		}
	}
	return false
}

func zeroWeight(part string) bool {
	_, params, _ := strings.Cut(part, ";")
	for params != "" {
		var p string
		p, params, _ = strings.Cut(params, ";")
		k, val, ok := strings.Cut(strings.TrimSpace(p), "=")
		if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
			q, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
			return err == nil && q == 0
		}
	}
	return false
}

// etag normalises an entity tag typed with or without quotes.
func etag(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || s == "*" {
		return s
	}
	weak := strings.HasPrefix(s, "W/")
	s = strings.TrimPrefix(s, "W/")
	if !strings.HasPrefix(s, `"`) {
		s = `"` + strings.Trim(s, `"`) + `"`
	}
	if weak {
		return "W/" + s
	}
	return s
}

// etagMatch compares two entity tags, strongly or weakly (RFC 9110 §8.8.3.2).
func etagMatch(a, b string, strong bool) bool {
	if strong && (strings.HasPrefix(a, "W/") || strings.HasPrefix(b, "W/")) {
		return false
	}
	return strings.TrimPrefix(a, "W/") == strings.TrimPrefix(b, "W/")
}

// listMatch evaluates an If-Match or If-None-Match list against the
// current tag: "*" matches any current representation.
func listMatch(list, current string, exists, strong bool) bool {
	if strings.TrimSpace(list) == "*" {
		return exists
	}
	if current == "" || !exists {
		return false
	}
	for list != "" {
		var t string
		t, list, _ = strings.Cut(list, ",")
		if t = strings.TrimSpace(t); t != "" && etagMatch(etag(t), etag(current), strong) {
			return true
		}
	}
	return false
}

// httpDate parses the three date formats RFC 9110 §5.6.7 requires.
// Only GMT is allowed, and the result does not depend on the machine's
// time zone.
func httpDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC1123, time.RFC850, time.ANSIC} {
		if layout != time.ANSIC && !strings.HasSuffix(s, " GMT") {
			continue
		}
		if t, err := time.ParseInLocation(layout, s, time.UTC); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// byteRange parses a single "bytes=a-b", "bytes=a-" or "bytes=-n" range.
// ok is false when the header is not one range this engine understands.
func byteRange(s string, length int) (first, last int, ok, satisfiable bool) {
	unit, spec, found := strings.Cut(strings.TrimSpace(s), "=")
	if !found || !strings.EqualFold(strings.TrimSpace(unit), "bytes") || strings.Contains(spec, ",") {
		return 0, 0, false, false
	}
	a, b, found := strings.Cut(strings.TrimSpace(spec), "-")
	if !found {
		return 0, 0, false, false
	}
	if a == "" { // suffix range: the last n bytes
		n, err := strconv.Atoi(b)
		if err != nil || n < 0 {
			return 0, 0, false, false
		}
		if n == 0 {
			return 0, 0, true, false
		}
		if n > length {
			n = length
		}
		return length - n, length - 1, true, length > 0
	}
	first, err := strconv.Atoi(a)
	if err != nil || first < 0 {
		return 0, 0, false, false
	}
	last = length - 1
	if b != "" {
		if last, err = strconv.Atoi(b); err != nil || last < first {
			return 0, 0, false, false
		}
		if last > length-1 {
			last = length - 1
		}
	}
	return first, last, true, first < length
}

// isToken reports whether s is an RFC 9110 token (§5.6.2), as methods and
// header names must be.
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !tchar[s[i]] {
			return false
		}
	}
	return true
}

// tchar marks the bytes a token may hold (RFC 9110 §5.6.2).
var tchar = func() (t [256]bool) {
	for c := '!'; c <= '~'; c++ {
		t[c] = !strings.ContainsRune("\"(),/:;<=>?@[\\]{}", c)
	}
	return t
}()
