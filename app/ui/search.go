package ui

import (
	"sort"
	"strconv"
	"strings"

	"whichstatus/app/status"
)

// The reference's search ranks every code against what the learner typed,
// field by field, and says which field matched. A number matches by its
// digits ("42" finds 422), "5xx" a class; words are tried against, in this
// order of weight: the phrase, the former phrase, our keywords, the names
// in the nine ecosystems, the one-line meaning, then the guide's text on
// the code.

// Weights of a match, highest first. A whole query that equals a field
// beats one found inside it.
const (
	wNumber       = 1000
	wNumberPrefix = 900
	wClass        = 800
	wPhrase       = 700
	wInPhrase     = 650
	wFormerly     = 600
	wKeyword      = 560
	wInKeyword    = 540
	wHasKeyword   = 500
	wConstant     = 450
	wMeaning      = 400
	wGuide        = 200
	wWords        = 100 // every word found somewhere, but not together
)

// codeMatch is a code that answers the search, how well, and why.
type codeMatch struct {
	Code  status.Code
	Score int
	Why   string // "keyword “login”", "phrase", "the guide's text"
}

// fold lowers a text and turns punctuation into spaces, so that "Logged-in?"
// and "logged in" compare equal. Letters, digits and the characters of
// header names and versions ("If-None-Match", "HTTP/1.1") stay.
func fold(s string) string {
	var b strings.Builder
	space := true
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '/', r == '.', r == '\'', r > 127 && r != '“' && r != '”' && r != '’' && r != '‘':
			b.WriteRune(r)
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	// A full stop ends a sentence, not a name: "login." is "login".
	return strings.Trim(b.String(), " .")
}

// hasWord reports whether q occurs in s starting at a word: "log" is in
// "logged in", "ogg" is not. Both are folded.
func hasWord(s, q string) bool {
	if q == "" {
		return false
	}
	for i := 0; ; {
		j := strings.Index(s[i:], q)
		if j < 0 {
			return false
		}
		if k := i + j; k == 0 || s[k-1] == ' ' || s[k-1] == '/' {
			return true
		}
		i += j + 1
	}
}

// variants are the query and its singular, so "permissions" finds
// "permission".
func variants(q string) []string {
	if len(q) > 5 && strings.HasSuffix(q, "s") && !strings.HasSuffix(q, "ss") {
		return []string{q, q[:len(q)-1]}
	}
	return []string{q}
}

// codeText is what the search reads of one code, folded once.
type codeText struct {
	phrase, formerly, meaning, guide string
	keywords                         []string
	members, names                   []string // "http_409_conflict" of "status.HTTP_409_CONFLICT", and the name
	formerlyText                     string
	usable                           bool // in use: the codes not to send rank lower
}

func textOf(c status.Code) codeText {
	t := codeText{phrase: fold(c.Phrase), formerly: fold(c.Formerly), meaning: fold(c.Meaning),
		formerlyText: c.Formerly, usable: c.Recommendable()}
	num := strconv.Itoa(c.Code)
	if n, ok := codeNoteFor(num); ok {
		for _, k := range n.Keywords {
			t.keywords = append(t.keywords, fold(k))
		}
	}
	if html, ok := guideSection("status-" + num); ok {
		t.guide = fold(plain(html))
	}
	for _, n := range c.Names().List() {
		if n.Name == "" {
			continue
		}
		// The member, past the package or class: "HTTPStatus" must not
		// answer "https".
		m := n.Name
		if i := strings.LastIndexAny(m, ".:"); i >= 0 {
			m = m[i+1:]
		}
		t.members = append(t.members, strings.ToLower(m))
		t.names = append(t.names, n.Name)
	}
	return t
}

// best is the strongest field the whole query q matches in t, or 0; raw
// is the query as typed, lowered, for the constants ("http_409").
func (t codeText) best(q, raw string) (int, string) {
	score, why := t.field(q, raw)
	if score > 0 && !t.usable {
		score -= 150 // 418, 306, 104…: found, but after the codes to send
	}
	return score, why
}

