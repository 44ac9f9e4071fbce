package engine

import (
	"encoding/json"
	"io/fs"
	"testing"

	"whichstatus/content"
)

// scenarioCases reads the case of every scenario file.
func scenarioCases(tb testing.TB) []Case {
	files, _ := fs.Glob(content.Scenarios, "scenarios/*.json")
	var cases []Case
	for _, f := range files {
		data, err := fs.ReadFile(content.Scenarios, f)
		if err != nil {
			tb.Fatal(err)
		}
		var s struct{ Case json.RawMessage }
		if err := json.Unmarshal(data, &s); err != nil {
			tb.Fatalf("%s: %v", f, err)
		}
		c, err := Decode(s.Case)
		if err != nil {
			tb.Fatalf("%s: %v", f, err)
		}
		cases = append(cases, c)
	}
	return cases
}

// BenchmarkRecommend decides every scenario once per iteration and reports
// the time per case (BENCHMARKS.md records the figure).
func BenchmarkRecommend(b *testing.B) {
	cases := scenarioCases(b)
	if len(cases) == 0 {
		b.Skip("no scenarios")
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, c := range cases {
			Recommend(c)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(cases)), "ns/case")
}
