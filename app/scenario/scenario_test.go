package scenario

import (
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"whichstatus/app/engine"
	"whichstatus/content"
)

// TestGolden runs every scenario through the engine: each file is a
// regression test of the code it names.
func TestGolden(t *testing.T) {
	for _, s := range All() {
		t.Run(s.ID, func(t *testing.T) {
			if got := engine.Recommend(s.Case).Code; got != s.Code {
				t.Errorf("Recommend(%s) = %d, want %d", s.ID, got, s.Code)
			}
		})
	}
}

// otherProfile reads "RFC 9110 profile: 405" or "DRF profile: 400" at the
// start of a profile note: the note's claim about the other profile.
var otherProfile = regexp.MustCompile(`^(RFC 9110|DRF) profile: (\d{3})\b`)

// TestProfileNotes checks the claim a note makes about the other profile.
func TestProfileNotes(t *testing.T) {
	for _, s := range All() {
		m := otherProfile.FindStringSubmatch(s.ProfileNote)
		if m == nil {
			continue
		}
		c := s.Case
		c.Profile = engine.RFC9110
		if m[1] == "DRF" {
			c.Profile = engine.DRF
		}
		want, _ := strconv.Atoi(m[2])
		if got := engine.Recommend(c).Code; got != want {
			t.Errorf("Recommend(%s as %s) = %d, want %d (from its profile_note)", s.ID, c.Profile, got, want)
		}
	}
}

// outline lists the cases the guide outline names, and the codes they get.
var outline = []struct {
	id   string
	code int
}{
	{"expect-continue-import", 100},
	{"websocket-notifications", 101},
	{"long-running-report", 102},
	{"list-users", 200},
	{"create-user", 201},
	{"queue-report", 202},
	{"delete-order", 204},
	{"mark-notification-read", 204},
	{"download-first-bytes", 206},
	{"old-endpoint-moved", 301},
	{"current-user-redirect", 302},
	{"checkout-see-other", 303},
	{"conditional-get", 304},
	{"payments-temporarily-elsewhere", 307},
	{"moved-post-keeps-method", 308},
	{"invalid-json", 400},
	{"missing-token", 401},
	{"bad-login", 401},
	{"delete-someone-elses-account", 403},
	{"missing-user", 404},
	{"wrong-method", 405},
	{"xml-not-acceptable", 406},
	{"duplicate-email", 409},
	{"deleted-account-gone", 410},
	{"stale-etag", 412},
	{"bio-too-large", 413},
	{"url-too-long", 414},
	{"xml-body-unsupported", 415},
	{"range-past-end", 416},
	{"negative-amount", 422},
	{"precondition-required", 428},
	{"rate-limited", 429},
	{"cookie-too-large", 431},
	{"legal-block", 451},
	{"crash", 500},
	{"unknown-method", 501},
	{"payment-provider-bad-gateway", 502},
	{"database-down", 503},
	{"payment-provider-timeout", 504},
	// The three common mistakes of the outline.
	{"error-is-not-200", 404},
	{"failed-login-is-not-404", 401},
	{"not-logged-in-is-not-403", 401},
	// Where the profiles disagree.
	{"drf-anonymous-delete", 401},
	{"drf-negative-amount", 400},
}

func TestOutlineCovered(t *testing.T) {
	for _, tt := range outline {
		s, ok := ByID(tt.id)
		if !ok {
			t.Errorf("ByID(%q): no such scenario", tt.id)
			continue
		}
		if s.Code != tt.code {
			t.Errorf("ByID(%q).Code = %d, want %d", tt.id, s.Code, tt.code)
		}
	}
	drf := 0
	for _, s := range All() {
		if s.Case.Profile == engine.DRF {
			drf++
		}
	}
	if drf == 0 {
		t.Error("no scenario uses the DRF profile")
	}
}

func TestCount(t *testing.T) {
	if n := len(All()); n < 30 {
		t.Errorf("len(All()) = %d, want at least 30", n)
	}
}

// TestFileNames checks that ids are unique and equal to their file names;
// Load enforces the second, this proves every file was loaded.
func TestFileNames(t *testing.T) {
	entries, err := fs.ReadDir(content.Scenarios, Dir)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".json") {
			files = append(files, strings.TrimSuffix(e.Name(), ".json"))
		}
	}
	var ids []string
	seen := map[string]bool{}
	kebab := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	for _, s := range All() {
		if seen[s.ID] {
			t.Errorf("id %q used twice", s.ID)
		}
		seen[s.ID] = true
		if !kebab.MatchString(s.ID) {
			t.Errorf("id %q is not kebab-case", s.ID)
		}
		ids = append(ids, s.ID)
	}
	slices.Sort(files)
	slices.Sort(ids)
	if !slices.Equal(files, ids) {
		t.Errorf("ids %v, want the file names %v", ids, files)
	}
}

// sentenceEnd finds a full stop, question or exclamation mark followed by
// a new sentence: a space and a capital letter.
var sentenceEnd = regexp.MustCompile(`[.?!]\s+[A-Z]`)