func (t codeText) field(q, raw string) (int, string) {
	for _, v := range variants(q) {
		switch {
		case t.phrase == v:
			return wPhrase, "phrase"
		case hasWord(t.phrase, v):
			return wInPhrase, "phrase"
		case hasWord(t.formerly, v):
			return wFormerly, "formerly “" + t.formerlyText + "”"
		}
	}
	for _, v := range variants(q) {
		for _, k := range t.keywords {
			if k == v {
				return wKeyword, "keyword “" + k + "”"
			}
		}
	}
	for _, v := range variants(q) {
		for _, k := range t.keywords {
			if hasWord(k, v) {
				return wInKeyword, "keyword “" + k + "”"
			}
		}
	}
	for _, k := range t.keywords {
		// The query holds a whole keyword: "user not logged in".
		if len(k) >= 4 && strings.Contains(" "+q+" ", " "+k+" ") {
			return wHasKeyword, "keyword “" + k + "”"
		}
	}
	if len(raw) >= 3 {
		for i, m := range t.members {
			// The member ("409_conflict"), or the whole name when the
			// query has its punctuation ("httpstatus.conflict").
			if strings.Contains(m, raw) || strings.ContainsAny(raw, ".:") && strings.Contains(strings.ToLower(t.names[i]), raw) {
				return wConstant, "constant " + t.names[i]
			}
		}
	}
	for _, v := range variants(q) {
		if hasWord(t.meaning, v) {
			return wMeaning, "meaning"
		}
	}
	for _, v := range variants(q) {
		if hasWord(t.guide, v) {
			return wGuide, "the guide's text"
		}
	}
	return 0, ""
}

// frequencyRank orders codes of equal score: the everyday ones first.
var frequencyRank = map[string]int{"everyday": 3, "occasional": 2, "specialised": 1}

// searchCodes ranks the codes that answer q, best first. An empty query
// gives nothing: the page then lists every code by class.
func searchCodes(q string) []codeMatch {
	q = strings.TrimSpace(strings.ToLower(q))
	if q == "" {
		return nil
	}
	var out []codeMatch
	all := status.All()
	if _, err := strconv.Atoi(q); err == nil {
		for _, c := range all {
			if num := strconv.Itoa(c.Code); num == q {
				out = append(out, codeMatch{c, wNumber, "number"})
			} else if strings.HasPrefix(num, q) {
				out = append(out, codeMatch{c, wNumberPrefix, "number"})
			}
		}
		return rank(out)
	}
	if len(q) == 3 && q[1:] == "xx" && q[0] >= '1' && q[0] <= '5' {
		for _, c := range all {
			if c.Class() == int(q[0]-'0') {
				out = append(out, codeMatch{c, wClass, "class " + q})
			}
		}
		return rank(out)
	}
	fq := fold(q)
	words := contentWords(fq)
	for _, c := range all {
		t := textsOf(c)
		if score, why := t.best(fq, q); score > 0 {
			out = append(out, codeMatch{c, score, why})
			continue
		}
		if len(words) < 2 {
			continue
		}
		// Every word somewhere: weaker than the words together.
		why := ""
		for i, w := range words {
			s, y := t.best(w, w)
			if s == 0 {
				why = ""
				break
			}
			if i == 0 {
				why = "words in: " + y
			}
		}
		if why != "" {
			out = append(out, codeMatch{c, wWords, why})
		}
	}
	return rank(out)
}

func rank(m []codeMatch) []codeMatch {
	// A total order, so sort.Slice (which the registry links anyway) will do.
	sort.Slice(m, func(i, j int) bool {
		a, b := m[i], m[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		fa, fb := frequencyOf(a.Code.Code), frequencyOf(b.Code.Code)
		if fa != fb {
			return fa > fb
		}
		return a.Code.Code < b.Code.Code
	})
	return m
}

func frequencyOf(code int) int {
	n, _ := codeNoteFor(strconv.Itoa(code))
	return frequencyRank[n.Frequency]
}

// texts caches each code's folded text: the search runs on every key.
var texts map[int]codeText

func textsOf(c status.Code) codeText {
	if texts == nil {
		texts = map[int]codeText{}
	}
	t, ok := texts[c.Code]
	if !ok {
		t = textOf(c)
		texts[c.Code] = t
	}
	return t
}

// plain is the text of trusted HTML: tags dropped, the few entities our
// renderer writes decoded. One pass, without strings.Replacer, whose code
// (about 20 KB) app.wasm would carry for this alone.
func plain(html string) string {
	var b strings.Builder
	in := false
next:
	for i := 0; i < len(html); i++ {
		switch c := html[i]; {
		case c == '<':
			in = true
			b.WriteByte(' ')
		case c == '>':
			in = false
		case in:
		case c == '&':
			for _, e := range entities {
				if strings.HasPrefix(html[i:], e[0]) {
					b.WriteString(e[1])
					i += len(e[0]) - 1
					continue next
				}
			}
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// entities are the ones our renderer writes, and what plain makes of them.
var entities = [...][2]string{{"&quot;", `"`}, {"&#39;", "'"}, {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&rsquo;", "’"}}
