//go:build wasm

package scenario

import (
	"bytes"
	"encoding/json"
	"strconv"
	"sync"
)

// The wasm client does not embed the scenario files: walking an embedded
// file system and decoding strictly would weigh about 30 KB (brotli) on
// app.wasm. The server hands the client the scenarios as one JSON list
// (JSON, natively), already checked by the tests and the build; the UI
// sets Source to read it before the first use.
//
// Decoding every case (36 KB of JSON, through reflection) was part of
// every page's start: Index and ByID decode the list with each case left
// raw, and ByID decodes only the scenario it returns (findOne). All
// decodes them all.

// Source gives the scenarios as JSON's list; nil or bad data means none.
var Source func() []byte

// IndexSource gives the index as IndexText's text; nil means the index is
// read from Source.
var IndexSource func() string

func load() []Scenario {
	var all []Scenario
	if Source != nil {
		json.Unmarshal(Source(), &all)
	}
	return all
}

// lazy is a scenario as listed, its case not decoded yet.
type lazy struct {
	ID          string          `json:"id"`
	Title       string          `json:"title"`
	Story       string          `json:"story"`
	Code        int             `json:"code"`
	ProfileNote string          `json:"profile_note"`
	Guide       string          `json:"guide"`
	Case        json.RawMessage `json:"case"`
}

var lazyList = sync.OnceValue(func() []lazy {
	var all []lazy
	if Source != nil {
		json.Unmarshal(Source(), &all)
	}
	return all
})

func loadIndex() []Entry {
	if IndexSource != nil {
		return ParseIndex(IndexSource())
	}
	all := lazyList()
	out := make([]Entry, len(all))
	for i, s := range all {
		out[i] = Entry{ID: s.ID, Title: s.Title, Story: s.Story, Code: s.Code}
	}
	return out
}

func byID(id string) (Scenario, bool) {
	if s, ok := findOne(id); ok {
		return decodeCase(s)
	}
	for _, s := range lazyList() {
		if s.ID == id {
			return decodeCase(s)
		}
	}
	return Scenario{}, false
}

// findOne decodes only the scenario with the id, without the rest of
// the list: a scenario's page opens with one case, and decoding the list
// (36 KB) to find it was most of what ByID cost at start. The list is
// json.Marshal's, so each scenario's object begins with its id; a match
// that is not the scenario (a case's own object with such an id) decodes
// to another id or no case and is passed over, and no match at all leaves
// it to the whole list.
func findOne(id string) (lazy, bool) {
	if Source == nil || id == "" {
		return lazy{}, false
	}
	src := Source()
	key := []byte(`{"id":` + strconv.Quote(id) + `,`)
	for at := 0; ; {
		i := bytes.Index(src[at:], key)
		if i < 0 {
			return lazy{}, false
		}
		at += i
		var s lazy
		if json.NewDecoder(bytes.NewReader(src[at:])).Decode(&s) == nil && s.ID == id && len(s.Case) > 0 {
			return s, true
		}
		at += len(key)
	}
}

func decodeCase(s lazy) (Scenario, bool) {
	sc := Scenario{ID: s.ID, Title: s.Title, Story: s.Story, Code: s.Code, ProfileNote: s.ProfileNote, Guide: s.Guide}
	if json.Unmarshal(s.Case, &sc.Case) != nil {
		return Scenario{}, false
	}
	return sc, true
}
