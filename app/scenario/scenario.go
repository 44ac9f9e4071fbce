// Package scenario holds the ready-made cases a learner can pick: each one a
// short story, the request and server facts that tell it, and the status
// code it should get. They live as JSON in content/scenarios, one file each,
// and double as golden tests for the engine.
//
// It is plain Go and imports only the engine, the embedded content and the
// standard library; the UI and the command read it. The wasm client does
// not embed the files (see load_wasm.go).
package scenario

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"

	"whichstatus/app/engine"
)

// Dir is the directory of the scenario files inside the FS given to Load.
const Dir = "scenarios"

// Scenario is one story with its case and the code it should get.
type Scenario struct {
	ID    string `json:"id"`    // kebab-case, the file name without .json
	Title string `json:"title"` // a short label for a list
	Story string `json:"story"` // one sentence: who does what, what the server knows
	Code  int    `json:"code"`  // the expected answer under the case's profile
	// ProfileNote says how the other profile answers, or what a framework
	// does differently, when that is worth knowing.
	ProfileNote string      `json:"profile_note,omitempty"`
	Guide       string      `json:"guide"` // guide anchor id, e.g. "status-409"
	Case        engine.Case `json:"case"`
}

// Class is the first digit of the expected code: 1 informational … 5
// server error.
func (s Scenario) Class() int { return s.Code / 100 }

// file is a scenario file as written: the case stays raw so that
// engine.Decode, which is strict, judges it.
type file struct {
	ID          string          `json:"id"`
	Title       string          `json:"title"`
	Story       string          `json:"story"`
	Code        int             `json:"code"`
	ProfileNote string          `json:"profile_note"`
	Guide       string          `json:"guide"`
	Case        json.RawMessage `json:"case"`
}

// Load reads every *.json file in the directory Dir of fsys, sorted by code
// and then id. An error names the file and, where it can, the field.
func Load(fsys fs.FS) ([]Scenario, error) {
	entries, err := fs.ReadDir(fsys, Dir)
	if err != nil {
		return nil, err
	}
	var all []Scenario
	var errs []error
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) != ".json" {
			continue
		}
		name := path.Join(Dir, e.Name())
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		s, err := parse(strings.TrimSuffix(e.Name(), ".json"), data)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", name, err))
			continue
		}
		all = append(all, s)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	sortScenarios(all)
	return all, nil
}

// parse decodes one file; id is the name it must carry.
func parse(id string, data []byte) (Scenario, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var f file
	if err := dec.Decode(&f); err != nil {
		return Scenario{}, where(data, err)
	}
	if dec.More() {
		return Scenario{}, errors.New("more than one JSON value")
	}
	switch {
	case f.ID != id:
		return Scenario{}, fmt.Errorf("id: %q differs from the file name %q", f.ID, id)
	case strings.TrimSpace(f.Title) == "":
		return Scenario{}, errors.New("title: empty")
	case strings.TrimSpace(f.Story) == "":
		return Scenario{}, errors.New("story: empty")
	case f.Code < 100 || f.Code > 599:
		return Scenario{}, fmt.Errorf("code: %d is not a status code", f.Code)
	case f.Guide == "":
		return Scenario{}, errors.New("guide: empty")
	case len(f.Case) == 0:
		return Scenario{}, errors.New("case: missing")
	}
	c, err := engine.Decode(f.Case)
	if err != nil {
		return Scenario{}, fmt.Errorf("case: %w", err)
	}
	return Scenario{
		ID: f.ID, Title: f.Title, Story: f.Story, Code: f.Code,
		ProfileNote: f.ProfileNote, Guide: f.Guide, Case: c,
	}, nil
}

// where adds the line of a syntax error, which encoding/json gives only as
// a byte offset.
func where(data []byte, err error) error {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		line := 1 + bytes.Count(data[:min(int(syn.Offset), len(data))], []byte("\n"))
		return fmt.Errorf("line %d: %w", line, err)
	}
	return err
}

func sortScenarios(all []Scenario) {
	slices.SortFunc(all, func(a, b Scenario) int {
		return cmp.Or(cmp.Compare(a.Code, b.Code), strings.Compare(a.ID, b.ID))
	})
}

// loaded reads the scenarios once (load_native.go, load_wasm.go).
var loaded = sync.OnceValues(func() ([]Scenario, map[string]int) {
	all := load()
	index := make(map[string]int, len(all))
	for i, s := range all {
		index[s.ID] = i
	}
	return all, index
})

// All returns every embedded scenario, sorted by code and then id. The
// slice is the caller's to keep or change.
func All() []Scenario {
	all, _ := loaded()
	return slices.Clone(all)
}

// ByID returns the scenario with the id, and whether there is one. In the
// browser it decodes only that scenario's case (see load_wasm.go).
func ByID(id string) (Scenario, bool) { return byID(id) }

// Entry is a scenario without its case: what a list of them shows.
type Entry struct {
	ID    string
	Title string
	Story string
	Code  int
}

// Class is the first digit of the expected code, as Scenario's.
func (e Entry) Class() int { return e.Code / 100 }

// Index lists every scenario without its case, sorted as All. In the
// browser it decodes no case: listing the scenarios, as every page of the
// playground does when it starts, costs a fraction of All.
func Index() []Entry { return slices.Clone(index()) }

var index = sync.OnceValue(loadIndex)

// The index as text (IndexText natively, ParseIndex in the browser): one
// line per scenario, its fields cut by a unit separator. The client lists
// the scenarios at start; reading this costs next to nothing, where
// decoding the JSON list ran encoding/json's decoder, whose code V8 then
// compiled, before the first render.
const (
	indexField = "\x1f"
	indexLine  = "\n"
)

// ParseIndex reads IndexText's form; a malformed line is left out.
func ParseIndex(text string) []Entry {
	var out []Entry
	for line := range strings.SplitSeq(text, indexLine) {
		f := strings.Split(line, indexField)
		if len(f) != 4 {
			continue
		}
		code, err := strconv.Atoi(f[1])
		if err != nil {
			continue
		}
		out = append(out, Entry{ID: f[0], Code: code, Title: f[2], Story: f[3]})
	}
	return out
}

func entryOf(s Scenario) Entry { return Entry{ID: s.ID, Title: s.Title, Story: s.Story, Code: s.Code} }
