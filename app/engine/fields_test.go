package engine

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestFieldsAreTheCase holds Fields to the Go types: every leaf of Case,
// in order, with its type, and nothing else.
func TestFieldsAreTheCase(t *testing.T) {
	type leaf struct {
		path string
		kind reflect.Kind
		elem reflect.Type
	}
	var leaves []leaf
	var walk func(tp reflect.Type, path string)
	walk = func(tp reflect.Type, path string) {
		for i := 0; i < tp.NumField(); i++ {
			f := tp.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			p := join(path, name)
			if f.Type.Kind() == reflect.Struct {
				walk(f.Type, p)
				continue
			}
			leaves = append(leaves, leaf{p, f.Type.Kind(), f.Type})
		}
	}
	walk(reflect.TypeOf(Case{}), "")
	if len(leaves) != len(Fields) {
		t.Errorf("Case has %d fields, Fields lists %d", len(leaves), len(Fields))
	}
	kinds := map[FieldType]reflect.Type{String: reflect.TypeOf(""), Bool: reflect.TypeOf(false), Int: reflect.TypeOf(0),
		Strings: reflect.TypeOf([]string{}), Headers: reflect.TypeOf([]Header{})}
	for i := range min(len(leaves), len(Fields)) {
		l, f := leaves[i], Fields[i]
		if l.path != f.Path {
			t.Errorf("field %d: Case has %s, Fields has %s (same order, please)", i, l.path, f.Path)
			continue
		}
		if want := kinds[f.Type]; l.elem != want && !(f.Path == "profile" && l.kind == reflect.String) {
			t.Errorf("%s: Fields says %v, Case has %v", f.Path, want, l.elem)
		}
		if f.Plain == "" || f.Default == "" || f.Example == "" || f.Meaning == "" {
			t.Errorf("%s: a column is empty", f.Path)
		}
		if f.Values != nil && f.Values[0] != "" {
			t.Errorf("%s: the default \"\" is not the first value", f.Path)
		}
	}
}

// The first error reported is the first in the document, every time.
func TestDecodeFirstErrorInDocumentOrder(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`{"situation": {"resource": {"state": "x", "stat": 1}, "server": {"unavailable": "y"}}}`, "situation.resource.state:"},
		{`{"situation": {"server": {"unavailable": "y"}, "resource": {"state": "x"}}}`, "situation.server.unavailable:"},
		{`{"situation": {"resourc": {}, "servr": {}, "calle": {}}}`, "situation.resourc:"},
		{`{"situation": {"calle": {}, "servr": {}, "resourc": {}}}`, "situation.calle:"},
		{`{"profile": "x", "request": {"method": 1}}`, "profile:"},
		{`{"request": {"method": 1}, "profile": "x"}`, "request.method:"},
	} {
		for range 20 {
			_, err := Decode([]byte(tt.in))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("Decode(%s) = %v, want the error of %s", tt.in, err, tt.want)
			}
		}
	}
	c := Case{Profile: "x", Situation: Situation{Resource: Resource{State: "y"}, Server: Server{RetryAfter: -1}}}
	for range 20 {
		if err := c.Validate(); err == nil || !strings.HasPrefix(err.Error(), "profile:") {
			t.Fatalf("Validate = %v, want the profile's error first", err)
		}
	}
}

// Get and Set read and write every field as the playground's controls do.
func TestFieldGetSet(t *testing.T) {
	for _, f := range Fields {
		var c Case
		var in, want string
		switch f.Type {
		case Bool:
			in, want = "true", "true"
		case Int:
			in, want = " 42", "42"
		case Strings:
			in, want = "a, b c", "a b c"
		case String:
			in, want = "x", "x"
			if f.Values != nil {
				in, want = f.Values[1], f.Values[1]
			}
		case Headers:
			continue
		}
		f.Set(&c, in)
		if got := f.Get(&c); got != want {
			t.Errorf("%s: Set(%q) then Get = %q, want %q", f.Path, in, got, want)
		}
		f.Set(&c, "")
		if got := f.Get(&c); got != "" {
			t.Errorf("%s: Set(\"\") then Get = %q, want the default", f.Path, got)
		}
	}
}

// caseTable is the README's case-format table as Fields gives it.
func caseTable() string {
	var b strings.Builder
	b.WriteString("| field | default | example | meaning |\n|---|---|---|---|\n")
	for _, f := range Fields {
		b.WriteString("| `" + f.Path + "` | " + f.Default + " | " + f.Example + " | " + f.Meaning + " |\n")
	}
	return b.String()
}

// TestReadmeCaseTable keeps the README's table of the case format the
// same as Fields; -update rewrites it.
func TestReadmeCaseTable(t *testing.T) {
	const path = "../../README.md"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	start := strings.Index(readme, "| field | default | example | meaning |\n")
	if start < 0 {
		t.Fatal("README.md has no case-format table (| field | default | example | meaning |)")
	}
	end := start + strings.Index(readme[start:], "\n\n") + 1
	got, want := readme[start:end], caseTable()
	if got == want {
		return
	}
	if *update {
		if err := os.WriteFile(path, []byte(readme[:start]+want+readme[end:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md's case-format table differs from Fields at %s\n(go test ./app/engine -update rewrites it)", goldenDiff([]byte(got), []byte(want)))
}

// An edit's check is the whole of Validate for a case that was valid
// before the edit (so Alternatives checks each change it tries): for a
// value of every field an edit can set, good or bad, both give the same.
func TestEditCheckIsValidate(t *testing.T) {
	edits := []Edit{
		{Op: "set_method", Value: "BREW"},
		{Op: "set_header", Name: "Accept", Value: "text/csv"},
		{Op: "set_header", Name: " ", Value: "x"},
		{Op: "remove_header", Name: "Accept"},
	}
	for _, f := range Fields {
		if !strings.HasPrefix(f.Path, "situation.") {
			continue
		}
		var values []any
		switch f.Type {
		case String:
			values = []any{"", "not-one-of-them"}
			if f.Values != nil {
				values = append(values, f.Values[len(f.Values)-1])
			}
		case Int:
			values = []any{0, 30, -1}
		case Bool:
			values = []any{true, false}
		case Strings:
			values = []any{[]any{"GET", "POST"}, nil}
		}
		for _, v := range values {
			edits = append(edits, Edit{Op: "set_fact", Name: f.Path, Value: v})
		}
	}
	bad := 0
	for _, e := range edits {
		c := Case{Request: Request{Headers: []Header{{"Accept", "application/json"}}}}
		if err := e.change(&c); err != nil {
			t.Errorf("%+v.change: %v", e, err)
			continue
		}
		got, want := e.check(&c), c.Validate()
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%+v: check = %v, Validate = %v", e, got, want)
		}
		if want != nil {
			bad++
		}
	}
	if bad < 10 {
		t.Errorf("only %d of %d edits make an invalid case: the test tries too few bad values", bad, len(edits))
	}
}
