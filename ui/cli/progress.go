package cli

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// ProgressPrinter draws import progress: a bar redrawn in place on a
// terminal, a plain line now and then when the output is a pipe or a file
// (the command line's stdout then, beside the summary, so that stderr
// carries only what went wrong).
type ProgressPrinter struct {
	W   io.Writer
	TTY bool
	// Width is the terminal's when W does not say its own: W's terminal
	// is asked its width at each frame, so that the bar follows a resize.
	// 0 means 80.
	Width int
	// Start is when the import began: the rate shown is counted from it, as
	// the summary's is. Zero means the first Update.
	Start time.Time

	mu       sync.Mutex
	last     time.Time
	lastLine string // the last plain line written
	bar      liveLine
	done     bool
}

// spareCells is how many cells the bar leaves free at the end of the
// terminal's line: a terminal that rewraps its lines does not rewrap the
// bar when made narrower by a cell or two.
const spareCells = 3

// Update is a Progress.
func (p *ProgressPrinter) Update(pr ImportProgress) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.done {
		return
	}
	now := time.Now()
	if p.Start.IsZero() {
		p.Start = now
	}
	every := 100 * time.Millisecond
	if !p.TTY {
		every = 5 * time.Second
	}
	if p.last.IsZero() {
		p.last = p.Start // the first line after a full interval: short runs stay quiet
	}
	if now.Sub(p.last) < every {
		return
	}
	p.last = now
	status := Plural(pr.Read, "article") + " read"
	if pr.Stored > 0 {
		// Written articles over the time since the start, as the summary
		// counts its rate.
		rate := float64(pr.Stored) / max(now.Sub(p.Start).Seconds(), 0.001)
		status += fmt.Sprintf(", %s stored  %s/s", thousands(pr.Stored), thousands(int(rate)))
	}
	bytes, total := pr.Bytes, pr.Total
	if !p.TTY {
		line := status
		if total > 0 {
			line = fmt.Sprintf("%s (%d%%)", status, percent(bytes, total))
		}
		// An import waiting for the library (another tidings writing)
		// reports no progress: the same line again says nothing new.
		if line != p.lastLine {
			fmt.Fprintln(p.W, line)
			p.lastLine = line
		}
		return
	}
	bar := p.liveBar()
	cols := bar.columns()
	width := cols - spareCells
	line := status
	if total > 0 {
		pct := percent(bytes, total)
		// The bar keeps its width while the status grows: it leaves room
		// for the longest status of this many articles.
		r := thousands(pr.Read)
		barW := width - len(fmt.Sprintf("%s articles read, %s stored  %s/s", r, r, r)) - 9
		if barW >= 10 {
			fill := barW * pct / 100
			line = fmt.Sprintf("[%s%s] %3d%%  %s", strings.Repeat("█", fill), strings.Repeat("░", barW-fill), pct, status)
		} else {
			line = fmt.Sprintf("%3d%%  %s", pct, status)
		}
	}
	bar.draw(line, cols, spareCells)
}

// liveBar is the bar's line on W.
func (p *ProgressPrinter) liveBar() *liveLine {
	p.bar.w, p.bar.width = p.W, p.Width
	return &p.bar
}

// Done clears the bar so the summary starts on a clean line, and draws no
// more.
func (p *ProgressPrinter) Done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.TTY && p.bar.cells > 0 {
		p.liveBar().clear()
	}
	p.done = true
}

// Interrupted is Done for an import stopped by ctrl+c or a signal: on a
// terminal it clears the line whether a bar is drawn or not, since the ^C
// the terminal echoed is on it.
func (p *ProgressPrinter) Interrupted() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.TTY {
		p.liveBar().clear()
	}
	p.done = true
}

func percent(n, total int64) int {
	if total <= 0 {
		return 0
	}
	return int(min(100, n*100/total))
}

