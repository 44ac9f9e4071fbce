package content

// This file is the generator for html/: it turns the Markdown of guide/ and
// codes/ into the HTML fragments the UI embeds. It lives in a test so that
// no Markdown parser is linked into the wasm build.
//
//	go test ./content -run TestGenerated -update   rewrites html/
//	go test ./content                              fails if html/ is stale
//
// Raw HTML in the Markdown is never passed through (goldmark's default):
// authors write plain Markdown, and TestNoRawHTML keeps it that way.

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"html"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"whichstatus/app/status"
)

var update = flag.Bool("update", false, "rewrite content/html from guide/*.md and codes/*.md")

const (
	staleMsg = "content/html is stale: run go test ./content -run TestGenerated -update"

	// constantsMarker is replaced, in the guide page that holds it, by a
	// table built from the status registry, so the names are never typed
	// twice.
	constantsMarker = "<!-- constants-table -->"
)

// frequencies are the values a codes/NNN.md file may declare.
var frequencies = map[string]bool{"everyday": true, "occasional": true, "specialised": true, "unused": true}

// Page is one entry of html/guide/index.json: enough for the UI to build a
// table of contents and to find the page that holds an anchor.
type Page struct {
	Slug    string   `json:"slug"`
	Title   string   `json:"title"`
	Anchors []string `json:"anchors"`
}

// CodeText is one value of html/codes.json.
type CodeText struct {
	Frequency string   `json:"frequency"`
	Keywords  []string `json:"keywords,omitempty"` // the words learners search with, ours
	HTML      string   `json:"html"`
}

// site is everything the generator produces, kept apart so that the tests
// can look at the parts as well as the bytes.
type site struct {
	files map[string][]byte // path below html/ → content
	pages []Page
	codes map[int]CodeText
}

var (
	siteOnce sync.Once
	siteVal  *site
	siteErr  error
)

// generated builds the site once per test binary.
func generated(t *testing.T) *site {
	t.Helper()
	siteOnce.Do(func() { siteVal, siteErr = build(".") })
	if siteErr != nil {
		t.Fatalf("generating content/html: %v", siteErr)
	}
	return siteVal
}

func markdown() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.Table),
		goldmark.WithParserOptions(parser.WithAttribute()),
	)
}

