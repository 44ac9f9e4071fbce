package share

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"errors"
	"math/rand/v2"
	"regexp"
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
		if !Fits(tok) || len(tok) > 1000 {
			t.Errorf("Encode(%s) is %d characters, want an ordinary case to stay short", s.ID, len(tok))
		}
		c, err := Decode(tok)
		if err != nil {
			t.Fatalf("Decode(Encode(%s)): %v", s.ID, err)
		}
		if got, want := string(engine.Encode(c)), string(engine.Encode(s.Case)); got != want {
			t.Errorf("round trip of %s changed the case:\n%s\nwant\n%s", s.ID, got, want)
		}
		// The file the dialog saves reads back the same.
		f, err := ReadFile(engine.Encode(s.Case))
		if err != nil || string(engine.Encode(f)) != string(engine.Encode(s.Case)) {
			t.Errorf("ReadFile(engine.Encode(%s)) = %v, want the same case back", s.ID, err)
		}
	}
}

// Links made before DEFLATE (version 1: the JSON itself) still open.
func TestVersionOneLinks(t *testing.T) {
	s, _ := scenario.ByID("duplicate-email")
	c, err := Decode(raw(string(mustJSON(s.Case))))
	if err != nil || string(engine.Encode(c)) != string(engine.Encode(s.Case)) {
		t.Errorf("Decode(a version 1 token) = %v, want the case", err)
	}
}

func mustJSON(c engine.Case) []byte { return bytes.Join(bytes.Fields(engine.Encode(c)), []byte(" ")) }

// The limit: a case whose token is MaxLen long opens; the encoder's
// callers are told (Fits) when one is longer, and Decode refuses it.
func TestLimit(t *testing.T) {
	tok := Encode(nearLimit(false))
	if len(tok) < MaxLen-3 || !Fits(tok) {
		t.Fatalf("nearLimit(false) gives a token of %d characters, want %d or a little less", len(tok), MaxLen)
	}
	if _, err := Decode(tok); err != nil {
		t.Errorf("Decode(a token of MaxLen) = %v, want the case", err)
	}
	over := Encode(nearLimit(true))
	if Fits(over) {
		t.Errorf("nearLimit(true) gives %d characters, want more than MaxLen", len(over))
	}
	if _, err := Decode(over); err == nil || !strings.Contains(err.Error(), "too long") {
		t.Errorf("Decode(a token over MaxLen) = %v, want too long", err)
	}
}

func TestDamagedLinks(t *testing.T) {
	good := Encode(scenario.All()[0].Case)
	for _, tt := range []struct{ name, tok, want string }{
		{"empty", "", "holds no case"},
		{"other version", "9" + good[1:], "another version"},
		{"truncated", good[:len(good)/2], "cut"},
		{"truncated by one", good[:len(good)-1], "cut"},
		{"one more letter", good + "A", "added"},
		{"more letters", good + "AAAA", "added to its end"},
		{"truncated, version 1", raw(`{"request": {"method": "GET"`), "cut short"},
		{"tampered character", good[:10] + "!" + good[11:], "characters that no whichstatus link holds"},
		{"percent signs", "1%%%%", "characters that no whichstatus link holds"},
		{"not a case", "1" + base64.RawURLEncoding.EncodeToString([]byte("hello")), "cannot read: the JSON is broken"},
		{"valid base64, wrong shape", "1" + "eyJyZXF1ZXN0IjogMX0", "request: expected an object"},
		{"huge", "1" + strings.Repeat("A", MaxLen), "too long"},
		{"unknown field", raw(`{"request": {"methd": "GET"}}`), `unknown field "methd"`},
		{"value not in the format", raw(`{"situation": {"resource": {"state": "lost"}}}`), `"lost" is not one of`},
		{"two cases", raw(`{} {}`), "something follows"},
		{"deflated garbage", "2" + base64.RawURLEncoding.EncodeToString([]byte{0xff, 0xfe, 0xfd, 0x00, 0x11}), "does not unpack"},
	} {
		_, err := Decode(tt.tok)
		if err == nil || !errors.Is(err, ErrLink) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Decode(%s) error = %v, want ErrLink saying %q", tt.name, err, tt.want)
			continue
		}
		oneSentence(t, "Decode("+tt.name+")", err.Error())
		if !strings.HasPrefix(tt.name, "truncated") && strings.Contains(err.Error(), "cut short") {
			t.Errorf("Decode(%s) = %q: only a link that was cut short may say so", tt.name, err)
		}
	}
}

