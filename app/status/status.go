// Package status is the registry of HTTP status codes: every code IANA
// registers, with its reason phrase as RFC 9110 names it, the section that
// defines it, a one-line meaning in our words, and the names a programmer
// types for it in nine ecosystems (Django REST Framework, Go, Python,
// Spring, ASP.NET Core, Rails, Rust, Node.js and Java), all read from one
// table, registry.tsv.
//
// It is plain Go and imports nothing of the project: the engine, the
// scenarios, the UI and the command all read it.
package status

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Usage says whether a code may be given as advice.
type Usage int

const (
	InUse      Usage = iota // defined and fine to send
	Deprecated              // still registered, but its own spec family dropped it
	Reserved                // registered but reserved for future use (402)
	Unused                  // must not be sent (306, 418)
	Temporary               // a temporary IANA registration (104)
	Obsolete                // its spec is historic (510)
)

func (u Usage) String() string {
	switch u {
	case Deprecated:
		return "deprecated"
	case Reserved:
		return "reserved"
	case Unused:
		return "unused"
	case Temporary:
		return "temporary"
	case Obsolete:
		return "obsolete"
	}
	return "in use"
}

// Code is one registered status code.
type Code struct {
	Code     int
	Phrase   string // the reason phrase of RFC 9110, or of the RFC that registers the code
	Formerly string // an older phrase, where a later RFC renamed the code
	Spec     string // "RFC 9110"
	Section  string // "15.5.2"
	DRF      string // rest_framework.status constant, "" when DRF has none
	Go       string // net/http constant, "" when Go has none
	Meaning  string // one line, our words
	Usage    Usage

	cells [len(Ecosystems)]string // the table's ecosystem columns, as the sources spell them
	notes string                  // the sources' notes on those names
}

// Class is the first digit: 1 informational … 5 server error.
func (c Code) Class() int { return c.Code / 100 }

// Recommendable reports whether the engine may ever answer with this code.
func (c Code) Recommendable() bool { return c.Usage == InUse || c.Usage == Deprecated }

// Ref is the citation, e.g. "RFC 9110 §15.5.2".
func (c Code) Ref() string {
	if c.Section == "" {
		return c.Spec
	}
	return c.Spec + " §" + c.Section
}

// URL links to the defining section on rfc-editor.org, or to the IANA
// registry for a code without an RFC.
func (c Code) URL() string { return SpecURL(c.Spec, c.Section) }

// SpecURL builds a link to a section of an RFC ("RFC 9110", "13.2.2").
func SpecURL(spec, section string) string {
	n, ok := strings.CutPrefix(spec, "RFC ")
	if _, err := strconv.Atoi(n); !ok || err != nil {
		return "https://www.iana.org/assignments/http-status-codes/"
	}
	u := "https://www.rfc-editor.org/rfc/rfc" + n
	if section != "" {
		u += "#section-" + section
	}
	return u
}

// Text is "404 Not Found".
func (c Code) Text() string { return strconv.Itoa(c.Code) + " " + c.Phrase }

// ClassName names a class in words, for people who cannot see its colour.
func ClassName(class int) string {
	switch class {
	case 1:
		return "Informational"
	case 2:
		return "Success"
	case 3:
		return "Redirection"
	case 4:
		return "Client error"
	case 5:
		return "Server error"
	}
	return "Unknown"
}

var byCode = func() map[int]*Code {
	m := make(map[int]*Code, len(registry))
	for i := range registry {
		m[registry[i].Code] = &registry[i]
	}
	return m
}()

// Lookup returns the registered code, or false.
func Lookup(code int) (Code, bool) {
	c, ok := byCode[code]
	if !ok {
		return Code{}, false
	}
	return *c, true
}

// MustLookup is Lookup for codes the program itself names.
func MustLookup(code int) Code {
	c, ok := Lookup(code)
	if !ok {
		panic(fmt.Sprintf("status: %d is not a registered code", code))
	}
	return c
}

// All returns every registered code in numeric order.
func All() []Code {
	out := make([]Code, len(registry))
	copy(out, registry)
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}