// build renders guide/ and codes/ below dir.
func build(dir string) (*site, error) {
	s := &site{files: map[string][]byte{}, codes: map[int]CodeText{}}
	md := markdown()

	names, err := filepath.Glob(filepath.Join(dir, "guide", "*.md"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	if len(names) == 0 {
		return nil, errors.New("no guide/*.md files")
	}
	slugRE := regexp.MustCompile(`^[0-9]{2}-([a-z0-9-]+)\.md$`)
	for _, name := range names {
		m := slugRE.FindStringSubmatch(filepath.Base(name))
		if m == nil {
			return nil, fmt.Errorf("%s: guide pages are named NN-slug.md", name)
		}
		src, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		if bytes.Contains(src, []byte(constantsMarker)) {
			src, err = withConstantsTable(src)
			if err != nil {
				return nil, fmt.Errorf("%s: %v", name, err)
			}
		}
		html, page, err := renderPage(md, src)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		page.Slug = m[1]
		s.pages = append(s.pages, page)
		s.files["guide/"+page.Slug+".html"] = html
	}
	index, err := marshal(s.pages)
	if err != nil {
		return nil, err
	}
	s.files["guide/index.json"] = index

	names, err = filepath.Glob(filepath.Join(dir, "codes", "*.md"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	byKey := map[string]CodeText{}
	for _, name := range names {
		base := strings.TrimSuffix(filepath.Base(name), ".md")
		code, err := strconv.Atoi(base)
		if err != nil || len(base) != 3 {
			return nil, fmt.Errorf("%s: code files are named NNN.md", name)
		}
		src, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		ct, err := renderCode(md, src)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		s.codes[code] = ct
		byKey[base] = ct
	}
	codes, err := marshal(byKey) // encoding/json sorts map keys
	if err != nil {
		return nil, err
	}
	s.files["codes.json"] = codes

	// The codes people meet that IANA does not register: copied as they
	// are, once checked.
	src, err := os.ReadFile(filepath.Join(dir, "unregistered.json"))
	if err != nil {
		return nil, err
	}
	var unreg []Unregistered
	if err := json.Unmarshal(src, &unreg); err != nil {
		return nil, fmt.Errorf("unregistered.json: %v", err)
	}
	for i, u := range unreg {
		if err := u.check(); err != nil {
			return nil, fmt.Errorf("unregistered.json: %d: %v", u.Code, err)
		}
		unreg[i].HTML = u.card()
	}
	if s.files["unregistered.json"], err = marshal(unreg); err != nil {
		return nil, err
	}
	return s, nil
}

// Unregistered is one entry of unregistered.json: a code a vendor sends
// (or logs) that is not in the IANA registry, in our words, with the
// vendor's own page or source that it was checked against.
type Unregistered struct {
	Code        int    `json:"code"`
	Vendor      string `json:"vendor"`       // "nginx"
	Name        string `json:"name"`         // the vendor's label
	Who         string `json:"who"`          // who sends it, and when
	Means       string `json:"means"`        // what it means when you see it
	Instead     string `json:"instead"`      // what a correct server would send
	Source      string `json:"source"`       // the vendor's documentation or source
	SourceTitle string `json:"source_title"` // what that page is
	// HTML is the card the reference shows, built here so that the wasm
	// client only inserts it.
	HTML string `json:"html"`
}

// card renders an entry as the reference's card: our text, escaped.
func (u Unregistered) card() string {
	e := html.EscapeString
	num := strconv.Itoa(u.Code)
	var b strings.Builder
	b.WriteString(`<article class="unreg-card" id="unreg-` + num + `">`)
	b.WriteString(`<h4 class="code-title"><span class="num">` + num + `</span> ` + e(u.Name) + `</h4>`)
	b.WriteString(`<p class="tags"><span class="tag warn">not registered</span> <span class="tag">` + e(u.Vendor) + `</span></p>`)
	b.WriteString(`<dl class="unreg-facts">`)
	for _, f := range [][2]string{{"Who sends it", u.Who}, {"What it means", u.Means}, {"A correct server sends", u.Instead}} {
		b.WriteString(`<dt>` + f[0] + `</dt><dd>` + e(f[1]) + `</dd>`)
	}
	b.WriteString(`<dt>Source</dt><dd><a href="` + e(u.Source) + `" target="_blank" rel="noopener">` + e(u.SourceTitle) + `</a></dd>`)
	b.WriteString(`</dl></article>`)
	return b.String()
}

func (u Unregistered) check() error {
	if u.Code < 400 || u.Code > 599 {
		return errors.New("the vendors' own codes here are all 4xx or 5xx")
	}
	if _, ok := status.Lookup(u.Code); ok {
		return errors.New("it is a registered code")
	}
	for _, f := range []string{u.Vendor, u.Name, u.Who, u.Means, u.Instead, u.SourceTitle} {
		if strings.TrimSpace(f) == "" {
			return errors.New("a field is empty")
		}
	}
	if !strings.HasPrefix(u.Source, "https://") {
		return errors.New("the source must be an https:// link to the vendor's page or source")
	}
	return nil
}

// renderPage renders one guide page and lists its heading ids in order.
// The first line must be "# Title {#id}".
func renderPage(md goldmark.Markdown, src []byte) ([]byte, Page, error) {
	var page Page
	first, _, _ := bytes.Cut(src, []byte("\n"))
	if !regexp.MustCompile(`^# \S.* \{#[a-z0-9-]+\}$`).Match(first) {
		return nil, page, fmt.Errorf("first line %q is not \"# Title {#id}\"", first)
	}
	doc := md.Parser().Parse(text.NewReader(src))
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		if h.Level == 1 {
			if page.Title != "" {
				return ast.WalkStop, errors.New("more than one level-1 heading")
			}
			page.Title = plainText(h, src)
		}
		if v, ok := h.AttributeString("id"); ok {
			id, _ := v.([]byte)
			page.Anchors = append(page.Anchors, string(id))
		}
		return ast.WalkSkipChildren, nil
	})
	if err != nil {
		return nil, page, err
	}
	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, src, doc); err != nil {
		return nil, page, err
	}
	return buf.Bytes(), page, nil
}

// renderCode reads "frequency: X", "keywords: a, b, c", a blank line and
// one paragraph. The keywords are the words a learner may search the
// reference with: lower case, separated by commas.
func renderCode(md goldmark.Markdown, src []byte) (CodeText, error) {
	var ct CodeText
	head, body, ok := bytes.Cut(src, []byte("\n\n"))
	first, second, _ := strings.Cut(string(head), "\n")
	freq, found := strings.CutPrefix(first, "frequency: ")
	kw, hasKW := strings.CutPrefix(second, "keywords: ")
	if !ok || !found || !frequencies[freq] || !hasKW {
		return ct, errors.New(`want "frequency: everyday|occasional|specialised|unused", "keywords: …", a blank line, then one paragraph`)
	}
	for _, k := range strings.Split(kw, ",") {
		k = strings.TrimSpace(k)
		if k == "" || k != strings.ToLower(k) {
			return ct, fmt.Errorf("keyword %q: keywords are lower case, separated by commas", k)
		}
		ct.Keywords = append(ct.Keywords, k)
	}
	doc := md.Parser().Parse(text.NewReader(body))
	if doc.ChildCount() != 1 || doc.FirstChild().Kind() != ast.KindParagraph {
		return ct, errors.New("the text after the frequency line must be exactly one paragraph")
	}
	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, body, doc); err != nil {
		return ct, err
	}
	ct.Frequency = freq
	ct.HTML = strings.TrimSpace(buf.String())
	return ct, nil
}

