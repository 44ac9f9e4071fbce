package snippet

import (
	"strconv"
	"strings"

	"whichstatus/app/engine"
)

// builtIn names what DRF (or Django) already does for a code, so the
// learner need not write it.
var builtIn = map[int]string{
	401: "DRF answers 401 itself when authentication fails: raise exceptions.NotAuthenticated or AuthenticationFailed.",
	403: "DRF answers 403 itself when a permission class refuses: raise exceptions.PermissionDenied.",
	404: "get_object_or_404() and get_object() raise Http404, which DRF answers with 404.",
	405: "DRF answers 405 itself for a method the view does not define, with Allow.",
	406: "DRF answers 406 itself when no renderer matches Accept.",
	415: "DRF answers 415 itself when no parser matches Content-Type.",
	429: "DRF's throttle classes answer 429 with Retry-After for you.",
	100: "The web server sends 100 Continue before any view runs: gunicorn as it reads the headers, uvicorn when Django's ASGI handler reads the body, which it does before routing.",
	101: "Django views do not switch protocols; Django Channels (ASGI) handles WebSocket upgrades.",
	102: "Django cannot send interim responses; queue the work and answer 202 instead.",
}

// DRF writes an APIView method that returns the decision.
func DRF(c engine.Case, d engine.Decision) string {
	method := methodOf(c)
	var b strings.Builder
	b.WriteString("from rest_framework import status\nfrom rest_framework.response import Response\nfrom rest_framework.views import APIView\n\n\n")
	b.WriteString("class " + viewName(c.Request.URL) + "View(APIView):\n")
	fn := strings.ToLower(method)
	if !isIdent(fn) {
		fn = "handle"
	}
	b.WriteString("    def " + fn + "(self, request, *args, **kwargs):\n")
	if note, ok := builtIn[d.Code]; ok {
		b.WriteString("        # " + note + "\n")
	}
	if d.Code < 200 {
		b.WriteString("        # " + strconv.Itoa(d.Code) + " " + d.Reason + " is an interim answer; the final one follows.\n")
	}
	data := "None"
	if sendsBody(d, method) {
		data = body(d)
	}
	b.WriteString("        return Response(\n            " + data + ",\n            status=" + d.Constants.DRF.Type() + ",\n")
	if hs := headers(d); len(hs) > 0 {
		b.WriteString("            headers={\n")
		for _, h := range hs {
			b.WriteString("                " + strconv.Quote(h.Name) + ": " + strconv.Quote(h.Value) + ",  # " + h.Need + "\n")
		}
		b.WriteString("            },\n")
	}
	if ct := contentType(d); sendsBody(d, method) && ct != "application/json" {
		b.WriteString("            content_type=" + strconv.Quote(ct) + ",\n")
	}
	b.WriteString("        )\n")
	return b.String()
}

func isIdent(s string) bool {
	for i, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return s != ""
}
