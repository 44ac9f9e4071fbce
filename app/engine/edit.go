package engine

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// Edit is one change to a case, as data.
type Edit struct {
	// Op is "set_method", "set_header" (replace every line of that name
	// with one, or add it), "remove_header" or "set_fact".
	Op string `json:"op"`
	// Name is the header's name, or the fact's path in the case format
	// ("situation.endpoint.auth_required"); "" for set_method.
	Name string `json:"name,omitempty"`
	// Value is the method, the header's value, or the fact's new value (a
	// bool, a string, a number or a list of strings, as in the case format).
	Value any `json:"value,omitempty"`
}

// maxAlternatives keeps the list short enough to read at a glance.
const maxAlternatives = 5

// Apply makes the edit on a copy of the case. A fact's path and value are
// checked against the case format.
func (e Edit) Apply(c Case) (Case, error) {
	if err := e.change(&c); err != nil {
		return c, err
	}
	return c, c.Validate()
}

// change makes the edit in the case, checking the edit but not the case it
// makes. The case's lists are not written: a header edit makes new ones.
func (e Edit) change(c *Case) error {
	switch e.Op {
	case "set_method":
		m, ok := e.Value.(string)
		if !ok {
			return errors.New("set_method: the value must be a method, as a string")
		}
		c.Request.Method = m
	case "set_header":
		v, ok := e.Value.(string)
		if !ok || e.Name == "" {
			return errors.New("set_header: give the header's name and its value, as a string")
		}
		hs, at := withoutHeader(slices.Clone(c.Request.Headers), e.Name)
		c.Request.Headers = slices.Insert(hs, at, Header{Name: e.Name, Value: v})
	case "remove_header":
		c.Request.Headers, _ = withoutHeader(slices.Clone(c.Request.Headers), e.Name)
	case "set_fact":
		if err := setFact(c, e.Name, e.Value); err != nil {
			return fmt.Errorf("set_fact %s: %w", e.Name, err)
		}
	default:
		return fmt.Errorf("unknown edit %q (one of set_method, set_header, remove_header, set_fact)", e.Op)
	}
	return nil
}

// check validates the field the edit changed in the case it made. Validate
// checks each field alone, so for a case that was valid before the edit
// this is all of Validate.
func (e Edit) check(c *Case) error {
	path := "request.headers"
	switch e.Op {
	case "set_method":
		path = "request.method"
	case "set_fact":
		path = e.Name
	}
	f, _ := FieldByPath(path) // change found a fact's path
	return f.check(c)
}

// withoutHeader drops every line of the name, and says where the first
// one stood (or the end), so that a replaced header keeps its place.
func withoutHeader(hs []Header, name string) ([]Header, int) {
	at := -1
	out := hs[:0]
	for _, h := range hs {
		if strings.EqualFold(h.Name, name) {
			if at < 0 {
				at = len(out)
			}
			continue
		}
		out = append(out, h)
	}
	if at < 0 {
		at = len(out)
	}
	return out, at
}

// setFact sets the situation's field at a path of the case format, found
// in Fields: no second list of the fields to keep in step.
func setFact(c *Case, path string, value any) error {
	if !strings.HasPrefix(path, "situation.") {
		return errors.New("a fact's path starts with situation.")
	}
	fd, ok := FieldByPath(path)
	if !ok {
		return errors.New("no such fact")
	}
	f := fd.value(c)
	v := reflect.ValueOf(value)
	switch {
	case value == nil:
		f.SetZero()
	case f.Kind() == reflect.Slice && v.Kind() == reflect.Slice:
		l := reflect.MakeSlice(f.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			x := reflect.ValueOf(v.Index(i).Interface()) // a []any from JSON holds strings
			if !x.IsValid() || !x.Type().ConvertibleTo(f.Type().Elem()) || x.Kind() != f.Type().Elem().Kind() {
				return fmt.Errorf("expected a list of %s", KindWords(f.Type().Elem().Kind()))
			}
			l.Index(i).Set(x.Convert(f.Type().Elem()))
		}
		f.Set(l)
	case f.Kind() == reflect.Int && (v.CanInt() || v.CanFloat()):
		if v.CanFloat() { // a number from JSON
			f.SetInt(int64(v.Float()))
		} else {
			f.SetInt(v.Int())
		}
	case v.Kind() == f.Kind() && v.Type().ConvertibleTo(f.Type()):
		f.Set(v.Convert(f.Type()))
	default:
		return fmt.Errorf("expected %s", KindWords(f.Kind()))
	}
	return nil
}
