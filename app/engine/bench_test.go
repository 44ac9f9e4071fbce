package engine

import "testing"

// BenchmarkRecommend decides every scenario once per iteration and reports
// the time per case (BENCHMARKS.md records the figure).
func BenchmarkRecommend(b *testing.B) {
	perCase(b, func(c Case) { Recommend(c) })
}

// BenchmarkAlternatives is the engine's share of an edit in the
// playground: Recommend, then Alternatives, for every scenario. It reads
// the scenarios as BenchmarkRecommend does, so it runs in wasm too.
func BenchmarkAlternatives(b *testing.B) {
	perCase(b, func(c Case) { Alternatives(c, Recommend(c)) })
}

// perCase runs do on every scenario's case once per iteration and reports
// the time per case.
func perCase(b *testing.B, do func(Case)) {
	var cases []Case
	for _, s := range scenarioFiles(b) {
		cases = append(cases, s.c)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, c := range cases {
			do(c)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(cases)), "ns/case")
}
