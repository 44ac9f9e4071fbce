//go:build wasm

package scenario

import (
	"encoding/json"
	"testing"

	"whichstatus/content"
)

// In wasm the package reads the scenarios from Source, which the UI sets
// from the list the server gives it. The tests give it the same list,
// made from the embedded files as the native JSON makes it.
func init() {
	all, err := Load(content.Scenarios)
	if err != nil {
		panic(err)
	}
	data, err := json.Marshal(all)
	if err != nil {
		panic(err)
	}
	Source = func() []byte { return data }
}

// findOne, which ByID tries first, finds every scenario as decoding the
// whole list does, and nothing for an id that is no scenario's.
func TestFindOne(t *testing.T) {
	list := lazyList()
	if len(list) == 0 {
		t.Fatal("no scenarios in Source")
	}
	for _, want := range list {
		got, ok := findOne(want.ID)
		if !ok || got.ID != want.ID || got.Title != want.Title || got.Code != want.Code || string(got.Case) != string(want.Case) {
			t.Errorf("findOne(%q) = %+v, %v; want the list's own", want.ID, got.ID, ok)
		}
	}
	for _, id := range []string{"", "no-such-scenario", list[0].ID[:len(list[0].ID)-1]} {
		if _, ok := findOne(id); ok {
			t.Errorf("findOne(%q) found a scenario", id)
		}
	}
}
