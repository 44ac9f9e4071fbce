//go:build !wasm

package scenario

import (
	"encoding/json"
	"strconv"
	"strings"

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

// IndexText is Index as ParseIndex reads it: what the wasm client lists
// the scenarios from (see IndexSource). It panics if a field holds a
// separator, which the scenarios' tests rule out.
func IndexText() string {
	var b strings.Builder
	for i, e := range Index() {
		f := []string{e.ID, strconv.Itoa(e.Code), e.Title, e.Story}
		for _, v := range f {
			if strings.Contains(v, indexField) || strings.Contains(v, indexLine) {
				panic("scenario: " + e.ID + ": a field holds a separator")
			}
		}
		if i > 0 {
			b.WriteString(indexLine)
		}
		b.WriteString(strings.Join(f, indexField))
	}
	return b.String()
}
