package cli

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// ProgressPrinter draws import progress: a bar redrawn in place on a
// terminal, a plain line now and then when the output is a pipe or a file.
type ProgressPrinter struct {
	W     io.Writer
	TTY   bool
	Width int // of the terminal; 0 means 80
	Noun  string

	mu    sync.Mutex
	start time.Time
	last  time.Time
	drawn bool
}

// Update is a Progress.
func (p *ProgressPrinter) Update(bytes, total int64, n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if p.start.IsZero() {
		p.start = now
	}
	every := 100 * time.Millisecond
	if !p.TTY {
		every = 5 * time.Second
	}
	if p.last.IsZero() {
		p.last = now // the first line after a full interval: short runs stay quiet
	}
	if now.Sub(p.last) < every {
		return
	}
	p.last = now
	rate := float64(n) / max(now.Sub(p.start).Seconds(), 0.001)
	noun := p.Noun
	if noun == "" {
		noun = "articles"
	}
	status := fmt.Sprintf("%s %s  %s/s", thousands(n), noun, thousands(int(rate)))
	if !p.TTY {
		if total > 0 {
			fmt.Fprintf(p.W, "%s (%d%%)\n", status, percent(bytes, total))
		} else {
			fmt.Fprintln(p.W, status)
		}
		return
	}
	width := p.Width
	if width <= 0 {
		width = 80
	}
	line := status
	if total > 0 {
		pct := percent(bytes, total)
		barW := width - len(status) - 9
		if barW >= 10 {
			fill := barW * pct / 100
			line = fmt.Sprintf("[%s%s] %3d%%  %s", strings.Repeat("█", fill), strings.Repeat("░", barW-fill), pct, status)
		} else {
			line = fmt.Sprintf("%3d%%  %s", pct, status)
		}
	}
	fmt.Fprintf(p.W, "\r\x1b[2K%s", line)
	p.drawn = true
}

// Done clears the bar so the summary starts on a clean line.
func (p *ProgressPrinter) Done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.TTY && p.drawn {
		fmt.Fprint(p.W, "\r\x1b[2K")
	}
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

// maxListed is how many failures or warnings a summary lists one by one.
const maxListed = 50

// PrintSummary writes what an import did: the counts, then each failure with
// its file and line, then warnings (grouped when there are many).
func PrintSummary(w io.Writer, rep ImportReport, elapsed time.Duration) {
	n := rep.Added + rep.Updated + rep.Unchanged
	rate := ""
	if elapsed >= time.Second && n > 0 {
		rate = fmt.Sprintf(" in %.1fs (%s articles/s)", elapsed.Seconds(), thousands(int(float64(n)/elapsed.Seconds())))
	}
	fmt.Fprintf(w, "%s added, %s updated, %s unchanged, %s failed%s\n",
		thousands(rep.Added), thousands(rep.Updated), thousands(rep.Unchanged), thousands(len(rep.Failed)), rate)
	for i, f := range rep.Failed {
		if i == maxListed {
			fmt.Fprintf(w, "  ... and %d more failures\n", len(rep.Failed)-maxListed)
			break
		}
		fmt.Fprintf(w, "failed: %s\n", f)
	}
	if len(rep.Warnings) == 0 {
		return
	}
	byReason := map[string]int{}
	var order []string
	for _, wr := range rep.Warnings {
		if byReason[wr.Reason] == 0 {
			order = append(order, wr.Reason)
		}
		byReason[wr.Reason]++
	}
	if len(rep.Warnings) <= 10 {
		for _, wr := range rep.Warnings {
			fmt.Fprintf(w, "warning: %s\n", wr)
		}
		return
	}
	for _, r := range order {
		fmt.Fprintf(w, "warning: %s articles imported with %q\n", thousands(byReason[r]), r)
	}
}

// Plural is n and the noun, with an s unless n is 1: "1 article", "2,000 articles".
func Plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return thousands(n) + " " + noun + "s"
}
