package status

import (
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"
)

// goOlder lists where Go prints an RFC 2616 name older than Formerly.
var goOlder = map[int]string{
	413: "Request Entity Too Large", // RFC 2616, before RFC 7231's "Payload Too Large"
	414: "Request URI Too Long",     // RFC 2616's "Request-URI Too Long" without the hyphen
}

// TestAgainstNetHTTP checks every phrase against Go's: the same, the former
// name, or an older one listed in goOlder.
func TestAgainstNetHTTP(t *testing.T) {
	for _, c := range All() {
		text := http.StatusText(c.Code)
		switch {
		case c.Go == "":
			if text != "" && c.Usage == InUse {
				t.Errorf("%d: Go has text %q but the registry names no Go constant", c.Code, text)
			}
		case text == "":
			t.Errorf("%d: registry names Go constant %s, but http.StatusText(%d) is empty", c.Code, c.Go, c.Code)
		case text == c.Phrase, strings.EqualFold(text, c.Formerly):
		case goOlder[c.Code] == text:
		default:
			t.Errorf("http.StatusText(%d) = %q, want %q or formerly %q", c.Code, text, c.Phrase, c.Formerly)
		}
	}
}

func TestRegistryShape(t *testing.T) {
	all := All()
	if len(all) != 64 {
		t.Fatalf("len(All()) = %d, want the 64 IANA-registered codes", len(all))
	}
	seen := map[int]bool{}
	for _, c := range all {
		if seen[c.Code] {
			t.Errorf("%d listed twice", c.Code)
		}
		seen[c.Code] = true
		if c.Code < 100 || c.Code > 599 || c.Phrase == "" || c.Meaning == "" || c.Spec == "" {
			t.Errorf("%d: incomplete entry %+v", c.Code, c)
		}
		if c.Usage == InUse && (c.Section == "" || c.DRF == "") {
			t.Errorf("%d: in use but has no section or DRF name", c.Code)
		}
	}
	for _, code := range []int{306, 418, 402, 104, 305} {
		if MustLookup(code).Recommendable() {
			t.Errorf("%d must never be recommended", code)
		}
	}
	if got := MustLookup(422); got.Phrase != "Unprocessable Content" || got.Formerly != "Unprocessable Entity" {
		t.Errorf("422 = %q formerly %q, want RFC 9110's name", got.Phrase, got.Formerly)
	}
	if got := MustLookup(401).URL(); got != "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2" {
		t.Errorf("MustLookup(401).URL() = %q", got)
	}
}

// The team's table of names sits beside the checkout on developers'
// machines and in CI; testdata holds a copy for a fresh clone elsewhere.
const (
	sharedTSV = "../../../shared/status-constants.tsv"
	copyTSV   = "testdata/status-constants.tsv"
)

