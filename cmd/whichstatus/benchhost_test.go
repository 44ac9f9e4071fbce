//go:build !wasm

// The parts of make bench's harness (bench_test.go) that need no browser:
// the static host both sites are served from, the statistics and the
// table. Their tests run in go test ./..., so the harness cannot rot
// between runs of make bench.
package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// staticHost serves a directory the way GitHub Pages does: /x is x.html,
// / is index.html, manifests and wasm have their media types, responses
// carry Last-Modified and an ETag, may be cached for 10 minutes
// (Cache-Control: max-age=600) and are revalidated with a 304. Like GitHub
// Pages it compresses with gzip (only gzip: its CDN sends no brotli) what
// compresses (text, scripts, JSON, SVG, wasm) when Accept-Encoding allows,
// with Vary: Accept-Encoding and a weak ETag, and gives app.wasm's
// uncompressed length for go-app's loading bar (wasmLengthHeader). It
// counts the requests it answers and the bytes of their bodies as sent,
// compressed or not, whoever asks (the page or its service worker). hold,
// when set, is waited on before app.wasm is answered.
type staticHost struct {
	dir  string
	hold chan struct{}

	requests atomic.Int64
	bytes    atomic.Int64
	mu       sync.Mutex
	sent     []sentFile        // what it answered, in order (reset clears it)
	gz       map[string][]byte // by file name and modification time
}

// gzipped gives the file's body compressed (gzip's default level, as a
// host compressing on the fly uses), or nil when that does not make it
// smaller. Each file is compressed once.
func (h *staticHost) gzipped(name string, st os.FileInfo) []byte {
	key := fmt.Sprintf("%s %d %d", name, st.ModTime().UnixNano(), st.Size())
	h.mu.Lock()
	defer h.mu.Unlock()
	if z, ok := h.gz[key]; ok {
		return z
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return nil
	}
	var z bytes.Buffer
	w := gzip.NewWriter(&z)
	w.Write(b)
	w.Close()
	var out []byte
	if z.Len() < len(b) {
		out = z.Bytes()
	}
	if h.gz == nil {
		h.gz = map[string][]byte{}
	}
	h.gz[key] = out
	return out
}

func (h *staticHost) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.requests.Add(1)
	cw := countingWriter{w, &h.bytes, new(int64)}
	defer func() {
		h.mu.Lock()
		h.sent = append(h.sent, sentFile{r.URL.Path, cw.Header().Get("Content-Encoding"), *cw.one})
		h.mu.Unlock()
	}()
	w = cw
	p := r.URL.Path
	switch {
	case p == "/":
		p = "/index.html"
	case strings.HasSuffix(p, "/"):
		p += "index.html"
	case path.Ext(p) == "":
		p += ".html"
	}
	name := filepath.Join(h.dir, filepath.FromSlash(path.Clean(p)))
	f, err := os.Open(name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.IsDir() {
		http.NotFound(w, r)
		return
	}
	if path.Ext(p) == ".wasm" && h.hold != nil {
		<-h.hold
	}
	ctype := contentType(p)
	hd := w.Header()
	hd.Set("Content-Type", ctype)
	hd.Set("Cache-Control", "max-age=600")
	hd.Set("ETag", fmt.Sprintf(`W/"%x-%x"`, st.ModTime().UnixNano(), st.Size()))
	if ctype == "application/wasm" {
		hd.Set(wasmLengthHeader, strconv.FormatInt(st.Size(), 10))
	}
	if compressible(ctype) {
		if z := h.gzipped(name, st); z != nil {
			hd.Set("Vary", "Accept-Encoding")
			if acceptsGzip(r) {
				hd.Set("Content-Encoding", "gzip")
				http.ServeContent(w, r, name, st.ModTime(), bytes.NewReader(z))
				return
			}
		}
	}
	http.ServeContent(w, r, name, st.ModTime(), f)
}

// reset starts counting again from zero.
func (h *staticHost) reset() {
	h.requests.Store(0)
	h.bytes.Store(0)
	h.mu.Lock()
	h.sent = nil
	h.mu.Unlock()
}

