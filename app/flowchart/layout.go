package flowchart

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"whichstatus/app/engine"
)

// Sizes, in SVG units (CSS pixels at the natural size).
const (
	pad      = 10  // around the picture
	fontSize = 12  // a question
	lineH    = 15  // a question's line
	boxW     = 236 // a question's box
	wrapAt   = 34  // characters per line in it
	gapY     = 24  // between two questions
	headH    = 30  // a stage's heading
	labelW   = 22  // room for "yes"/"no" left of a box
	laneW    = 9   // between two jump lanes
	exitW    = 32  // from a box to its exit
	pillH    = 20
)

// placed is one question where it is drawn.
type placed struct {
	engine.GraphNode
	lines  []string
	y, h   int // top and height of its box
	head   int // the top of the stage heading above it, 0 if none
	differ string
}

func (n *placed) mid() int { return n.y + n.h/2 }

// jump is an answer that leads to a later question, not the next one:
// drawn in a lane left of the boxes.
type jump struct {
	from, to *placed
	answer   string
	lane     int
	y0, y1   int
}

// diagram is a profile's flow laid out: where each question, jump and
// exit goes, and how large the picture is.
type diagram struct {
	p             engine.Profile
	rows          []*placed
	jumps         []*jump
	diffs         map[string]string // differences from the other profile
	boxX, pillX   int               // the questions' column, the exits'
	width, height int
}

// lay places profile p's questions in rows, top to bottom, its jumps in
// lanes, and its exits to the right.
func lay(p engine.Profile) (*diagram, error) {
	g, ok := engine.FlowGraph(p)
	if !ok {
		return nil, fmt.Errorf("flowchart: no flow for profile %q", p)
	}
	var other engine.Graph
	for _, q := range engine.Profiles {
		if q != p {
			other, _ = engine.FlowGraph(q)
		}
	}
	nodes, err := order(g.Nodes)
	if err != nil {
		return nil, fmt.Errorf("flowchart: %s: %w", p, err)
	}
	diffs := differences(g, other)

	// Rows, top to bottom, with a heading where a stage starts.
	y := pad
	at := map[string]*placed{}
	rows := make([]*placed, len(nodes))
	for i, n := range nodes {
		r := &placed{GraphNode: n, lines: wrap(question(n.Question), wrapAt), differ: diffs[n.ID]}
		if i == 0 || nodes[i-1].Stage != n.Stage {
			r.head = y
			y += headH
		}
		r.h = len(r.lines)*lineH + 14
		if engine.Code(n.Yes) > 0 && engine.Code(n.No) > 0 {
			r.h = max(r.h, 2*pillH+10)
		}
		r.y = y
		y += r.h + gapY
		rows[i] = r
		at[n.ID] = r
	}
	height := y - gapY + pad + 8

	// Jumps, the shortest nearest the boxes, so that lanes cross as little
	// as they can.
	var jumps []*jump
	for i, r := range rows {
		for _, a := range []string{"yes", "no"} {
			to := r.target(a)
			if engine.Code(to) > 0 || (i+1 < len(rows) && rows[i+1].ID == to) {
				continue
			}
			j := &jump{from: r, to: at[to], answer: a}
			j.y0, j.y1 = r.mid()+r.jumpOffset(a), at[to].mid()
			jumps = append(jumps, j)
		}
	}
	byLength := slices.Clone(jumps)
	slices.SortStableFunc(byLength, func(a, b *jump) int { return (a.y1 - a.y0) - (b.y1 - b.y0) })
	lanes := 0
	for k, j := range byLength {
		for j.lane = 0; ; j.lane++ {
			free := true
			for _, o := range byLength[:k] {
				if o.lane == j.lane && o.to != j.to && j.y0 <= o.y1+6 && o.y0 <= j.y1+6 {
					free = false
					break
				}
			}
			if free {
				break
			}
		}
		lanes = max(lanes, j.lane+1)
	}

	boxX := pad + 8 + lanes*laneW + labelW
	pillX := boxX + boxW + exitW
	width := pillX + pad + 8
	for _, r := range rows {
		for _, a := range []string{"yes", "no"} {
			if c := engine.Code(r.target(a)); c > 0 {
				width = max(width, pillX+pillWidth(c)+pad+8)
			}
		}
	}

	return &diagram{p: p, rows: rows, jumps: jumps, diffs: diffs, boxX: boxX, pillX: pillX, width: width, height: height}, nil
}

func (n *placed) target(answer string) string {
	if answer == "yes" {
		return n.Yes
	}
	return n.No
}

// exitOffset places a box's two exits one above the other.
func (n *placed) exitOffset(answer string) int {
	if engine.Code(n.Yes) == 0 || engine.Code(n.No) == 0 {
		return 0
	}
	if answer == "yes" {
		return -(pillH/2 + 3)
	}
	return pillH/2 + 3
}

