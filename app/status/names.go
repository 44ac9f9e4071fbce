package status

import (
	"strconv"
	"strings"
	"sync"
)

// Ecosystem is a language or framework whose names for the codes the
// registry knows.
type Ecosystem struct {
	Key   string // the key in a decision's constants: "drf"
	Short string // "DRF"
	Title string // "Django REST Framework", what the names belong to
	lib   string // what has no name, in a sentence: "rest_framework.status"
}

// Ecosystems lists the nine, in the order of the table's columns.
var Ecosystems = [...]Ecosystem{
	{"drf", "DRF", "Django REST Framework (rest_framework.status)", "rest_framework.status"},
	{"go", "Go", "Go (net/http)", "Go's net/http"},
	{"python", "Python", "Python (http.HTTPStatus)", "Python's http.HTTPStatus"},
	{"spring", "Spring", "Spring (HttpStatus)", "Spring's HttpStatus"},
	{"aspnet", "ASP.NET Core", "ASP.NET Core (StatusCodes)", "ASP.NET Core's StatusCodes"},
	{"rails", "Rails", "Rails (Rack's status symbols)", "Rack"},
	{"rust", "Rust", "Rust (http::StatusCode)", "Rust's http crate"},
	{"node", "Node.js", "Node.js (http)", "Node.js"},
	{"java", "Java", "Java (java.net.HttpURLConnection)", "HttpURLConnection"},
}

// Name is what to type for a code in one ecosystem.
type Name struct {
	// Name is the constant exactly as a programmer types it
	// ("status.HTTP_409_CONFLICT"), or "" when the ecosystem has none.
	Name string `json:"name,omitempty"`
	// Instead is what to write when there is no name: the number, or the
	// call that makes a status from it.
	Instead string `json:"instead,omitempty"`
	// Note says why there is no name, or what to know about the one there
	// is (deprecated, renamed, an older alias).
	Note string `json:"note,omitempty"`
}

// Type is what to type: the name, or what to write instead.
func (n Name) Type() string {
	if n.Name != "" {
		return n.Name
	}
	return n.Instead
}

// Names holds a code's name in each of the nine ecosystems, keyed as the
// decision's JSON shows them.
type Names struct {
	DRF    Name `json:"drf"`
	Go     Name `json:"go"`
	Python Name `json:"python"`
	Spring Name `json:"spring"`
	ASPNET Name `json:"aspnet"`
	Rails  Name `json:"rails"`
	Rust   Name `json:"rust"`
	Node   Name `json:"node"`
	Java   Name `json:"java"`
}

// List gives the nine in the order of Ecosystems.
func (n Names) List() [len(Ecosystems)]Name {
	return [...]Name{n.DRF, n.Go, n.Python, n.Spring, n.ASPNET, n.Rails, n.Rust, n.Node, n.Java}
}

func (c Code) index(key string) int {
	for i, e := range Ecosystems {
		if e.Key == key {
			return i
		}
	}
	return -1
}

// Get is the name for an ecosystem's key, or false for an unknown key.
func (n Names) Get(key string) (Name, bool) {
	for i, e := range Ecosystems {
		if e.Key == key {
			return n.List()[i], true
		}
	}
	return Name{}, false
}

// Names is what to type for the code in every ecosystem, worked out once
// per registered code, when it is first asked for (not at start-up: the
// wasm client's boot pays for every init).
func (c Code) Names() Names {
	if _, ok := byCode[c.Code]; !ok {
		return c.names()
	}
	if n, ok := namesOf.Load(c.Code); ok {
		return n.(Names)
	}
	n := byCode[c.Code].names()
	namesOf.Store(c.Code, n)
	return n
}

var namesOf sync.Map // int → Names

func (c Code) names() Names {
	var l [len(Ecosystems)]Name
	for i, e := range Ecosystems {
		l[i] = c.name(i, e)
	}
	return Names{l[0], l[1], l[2], l[3], l[4], l[5], l[6], l[7], l[8]}
}

func (c Code) name(i int, e Ecosystem) Name {
	num := strconv.Itoa(c.Code)
	cell := c.cells[i]
	note := c.noteFor(e.Key)
	if e.Key == "node" {
		// Node names no constants; its table holds the text it prints.
		n := Name{Instead: num}
		if cell == "" {
			n.Note = "Node.js has no named constants: write the number. http.STATUS_CODES[" + num + "] is undefined, so Node has no text for it either."
		} else {
			n.Note = "Node.js has no named constants: write the number. http.STATUS_CODES[" + num + "] is its text, “" + cell + "”."
		}
		return n
	}
	if cell == "" {
		instead := num
		switch e.Key {
		case "spring":
			instead = "HttpStatusCode.valueOf(" + num + ")"
		case "rust":
			instead = "StatusCode::from_u16(" + num + ").unwrap()"
		}
		why := e.lib + " has no name for " + num + ": write " + instead + "."
		return Name{Instead: instead, Note: joinNotes(why, note)}
	}
	switch e.Key {
	case "drf":
		cell = "status." + cell
	case "go":
		cell = "http." + cell
	}
	return Name{Name: cell, Note: note}
}

func joinNotes(a, b string) string {
	if b == "" {
		return a
	}
	return a + " " + b
}

// noteFor picks, from the sources' notes on the code, the parts about one
// ecosystem ("spring: …; java: …"). Rack's notes are the Rails ones.
func (c Code) noteFor(key string) string {
	var out []string
	for _, part := range splitNotes(c.notes) {
		who, text, ok := strings.Cut(part, ": ")
		if !ok {
			continue
		}
		if who == "rack" {
			who = "rails"
		}
		// "HTTP_RESET" or "abbreviated HTTP_RESET" only repeats the name.
		if who == key && !strings.HasSuffix(c.cells[c.index(key)], strings.TrimPrefix(text, "abbreviated ")) {
			out = append(out, upperFirst(text)+".")
		}
	}
	return strings.Join(out, " ")
}

// splitNotes cuts the notes at the semicolons that are not inside
// parentheses (a quoted source comment there may hold one).
func splitNotes(s string) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
		case ';':
			if depth == 0 {
				parts = append(parts, strings.TrimSpace(s[start:i]))
				start = i + 1
			}
		}
	}
	if rest := strings.TrimSpace(s[start:]); rest != "" {
		parts = append(parts, rest)
	}
	return parts
}

// upperFirst starts a sentence, but leaves an identifier as it is spelt
// ("canonical_reason() says …").
func upperFirst(s string) string {
	word, _, _ := strings.Cut(s, " ")
	if s == "" || s[0] < 'a' || s[0] > 'z' || strings.ContainsAny(word, "_()") {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
