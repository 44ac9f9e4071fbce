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
}

// Step is one question the engine asked, in order. Everything but the
// input is the same whenever a node answers the same way to the same
// method, so it is shared between steps and decisions: read it, never
// write through it. JSON shows all the fields side by side.
type Step struct {
	*Answered
	Input string `json:"input"` // what decided it: a header, a fact, a default
}

// Answered is the part of a step that depends only on the node, the method
// and the answer.
type Answered struct {
	Node     string `json:"node"`     // stable id, e.g. "method-allowed"
	Question string `json:"question"` // "Does the endpoint allow POST?"
	Ref      string `json:"ref"`      // "RFC 9110 §15.5.6"
	Link     string `json:"link"`
	Guide    string `json:"guide"`  // guide anchor id, e.g. "method-handling"
	Answer   string `json:"answer"` // "yes" or "no"
	Next     string `json:"next"`   // the next node id, or the code reached, e.g. "405"
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
}
