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
// distinct fragments of each language, keyed by a name for the file.
func fragments(t *testing.T) (goSrc, pySrc map[string]string, codes map[int]bool) {
	goSrc, pySrc, codes = map[string]string{}, map[string]string{}, map[int]bool{}
	seen := map[string]bool{}
	for _, s := range scenario.All() {
		for _, p := range engine.Profiles {
			c := s.Case
			c.Profile = p
			d := engine.Recommend(c)
			codes[d.Code] = true
			for _, sn := range For(c, d) {
				if seen[sn.Code] {
					continue
				}
				seen[sn.Code] = true
				name := fmt.Sprintf("%s_%s_%d", strings.ReplaceAll(s.ID, "-", "_"), p, d.Code)
				if sn.Lang == "go" {
					goSrc[name] = sn.Code
				} else {
					pySrc[name] = sn.Code
				}
			}
		}
	}
	return
}

// TestGoFragmentsCompile builds every Go fragment, each as its own package
// of a throwaway module, with the go command of this toolchain.
func TestGoFragmentsCompile(t *testing.T) {
	goSrc, _, codes := fragments(t)
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

// TestPythonFragmentsParse: the DRF fragments are valid Python.
func TestPythonFragmentsParse(t *testing.T) {
	_, pySrc, _ := fragments(t)
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3 here")
	}
	dir := t.TempDir()
	args := []string{"-m", "py_compile"}
	for name, src := range pySrc {
		f := filepath.Join(dir, name+".py")
		write(t, f, src)
		args = append(args, f)
	}
	if out, err := exec.Command(py, args...).CombinedOutput(); err != nil {
		t.Fatalf("py_compile of %d fragments: %v\n%s", len(pySrc), err, out)
	}
	t.Logf("%d DRF fragments parse", len(pySrc))
}

func TestFragmentShape(t *testing.T) {
	c := engine.Case{Request: engine.Request{Method: "POST", URL: "/api/users/",
		Headers: []engine.Header{{Name: "Content-Type", Value: "application/json"}}, Body: `{"email":"a@b.c"}`},
		Situation: engine.Situation{Endpoint: engine.Endpoint{AllowedMethods: []string{"POST"}}}}
	d := engine.Recommend(c)
	py, g := DRF(c, d), Go(c, d)
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
