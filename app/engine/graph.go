package engine

import "strconv"

// Graph is a profile's flow as a picture needs it: every node in the order
// the profile wires them, each with where its answers lead. It reads only
// the compiled flow, so the diagram can never drift from what Recommend
// walks.
type Graph struct {
	Profile Profile
	Nodes   []GraphNode
}

// GraphNode is one question of a flow.
type GraphNode struct {
	ID       string // the id the trace uses
	Question string // "{method}" stands for the request's method
	Ref      string // "RFC 9110 §15.5.6"
	Link     string
	Guide    string // guide anchor id
	Stage    string // one of Stages
	Yes, No  string // the next node's id, or the code the answer ends at ("405")
}

// Stages are the parts of a flow, in the words a diagram labels them with.
var Stages = []string{"server", "request", "caller", "resource", "preconditions", "processing"}

// stageStarts says, per profile, the node each stretch of the flow starts
// at: a node belongs to the last stage started at or before it. A stage may
// come back (RFC 9110 asks about the method, then the caller, then the
// body's headers; DRF asks about the caller before the method).
var stageStarts = map[Profile][]struct{ node, stage string }{
	RFC9110: {
		{"request-well-formed", "server"},
		{"method-allowed", "request"},
		{"rate-ok", "caller"},
		{"body-size-ok", "request"},
		{"resource-exists", "resource"},
		{"precondition-present", "preconditions"},
		{"is-options", "processing"},
	},
	DRF: {
		{"request-well-formed", "server"},
		{"body-size-ok", "request"},
		{"drf-credentials-present", "caller"},
		{"method-allowed", "request"},
		{"resource-exists", "resource"},
		{"precondition-present", "preconditions"},
		{"content-type-ok", "processing"},
	},
}

// FlowGraph is profile p's flow; ok is false for a profile with no flow.
func FlowGraph(p Profile) (g Graph, ok bool) {
	f := flows[p]
	if f == nil {
		return Graph{}, false
	}
	starts := map[string]string{}
	for _, s := range stageStarts[p] {
		starts[s.node] = s.stage
	}
	g.Profile = p
	stage := ""
	for i := range f.steps {
		s := &f.steps[i]
		n := s.n
		if st, ok := starts[n.id]; ok {
			stage = st
		}
		g.Nodes = append(g.Nodes, GraphNode{
			ID: n.id, Question: n.question, Ref: s.ref, Link: s.link, Guide: n.guide, Stage: stage,
			Yes: s.yes.target(), No: s.no.target(),
		})
	}
	return g, true
}

// target names where an edge leads: a node id, or the code it ends at.
func (e edge) target() string {
	if e.to != "" {
		return e.to
	}
	return strconv.Itoa(e.code)
}

// Code is the code an answer ends at, 0 when it leads to another node.
func Code(target string) int {
	c, err := strconv.Atoi(target)
	if err != nil {
		return 0
	}
	return c
}
