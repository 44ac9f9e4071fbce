//go:build wasm

// Command enginebench is BenchmarkRecommend (app/engine/bench_test.go) as
// a page: it decides every scenario once per iteration, in rounds, and
// puts the time per case of each round in the document's title ("18215
// ns/case, 19052 ns/case, …"), so that make bench can read the engine's
// time in the browser a learner uses (Chromium's own WebAssembly engine)
// beside Go's Node runner. ?rounds=5&iters=2000 says how long.
package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"syscall/js"
	"time"

	"whichstatus/app/engine"
	"whichstatus/content"
)

func main() {
	doc := js.Global().Get("document")
	q := js.Global().Get("location").Get("search").String()
	rounds, iters := 5, 2000
	fmt.Sscanf(strings.TrimPrefix(q, "?"), "rounds=%d&iters=%d", &rounds, &iters)
	cases, err := scenarios()
	if err != nil {
		doc.Set("title", "error: "+err.Error())
		return
	}
	var out []string
	for r := 0; r < rounds; r++ {
		start := time.Now()
		for i := 0; i < iters; i++ {
			for _, c := range cases {
				engine.Recommend(c)
			}
		}
		ns := float64(time.Since(start).Nanoseconds()) / float64(iters*len(cases))
		out = append(out, fmt.Sprintf("%.0f ns/case", ns))
	}
	doc.Set("title", strings.Join(out, ", "))
}

// scenarios are the cases BenchmarkRecommend decides, in the same order.
func scenarios() ([]engine.Case, error) {
	files, err := fs.Glob(content.Scenarios, "scenarios/*.json")
	if err != nil {
		return nil, err
	}
	slices.Sort(files)
	var cases []engine.Case
	for _, f := range files {
		data, err := fs.ReadFile(content.Scenarios, f)
		if err != nil {
			return nil, err
		}
		var s struct{ Case json.RawMessage }
		if err := json.Unmarshal(data, &s); err != nil {
			return nil, fmt.Errorf("%s: %v", f, err)
		}
		c, err := engine.Decode(s.Case)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", f, err)
		}
		cases = append(cases, c)
	}
	return cases, nil
}
