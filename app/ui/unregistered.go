package ui

import (
	"encoding/json"
	"strconv"
	"strings"
	"sync"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// unregisteredCode is a code people meet that IANA does not register
// (html/unregistered.json, written in content/unregistered.json).
type unregisteredCode struct {
	Code        int    `json:"code"`
	Vendor      string `json:"vendor"`
	Name        string `json:"name"`
	Who         string `json:"who"`
	Means       string `json:"means"`
	Instead     string `json:"instead"`
	Source      string `json:"source"`
	SourceTitle string `json:"source_title"`
	HTML        string `json:"html"` // the card, rendered when the content is built
}

var (
	unregOnce sync.Once
	unreg     []unregisteredCode
)

func unregisteredCodes() []unregisteredCode {
	unregOnce.Do(func() {
		if json.Unmarshal(readData(unregisteredFile), &unreg) != nil {
			unreg = nil
		}
	})
	return unreg
}

// matchUnregistered: the number, or every word of the query somewhere in
// the entry.
func matchUnregistered(u unregisteredCode, q string) bool {
	if q == "" {
		return true
	}
	if _, err := strconv.Atoi(q); err == nil {
		return strings.HasPrefix(strconv.Itoa(u.Code), q)
	}
	if len(q) == 3 && q[1:] == "xx" {
		return strconv.Itoa(u.Code)[:1] == q[:1]
	}
	hay := fold(strings.Join([]string{u.Vendor, u.Name, u.Who, u.Means}, " "))
	for _, w := range strings.Fields(fold(q)) {
		if !hasWord(hay, w) {
			return false
		}
	}
	return true
}

// unregisteredSection is the reference's part for the codes servers and
// proxies send that are not registered: never an answer here, explained
// so that a learner who meets one knows what it is and what a correct
// server would say.
func unregisteredSection(q string) app.UI {
	var groups []app.UI
	var cards []app.UI
	vendor := ""
	flush := func() {
		if len(cards) > 0 {
			groups = append(groups, el("div", "unreg-vendor", txt("h3", "", vendor), el("div", "codes", cards...)))
		}
		cards = nil
	}
	n := 0
	for _, u := range unregisteredCodes() {
		if !matchUnregistered(u, strings.ToLower(q)) {
			continue
		}
		if u.Vendor != vendor {
			flush()
			vendor = u.Vendor
		}
		cards = append(cards, unregCard(u))
		n++
	}
	flush()
	if n == 0 {
		return nil
	}
	return el("section", "unregistered",
		txt("h2", "", "Codes you will meet that are not registered").ID("unregistered"),
		txt("p", "lede", "Servers and proxies send (or log) these numbers, but IANA does not register them and no RFC defines them. This site never gives one as an answer: each card says what a correct server would send instead."),
		el("div", "", groups...),
	).Aria("labelledby", "unregistered")
}

// unregCard is the card, trusted HTML of our own content (its text escaped
// by the generator): inserted whole, it costs app.wasm no element code.
func unregCard(u unregisteredCode) app.UI { return app.Raw(u.HTML) }
