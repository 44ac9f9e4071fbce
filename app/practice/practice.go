// Package practice is the playground's practice mode: questions that ask
// "which code for this request?", the sets they come in, the schedule that
// brings missed ones back sooner, and the learner's progress as it is kept
// on the device.
//
// There is no answer list. A question is a scenario's case, or a variation
// of it with one fact changed, and its answer is whatever the engine
// decides for it when it is asked, so practice can never disagree with the
// playground. It is plain Go: it imports the scenarios, the engine and the
// status registry, and is imported only by the UI.
package practice

import (
	"slices"
	"sort"
	"strings"
	"sync"

	"whichstatus/app/engine"
	"whichstatus/app/scenario"
)

// Question is one case to judge.
type Question struct {
	ID       string // the scenario's id, or "<scenario>~<variation>"
	Scenario string // the scenario it comes from
	// Prompt is the situation in words, without the answer.
	Prompt string
	// Change is the one fact a variation changed, in words; "" for a
	// scenario as it is.
	Change string
	Case   engine.Case
	code   int // the engine's answer, asked when the pool is built
}

// Decide asks the engine for the whole answer: it is the playground's
// answer for the same case.
func (q *Question) Decide() engine.Decision { return engine.Recommend(q.Case) }

// Code is the engine's answer, as it decided when practice first needed
// the questions (in this run of the program, never stored).
func (q *Question) Code() int { return q.code }

// prompts replace a scenario's story where the story argues its answer
// ("although 403 is tempting, …"): a question must not say which code it
// is after, nor which one it is not.
var prompts = map[string]string{
	"expect-continue-import":   "Before uploading a large list of users to POST /api/users/import/, the client sends only the headers, with an Expect header, and waits to hear that the server will take the body.",
	"download-first-bytes":     "A client asks for the first bytes of the 10,000-byte export at /api/exports/12/file/ with Range: bytes=0-499, and the endpoint serves byte ranges.",
	"bad-input-is-not-500":     "A client POSTs form-encoded text to /api/orders/ while its Content-Type says JSON, and the view's JSON parser throws an exception.",
	"error-is-not-200":         "A client asks GET /api/orders/555/ for an order that does not exist. The developer plans to send the body {\"error\": \"not found\"}.",
	"failed-login-is-not-404":  "A client POSTs a username that has no account, and a password, to /api/login/. The server looked the user up and found nobody.",
	"not-logged-in-is-not-403": "A client with no token asks GET /api/users/42/, an endpoint for signed-in users only.",
	"zero-quantity-order":      "A client POSTs an order for 0 items to /api/orders/. The JSON is well-formed; the API's rule is that the quantity must be at least 1.",
	// The request gets 102 first and 201 after: the question asks for the
	// first.
	// A variation's own prompt, where the scenario's says what the
	// variation changes: DRF's OPTIONS always describes the view in a body.
	"create-user~rule":                           "A client POSTs a new user's name and e-mail to /api/users/.",
	"conditional-get~gone":                       "A client that cached user 42 with ETag \"v7\" asks GET /api/users/42/ with If-None-Match: \"v7\".",
	"conditional-get~missing":                    "A client that cached user 42 with ETag \"v7\" asks GET /api/users/42/ with If-None-Match: \"v7\".",
	"payments-temporarily-elsewhere~keep-method": "While the payments table is migrated, POST /api/payments/ is served for a few hours at /api/payments-b/.",
	"payments-temporarily-elsewhere~how-long":    "POST /api/payments/ is now served at /api/payments-b/, and the client must repeat the same POST and body there.",
	"moved-post-keeps-method~keep-method":        "A client POSTs a new order to /api/v1/orders/, which now lives for good at /api/v2/orders/.",
	"moved-post-keeps-method~how-long":           "A client POSTs a new order to /api/v1/orders/, which is now served at /api/v2/orders/, and the POST and its body must be repeated there rather than turned into a GET.",
	"options-users~profile":                      "A client sends OPTIONS /api/users/ to learn what it may do with the users list, which allows GET and POST; the view keeps DRF's default metadata class.",
	"long-running-report":                        "A client POSTs to /api/reports/ for a yearly sales report that takes over a minute to build, and the server keeps the connection open until the report exists. What does the server send first, while it builds the report?",
}

// skips are the variations a scenario's prompt rules out: the prompt
// says the very fact they would change ("for good", "may be another user
// tomorrow"), or the change makes no sense for its URL.
var skips = map[string][]string{
	"old-endpoint-moved":    {"how-long"},
	"current-user-redirect": {"how-long"},
}

// codesIn finds the status codes written in a text: three digits from
// 100 to 599 standing alone ("Why not 400 or 422?" → 400, 422). A regular
// expression would say it shorter, and cost app.wasm more.
func codesIn(s string) []int {
	var out []int
	digit := func(i int) bool { return i >= 0 && i < len(s) && s[i] >= '0' && s[i] <= '9' }
	for i := 0; i+3 <= len(s); i++ {
		if s[i] >= '1' && s[i] <= '5' && digit(i+1) && digit(i+2) && !digit(i-1) && !digit(i+3) {
			out = append(out, int(s[i]-'0')*100+int(s[i+1]-'0')*10+int(s[i+2]-'0'))
		}
	}
	return out
}

