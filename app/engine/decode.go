package engine

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// Choices lists the values each enumerated field accepts, "" (the default)
// first, keyed by the field's path in the case format.
var Choices = map[string][]string{
	"profile":                            {"", string(RFC9110), string(DRF)},
	"situation.server.unavailable":       {"", "maintenance", "overloaded"},
	"situation.endpoint.auth_scheme":     {"", "Bearer", "Basic", "Token", "Session"},
	"situation.endpoint.post_result":     {"", "create", "action", "see_other"},
	"situation.resource.state":           {"", "exists", "missing", "gone", "moved_permanently", "moved_temporarily"},
	"situation.processing.failure":       {"", "crash", "upstream_invalid", "upstream_timeout", "dependency_down"},
	"situation.processing.conflict":      {"", "duplicate", "version", "state"},
	"situation.processing.response_body": {"", "body", "empty"},
}

// Decode reads a case from JSON. It refuses anything the format does not
// define, and its errors are one line that names the field, in words a
// learner can act on.
func Decode(data []byte) (Case, error) {
	var c Case
	if len(bytes.TrimSpace(data)) == 0 {
		return c, errors.New("the case is empty: expected a JSON object like {\"request\": {\"method\": \"GET\"}}")
	}
	var raw any
	if err := json.Unmarshal(data, &raw); err != nil {
		return c, syntaxError(data, err)
	}
	if err := unknownFields(raw, reflect.TypeOf(c), ""); err != nil {
		return c, err
	}
	if err := json.Unmarshal(data, &c); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return c, fmt.Errorf("%s: expected %s, got %s", FieldName(te.Field), KindWords(te.Type.Kind()), te.Value)
		}
		return c, fmt.Errorf("the case is not valid: %v", err)
	}
	return c, c.Validate()
}

// Encode writes a case as indented JSON, leaving defaults out.
func Encode(c Case) []byte {
	b, _ := json.MarshalIndent(c, "", "  ")
	return b
}

// Validate checks the values that JSON types cannot: enumerations and
// numbers that must not be negative.
func (c Case) Validate() error {
	s := c.Situation
	for path, val := range map[string]string{
		"profile":                            string(c.Profile),
		"situation.server.unavailable":       s.Server.Unavailable,
		"situation.endpoint.auth_scheme":     s.Endpoint.AuthScheme,
		"situation.endpoint.post_result":     s.Endpoint.PostResult,
		"situation.resource.state":           s.Resource.State,
		"situation.processing.failure":       s.Processing.Failure,
		"situation.processing.conflict":      s.Processing.Conflict,
		"situation.processing.response_body": s.Processing.ResponseBody,
	} {
		if !contains(Choices[path], val) {
			return fmt.Errorf("%s: %q is not one of %s", path, val, strings.Join(Choices[path][1:], ", "))
		}
	}
	for path, n := range map[string]int{
		"situation.server.retry_after":              s.Server.RetryAfter,
		"situation.server.max_url_length":           s.Server.MaxURLLength,
		"situation.server.max_header_bytes":         s.Server.MaxHeaderBytes,
		"situation.server.max_body_bytes":           s.Server.MaxBodyBytes,
		"situation.endpoint.rate_limit_retry_after": s.Endpoint.RateLimitRetry,
		"situation.resource.length":                 s.Resource.Length,
	} {
		if n < 0 {
			return fmt.Errorf("%s: must be 0 or more, got %d", path, n)
		}
	}
	for i, h := range c.Request.Headers {
		if strings.TrimSpace(h.Name) == "" {
			return fmt.Errorf("request.headers[%d].name: a header needs a name", i)
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

// unknownFields walks decoded JSON beside the Go type and names the first
// member the format does not define, with its full path.
func unknownFields(raw any, t reflect.Type, path string) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		obj, ok := raw.(map[string]any)
		if !ok {
			return nil // a type error, reported by Unmarshal with its field
		}
		fields := map[string]reflect.Type{}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			fields[name] = f.Type
		}
		for k, v := range obj {
			ft, ok := fields[k]
			if !ok {
				return fmt.Errorf("%s: unknown field (check the spelling; fields here are %s)", join(path, k), names(fields))
			}
			if err := unknownFields(v, ft, join(path, k)); err != nil {
				return err
			}
		}
	case reflect.Slice:
		if arr, ok := raw.([]any); ok {
			for i, v := range arr {
				if err := unknownFields(v, t.Elem(), fmt.Sprintf("%s[%d]", path, i)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func join(path, k string) string {
	if path == "" {
		return k
	}
	return path + "." + k
}

func names(fields map[string]reflect.Type) string {
	var out []string
	for k := range fields {
		out = append(out, k)
	}
	slices.Sort(out)
	return strings.Join(out, ", ")
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