// withConstantsTable swaps the marker line for a Markdown table of every
// registered code and its DRF and Go names.
func withConstantsTable(src []byte) ([]byte, error) {
	if n := bytes.Count(src, []byte(constantsMarker)); n != 1 {
		return nil, fmt.Errorf("%s appears %d times, want once", constantsMarker, n)
	}
	var b strings.Builder
	b.WriteString("| Code | Reason phrase | DRF | Go net/http |\n")
	b.WriteString("|---|---|---|---|\n")
	for _, c := range status.All() {
		phrase := c.Phrase
		if c.Formerly != "" {
			phrase += " (formerly " + c.Formerly + ")"
		}
		drf, goName := "—", "—"
		if c.DRF != "" {
			drf = "`status." + c.DRF + "`"
		}
		if c.Go != "" {
			goName = "`http." + c.Go + "`"
		}
		fmt.Fprintf(&b, "| %d | %s | %s | %s |\n", c.Code, escapeCell(phrase), drf, goName)
	}
	return bytes.Replace(src, []byte(constantsMarker), []byte(strings.TrimSuffix(b.String(), "\n")), 1), nil
}

// escapeCell keeps registry text literal inside a Markdown table cell.
func escapeCell(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "<", `\<`, "[", `\[`)
	return r.Replace(s)
}

// plainText is the text of a heading without its markup.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// marshal is indented JSON without HTML escaping, ending in a newline.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// readTree returns the files below root, skipping dotfiles such as .keep.
func readTree(root string) (map[string][]byte, error) {
	out := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if strings.HasPrefix(d.Name(), ".") && p != root {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out[filepath.ToSlash(rel)] = b
		return nil
	})
	return out, err
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// TestGenerated compares html/ with a fresh rendering, or rewrites it with
// -update.
func TestGenerated(t *testing.T) {
	s := generated(t)
	have, err := readTree("html")
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		for _, name := range sortedKeys(have) {
			if _, keep := s.files[name]; !keep {
				if err := os.Remove(filepath.Join("html", filepath.FromSlash(name))); err != nil {
					t.Fatal(err)
				}
				t.Logf("removed html/%s", name)
			}
		}
		for _, name := range sortedKeys(s.files) {
			if bytes.Equal(have[name], s.files[name]) {
				continue
			}
			p := filepath.Join("html", filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, s.files[name], 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("wrote html/%s", name)
		}
		return
	}
	var problems []string
	for _, name := range sortedKeys(s.files) {
		got, ok := have[name]
		switch {
		case !ok:
			problems = append(problems, "missing: html/"+name)
		case !bytes.Equal(got, s.files[name]):
			problems = append(problems, "differs: html/"+name)
		}
	}
	for _, name := range sortedKeys(have) {
		if _, ok := s.files[name]; !ok {
			problems = append(problems, "extra:   html/"+name)
		}
	}
	if len(problems) > 0 {
		t.Fatalf("%s\n\t%s", staleMsg, strings.Join(problems, "\n\t"))
	}
}

// TestEmbeddedMatches checks that the embedded copy the UI reads is the one
// on disk (it is, unless the binary was built before an -update).
func TestEmbeddedMatches(t *testing.T) {
	if *update {
		t.Skip("the embedded copy predates this -update run")
	}
	s := generated(t)
	for _, name := range sortedKeys(s.files) {
		got, err := fs.ReadFile(HTML, path.Join("html", name))
		if err != nil || !bytes.Equal(got, s.files[name]) {
			t.Errorf("embedded html/%s is not the generated one (%v); %s", name, err, staleMsg)
		}
	}
}

func readAnchorList(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("guide", "anchors.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, line := range strings.Split(string(b), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			ids = append(ids, line)
		}
	}
	return ids
}

// anchorPages maps every heading id to the pages that define it.
func anchorPages(s *site) map[string][]string {
	m := map[string][]string{}
	for _, p := range s.pages {
		for _, id := range p.Anchors {
			m[id] = append(m[id], p.Slug)
		}
	}
	return m
}

