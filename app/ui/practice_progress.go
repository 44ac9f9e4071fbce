package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"whichstatus/app/practice"
)

// progressView is the learner's progress: the day streak, each topic's
// mastery in words and as a bar, and the reset.
func (p *Practice) progressView() app.UI {
	if p.prog == nil { // the prerendered page: progress lives in the browser
		return nil
	}
	all := practice.All()
	rows := make([]app.UI, 0, len(practice.Topics))
	for _, t := range practice.Topics {
		m, n := p.prog.Mastery(t.ID, all)
		if n == 0 {
			continue
		}
		tl := p.prog.Topics[t.ID]
		words, counts := practice.MasteryWords(m, tl != nil), "not asked yet"
		if tl != nil {
			counts = strconv.Itoa(tl.Right) + " right, " + strconv.Itoa(tl.Wrong) + " missed"
		}
		pct := strconv.Itoa(int(m*100 + 0.5))
		rows = append(rows, el("li", "topic",
			el("div", "topic-line", txt("span", "topic-name", t.Title), txt("span", "topic-words", words)),
			attrs(el("progress", "bar"), "max", "100", "value", pct, "aria-label", t.Title+": "+words+", "+pct+" percent"),
			txt("span", "muted topic-counts", counts),
		).DataSet("topic", t.ID))
	}
	days := p.prog.StreakNow(today())
	streak := "No streak yet: answer a question to start one."
	if days > 0 {
		streak = "Practice streak: " + strconv.Itoa(days) + " day" + plural(days) + " (a day off does not break it; a longer break halves it)."
	}
	reset := "Reset my progress"
	if p.ask {
		reset = "Yes, forget my practice progress"
	}
	return el("section", "panel progress",
		txt("h2", "", "Your progress"),
		txt("p", "streak", streak).ID("streak"),
		el("ul", "topics", rows...).ID("topics"),
		el("p", "muted", app.Text("Kept in this browser only, under "), txt("code", "", practice.Key),
			app.Text(". Missed questions come back the same day; each right answer puts a question off for longer.")),
		button("reset-progress", "ghost", reset, p.reset),
	).ID("progress")
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