// thousands writes n with thousands separators: 1234567 -> 1,234,567.
func thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// PrintSummary writes what an import did: the counts as one line on out,
// then on diag every failure with its file and line, then each warning with
// its file and line (grouped by kind, and the rest of a kind counted, when
// there are many). The import command gives stdout and stderr, so that
// failures show on a terminal when the counts go to a file.
func PrintSummary(out, diag io.Writer, rep ImportReport, elapsed time.Duration) {
	n := rep.Added + rep.Updated + rep.Unchanged + rep.Skipped
	rate := ""
	if elapsed >= time.Second && n > 0 {
		rate = fmt.Sprintf(" in %.1fs", elapsed.Seconds())
		if perSecond := int(float64(n) / elapsed.Seconds()); perSecond > 0 {
			rate += fmt.Sprintf(" (%s articles/s)", thousands(perSecond))
		}
	}
	stopped := ""
	if rep.Stopped {
		stopped = ", then stopped" // what was left to read is not stored
	}
	skipped := ""
	if rep.Skipped > 0 {
		skipped = ", " + thousands(rep.Skipped) + " skipped as deleted"
	}
	fmt.Fprintf(out, "%s added, %s updated, %s unchanged%s, %s failed%s%s\n",
		thousands(rep.Added), thousands(rep.Updated), thousands(rep.Unchanged), skipped, thousands(len(rep.Failed)), rate, stopped)
	if rep.Skipped > 0 {
		were, them := "articles you deleted were", "them"
		if rep.Skipped == 1 {
			were, them = "article you deleted was", "it"
		}
		fmt.Fprintf(diag, "note: %s %s left out; tidings import --undelete with the same files brings %s back\n", thousands(rep.Skipped), were, them)
	}
	if len(rep.NewFeeds) > 0 {
		fmt.Fprintf(diag, "note: %s\n", newFeedsNote(rep.NewFeeds))
	}
	for _, f := range rep.Failed {
		fmt.Fprintf(diag, "failed: %s\n", f)
	}
	printWarnings(diag, rep.Warnings)
}

// feedsListed is how many of the feeds an import subscribed to its
// summary names; the rest are counted.
const feedsListed = 3

// newFeedsNote says which feeds an import subscribed the library to (the
// feeds its articles came from), and how to unsubscribe: fetch would
// otherwise ask them for articles without the user having asked for them.
func newFeedsNote(urls []string) string {
	listed := urls
	if len(urls) > feedsListed+1 { // "and 1 more" takes the room the address would
		listed = urls[:feedsListed]
	}
	shown := make([]string, len(listed))
	for i, u := range listed {
		shown[i] = shownName(u)
	}
	list := strings.Join(shown, ", ")
	how := "tidings feed remove URL unsubscribes"
	if more := len(urls) - len(listed); more > 0 {
		list += " and " + thousands(more) + " more"
		how = "tidings feed list lists them; " + how
	}
	return fmt.Sprintf("subscribed to %s the articles came from: %s (%s)", Plural(len(urls), "feed"), list, how)
}

// Warnings are listed one by one up to maxWarnings; past that, those of
// one kind (their reason but for numbers and quoted text) are listed up to
// perKind, and the rest of that kind counted.
const (
	maxWarnings = 10
	perKind     = 3
)

// printWarnings lists warnings, each with its file and line, grouped by kind
// in the order each kind first appears when there are many and some kind
// has more than are listed; else in the order they came (a file's line
// order).
func printWarnings(w io.Writer, warnings []Problem) {
	if len(warnings) <= maxWarnings || !cutsAny(warnings) {
		for _, wr := range warnings {
			fmt.Fprintf(w, "warning: %s\n", wr)
		}
		return
	}
	byKind := map[string][]Problem{}
	var order []string
	for _, wr := range warnings {
		k := warningKind(wr.Reason)
		if _, ok := byKind[k]; !ok {
			order = append(order, k)
		}
		byKind[k] = append(byKind[k], wr)
	}
	for _, k := range order {
		group := byKind[k]
		listed := group
		if len(group) > perKind+1 { // "and 1 more" would take the line the warning would
			listed = group[:perKind]
		}
		for _, wr := range listed {
			fmt.Fprintf(w, "warning: %s\n", wr)
		}
		if more := len(group) - len(listed); more > 0 {
			fmt.Fprintf(w, "  ... and %s more like this\n", thousands(more))
		}
	}
}

// warningKind is a warning's reason with each run of digits written "#" and
// each quoted text "…", so that "no date; took 2019-09-23 from the id" and

// cutsAny reports whether some kind of warning is more than printWarnings
// lists of one kind.
func cutsAny(warnings []Problem) bool {
	count := map[string]int{}
	for _, wr := range warnings {
		k := warningKind(wr.Reason)
		if count[k]++; count[k] > perKind+1 {
			return true
		}
	}
	return false
}

// "no date; took 2020-01-02 from the id" are one kind.
func warningKind(reason string) string {
	var b strings.Builder
	for i := 0; i < len(reason); i++ {
		c := reason[i]
		switch {
		case c >= '0' && c <= '9':
			for i+1 < len(reason) && reason[i+1] >= '0' && reason[i+1] <= '9' {
				i++
			}
			b.WriteByte('#')
		case c == '"':
			j := i + 1
			for j < len(reason) && reason[j] != '"' {
				if reason[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(reason) { // not closed: an ordinary character
				b.WriteByte(c)
				continue
			}
			b.WriteString(`"…"`)
			i = j
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// Plural is n and the noun, with an s unless n is 1: "1 article", "2,000 articles".
func Plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return thousands(n) + " " + noun + "s"
}
