package e2e

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// bidiControls are the bidirectional embeddings, overrides and isolates
// (U+202A–U+202E, U+2066–U+2069) that can make text show in another order
// than it is read.
const bidiControls = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

// bidiArticle is a JSON line whose body and title hold every bidi control.
const bidiArticle = `{"external_id":"bidi-1","title":"Bidi \u202etitle","source":"Src","body":"Plain \u202eevil\u202c and \u2067isolated\u2069 and \u202a\u202b\u202d\u2066\u2068mixed\u2069 text.\n\nSecond \u202eparagraph."}` + "\n"

// writeConfig writes config.toml in a new config home and returns the home.
func writeConfig(t *testing.T, toml string) string {
	t.Helper()
	home := t.TempDir()
	if err := os.MkdirAll(filepath.Join(home, "tidings"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(home, "tidings", "config.toml"), []byte(toml), 0o600); err != nil {
		t.Fatal(err)
	}
	return home
}

// TestShowStripsBidiControls: `show` prints a body without bidi overrides
// and isolates, piped and rendered on a terminal, while search --json and
// export keep the body as it was imported.
func TestShowStripsBidiControls(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	if r := tidings(t, lib, []byte(bidiArticle), "import", "-"); r.code != 0 {
		t.Fatalf("import: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	recs := searchJSON(t, lib, "")
	if len(recs) != 1 {
		t.Fatalf("%d articles, want 1", len(recs))
	}
	if !strings.Contains(recs[0].Body, "\u202eevil\u202c") {
		t.Errorf("search --json lost the body's bidi controls: %q", recs[0].Body)
	}
	if exp := mustRun(t, lib, "export", "--format", "json"); !strings.Contains(exp, `\u202eevil`) && !strings.Contains(exp, "\u202eevil") {
		t.Errorf("export lost the body's bidi controls:\n%s", exp)
	}

	piped := mustRun(t, lib, "show", "1")
	if !strings.Contains(piped, "Plain evil and isolated and mixed text.") || !strings.Contains(piped, "Second paragraph.") {
		t.Errorf("show (piped) lost text:\n%s", piped)
	}
	if i := strings.IndexAny(piped, bidiControls); i >= 0 {
		t.Errorf("show (piped) prints a bidi control at %d: %+q", i, piped)
	}

	for _, theme := range []string{"dark", "light"} {
		t.Run("on a terminal, "+theme, func(t *testing.T) {
			home := writeConfig(t, "theme = \""+theme+"\"\n")
			tm := startTerm(t, 100, 30, []string{"XDG_CONFIG_HOME=" + home}, bin, "--library", lib, "show", "1")
			if code := tm.wait(screenTimeout); code != 0 {
				t.Fatalf("show: exit %d\n%s", code, tm.screen())
			}
			screen := tm.screen()
			if !strings.Contains(screen, "Plain evil and isolated and mixed text.") {
				t.Errorf("show on a terminal lost text:\n%s", screen)
			}
			raw := tm.rawOutput()
			if i := bytes.IndexAny(raw, bidiControls); i >= 0 {
				t.Errorf("show on a terminal wrote a bidi control at %d: %+q", i, raw[max(0, i-40):min(len(raw), i+40)])
			}
		})
	}
}

// TestErrorsQuotingInputAreClean: an error that repeats a URL, path or
// argument the user gave says it without the escape sequences, bell and
// bidi controls in it.
func TestErrorsQuotingInputAreClean(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "library.db")
	mustRun(t, lib, "import", samplePath(t))
	const evil = "\x1b[31mRED\x1b[0m\a\x1b]0;owned\x07\u202eevil"
	file := filepath.Join(dir, "a file "+evil)
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for name, args := range map[string][]string{
		"feed add":             {"feed", "add", "http://x/" + evil},
		"opml import":          {"opml", "import", filepath.Join(dir, "subs"+evil+".opml")},
		"tag, a flag late":     {"tag", "1", "--" + evil},
		"tag, not an id":       {"tag", evil, "+a"},
		"export, bad --out":    {"export", "--format", "md", "--out", filepath.Join(file, "sub")},
		"export, bad --format": {"export", "--format", evil},
	} {
		r := tidings(t, lib, nil, args...)
		if r.code == 0 {
			t.Errorf("%s: exit 0", name)
		}
		if !strings.Contains(r.stderr, "RED") {
			t.Errorf("%s: the error does not say what was given: %q", name, r.stderr)
		}
		checkClean(t, name, r.stdout+r.stderr)
	}
}