// TestRequiredAnchors: the decision engine links its trace steps to these
// ids, so each must exist exactly once across the whole guide.
func TestRequiredAnchors(t *testing.T) {
	s := generated(t)
	where := anchorPages(s)
	ids := readAnchorList(t)
	if len(ids) == 0 {
		t.Fatal("guide/anchors.txt lists no ids")
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			t.Errorf("guide/anchors.txt lists %q twice", id)
		}
		seen[id] = true
		switch pages := where[id]; len(pages) {
		case 0:
			t.Errorf("required anchor %q is on no guide page", id)
		case 1:
		default:
			t.Errorf("required anchor %q is on %d headings (pages %v), want 1", id, len(pages), pages)
		}
	}
}

// TestUniqueAnchors: ids are global across pages, so none may repeat.
func TestUniqueAnchors(t *testing.T) {
	s := generated(t)
	for id, pages := range anchorPages(s) {
		if len(pages) > 1 {
			t.Errorf("heading id %q appears %d times (pages %v)", id, len(pages), pages)
		}
	}
	for _, p := range s.pages {
		if len(p.Anchors) == 0 || p.Anchors[0] == "" {
			t.Errorf("page %s: its title has no id", p.Slug)
		}
	}
}

// TestInternalLinks: every "#id" link in the guide and the code texts
// points at a heading that exists on some page.
func TestInternalLinks(t *testing.T) {
	s := generated(t)
	where := anchorPages(s)
	hrefRE := regexp.MustCompile(`href="#([^"]*)"`)
	check := func(from string, html string) {
		for _, m := range hrefRE.FindAllStringSubmatch(html, -1) {
			if len(where[m[1]]) == 0 {
				t.Errorf("%s links to #%s, which no heading defines", from, m[1])
			}
		}
	}
	for _, p := range s.pages {
		check("guide/"+p.Slug, string(s.files["guide/"+p.Slug+".html"]))
	}
	for code, ct := range s.codes {
		check("codes/"+strconv.Itoa(code), ct.HTML)
	}
}

// TestNoRawHTML: raw HTML is dropped by the renderer, so any in the sources
// is a mistake that would silently vanish from the page.
func TestNoRawHTML(t *testing.T) {
	s := generated(t)
	for _, name := range sortedKeys(s.files) {
		if bytes.Contains(s.files[name], []byte("raw HTML omitted")) {
			t.Errorf("html/%s: the Markdown source contains raw HTML, which is not rendered", name)
		}
	}
}

// TestCodesMatchRegistry: codes/ has one file per registered code, no more,
// and each cites the section the registry gives for it.
func TestCodesMatchRegistry(t *testing.T) {
	s := generated(t)
	want := map[int]status.Code{}
	for _, c := range status.All() {
		want[c.Code] = c
	}
	if len(want) != 64 {
		t.Errorf("status.All() has %d codes, want the 64 IANA-registered ones", len(want))
	}
	for code, c := range want {
		ct, ok := s.codes[code]
		if !ok {
			t.Errorf("codes/%d.md is missing", code)
			continue
		}
		if !strings.Contains(ct.HTML, c.Ref()) {
			t.Errorf("codes/%d.md does not cite %q", code, c.Ref())
		}
	}
	for code := range s.codes {
		if _, ok := want[code]; !ok {
			t.Errorf("codes/%d.md: %d is not a registered code", code, code)
		}
	}
	for _, code := range []int{306, 418} {
		if got := s.codes[code].Frequency; got != "unused" {
			t.Errorf("codes/%d.md: frequency %q, want unused (never to be sent)", code, got)
		}
	}
}

// TestGuideSections: every code the engine can link to has a section on
// the page for its class.
func TestGuideSections(t *testing.T) {
	s := generated(t)
	pageOf := map[string]string{}
	for _, p := range s.pages {
		for _, id := range p.Anchors {
			pageOf[id] = p.Slug
		}
	}
	classPage := map[int]string{1: "classes", 2: "success", 3: "redirection", 4: "client-errors", 5: "server-errors"}
	for _, id := range readAnchorList(t) {
		code, found := strings.CutPrefix(id, "status-")
		if !found {
			continue
		}
		n, err := strconv.Atoi(code)
		if err != nil {
			t.Errorf("anchor %q: not a status code", id)
			continue
		}
		if got, want := pageOf[id], classPage[n/100]; got != want {
			t.Errorf("#%s is on page %q, want %q", id, got, want)
		}
	}
}

// TestPageLength keeps each page readable in one sitting.
func TestPageLength(t *testing.T) {
	names, _ := filepath.Glob(filepath.Join("guide", "*.md"))
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if n := len(strings.Fields(string(b))); n < 250 || n > 1600 {
			t.Errorf("%s has %d words, want roughly 300–1200", name, n)
		}
	}
}
