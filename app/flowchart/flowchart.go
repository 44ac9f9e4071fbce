// Package flowchart draws a profile's decision flow as an SVG, from the
// engine's own flow (engine.FlowGraph), so that the picture cannot drift
// from what the engine walks.
//
// The layout is our own rather than Graphviz's. The flow is one long spine
// of questions, each with an exit to a code: drawn as one column that reads
// top to bottom like the trace, with the codes to the right of the
// question that ends there and the few forward jumps in lanes on the left,
// it stays narrow enough for a phone and the same from build to build
// (dot spreads 60 nodes and 50 exits over a wide grid, and its output
// changes with its version).
//
// Every element the app lights carries a data attribute, never a class
// set at run time (go-app v9 cannot set classes on SVG elements):
// data-node="<id>" on a question (with data-ref, data-link and data-guide,
// its RFC section and guide anchor), data-edge="<id>:yes|no" on an answer
// (data-to: the node or code it leads to), data-code="<code>" and
// data-from="<id>:yes|no" on an exit. The site's
// stylesheet colours it; presentation attributes give a readable picture
// when the file is opened alone.
//
// It imports the engine and the registry only; the UI reads it natively
// (to prerender /flow), never in app.wasm, which fetches the committed
// files in web/ instead.
package flowchart

import (
	"fmt"
	"html"
	"slices"
	"strconv"
	"strings"

	"whichstatus/app/engine"
	"whichstatus/app/status"
)

// File is the name of a profile's diagram under web/.
func File(p engine.Profile) string { return "flow-" + string(p) + ".svg" }

// captions say what each stage of a flow asks about.
var captions = map[string]string{
	"server":        "before any endpoint: can the server read it?",
	"request":       "what the request asks for",
	"caller":        "who is asking, and may they?",
	"resource":      "is the target there?",
	"preconditions": "If-* headers, in RFC 9110 §13.2.2 order",
	"processing":    "the body, the work, the success code",
}

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

