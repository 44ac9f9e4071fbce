package ui

import (
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/engine"
	"whichstatus/app/practice"
)

// Practice is /practice: predict the code of a request, then see the
// engine's answer and why. ?set=<id> picks a set (a course page can link
// one), ?embed=1 shows it without the site's chrome and reports the score
// to the parent page (see postScore).
//
// The questions are made, and decided, only once the page runs in the
// browser: the prerendered page holds the sets, never a question, and the
// playground pays nothing for practice at boot. The engine's answer is
// kept in the component and rendered only after a choice, so it is not in
// the page before then.
type Practice struct {
	app.Compo

	set    *practice.Set
	embed  bool
	queue  []*practice.Question // this round's questions
	at     int                  // the question asked: queue[at]
	d      engine.Decision      // its answer, decided when it is asked
	chosen int                  // the code chosen; 0 while undecided
	typed  string               // the code being typed
	easy   bool                 // four choices rather than the palette
	right  int                  // right answers this round
	done   int                  // answered this round
	prog   *practice.Progress
	msg    string // why the stored progress was not used, or what reset did
	ask    bool   // "reset my progress" asked for a confirmation
}

// practiceSession is how many questions one round asks.
const practiceSession = 8

func (p *Practice) OnPreRender(ctx app.Context) { p.initPage(ctx) }

func (p *Practice) OnNav(ctx app.Context) {
	p.initPage(ctx)
	q := ctx.Page().URL().Query()
	p.embed = q.Get("embed") == "1"
	p.loadProgress()
	p.set = practice.SetByID(q.Get("set"))
	if p.set != nil {
		p.start(p.set)
	} else if q.Get("set") != "" && p.msg == "" {
		p.msg = "There is no practice set called “" + q.Get("set") + "”: choose one below."
	}
}

func (p *Practice) initPage(ctx app.Context) {
	setPage(ctx, "Practice", "Predict the status code of a request, then see the engine's answer, the step that decided it, and why your choice was not it. Progress stays on this device.")
}

// start begins a round of a set: the questions due first (see
// Progress.Order), at most practiceSession of them.
func (p *Practice) start(s *practice.Set) {
	p.set, p.easy = s, s.Easy
	qs := p.prog.Order(s.Questions(), today())
	p.queue = qs[:min(len(qs), practiceSession)]
	p.at, p.right, p.done = 0, 0, 0
	p.ask0()
}

// ask0 asks queue[at]: decide it now, show it without the answer.
func (p *Practice) ask0() {
	p.chosen, p.typed = 0, ""
	if p.at < len(p.queue) {
		p.d = p.queue[p.at].Decide()
	}
}

// choose commits to a code and records the answer.
func (p *Practice) choose(ctx app.Context, code int) {
	if p.chosen != 0 || p.at >= len(p.queue) {
		return
	}
	q := p.queue[p.at]
	p.chosen = code
	ok := practice.Right(q, p.d, code)
	p.done++
	if ok {
		p.right++
	}
	p.prog.Record(q.ID, practice.TopicOf(p.d.Code).ID, ok, today())
	p.saveProgress()
	p.postScore()
	// The reveal takes the place of the choices: move the focus to it, so
	// a keyboard or a screen reader goes on from there.
	ctx.Defer(func(app.Context) { focus("reveal-title") })
}

func (p *Practice) next(ctx app.Context, e app.Event) {
	p.at++
	p.ask0()
	ctx.Defer(func(app.Context) { focus("question-title") })
}

// today is the day number in the learner's time zone, for the schedule
// and the streak.
func today() int {
	offset := 0
	if app.IsClient {
		offset = app.Window().Get("Date").New().Call("getTimezoneOffset").Int()
	}
	return int((time.Now().Unix() - int64(offset)*60) / 86400)
}

func focus(id string) {
	if e := app.Window().GetElementByID(id); e.Truthy() {
		e.Call("focus")
	}
}

