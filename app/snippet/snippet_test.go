package snippet

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"whichstatus/app/engine"
	"whichstatus/app/scenario"
)

// fragments decides every scenario under both profiles and returns the
// distinct fragments of each language ("go", "python", "javascript"),
// keyed by a name for the file, and the codes they cover.
func fragments(t *testing.T) (src map[string]map[string]string, codes map[int]bool) {
	src, codes = map[string]map[string]string{}, map[int]bool{}
	seen := map[string]bool{}
	for _, s := range scenario.All() {
		for _, p := range engine.Profiles {
			c := s.Case
			c.Profile = p
			d := engine.Recommend(c)
			codes[d.Code] = true
			for i, sn := range For(c, d) {
				if seen[sn.Code] {
					continue
				}
				seen[sn.Code] = true
				if src[sn.Lang] == nil {
					src[sn.Lang] = map[string]string{}
				}
				name := fmt.Sprintf("%s_%s_%d_%d", strings.ReplaceAll(s.ID, "-", "_"), p, d.Code, i)
				src[sn.Lang][name] = sn.Code
			}
		}
	}
	return
}

// TestGoFragmentsCompile builds every Go fragment, each as its own package
// of a throwaway module, with the go command of this toolchain.
func TestGoFragmentsCompile(t *testing.T) {
	src, codes := fragments(t)
	goSrc := src["go"]
	if len(codes) < 40 {
		t.Errorf("fragments cover %d codes, want 40 or more", len(codes))
	}
	goCmd, err := exec.LookPath(filepath.Join(os.Getenv("GOROOT"), "bin", "go"))
	if err != nil {
		if goCmd, err = exec.LookPath("go"); err != nil {
			t.Skip("no go command to compile with")
		}
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module snippets\n\ngo 1.22\n")
	for name, src := range goSrc {
		write(t, filepath.Join(dir, name, "api.go"), src)
	}
	cmd := exec.Command(goCmd, "vet", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go vet of %d fragments: %v\n%s", len(goSrc), err, out)
	}
	t.Logf("%d Go fragments compile and vet clean", len(goSrc))
}

// tool finds a program the checks need. They never skip: make test
// installs python3 and node when they are missing.
func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("no %s on PATH: make test installs it (apt-get install python3 nodejs); %v", name, err)
	}
	return p
}

// TestPythonFragmentsParse: the DRF and FastAPI fragments are valid Python.
func TestPythonFragmentsParse(t *testing.T) {
	src, _ := fragments(t)
	py := tool(t, "python3")
	dir := t.TempDir()
	args := []string{"-m", "py_compile"}
	for name, code := range src["python"] {
		f := filepath.Join(dir, name+".py")
		write(t, f, code)
		args = append(args, f)
	}
	if out, err := exec.Command(py, args...).CombinedOutput(); err != nil {
		t.Fatalf("py_compile of %d fragments: %v\n%s", len(src["python"]), err, out)
	}
	t.Logf("%d DRF and FastAPI fragments parse", len(src["python"]))
}

// TestExpressFragmentsParse: the Express fragments are valid JavaScript
// (node --check parses without running). They are checked in one file,
// each in its own block so that their names do not clash, which costs one
// node instead of hundreds; when that fails, each is checked alone to name
// the one that is wrong.
func TestExpressFragmentsParse(t *testing.T) {
	src, _ := fragments(t)
	node := tool(t, "node")
	dir := t.TempDir()
	js := src["javascript"]
	if len(js) < 20 {
		t.Errorf("%d Express fragments, want one per distinct answer (20 or more)", len(js))
	}
	var all strings.Builder
	for name, code := range js {
		all.WriteString("// " + name + "\n{\n" + code + "}\n")
	}
	f := filepath.Join(dir, "all.js")
	write(t, f, all.String())
	if out, err := exec.Command(node, "--check", f).CombinedOutput(); err == nil {
		t.Logf("%d Express fragments pass node --check", len(js))
		return
	} else {
		t.Errorf("node --check of the %d fragments together: %v\n%s", len(js), err, out)
	}
	for name, code := range js {
		f := filepath.Join(dir, name+".js")
		write(t, f, code)
		if out, err := exec.Command(node, "--check", f).CombinedOutput(); err != nil {
			t.Errorf("node --check %s: %v\n%s\n%s", name, err, out, code)
		}
	}
}

func TestFragmentShape(t *testing.T) {
	c := engine.Case{Request: engine.Request{Method: "POST", URL: "/api/users/",
		Headers: []engine.Header{{Name: "Content-Type", Value: "application/json"}}, Body: `{"email":"a@b.c"}`},
		Situation: engine.Situation{Endpoint: engine.Endpoint{AllowedMethods: []string{"POST"}}}}
	d := engine.Recommend(c)
	py, g, js, fa := DRF(c, d), Go(c, d), Express(c, d), FastAPI(c, d)
	for _, want := range []string{"class UsersView(APIView):", "def post(self, request", "status=status.HTTP_201_CREATED", `"Location": "/api/users/42/"`} {
		if !strings.Contains(py, want) {
			t.Errorf("DRF(create user) lacks %q:\n%s", want, py)
		}
	}
	for _, want := range []string{"func Users(w http.ResponseWriter", `w.Header().Set("Location", "/api/users/42/")`, "w.WriteHeader(http.StatusCreated)"} {
		if !strings.Contains(g, want) {
			t.Errorf("Go(create user) lacks %q:\n%s", want, g)
		}
	}
	for _, want := range []string{`app.post("/api/users/", (req, res) => {`, `res.set("Location", "/api/users/42/"); // should`, "res.status(201) // Created", `.json({"id": 42});`} {
		if !strings.Contains(js, want) {
			t.Errorf("Express(create user) lacks %q:\n%s", want, js)
		}
	}
	for _, want := range []string{`@app.post("/api/users/", status_code=status.HTTP_201_CREATED)`, `response.headers["Location"] = "/api/users/42/"`, `return {"id": 42}`} {
		if !strings.Contains(fa, want) {
			t.Errorf("FastAPI(create user) lacks %q:\n%s", want, fa)
		}
	}

	// An error is raised, with its headers; a code with no DRF name is
	// written as the number.
	c = engine.Case{Request: engine.Request{Method: "DELETE", URL: "/api/orders/7/"},
		Situation: engine.Situation{Endpoint: engine.Endpoint{AllowedMethods: []string{"GET"}}}}
	d = engine.Recommend(c)
	fa, js = FastAPI(c, d), Express(c, d)
	for _, want := range []string{"raise HTTPException(", "status_code=status.HTTP_405_METHOD_NOT_ALLOWED", `"Allow": "GET, HEAD, OPTIONS"`} {
		if !strings.Contains(fa, want) {
			t.Errorf("FastAPI(405) lacks %q:\n%s", want, fa)
		}
	}
	for _, want := range []string{`app.delete("/api/orders/7/"`, `res.set("Allow", "GET, HEAD, OPTIONS")`, "res.status(405)"} {
		if !strings.Contains(js, want) {
			t.Errorf("Express(405) lacks %q:\n%s", want, js)
		}
	}
}

func write(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