// SVG is profile p's diagram. Where the other profile differs (another
// code for the same answer, a question only this one asks, a question
// asked in another stage's company), the element says so in
// data-differs, and a mark shows it.
func SVG(p engine.Profile) (string, error) {
	g, ok := engine.FlowGraph(p)
	if !ok {
		return "", fmt.Errorf("flowchart: no flow for profile %q", p)
	}
	var other engine.Graph
	for _, q := range engine.Profiles {
		if q != p {
			other, _ = engine.FlowGraph(q)
		}
	}
	nodes, err := order(g.Nodes)
	if err != nil {
		return "", fmt.Errorf("flowchart: %s: %w", p, err)
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

	var b strings.Builder
	title := "The decision flow under the " + p.Title() + " profile"
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="flow" data-profile="%s" viewBox="0 0 %d %d" width="%d" height="%d" font-family="system-ui, sans-serif" font-size="%d" role="group" aria-label="%s">`+"\n",
		p, width, height, width, height, fontSize, esc(title))
	fmt.Fprintf(&b, "<!-- generated by go test ./app/flowchart -update from the engine's %s flow: do not edit -->\n", p)

	// Stages behind everything.
	for i, r := range rows {
		if r.head == 0 {
			continue
		}
		end := len(rows) - 1
		for k := i + 1; k < len(rows); k++ {
			if rows[k].head != 0 {
				end = k - 1
				break
			}
		}
		bottom := rows[end].y + rows[end].h + 10
		cx := boxX + boxW/2
		fmt.Fprintf(&b, `<g class="fb" data-stage="%s"><rect x="%d" y="%d" width="%d" height="%d" rx="10" fill="#f1f1f7"/>`+
			`<text x="%d" y="%d" fill="#5a5a70"><tspan class="fb-name" font-weight="700" font-size="10.5" letter-spacing="0.08em">%s</tspan><tspan class="fb-cap" font-size="10.5" dx="6">%s</tspan></text></g>`+"\n",
			r.Stage, pad, r.head, width-2*pad, bottom-r.head, cx+12, r.head+19, esc(strings.ToUpper(r.Stage)), esc(captions[r.Stage]))
	}

	// Answers, then exits, then questions on top.
	for i, r := range rows {
		cx := boxX + boxW/2
		for _, a := range []string{"yes", "no"} {
			to := r.target(a)
			id := r.ID + ":" + a
			switch c := engine.Code(to); {
			case c > 0:
				ey := r.mid() + r.exitOffset(a)
				fmt.Fprintf(&b, `<g class="fe fe-exit" data-edge="%s" data-to="%s"><path d="M%d %dH%d" stroke="#8a8aa0" fill="none"/>%s<text x="%d" y="%d" font-size="10" fill="#5a5a70">%s</text></g>`+"\n",
					id, to, boxX+boxW, ey, pillX-5, arrowRight(pillX-1, ey), boxX+boxW+5, ey-4, a)
			case i+1 < len(rows) && rows[i+1].ID == to:
				y0, y1 := r.y+r.h, rows[i+1].y
				fmt.Fprintf(&b, `<g class="fe" data-edge="%s" data-to="%s"><path d="M%d %dV%d" stroke="#8a8aa0" fill="none"/>%s<text x="%d" y="%d" font-size="10" fill="#5a5a70">%s</text></g>`+"\n",
					id, to, cx, y0, y1-5, arrowDown(cx, y1-1), cx+6, y0+13, a)
			}
		}
	}
	for _, j := range jumps {
		lx := boxX - labelW - 4 - j.lane*laneW
		fmt.Fprintf(&b, `<g class="fe fe-jump" data-edge="%s:%s" data-to="%s"><path d="M%d %dH%dV%dH%d" stroke="#8a8aa0" fill="none" stroke-linejoin="round"/>%s<text x="%d" y="%d" font-size="10" text-anchor="end" fill="#5a5a70">%s</text></g>`+"\n",
			j.from.ID, j.answer, j.to.ID, boxX, j.y0, lx, j.y1, boxX-5, arrowRight(boxX-1, j.y1), boxX-3, j.y0-4, j.answer)
	}
	for _, r := range rows {
		for _, a := range []string{"yes", "no"} {
			c := engine.Code(r.target(a))
			if c == 0 {
				continue
			}
			ey := r.mid() + r.exitOffset(a)
			k := strconv.Itoa(c / 100)
			differs := ""
			if diffs[r.ID+":"+a] != "" {
				differs = ` data-differs="code"`
			}
			w := pillWidth(c)
			fmt.Fprintf(&b, `<g class="ft k%s" data-code="%d" data-from="%s:%s"%s><rect x="%d" y="%d" width="%d" height="%d" rx="%d" fill="%s"/>`+
				`<text x="%d" y="%d" font-size="11" fill="%s"><tspan font-weight="700">%d</tspan> %s</text>%s</g>`+"\n",
				k, c, r.ID, a, differs, pillX, ey-pillH/2, w, pillH, pillH/2, tint[k][1],
				pillX+8, ey+4, tint[k][0], c, esc(phrase(c)), mark(differs != "", pillX+w-4, ey-pillH/2))
		}
	}
	for _, r := range rows {
		differs := ""
		if r.differ != "" {
			differs = ` data-differs="` + r.differ + `"`
		}
		fmt.Fprintf(&b, `<g class="fn" data-node="%s" data-stage="%s" data-ref="%s" data-link="%s" data-guide="%s"%s tabindex="0" role="button"><title>%s</title>`+
			`<rect x="%d" y="%d" width="%d" height="%d" rx="8" fill="#ffffff" stroke="#c9c9d9"/><text x="%d" y="%d" fill="#1b1a2e">`,
			r.ID, r.Stage, esc(r.Ref), esc(r.Link), esc(r.Guide), differs, esc(question(r.Question)+" ("+r.Ref+")"), boxX, r.y, boxW, r.h, boxX+10, r.y+7+fontSize)
		for k, l := range r.lines {
			dy := 0
			if k > 0 {
				dy = lineH
			}
			fmt.Fprintf(&b, `<tspan x="%d" dy="%d">%s</tspan>`, boxX+10, dy, esc(l))
		}
		fmt.Fprintf(&b, "</text>%s</g>\n", mark(r.differ != "", boxX+boxW-4, r.y))
	}
	b.WriteString("</svg>\n")
	return b.String(), nil
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

// tint is the class colours of web/style.css (light): ink, background.
var tint = map[string][2]string{
	"1": {"#3b4a63", "#e9eef5"},
	"2": {"#05704d", "#e2f6ec"},
	"3": {"#1d4ed8", "#e6edfd"},
	"4": {"#9a4a05", "#fdf0dc"},
	"5": {"#b4161b", "#fde8e8"},
}

func phrase(code int) string {
	c, _ := status.Lookup(code)
	return c.Phrase
}

// pillWidth estimates an exit's width from its text: 11px system-ui runs
// about 6 units a character.
func pillWidth(code int) int { return 24 + 6*len(strconv.Itoa(code)+" "+phrase(code)) }

// mark is the badge of something the other profile does differently.
func mark(on bool, x, y int) string {
	if !on {
		return ""
	}
	return fmt.Sprintf(`<g class="fd" aria-hidden="true"><circle cx="%d" cy="%d" r="7" fill="#4338ca"/><text x="%d" y="%d" font-size="10" font-weight="700" text-anchor="middle" fill="#ffffff">≠</text></g>`,
		x, y, x, y+3)
}

func arrowRight(x, y int) string {
	return fmt.Sprintf(`<path class="fa" d="M%d %dl-6 -4v8z" fill="#8a8aa0"/>`, x, y)
}

func arrowDown(x, y int) string {
	return fmt.Sprintf(`<path class="fa" d="M%d %dl-4 -6h8z" fill="#8a8aa0"/>`, x, y)
}

// question is a node's question for a picture of every request: the
// method it names is any method.
func question(q string) string { return strings.ReplaceAll(q, "{method}", "‹method›") }

func esc(s string) string { return html.EscapeString(s) }

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
