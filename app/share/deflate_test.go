package share

import (
	"bytes"
	"compress/flate"
	"encoding/json"
	"io"
	"sort"
	"testing"

	"whichstatus/app/scenario"
)

// What deflate writes, compress/flate reads back, whatever the input.
func FuzzDeflate(f *testing.F) {
	f.Add([]byte(""))
	f.Add([]byte("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))
	f.Add(bytes.Repeat([]byte("abc\xff\x00"), 400))
	for _, s := range scenario.All()[:5] {
		b, _ := json.Marshal(s.Case)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := io.ReadAll(flate.NewReader(bytes.NewReader(deflate(data))))
		if err != nil || !bytes.Equal(got, data) {
			t.Fatalf("flate.NewReader(deflate(%d bytes)) = %d bytes, %v; want them back", len(data), len(got), err)
		}
	})
}

// deflate's tokens are not much longer than compress/flate's best.
func TestDeflateSize(t *testing.T) {
	var ours, best []int
	for _, s := range scenario.All() {
		b, _ := json.Marshal(s.Case)
		var z bytes.Buffer
		w, _ := flate.NewWriter(&z, flate.BestCompression)
		w.Write(b)
		w.Close()
		ours, best = append(ours, len(deflate(b))), append(best, z.Len())
	}
	sort.Ints(ours)
	sort.Ints(best)
	t.Logf("scenarios deflated: median %d bytes (compress/flate best %d), largest %d (%d)", ours[len(ours)/2], best[len(best)/2], ours[len(ours)-1], best[len(best)-1])
	if ours[len(ours)/2] > best[len(best)/2]*13/10 {
		t.Errorf("the median scenario deflates to %d bytes, more than 1.3 times compress/flate's %d", ours[len(ours)/2], best[len(best)/2])
	}
}
