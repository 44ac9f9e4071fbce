package engine

// Also is another fault of the request, one that a later check would have
// answered with another code had an earlier one not decided.
type Also struct {
	Code   int    `json:"code"`
	Reason string `json:"reason"`
	Node   string `json:"node"` // the check that finds it
	Why    string `json:"why"`
	// Order says, for the orders people ask about, why the check that
	// decided comes before this one.
	Order string `json:"order,omitempty"`
}

// An orderRule explains why checks of one group come before another's.
type orderRule struct {
	id       string
	profile  Profile  // "" for both
	first    []string // the nodes that decided
	then     []string // the nodes of the later fault
	sentence string
}

var (
	authNodes   = []string{"credentials-valid", "auth-required", "caller-known", "challenge-sent"}
	lookupNodes = []string{"resource-exists", "gone", "put-creates"}
	parseNodes  = []string{"content-well-formed", "fields-valid", "rules-ok", "login-ok"}
)

var orderRules = []orderRule{
	{"availability-first", "", []string{"service-available"}, nil,
		"Availability comes first: while the server is down for everyone, nothing else about the request is judged."},
	{"auth-before-lookup", "", authNodes, lookupNodes,
		"Authentication comes before the lookup, so that anonymous callers cannot learn what exists."},
	{"validation-before-uniqueness", "", []string{"fields-valid", "rules-ok"}, []string{"no-conflict"},
		"Validation comes before the uniqueness check: the server looks for a clash only with content it has accepted."},
	{"drf-throttle-before-parsing", DRF, []string{"rate-ok"}, parseNodes,
		"DRF throttles in initial(), before the handler parses request.data, so a throttled client's body is never read."},
	{"rfc-method-before-auth", RFC9110, []string{"method-allowed"}, authNodes,
		"The RFC 9110 profile checks the method before who is asking: a 405 is the same for every caller, and its Allow header helps before any login."},
	{"drf-auth-before-method", DRF, authNodes, []string{"method-allowed"},
		"DRF authenticates in initial(), before dispatch looks for the method's handler, so an anonymous caller hears 401 even for a method the view lacks."},
}

// order is the sentence that explains why decided came before later
// (the closest earlier fault that a rule explains).
func order(p Profile, decided, later string) string {
	for _, r := range orderRules {
		if (r.profile == "" || r.profile == p) && contains(r.first, decided) && (r.then == nil || contains(r.then, later)) {
			return r.sentence
		}
	}
	return ""
}

// refines are nodes that only refine an earlier answer (which redirect,
// which refusal, which upgrade): also supposes that earlier answer the
// other way, never theirs.
var refines = []string{"moved", "moved-permanently", "keep-method-permanent", "keep-method-temporary", "gone", "put-creates",
	"caller-known", "drf-caller-known", "hide-existence", "challenge-sent", "safe-method", "range-satisfiable", "upgrade-valid"}

// also walks the flow again as if each fault found so far had not been
// there, and lists the faults found further on, in order, until the walk
// ends at an answer that is not an error or cannot go on.
func also(f *flow, v *view, first outcome, taken path) []Also {
	if first.code < 400 {
		return nil
	}
	var out []Also
	defer func() { v.override = v.override[:0] }()
	o := first
	deciders := []string{first.last.id} // the checks that found a fault, in order
	for len(out) < len(f.steps) {
		// The fault is the last step that can be answered the other way
		// and lead on; steps that only refine it are passed over.
		var flip *step
		var answer bool
		k := len(taken) - 1
		for ; k >= 0; k-- {
			s, yes := &f.steps[taken[k]/2], taken[k]%2 == 1
			if !v.supposes(s.n) && !contains(refines, s.n.id) && s.next[b2i(!yes)] >= 0 {
				flip, answer = s, !yes
				break
			}
		}
		// With no route there is no target resource, so no later check
		// (the method, the resource, its state) has anything to judge.
		if flip == nil || flip.n.id == "route-exists" {
			return out
		}
		v.override = append(v.override, supposed{flip.n, answer})
		// The steps before the fault are answered as they were.
		if o, taken = f.walkOn(v, codeOnly, taken[:k+1]); o.code < 400 {
			return out
		}
		a := Also{Code: o.code, Reason: codeInfo[o.code].d.Reason, Node: o.last.id, Why: expand(o.why, v)}
		for k := len(deciders) - 1; k >= 0 && a.Order == ""; k-- {
			a.Order = order(f.profile, deciders[k], o.last.id)
		}
		out = append(out, a)
		deciders = append(deciders, o.last.id)
	}
	return out
}

// supposes reports whether also already supposes the node's answer.
func (v *view) supposes(n *node) bool {
	for _, o := range v.override {
		if o.n == n {
			return true
		}
	}
	return false
}
