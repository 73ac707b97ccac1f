package ui

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"tidings/ui/shellwords"
)

// Opening a link in a browser: config.toml's browser, $BROWSER's commands,
// the system's opener, each tried in turn, none through a shell.

// textBrowsers are browsers that run in the terminal: tidings hands the
// terminal over to them while they run, as newsboat does.
var textBrowsers = map[string]bool{
	"w3m": true, "lynx": true, "links": true, "links2": true, "elinks": true,
	"browsh": true, "carbonyl": true, "cha": true, "chawan": true, "www-browser": true,
}

// browserGrace is how long a browser is watched once started: one that
// fails within it (exits with a failure) did not open the link, and the
// next command is tried; one that exits with success, or is still running
// after it, opened the link.
const browserGrace = time.Second

// openInBrowser opens a link with the first of browserCommands that is
// installed and does not fail: a text browser gets the terminal until it
// quits, another runs in the background, its output kept off the screen so
// that it cannot draw over the UI. No shell is involved. It runs as a
// command: finding what is installed reads the disk, and a browser is
// watched for browserGrace. browser is config.toml's, tried first.
func openInBrowser(browser, link string) tea.Cmd {
	return func() tea.Msg {
		if err := checkLink(link); err != nil {
			return statusMsg{text: err.Error(), err: true}
		}
		return tryBrowsers(browserCommands(browser, link), link, browserTries{})
	}
}

// browserTries is what the commands tried so far came to: those not
// installed, the first that failed, and why config.toml's did not open it.
type browserTries struct {
	missing []browserCommand
	failed  error
	config  error
}

// fail keeps err if it is the first failure, and as config.toml's when c
// is that browser.
func (t *browserTries) fail(c browserCommand, err error) {
	if t.failed == nil {
		t.failed = err
	}
	if c.from == fromConfig && t.config == nil {
		t.config = err
	}
}

// opened says that link was opened, and why config.toml's browser did not
// open it when another did: a browser set there that fails is a mistake to
// mend, which the command that worked after it would hide. ($BROWSER's
// commands are a list of fallbacks: one giving way to the next is what they
// are for.) What to mend comes first, the link last: a status line cut to
// the terminal's width loses the end of a long link, not the mistake.
func (t browserTries) opened(link string) statusMsg {
	if t.config == nil {
		return statusMsg{text: "opened " + link}
	}
	return statusMsg{text: "Fix browser in config.toml (" + t.config.Error() + "); opened " + link}
}

// tryBrowsers tries cs in turn, after those tried, until one opens link.
func tryBrowsers(cs []browserCommand, link string, tried browserTries) tea.Msg {
	for i, c := range cs {
		if c.err != nil {
			tried.fail(c, c.err)
			continue
		}
		path, err := exec.LookPath(c.argv[0])
		if err != nil {
			tried.missing = append(tried.missing, c)
			if c.from == fromConfig {
				tried.config = fmt.Errorf("%s is not installed", c.argv[0])
			}
			continue
		}
		if textBrowsers[filepath.Base(c.argv[0])] {
			return runTextBrowser(path, c, cs[i+1:], link, tried)
		}
		if err := startBrowser(path, c.argv); err != nil {
			tried.fail(c, err)
			continue
		}
		return tried.opened(link)
	}
	return statusMsg{text: tried.err(link), err: true}
}

// err says why no command opened link: what to do first, and then why, so
// that a status line cut to the terminal's width keeps what to do.
func (t browserTries) err(link string) string {
	missing := t.missing
	switch {
	case t.failed != nil:
		return "opening link: " + t.failed.Error()
	case len(missing) == 0:
		return "opening link: no browser to open it with"
	case mailtoLink(link):
		return fmt.Sprintf("y copies the address: nothing here opens mailto links (%s is not installed)", missing[0].argv[0])
	case len(missing) == 1 && missing[0].from == fromConfig:
		return fmt.Sprintf("Fix browser in config.toml: %s is not installed", missing[0].argv[0])
	case len(missing) == 1:
		return fmt.Sprintf("Set $BROWSER or browser in config.toml: %s is not installed", missing[0].argv[0])
	}
	return fmt.Sprintf("Set $BROWSER or browser in config.toml: none of %s is installed", missingBrowsers(missing))
}

