//go:build !wasm

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"whichstatus/app/engine"
)

func runCmd(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), err
}

func TestDecideBadInput(t *testing.T) {
	for _, tt := range []struct{ stdin, want string }{
		{"{", "not valid JSON"},
		{"", "the case is empty"},
		{`{"request": {"method": 7}}`, "request.method: expected a string"},
		{`{"situation": {"resource": {"stat": "gone"}}}`, "situation.resource.stat: unknown field"},
		{`{"profile": "express"}`, `profile: "express" is not one of`},
	} {
		_, _, err := runCmd(t, tt.stdin, "decide", "-")
		if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("decide of %q: error %v, want one line containing %q", tt.stdin, err, tt.want)
		}
	}
	if _, _, err := runCmd(t, "", "decide", "-scenario", "no-such-thing"); err == nil {
		t.Error("decide -scenario no-such-thing: no error")
	}
	if _, _, err := runCmd(t, "{}", "decide", "-profile", "express", "-"); err == nil {
		t.Error("decide -profile express: no error")
	}
}

func TestDecideJSON(t *testing.T) {
	out, _, err := runCmd(t, `{"request": {"method": "DELETE"}, "situation": {"endpoint": {"auth_required": true}}}`, "decide", "-", "-profile", "drf")
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Code    int
		Reason  string
		Profile string
		Headers []struct{ Name, Value string }
		Trace   []struct{ Node, Next string }
		// What would change the answer: here, letting anonymous callers in.
		Alternatives []struct {
			Change string
			Edit   struct{ Op, Name string }
			Code   int
		}
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("decide printed no JSON: %v\n%s", err, out)
	}
	if d.Code != 401 || d.Reason != "Unauthorized" || d.Profile != "drf" || len(d.Trace) == 0 || d.Headers[0].Name != "WWW-Authenticate" {
		t.Errorf("decide = %+v, want DRF's 401 with WWW-Authenticate and a trace", d)
	}
	if len(d.Alternatives) == 0 || d.Alternatives[0].Edit.Op == "" || d.Alternatives[0].Code == 401 || d.Alternatives[0].Change == "" {
		t.Errorf("decide's alternatives = %+v, want changes in words, as edits, each with another code", d.Alternatives)
	}
}

func TestDecideText(t *testing.T) {
	out, _, err := runCmd(t, "", "decide", "-text", "-scenario", "duplicate-email")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"409 Conflict", "Trace:", "http.StatusConflict", "→ 409", "What would change the answer:\n  Remove the conflict → 201 Created"} {
		if !strings.Contains(out, want) {
			t.Errorf("decide -text -scenario duplicate-email lacks %q:\n%s", want, out)
		}
	}
}

func TestScenariosCommand(t *testing.T) {
	out, _, err := runCmd(t, "", "scenarios", "-check")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 30 {
		t.Errorf("scenarios lists %d, want 30 or more", len(lines))
	}
	for _, l := range lines {
		var s struct {
			ID, Title string
			Code, Got int
		}
		if err := json.Unmarshal([]byte(l), &s); err != nil || s.ID == "" || s.Title == "" || s.Code == 0 {
			t.Errorf("scenarios line %q: %v", l, err)
			continue
		}
		if s.Got != s.Code {
			t.Errorf("decide --scenario %s = %d, want %d", s.ID, s.Got, s.Code)
		}
		one, _, err := runCmd(t, "", "decide", "-scenario", s.ID)
		if err != nil || !strings.Contains(one, `"code": `+strconv.Itoa(s.Code)+",") {
			t.Errorf("decide -scenario %s does not print code %d (%v)", s.ID, s.Code, err)
		}
	}
}

// decide lists what else is wrong, with why the order matters, in JSON
// and as text.
func TestDecideAlso(t *testing.T) {
	out, _, err := runCmd(t, "", "decide", "-scenario", "drf-anonymous-delete")
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Code int
		Also []struct {
			Code  int
			Node  string
			Order string
		}
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	if d.Code != 401 || len(d.Also) != 1 || d.Also[0].Code != 405 || d.Also[0].Node != "method-allowed" || !strings.Contains(d.Also[0].Order, "DRF authenticates") {
		t.Errorf("decide -scenario drf-anonymous-delete: %+v, want 401, also 405 from method-allowed with DRF's order", d)
	}
	text, _, _ := runCmd(t, "", "decide", "-text", "-scenario", "drf-anonymous-delete")
	for _, want := range []string{"Also wrong with this request", "405 Method Not Allowed: This endpoint does not support DELETE", "Why this comes later: DRF authenticates"} {
		if !strings.Contains(text, want) {
			t.Errorf("decide -text lacks %q:\n%s", want, text)
		}
	}
	// Node ids are the JSON's: the text names checks by their questions.
	g, _ := engine.FlowGraph(engine.DRF)
	for _, n := range g.Nodes {
		if strings.Contains(text, "→ "+n.ID) || strings.Contains(text, "("+n.ID+")") {
			t.Errorf("decide -text shows the node id %q:\n%s", n.ID, text)
		}
	}
}

// The scenarios command writes its usage to the stderr it is given.
func TestScenariosUsageToStderr(t *testing.T) {
	_, errOut, err := runCmd(t, "", "scenarios", "-nope")
	if err == nil || !strings.Contains(errOut, "-check") {
		t.Errorf("scenarios -nope: error %v, stderr %q; want an error and the usage on stderr", err, errOut)
	}
}

// TestReadmeExample keeps the README's example case honest.
func TestReadmeExample(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)<!-- example-case: (\\d+) -->\n```json\n(.*?)```").FindSubmatch(readme)
	if m == nil {
		t.Fatal("README.md has no <!-- example-case: N --> block")
	}
	out, _, err := runCmd(t, string(m[2]), "decide", "-")
	if err != nil {
		t.Fatalf("README example: %v", err)
	}
	if !strings.Contains(out, `"code": `+string(m[1])+",") {
		t.Errorf("README example decides\n%s\nwant code %s", out[:min(len(out), 200)], m[1])
	}
}
