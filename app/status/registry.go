package status

import (
	_ "embed"
	"strconv"
	"strings"
)

// registryTSV is the one table the registry is read from: the 64 codes of
// the IANA "HTTP Status Code Registry" (copy seen 2025-09-15), grouped by
// class like net/http/status.go, with a spec reference on every line, the
// names each ecosystem types, our one-line meaning and the sources' notes.
// 509 is left out: servers send it, but IANA lists it as unassigned.
//
// Columns: code, phrase, formerly, spec, section, usage, then one column
// per ecosystem in the order of Ecosystems (each cell exactly as the
// ecosystem's source spells it, Node's the text it prints), meaning, notes.
// The ecosystem columns and the notes come from the team's
// status-constants.tsv, which the tests compare them with.
//
//go:embed registry.tsv
var registryTSV string

var registry = parseRegistry(registryTSV)

const firstName = 6 // the column of the first ecosystem

var usages = map[string]Usage{
	"in use": InUse, "deprecated": Deprecated, "reserved": Reserved,
	"unused": Unused, "temporary": Temporary, "obsolete": Obsolete,
}

// parseRegistry reads the table; a malformed line is a bug in this
// package, found by its tests, so it panics.
func parseRegistry(tsv string) []Code {
	lines := strings.Split(strings.TrimRight(tsv, "\n"), "\n")[1:]
	out := make([]Code, 0, len(lines))
	for _, line := range lines {
		col := strings.Split(line, "\t")
		if len(col) != firstName+len(Ecosystems)+2 {
			panic("status: registry.tsv: wrong number of columns in " + strconv.Quote(line))
		}
		n, err := strconv.Atoi(col[0])
		u, ok := usages[col[5]]
		if err != nil || !ok {
			panic("status: registry.tsv: bad code or usage in " + strconv.Quote(line))
		}
		c := Code{Code: n, Phrase: col[1], Formerly: col[2], Spec: col[3], Section: col[4], Usage: u,
			Meaning: col[firstName+len(Ecosystems)], notes: col[firstName+len(Ecosystems)+1]}
		copy(c.cells[:], col[firstName:])
		c.DRF, c.Go = c.cells[0], c.cells[1]
		out = append(out, c)
	}
	return out
}