// pool is every question, built the first time practice needs it (never
// at start-up: the playground does not pay for practice).
var pool = sync.OnceValue(func() []*Question {
	var all []*Question
	for _, s := range scenario.All() {
		prompt := s.Story
		if p, ok := prompts[s.ID]; ok {
			prompt = p
		}
		base := &Question{ID: s.ID, Scenario: s.ID, Prompt: prompt, Case: s.Case}
		base.code = base.Decide().Code
		all = append(all, base)
		for _, v := range variations {
			if slices.Contains(skips[s.ID], v.id) {
				continue
			}
			c := clone(s.Case)
			words := v.apply(&c)
			if words == "" {
				continue
			}
			q := &Question{ID: s.ID + "~" + v.id, Scenario: s.ID, Prompt: prompt, Change: words, Case: c}
			if p, ok := prompts[q.ID]; ok {
				q.Prompt = p
			}
			if q.code = q.Decide().Code; q.code != base.code { // a change that changes nothing teaches nothing
				dropLocation(q)
				all = append(all, q)
			}
		}
	}
	return all
})

// dropLocation: where a variation's answer is neither a 201 nor a
// redirect, the URL of what was created or moved means nothing, and the
// facts should not show it (when the engine agrees it means nothing).
func dropLocation(q *Question) {
	r := &q.Case.Situation.Resource
	if r.Location == "" || q.code == 201 || q.code/100 == 3 {
		return
	}
	keep := r.Location
	if r.Location = ""; engine.Recommend(q.Case).Code != q.code {
		r.Location = keep
	}
}

// All is every question: each scenario, then its variations.
func All() []*Question { return pool() }

// ByID finds a question.
func ByID(id string) *Question {
	for _, q := range pool() {
		if q.ID == id {
			return q
		}
	}
	return nil
}

// Variations is the questions made from one scenario, itself excluded.
func Variations(scenarioID string) []*Question {
	var out []*Question
	for _, q := range pool() {
		if q.Scenario == scenarioID && q.Change != "" {
			out = append(out, q)
		}
	}
	return out
}

// Topic is a group of codes learned together: the look-alikes, and the
// rest by class.
type Topic struct {
	ID, Title string
	Codes     []int // nil: every code of Class not in another topic
	Class     int
}

// Topics in the order they are shown.
var Topics = []Topic{
	{ID: "success", Title: "Success: 200, 201, 202, 204, 206", Codes: []int{200, 201, 202, 204, 206}},
	{ID: "redirect", Title: "Redirects: 301, 302, 303, 307, 308", Codes: []int{301, 302, 303, 307, 308}},
	{ID: "auth", Title: "Who are you, and may you? 401 and 403", Codes: []int{401, 403}},
	{ID: "input", Title: "Bad input: 400 and 422", Codes: []int{400, 422}},
	{ID: "missing", Title: "Not there: 404 and 410", Codes: []int{404, 410}},
	{ID: "upstream", Title: "Server trouble: 500, 502, 503, 504", Codes: []int{500, 502, 503, 504}},
	{ID: "1xx", Title: "Interim answers (1xx)", Class: 1},
	{ID: "3xx", Title: "Other redirection (3xx)", Class: 3},
	{ID: "4xx", Title: "Other client errors (4xx)", Class: 4},
	{ID: "5xx", Title: "Other server errors (5xx)", Class: 5},
	{ID: "2xx", Title: "Other success (2xx)", Class: 2},
}

// TopicOf is the topic of a code.
func TopicOf(code int) *Topic {
	for i := range Topics {
		if slices.Contains(Topics[i].Codes, code) {
			return &Topics[i]
		}
	}
	for i := range Topics {
		if Topics[i].Codes == nil && Topics[i].Class == code/100 {
			return &Topics[i]
		}
	}
	return &Topics[len(Topics)-1]
}

// Set is a list of questions with a purpose.
type Set struct {
	ID, Title, About string
	// Easy sets offer four choices rather than the whole palette.
	Easy bool
	// Promise is the codes the set is about: each is the answer of at
	// least one of its questions (a test holds every set to it).
	Promise []int
	// pick chooses the questions from the pool; nil takes ids.
	pick func(q *Question, code int) bool
	ids  []string
}

