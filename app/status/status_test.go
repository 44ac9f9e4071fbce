package status

import (
	"bufio"
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

// TestAgainstSharedTSV compares with the team's registry table, a copy of
// shared/status-registry.tsv kept in testdata so that a fresh clone has it.
func TestAgainstSharedTSV(t *testing.T) {
	f, err := os.Open("testdata/status-registry.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	s.Scan() // header
	n := 0
	for s.Scan() {
		col := strings.Split(s.Text(), "\t")
		code, _ := strconv.Atoi(col[0])
		c, ok := Lookup(code)
		if !ok {
			if col[2] != "unregistered" {
				t.Errorf("%d is in the TSV but not in the registry", code)
			}
			continue
		}
		n++
		if !strings.HasPrefix(col[1], c.Phrase) && !(c.Code == 510 && strings.HasPrefix(col[1], "Not Extended")) {
			t.Errorf("%d: phrase %q, TSV says %q", code, c.Phrase, col[1])
		}
		if col[3] != c.DRF || col[4] != c.Go {
			t.Errorf("%d: constants %s/%s, TSV says %s/%s", code, c.DRF, c.Go, col[3], col[4])
		}
		if c.Section != "" && !strings.HasPrefix(col[2], c.Ref()) {
			t.Errorf("%d: ref %q, TSV says %q", code, c.Ref(), col[2])
		}
	}
	if n != 64 {
		t.Errorf("matched %d TSV rows, want 64", n)
	}
}
