package engine

import "strings"

// allow is the endpoint's methods as the Allow header lists them: HEAD
// comes with GET (RFC 9110 §9.3.2), OPTIONS is always answered, and only
// what the server implements can be allowed.
func (v *view) allow() []string {
	out := make([]string, 0, len(v.allowed)+2)
	add := func(m string) {
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
	return out
}

// allowHeader is the Allow value.
func (v *view) allowHeader() string { return strings.Join(v.allow(), ", ") }

// allowInput is the Allow value as the trace words it.
func (v *view) allowInput() string { return "endpoint allows " + v.allowHeader() }
