package ui

import (
	"net/url"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/engine"
	"whichstatus/app/flowchart"
	"whichstatus/app/scenario"
)

func TestFlowFile(t *testing.T) {
	for _, p := range engine.Profiles {
		if flowFile(p) != flowchart.File(p) {
			t.Errorf("the client fetches %s, the generator writes %s", flowFile(p), flowchart.File(p))
		}
	}
}

// TestFlowViewPath: the playground's first render has no diagram; once
// mounted it has both, and the path to light is the trace, in order.
func TestFlowViewPath(t *testing.T) {
	s, _ := scenario.ByID("duplicate-email")
	d := engine.Recommend(s.Case)
	v := &FlowView{Decision: d}
	if page := app.HTMLString(v); strings.Contains(page, "<svg") || !strings.Contains(page, "flow-wait") {
		t.Errorf("the diagram is in the first render")
	}
	disp := app.NewClientTester(v)
	defer disp.Close()
	disp.Consume()
	page := app.HTMLString(v)
	for _, p := range engine.Profiles {
		if !strings.Contains(page, `class="flow" data-profile="`+string(p)+`"`) {
			t.Errorf("the mounted view lacks the %s diagram", p)
		}
	}
	var path []string
	for _, st := range d.Trace {
		path = append(path, st.Node()+":"+st.Answer())
	}
	if want := `data-path="` + strings.Join(path, " ") + `"`; !strings.Contains(page, want) {
		t.Errorf("the view does not say the path to light: want %s", want)
	}
	if !strings.Contains(page, `data-profile="rfc9110"`) || !strings.Contains(page, `data-svg="1"`) {
		t.Errorf("the canvas does not say which diagram to show, or that it is in")
	}

}

func TestFlowPage(t *testing.T) {
	for _, tt := range []struct{ query, profile string }{{"", "rfc9110"}, {"?profile=drf", "drf"}, {"?profile=nope", "rfc9110"}} {
		f := &FlowPage{}
		disp := app.NewClientTester(f)
		u, _ := url.Parse("/flow" + tt.query)
		disp.Nav(u)
		disp.Consume()
		page := app.HTMLString(f)
		disp.Close()
		if tag := openTag(page, `class="flow-canvas"`); !strings.Contains(tag, `data-profile="`+tt.profile+`"`) {
			t.Errorf("/flow%s shows %s, want the %s diagram", tt.query, tag, tt.profile)
		}
		for _, want := range []string{`class="flow" data-profile="rfc9110"`, `class="flow" data-profile="drf"`, "Where the profiles differ", `id="q-rfc9110-method-allowed"`, `id="q-drf-method-allowed"`, "/guide/", flowPartEnd(flowLists)} {
			if !strings.Contains(page, want) {
				t.Errorf("/flow%s lacks %q", tt.query, want)
			}
		}
		if strings.Contains(page, "data-path") {
			t.Errorf("/flow%s lights a path", tt.query)
		}
	}
}

// openTag is the start tag of the element that has attr.
func openTag(page, attr string) string {
	i := strings.Index(page, attr)
	if i < 0 {
		return ""
	}
	start := strings.LastIndex(page[:i], "<")
	return page[start : i+strings.IndexByte(page[i:], '>')+1]
}

func TestFlowEmbed(t *testing.T) {
	if _, page := open(t, "/scenarios/duplicate-email?embed=1&flow=1"); !strings.Contains(page, `class="flow-view compact"`) {
		t.Errorf("?embed=1&flow=1 has no compact diagram")
	}
	if _, page := open(t, "/scenarios/duplicate-email?embed=1"); strings.Contains(page, "flow-view") {
		t.Errorf("?embed=1 alone has the diagram")
	}
}
