package engine

import "whichstatus/app/status"

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
// decision owns its trace.
type Step struct {
	Node     string `json:"node"`     // stable id, e.g. "method-allowed"
	Question string `json:"question"` // "Does the endpoint allow POST?"
	Ref      string `json:"ref"`      // "RFC 9110 §15.5.6"
	Link     string `json:"link"`
	Guide    string `json:"guide"`  // guide anchor id, e.g. "method-handling"
	Answer   string `json:"answer"` // "yes" or "no"
	Next     string `json:"next"`   // the next node id, or the code reached, e.g. "405"
	Input    string `json:"input"`  // what decided it: a header, a fact, a default
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
