// Package share turns a case into a compact, URL-safe token for a share
// link, and back. A token is "1" (the format version) followed by the
// case's JSON, with defaults left out, in unpadded base64url.
//
// It is plain Go and imports only the engine and the standard library.
// It decodes without engine.Decode, whose reflection weighs about 19 KB
// (brotli) on app.wasm: encoding/json refuses unknown fields and wrong
// types, and engine's Validate checks the values, which is as strict.
package share

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"

	"whichstatus/app/engine"
)

// MaxLen bounds a token, so that a pasted page of text is refused at once.
const MaxLen = 64 << 10

const version = "1"

// ErrLink is wrapped by every error from Decode: the link is damaged.
var ErrLink = errors.New("this share link is damaged")

// Encode returns the token for a case.
func Encode(c engine.Case) string {
	b, _ := json.Marshal(c)
	return version + base64.RawURLEncoding.EncodeToString(b)
}

// Decode reads a token. Its errors say, in words a learner understands,
// what is wrong with the link; the caller shows them and falls back to the
// default case.
func Decode(token string) (engine.Case, error) {
	token = strings.TrimSpace(token)
	switch {
	case token == "":
		return engine.Case{}, fail("it holds no case")
	case len(token) > MaxLen:
		return engine.Case{}, fail("it is far too long to be one of ours")
	case token[:1] != version:
		return engine.Case{}, fail("it was made by another version of whichstatus, or it was cut at the start")
	}
	data, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(token[1:], "="))
	if err != nil {
		return engine.Case{}, fail("some of its characters were changed or cut off")
	}
	c, err := decodeCase(data)
	if err != nil {
		return engine.Case{}, fail("the case inside it does not read (" + err.Error() + "); was the link cut short?")
	}
	return c, nil
}

// decodeCase reads a case strictly: unknown fields, wrong types, trailing
// data and values the format does not define are errors.
func decodeCase(data []byte) (engine.Case, error) {
	var c engine.Case
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		// A type assertion, not errors.As, which would link reflection.
		if e, ok := err.(*json.UnmarshalTypeError); ok {
			return c, errors.New(engine.FieldName(e.Field) + ": expected " + engine.KindWords(e.Type.Kind()) + ", got " + e.Value)
		}
		return c, errors.New(strings.TrimPrefix(err.Error(), "json: "))
	}
	if dec.More() {
		return c, errors.New("something follows the case")
	}
	return c, c.Validate()
}

func fail(why string) error { return &linkError{why} }

type linkError struct{ why string }

func (e *linkError) Error() string { return ErrLink.Error() + ": " + e.why + "." }
func (e *linkError) Unwrap() error { return ErrLink }
