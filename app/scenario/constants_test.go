package scenario

import (
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"

	"whichstatus/app/engine"
)

// TestDecideNamesNine: what `whichstatus decide` prints for every scenario,
// under both profiles, names the code in all nine ecosystems, keyed as the
// issue asks, and each name is the one in the team's table (or its copy in
// app/status/testdata on a fresh clone); where there is none, it says what
// to write instead.
func TestDecideNamesNine(t *testing.T) {
	b, err := os.ReadFile("../../../shared/status-constants.tsv")
	if err != nil {
		if b, err = os.ReadFile("../status/testdata/status-constants.tsv"); err != nil {
			t.Fatal(err)
		}
	}
	rows := map[int][]string{}
	for _, line := range strings.Split(strings.TrimRight(string(b), "\n"), "\n")[1:] {
		col := strings.Split(line, "\t")
		n, _ := strconv.Atoi(col[0])
		rows[n] = col
	}
	// key → the table's column and the qualifier the verdict adds.
	cols := []struct {
		key    string
		col    int
		prefix string
	}{{"drf", 3, "status."}, {"go", 4, "http."}, {"python", 6, ""}, {"spring", 7, ""}, {"aspnet", 8, ""},
		{"rails", 9, ""}, {"rust", 10, ""}, {"node", -1, ""}, {"java", 12, ""}}
	n := 0
	for _, s := range All() {
		for _, p := range engine.Profiles {
			c := s.Case
			c.Profile = p
			out, err := json.Marshal(engine.Recommend(c))
			if err != nil {
				t.Fatal(err)
			}
			var d struct {
				Code      int
				Constants map[string]struct{ Name, Instead, Note string }
			}
			if err := json.Unmarshal(out, &d); err != nil {
				t.Fatal(err)
			}
			if len(d.Constants) != len(cols) {
				t.Errorf("%s (%s): constants has %d keys, want 9: %v", s.ID, p, len(d.Constants), d.Constants)
			}
			row := rows[d.Code]
			for _, c := range cols {
				got, ok := d.Constants[c.key]
				want := ""
				if c.col >= 0 && row[c.col] != "" {
					want = c.prefix + row[c.col]
				}
				switch {
				case !ok:
					t.Errorf("%s (%s): no %q in constants", s.ID, p, c.key)
				case got.Name != want:
					t.Errorf("%s (%s): %d in %s = %q, the table says %q", s.ID, p, d.Code, c.key, got.Name, want)
				case want == "" && (got.Instead == "" || got.Note == ""):
					t.Errorf("%s (%s): %d has no %s name, but nothing says what to write instead: %+v", s.ID, p, d.Code, c.key, got)
				}
			}
			if node := d.Constants["node"]; node.Instead != strconv.Itoa(d.Code) || !strings.Contains(node.Note, "http.STATUS_CODES["+strconv.Itoa(d.Code)+"]") {
				t.Errorf("%s (%s): node = %+v, want the number and http.STATUS_CODES", s.ID, p, node)
			}
			n++
		}
	}
	t.Logf("%d decisions name all nine", n)
}
