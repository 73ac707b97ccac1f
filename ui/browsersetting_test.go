package ui

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unsafe"

	tea "charm.land/bubbletea/v2"

	"tidings/feeds"
)

// waitLogged waits for a browser script to write what it was given to
// logged, and returns it.
func waitLogged(t *testing.T, logged string) string {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		data, _ := os.ReadFile(logged)
		if got := strings.TrimSpace(string(data)); got != "" {
			return got
		}
		if time.Now().After(deadline) {
			t.Fatal("no browser ran")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestBrowserSetting: config.toml's browser opens links before $BROWSER,
// with %u or %s standing for the link (else the link last), without a
// shell; one not installed gives way to $BROWSER, and says so when
// nothing else is there; a mailto link still goes to the system's opener.
func TestBrowserSetting(t *testing.T) {
	dir := t.TempDir()
	logged := filepath.Join(dir, "opened")
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o755); err != nil {
			t.Fatal(err)
		}
		return path
	}
	gui := write("gui", "#!/bin/sh\necho \"gui $@\" >> "+logged+"\n")
	other := write("other", "#!/bin/sh\necho \"other $@\" >> "+logged+"\n")
	write("w3m", "#!/bin/sh\nexit 0\n")
	t.Setenv("PATH", dir) // no xdg-open, no open
	const link = "https://news.example/a;b$(x)"

	tests := []struct {
		name, browser, env, link string
		want                     string // "opened", "terminal" or an error's words
		logged                   string // what the background browser was given
	}{
		{"%u placed", gui + " --tab=%u", other, link, "opened", "gui --tab=" + link},
		{"%s placed", "gui -n %s", "", link, "opened", "gui -n " + link},
		{"the link last", "gui --new-tab", "", link, "opened", "gui --new-tab " + link},
		{"before $BROWSER", "gui", other, link, "opened", "gui " + link},
		{"not installed: $BROWSER, saying so", "firefox-not-here %u", other, link,
			"Fix browser in config.toml (firefox-not-here is not installed); opened " + link, "other " + link},
		{"not installed, alone", "firefox-not-here %u", "", link, "Fix browser in config.toml: firefox-not-here is not installed", ""},
		{"none installed", "firefox-not-here", "chromium-not-here:lynx", link,
			"Set $BROWSER or browser in config.toml: none of config.toml's browser firefox-not-here and $BROWSER's chromium-not-here, lynx is installed", ""},
		{"a text browser gets the terminal", "w3m %u", other, link, "terminal", ""},
		{"a mailto link goes to the opener", "gui %u", "", "mailto:desk@news.example", "y copies the address: nothing here opens mailto links", ""},
		{"a link that is no web link is not opened", "gui %u", "", "file:///etc/passwd", "not an http(s) link", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			os.Remove(logged)
			t.Setenv("BROWSER", tt.env)
			msg := openInBrowser(tt.browser, tt.link)()
			switch st, isStatus := msg.(statusMsg); {
			case tt.want == "terminal":
				if isStatus || fmt.Sprintf("%T", msg) != "tea.execMsg" {
					t.Fatalf("the text browser was not given the terminal: %#v", msg)
				}
			case tt.want == "opened":
				if st != (statusMsg{text: "opened " + tt.link}) {
					t.Fatalf("got %#v", msg)
				}
			case strings.HasPrefix(tt.want, "Fix browser in config.toml ("):
				if st != (statusMsg{text: tt.want}) {
					t.Fatalf("got %#v, want %q", msg, tt.want)
				}
			default:
				if !st.err || !strings.Contains(st.text, tt.want) {
					t.Fatalf("got %#v, want an error saying %q", msg, tt.want)
				}
			}
			if tt.logged != "" {
				if got := waitLogged(t, logged); got != tt.logged {
					t.Errorf("the browser was given %q, want %q", got, tt.logged)
				}
			}
		})
	}
}

