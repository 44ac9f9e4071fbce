package ui

import "strings"

// inputWords says a trace step's input in the playground's words. The
// engine words a fact by its path in the case format
// ("situation.processing.conflict = duplicate", "situation.endpoint.
// auth_scheme: Bearer (default)"); a learner knows it by the label of its
// control ("Conflict: it already exists"). Other inputs ("method GET",
// "no Range header") are words already, and parts are joined by "; ".
// changed says whether any part was a fact, so that the case format's
// spelling is worth showing beside it.
func inputWords(input string) (words string, changed bool) {
	parts := strings.Split(input, "; ")
	for i, p := range parts {
		if w, ok := factPart(p); ok {
			parts[i], changed = w, true
		}
	}
	return strings.Join(parts, "; "), changed
}

// factPart words one "path = value" or "path: plain (default)".
func factPart(p string) (string, bool) {
	p = strings.TrimPrefix(p, "situation.")
	cut := strings.IndexAny(p, " :")
	if cut < 0 {
		return "", false
	}
	f, ok := factByPath["situation."+p[:cut]]
	if !ok {
		return "", false
	}
	val, dflt := "", false
	switch rest := p[cut:]; {
	case strings.HasPrefix(rest, " = "):
		val = rest[3:]
	case strings.HasPrefix(rest, ": "):
		val = rest[2:]
		val, dflt = strings.CutSuffix(val, " (default)")
	default:
		return "", false
	}
	switch f.kind {
	case check:
		if val == "true" {
			return f.label + ": yes", true
		}
		if dflt {
			return f.label + ": no (the default)", true
		}
		return f.label + ": no", true
	case choice:
		for _, o := range f.options {
			if dflt && o.value == "" && val == f.field.Plain {
				return f.label + ": " + o.label, true
			}
			if !dflt && o.value == val && val != "" {
				return f.label + ": " + o.label, true
			}
		}
	}
	if dflt {
		return f.label + ": " + val + " (the default)", true
	}
	return f.label + ": " + val, true
}

// factByPath finds a situation control's words by its field's path.
var factByPath = func() map[string]fact {
	m := map[string]fact{}
	for _, g := range groups {
		for _, f := range g.facts {
			m[f.path] = f
		}
	}
	return m
}()