// runTextBrowser hands the terminal to a text browser until it quits. One
// that fails within browserGrace gives way to the rest of the commands, as
// one not installed does; one that fails later, after it was used, is
// only reported.
func runTextBrowser(path string, c browserCommand, rest []browserCommand, link string, tried browserTries) tea.Msg {
	started := time.Now()
	return tea.ExecProcess(exec.Command(path, c.argv[1:]...), func(err error) tea.Msg {
		if err == nil {
			if tried.config != nil {
				return tried.opened(link)
			}
			return nil // seen: it had the terminal
		}
		tried.fail(c, browserFailed(c.argv[0], err, ""))
		if time.Since(started) < browserGrace && len(rest) > 0 {
			// The next command runs as a command of its own: it may read the
			// disk and wait for a browser, which Update must not.
			return tea.BatchMsg{func() tea.Msg { return tryBrowsers(rest, link, tried) }}
		}
		return statusMsg{text: "opening link: " + tried.failed.Error(), err: true}
	})()
}

// startBrowser starts a browser in the background and watches it for
// browserGrace: an error if it does not start or fails within it. Its
// error output goes to a file that is removed at once, not to a pipe, so
// that a browser it leaves running (as xdg-open leaves firefox) is neither
// held up nor stopped by a pipe closed under it; the file's first line
// says why it failed.
func startBrowser(path string, argv []string) error {
	cmd := exec.Command(path, argv[1:]...)
	stderr, err := os.CreateTemp("", "tidings-browser-*")
	if err == nil {
		defer os.Remove(stderr.Name())
		defer stderr.Close()
		cmd.Stderr = stderr
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	if stderr != nil {
		os.Remove(stderr.Name()) // the browser writes on into its open file, unseen
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }() // reaps it, however long it runs
	select {
	case err := <-exited:
		if err != nil {
			return browserFailed(argv[0], err, firstLine(stderr))
		}
		return nil
	case <-time.After(browserGrace):
		return nil
	}
}

// browserFailed says that a browser failed, with the first line of its
// error output when there is one: the browser (false) failed: exit status 1.
func browserFailed(program string, err error, said string) error {
	msg := fmt.Sprintf("the browser (%s) failed: %v", oneLine(filepath.Base(program)), err)
	if said != "" {
		msg += ": " + said
	}
	return errors.New(msg)
}

// maxBrowserSaid bounds how much of a browser's error line a message quotes.
const maxBrowserSaid = 200

// firstLine is the first line of what f holds, cleaned for the status line
// (it is the browser's, which may print anything) and cut short; "" for a
// nil f.
func firstLine(f *os.File) string {
	if f == nil {
		return ""
	}
	buf := make([]byte, 4096)
	n, _ := f.ReadAt(buf, 0)
	line, _, _ := strings.Cut(strings.TrimSpace(string(buf[:n])), "\n")
	line = oneLine(line)
	if r := []rune(line); len(r) > maxBrowserSaid {
		line = string(r[:maxBrowserSaid]) + "…"
	}
	return line
}

// Where a browser's command comes from.
const (
	fromConfig  = "config.toml's browser"
	fromBrowser = "$BROWSER's"
)

// browserCommand is a command that may open a link, and where it comes
// from, for the message that says it is not installed; or why it cannot be
// read (a quote not closed).
type browserCommand struct {
	argv []string
	from string // fromConfig, fromBrowser, or "" for the system's opener
	err  error
}

// missingBrowsers names the browsers of commands not installed, by where
// they come from: config.toml's browser w3m and $BROWSER's firefox, lynx.
func missingBrowsers(cs []browserCommand) string {
	var parts []string
	for i := 0; i < len(cs); {
		j := i
		var names []string
		for ; j < len(cs) && cs[j].from == cs[i].from; j++ {
			names = append(names, cs[j].argv[0])
		}
		part := strings.Join(names, ", ")
		if cs[i].from != "" {
			part = cs[i].from + " " + part
		}
		parts = append(parts, part)
		i = j
	}
	return strings.Join(parts, " and ")
}

// browserCommands are the commands that may open link, to be tried in
// turn: config.toml's browser, then $BROWSER's, which may list several
// separated by colons (each read as shellwords.Split reads it, with %u or %s
// replaced by the link, else the link added), else the system's opener. A
// mailto link goes to the system's opener, which knows the mail program.
func browserCommands(browser, link string) []browserCommand {
	var out []browserCommand
	if !mailtoLink(link) {
		if c, ok := readBrowserCommand(browser, fromConfig, link); ok {
			out = append(out, c)
		}
		for _, s := range strings.Split(os.Getenv("BROWSER"), ":") {
			if c, ok := readBrowserCommand(s, fromBrowser, link); ok {
				out = append(out, c)
			}
		}
	}
	if len(out) == 0 {
		opener := "xdg-open"
		if runtime.GOOS == "darwin" {
			opener = "open"
		}
		out = append(out, browserCommand{argv: []string{opener, link}})
	}
	return out
}

// readBrowserCommand reads one browser's command s, from where it comes
// from, for link; false when s has no words.
func readBrowserCommand(s, from, link string) (browserCommand, bool) {
	argv, err := shellwords.Split(s)
	switch {
	case err == nil && len(argv) == 0:
		return browserCommand{}, false
	case err == nil && argv[0] == "":
		err = errors.New("it names no program")
	}
	if err == nil {
		argv, err = withLink(argv, link)
	}
	if err != nil {
		return browserCommand{from: from, err: fmt.Errorf("%s %q: %w", from, oneLine(s), err)}, true
	}
	return browserCommand{argv: argv, from: from}, true
}

// handedToShell reports whether the word a, at index i of a browser's
// command, is likely run by a shell the command starts, though no shell is
// named in it: a word of several words (tmux new-window 'w3m %u', screen,
// xterm -e 'w3m %u', su -c), but a flag's ("--url=%u now"), is a command
// line for a program that gives it to sh -c, and every word after ssh's (at remote, -1 when there is none)
// is joined into one for the shell on the other side. Such a word is quoted
// as a POSIX shell script.
func handedToShell(a string, i, remote int) bool {
	return (strings.ContainsAny(a, " \t\n") && !strings.HasPrefix(a, "-")) || (remote >= 0 && i > remote)
}

// withLink puts link where a browser's command says, with %u (as
// newsboat's browser setting writes it) or %s, else after it: each word
// holding one is the link in one argument, never split again, whatever the
// link holds. The program, the first word, is never the link. The script
// a shell is given with -c (sh -c 'firefox %u &') is read again by that
// shell, so there the link is quoted for it (scriptWithLink), as it is in
// a word a program likely hands to sh (handedToShell); an error says where
// in a script it cannot be.
func withLink(argv []string, link string) ([]string, error) {
	script, dialect := shellScript(argv)
	remote := slices.IndexFunc(argv, func(w string) bool { return filepath.Base(w) == "ssh" })
	placed := false
	for i, a := range argv[1:] {
		if !strings.Contains(a, "%s") && !strings.Contains(a, "%u") {
			continue
		}
		placed = true
		d := noShell
		switch {
		case i+1 == script:
			d = dialect
		case handedToShell(a, i+1, remote):
			d = posixShell
		}
		if d == noShell {
			argv[i+1] = strings.NewReplacer("%s", link, "%u", link).Replace(a)
			continue
		}
		quoted, err := scriptWithLink(a, link, d)
		if err != nil {
			return nil, err
		}
		argv[i+1] = quoted
	}
	if !placed {
		argv = append(argv, link)
	}
	return argv, nil
}