// constantsTable reads the shared table when it is there, else the copy.
func constantsTable(t *testing.T) (map[int][]string, string) {
	t.Helper()
	name := sharedTSV
	b, err := os.ReadFile(name)
	if err != nil {
		name = copyTSV
		if b, err = os.ReadFile(name); err != nil {
			t.Fatalf("neither %s nor %s: %v", sharedTSV, copyTSV, err)
		}
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if got := strings.Split(lines[0], "\t"); len(got) != 14 || got[6] != "python_httpstatus" || got[12] != "java_httpurlconnection" {
		t.Fatalf("%s: unexpected header %q", name, got)
	}
	rows := map[int][]string{}
	for _, line := range lines[1:] {
		col := strings.Split(line, "\t")
		code, err := strconv.Atoi(col[0])
		if err != nil || len(col) != 14 {
			t.Fatalf("%s: bad line %q", name, line)
		}
		rows[code] = col
	}
	return rows, name
}

// TestAgainstConstantsTSV checks every code's phrase, reference and nine
// names against the team's table. It never skips: without the shared
// table it reads the copy in testdata.
func TestAgainstConstantsTSV(t *testing.T) {
	rows, name := constantsTable(t)
	// The table's columns for the nine ecosystems, in the order of Ecosystems.
	cols := [len(Ecosystems)]int{3, 4, 6, 7, 8, 9, 10, 11, 12}
	n := 0
	for code, col := range rows {
		c, ok := Lookup(code)
		if !ok {
			if col[2] != "unregistered" {
				t.Errorf("%s: %d is in the table but not in the registry", name, code)
			}
			continue
		}
		n++
		if !strings.HasPrefix(col[1], c.Phrase) && !(c.Code == 510 && strings.HasPrefix(col[1], "Not Extended")) {
			t.Errorf("%d: phrase %q, %s says %q", code, c.Phrase, name, col[1])
		}
		if c.Section != "" && !strings.HasPrefix(col[2], c.Ref()) {
			t.Errorf("%d: ref %q, %s says %q", code, c.Ref(), name, col[2])
		}
		for i, e := range Ecosystems {
			if got := c.cells[i]; got != col[cols[i]] {
				t.Errorf("%d: %s name %q, %s says %q", code, e.Key, got, name, col[cols[i]])
			}
		}
		if c.notes != col[13] {
			t.Errorf("%d: notes %q, %s says %q", code, c.notes, name, col[13])
		}
	}
	if n != 64 {
		t.Errorf("matched %d rows of %s, want 64", n, name)
	}
	t.Logf("64 codes × 9 ecosystems agree with %s", name)
}

// TestConstantsCopy keeps testdata's copy equal to the shared table when
// both are there, so the fresh-clone check checks the same thing.
func TestConstantsCopy(t *testing.T) {
	shared, err := os.ReadFile(sharedTSV)
	if err != nil {
		t.Logf("no %s beside the checkout: the copy in testdata stands in", sharedTSV)
		return
	}
	mine, err := os.ReadFile(copyTSV)
	if err != nil {
		t.Fatal(err)
	}
	if string(shared) != string(mine) {
		t.Errorf("%s differs from %s: cp %s %s", copyTSV, sharedTSV, sharedTSV, copyTSV)
	}
}

// TestNames: every code gets something to type in every ecosystem, and
// where there is no constant, a note says so and what to write instead.
func TestNames(t *testing.T) {
	for _, c := range All() {
		for i, n := range c.Names().List() {
			e := Ecosystems[i]
			switch {
			case n.Type() == "":
				t.Errorf("%d: nothing to type for %s", c.Code, e.Key)
			case n.Name == "" && (n.Instead == "" || !strings.Contains(n.Note, n.Instead)):
				t.Errorf("%d: %s has no name, but the note %q does not say to write %q", c.Code, e.Key, n.Note, n.Instead)
			case n.Name != "" && n.Instead != "":
				t.Errorf("%d: %s has both a name and something instead: %+v", c.Code, e.Key, n)
			}
		}
	}
	for _, tt := range []struct {
		code            int
		key, name, note string
	}{
		{409, "drf", "status.HTTP_409_CONFLICT", ""},
		{409, "go", "http.StatusConflict", ""},
		{409, "python", "HTTPStatus.CONFLICT", ""},
		{409, "spring", "HttpStatus.CONFLICT", ""},
		{409, "aspnet", "StatusCodes.Status409Conflict", ""},
		{409, "rails", ":conflict", ""},
		{409, "rust", "StatusCode::CONFLICT", ""},
		{409, "node", "", `http.STATUS_CODES[409] is its text, “Conflict”`},
		{409, "java", "HttpURLConnection.HTTP_CONFLICT", ""},
		{422, "java", "", "HttpURLConnection has no name for 422: write 422."},
		{305, "spring", "", "write HttpStatusCode.valueOf(305)"},
		{103, "aspnet", "", "No 103 constant."},
		{418, "rails", "", "dropped in Rack 1.6.0"},
		{413, "python", "HTTPStatus.CONTENT_TOO_LARGE", "old REQUEST_ENTITY_TOO_LARGE kept as alias"},
		{104, "rust", "", "StatusCode::from_u16(104).unwrap()"},
		{104, "node", "", "undefined"},
	} {
		n, ok := MustLookup(tt.code).Names().Get(tt.key)
		if !ok || n.Name != tt.name || !strings.Contains(n.Note, tt.note) {
			t.Errorf("MustLookup(%d).Names().Get(%q) = %+v, want name %q and a note with %q", tt.code, tt.key, n, tt.name, tt.note)
		}
	}
}
