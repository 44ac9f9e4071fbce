// Package share turns a case into a compact, URL-safe token for a share
// link, and back, and reads a case saved to a file.
//
// A token is a format version and the case's JSON, with defaults left out,
// in unpadded base64url: "2" and the JSON compressed with DEFLATE (RFC
// 1951, compress/flate), which keeps ordinary cases to a few hundred
// characters; or "1" and the JSON as it is, as links made before version 2
// were, which still open. A link holds at most MaxLen characters of token,
// which the share dialog checks before it offers one: a bigger case is
// saved to a file instead (ReadFile reads it back).
//
// It is plain Go and imports only the engine and the standard library.
// It decodes without engine.Decode, whose reflection weighs about 19 KB
// (brotli) on app.wasm: encoding/json refuses unknown fields and wrong
// types, and engine's Validate checks the values, which is as strict.
package share

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"

	"whichstatus/app/engine"
)

// MaxLen is the longest token a link carries: the encoder's callers (the
// share and embed dialogs, the address bar) offer no link beyond it, and
// Decode refuses longer ones. With the site's address around it the link
// stays under 8 KB, the longest request line nginx accepts by default.
const MaxLen = 6000

// MaxFileBytes is the largest case file ReadFile reads, and the largest
// case a token may unpack to: room for a body far over any usual limit.
const MaxFileBytes = 8 << 20

// alphabet is base64url's.
const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

const (
	plain    = "1" // JSON in base64url
	deflated = "2" // DEFLATE of the JSON in base64url
)

// ErrLink is wrapped by every error from Decode: the link is damaged.
var ErrLink = errors.New("this share link is damaged")

// ErrFile is wrapped by every error from ReadFile.
var ErrFile = errors.New("this file is not a whichstatus case")

// Link is what a token holds: a case, and for an embed the title and the
// one-line story a teacher gave it (shown instead of the scenario's).
type Link struct {
	engine.Case
	Title string `json:"title,omitempty"`
	Story string `json:"story,omitempty"`
}

// The longest title and story a link carries, in characters.
const (
	MaxTitle = 120
	MaxStory = 400
)

// Encode returns the token for a case. It may be longer than MaxLen: see
// Fits.
func Encode(c engine.Case) string { return EncodeLink(Link{Case: c}) }

// EncodeLink returns the token for a case with its title and story.
func EncodeLink(l Link) string {
	b, _ := json.Marshal(l)
	var z bytes.Buffer
	w, _ := flate.NewWriter(&z, flate.BestCompression)
	w.Write(b)
	w.Close()
	return deflated + base64.RawURLEncoding.EncodeToString(z.Bytes())
}

// Fits says whether a token can travel in a link.
func Fits(token string) bool { return len(token) <= MaxLen }

// Decode reads a token's case. Its errors are one sentence each, in words
// a learner understands, saying what is wrong with the link; the caller
// shows them and falls back to the default case.
func Decode(token string) (engine.Case, error) {
	l, err := DecodeLink(token)
	return l.Case, err
}

// DecodeLink reads a token, title and story included.
func DecodeLink(token string) (Link, error) {
	token = strings.TrimSpace(token)
	switch {
	case token == "":
		return Link{}, linkFault("This share link holds no case: the part after case= is empty")
	case len(token) > MaxLen:
		return Link{}, linkFault("This share link is too long to be one of ours: whichstatus makes links of at most " +
			thousands(MaxLen) + " characters, and this one has " + thousands(len(token)))
	case token[:1] != plain && token[:1] != deflated:
		return Link{}, linkFault("This share link does not start as whichstatus links do: it was made by another version, or its start is missing")
	}
	body := strings.TrimRight(token[1:], "=")
	data, err := base64.RawURLEncoding.DecodeString(body)
	if err != nil {
		if strings.Trim(body, alphabet) == "" { // the letters are right, their number is not
			return Link{}, linkFault("This share link has the wrong length: characters were cut off its end, or added to it")
		}
		return Link{}, linkFault("This share link has characters that no whichstatus link holds: some were changed or added on the way")
	}
	if token[:1] == deflated {
		data, err = inflate(data)
		switch {
		case errors.Is(err, io.ErrUnexpectedEOF):
			return Link{}, linkFault("This share link was cut short: its end is missing")
		case errors.Is(err, errTrailing):
			return Link{}, linkFault("This share link goes on after its case: something was added to its end")
		case errors.Is(err, errTooBig):
			return Link{}, linkFault("This share link unpacks to more than " + thousands(MaxFileBytes) + " bytes, far more than any case")
		case err != nil:
			return Link{}, linkFault("This share link has been changed on the way: what it holds does not unpack")
		}
	}
	var l Link
	err = decodeStrict(data, &l)
	if err == nil {
		err = l.Case.Validate()
	}
	if err == nil {
		err = l.checkText()
	}
	switch {
	case errors.Is(err, errCutShort):
		return Link{}, linkFault("This share link was cut short: its end is missing")
	case err != nil:
		return Link{}, linkFault("This share link holds a case whichstatus cannot read: " + strings.TrimSuffix(err.Error(), "."))
	}
	return l, nil
}

