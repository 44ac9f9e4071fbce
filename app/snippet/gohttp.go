package snippet

import (
	"strconv"
	"strings"

	"whichstatus/app/engine"
)

// goNote says what net/http does by itself for a code.
var goNote = map[int]string{
	100: "net/http sends 100 Continue by itself when the handler first reads r.Body.",
	101: "A WebSocket library performs the handshake and writes the 101 for you.",
	304: "http.ServeContent answers 304 and 412 for you when you give it a modification time or an ETag.",
	206: "http.ServeContent answers Range requests (206, 416) for you.",
	416: "http.ServeContent answers Range requests (206, 416) for you.",
}

// Go writes a net/http handler that returns the decision. The result is a
// whole file of package api, so that a test can compile it.
func Go(c engine.Case, d engine.Decision) string {
	method := methodOf(c)
	withBody := sendsBody(d, method)
	var b strings.Builder
	b.WriteString("package api\n\nimport ")
	if withBody {
		b.WriteString("(\n\t\"io\"\n\t\"net/http\"\n)\n\n")
	} else {
		b.WriteString("\"net/http\"\n\n")
	}
	b.WriteString("// " + viewName(c.Request.URL) + " answers " + strconv.Quote(method+" "+or(c.Request.URL, "/")) + ".\n")
	b.WriteString("func " + viewName(c.Request.URL) + "(w http.ResponseWriter, r *http.Request) {\n")
	if note, ok := goNote[d.Code]; ok {
		b.WriteString("\t// " + note + "\n")
	}
	for _, h := range headers(d) {
		b.WriteString("\tw.Header().Set(" + strconv.Quote(h.Name) + ", " + strconv.Quote(h.Value) + ") // " + h.Need + "\n")
	}
	if withBody {
		b.WriteString("\tw.Header().Set(\"Content-Type\", " + strconv.Quote(contentType(d)) + ")\n")
	}
	b.WriteString("\tw.WriteHeader(" + d.Constants.Go.Type() + ")\n")
	if withBody {
		b.WriteString("\tio.WriteString(w, `" + strings.ReplaceAll(body(d), "`", "'") + "`)\n")
	}
	b.WriteString("}\n")
	return b.String()
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
