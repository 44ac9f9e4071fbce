//go:build !wasm

package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"whichstatus/app/engine"
	"whichstatus/app/scenario"
	"whichstatus/app/status"
)

// runDecide reads a case (a file, "-" or standard input, or a scenario by
// id) and prints the engine's decision as JSON, or as text with -text.
func runDecide(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("decide", flag.ContinueOnError)
	id := fs.String("scenario", "", "decide the scenario with this `id` (see: whichstatus scenarios)")
	text := fs.Bool("text", false, "print a readable verdict and trace instead of JSON")
	profile := fs.String("profile", "", "judge by this `profile` (rfc9110 or drf) instead of the case's own")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: whichstatus decide [-text] [-profile P] [FILE | - | -scenario ID]\nReads a case as JSON (standard input when no FILE is given) and prints the decision.")
		fs.PrintDefaults()
	}
	files, err := parseInterspersed(fs, args, stderr)
	if err != nil {
		return err
	}
	c, err := readCase(*id, files, stdin)
	if err != nil {
		return fmt.Errorf("whichstatus decide: %w", err)
	}
	if *profile != "" {
		c.Profile = engine.Profile(*profile)
		if err := c.Validate(); err != nil {
			return fmt.Errorf("whichstatus decide: -profile: %q is not one of rfc9110, drf", *profile)
		}
	}
	d := engine.Recommend(c)
	alts := engine.Alternatives(c, d)
	if *text {
		writeText(stdout, d, alts)
		return nil
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		engine.Decision
		Alternatives []engine.Alternative `json:"alternatives"`
	}{d, alts})
}

// parseInterspersed lets flags come after the file name too.
func parseInterspersed(fs *flag.FlagSet, args []string, stderr io.Writer) ([]string, error) {
	fs.SetOutput(stderr)
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, errUsage
		}
		if fs.NArg() == 0 {
			return rest, nil
		}
		rest, args = append(rest, fs.Arg(0)), fs.Args()[1:]
	}
}

func readCase(id string, files []string, stdin io.Reader) (engine.Case, error) {
	switch {
	case len(files) > 1:
		return engine.Case{}, errors.New("give one case file at a time")
	case id != "" && len(files) > 0:
		return engine.Case{}, errors.New("give either a file or -scenario, not both")
	case id != "":
		s, ok := scenario.ByID(id)
		if !ok {
			return engine.Case{}, fmt.Errorf("no scenario %q (whichstatus scenarios lists them)", id)
		}
		return s.Case, nil
	}
	var data []byte
	var err error
	name := "standard input"
	if len(files) == 0 || files[0] == "-" {
		data, err = io.ReadAll(io.LimitReader(stdin, 16<<20))
	} else {
		name = files[0]
		data, err = os.ReadFile(files[0])
	}
	if err != nil {
		return engine.Case{}, fmt.Errorf("cannot read %s: %v", name, err)
	}
	return engine.Decode(data)
}

// writeText prints a decision for a terminal: the verdict first, then what
// to send, the trace, the notes and the single changes that give another
// code.
func writeText(w io.Writer, d engine.Decision, alts []engine.Alternative) {
	p := func(format string, a ...any) { fmt.Fprintf(w, format, a...) }
	p("%d %s", d.Code, d.Reason)
	if d.Formerly != "" {
		p(" (formerly %q)", d.Formerly)
	}
	p("  · %s · %s profile\n%s\n%s  %s\n", d.Class, d.Profile.Title(), d.Why, d.Ref, d.Link)
	if d.Then != nil {
		p("Then: %d %s. %s\n", d.Then.Code, d.Then.Reason, d.Then.Why)
		for _, h := range d.Then.Headers {
			p("  with %s: %s   (%s; %s)\n", h.Name, h.Value, h.Need, h.Ref)
		}
	}
	if d.Other != nil {
		p("%s would answer %d %s: %s\n", d.Other.Profile.Title(), d.Other.Code, d.Other.Reason, d.Other.Why)
	}
	if len(d.Also) > 0 {
		p("\nAlso wrong with this request (what later checks would answer):\n")
		for _, a := range d.Also {
			p("  %d %s: %s\n", a.Code, a.Reason, a.Why)
			if a.Order != "" {
				p("    Why this comes later: %s\n", a.Order)
			}
		}
	}
	p("\nConstants:\n")
	for i, n := range d.Constants.List() {
		p("  %-13s %s", status.Ecosystems[i].Short, n.Type())
		if n.Name == "" {
			p("   (%s)", n.Note)
		}
		p("\n")
	}
	if len(d.Headers) > 0 {
		p("\nSend with it:\n")
		for _, h := range d.Headers {
			p("  %s: %s   (%s; %s) %s\n", h.Name, h.Value, h.Need, h.Ref, h.Why)
		}
	}
	p("\nTrace:\n")
	// Each step leads to the next line; only where one ends at a code is
	// that said (the node ids are the JSON's, not words for a reader).
	for i, s := range d.Trace {
		p("%3d. %s %s", i+1, s.Question, strings.ToUpper(s.Answer()))
		if c := engine.Code(s.Next()); c != 0 {
			p(" → %d", c)
		}
		p("\n     %s · %s\n", s.Input, s.Ref())
	}
	if len(d.Notes) > 0 {
		p("\nNotes:\n")
		for _, n := range d.Notes {
			p("  %s %s\n", n.Title, n.Text)
		}
	}
	if len(alts) > 0 {
		p("\nWhat would change the answer:\n")
		for _, a := range alts {
			p("  %s → %d %s\n", a.Change, a.Code, a.Reason)
		}
	}
}

// runScenarios prints one JSON object per scenario and line; with -check it
// also decides each one and fails when the engine disagrees.
func runScenarios(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("scenarios", flag.ContinueOnError)
	check := fs.Bool("check", false, "decide every scenario and fail if any gets another code than expected")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	type line struct {
		ID    string `json:"id"`
		Title string `json:"title"`
		Code  int    `json:"code"`
		Got   int    `json:"got,omitempty"`
	}
	enc := json.NewEncoder(stdout)
	bad := 0
	for _, s := range scenario.All() {
		l := line{ID: s.ID, Title: s.Title, Code: s.Code}
		if *check {
			if l.Got = engine.Recommend(s.Case).Code; l.Got != s.Code {
				bad++
			}
		}
		if err := enc.Encode(l); err != nil {
			return err
		}
	}
	if bad > 0 {
		return fmt.Errorf("whichstatus scenarios: %d scenario(s) got another code than expected", bad)
	}
	return nil
}
