package engine_test

import (
	"encoding/json"
	"strings"
	"testing"

	"whichstatus/app/engine"
	"whichstatus/app/scenario"
)

// Every alternative of every scenario, under both profiles, sent as JSON
// and applied, gives the code it names; none gives the decision's own code.
func TestAlternativesGiveTheirCode(t *testing.T) {
	all := scenario.All()
	if len(all) == 0 {
		t.Fatal("no scenarios")
	}
	withAny := 0
	for _, s := range all {
		for _, p := range engine.Profiles {
			c := s.Case
			c.Profile = p
			d := engine.Recommend(c)
			alts := engine.Alternatives(c, d)
			if len(alts) > 0 {
				withAny++
			}
			codes := map[int]bool{}
			for _, a := range alts {
				if a.Code == d.Code {
					t.Errorf("%s (%s): alternative %q gives %d, the decision's own code", s.ID, p, a.Change, a.Code)
				}
				if codes[a.Code] {
					t.Errorf("%s (%s): two alternatives give %d", s.ID, p, a.Code)
				}
				codes[a.Code] = true
				data, err := json.Marshal(a)
				if err != nil {
					t.Fatal(err)
				}
				var back engine.Alternative
				if err := json.Unmarshal(data, &back); err != nil {
					t.Fatal(err)
				}
				e, err := back.Edit.Apply(c)
				if err != nil {
					t.Errorf("%s (%s): %s: Apply(%s) = %v", s.ID, p, a.Change, data, err)
					continue
				}
				if got := engine.Recommend(e).Code; got != a.Code {
					t.Errorf("%s (%s): %q applied gives %d, want %d (%s)", s.ID, p, a.Change, got, a.Code, data)
				}
			}
		}
	}
	if withAny < len(all)*2*9/10 {
		t.Errorf("only %d of %d decisions have alternatives", withAny, len(all)*2)
	}
}

// The next step of what the learner builds comes first: the detours of
// "I'm creating a user and the e-mail is taken", one change at a time.
func TestAlternativesLeadOn(t *testing.T) {
	c := engine.Case{Request: engine.Request{Method: "POST", URL: "/api/users/", Body: `{"email": "ann@example.com"}`}}
	for _, want := range []struct {
		code   int
		change string
		next   int
	}{
		{405, "Allow POST on this endpoint", 415},
		{415, "Add Content-Type: application/json", 201},
		{201, "Make it clash with what exists (a duplicate)", 409},
	} {
		d := engine.Recommend(c)
		if d.Code != want.code {
			t.Fatalf("Recommend = %d, want %d", d.Code, want.code)
		}
		alts := engine.Alternatives(c, d)
		if len(alts) == 0 || alts[0].Change != want.change || alts[0].Code != want.next {
			t.Fatalf("at %d, first alternative = %+v, want %q → %d", d.Code, alts, want.change, want.next)
		}
		var err error
		if c, err = alts[0].Edit.Apply(c); err != nil {
			t.Fatal(err)
		}
	}
}

func TestEditApply(t *testing.T) {
	c := engine.Case{Request: engine.Request{Headers: []engine.Header{{"Accept", "text/csv"}, {"If-Match", `"a"`}, {"accept", "x/y"}}}}
	for _, tt := range []struct {
		edit engine.Edit
		want string // the case, as JSON, or the error
	}{
		{engine.Edit{Op: "set_header", Name: "Accept", Value: "application/json"}, `"headers":[{"name":"Accept","value":"application/json"},{"name":"If-Match","value":"\"a\""}]`},
		{engine.Edit{Op: "remove_header", Name: "if-match"}, `"headers":[{"name":"Accept","value":"text/csv"},{"name":"accept","value":"x/y"}]`},
		{engine.Edit{Op: "set_method", Value: "PUT"}, `"method":"PUT"`},
		{engine.Edit{Op: "set_fact", Name: "situation.endpoint.allowed_methods", Value: []any{"GET", "PUT"}}, `"allowed_methods":["GET","PUT"]`},
		{engine.Edit{Op: "set_fact", Name: "situation.server.retry_after", Value: 30.0}, `"retry_after":30`},
		{engine.Edit{Op: "set_fact", Name: "situation.caller.permission_denied", Value: true}, `"permission_denied":true`},
		{engine.Edit{Op: "set_fact", Name: "situation.resource.state", Value: "lost"}, `situation.resource.state`},
		{engine.Edit{Op: "set_fact", Name: "situation.resource.stat", Value: "gone"}, `no such fact`},
		{engine.Edit{Op: "set_fact", Name: "situation.caller.permission_denied", Value: "yes"}, `expected true or false`},
		{engine.Edit{Op: "set_fact", Name: "request.method", Value: "PUT"}, `starts with situation.`},
		{engine.Edit{Op: "paint"}, `unknown edit "paint"`},
	} {
		got, err := tt.edit.Apply(c)
		s := ""
		if err != nil {
			s = err.Error()
		} else {
			b, _ := json.Marshal(got)
			s = string(b)
		}
		if !strings.Contains(s, tt.want) {
			t.Errorf("%+v.Apply = %s, want %s", tt.edit, s, tt.want)
		}
	}
	if c.Request.Headers[1].Name != "If-Match" {
		t.Errorf("Apply changed the case it was given: %+v", c.Request.Headers)
	}
}