// TestBrowserSettingOpensTheArticle: o in the list opens the article's link
// with the reader's Config.Browser.
func TestBrowserSettingOpensTheArticle(t *testing.T) {
	dir := t.TempDir()
	logged := filepath.Join(dir, "opened")
	gui := filepath.Join(dir, "gui")
	if err := os.WriteFile(gui, []byte("#!/bin/sh\necho \"$@\" >> "+logged+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir)
	t.Setenv("BROWSER", "")
	st, _ := openLibrary(t)
	a := feeds.Article{ExternalID: "A", Source: "Wire", Title: "Ferry returns", Published: time.Now(),
		URL: "https://news.example/ferry", Body: "The ferry is back."}
	if _, err := st.Import(context.Background(), []feeds.Article{a}); err != nil {
		t.Fatal(err)
	}
	m := start(t, st, Config{Browser: "gui --tab %u"}, 80, 12)
	steps(t, m, "o")
	if got := waitLogged(t, logged); got != "--tab https://news.example/ferry" {
		t.Errorf("the browser was given %q", got)
	}
}

// argvScript is a browser that writes its name and each of its arguments,
// in brackets, to logged, and then does what then says.
func argvScript(logged, then string) string {
	return "#!/bin/sh\n{ printf '%s ' \"${0##*/}\"; for a do printf '[%s]' \"$a\"; done; echo; } >> '" + logged + "'\n" + then + "\n"
}

// TestBrowserSettingQuoted: config.toml's browser and $BROWSER's commands
// are read with a shell's quotes and backslashes, without a shell: a quoted
// word is one argument without its quotes, a quoted %u is the link as one
// argument, and nothing is expanded.
func TestBrowserSettingQuoted(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my browsers")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	logged := filepath.Join(dir, "opened")
	for _, name := range []string{"logbrowser", "open", "my browser"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(argvScript(logged, "")), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", dir)
	t.Setenv("HOME", "/home/reader")
	const link = "https://news.example/a b'c\"d;$(x)"

	tests := []struct {
		name, browser, env string
		logged             string // the browser and its arguments, each in brackets
	}{
		{"quoted words", `logbrowser --first '%u' "two words"`, "",
			"logbrowser [--first][" + link + "][two words]"},
		{"a program's name with spaces", `open -a 'Google Chrome' %u`, "",
			"open [-a][Google Chrome][" + link + "]"},
		{"%u in a quoted word", `logbrowser "--url=%u now"`, "",
			"logbrowser [--url=" + link + " now]"},
		{"the link last, one argument", `logbrowser --new-tab`, "",
			"logbrowser [--new-tab][" + link + "]"},
		{"a program's path with a space", `'` + filepath.Join(dir, "my browser") + `' %u`, "",
			"my browser [" + link + "]"},
		{"escaped with backslashes", `logbrowser a\ b \'%u\'`, "",
			"logbrowser [a b]['" + link + "']"},
		{"nothing expanded", "logbrowser $HOME ~ '*' `id` %u", "",
			"logbrowser [$HOME][~][*][`id`][" + link + "]"},
		{"$BROWSER's commands read alike", "", `logbrowser --first '%u' "two words":other`,
			"logbrowser [--first][" + link + "][two words]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			os.Remove(logged)
			t.Setenv("BROWSER", tt.env)
			if msg := openInBrowser(tt.browser, link)(); msg != (statusMsg{text: "opened " + link}) {
				t.Fatalf("got %#v", msg)
			}
			if got := waitLogged(t, logged); got != tt.logged {
				t.Errorf("the browser was given\n%s\nwant\n%s", got, tt.logged)
			}
		})
	}
}

// TestBrowserSettingNotClosed: a command with a quote not closed says so,
// and gives way to the next.
func TestBrowserSettingNotClosed(t *testing.T) {
	dir := t.TempDir()
	logged := filepath.Join(dir, "opened")
	if err := os.WriteFile(filepath.Join(dir, "gui"), []byte(argvScript(logged, "")), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir)
	const link = "https://news.example/a"

	t.Setenv("BROWSER", "")
	msg, _ := openInBrowser("gui 'Google Chrome %u", link)().(statusMsg)
	if want := `config.toml's browser "gui 'Google Chrome %u": its ' is not closed`; !msg.err || !strings.Contains(msg.text, want) {
		t.Errorf("got %#v, want an error saying %q", msg, want)
	}
	t.Setenv("BROWSER", "gui %u")
	want := statusMsg{text: `Fix browser in config.toml (config.toml's browser "gui 'Google Chrome %u": its ' is not closed); opened ` + link}
	if msg := openInBrowser("gui 'Google Chrome %u", link)(); msg != want {
		t.Fatalf("got %#v, want %#v", msg, want)
	}
	if got := waitLogged(t, logged); got != "gui ["+link+"]" {
		t.Errorf("$BROWSER's browser was given %s", got)
	}
}

// TestBrowserFails: a browser that fails at once did not open the link: the
// message says which failed and the first line of what it said, and the
// next command is tried, as for one not installed. One that exits with
// success, or still runs after a second, opened it. A text browser's
// failure is seen too.
func TestBrowserFails(t *testing.T) {
	sleep, err := exec.LookPath("sleep")
	if err != nil {
		t.Skip("no sleep to keep a browser running")
	}
	dir := t.TempDir()
	logged := filepath.Join(dir, "opened")
	for name, then := range map[string]string{
		"false":     "exit 1",
		"nodisplay": `printf 'Error: no DISPLAY \033]0;owned\007environment\nusage: nodisplay URL\n' >&2; exit 3`,
		"killed":    "kill -9 $$",
		"gui":       "",
		"slow":      "exec " + sleep + " 3",
		"slowfail":  sleep + " 2; exit 1",
		"lynx":      "exit 2", // a text browser
		"w3m":       "",       // one that works
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(argvScript(logged, then)), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", dir)
	const link = "https://news.example/a"

	tests := []struct {
		name, browser, env string
		want               string // "opened", or an error's words
		tried              string // the browsers given the link, in turn
	}{
		{"false", "false %u", "", "opening link: the browser (false) failed: exit status 1", "false"},
		{"what it said, cleaned", "nodisplay %u", "",
			"the browser (nodisplay) failed: exit status 3: Error: no DISPLAY environment", "nodisplay"},
		{"killed", "killed %u", "", "the browser (killed) failed: signal: killed", "killed"},
		{"$BROWSER after it, saying it failed", "false %u", "gui",
			"Fix browser in config.toml (the browser (false) failed: exit status 1); opened " + link, "false gui"},
		{"the next of $BROWSER's", "", "false:nodisplay:gui", "opened", "false nodisplay gui"},
		{"the first failure said", "nodisplay", "false:not-installed", "the browser (nodisplay) failed", "nodisplay false"},
		{"still running after a second", "slow", "gui", "opened", "slow"},
		{"failing after a second", "slowfail", "gui", "opened", "slowfail"},
		{"a text browser failing at once", "lynx %u", "gui",
			"Fix browser in config.toml (the browser (lynx) failed: exit status 2); opened " + link, "lynx gui"},
		{"a text browser after it", "false %u", "w3m",
			"Fix browser in config.toml (the browser (false) failed: exit status 1); opened " + link, "false w3m"},
		{"a text browser failing, alone", "lynx %u", "", "the browser (lynx) failed: exit status 2", "lynx"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			os.Remove(logged)
			t.Setenv("BROWSER", tt.env)
			msg := openInBrowser(tt.browser, link)()
			if fmt.Sprintf("%T", msg) == "tea.execMsg" {
				msg = runExec(t, msg)
				if batch, ok := msg.(tea.BatchMsg); ok && len(batch) == 1 {
					msg = batch[0]() // the rest of the commands, tried as the program runs a batch
				}
			}
			switch st, _ := msg.(statusMsg); {
			case tt.want == "opened":
				if st != (statusMsg{text: "opened " + link}) {
					t.Fatalf("got %#v", msg)
				}
			case strings.HasPrefix(tt.want, "Fix browser in config.toml ("):
				if st != (statusMsg{text: tt.want}) {
					t.Fatalf("got %#v, want %q", msg, tt.want)
				}
			default:
				if !st.err || !strings.Contains(st.text, tt.want) {
					t.Fatalf("got %#v, want an error saying %q", msg, tt.want)
				}
				if strings.ContainsAny(st.text, "\x1b\x07\n") {
					t.Errorf("the message holds control characters: %q", st.text)
				}
			}
			var tried []string
			for _, line := range strings.Split(waitLogged(t, logged), "\n") {
				name, args, _ := strings.Cut(line, " ")
				if args != "["+link+"]" {
					t.Errorf("%s was given %s", name, args)
				}
				tried = append(tried, name)
			}
			if got := strings.Join(tried, " "); got != tt.tried {
				t.Errorf("tried %s, want %s", got, tt.tried)
			}
		})
	}
}

// runExec does with a tea.ExecProcess command's message what the program
// does, without a terminal to hand over: it runs the process and hands what
// came of it to the callback.
func runExec(t *testing.T, msg tea.Msg) tea.Msg {
	t.Helper()
	v := reflect.New(reflect.TypeOf(msg)).Elem()
	v.Set(reflect.ValueOf(msg))
	field := func(name string) any {
		f := v.FieldByName(name)
		if !f.IsValid() {
			t.Fatalf("%T has no field %s: Bubble Tea changed", msg, name)
		}
		return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem().Interface()
	}
	cmd, ok1 := field("cmd").(tea.ExecCommand)
	fn, ok2 := field("fn").(tea.ExecCallback)
	if !ok1 || !ok2 {
		t.Fatalf("%T does not hold a command and its callback: Bubble Tea changed", msg)
	}
	return fn(cmd.Run())
}