// quoted is what a message quotes of the input, 'x' or "x": any text.
var quoted = regexp.MustCompile(`'(\\.|[^'\\])*'|"(\\.|[^"\\])*"`)

// oneSentence: a capital first, one period last, and outside what it
// quotes no question, no second sentence, no "?." or "..".
func oneSentence(t *testing.T, call, msg string) {
	t.Helper()
	own := quoted.ReplaceAllString(msg, "'…'")
	if msg == "" || msg[0] < 'A' || msg[0] > 'Z' || !strings.HasSuffix(own, ".") || strings.HasSuffix(own, "..") ||
		strings.ContainsAny(own, "?\n") || strings.Contains(own, ". ") {
		t.Errorf("%s = %q, want one plain sentence ending with one period", call, msg)
	}
}

func TestReadFile(t *testing.T) {
	for _, tt := range []struct{ name, data, want string }{
		{"empty", "  \n", "This file is empty"},
		{"cut", `{"request": {"method": "GET"`, "cut short"},
		{"not JSON", "GET / HTTP/1.1", "the JSON is broken at character 1"},
		{"wrong type", `{"request": {"method": 5}}`, "request.method: expected a string, got number"},
		{"unknown", `{"profile": "drf", "x": 1}`, `unknown field "x"`},
		{"two", `{} []`, "something follows"},
		{"big", `{"request": {"body": "` + strings.Repeat("a", MaxFileBytes) + `"}}`, "too big"},
	} {
		_, err := ReadFile([]byte(tt.data))
		if err == nil || !errors.Is(err, ErrFile) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ReadFile(%s) error = %v, want ErrFile saying %q", tt.name, err, tt.want)
			continue
		}
		oneSentence(t, "ReadFile("+tt.name+")", err.Error())
	}
}

// raw is the version 1 token of some JSON, whatever it holds.
func raw(json string) string { return "1" + base64.RawURLEncoding.EncodeToString([]byte(json)) }

// A token of MaxLen cannot unpack to more than MaxFileBytes (DEFLATE
// shrinks 1,032 times at most); inflate refuses it all the same.
func TestInflateBomb(t *testing.T) {
	var z bytes.Buffer
	w, _ := flate.NewWriter(&z, flate.BestCompression)
	w.Write(bytes.Repeat([]byte("a"), MaxFileBytes+10))
	w.Close()
	if _, err := inflate(z.Bytes()); !errors.Is(err, errTooBig) {
		t.Errorf("inflate(%d bytes that unpack to more than MaxFileBytes) = %v, want errTooBig", z.Len(), err)
	}
}

// Decode is as strict as engine.Decode, which it does not use (see the
// package doc): what one refuses, the other refuses. So is ReadFile.
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
		if _, got := ReadFile([]byte(j)); (got == nil) != (want == nil) {
			t.Errorf("ReadFile(%s) = %v, engine.Decode = %v; want both to accept or refuse", j, got, want)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add(Encode(engine.Case{}))
	f.Add(Encode(scenario.All()[0].Case))
	f.Add("1e30")
	f.Add("1%%%%")
	f.Add(raw(`{"request": {"method": "GET"}}`))
	f.Fuzz(func(t *testing.T, tok string) {
		c, err := Decode(tok)
		if err != nil {
			if !errors.Is(err, ErrLink) {
				t.Fatalf("Decode(%q): error %v is not ErrLink", tok, err)
			}
			oneSentence(t, "Decode", err.Error())
			return
		}
		if d := engine.Recommend(c); d.Code < 100 {
			t.Fatalf("Decode(%q) gave a case the engine cannot answer", tok)
		}
		// What opens, shares again.
		if _, err := Decode(Encode(c)); err != nil && Fits(Encode(c)) {
			t.Fatalf("Decode(Encode(Decode(%q))) = %v", tok, err)
		}
	})
}

