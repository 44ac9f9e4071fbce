package ui

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/engine"
	"whichstatus/app/scenario"
)

// Every code the scenarios reach has its guide section beside the verdict,
// and its links lead into the guide, not to in-page anchors.
func TestGuideBeside(t *testing.T) {
	for _, s := range scenario.All() {
		d := engine.Recommend(s.Case)
		html, ok := guideSection(d.Guide)
		if !ok || len(html) < 80 {
			t.Errorf("%s: no guide section for %s beside the verdict", s.ID, d.Guide)
			continue
		}
		if strings.Contains(html, `href="#`) || strings.Contains(html, `href="/guide/#`) {
			t.Errorf("%s: section %s keeps a link that does not name its page", s.ID, d.Guide)
		}
		if strings.Contains(html, "<h1") || strings.Contains(html, "<h2") {
			t.Errorf("%s: section %s runs into the next section", s.ID, d.Guide)
		}
	}
}

func TestVerdictShowsGuideAndCode(t *testing.T) {
	s, _ := scenario.ByID("duplicate-email")
	v := &Verdict{Decision: engine.Recommend(s.Case), Case: s.Case}
	disp := app.NewClientTester(v)
	defer disp.Close()
	if err := app.TestMatch(v, app.TestUIDescriptor{
		Path:     app.TestPath(0, 1, 0), // the verdict-pair's second part, a still
		Expected: app.Elem("aside").Class("guide-beside").Aria("labelledby", "guide-beside-title"),
	}); err != nil {
		t.Error(err)
	}
	html := app.HTMLString(v)
	for _, want := range []string{"From the guide", "409 Conflict", "What to write", "class UsersView(APIView):",
		"status=status.HTTP_409_CONFLICT", "w.WriteHeader(http.StatusConflict)", `href="/guide/client-errors#status-409"`} {
		if !strings.Contains(html, want) {
			t.Errorf("the verdict for duplicate-email lacks %q", want)
		}
	}
}
