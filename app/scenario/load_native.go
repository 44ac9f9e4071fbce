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

// JSON is every scenario as one JSON list, sorted: what the wasm client
// is given in place of the files (see Source).
func JSON() []byte {
	b, err := json.Marshal(All())
	if err != nil {
		panic("scenario: " + err.Error())
	}
	return b
}
