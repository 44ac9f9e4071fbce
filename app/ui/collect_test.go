package ui

import "testing"

func TestDue(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		live, goal, heap, edit uint64
		want                   bool
	}{
		{2 * mb, 4 * mb, 2 * mb, mb / 4, false},         // just collected
		{2 * mb, 4 * mb, 2*mb + mb/2, mb / 4, false},    // 0.75 of 2 MB
		{2 * mb, 4 * mb, 3 * mb, mb / 4, true},          // 1.25 of 2 MB: the next edit may start a cycle
		{2 * mb, 4 * mb, 2*mb + mb/2, mb, true},         // a large edit
		{2 * mb, 4 * mb, 4 * mb, 0, true},               // at the goal
		{4 * mb, 4 * mb, 5 * mb, mb, false},             // no way left to measure
		{2 * mb, 4 * mb, mb, mb, false},                 // the figures do not add up (read mid-cycle)
		{mb + mb/2, 4 * mb, 2*mb + mb/2, mb / 2, true},  // 1.5 of 2.5 MB
		{mb + mb/2, 4 * mb, 2*mb + mb/4, mb / 2, false}, // 1.25 of 2.5 MB
	} {
		if got := due(c.live, c.goal, c.heap, c.edit); got != c.want {
			t.Errorf("due(live %d, goal %d, heap %d, edit %d) = %v, want %v", c.live, c.goal, c.heap, c.edit, got, c.want)
		}
	}
}