// Sets is every set, in the order they are offered.
var Sets = []*Set{
	{ID: "checkpoint", Title: "Check yourself: the first four", Easy: true,
		About:   "The first four questions of the guide's Check yourself, and their neighbours: make a user, tell 401 from 403, delete something, tell 400 from 422.",
		Promise: []int{201, 401, 403, 204, 400, 422},
		ids:     []string{"create-user", "missing-token", "delete-someone-elses-account", "delete-order", "invalid-json", "negative-amount"}},
	{ID: "mistakes", Title: "The three common mistakes", Easy: true,
		About:   "Errors sent as 200, a failed login sent as 404, a missing login sent as 403: the answers people most often get wrong.",
		Promise: []int{404, 500, 422, 401, 403},
		ids:     []string{"error-is-not-200", "crash", "zero-quantity-order", "failed-login-is-not-404", "bad-login", "not-logged-in-is-not-403", "expired-token", "delete-someone-elses-account"}},
	{ID: "lookalikes", Title: "Look-alikes, mixed",
		About:   "Codes that are easy to confuse, shuffled together, so you learn what tells them apart.",
		Promise: []int{401, 403, 400, 422, 404, 410, 301, 302, 307, 308, 200, 201, 204, 502, 503, 504},
		pick: func(q *Question, code int) bool {
			t := TopicOf(code)
			return t.Codes != nil && code != 202 && code != 206 && code != 500 && code != 303
		}},
	{ID: "1xx", Title: "Interim answers: 1xx", Promise: []int{100, 101, 102}, pick: class(1)},
	{ID: "2xx", Title: "Success: 2xx", Promise: []int{200, 201, 202, 204, 206}, pick: class(2)},
	{ID: "3xx", Title: "Redirection: 3xx", Promise: []int{301, 302, 303, 304, 307, 308}, pick: class(3)},
	{ID: "4xx", Title: "Client errors: 4xx", Promise: []int{400, 401, 403, 404, 405, 409, 410, 422, 429}, pick: class(4)},
	{ID: "5xx", Title: "Server errors: 5xx", Promise: []int{500, 501, 502, 503, 504}, pick: class(5)},
	{ID: "review", Title: "Mixed review",
		About: "Everything: the questions you missed come first, and the ones you know well come back only now and then.",
		pick:  func(*Question, int) bool { return true }},
}

func class(c int) func(*Question, int) bool {
	return func(_ *Question, code int) bool { return code/100 == c }
}

func init() {
	for _, s := range Sets[3:8] {
		s.About = "Every question whose answer is a " + s.ID + " code, scenarios and their variations."
	}
}

// SetByID finds a set; nil when there is none.
func SetByID(id string) *Set {
	for _, s := range Sets {
		if s.ID == id {
			return s
		}
	}
	return nil
}

// Questions is the set's questions, in a fixed order that mixes them
// (look-alikes are interleaved, not grouped): the order of a hash of
// their ids, so that every visit and every test sees the same list.
func (s *Set) Questions() []*Question {
	var out []*Question
	if s.pick == nil {
		for _, id := range s.ids {
			if q := ByID(id); q != nil {
				out = append(out, q)
			}
		}
		return out // the guide's own order
	}
	for _, q := range pool() {
		if s.pick(q, q.Code()) {
			out = append(out, q)
		}
	}
	// sort, not slices: each slices.SortFunc instantiation adds its own
	// copy of the sorting code to app.wasm.
	sort.Slice(out, func(i, j int) bool { return hash(out[i].ID) < hash(out[j].ID) })
	return out
}

// hash is FNV-1a, folded to 31 bits so that differences fit an int.
func hash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h >> 1
}

// Choices is four codes for the easy level: the answer, the codes the
// engine's notes warn about near it, and then its look-alikes and its
// class's common codes, in an order that does not give the answer away.
func Choices(q *Question, d engine.Decision) []int {
	out := []int{d.Code}
	add := func(c int) {
		if len(out) < 4 && c != 0 && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	// At most two the notes name, one look-alike: the rest from other
	// classes, so that the class alone does not give the answer.
	for _, n := range d.Notes {
		for _, c := range codesIn(n.Title) {
			if len(out) < 3 {
				add(c)
			}
		}
	}
	for _, c := range TopicOf(d.Code).Codes {
		if len(out) < 3 && c != d.Code {
			add(c)
			break
		}
	}
	for _, c := range []int{200, 400, 404, 500, 201, 403, 409} {
		add(c)
	}
	h := hash(q.ID)
	for i := len(out) - 1; i > 0; i-- {
		j := int(h % uint32(i+1))
		h = h*1103515245 + 12345
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// clone copies a case deeply enough that a variation can change it.
func clone(c engine.Case) engine.Case {
	c.Request.Headers = slices.Clone(c.Request.Headers)
	c.Situation.Endpoint.AllowedMethods = slices.Clone(c.Situation.Endpoint.AllowedMethods)
	return c
}

// header is the value of a request header, "" when absent.
func header(c *engine.Case, name string) string {
	for _, h := range c.Request.Headers {
		if strings.EqualFold(h.Name, name) {
			return h.Value
		}
	}
	return ""
}

// dropHeaders removes headers by name.
func dropHeaders(c *engine.Case, names ...string) {
	var keep []engine.Header
next:
	for _, h := range c.Request.Headers {
		for _, n := range names {
			if strings.EqualFold(n, h.Name) {
				continue next
			}
		}
		keep = append(keep, h)
	}
	c.Request.Headers = keep
}
