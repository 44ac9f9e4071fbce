package engine

import (
	"bytes"
	"encoding/json"

	"whichstatus/app/status"
)

// Decision is the engine's answer for one case.
type Decision struct {
	Code      int      `json:"code"`
	Reason    string   `json:"reason"`             // RFC 9110's reason phrase
	Formerly  string   `json:"formerly,omitempty"` // an older name, e.g. "Unprocessable Entity"
	Class     string   `json:"class"`              // "Client error": the class in words
	Profile   Profile  `json:"profile"`
	Why       string   `json:"why"`  // one or two sentences: why this code
	Ref       string   `json:"ref"`  // the code's defining section, "RFC 9110 §15.5.10"
	Link      string   `json:"link"` // that section on rfc-editor.org
	Guide     string   `json:"guide"`
	Headers   []Advice `json:"headers"`
	Trace     []Step   `json:"trace"`
	Notes     []Note   `json:"notes"`
	Constants Names    `json:"constants"`
	// Then is the final code that follows an interim 1xx answer
	// (100 Continue, 102 Processing), decided as if the body had been sent.
	Then *Brief `json:"then,omitempty"`
	// Other is the other profile's answer when it differs from this one.
	Other *Brief `json:"other_profile,omitempty"`
	// Also lists what else is wrong with the request: the faults later
	// checks find, and the code each would give.
	Also []Also `json:"also,omitempty"`
}

// Step is one question the engine asked, in order: a plain value, so a
// decision owns its trace. The question as worded for this case and the
// input that decided it are its fields; what the flow fixes for the node
// and answer (its id, the answer, where it led, the section, link and
// guide anchor) is the same in every trace and read through methods. Two
// strings a step, not eight, cut a case's bytes by 45 % (5.4 → 3.0 KB)
// and its time in wasm by about a fifth (BENCHMARKS.md).
type Step struct {
	Question string // "Does the endpoint allow POST?"
	Input    string // what decided it: a header, a fact, a default
	at       *stepFixed
}

// stepFixed is what a step shows that its flow fixes, worded once when
// the flow is compiled (or when the step is decoded) and never written
// after.
type stepFixed struct{ node, answer, next, ref, link, guide string }

var noStep stepFixed

func (s Step) fixed() *stepFixed {
	if s.at == nil {
		return &noStep
	}
	return s.at
}

// Node is the node's stable id, e.g. "method-allowed".
func (s Step) Node() string { return s.fixed().node }

// Answer is "yes" or "no".
func (s Step) Answer() string { return s.fixed().answer }

// Next is the next node id, or the code reached, e.g. "405".
func (s Step) Next() string { return s.fixed().next }

// Ref is the node's section, "RFC 9110 §15.5.6".
func (s Step) Ref() string { return s.fixed().ref }

// Link is that section on rfc-editor.org.
func (s Step) Link() string { return s.fixed().link }

// Guide is the node's guide anchor id, e.g. "method-handling".
func (s Step) Guide() string { return s.fixed().guide }

// stepJSON is a Step as JSON, its fields in the order they always had.
type stepJSON struct {
	Node     string `json:"node"`
	Question string `json:"question"`
	Ref      string `json:"ref"`
	Link     string `json:"link"`
	Guide    string `json:"guide"`
	Answer   string `json:"answer"`
	Next     string `json:"next"`
	Input    string `json:"input"`
}

// MarshalJSON writes the step with its node's section, link and guide.
func (s Step) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	// The encoder that called escapes <, > and & again if it is told to.
	enc.SetEscapeHTML(false)
	err := enc.Encode(stepJSON{s.Node(), s.Question, s.Ref(), s.Link(), s.Guide(), s.Answer(), s.Next(), s.Input})
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), err
}

// UnmarshalJSON reads a step as MarshalJSON writes it.
func (s *Step) UnmarshalJSON(data []byte) error {
	var j stepJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return err
	}
	*s = Step{Question: j.Question, Input: j.Input, at: &stepFixed{j.Node, j.Answer, j.Next, j.Ref, j.Link, j.Guide}}
	return nil
}

// Advice is a header to send with the answer.
type Advice struct {
	Name  string `json:"name"`
	Value string `json:"value"` // a suggested value, derived from the case where possible
	Need  string `json:"need"`  // "must", "should" or "may", as the spec words it
	Why   string `json:"why"`
	Ref   string `json:"ref"`
}

// Note explains a mistake people make near this verdict.
type Note struct {
	Title string `json:"title"` // "Why not 403?"
	Text  string `json:"text"`
	Guide string `json:"guide"`
}

// Names are what to type for the code in each of nine ecosystems (drf,
// go, python, spring, aspnet, rails, rust, node, java): the constant, or
// where there is none, what to write instead and why.
type Names = status.Names

// Brief is another decision in short.
type Brief struct {
	Profile Profile `json:"profile,omitempty"`
	Code    int     `json:"code"`
	Reason  string  `json:"reason"`
	Why     string  `json:"why"`
	// Headers go with the final code that follows an interim answer
	// (Then): a 201's Location is part of that answer.
	Headers []Advice `json:"headers,omitempty"`
}
