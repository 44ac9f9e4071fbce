package ui

import (
	"encoding/json"
	"strings"
	"sync"
)

// GuideEntry is one page of the guide, as html/guide/index.json lists it.
type GuideEntry struct {
	Slug    string   `json:"slug"`
	Title   string   `json:"title"`
	Anchors []string `json:"anchors"`
}

// codeNote is the guide writer's word on one code (html/codes.json).
type codeNote struct {
	Frequency string   `json:"frequency"` // "everyday", "occasional", "specialised", "unused"
	Keywords  []string `json:"keywords"`  // words learners search with
	HTML      string   `json:"html"`      // a trusted fragment
}

// The guide's index is read once, on first use, from the embedded content
// natively and from the client's environment in the browser (see
// content_wasm.go); a guide section or a code's note is read when it is
// shown (readEntry). Missing or malformed data leaves them empty: the
// pages then say the text is not written yet rather than fail.
var (
	guideOnce   sync.Once
	guidePages  []GuideEntry
	guideAnchor map[string]string // anchor id → page slug
)

// The names of the data files, which the client receives in its
// environment under these keys.
const (
	guideIndexFile   = "html/guide/index.json"
	codeNotesFile    = "html/codes.json"
	unregisteredFile = "html/unregistered.json"
	sectionsFile     = "sections" // built from the guide pages (content_native.go)
)

// envKey is the client environment variable that carries a data file; for
// the sections and the code notes, each entry has its own variable (see
// entryKey).
func envKey(file string) string {
	switch file {
	case guideIndexFile:
		return "WHICHSTATUS_GUIDE_INDEX"
	case sectionsFile:
		return "WHICHSTATUS_SECTIONS"
	case unregisteredFile:
		return "WHICHSTATUS_UNREGISTERED"
	}
	return "WHICHSTATUS_CODE_NOTES"
}

// entryKey is the client environment variable that carries one entry of
// the sections ("status-409") or of the code notes ("409"). The client
// reads the one it shows and decodes nothing else: decoding the 40 KB of
// both maps was part of every page's start (make bench, BENCHMARKS.md).
func entryKey(file, key string) string { return envKey(file) + "_" + key }

// guideSection is the guide's section about a status code, as trusted HTML
// with its links leading into the guide; ok is false when there is none.
func guideSection(anchor string) (string, bool) {
	html := readEntry(sectionsFile, anchor)
	return prefixLinks(html), html != ""
}

// splitSections cuts a rendered guide page into the bodies of its
// "status-NNN" sections (h2 or h3): from the end of the heading to the next
// heading of the same or a higher level. In-page links are marked to be
// pointed at the page that holds their anchor.
func splitSections(page string, into map[string]string) {
	for {
		i := strings.Index(page, ` id="status-`)
		if i < 3 {
			return
		}
		level := page[i-1] // '2' or '3' of "<h2 id=…"
		page = page[i+len(` id="`):]
		id := page[:strings.IndexByte(page, '"')]
		body := page[strings.Index(page, ">")+1:]
		body = body[strings.Index(body, ">")+1:] // past "</hN>"
		end := len(body)
		for l := byte('1'); l <= level; l++ {
			if j := strings.Index(body, "<h"+string(l)); j >= 0 && j < end {
				end = j
			}
		}
		into[id] = strings.TrimSpace(strings.ReplaceAll(body[:end], `href="#`, `href="/guide/#`))
		page = body[end:]
	}
}

func loadGuide() {
	guideOnce.Do(func() {
		guideAnchor = map[string]string{}
		guidePages = readGuideIndex()
		for _, p := range guidePages {
			for _, a := range p.Anchors {
				guideAnchor[a] = p.Slug
			}
		}
	})
}

// guideIndexText is the guide's index as the client receives it: one line
// per page, its slug, title and anchors cut by a unit separator. The
// client reads it at start (the route table, the verdict's guide links);
// decoding JSON there ran encoding/json's decoder, whose code V8 then
// compiled, before the first render. web/flow.js reads it too.
func guideIndexText(pages []GuideEntry) string {
	lines := make([]string, len(pages))
	for i, p := range pages {
		lines[i] = strings.Join(append([]string{p.Slug, p.Title}, p.Anchors...), "\x1f")
	}
	return strings.Join(lines, "\n")
}

// parseGuideIndex reads guideIndexText's form.
func parseGuideIndex(text string) []GuideEntry {
	var out []GuideEntry
	for line := range strings.SplitSeq(text, "\n") {
		f := strings.Split(line, "\x1f")
		if len(f) < 2 || f[0] == "" {
			continue
		}
		out = append(out, GuideEntry{Slug: f[0], Title: f[1], Anchors: f[2:]})
	}
	return out
}

// GuidePages lists the guide's pages in reading order.
func GuidePages() []GuideEntry {
	loadGuide()
	return guidePages
}

func guideEntry(slug string) (GuideEntry, bool) {
	for _, p := range GuidePages() {
		if p.Slug == slug {
			return p, true
		}
	}
	return GuideEntry{}, false
}

// prefixLinks moves the site-absolute links of trusted HTML under the
// sub-path the site is served from.
func prefixLinks(html string) string {
	p := prefix()
	if p == "" {
		return html
	}
	return strings.ReplaceAll(html, `href="/`, `href="`+p+`/`)
}

// guideHref links to the guide section with the given anchor id, or to the
// guide's contents when no page holds that anchor.
func guideHref(anchor string) string {
	loadGuide()
	if slug, ok := guideAnchor[anchor]; ok {
		return Href("/guide/" + slug + "#" + anchor)
	}
	return Href("/guide")
}

// codeNotes are the notes decoded so far, by code: the verdict shows its
// code's note on every edit, and decoding it again was a millisecond of
// each (make bench). A note is shared: nobody writes to it.
var (
	codeNotesMu sync.Mutex
	codeNotes   = map[string]noteRead{}
)

type noteRead struct {
	note codeNote
	ok   bool
}

func codeNoteFor(code string) (codeNote, bool) {
	codeNotesMu.Lock()
	defer codeNotesMu.Unlock()
	r, seen := codeNotes[code]
	if !seen {
		b := readEntry(codeNotesFile, code)
		r.ok = b != "" && json.Unmarshal([]byte(b), &r.note) == nil
		if !r.ok {
			r.note = codeNote{}
		}
		codeNotes[code] = r
	}
	return r.note, r.ok
}