// jumpOffset parts a box's two jumps.
func (n *placed) jumpOffset(answer string) int {
	if engine.Code(n.Yes) > 0 || engine.Code(n.No) > 0 {
		return 0
	}
	if answer == "yes" {
		return -5
	}
	return 5
}

// pillWidth estimates an exit's width from its text: 11px system-ui runs
// about 6 units a character.
func pillWidth(code int) int { return 24 + 6*len(strconv.Itoa(code)+" "+phrase(code)) }

// wrap breaks s into lines of at most n characters, at spaces.
func wrap(s string, n int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		switch {
		case line == "":
			line = w
		case len([]rune(line))+1+len([]rune(w)) <= n:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	return append(lines, line)
}

// order is the flow's nodes so that every answer leads down the page: the
// flow's own order, but a node comes only after every node that leads to
// it (a profile may wire a node before the one that jumps to it).
func order(nodes []engine.GraphNode) ([]engine.GraphNode, error) {
	index := map[string]int{}
	for i, n := range nodes {
		index[n.ID] = i
	}
	into := make([]int, len(nodes))
	for _, n := range nodes {
		for _, to := range []string{n.Yes, n.No} {
			if i, ok := index[to]; ok {
				into[i]++
			}
		}
	}
	done := make([]bool, len(nodes))
	var out []engine.GraphNode
	for len(out) < len(nodes) {
		next := -1
		for i := range nodes {
			if !done[i] && into[i] == 0 {
				next = i
				break
			}
		}
		if next < 0 {
			return nil, fmt.Errorf("the flow loops")
		}
		done[next] = true
		out = append(out, nodes[next])
		for _, to := range []string{nodes[next].Yes, nodes[next].No} {
			if i, ok := index[to]; ok {
				into[i]--
			}
		}
	}
	return out, nil
}

// differences says where g parts from the other profile's graph: by node
// id, "only" (the other does not ask it) or "order" (it asks it with other
// stages before it); by "<id>:<answer>", "code" when the same answer ends
// at another code or goes on where the other ends.
func differences(g, other engine.Graph) map[string]string {
	d := map[string]string{}
	theirs := map[string]engine.GraphNode{}
	for _, n := range other.Nodes {
		theirs[n.ID] = n
	}
	before := func(g engine.Graph) map[string]string {
		m := map[string]string{}
		var seen []string
		for i, n := range g.Nodes {
			if i > 0 && g.Nodes[i-1].Stage != n.Stage && !slices.Contains(seen, g.Nodes[i-1].Stage) {
				seen = append(seen, g.Nodes[i-1].Stage)
			}
			s := slices.Clone(seen)
			slices.Sort(s)
			m[n.ID] = strings.Join(s, " ")
		}
		return m
	}
	mine, theirBefore := before(g), before(other)
	for _, id := range movedInStage(g, other) {
		d[id] = "order"
	}
	for _, n := range g.Nodes {
		o, ok := theirs[n.ID]
		switch {
		case !ok:
			d[n.ID] = "only"
			continue
		case mine[n.ID] != theirBefore[n.ID]:
			d[n.ID] = "order"
		}
		for _, a := range [][3]string{{"yes", n.Yes, o.Yes}, {"no", n.No, o.No}} {
			if a[1] != a[2] && (engine.Code(a[1]) > 0 || engine.Code(a[2]) > 0) {
				d[n.ID+":"+a[0]] = "code"
			}
		}
	}
	return d
}

// movedInStage finds the questions the two flows ask in another order
// within one stage (DRF's rate limit comes after who is asking, RFC
// 9110's before): of each pair of questions both ask in that stage, in
// the two orders, it marks the one that moved, the question out of order
// with the most others, until the rest agree.
func movedInStage(g, other engine.Graph) []string {
	at := map[string]int{}
	stage := map[string]string{}
	for i, n := range other.Nodes {
		at[n.ID], stage[n.ID] = i, n.Stage
	}
	var shared []engine.GraphNode
	for _, n := range g.Nodes {
		if s, ok := stage[n.ID]; ok && s == n.Stage {
			shared = append(shared, n)
		}
	}
	var moved []string
	for {
		count := map[string]int{}
		best := ""
		for i, a := range shared {
			for _, b := range shared[i+1:] {
				if a.Stage == b.Stage && at[a.ID] > at[b.ID] {
					count[a.ID]++
					count[b.ID]++
				}
			}
		}
		for _, n := range shared {
			if count[n.ID] > count[best] {
				best = n.ID
			}
		}
		if best == "" {
			return moved
		}
		moved = append(moved, best)
		shared = slices.DeleteFunc(shared, func(n engine.GraphNode) bool { return n.ID == best })
	}
}
