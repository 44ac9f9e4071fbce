package engine

import (
	"strings"
	"testing"
)

func TestDecodeErrors(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{``, "the case is empty"},
		{`{`, "not valid JSON"},
		{`[1]`, "the case: expected an object, got array"},
		{`{"request": {"method": 1}}`, "request.method: expected a string, got number"},
		{`{"request": {"headers": {"Accept": "x"}}}`, "request.headers: expected a list, got object"},
		{`{"situaton": {}}`, "situaton: unknown field"},
		{`{"situation": {"server": {"unavailble": "maintenance"}}}`, "situation.server.unavailble: unknown field"},
		{`{"request": {"headers": [{"name": "A", "valu": "b"}]}}`, "request.headers[0].valu: unknown field"},
		{`{"profile": "django"}`, `profile: "django" is not one of rfc9110, drf`},
		{`{"situation": {"resource": {"state": "deleted"}}}`, `situation.resource.state: "deleted" is not one of`},
		{`{"situation": {"server": {"retry_after": -1}}}`, "situation.server.retry_after: must be 0 or more"},
		{`{"situation": {"caller": {"permission_denied": "yes"}}}`, "situation.caller.permission_denied: expected true or false, got string"},
		{`{"request": {"headers": [{"name": "", "value": "b"}]}}`, "request.headers[0].name: a header needs a name"},
	} {
		_, err := Decode([]byte(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Decode(%s) error = %v, want it to contain %q", tt.in, err, tt.want)
		}
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Errorf("Decode(%s) error spans lines: %q", tt.in, err)
		}
	}
}

func TestDecodeRoundTrip(t *testing.T) {
	for _, tt := range engineTests {
		c, err := Decode(Encode(tt.c))
		if err != nil {
			t.Fatalf("Decode(Encode(%s)): %v", tt.name, err)
		}
		if got, want := Recommend(c).Code, Recommend(tt.c).Code; got != want {
			t.Errorf("after a round trip, Recommend(%s) = %d, want %d", tt.name, got, want)
		}
	}
}
