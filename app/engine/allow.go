package engine

// allow is the endpoint's methods as the Allow header lists them: HEAD
// comes with GET (RFC 9110 §9.3.2), OPTIONS is always answered, and only
// what the server implements can be allowed.
func (v *view) allow() []string {
	out := make([]string, 0, len(v.endpointMethods)+2)
	add := func(m string) {
		if !contains(out, m) && contains(v.implemented, m) {
			out = append(out, m)
		}
	}
	for _, m := range v.endpointMethods {
		add(m)
		if m == "GET" {
			add("HEAD")
		}
	}
	add("OPTIONS")
	return out
}
