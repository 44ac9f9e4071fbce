//go:build wasm

package embedded

import (
	"encoding/json"

	"whichstatus/app/scenario"
	"whichstatus/content"
)

func init() {
	all, err := scenario.Load(content.Scenarios)
	if err != nil {
		panic("scenario/embedded: " + err.Error())
	}
	data, err := json.Marshal(all)
	if err != nil {
		panic("scenario/embedded: " + err.Error())
	}
	scenario.Source = func() []byte { return data }
}