// ReadFile reads a case saved to a file (the case format that the share
// dialog saves and `whichstatus decide` reads), as strictly as Decode.
func ReadFile(data []byte) (engine.Case, error) {
	if err := CheckFileSize(len(data)); err != nil {
		return engine.Case{}, err
	}
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return engine.Case{}, fileFault("This file is empty: a case file holds a JSON object like {\"request\": {\"method\": \"GET\"}}")
	}
	c, err := decodeCase(data)
	switch {
	case errors.Is(err, errCutShort):
		return engine.Case{}, fileFault("This file ends in the middle of the case: it was cut short")
	case err != nil:
		return engine.Case{}, fileFault("This file is not a case whichstatus can read: " + err.Error())
	}
	return c, nil
}

// CheckFileSize refuses a file of more than MaxFileBytes before it is read.
func CheckFileSize(n int) error {
	if n > MaxFileBytes {
		return fileFault("This file is too big to be a case: it has " + thousands(n) +
			" bytes, and a case file has at most " + thousands(MaxFileBytes))
	}
	return nil
}

var (
	errTooBig   = errors.New("too big")
	errTrailing = errors.New("data after the end")
	errCutShort = errors.New("the case stops in the middle")
)

// inflate unpacks DEFLATE data, refusing more than MaxFileBytes.
func inflate(data []byte) ([]byte, error) {
	in := bytes.NewReader(data) // a ByteReader: flate reads no further than its stream
	b, err := io.ReadAll(io.LimitReader(flate.NewReader(in), MaxFileBytes+1))
	switch {
	case err != nil:
		return nil, err
	case len(b) > MaxFileBytes:
		return nil, errTooBig
	case in.Len() > 0:
		return nil, errTrailing
	}
	return b, nil
}

// checkText: a title and a story are one line each, and short.
func (l Link) checkText() error {
	switch {
	case len([]rune(l.Title)) > MaxTitle:
		return errors.New("its title is longer than " + strconv.Itoa(MaxTitle) + " characters")
	case len([]rune(l.Story)) > MaxStory:
		return errors.New("its story is longer than " + strconv.Itoa(MaxStory) + " characters")
	case strings.ContainsAny(l.Title+l.Story, "\n\r"):
		return errors.New("its title or story is more than one line")
	}
	return nil
}

// decodeCase reads a case strictly: unknown fields, wrong types, trailing
// data and values the format does not define are errors. Its errors have
// no final period.
func decodeCase(data []byte) (engine.Case, error) {
	var c engine.Case
	if err := decodeStrict(data, &c); err != nil {
		return c, err
	}
	if err := c.Validate(); err != nil {
		return c, errors.New(strings.TrimSuffix(err.Error(), "."))
	}
	return c, nil
}

// decodeStrict reads one JSON value into v, refusing unknown fields and
// anything after it.
func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		// Type assertions, not errors.As, which would link reflection.
		switch e := err.(type) {
		case *json.UnmarshalTypeError:
			return errors.New(engine.FieldName(strings.TrimPrefix(e.Field, "Case.")) + ": expected " + engine.KindWords(e.Type.Kind()) + ", got " + e.Value)
		case *json.SyntaxError:
			return errors.New("the JSON is broken at character " + strconv.FormatInt(e.Offset, 10) + ": " + strings.TrimSuffix(e.Error(), "."))
		}
		if err == io.ErrUnexpectedEOF || err == io.EOF {
			return errCutShort
		}
		return errors.New(strings.TrimSuffix(strings.TrimPrefix(err.Error(), "json: "), "."))
	}
	if dec.More() {
		return errors.New("something follows the case")
	}
	return nil
}

// thousands writes n with commas: 6,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func linkFault(sentence string) error { return &fault{sentence, ErrLink} }
func fileFault(sentence string) error { return &fault{sentence, ErrFile} }

// fault is one sentence saying what is wrong, ending with one period.
type fault struct {
	sentence string
	kind     error
}

func (e *fault) Error() string { return e.sentence + "." }
func (e *fault) Unwrap() error { return e.kind }
