package engine

import "strings"

// allowList is the endpoint's methods as the Allow header lists them, the
// header's value, and how the trace words it.
type allowList struct {
	methods     []string
	text, input string
}

// allowOf lists the methods to Allow: HEAD comes with GET (RFC 9110
// §9.3.2), OPTIONS is always answered, and only what the server
// implements can be allowed.
func allowOf(endpoint, implemented []string) allowList {
	out := make([]string, 0, len(endpoint)+2)
	add := func(m string) {
		if !contains(out, m) && contains(implemented, m) {
			out = append(out, m)
		}
	}
	for _, m := range endpoint {
		add(m)
		if m == "GET" {
			add("HEAD")
		}
	}
	add("OPTIONS")
	// The value is the input's tail: one string serves both.
	in := "endpoint allows " + strings.Join(out, ", ")
	return allowList{methods: out, text: in[len("endpoint allows "):], input: in}
}

// defaultAllow is the list for the default methods, worded once: most
// cases keep them (three allocations fewer per case).
var defaultAllow = allowOf(DefaultAllowedMethods, DefaultImplementedMethods)
