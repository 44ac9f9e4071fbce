package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/engine"
	"whichstatus/app/scenario"
	"whichstatus/app/status"
)

// TestUnregisteredNeverGiven: the codes of the reference's unregistered
// section are the ones checked against their vendors' pages, none of them
// is in the registry (so the engine's flows, which compile only to
// registered, recommendable codes, cannot end at one), and no scenario's
// answer under either profile is one of them.
func TestUnregisteredNeverGiven(t *testing.T) {
	want := []int{444, 494, 495, 496, 497, 499, 520, 521, 522, 523, 524, 525, 526, 530, 460, 463, 464, 561}
	var got []int
	un := map[int]bool{}
	for _, u := range unregisteredCodes() {
		got = append(got, u.Code)
		un[u.Code] = true
		if _, ok := status.Lookup(u.Code); ok {
			t.Errorf("%d (%s) is in the registry", u.Code, u.Vendor)
		}
		if !strings.HasPrefix(u.Source, "https://") || u.Instead == "" || u.Who == "" || u.Means == "" {
			t.Errorf("%d: incomplete entry %+v", u.Code, u)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("unregistered codes = %v, want %v", got, want)
	}
	n := 0
	for _, s := range scenario.All() {
		for _, p := range engine.Profiles {
			c := s.Case
			c.Profile = p
			d := engine.Recommend(c)
			n++
			for _, code := range []int{d.Code, briefCode(d.Then), briefCode(d.Other)} {
				if un[code] {
					t.Errorf("scenario %s (%s) answers %d, an unregistered code", s.ID, p, code)
				}
			}
		}
	}
	if n < 100 {
		t.Errorf("decided %d cases, want every scenario under both profiles", n)
	}
}

func briefCode(b *engine.Brief) int {
	if b == nil {
		return 0
	}
	return b.Code
}

// TestUnregisteredSection: the section says the codes are not registered,
// links each source, and answers the search.
func TestUnregisteredSection(t *testing.T) {
	html := app.HTMLString(unregisteredSection(""))
	for _, want := range []string{"not registered", `id="unreg-499"`, `href="https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-522/"`, "A correct server sends"} {
		if !strings.Contains(html, want) {
			t.Errorf("the unregistered section lacks %q", want)
		}
	}
	for _, tt := range []struct {
		q    string
		want bool
	}{{"499", true}, {"cloudflare", true}, {"client closed", true}, {"teapot", false}, {"52", true}} {
		if got := unregisteredSection(tt.q) != nil; got != tt.want {
			t.Errorf("unregisteredSection(%q) shown = %v, want %v", tt.q, got, tt.want)
		}
	}
}
