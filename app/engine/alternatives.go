package engine

import (
	"slices"
	"strconv"
	"strings"
)

// What would change the answer: for a decision, the few single changes to
// the case that give another code. Each is tried on a copy of the case and
// decided by Recommend's own walk, so an alternative is never a guess
// (TestAlternativesGiveTheirCode applies each and asks Recommend).

// Alternative is one change to a case and the code it gives.
type Alternative struct {
	Change string `json:"change"` // in words: "Allow POST on this endpoint"
	Edit   Edit   `json:"edit"`
	Code   int    `json:"code"`
	Reason string `json:"reason"`
}

// candidate is a change worth trying on this case.
type candidate struct {
	change string
	edit   Edit
	// keeps: the change leaves what the learner typed in place (it sets a
	// fact, or adds or fixes a header) rather than undoing it.
	keeps bool
}

// Alternatives lists the few single changes to the case that give another
// code than d (the case's decision), the next step of what the learner is
// building first: a change that gets past the question that decided comes
// before one that stops the request earlier, and a change that keeps what
// the learner typed before one that undoes it. One change per code.
func Alternatives(c Case, d Decision) []Alternative {
	if len(d.Trace) == 0 {
		return nil
	}
	last := d.Trace[len(d.Trace)-1]
	type ranked struct {
		Alternative
		rank, at int // lower rank first; then the later the first changed step, the earlier
	}
	cands := candidates(c)
	found := make([]ranked, 0, len(cands)) // in one allocation, not five as it grows
	// Validate looks at each field alone, so once the case passes, what
	// each change makes needs only its changed field checked: 47 fields
	// checked once rather than once a candidate.
	valid := c.Validate() == nil
	// Each change is made in one copy of the case and read into one view
	// (the spare), both made anew for it: two allocations a change fewer,
	// the case's 600 bytes and the view's kilobyte.
	t, v := new(Case), spareView()
	defer v.keep()
	var room [48]Step
	for _, k := range cands {
		*t = c
		err := k.edit.change(t)
		if err == nil && valid {
			err = k.edit.check(t)
		} else if err == nil {
			err = t.Validate()
		}
		if err != nil {
			continue // a change this case cannot take
		}
		// Only the code and the path matter here, not their words.
		code, steps := decideSteps(v, *t, room[:])
		if code == d.Code {
			continue
		}
		r := ranked{Alternative: Alternative{Change: k.change, Edit: k.edit, Code: code, Reason: codeInfo[code].d.Reason}}
		r.at = firstDifference(d.Trace, steps)
		// Getting past the question that decided: the flow goes on further,
		// or that question now answers the other way.
		passed := len(steps) > len(d.Trace) ||
			slices.ContainsFunc(steps, func(s Step) bool { return s.Node() == last.Node() && s.Answer() != last.Answer() })
		switch {
		case passed && k.keeps && k.edit.Op == "set_header":
			r.rank = 0 // what the request lacks, the learner's next line
		case passed && k.keeps:
			r.rank = 1
		case passed:
			r.rank = 2
		default:
			// Stopping earlier: the client's mistakes a learner meets
			// next (4xx) before other outcomes, and the server's own
			// failures (5xx) last; what the learner typed stays if it can.
			r.rank = 3 + 2*regressOrder[code/100]
			if !k.keeps {
				r.rank++
			}
		}
		found = append(found, r)
	}
	slices.SortStableFunc(found, func(a, b ranked) int {
		if a.rank != b.rank {
			return a.rank - b.rank
		}
		return b.at - a.at
	})
	var out []Alternative
	for _, r := range found {
		if len(out) == maxAlternatives {
			break
		}
		if !slices.ContainsFunc(out, func(a Alternative) bool { return a.Code == r.Code }) {
			out = append(out, r.Alternative)
		}
	}
	return out
}

// regressOrder ranks the classes of an earlier stop.
var regressOrder = [6]int{4: 0, 1: 1, 2: 1, 3: 1, 5: 2}

// firstDifference is the index of the first step where the traces part.
func firstDifference(a, b []Step) int {
	for i := range min(len(a), len(b)) {
		if a[i].Node() != b[i].Node() || a[i].Answer() != b[i].Answer() {
			return i
		}
	}
	return min(len(a), len(b))
}

