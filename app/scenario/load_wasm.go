//go:build wasm

package scenario

import "encoding/json"

// The wasm client does not embed the scenario files: walking an embedded
// file system and decoding strictly would weigh about 30 KB (brotli) on
// app.wasm. The server hands the client the scenarios as one JSON list
// (JSON, natively), already checked by the tests and the build; the UI
// sets Source to read it before the first use.

// Source gives the scenarios as JSON's list; nil or bad data means none.
var Source func() []byte

func load() []Scenario {
	var all []Scenario
	if Source != nil {
		json.Unmarshal(Source(), &all)
	}
	return all
}