func TestText(t *testing.T) {
	anchors := guideAnchors(t)
	for _, s := range All() {
		story := strings.TrimSpace(s.Story)
		switch {
		case story == "":
			t.Errorf("%s: story is empty", s.ID)
		case !strings.HasSuffix(story, "."):
			t.Errorf("%s: story %q does not end with a full stop", s.ID, story)
		case sentenceEnd.MatchString(story):
			t.Errorf("%s: story %q is more than one sentence", s.ID, story)
		}
		if strings.TrimSpace(s.Title) == "" {
			t.Errorf("%s: title is empty", s.ID)
		}
		if _, ok := anchors[s.Guide]; !ok {
			t.Errorf("%s: guide %q is not a guide anchor", s.ID, s.Guide)
		}
		if s.Class() < 1 || s.Class() > 5 {
			t.Errorf("%s: Class() = %d, want 1 to 5", s.ID, s.Class())
		}
	}
}

func TestSorted(t *testing.T) {
	all := All()
	if !slices.IsSortedFunc(all, func(a, b Scenario) int {
		if a.Code != b.Code {
			return a.Code - b.Code
		}
		return strings.Compare(a.ID, b.ID)
	}) {
		t.Error("All() is not sorted by code and then id")
	}
}

func TestByID(t *testing.T) {
	if s, ok := ByID("create-user"); !ok || s.Code != 201 || s.Class() != 2 {
		t.Errorf(`ByID("create-user") = %d, %v; want 201, true`, s.Code, ok)
	}
	if _, ok := ByID("no-such-scenario"); ok {
		t.Error(`ByID("no-such-scenario") found one`)
	}
}

// TestCodes holds the scenarios to their reach: between them they show
// every code a learner meets in the guide, each decided as the file says.
func TestCodes(t *testing.T) {
	count := map[int]int{}
	for _, s := range All() {
		count[engine.Recommend(s.Case).Code]++
	}
	for _, code := range []int{100, 101, 102, 200, 201, 202, 204, 206, 301, 302, 303, 304, 307, 308,
		400, 401, 403, 404, 405, 406, 409, 410, 411, 412, 413, 414, 415, 416, 417, 422, 426, 428, 429, 431, 451,
		500, 501, 502, 503, 504, 505} {
		if count[code] == 0 {
			t.Errorf("no scenario is decided %d", code)
		}
	}
	codes := slices.Sorted(maps.Keys(count))
	var b strings.Builder
	for _, c := range codes {
		b.WriteString(" " + strconv.Itoa(c))
		if count[c] > 1 {
			b.WriteString("×" + strconv.Itoa(count[c]))
		}
	}
	t.Logf("%d distinct codes:%s", len(codes), b.String())
}

const good = `{"id": "ok", "title": "T", "story": "S.", "code": 200, "guide": "status-200",
	"case": {"request": {"method": "GET", "url": "/api/users/"}}}`

func TestLoad(t *testing.T) {
	tests := []struct {
		name string
		file string // the contents of scenarios/<name>.json
		want []string
	}{
		{"ok", good, nil},
		{"unknown-field", `{"id": "unknown-field", "titel": "T", "story": "S.", "code": 200, "guide": "g", "case": {}}`,
			[]string{"scenarios/unknown-field.json", "titel"}},
		{"unknown-case-field", `{"id": "unknown-case-field", "title": "T", "story": "S.", "code": 200, "guide": "g",
			"case": {"request": {"methdo": "GET"}}}`,
			[]string{"scenarios/unknown-case-field.json", "case", "methdo"}},
		{"wrong-type", `{"id": "wrong-type", "title": "T", "story": "S.", "code": "200", "guide": "g", "case": {}}`,
			[]string{"scenarios/wrong-type.json", "code"}},
		{"other-name", strings.Replace(good, `"ok"`, `"okay"`, 1),
			[]string{"scenarios/other-name.json", "id", "okay"}},
		{"no-story", strings.Replace(good, `"S."`, `""`, 1),
			[]string{"scenarios/no-story.json", "story"}},
		{"no-case", `{"id": "no-case", "title": "T", "story": "S.", "code": 200, "guide": "g"}`,
			[]string{"scenarios/no-case.json", "case"}},
		{"bad-code", strings.Replace(strings.Replace(good, "200,", "42,", 1), `"ok"`, `"bad-code"`, 1),
			[]string{"scenarios/bad-code.json", "code", "42"}},
		{"broken", `{"id": "broken",`, []string{"scenarios/broken.json"}},
		{"syntax", "{\n\"id\": \"syntax\",\n\"title\": }", []string{"scenarios/syntax.json", "line 3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"scenarios/" + tt.name + ".json": {Data: []byte(tt.file)},
				"scenarios/.keep":                {},
				"scenarios/README.md":            {Data: []byte("not a scenario")},
			}
			all, err := Load(fsys)
			if tt.want == nil {
				if err != nil || len(all) != 1 || all[0].ID != "ok" {
					t.Fatalf("Load = %v, %v; want one scenario", all, err)
				}
				return
			}
			if err == nil {
				t.Fatalf("Load = %v, nil; want an error", all)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("Load error %q does not mention %q", err, w)
				}
			}
		})
	}
}

func TestLoadNoDir(t *testing.T) {
	if _, err := Load(fstest.MapFS{}); err == nil {
		t.Error("Load(empty FS) = nil error, want one")
	}
}

func TestEmbedded(t *testing.T) {
	if _, err := Load(content.Scenarios); err != nil {
		t.Fatal(err)
	}
}
