//go:build !wasm

package scenario

import (
	"encoding/json"

	"whichstatus/content"
)

// load reads the embedded files, strictly. They are our own data, so a
// broken file is a bug that the tests catch; it panics rather than limp on.
func load() []Scenario {
	all, err := Load(content.Scenarios)
	if err != nil {
		panic("scenario: " + err.Error())
	}
	return all
}

func loadIndex() []Entry {
	all, _ := loaded()
	out := make([]Entry, len(all))
	for i, s := range all {
		out[i] = entryOf(s)
	}
	return out
}

func byID(id string) (Scenario, bool) {
	all, index := loaded()
	i, ok := index[id]
	if !ok {
		return Scenario{}, false
	}
	return all[i], true
}

// JSON is every scenario as one JSON list, sorted: what the wasm client
// is given in place of the files (see Source).
func JSON() []byte {
	b, err := json.Marshal(All())
	if err != nil {
		panic("scenario: " + err.Error())
	}
	return b
}
