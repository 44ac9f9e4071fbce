//go:build wasm

package scenario

import (
	"encoding/json"

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
