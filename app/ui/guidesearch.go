package ui

import (
	"sort"
	"strings"
)

// guideText is one section of a guide page as plain text: what the
// guide's search reads.
type guideText struct {
	Slug  string `json:"slug"`
	ID    string `json:"id"`
	Title string `json:"title"`
	Text  string `json:"text"`
}

// splitText cuts a rendered guide page at its headings that carry an id
// (h1 to h3). Each section runs to the next such heading.
func splitText(slug, page string) []guideText {
	var out []guideText
	for {
		i := strings.Index(page, "<h")
		for i >= 0 && !(i+3 < len(page) && page[i+2] >= '1' && page[i+2] <= '3' && page[i+3] == ' ') {
			j := strings.Index(page[i+2:], "<h")
			if j < 0 {
				i = -1
				break
			}
			i += 2 + j
		}
		if i < 0 {
			return out
		}
		open := page[i:]
		end := strings.Index(open, ">")
		head := open[:end]
		closeTag := "</h" + open[2:3] + ">"
		stop := strings.Index(open, closeTag)
		if stop < 0 {
			return out
		}
		title := strings.TrimSpace(plain(open[end+1 : stop]))
		rest := open[stop+len(closeTag):]
		next := len(rest)
		for _, h := range []string{"<h1 ", "<h2 ", "<h3 "} {
			if k := strings.Index(rest, h); k >= 0 && k < next {
				next = k
			}
		}
		if k := strings.Index(head, ` id="`); k >= 0 {
			id := head[k+5:]
			id = id[:strings.IndexByte(id, '"')]
			out = append(out, guideText{Slug: slug, ID: id, Title: title,
				Text: strings.Join(strings.Fields(plain(rest[:next])), " ")})
		}
		page = rest[next:]
	}
}

// The guide's text as the search reads it: every section of every page,
// in the guide's order, with its title and text folded. Natively it comes
// from the embedded pages; in the browser from the guide's pages, which
// the service worker precaches for offline use anyway (see
// content_wasm.go): app.js no longer carries a second copy of the guide
// (25 KB of every first visit).
var (
	guideTexts  []guideText
	guideFolded [][2]string
)

func setGuideTexts(all []guideText) {
	guideTexts, guideFolded = all, make([][2]string, len(all))
	for i, g := range all {
		guideFolded[i] = [2]string{fold(g.Title), fold(g.Text)}
	}
}

// guideHit is a section that answers a search.
type guideHit struct {
	guideText
	order   int // the section's place in the guide
	Score   int
	Snippet string // the text around the first match
}

// searchGuide ranks the guide's sections for q: a match in the heading
// first, then in the text (more matches, higher), then every word
// somewhere. Sections keep the guide's order among equals.
func searchGuide(q string) []guideHit {
	guideTextsIn()
	fq := fold(q)
	if fq == "" {
		return nil
	}
	words := contentWords(fq)
	var out []guideHit
	for i, g := range guideTexts {
		title, text := guideFolded[i][0], guideFolded[i][1]
		score := 0
		for _, v := range variants(fq) {
			switch {
			case title == v:
				score = max(score, 400)
			case hasWord(title, v):
				score = max(score, 300)
			case hasWord(text, v):
				score = max(score, 100+min(strings.Count(text, v), 5))
			}
		}
		if len(words) > 1 {
			score = max(score, wordsScore(title, text, words))
		}
		if score > 0 {
			out = append(out, guideHit{g, i, score, excerpt(g.Text, words[0])})
		}
	}
	// Equal scores keep the guide's order: order is the section's place.
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].order < out[j].order
	})
	return out
}

// wordsScore is for a query of several words, each found somewhere in a
// section though not together: those in the heading count more. 0 when a
// word is missing.
func wordsScore(title, text string, words []string) int {
	score := 50
	for _, w := range words {
		inTitle, inText := false, false
		for _, v := range variants(w) {
			inTitle = inTitle || hasWord(title, v)
			inText = inText || hasWord(text, v)
		}
		switch {
		case inTitle:
			score += 40
		case !inText:
			return 0
		}
	}
	return score
}

// stopWords are left out of a search of several words: "401 or 403".
var stopWords = map[string]bool{"a": true, "an": true, "the": true, "or": true, "and": true, "vs": true,
	"versus": true, "for": true, "to": true, "of": true, "is": true, "what": true, "which": true, "when": true, "should": true, "i": true}

// contentWords are the words of a folded query but the stop words; all of
// them if that leaves none.
func contentWords(fq string) []string {
	var out []string
	for _, w := range strings.Fields(fq) {
		if !stopWords[w] {
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		return strings.Fields(fq)
	}
	return out
}

// excerpt is about 160 characters of text around the first place word
// appears, on word boundaries.
func excerpt(text, word string) string {
	i := strings.Index(strings.ToLower(text), word)
	if i < 0 {
		i = 0
	}
	start := max(0, i-60)
	for start > 0 && text[start-1] != ' ' {
		start--
	}
	end := min(len(text), start+160)
	for end < len(text) && text[end] != ' ' {
		end++
	}
	s := text[start:end]
	if start > 0 {
		s = "…" + s
	}
	if end < len(text) {
		s += "…"
	}
	return s
}
