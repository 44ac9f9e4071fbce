package scenario

import (
	"encoding/json"
	"io/fs"
	"testing"

	"whichstatus/app/engine"
	"whichstatus/content"
)

// guideAnchors reads the rendered guide's table of contents: every anchor
// id and the page that holds it.
func guideAnchors(t *testing.T) map[string]string {
	data, err := fs.ReadFile(content.HTML, "html/guide/index.json")
	if err != nil {
		t.Fatal(err)
	}
	var pages []struct {
		Slug    string   `json:"slug"`
		Anchors []string `json:"anchors"`
	}
	if err := json.Unmarshal(data, &pages); err != nil {
		t.Fatal(err)
	}
	at := map[string]string{}
	for _, p := range pages {
		for _, a := range p.Anchors {
			at[a] = p.Slug
		}
	}
	return at
}

// TestGuideLinks proves that every link a decision offers lands on a
// section of the guide: the verdict's, each trace step's and each note's,
// for every scenario under both profiles.
func TestGuideLinks(t *testing.T) {
	at := guideAnchors(t)
	checked := 0
	check := func(where, anchor string) {
		checked++
		if _, ok := at[anchor]; !ok {
			t.Errorf("%s links to guide anchor %q, which no guide page has", where, anchor)
		}
	}
	for _, s := range All() {
		check(s.ID+" (scenario)", s.Guide)
		for _, p := range engine.Profiles {
			c := s.Case
			c.Profile = p
			d := engine.Recommend(c)
			check(s.ID+"/"+string(p)+" verdict", d.Guide)
			for _, st := range d.Trace {
				check(s.ID+"/"+string(p)+" step "+st.Node(), st.Guide())
			}
			for _, n := range d.Notes {
				check(s.ID+"/"+string(p)+" note "+n.Title, n.Guide)
			}
		}
	}
	t.Logf("%d links checked against %d anchors", checked, len(at))
}