func FuzzReadFile(f *testing.F) {
	for _, s := range scenario.All()[:5] {
		f.Add(engine.Encode(s.Case))
	}
	f.Add([]byte(`{"request": {"headers": [{"name": "A"}]}}`))
	f.Add([]byte(`{"situation": {"server": {"retry_after": -1}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ReadFile(data)
		if err != nil {
			if !errors.Is(err, ErrFile) {
				t.Fatalf("ReadFile(%q): error %v is not ErrFile", data, err)
			}
			oneSentence(t, "ReadFile", err.Error())
			return
		}
		if d := engine.Recommend(c); d.Code < 100 {
			t.Fatalf("ReadFile(%q) gave a case the engine cannot answer", data)
		}
		if _, err := ReadFile(engine.Encode(c)); err != nil {
			t.Fatalf("ReadFile(engine.Encode(ReadFile(%q))) = %v", data, err)
		}
	})
}

// nearLimit is a case with a body of random letters (which DEFLATE cannot
// shrink much): over false, the biggest whose token fits; over true, the
// smallest whose token does not.
func nearLimit(over bool) engine.Case {
	r := rand.New(rand.NewPCG(15, 15))
	letters := "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	body := make([]byte, MaxLen*2)
	for i := range body {
		body[i] = letters[r.IntN(len(letters))]
	}
	c := func(n int) engine.Case {
		return engine.Case{Request: engine.Request{Method: "POST", URL: "/notes", Body: string(body[:n]),
			Headers: []engine.Header{{Name: "Content-Type", Value: "text/plain"}}}}
	}
	// The token grows with the body, if not strictly: halve the range,
	// then walk the last steps.
	lo, hi := 0, len(body)
	for hi-lo > 1 {
		if m := (lo + hi) / 2; Fits(Encode(c(m))) {
			lo = m
		} else {
			hi = m
		}
	}
	n := lo
	for Fits(Encode(c(n + 1))) {
		n++
	}
	if over {
		return c(n + 1)
	}
	return c(n)
}

// A link may carry an embed's title and story; the case stays the case.
func TestLinkTitleStory(t *testing.T) {
	s := scenario.All()[0]
	l, err := DecodeLink(EncodeLink(Link{Case: s.Case, Title: "Ada signs up twice", Story: "Her second sign-up clashes."}))
	if err != nil || l.Title != "Ada signs up twice" || l.Story != "Her second sign-up clashes." || string(engine.Encode(l.Case)) != string(engine.Encode(s.Case)) {
		t.Errorf("DecodeLink(EncodeLink(…)) = %+v, %v; want the title, the story and the case", l, err)
	}
	for _, bad := range []Link{
		{Title: strings.Repeat("t", MaxTitle+1)},
		{Story: strings.Repeat("s", MaxStory+1)},
		{Title: "two\nlines"},
	} {
		if _, err := DecodeLink(EncodeLink(bad)); err == nil || !errors.Is(err, ErrLink) {
			t.Errorf("DecodeLink(%q, %q) = %v, want ErrLink", bad.Title[:min(len(bad.Title), 10)], bad.Story[:min(len(bad.Story), 10)], err)
		} else {
			oneSentence(t, "DecodeLink", err.Error())
		}
	}
	// A case file is the case format: no title there.
	if _, err := ReadFile([]byte(`{"title": "x"}`)); err == nil {
		t.Errorf("ReadFile accepts a title, which the case format does not have")
	}
}
