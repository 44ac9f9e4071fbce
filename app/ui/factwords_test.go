package ui

import (
	"strings"
	"testing"

	"whichstatus/app/engine"
	"whichstatus/app/scenario"
)

func TestInputWords(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"situation.processing.conflict = duplicate", "Conflict: it already exists"},
		{"situation.endpoint.auth_scheme: Bearer (default)", "Authentication scheme: Bearer (default)"},
		{"situation.caller.credentials_invalid = true", "Credentials are wrong or expired: yes"},
		{"situation.resource.keep_method: false (default)", "Redirect must keep the method and body: no (the default)"},
		{"situation.processing.response_body: the usual for PUT (default)", "A successful write sends back: the usual for PUT (the default)"},
		{"situation.processing.rule_violation = amount must be greater than 0", "Business rule the content breaks: amount must be greater than 0"},
		{"server.length_required = true; Content-Length absent", "Refuses a body without Content-Length: yes; Content-Length absent"},
		{"no Range header", "no Range header"},
		{"Content-Type: application/xml; endpoint accepts application/json", "Content-Type: application/xml; endpoint accepts application/json"},
	} {
		if got, _ := inputWords(tt.in); got != tt.want {
			t.Errorf("inputWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestDecidingInWords: on every scenario, under both profiles, the
// deciding step's fact is in words, never a field path.
func TestDecidingInWords(t *testing.T) {
	for _, s := range scenario.All() {
		for _, p := range engine.Profiles {
			c := s.Case
			c.Profile = p
			d := engine.Recommend(c)
			got, _ := inputWords(d.Trace[len(d.Trace)-1].Input)
			if strings.Contains(got, "situation.") || strings.Contains(got, "_") {
				t.Errorf("%s (%s): the deciding fact reads %q", s.ID, p, got)
			}
		}
	}
}
