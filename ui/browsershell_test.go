package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// hostileLinks are links a feed may carry that a shell would read as
// commands if it were given them unquoted: each tries to touch pwned.
func hostileLinks(pwned string) []string {
	return []string{
		"http://127.0.0.1:8765/?q=1&touch=x;touch$IFS" + pwned,
		"https://x.example/a;touch${IFS}" + pwned,
		"https://x.example/a&touch${IFS}" + pwned + "&b",
		"https://x.example/a|touch${IFS}" + pwned,
		"https://x.example/$(touch${IFS}" + pwned + ")",
		"https://x.example/`touch${IFS}" + pwned + "`",
		"https://x.example/a'$(touch${IFS}" + pwned + ")'b",
		"https://x.example/a'; touch " + pwned + "; '",
		`https://x.example/a"$(touch${IFS}` + pwned + `)"b`,
		`https://x.example/a\"; touch ` + pwned + `; \"`,
		`https://x.example/a\'\\$(touch${IFS}` + pwned + `)`,
		"https://x.example/a (touch " + pwned + ")",
		"https://x.example/!!/~/*?[a]{b,c}#%20x",
	}
}

// TestBrowserShellScriptQuoted: a browser command that runs a shell script
// (sh -c '… %u …', as newsboat users write theirs) gives the script's
// program the link exactly, whatever the link holds and wherever %u stands
// in the script, and the shell runs nothing the link says. Each shell
// installed is tried.
func TestBrowserShellScriptQuoted(t *testing.T) {
	dir := t.TempDir()
	logged := filepath.Join(dir, "opened")
	record := filepath.Join(dir, "record")
	// record writes how many arguments it was given and the first.
	if err := os.WriteFile(record, []byte("#!/bin/sh\nprintf '%s:%s\\n' \"$#\" \"$1\" > "+logged+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	pwned := filepath.Join(dir, "pwned")
	t.Setenv("BROWSER", "")
	// launch runs its argument as tmux new-window, screen and xterm -e run
	// a command line: with sh -c; ssh joins the words after the host into
	// one for the shell at the other end.
	launch, ssh := filepath.Join(dir, "launch"), filepath.Join(dir, "ssh")
	for path, script := range map[string]string{launch: "exec sh -c \"$1\"", ssh: "shift; exec sh -c \"$*\""} {
		if err := os.WriteFile(path, []byte("#!/bin/sh\n"+script+"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}

	type template struct{ name, browser string }
	posix := func(shell string) []template {
		return []template{
			{"bare", shell + " -c '" + record + " %u'"},
			{"in single quotes", shell + ` -c "` + record + ` '%u'"`},
			{"in double quotes", shell + ` -c '` + record + ` "%u"'`},
			{"in $( ) in double quotes", shell + ` -c '` + record + ` "$(printf %s %u)"'`},
			{"with other flags, in the background", shell + " -e -c '" + record + " %u &'"},
			{"after env", "env TIDINGS_TEST=1 " + shell + " -c '" + record + " --x=%u'"},
		}
	}
	shells := map[string][]template{
		"sh":   posix("sh"),
		"dash": posix("dash"),
		"bash": posix("/bin/bash"),
		"zsh":  posix("zsh"),
		"ksh":  posix("ksh"),
		"mksh": posix("mksh"),
		"busybox": {
			{"bare", "busybox sh -c '" + record + " %u'"},
			{"in double quotes", `busybox sh -c '` + record + ` "%u"'`},
		},
		"sh ": { // no shell named: programs that hand a shell their command
			{"a command line, bare", launch + " '" + record + " %u'"},
			{"a command line, in single quotes", launch + ` "` + record + ` '%u'"`},
			{"after ssh's host", ssh + " host " + record + " %u"},
		},
		"fish": {
			{"bare", "fish -c '" + record + " %u'"},
			{"in single quotes", `fish -c "` + record + ` '%u'"`},
			{"in double quotes", `fish -c '` + record + ` "%u"'`},
			{"in ( )", `fish --no-config -c '` + record + ` (printf %s %u)'`},
		},
	}
	for shell, templates := range shells {
		if _, err := exec.LookPath(strings.TrimSpace(shell)); err != nil {
			t.Logf("%s is not installed: not tried", shell)
			continue
		}
		for _, tt := range templates {
			t.Run(shell+" "+tt.name, func(t *testing.T) {
				for _, link := range hostileLinks(pwned) {
					os.Remove(logged)
					os.Remove(pwned)
					msg := openInBrowser(tt.browser, link)()
					if st, _ := msg.(statusMsg); st.err {
						t.Fatalf("%s for %q: %s", tt.browser, link, st.text)
					}
					want := "1:" + link
					if strings.Contains(tt.browser, "--x=") {
						want = "1:--x=" + link
					}
					if got := waitLogged(t, logged); got != want {
						t.Errorf("%s for %q: the program was given %q, want %q", tt.browser, link, got, want)
					}
					if _, err := os.Stat(pwned); err == nil {
						t.Fatalf("%s for %q: the shell ran the link's command", tt.browser, link)
					}
				}
			})
		}
	}
}

// TestBrowserShellScriptUnquotable: where a script reads its text again
// (`…`, ${…}, $((…)), $'…', a here-document), the link is not put at all,
// and the message says why; a placeholder in a comment is left alone. A
// command with no shell keeps the link one argument, as it is.
func TestBrowserShellScriptUnquotable(t *testing.T) {
	const link = "https://x.example/a;b'c"
	tests := []struct {
		name, browser string
		want          []string // the command's words
		err           string
	}{
		{"backticks", "sh -c 'echo `echo %u`'", nil, "`…`"},
		{"a parameter's default", `sh -c 'echo "${x:-%u}"'`, nil, "${…}"},
		{"arithmetic", "bash -c 'echo $(( %u ))'", nil, "$(( … ))"},
		{"bash's $'…'", `bash -c "echo \$'%u'"`, nil, "$'…'"},
		{"$'…' before it, read otherwise by dash", `sh -c "rec \$'\\'' %u'"`, nil, "$'…'"},
		{"a command line tmux runs with sh", "tmux new-window 'w3m %u'", []string{"tmux", "new-window", `w3m 'https://x.example/a;b'\''c'`}, ""},
		{"a flag's value is one word", "chromium --app=%u", []string{"chromium", "--app=" + link}, ""},
		{"a here-document", "sh -c 'cat <<EOF\n%u\nEOF'", nil, "here-document"},
		{"a comment", "sh -c 'firefox # not %u'", []string{"sh", "-c", "firefox # not %u"}, ""},
		{"a here-string is a word", "bash -c 'cat <<< %u'", []string{"bash", "-c", `cat <<< 'https://x.example/a;b'\''c'`}, ""},
		{"no shell", "firefox --new-tab %u", []string{"firefox", "--new-tab", link}, ""},
		{"a shell running a file", "sh ./open.sh %u", []string{"sh", "./open.sh", link}, ""},
		{"the script's arguments", `sh -c 'firefox "$1"' sh %u`, []string{"sh", "-c", `firefox "$1"`, "sh", link}, ""},
		{"bash's -o takes a word", "bash -o pipefail -c 'x %u'", []string{"bash", "-o", "pipefail", "-c", `x 'https://x.example/a;b'\''c'`}, ""},
		{"a printf format beside %u", `sh -c 'printf "%s\n" %u'`, []string{"sh", "-c", `printf "%s\n" 'https://x.example/a;b'\''c'`}, ""},
		{"%s alone", `sh -c 'w3m %s'`, []string{"sh", "-c", `w3m 'https://x.example/a;b'\''c'`}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := readBrowserCommand(tt.browser, fromConfig, link)
			switch {
			case tt.err != "":
				if c.err == nil || !strings.Contains(c.err.Error(), tt.err) || c.argv != nil {
					t.Errorf("got %q, %v; want an error naming %s", c.argv, c.err, tt.err)
				}
			case c.err != nil:
				t.Errorf("got %v", c.err)
			case strings.Join(c.argv, "\x00") != strings.Join(tt.want, "\x00"):
				t.Errorf("got %q, want %q", c.argv, tt.want)
			}
		})
	}
}