// candidates are the single changes worth trying: the method, the
// headers the engine reads, and the facts a learner flips.
func candidates(c Case) []candidate {
	r, s := c.Request, c.Situation
	out := make([]candidate, 0, 16) // the scenarios have 9 to 15: one allocation, not five as it grows
	add := func(keeps bool, change string, e Edit) { out = append(out, candidate{change, e, keeps}) }
	fact := func(keeps bool, change, path string, value any) {
		add(keeps, change, Edit{Op: "set_fact", Name: path, Value: value})
	}
	method := or(r.Method, "GET")
	allowed := orList(s.Endpoint.AllowedMethods, DefaultAllowedMethods)
	header := func(name string) (string, bool) {
		for _, h := range r.Headers {
			if strings.EqualFold(h.Name, name) {
				return strings.TrimSpace(h.Value), true
			}
		}
		return "", false
	}

	// The method.
	if !slices.Contains(allowed, method) && isToken(method) {
		fact(true, "Allow "+method+" on this endpoint", "situation.endpoint.allowed_methods", append(slices.Clone(allowed), method))
	}
	others := append([]string{"GET"}, allowed...)
	for i, m := range others {
		if m != method && m != "HEAD" && m != "OPTIONS" && !slices.Contains(others[:i], m) {
			add(false, "Send "+m+" instead of "+method, Edit{Op: "set_method", Value: m})
		}
	}

	// The body: its length, where the server demands one (RFC 9110
	// §15.5.12), and its type.
	if _, ok := header("Content-Length"); !ok && s.Server.LengthRequired && r.Body != "" {
		n := strconv.Itoa(len(r.Body))
		add(true, "Send Content-Length: "+n, Edit{Op: "set_header", Name: "Content-Length", Value: n})
	}
	accepts := orList(s.Endpoint.Accepts, DefaultMediaTypes)
	if r.Body != "" {
		if ct, ok := header("Content-Type"); !ok || ct == "" {
			add(true, "Add Content-Type: "+accepts[0], Edit{Op: "set_header", Name: "Content-Type", Value: accepts[0]})
		} else if !slices.ContainsFunc(accepts, func(a string) bool { return acceptMatches(a, mediaType(ct)) }) {
			add(true, "Send Content-Type: "+accepts[0], Edit{Op: "set_header", Name: "Content-Type", Value: accepts[0]})
			fact(true, "Accept "+mediaType(ct)+" on this endpoint", "situation.endpoint.accepts", append(slices.Clone(accepts), mediaType(ct)))
		}
	}

	// Who is asking.
	scheme := or(s.Endpoint.AuthScheme, DefaultAuthScheme)
	cr := CredentialsOf(c)
	switch {
	case s.Endpoint.Login:
	case scheme == "Session":
		if !cr.Present {
			add(true, "Send a session cookie", Edit{Op: "set_header", Name: "Cookie", Value: "sessionid=7f3b2a9c1d"})
		}
	case cr.Present && !cr.SchemeMatches:
		add(true, "Send "+scheme+" credentials instead of "+cr.Scheme, Edit{Op: "set_header", Name: "Authorization", Value: scheme + " " + sampleCredentials(scheme)})
		add(false, "Send no Authorization header", Edit{Op: "remove_header", Name: "Authorization"})
	case cr.Present:
		add(false, "Send no Authorization header", Edit{Op: "remove_header", Name: "Authorization"})
	default:
		add(true, "Send "+scheme+" credentials", Edit{Op: "set_header", Name: "Authorization", Value: scheme + " " + sampleCredentials(scheme)})
	}
	if cr.Present {
		if s.Caller.CredentialsInvalid {
			fact(true, "Make the credentials valid", "situation.caller.credentials_invalid", false)
		} else {
			fact(true, "Make the credentials wrong or expired", "situation.caller.credentials_invalid", true)
		}
	}
	flip := func(path string, on bool, setWords, clearWords string) {
		if on {
			fact(true, clearWords, path, false)
		} else {
			fact(true, setWords, path, true)
		}
	}
	flip("situation.endpoint.auth_required", s.Endpoint.AuthRequired, "Require authentication", "Let anonymous callers in")
	// Denying an anonymous caller gives 401 only because it has not logged
	// in (RFC 9110 §15.5.2): "Require authentication" says that, where
	// "Deny this caller permission → 401" would teach the 401/403 mix-up.
	// DRF's obtain_auth_token has no permission or throttle classes, so
	// neither change can happen to a DRF login unless the case has it.
	drfLogin := c.Profile == DRF && s.Endpoint.Login
	if (cr.Present || s.Caller.PermissionDenied) && (!drfLogin || s.Caller.PermissionDenied) {
		flip("situation.caller.permission_denied", s.Caller.PermissionDenied, "Deny this caller permission", "Give the caller permission")
	}
	if s.Caller.PermissionDenied {
		flip("situation.endpoint.hide_existence", s.Endpoint.HideExistence, "Hide that the resource exists", "Stop hiding that the resource exists")
	}
	if !drfLogin || s.Endpoint.RateLimitExceeded {
		flip("situation.endpoint.rate_limit_exceeded", s.Endpoint.RateLimitExceeded, "Use up the caller's rate limit", "Put the caller back within its rate limit")
	}

	// The server and the resource.
	if s.Server.Unavailable != "" {
		fact(true, "Bring the server back", "situation.server.unavailable", "")
	} else {
		fact(true, "Take the server down for maintenance", "situation.server.unavailable", "maintenance")
	}
	switch st := s.Resource.State; st {
	case "", "exists":
		fact(true, "Make the resource missing", "situation.resource.state", "missing")
	default:
		fact(true, "Make the resource exist", "situation.resource.state", "exists")
	}
	if s.Resource.LegalBlock { // too rare to suggest putting one on
		fact(true, "Lift the legal block", "situation.resource.legal_block", false)
	}

	// Conditional requests.
	if tag := s.Resource.ETag; tag != "" {
		for _, name := range []string{"If-None-Match", "If-Match"} {
			v, ok := header(name)
			switch {
			case !ok && name == "If-None-Match" && (method == "GET" || method == "HEAD"):
				add(true, "Send If-None-Match: "+etag(tag), Edit{Op: "set_header", Name: name, Value: etag(tag)})
			case !ok && name == "If-Match" && method != "GET" && method != "HEAD":
				add(true, "Send If-Match: "+etag(tag), Edit{Op: "set_header", Name: name, Value: etag(tag)})
			case ok && v != etag(tag):
				add(true, "Make "+name+" match", Edit{Op: "set_header", Name: name, Value: etag(tag)})
			}
		}
	}
	for _, name := range []string{"If-None-Match", "If-Match", "If-Modified-Since", "If-Unmodified-Since", "If-Range", "Range", "Expect", "Upgrade", "Accept"} {
		if _, ok := header(name); ok {
			add(false, "Send no "+name+" header", Edit{Op: "remove_header", Name: name})
		}
	}
	flip("situation.endpoint.conditional_writes_required", s.Endpoint.ConditionalWritesRequired, "Require If-Match on writes", "Stop requiring If-Match on writes")

	// What happens when the work is done.
	switch {
	case s.Processing.Conflict != "":
		fact(true, "Remove the conflict", "situation.processing.conflict", "")
	case method == "POST" || method == "PUT": // only what is written can duplicate what exists
		fact(true, "Make it clash with what exists (a duplicate)", "situation.processing.conflict", "duplicate")
	case method != "GET" && method != "HEAD":
		fact(true, "Make it conflict with the resource's current state", "situation.processing.conflict", "state")
	}
	if s.Processing.RuleViolation != "" {
		fact(true, "Make the content obey the business rules", "situation.processing.rule_violation", "")
	}
	if f := s.Processing.Failure; f != "" {
		fact(true, or(failureCured[f], "Let the handler run without failing"), "situation.processing.failure", "")
	} else {
		fact(true, "Make the handler crash", "situation.processing.failure", "crash")
	}
	if s.Processing.Async || method != "GET" && method != "HEAD" && method != "OPTIONS" { // only a request that starts work can queue it
		flip("situation.processing.async", s.Processing.Async, "Queue the work to finish later", "Do the work before answering")
	}
	return out
}

// failureCured words the change that takes each failure away.
var failureCured = map[string]string{
	"crash":            "Let the handler run without failing",
	"upstream_invalid": "Let the upstream server send a valid answer",
	"upstream_timeout": "Let the upstream server answer in time",
	"dependency_down":  "Bring back the service it depends on",
}

// sampleCredentials look the part for a scheme.
func sampleCredentials(scheme string) string {
	switch scheme {
	case "Basic":
		return "YWRhOmxvdmVsYWNl" // ada:lovelace
	case "Token":
		return "9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b"
	}
	return "eyJzdWIiOiJhZGEifQ.sig"
}
