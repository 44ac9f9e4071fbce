package engine

import "strings"

// The Allow header: HEAD comes with GET (RFC 9110 §9.3.2), OPTIONS is
// always answered, and only what the server implements can be allowed.

// allows reports whether Allow lists the method.
func (v *view) allows(m string) bool {
	e := v.endpointMethods
	listed := contains(e, m) || m == "HEAD" && contains(e, "GET") || m == "OPTIONS"
	return listed && contains(v.implemented, m)
}

// allowInput words Allow's methods for the trace: "endpoint allows GET,
// HEAD, OPTIONS", in the endpoint's order, HEAD after GET, OPTIONS last.
// It is worked out where it is shown, so a case words it at most once.
func (v *view) allowInput() string {
	s := &v.c.Situation
	if len(s.Endpoint.AllowedMethods) == 0 && len(s.Server.ImplementedMethods) == 0 {
		return defaultAllowInput
	}
	var b strings.Builder
	b.Grow(64) // the usual lists fit: one allocation
	b.WriteString(allowsPrefix)
	var room [10]string
	listed := room[:0]      // on the stack
	add := func(m string) { // each m is listed (allows), if implemented
		if contains(v.implemented, m) && !contains(listed, m) {
			if len(listed) > 0 {
				b.WriteString(", ")
			}
			b.WriteString(m)
			listed = append(listed, m)
		}
	}
	for _, m := range v.endpointMethods {
		add(m)
		if m == "GET" {
			add("HEAD")
		}
	}
	add("OPTIONS")
	return b.String()
}

// allowValue is the Allow header's value: the trace's input, less its
// first words.
func (v *view) allowValue() string { return strings.TrimPrefix(v.allowInput(), allowsPrefix) }

const allowsPrefix = "endpoint allows "

// defaultAllowInput is the input for the default methods, worded once:
// most cases keep them (an allocation fewer per case).
var defaultAllowInput = allowsPrefix + "GET, HEAD, OPTIONS"
