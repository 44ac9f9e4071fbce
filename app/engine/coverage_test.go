package engine

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestGoldenCoverage holds the golden decisions to their purpose: between
// them they reach every ending of both flows (each node's answer that ends
// at a code, so every code), every node, every note and every header
// advice, and show the profiles disagreeing with and without the order
// note.
func TestGoldenCoverage(t *testing.T) {
	type ending struct {
		p    Profile
		node string
		yes  bool
	}
	endings := map[ending]bool{}
	// Endings no case can reach, and why.
	deadEndings := map[ending]bool{
		// DRF answers a PUT to a missing object with 404 (get_object), so
		// its PUT never creates.
		{DRF, "put-created", true}: true,
	}
	visited := map[Profile]map[string]bool{RFC9110: {}, DRF: {}}
	var notes []Note
	var headers []Advice
	otherWithOrder, otherWithout := false, false
	orders := map[string]bool{}
	for _, g := range goldenCases(t) {
		d := Recommend(g.c)
		for _, s := range d.Trace {
			visited[d.Profile][s.Node()] = true
		}
		last := d.Trace[len(d.Trace)-1]
		endings[ending{d.Profile, last.Node(), last.Answer() == "yes"}] = true
		notes = append(notes, d.Notes...)
		headers = append(headers, d.Headers...)
		for _, a := range d.Also {
			orders[a.Order] = true
		}
		if d.Other != nil {
			if strings.HasSuffix(d.Other.Why, orderNote[d.Other.Profile]) {
				otherWithOrder = true
			} else {
				otherWithout = true
			}
		}
	}
	for _, p := range Profiles {
		for _, s := range flows[p].steps {
			if !visited[p][s.n.id] {
				t.Errorf("%s: no golden decision asks %s", p, s.n.id)
			}
			for _, yes := range []bool{false, true} {
				if s.next[b2i(yes)] < 0 && !endings[ending{p, s.n.id, yes}] && !deadEndings[ending{p, s.n.id, yes}] {
					t.Errorf("%s: no golden decision ends at %s %s → %d", p, s.n.id, yesNo(yes), s.edge(yes).code)
				}
			}
		}
	}
	for _, n := range noteTexts {
		re := templateRE(n.text)
		if !slices.ContainsFunc(notes, func(x Note) bool { return x.Title == n.title && x.Guide == n.guide && re.MatchString(x.Text) }) {
			t.Errorf("no golden decision carries the note %s (%q)", n.id, n.title)
		}
	}
	for _, a := range adviceTexts {
		if !slices.ContainsFunc(headers, func(x Advice) bool {
			return x.Name == a.name && x.Need == a.need && x.Why == a.why && x.Ref == a.ref
		}) {
			t.Errorf("no golden decision gives the header advice %s (%s, %s)", a.id, a.name, a.need)
		}
	}
	for _, r := range orderRules {
		if !orders[r.sentence] {
			t.Errorf("no golden decision says why %s (%s)", r.id, r.sentence)
		}
	}
	if !otherWithOrder || !otherWithout {
		t.Errorf("golden decisions show the other profile with its order note: %v, without: %v; want both", otherWithOrder, otherWithout)
	}
}

// templateRE matches a text made from a template: each {placeholder}
// stands for any text.
func templateRE(tmpl string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("^")
	for {
		i := strings.IndexByte(tmpl, '{')
		j := strings.IndexByte(tmpl, '}')
		if i < 0 || j < i {
			b.WriteString(regexp.QuoteMeta(tmpl))
			break
		}
		b.WriteString(regexp.QuoteMeta(tmpl[:i]) + ".+")
		tmpl = tmpl[j+1:]
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}