// quiet waits until nothing has been asked for during settle, or until
// limit has passed.
func (h *staticHost) quiet(settle, limit time.Duration) {
	end := time.Now().Add(limit)
	last, since := h.requests.Load(), time.Now()
	for time.Now().Before(end) {
		time.Sleep(settle / 5)
		if n := h.requests.Load(); n != last {
			last, since = n, time.Now()
		} else if time.Since(since) >= settle {
			return
		}
	}
}

// sentFile is one answer of a staticHost: the path asked for, the
// Content-Encoding ("" when plain) and the bytes of the body as sent.
type sentFile struct {
	path, encoding string
	bytes          int64
}

// countingWriter adds the body's bytes to n, the host's count, and to one,
// the request's.
type countingWriter struct {
	http.ResponseWriter
	n   *atomic.Int64
	one *int64
}

func (c countingWriter) Write(b []byte) (int, error) {
	n, err := c.ResponseWriter.Write(b)
	c.n.Add(int64(n))
	*c.one += int64(n)
	return n, err
}

// median and percentile of a sample; both are 0 for an empty one.
// percentile takes the nearest rank (p95 of 200 values is the 190th).
func median(xs []float64) float64 { return percentile(xs, 50) }

func percentile(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if p == 50 && len(s)%2 == 0 {
		return (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	rank := int(math.Ceil(p / 100 * float64(len(s))))
	return s[min(max(rank, 1), len(s))-1]
}

// benchRow is one line of make bench's table.
type benchRow struct {
	figure, app, base, ratio, target string
}

// ratioRow is a figure measured for whichstatus and its yardstick, as
// medians, with their ratio and the budget the ratio must stay under (none
// when budget is 0). A ratio within its budget is in bold.
func ratioRow(figure string, app, base []float64, unit string, budget float64) benchRow {
	a, b := median(app), median(base)
	r := benchRow{figure: figure, app: fmtUnit(a, unit), base: fmtUnit(b, unit), ratio: "–"}
	if budget > 0 {
		r.target = fmt.Sprintf("≤ %.2f×", budget)
	}
	if b > 0 {
		q := a / b
		r.ratio = fmt.Sprintf("%.2f", q)
		if budget > 0 && q <= budget {
			r.ratio = "**" + r.ratio + "**"
		}
	}
	return r
}

// editRow is the spread of an edit's times (min / p50 / p95 / max, ms)
// and the budget for its p95 (none when 0). Beside it, when floor is
// given, go-app's floor for the same edits in the same run (its p50 and
// p95) and the ratio of the two p95s.
func editRow(figure string, xs, floor []float64, budget float64) benchRow {
	r := benchRow{
		figure: fmt.Sprintf("%s, min / p50 / p95 / max of %d", figure, len(xs)),
		app:    fmt.Sprintf("%.1f / %.1f / %.1f / %.1f ms", percentile(xs, 0), percentile(xs, 50), percentile(xs, 95), percentile(xs, 100)),
	}
	if budget > 0 {
		r.target = fmt.Sprintf("p95 ≤ %.0f ms", budget)
	}
	if f := percentile(floor, 95); f > 0 {
		r.base = fmt.Sprintf("floor: p50 %.1f, p95 %.1f ms", percentile(floor, 50), f)
		r.ratio = fmt.Sprintf("%.2f", percentile(xs, 95)/f)
	}
	return r
}

func fmtUnit(v float64, unit string) string {
	switch unit {
	case "ms":
		return fmt.Sprintf("%.0f ms", v)
	case "MB":
		return fmt.Sprintf("%.2f MB", v/1e6)
	}
	return strings.TrimSpace(strconv.FormatFloat(v, 'f', -1, 64) + " " + unit)
}

// table writes the rows as a Markdown table.
func table(rows []benchRow) string {
	var b strings.Builder
	b.WriteString("| figure | whichstatus | yardstick | ratio | target |\n|---|---:|---:|---:|---|\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", r.figure, r.app, r.base, r.ratio, r.target)
	}
	return b.String()
}

// nsPerCase reads BenchmarkRecommend's ns/case figures from go test -bench
// output.
func nsPerCase(out string) []float64 {
	var xs []float64
	for _, m := range regexp.MustCompile(`([0-9.]+) ns/case`).FindAllStringSubmatch(out, -1) {
		if v, err := strconv.ParseFloat(m[1], 64); err == nil {
			xs = append(xs, v)
		}
	}
	return xs
}

// Between these two lines BENCHMARKS.md holds the latest table make bench
// printed; replaceBetween puts a new one there.
const (
	benchStart = "<!-- make bench: start -->"
	benchEnd   = "<!-- make bench: end -->"
)

func replaceBetween(doc, text string) (string, bool) {
	i := strings.Index(doc, benchStart)
	j := strings.Index(doc, benchEnd)
	if i < 0 || j < i {
		return doc, false
	}
	return doc[:i+len(benchStart)] + "\n" + text + doc[j:], true
}

func TestStaticHost(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"index.html":           "home",
		"codes.html":           "codes",
		"guide/basics.html":    "basics",
		"manifest.webmanifest": "{}",
		"web/app.wasm":         "\x00asm",
	} {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	h := &staticHost{dir: dir}
	srv := httptest.NewServer(h)
	defer srv.Close()
	for _, c := range []struct{ path, body, ctype string }{
		{"/", "home", "text/html; charset=utf-8"},
		{"/codes", "codes", "text/html; charset=utf-8"},
		{"/guide/basics", "basics", "text/html; charset=utf-8"},
		{"/manifest.webmanifest", "{}", "application/manifest+json"},
		{"/web/app.wasm", "\x00asm", "application/wasm"},
	} {
		res, err := http.Get(srv.URL + c.path)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		fmt.Fprint(&b, readAll(t, res))
		if res.StatusCode != 200 || b.String() != c.body || res.Header.Get("Content-Type") != c.ctype {
			t.Errorf("GET %s: %d %q %q, want 200 %q %q", c.path, res.StatusCode, res.Header.Get("Content-Type"), b.String(), c.ctype, c.body)
		}
		// Asked again with its validator, it is not sent again.
		req, _ := http.NewRequest("GET", srv.URL+c.path, nil)
		req.Header.Set("If-None-Match", res.Header.Get("ETag"))
		res2, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res2.Body.Close()
		if res2.StatusCode != http.StatusNotModified {
			t.Errorf("GET %s with If-None-Match: %d, want 304", c.path, res2.StatusCode)
		}
	}
	if res, _ := http.Get(srv.URL + "/nothing"); res.StatusCode != 404 {
		t.Errorf("GET /nothing: %d, want 404", res.StatusCode)
	}
	if got, want := h.requests.Load(), int64(11); got != want {
		t.Errorf("counted %d requests, want %d", got, want)
	}
	if got, want := h.bytes.Load(), int64(len("home")+len("codes")+len("basics")+2+4+len("404 page not found\n")); got != want {
		t.Errorf("counted %d bytes, want %d", got, want)
	}
	// Each answer is listed with its own bytes: a 304 sends none.
	var sum int64
	for _, f := range h.sent {
		sum += f.bytes
	}
	if len(h.sent) != 11 || sum != h.bytes.Load() || h.sent[0] != (sentFile{"/", "", 4}) || h.sent[1].bytes != 0 {
		t.Errorf("listed %d answers of %d bytes in all (%v), want 11 of %d", len(h.sent), sum, h.sent, h.bytes.Load())
	}
	h.reset()
	if h.requests.Load() != 0 || h.bytes.Load() != 0 || h.sent != nil {
		t.Errorf("reset left %d requests, %d bytes, %d answers", h.requests.Load(), h.bytes.Load(), len(h.sent))
	}
}

// TestStaticHostCompresses: what compresses is sent with gzip when the
// client accepts it, plain otherwise, and the bytes counted are the bytes
// sent.
func TestStaticHostCompresses(t *testing.T) {
	dir := t.TempDir()
	page := strings.Repeat("<p>Which status code should this request get?</p>\n", 400)
	wasm := "\x00asm" + strings.Repeat("\x01\x02\x03\x04", 5000)
	os.MkdirAll(filepath.Join(dir, "web"), 0o755)
	os.WriteFile(filepath.Join(dir, "index.html"), []byte(page), 0o644)
	os.WriteFile(filepath.Join(dir, "web", "app.wasm"), []byte(wasm), 0o644)
	os.WriteFile(filepath.Join(dir, "web", "icon.png"), []byte(page), 0o644)
	h := &staticHost{dir: dir}
	srv := httptest.NewServer(h)
	defer srv.Close()
	get := func(p, accept, inm string) *http.Response {
		t.Helper()
		req, _ := http.NewRequest("GET", srv.URL+p, nil)
		// Set, the transport neither adds gzip nor unpacks the body.
		req.Header.Set("Accept-Encoding", accept)
		if inm != "" {
			req.Header.Set("If-None-Match", inm)
		}
		res, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	for _, c := range []struct{ path, body string }{{"/", page}, {"/web/app.wasm", wasm}} {
		// Nothing of the last case may still be on its way.
		h.quiet(50*time.Millisecond, time.Second)
		h.reset()
		res := get(c.path, "gzip, deflate, br", "")
		z := readAll(t, res)
		if res.Header.Get("Content-Encoding") != "gzip" || res.Header.Get("Vary") != "Accept-Encoding" || len(z) >= len(c.body) {
			t.Errorf("GET %s accepting gzip: %q, %q, %d bytes of %d, want a smaller gzip body", c.path, res.Header.Get("Content-Encoding"), res.Header.Get("Vary"), len(z), len(c.body))
		}
		zr, err := gzip.NewReader(strings.NewReader(z))
		if err != nil {
			t.Fatalf("GET %s: %v", c.path, err)
		}
		var plain bytes.Buffer
		plain.ReadFrom(zr)
		if plain.String() != c.body {
			t.Errorf("GET %s: the gzip body unpacks to %d bytes, not the file", c.path, plain.Len())
		}
		// The handler counts a write once it has returned, which can be
		// after the client has read it.
		for end := time.Now().Add(time.Second); h.bytes.Load() < int64(len(z)) && time.Now().Before(end); {
			time.Sleep(time.Millisecond)
		}
		if got := h.bytes.Load(); got != int64(len(z)) {
			t.Errorf("GET %s: counted %d bytes, sent %d", c.path, got, len(z))
		}
		if res2 := get(c.path, "gzip", res.Header.Get("ETag")); res2.StatusCode != http.StatusNotModified {
			t.Errorf("GET %s gzip with If-None-Match %s: %d, want 304", c.path, res.Header.Get("ETag"), res2.StatusCode)
		}
		res = get(c.path, "identity", "")
		if b := readAll(t, res); res.Header.Get("Content-Encoding") != "" || b != c.body {
			t.Errorf("GET %s without gzip: %q, %d bytes, want the file plain", c.path, res.Header.Get("Content-Encoding"), len(b))
		}
		if b := readAll(t, get(c.path, "gzip;q=0", "")); b != c.body {
			t.Errorf("GET %s with gzip;q=0: not the file plain", c.path)
		}
	}
	if res := get("/web/app.wasm", "gzip", ""); res.Header.Get(wasmLengthHeader) != strconv.Itoa(len(wasm)) {
		t.Errorf("app.wasm's %s = %q, want %d", wasmLengthHeader, res.Header.Get(wasmLengthHeader), len(wasm))
	}
	if res := get("/web/icon.png", "gzip", ""); res.Header.Get("Content-Encoding") != "" {
		t.Errorf("a PNG was compressed: %q", res.Header.Get("Content-Encoding"))
	}
}

func readAll(t *testing.T, res *http.Response) string {
	t.Helper()
	defer res.Body.Close()
	var b strings.Builder
	buf := make([]byte, 512)
	for {
		n, err := res.Body.Read(buf)
		b.Write(buf[:n])
		if err != nil {
			return b.String()
		}
	}
}

func TestBenchStatistics(t *testing.T) {
	xs := []float64{5, 1, 4, 2, 3}
	if got := median(xs); got != 3 {
		t.Errorf("median = %v, want 3", got)
	}
	if got := median([]float64{4, 1, 3, 2}); got != 2.5 {
		t.Errorf("median of four = %v, want 2.5", got)
	}
	var many []float64
	for i := 200; i >= 1; i-- {
		many = append(many, float64(i))
	}
	if p50, p95, p100 := percentile(many, 50), percentile(many, 95), percentile(many, 100); p50 != 100.5 || p95 != 190 || p100 != 200 {
		t.Errorf("p50, p95, max of 1…200 = %v, %v, %v, want 100.5, 190, 200", p50, p95, p100)
	}
	if xs[0] != 5 {
		t.Errorf("percentile sorted its argument")
	}
	if got := percentile(xs, 0); got != 1 {
		t.Errorf("p0 = %v, want the minimum, 1", got)
	}
	if median(nil) != 0 {
		t.Errorf("median of nothing = %v", median(nil))
	}

	r := ratioRow("cold boot", []float64{400, 410, 390}, []float64{200, 190, 210}, "ms", 1.2)
	if r.app != "400 ms" || r.base != "200 ms" || r.ratio != "2.00" {
		t.Errorf("ratio row = %+v", r)
	}
	r = ratioRow("x", []float64{1.1e6}, []float64{1e6}, "MB", 1.3)
	if r.ratio != "**1.10**" || r.app != "1.10 MB" {
		t.Errorf("a ratio within budget is not marked: %+v", r)
	}
	if r := ratioRow("n", []float64{9}, []float64{3}, "", 0); r.ratio != "3.00" || r.target != "" || r.app != "9" {
		t.Errorf("a row without a budget: %+v", r)
	}
	var edits, floor []float64
	for i := 1; i <= 20; i++ {
		edits, floor = append(edits, float64(2*i)), append(floor, float64(i))
	}
	e := editRow("edit → verdict painted", edits, floor, 33)
	if e.figure != "edit → verdict painted, min / p50 / p95 / max of 20" || e.app != "2.0 / 21.0 / 38.0 / 40.0 ms" ||
		e.base != "floor: p50 10.5, p95 19.0 ms" || e.ratio != "2.00" || e.target != "p95 ≤ 33 ms" {
		t.Errorf("edit row = %+v", e)
	}
	if e := editRow("the floor", floor, nil, 0); e.base != "" || e.ratio != "" || e.target != "" || e.app != "1.0 / 10.5 / 19.0 / 20.0 ms" {
		t.Errorf("an edit row without a floor or budget = %+v", e)
	}
	tab := table([]benchRow{r})
	if !strings.HasPrefix(tab, "| figure |") || !strings.Contains(tab, "| x | 1.10 MB | 1.00 MB | **1.10** | ≤ 1.30× |") {
		t.Errorf("table:\n%s", tab)
	}

	out := "BenchmarkRecommend \t 100\t 5123 ns/op\t 88.33 ns/case\nBenchmarkRecommend \t 100\t 5000 ns/op\t 86.2 ns/case\n"
	if got := nsPerCase(out); !slices.Equal(got, []float64{88.33, 86.2}) {
		t.Errorf("nsPerCase = %v", got)
	}

	doc := "# B\n\n" + benchStart + "\nold\n" + benchEnd + "\nrest\n"
	if got, ok := replaceBetween(doc, "new\n"); !ok || got != "# B\n\n"+benchStart+"\nnew\n"+benchEnd+"\nrest\n" {
		t.Errorf("replaceBetween = %q, %v", got, ok)
	}
	if _, ok := replaceBetween("no markers", "x"); ok {
		t.Errorf("replaceBetween found markers that are not there")
	}
}
