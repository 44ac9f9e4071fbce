package engine

import (
	"slices"
	"testing"
)

// TestFlowGraph checks the graph against the flow it is read from: every
// step once, in order, each with a stage, and edges that end at a node of
// the graph or a code.
func TestFlowGraph(t *testing.T) {
	for _, p := range Profiles {
		g, ok := FlowGraph(p)
		if !ok {
			t.Fatalf("FlowGraph(%s): no graph", p)
		}
		if len(g.Nodes) != len(flows[p].steps) {
			t.Fatalf("FlowGraph(%s) has %d nodes, the flow %d steps", p, len(g.Nodes), len(flows[p].steps))
		}
		ids := map[string]bool{}
		for i, n := range g.Nodes {
			if n.ID != flows[p].steps[i].n.id {
				t.Errorf("FlowGraph(%s).Nodes[%d] = %s, want %s", p, i, n.ID, flows[p].steps[i].n.id)
			}
			ids[n.ID] = true
		}
		for _, s := range stageStarts[p] {
			if !ids[s.node] {
				t.Errorf("%s: stage %s starts at %q, which the flow does not have", p, s.stage, s.node)
			}
			if !slices.Contains(Stages, s.stage) {
				t.Errorf("%s: stage %q is not one of %v", p, s.stage, Stages)
			}
		}
		for _, n := range g.Nodes {
			if n.Stage == "" {
				t.Errorf("%s: node %s has no stage", p, n.ID)
			}
			for _, to := range []string{n.Yes, n.No} {
				if !ids[to] && Code(to) == 0 {
					t.Errorf("%s: %s leads to %q, neither a node nor a code", p, n.ID, to)
				}
			}
		}
	}
	if _, ok := FlowGraph("nope"); ok {
		t.Errorf(`FlowGraph("nope") has a graph`)
	}
}

// TestGraphFollowsTrace walks every case of the shared table over the
// graph: the trace's steps are the graph's edges.
func TestGraphFollowsTrace(t *testing.T) {
	for _, p := range Profiles {
		g, _ := FlowGraph(p)
		by := map[string]GraphNode{}
		for _, n := range g.Nodes {
			by[n.ID] = n
		}
		for _, tt := range engineTests {
			c := tt.c
			c.Profile = p
			d := Recommend(c)
			for _, s := range d.Trace {
				n := by[s.Node()]
				want := n.No
				if s.Answer() == "yes" {
					want = n.Yes
				}
				if s.Next() != want {
					t.Errorf("%s %s: step %s answered %s leads to %s in the trace, %s in the graph", p, tt.name, s.Node(), s.Answer(), s.Next(), want)
				}
			}
		}
	}
}
