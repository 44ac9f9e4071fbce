package engine

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
)

// Decode reads a case from JSON. It refuses anything the format does not
// define, and its errors are one line that names the field, in words a
// learner can act on. It reads the document in order, so the error it
// reports is always the first in the document.
func Decode(data []byte) (Case, error) {
	var c Case
	if len(bytes.TrimSpace(data)) == 0 {
		return c, errors.New("the case is empty: expected a JSON object like {\"request\": {\"method\": \"GET\"}}")
	}
	var raw any
	if err := json.Unmarshal(data, &raw); err != nil {
		return c, syntaxError(data, err)
	}
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	if err := checkValue(d, ""); err != nil {
		return c, err
	}
	if err := json.Unmarshal(data, &c); err != nil {
		return c, fmt.Errorf("the case is not valid: %v", err)
	}
	return c, nil
}

// Encode writes a case as indented JSON, leaving defaults out.
func Encode(c Case) []byte {
	b, _ := json.MarshalIndent(c, "", "  ")
	return b
}

// checkValue reads the value at path from d and checks it against Fields:
// an object whose members lead to fields, or a field's value.
func checkValue(d *json.Decoder, path string) error {
	f, isField := FieldByPath(path)
	if isField {
		return checkField(d, f)
	}
	tok, err := d.Token()
	if err != nil {
		return err
	}
	if tok == nil {
		return nil // null leaves the defaults
	}
	if delim, ok := tok.(json.Delim); !ok || delim != '{' {
		skipRest(d, tok)
		return fmt.Errorf("%s: expected an object, got %s", FieldName(path), jsonKind(tok))
	}
	members := membersAt(path)
	for d.More() {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		k := tok.(string)
		if !slices.Contains(members, k) {
			return fmt.Errorf("%s: unknown field (check the spelling; fields here are %s)", join(path, k), strings.Join(sorted(members), ", "))
		}
		if err := checkValue(d, join(path, k)); err != nil {
			return err
		}
	}
	_, err = d.Token() // }
	return err
}

