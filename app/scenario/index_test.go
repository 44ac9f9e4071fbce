package scenario

import "testing"

// Index lists what All lists, in the same order, without the cases.
func TestIndexIsAllWithoutCases(t *testing.T) {
	all, idx := All(), Index()
	if len(idx) != len(all) || len(idx) == 0 {
		t.Fatalf("Index lists %d scenarios, All %d", len(idx), len(all))
	}
	for i, s := range all {
		if e := idx[i]; e != entryOf(s) || e.Class() != s.Class() {
			t.Errorf("Index()[%d] = %+v, want %+v", i, e, entryOf(s))
		}
	}
	idx[0].Title = "changed"
	if Index()[0].Title == "changed" {
		t.Errorf("Index gave its own slice away")
	}
}
