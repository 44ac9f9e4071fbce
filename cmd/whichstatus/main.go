//go:build !wasm

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	registerRoutes()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	switch {
	case err == nil:
	case errors.Is(err, flag.ErrHelp):
	case errors.Is(err, errUsage):
		os.Exit(2) // the FlagSet has already said what was wrong
	default:
		// One line, as is: decide's errors name the field at fault.
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}

// errUsage is returned after a FlagSet has printed its own complaint.
var errUsage = errors.New("usage")

const usage = `whichstatus: which HTTP status code should this request get, and why?

Usage:
  whichstatus [serve] [-addr 127.0.0.1:8000] [-dir .] [-prefix /name]  serve the site as build writes it
  whichstatus build [-out dist] [-prefix /name] [-dir .] write it as a static site
  whichstatus decide [flags] < case.json                 decide one case
  whichstatus scenarios [flags]                          list or check the scenarios

Run "whichstatus COMMAND -h" for a command's flags.
`

// run is the whole program but for the process: its arguments, its streams
// and a context that ends on an interrupt.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	cmd := "serve"
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		return runServe(ctx, args, stdout, stderr)
	case "build":
		return runBuild(args, stdout, stderr)
	case "decide":
		return runDecide(args, stdin, stdout, stderr)
	case "scenarios":
		return runScenarios(args, stdout, stderr)
	case "help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown command %q (want serve, build, decide or scenarios)", cmd)
}

// parseFlags parses a subcommand's flags, printing its usage to stderr.
func parseFlags(fs *flag.FlagSet, args []string, stderr io.Writer) error {
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "whichstatus %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		fs.Usage()
		return errUsage
	}
	return nil
}
