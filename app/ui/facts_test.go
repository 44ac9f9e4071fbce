package ui

import (
	"strings"
	"testing"

	"whichstatus/app/engine"
)

// Every field of the situation has exactly one control, and every control
// edits a field of the case format.
func TestEveryFieldHasAControl(t *testing.T) {
	controls := map[string]int{}
	for _, g := range groups {
		for _, f := range g.facts {
			controls[f.path]++
		}
	}
	for _, f := range engine.Fields {
		if !strings.HasPrefix(f.Path, "situation.") {
			continue
		}
		if controls[f.Path] != 1 {
			t.Errorf("%s has %d controls in the situation editor, want 1", f.Path, controls[f.Path])
		}
		delete(controls, f.Path)
	}
	for p := range controls {
		t.Errorf("a control edits %s, which the case format does not have", p)
	}
}

// A control writes what it reads.
func TestFactGetSet(t *testing.T) {
	for _, g := range groups {
		for _, f := range g.facts {
			var s engine.Situation
			v := "7"
			switch f.kind {
			case check:
				v = "true"
			case choice:
				v = f.options[1].value
			case list:
				v = "a b"
			}
			f.set(&s, v)
			if got := f.get(&s); got != v {
				t.Errorf("%s: set(%q), get = %q", f.path, v, got)
			}
		}
	}
}
