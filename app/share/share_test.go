package share

import (
	"encoding/base64"
	"errors"
	"strings"
	"testing"

	"whichstatus/app/engine"
	"whichstatus/app/scenario"
)

func TestRoundTrip(t *testing.T) {
	for _, s := range scenario.All() {
		tok := Encode(s.Case)
		if strings.ContainsAny(tok, "+/=?&# ") {
			t.Errorf("Encode(%s) = %q, not URL-safe", s.ID, tok)
		}
		c, err := Decode(tok)
		if err != nil {
			t.Fatalf("Decode(Encode(%s)): %v", s.ID, err)
		}
		if got, want := string(engine.Encode(c)), string(engine.Encode(s.Case)); got != want {
			t.Errorf("round trip of %s changed the case:\n%s\nwant\n%s", s.ID, got, want)
		}
	}
}

func TestDamagedLinks(t *testing.T) {
	good := Encode(scenario.All()[0].Case)
	for _, tt := range []struct{ name, tok, want string }{
		{"empty", "", "holds no case"},
		{"other version", "9" + good[1:], "another version"},
		{"truncated", good[:len(good)/2], "cut short"},
		{"tampered character", good[:10] + "!" + good[11:], "characters were changed"},
		{"not a case", Encode(engine.Case{}) + "AAAA", "does not read"},
		{"valid base64, wrong shape", "1" + "eyJyZXF1ZXN0IjogMX0", "request: expected an object"},
		{"huge", "1" + strings.Repeat("A", MaxLen), "far too long"},
		{"unknown field", raw(`{"request": {"methd": "GET"}}`), `unknown field "methd"`},
		{"value not in the format", raw(`{"situation": {"resource": {"state": "lost"}}}`), `"lost" is not one of`},
		{"two cases", raw(`{} {}`), "something follows"},
	} {
		_, err := Decode(tt.tok)
		if err == nil || !errors.Is(err, ErrLink) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Decode(%s) error = %v, want ErrLink saying %q", tt.name, err, tt.want)
		}
	}
}

// raw is the token of some JSON, whatever it holds.
func raw(json string) string { return "1" + base64.RawURLEncoding.EncodeToString([]byte(json)) }

// Decode is as strict as engine.Decode, which it does not use (see the
// package doc): what one refuses, the other refuses.
func TestAsStrictAsTheEngine(t *testing.T) {
	for _, j := range []string{
		`{}`, `{"profile": "drf"}`, `{"profile": "xyz"}`, `{"request": {"method": 5}}`,
		`{"request": {"headers": [{"name": "A", "value": "b", "x": 1}]}}`, `{"request": {"headers": [{"value": "b"}]}}`,
		`{"situation": {"server": {"retry_after": -1}}}`, `{"situation": {"endpoint": {"auth_required": "yes"}}}`,
		`{"situation": {"caller": {"nobody": true}}}`, `[]`, `null`, `{"request": null}`,
	} {
		_, want := engine.Decode([]byte(j))
		_, got := Decode(raw(j))
		if (got == nil) != (want == nil) {
			t.Errorf("Decode(%s) = %v, engine.Decode = %v; want both to accept or refuse", j, got, want)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add(Encode(engine.Case{}))
	f.Add("1e30")
	f.Fuzz(func(t *testing.T, tok string) {
		c, err := Decode(tok)
		if err != nil {
			if !errors.Is(err, ErrLink) {
				t.Fatalf("Decode(%q): error %v is not ErrLink", tok, err)
			}
			return
		}
		if d := engine.Recommend(c); d.Code < 100 {
			t.Fatalf("Decode(%q) gave a case the engine cannot answer", tok)
		}
	})
}