// loadProgress reads what is stored; damaged or foreign data is reported
// and practice starts clean (it is overwritten at the next answer).
func (p *Practice) loadProgress() {
	data, _ := storage("getItem", practice.Key)
	prog, err := practice.Decode(data)
	p.prog, p.msg = prog, ""
	if err != nil {
		p.msg = err.Error()
	}
}

func (p *Practice) saveProgress() {
	if _, ok := storage("setItem", practice.Key, p.prog.Encode()); !ok {
		p.msg = "This browser would not store your progress (its storage may be full or turned off): it lasts only until you leave the page."
	}
}

func (p *Practice) reset(ctx app.Context, e app.Event) {
	if !p.ask {
		p.ask = true
		return
	}
	storage("removeItem", practice.Key)
	p.prog, p.ask, p.msg = practice.New(), false, "Your practice progress is reset. Your saved cases are untouched."
}

// postScore tells the course page around an embed how the round goes:
// {type: "whichstatus:score", set, answered, right, total}. Nothing is
// sent anywhere else; the score is no secret, so any parent may hear it.
func (p *Practice) postScore() {
	if !p.embed || !app.IsClient {
		return
	}
	w := app.Window()
	parent := w.Get("parent")
	if !parent.Truthy() || parent.Equal(w) {
		return
	}
	parent.Call("postMessage", map[string]any{
		"type": "whichstatus:score", "set": p.set.ID,
		"answered": p.done, "right": p.right, "total": len(p.queue),
	}, "*")
}

func (p *Practice) Render() app.UI {
	body := []app.UI{
		el("div", "intro",
			txt("h1", "", "Practice"),
			txt("p", "lede", "Read the request, commit to a status code, then see what the engine answers and why. Missed questions come back sooner."),
		),
		when(p.msg != "", func() app.UI { return txt("p", "notice practice-msg", p.msg).ID("practice-msg").Aria("live", "polite") }),
		p.setList(),
		el("div", "practice-grid", p.round(), p.progressView()),
	}
	if p.embed {
		var inner app.UI = p.round()
		if p.set == nil {
			inner = p.setList()
		}
		return el("div", "embed-root", &UpdatePrompt{}, booted(el("main", "embed practice-embed", inner,
			el("footer", "embed-foot", el("span", "embed-brand", logo(20), app.Text(siteName)),
				attrs(link(Href("/practice"), "open", "Practise more on whichstatus"), "target", "_blank", "rel", "noopener")),
		).ID("main")))
	}
	return layout(secPractice, body...)
}

func (p *Practice) setList() app.UI {
	items := make([]app.UI, len(practice.Sets))
	for i, s := range practice.Sets {
		// A plain link: go-app navigates in the page and OnNav starts the set.
		a := attrs(el("a", "set-card", txt("strong", "", s.Title), txt("span", "", s.About)),
			"href", Href("/practice?set="+s.ID), "id", "set-"+s.ID)
		if p.set == s {
			a = a.Aria("current", "true")
		}
		items[i] = el("li", "", a)
	}
	list := el("ul", "set-list", items...)
	if p.set == nil {
		return el("section", "sets", txt("h2", "", "Choose a set"), list)
	}
	// Once a set is chosen the question comes first; the others fold away.
	return el("details", "sets", txt("summary", "", "Choose another set (now: "+p.set.Title+")"), list)
}

// round is the question being asked, its reveal, or the round's end.
func (p *Practice) round() app.UI {
	switch {
	case p.set == nil:
		return nil
	case len(p.queue) == 0:
		return txt("p", "muted", "This set has no questions.")
	case p.at >= len(p.queue):
		return el("section", "panel round-end",
			txt("h2", "", "Round done: "+strconv.Itoa(p.right)+" of "+strconv.Itoa(p.done)+" right").ID("question-title").TabIndex(-1),
			txt("p", "", "The ones you missed come back first next time."),
			button("again", "primary", "Another round", func(ctx app.Context, e app.Event) { p.start(p.set) }),
		)
	}
	q := p.queue[p.at]
	return el("section", "panel question",
		p.questionView(q),
		when(p.chosen == 0, p.answerPad),
		when(p.chosen != 0, func() app.UI { return p.reveal(q) }),
	).ID("question")
}
