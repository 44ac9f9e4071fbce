//go:build browser && !wasm

// make boottasks: the Go first run as the browser's main thread ran it,
// cut into tasks (app/ui/boot.go), this tree against BASE (none by
// default) in RUNS turns, cold and revisit, from Chromium's trace. For
// reading, not judged; on a shared machine read the CPU figures (the
// thread's own time), which the load moves far less than the wall ones:
//
//	make boottasks BASE=main RUNS=5
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestBootTasks: cold boots and revisits of this tree and BOOT_BASE, in
// turns, traced; the renderer main thread's tasks from app.wasm's
// instantiation until 2 s after it: the first run's wall and CPU (ready
// to boot), the longest task's wall and CPU, and the blocking time
// (each task's part over 50 ms, summed) by wall and by CPU.
func TestBootTasks(t *testing.T) {
	runs := envInt(t, "BOOT_RUNS", 3)
	chromium := findChromium(t)
	sites := []*benchSite{appSite("this", profSite(t, "", true))}
	if b := os.Getenv("BOOT_BASE"); b != "" {
		sites = append(sites, appSite(b, profSite(t, b, true)))
	}
	serveSites(t, sites)
	figs := map[string][]float64{}
	cats := []string{"toplevel", "devtools.timeline", "v8.wasm", "__metadata"}
	for r := 0; r < runs; r++ {
		for k := range sites {
			s := sites[(k+r)%len(sites)]
			profile := t.TempDir()
			for _, kind := range []string{"cold", "revisit"} {
				b := launch(t, chromium, profile)
				chromedp.Call(b, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: stampProbe})
				var ready, boot, fcp float64
				evs := traced(t, b, cats, func() {
					boot, fcp = visit(t, b, s, s.url+os.Getenv("BOOT_PATH")+"/")
					ready = evalB[float64](t, b, `window.__bench.ready`)
					time.Sleep(2500 * time.Millisecond)
				})
				if kind == "cold" {
					workerReady(t, b)
					s.host.quiet(700*time.Millisecond, 30*time.Second)
				}
				closeBrowser(b)
				pid, tid := 0, 0
				var bootTs, inst float64
				for _, e := range evs {
					if e.Name == "TimeStamp" && strings.Contains(string(e.Args), "wsboot") {
						bootTs, pid, tid = e.Ts, e.Pid, e.Tid
					}
				}
				// The stamp and the bench's probe see the boot in the same
				// microtask checkpoint: ready is as far before it.
				inst = bootTs - (boot-ready)*1000
				var longW, longC, blockW, blockC, runC, n float64
				for _, e := range topTasks(evs, pid, tid) {
					if e.Ts+e.Dur < inst || e.Ts > inst+2e6 {
						continue
					}
					w, c := e.Dur/1000, e.Tdur/1000
					longW, longC = max(longW, w), max(longC, c)
					blockW += max(0, w-50)
					blockC += max(0, c-50)
					if e.Ts <= bootTs {
						runC += c
						n++
					}
				}
				// What the browser's other threads and processes ran meanwhile.
				var others float64
				names := map[[2]int]string{}
				for _, e := range evs {
					if e.Ph == "M" && (e.Name == "thread_name" || e.Name == "process_name") {
						var a struct{ Name string }
						json.Unmarshal(e.Args, &a)
						if e.Name == "thread_name" {
							names[[2]int{e.Pid, e.Tid}] = a.Name
						} else {
							names[[2]int{e.Pid, -1}] = a.Name
						}
					}
				}
				byThread := map[string]float64{}
				for _, e := range evs {
					if e.Ph == "X" && e.Name == "ThreadControllerImpl::RunTask" && !(e.Pid == pid && e.Tid == tid) && e.Ts >= inst && e.Ts < bootTs {
						others += e.Tdur / 1000
						byThread[names[[2]int{e.Pid, -1}]+"/"+names[[2]int{e.Pid, e.Tid}]] += e.Tdur / 1000
					}
				}
				for k, v := range byThread {
					figs[s.name+" "+kind+": CPU during the first run, "+k] = append(figs[s.name+" "+kind+": CPU during the first run, "+k], v)
				}
				var top []string
				for _, e := range topTasks(evs, pid, tid) {
					if e.Ts+e.Dur >= inst && e.Ts <= inst+2e6 && e.Tdur > 30000 {
						top = append(top, fmt.Sprintf("%.0f ms CPU at %+.0f from the boot", e.Tdur/1000, (e.Ts-bootTs)/1000))
					}
				}
				t.Logf("tasks over 30 ms of CPU: %s", strings.Join(top, "; "))
				if os.Getenv("BOOT_EVENTS") == "1" {
					// The main thread's events in the first run, by name (nested
					// ones count in their own name and in their parents').
					by := map[string][2]float64{}
					for _, e := range evs {
						if e.Pid == pid && e.Tid == tid && e.Ph == "X" && e.Ts >= inst && e.Ts < bootTs {
							v := by[e.Name]
							by[e.Name] = [2]float64{v[0] + e.Tdur/1000, v[1] + 1}
						}
					}
					var names []string
					for n := range by {
						names = append(names, n)
					}
					sort.Slice(names, func(i, j int) bool { return by[names[i]][0] > by[names[j]][0] })
					var sb strings.Builder
					for _, n := range names[:min(12, len(names))] {
						fmt.Fprintf(&sb, "\n    %7.1f ms CPU in %4.0f × %s", by[n][0], by[n][1], n)
					}
					t.Logf("%s %s, the main thread's events in the first run:%s", s.name, kind, sb.String())
				}
				key := s.name + " " + kind
				figs[key+": other threads' CPU during the first run"] = append(figs[key+": other threads' CPU during the first run"], others)
				for name, v := range map[string]float64{"first run wall": boot - ready, "first run CPU (tasks to boot)": runC, "tasks to boot": n,
					"longest task wall": longW, "longest task CPU": longC, "blocking wall": blockW, "blocking CPU": blockC} {
					figs[key+": "+name] = append(figs[key+": "+name], v)
				}
				t.Logf("%s turn %d: first paint %.0f, instantiated %.0f, boot %.0f ms from the navigation; first run %.0f ms (CPU %.0f in %.0f tasks; other threads %.0f), longest task %.0f ms (CPU %.0f), blocking %.0f ms (CPU %.0f)", key, r, fcp, ready, boot, boot-ready, runC, n, others, longW, longC, blockW, blockC)
			}
		}
	}
	load, _ := os.ReadFile("/proc/loadavg")
	var keys []string
	for k := range figs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var sb strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&sb, "\n  %-52s %6.0f  (%s)", k, median(figs[k]), fmtList(figs[k]))
	}
	t.Logf("medians of %d turns, load %s:%s", runs, strings.TrimSpace(string(load)), sb.String())
}

func fmtList(xs []float64) string {
	var s []string
	for _, x := range xs {
		s = append(s, fmt.Sprintf("%.0f", x))
	}
	return strings.Join(s, " ")
}

// topTasks are the thread's top-level tasks: the scheduler's, and a
// microtask checkpoint outside them (where a promise's continuation, such
// as app.js's, runs the Go program).
func topTasks(evs []traceEv, pid, tid int) []traceEv {
	var tasks, checks []traceEv
	for _, e := range evs {
		if e.Pid != pid || e.Tid != tid || e.Ph != "X" {
			continue
		}
		switch e.Name {
		case "ThreadControllerImpl::RunTask":
			tasks = append(tasks, e)
		case "BlinkScheduler_PerformMicrotaskCheckpoint":
			checks = append(checks, e)
		}
	}
	out := tasks
	for _, c := range checks {
		inside := false
		for _, t := range tasks {
			if c.Ts >= t.Ts && c.Ts < t.Ts+t.Dur {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, c)
		}
	}
	return out
}
