package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/engine"
	"whichstatus/app/share"
)

// A case of any size travels as a file: the share dialog saves it, in the
// case format (the JSON that `whichstatus decide` reads), and "Open a
// case…" reads one back as strictly as a link (share.ReadFile).

// fileName is the name the saved file gets: whichstatus-<scenario>.json.
func (p *Playground) fileName() string {
	return "whichstatus-" + orText(p.sc.ID, "case") + ".json"
}

func (p *Playground) saveFileButton() app.UI {
	return button("save-file", "ghost", "Save the case to a file", func(ctx app.Context, e app.Event) {
		download(p.fileName(), string(engine.Encode(p.c))+"\n")
	})
}

// download hands text to the browser as a file to save. The link is never
// in the page, so go-app's navigation does not see its click.
func download(name, text string) {
	w := app.Window()
	blob := w.Get("Blob").New([]any{text}, map[string]any{"type": "application/json"})
	url := w.Get("URL").Call("createObjectURL", blob).String()
	a := w.Get("document").Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	a.Call("click")
	go func() { // once the browser has the file
		time.Sleep(time.Minute)
		w.Get("URL").Call("revokeObjectURL", url)
	}()
}

// openCaseButton is "Open a case…": a button for the hidden file input,
// and what the last file did.
func (p *Playground) openCaseButton() []app.UI {
	return []app.UI{
		button("open-case", "ghost", "Open a case…", func(ctx app.Context, e app.Event) {
			if in := app.Window().GetElementByID("open-case-file"); in.Truthy() {
				in.Call("click")
			}
		}),
		void("input").ID("open-case-file").Class("file-input").Attr("type", "file").Attr("accept", ".json,application/json").
			Attr("hidden", true).Attr("tabindex", "-1").Attr("aria-hidden", "true").
			OnChange(p.openFile),
		when(p.file != "", func() app.UI {
			if p.fileErr {
				return notice("file-error", p.file, "The case below has not changed.")
			}
			return attrs(txt("p", "hint file-msg", p.file), "id", "file-msg", "role", "status")
		}),
	}
}

// openFile reads the file chosen, then opens its case or says why not.
func (p *Playground) openFile(ctx app.Context, e app.Event) {
	in := ctx.JSSrc()
	files := in.Get("files")
	if !files.Truthy() || files.Length() == 0 {
		return
	}
	f := files.Index(0)
	name := f.Get("name").String()
	in.Set("value", "") // the same file again is a new choice
	if err := share.CheckFileSize(f.Get("size").Int()); err != nil {
		p.fileDone(ctx, name, err) // not read at all
		return
	}
	var done, failed app.Func
	release := func() { done.Release(); failed.Release() }
	done = app.FuncOf(func(this app.Value, args []app.Value) any {
		text := args[0].String()
		release()
		ctx.Dispatch(func(ctx app.Context) {
			c, err := share.ReadFile([]byte(text))
			if err == nil {
				p.c, p.d = c, engine.Recommend(c)
				p.edited, p.title, p.story = p.sc.ID != "", "", ""
				p.changed(ctx)
			}
			p.fileDone(ctx, name, err)
		})
		return nil
	})
	failed = app.FuncOf(func(this app.Value, args []app.Value) any {
		release()
		ctx.Dispatch(func(ctx app.Context) {
			p.fileDone(ctx, name, errUnreadable)
		})
		return nil
	})
	f.Call("text").Call("then", done, failed)
}

var errUnreadable = fileError("This browser could not read the file: it may have been moved or deleted meanwhile.")

type fileError string

func (e fileError) Error() string { return string(e) }

// fileDone says what opening name did.
func (p *Playground) fileDone(ctx app.Context, name string, err error) {
	p.fileErr = err != nil
	switch {
	case name == "":
		p.file = ""
	case err != nil:
		p.file = err.Error()
	default:
		p.file = "Opened the case in “" + name + "”."
	}
	p.Update()
}
