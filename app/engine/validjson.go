package engine

import "encoding/json"

// jsonValid reports whether a body is one JSON value (RFC 8259), exactly as
// json.Valid does, but reads the string in place: json.Valid wants a copy
// as []byte and a scanner from a pool, which was a tenth of the engine's
// time. Nesting deeper than the stack below is left to json.Valid.
// FuzzJSONValid holds the two to the same answers.
func jsonValid(s string) bool {
	var open [32]byte // '{' or '[' for each level we are inside
	depth := 0
	i := skipSpace(s, 0)
	for {
		// A value starts at i.
		if i >= len(s) {
			return false
		}
		switch c := s[i]; {
		case c == '{' || c == '[':
			if depth == len(open) {
				return json.Valid([]byte(s))
			}
			open[depth] = c
			depth++
			i = skipSpace(s, i+1)
			if i < len(s) && s[i] == c+2 { // '}' is '{'+2, ']' is '['+2
				depth--
				i++
				break
			}
			if c == '{' {
				if i = member(s, i); i < 0 {
					return false
				}
			}
			continue
		case c == '"':
			if i = jsonString(s, i); i < 0 {
				return false
			}
		case c == '-' || c >= '0' && c <= '9':
			if i = jsonNumber(s, i); i < 0 {
				return false
			}
		default:
			if i = literal(s, i); i < 0 {
				return false
			}
		}
		// A value ended at i: close what it completes, or go on to the next.
		for {
			i = skipSpace(s, i)
			if depth == 0 {
				return i == len(s)
			}
			if i >= len(s) {
				return false
			}
			if s[i] == open[depth-1]+2 {
				depth--
				i++
				continue
			}
			if s[i] != ',' {
				return false
			}
			i = skipSpace(s, i+1)
			if open[depth-1] == '{' {
				if i = member(s, i); i < 0 {
					return false
				}
			}
			break
		}
	}
}

// member reads an object key and its colon; it returns where the value
// starts, or -1.
func member(s string, i int) int {
	if i >= len(s) || s[i] != '"' {
		return -1
	}
	if i = jsonString(s, i); i < 0 {
		return -1
	}
	if i = skipSpace(s, i); i >= len(s) || s[i] != ':' {
		return -1
	}
	return skipSpace(s, i+1)
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	return i
}

// jsonString reads a string that starts at s[i] == '"' and returns the
// position after its closing quote, or -1.
func jsonString(s string, i int) int {
	for i++; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			return i + 1
		case c < 0x20:
			return -1
		case c == '\\':
			i++
			if i >= len(s) {
				return -1
			}
			switch s[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if i+4 >= len(s) {
					return -1
				}
				for _, h := range []byte(s[i+1 : i+5]) {
					if !isHex(h) {
						return -1
					}
				}
				i += 4
			default:
				return -1
			}
		}
	}
	return -1
}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// jsonNumber reads -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? from i.
func jsonNumber(s string, i int) int {
	if s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && s[i] >= '1' && s[i] <= '9':
		i = digits(s, i)
	default:
		return -1
	}
	if i < len(s) && s[i] == '.' {
		if j := digits(s, i+1); j > i+1 {
			i = j
		} else {
			return -1
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if j := digits(s, i); j > i {
			i = j
		} else {
			return -1
		}
	}
	return i
}

func digits(s string, i int) int {
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

// literal reads true, false or null.
func literal(s string, i int) int {
	for _, w := range [...]string{"true", "false", "null"} {
		if len(s)-i >= len(w) && s[i:i+len(w)] == w {
			return i + len(w)
		}
	}
	return -1
}
