package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// noClipboardTool makes the test's machine one without a clipboard tool,
// whatever the machine running it has: y then sends OSC 52 alone.
func noClipboardTool(t *testing.T) {
	t.Helper()
	t.Setenv("PATH", t.TempDir())
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
}

// fakeClipboardTool installs, as the only program on PATH, a clipboard
// tool named name that runs script (a shell script's body, with $out the
// file it may write what it is given to, and $cat and $sleep those
// programs), with the display it needs.
func fakeClipboardTool(t *testing.T, name, script string) (out string) {
	t.Helper()
	dir := t.TempDir()
	out = filepath.Join(dir, "clipboard")
	body := "#!/bin/sh\nout=" + out + "\n"
	for _, program := range []string{"cat", "sleep"} {
		path, err := exec.LookPath(program)
		if err != nil {
			t.Fatal(err)
		}
		body += program + "=" + path + "\n"
	}
	body += script + "\n"
	if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	// The tool is run by its path: PATH is only where it is looked for.
	t.Setenv("PATH", dir)
	t.Setenv("DISPLAY", ":0")
	t.Setenv("WAYLAND_DISPLAY", "")
	return out
}

// pressCopy presses key and runs what follows, returning the model and
// what was sent to the terminal's clipboard, and failing when Update
// itself took long: the clipboard tool runs in a command, never in Update.
func pressCopy(t *testing.T, m tea.Model, key string) (tea.Model, []tea.Msg) {
	t.Helper()
	began := time.Now()
	m, cmd := m.Update(press(key))
	if took := time.Since(began); took > 500*time.Millisecond {
		t.Errorf("%s held Update for %v", key, took)
	}
	var sent []tea.Msg
	m = runHolding(t, m, cmd, func(msg tea.Msg) bool {
		if reflect.TypeOf(msg) == reflect.TypeOf(tea.SetClipboard("")()) {
			sent = append(sent, msg)
		}
		return false
	})
	return m, sent
}

// TestCopySaysWhatTookIt: y copies with the system's clipboard tool when
// one takes the text, and with OSC 52 always (what works over ssh); the
// status line says "Copied" only when the tool took it, and that the text
// went to the terminal's clipboard otherwise: no tool, a tool that fails,
// or one that hangs (xclip with a display gone), which is given up in a
// few seconds. The article's link, a link of the links panel and a
// passage are copied so.
func TestCopySaysWhatTookIt(t *testing.T) {
	type screen struct {
		name  string
		open  func(t *testing.T) tea.Model // shows what y copies
		key   string
		text  string // what is copied
		names string // how the status line names it
	}
	screens := []screen{
		{"the article's link", func(t *testing.T) tea.Model {
			st, _ := openLibrary(t)
			importArticles(t, st, 0, 2)
			return start(t, st, Config{}, 100, 24)
		}, "y", "https://news.example/0", "https://news.example/0"},
		{"a link of the links panel", func(t *testing.T) tea.Model {
			return steps(t, start(t, linkedLibrary(t), Config{}, 100, 20), "enter", "L", "G")
		}, "y", "mailto:desk@news.example", "mailto:desk@news.example"},
		{"a passage", func(t *testing.T) tea.Model {
			return steps(t, start(t, newLibrary(t, 3), Config{}, 120, 24), "enter", "v")
		}, "y", "", "the passage “In a startling revelation"},
	}
	tools := []struct {
		name   string
		setup  func(t *testing.T) (out string)
		copied bool
	}{
		{"xclip takes it", func(t *testing.T) string {
			return fakeClipboardTool(t, "xclip", `[ "$1 $2 $3" = "-selection clipboard -in" ] || exit 3; "$cat" > "$out"`)
		}, true},
		{"no tool", func(t *testing.T) string { noClipboardTool(t); return "" }, false},
		{"xclip fails", func(t *testing.T) string {
			return fakeClipboardTool(t, "xclip", `echo "Error: Can't open display: :0" >&2; exit 1`)
		}, false},
		{"xclip hangs", func(t *testing.T) string {
			return fakeClipboardTool(t, "xclip", `exec "$sleep" 30`)
		}, false},
	}
	for _, sc := range screens {
		for _, tool := range tools {
			t.Run(sc.name+", "+tool.name, func(t *testing.T) {
				out := tool.setup(t)
				m := sc.open(t)
				want := sc.text
				if want == "" { // the passage selected
					sel, ok := root(t, m).reader.selected()
					if !ok {
						t.Fatal("no passage selected")
					}
					want = sel.Quote
				}
				began := time.Now()
				m, sent := pressCopy(t, m, sc.key)
				if took := time.Since(began); took > clipboardTimeout+2*time.Second {
					t.Errorf("copying took %v", took)
				}
				if !reflect.DeepEqual(sent, []tea.Msg{tea.SetClipboard(want)()}) {
					t.Errorf("sent to the terminal's clipboard %v, want %q once", sent, want)
				}
				said := "Copied " + sc.names
				if !tool.copied {
					said = "Sent to the terminal's clipboard (OSC 52): " + sc.names
				}
				if v := viewText(m); !strings.Contains(v, said) {
					t.Errorf("the status line does not say %q:\n%s", said, v)
				}
				if tool.copied {
					if got, _ := os.ReadFile(out); string(got) != want {
						t.Errorf("the clipboard tool was given %q, want %q", got, want)
					}
				}
			})
		}
	}
}