// membersAt are the member names an object at path may hold.
func membersAt(path string) []string {
	prefix := path + "."
	if path == "" {
		prefix = ""
	}
	var out []string
	for _, f := range Fields {
		if rest, ok := strings.CutPrefix(f.Path, prefix); ok {
			name, _, _ := strings.Cut(rest, ".")
			if !slices.Contains(out, name) {
				out = append(out, name)
			}
		}
	}
	return out
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

// checkField reads one field's value and checks its type and its value.
func checkField(d *json.Decoder, f Field) error {
	tok, err := d.Token()
	if err != nil {
		return err
	}
	if tok == nil {
		return nil
	}
	bad := func(want string) error {
		skipRest(d, tok)
		return fmt.Errorf("%s: expected %s, got %s", f.Path, want, jsonKind(tok))
	}
	switch f.Type {
	case String:
		s, ok := tok.(string)
		if !ok {
			return bad("a string")
		}
		if f.Values != nil && !slices.Contains(f.Values, s) {
			return fmt.Errorf("%s: %q is not one of %s", f.Path, s, strings.Join(f.Values[1:], ", "))
		}
	case Bool:
		if _, ok := tok.(bool); !ok {
			return bad("true or false")
		}
	case Int:
		n, ok := tok.(json.Number)
		if !ok {
			return bad("a whole number")
		}
		i, err := n.Int64()
		if err != nil {
			return fmt.Errorf("%s: expected a whole number, got %s", f.Path, n)
		}
		if i < 0 {
			return fmt.Errorf("%s: must be 0 or more, got %d", f.Path, i)
		}
	case Strings:
		if delim, ok := tok.(json.Delim); !ok || delim != '[' {
			return bad("a list")
		}
		for i := 0; d.More(); i++ {
			t, err := d.Token()
			if err != nil {
				return err
			}
			if _, ok := t.(string); !ok {
				skipRest(d, t)
				return fmt.Errorf("%s[%d]: expected a string, got %s", f.Path, i, jsonKind(t))
			}
		}
		_, err = d.Token()
		return err
	case Headers:
		if delim, ok := tok.(json.Delim); !ok || delim != '[' {
			return bad("a list")
		}
		for i := 0; d.More(); i++ {
			if err := checkHeader(d, fmt.Sprintf("%s[%d]", f.Path, i)); err != nil {
				return err
			}
		}
		_, err = d.Token()
		return err
	}
	return nil
}

// checkHeader reads one {"name": …, "value": …}.
func checkHeader(d *json.Decoder, path string) error {
	tok, err := d.Token()
	if err != nil {
		return err
	}
	if delim, ok := tok.(json.Delim); !ok || delim != '{' {
		skipRest(d, tok)
		return fmt.Errorf("%s: expected an object, got %s", path, jsonKind(tok))
	}
	named := false
	for d.More() {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		k := tok.(string)
		if k != "name" && k != "value" {
			return fmt.Errorf("%s: unknown field (check the spelling; fields here are name, value)", join(path, k))
		}
		v, err := d.Token()
		if err != nil {
			return err
		}
		s, ok := v.(string)
		if !ok && v != nil {
			skipRest(d, v)
			return fmt.Errorf("%s: expected a string, got %s", join(path, k), jsonKind(v))
		}
		if k == "name" {
			if strings.TrimSpace(s) == "" {
				return fmt.Errorf("%s.name: a header needs a name", path)
			}
			named = true
		}
	}
	if !named {
		return fmt.Errorf("%s.name: a header needs a name", path)
	}
	_, err = d.Token()
	return err
}

// skipRest reads the rest of a value whose first token was tok.
func skipRest(d *json.Decoder, tok json.Token) {
	if delim, ok := tok.(json.Delim); ok && (delim == '{' || delim == '[') {
		for depth := 1; depth > 0; {
			t, err := d.Token()
			if err == io.EOF || err != nil {
				return
			}
			if dl, ok := t.(json.Delim); ok {
				if dl == '{' || dl == '[' {
					depth++
				} else {
					depth--
				}
			}
		}
	}
}

// jsonKind names a JSON value by its first token, as encoding/json does.
func jsonKind(tok json.Token) string {
	switch t := tok.(type) {
	case string:
		return "string"
	case bool:
		return "bool"
	case json.Number:
		return "number"
	case json.Delim:
		if t == '[' {
			return "array"
		}
		return "object"
	}
	return "null"
}

// Validate checks the values that JSON types cannot (enumerations, numbers
// that must not be negative, header names), field by field in document
// order, so the same case always gives the same first error.
func (c Case) Validate() error {
	for _, f := range Fields {
		if err := f.check(&c); err != nil {
			return err
		}
	}
	return nil
}

// check validates the field's value in a case, as Validate does.
func (f Field) check(c *Case) error {
	v := f.value(c)
	switch f.Type {
	case String:
		if f.Values != nil && !slices.Contains(f.Values, v.String()) {
			return fmt.Errorf("%s: %q is not one of %s", f.Path, v.String(), strings.Join(f.Values[1:], ", "))
		}
	case Int:
		if v.Int() < 0 {
			return fmt.Errorf("%s: must be 0 or more, got %d", f.Path, v.Int())
		}
	case Headers:
		for i, h := range c.Request.Headers {
			if strings.TrimSpace(h.Name) == "" {
				return fmt.Errorf("request.headers[%d].name: a header needs a name", i)
			}
		}
	}
	return nil
}

func syntaxError(data []byte, err error) error {
	var se *json.SyntaxError
	if strings.Contains(err.Error(), "unexpected end of JSON input") {
		return errors.New("the case is not valid JSON: it ends too early (a missing } or \"?)")
	}
	if errors.As(err, &se) {
		line := 1 + bytes.Count(data[:min(int(se.Offset), len(data))], []byte("\n"))
		return fmt.Errorf("the case is not valid JSON (line %d): %s", line, strings.TrimPrefix(se.Error(), "json: "))
	}
	return fmt.Errorf("the case is not valid JSON: %s", strings.TrimPrefix(err.Error(), "json: "))
}

func join(path, k string) string {
	if path == "" {
		return k
	}
	return path + "." + k
}

// FieldName names a field of the case for a learner ("the case" for the
// whole document).
func FieldName(f string) string {
	if f == "" {
		return "the case"
	}
	return f
}

// KindWords says what a JSON value of the kind should be, in plain words.
func KindWords(k reflect.Kind) string {
	switch k {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int:
		return "a whole number"
	case reflect.Slice:
		return "a list"
	case reflect.Struct:
		return "an object"
	}
	return "something else"
}
