//go:build !wasm

package ui

import (
	"strings"
	"testing"

	"whichstatus/content"
)

// TestPlain: plain reads trusted HTML as a strings.Replacer after the tags
// are dropped would, on every guide page and code note and on the edges.
func TestPlain(t *testing.T) {
	unescape := strings.NewReplacer("&quot;", `"`, "&#39;", "'", "&amp;", "&", "&lt;", "<", "&gt;", ">", "&rsquo;", "’")
	want := func(html string) string {
		var b strings.Builder
		in := false
		for _, r := range html {
			switch {
			case r == '<':
				in = true
				b.WriteByte(' ')
			case r == '>':
				in = false
			case !in:
				b.WriteRune(r)
			}
		}
		return unescape.Replace(b.String())
	}
	samples := []string{"", "&", "&amp", "a &amp;lt; b", "&lt;b&gt; is &quot;bold&quot;", "it&rsquo;s <em>it&#39;s</em>", "<a href=\"x&amp;y\">x &amp; y</a>", "é &amp; ü", "&nbsp;&copy;"}
	for _, p := range GuidePages() {
		b, err := content.HTML.ReadFile("html/guide/" + p.Slug + ".html")
		if err != nil {
			t.Fatal(err)
		}
		samples = append(samples, string(b))
	}
	for _, n := range entries()[codeNotesFile] {
		samples = append(samples, n)
	}
	for _, s := range samples {
		if got, w := plain(s), want(s); got != w {
			t.Errorf("plain(%.80q) = %.120q, want %.120q", s, got, w)
		}
	}
}
