package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// TestTagQueryRemovesDashTags: tag --query Q -name removes the tag, as
// tag ID -name does, instead of failing on -name as an unknown flag; the
// command's flags still work wherever they are given.
func TestTagQueryRemovesDashTags(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	file := writeFile(t, "seed.txt", "date 2025-03-19 (Campus News) University seed bank reaches 10,000 varieties.\n")
	if r := run(t, lib, "import", file); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	tags := func() string {
		t.Helper()
		r := run(t, lib, "search", "--json", "seed")
		if r.code != 0 {
			t.Fatalf("search: %+v", r)
		}
		_, tags, _ := strings.Cut(r.stdout, `"tags":`)
		tags, _, _ = strings.Cut(tags, "]")
		return tags + "]"
	}
	steps := []struct {
		args     []string
		out      string
		wantTags string
	}{
		{[]string{"tag", "--query", "seed bank", "+science", "+botany"}, "Added #science to 1 article\nAdded #botany to 1 article\n", `["botany","science"]`},
		{[]string{"tag", "--query", "seed bank", "-science"}, "Removed #science from 1 article\n", `["botany"]`},
		{[]string{"tag", "--query=seed", "+x", "-botany"}, "Added #x to 1 article\nRemoved #botany from 1 article\n", `["x"]`},
		{[]string{"tag", "--query", "seed", "--", "-x"}, "Removed #x from 1 article\n", `[]`},
		{[]string{"tag", "1", "+y", "-x"}, "Added #y to 1 article\nRemoved #x from 0 of 1 article (none had it)\n", `["y"]`},
		{[]string{"tag", "1", "+Y"}, "Added #y to 0 of 1 article (1 already had it)\n", `["y"]`},
		{[]string{"tag", "--query", "nomatchxyz", "+z"}, "No article matches: no tag changed\n", `["y"]`},
	}
	for _, s := range steps {
		r := run(t, lib, s.args...)
		if r.code != 0 || r.stdout != s.out {
			t.Errorf("%q: code %d, printed %q, err %v; want %q", s.args, r.code, r.stdout, r.err, s.out)
		}
		if got := tags(); got != s.wantTags {
			t.Errorf("after %q the article has tags %s, want %s", s.args, got, s.wantTags)
		}
	}

	if r := run(t, lib, "tag", "--help"); r.code != 0 || !strings.Contains(r.stdout, "Usage:\n  tidings tag [ID...]") {
		t.Errorf("tag --help: %+v", r)
	}
	if r := run(t, lib, "tag", "--read-only", "--query", "seed", "-y"); r.code != exitUsage || !strings.Contains(r.err.Error(), "--read-only") {
		t.Errorf("tag --read-only: %+v", r)
	}
	if got := tags(); got != `["y"]` {
		t.Errorf("a read-only tag changed the tags: %s", got)
	}
	for _, args := range [][]string{{"tag"}, {"tag", "--query", "seed"}, {"tag", "--bogus", "1", "+a"}, {"tag", "-y"}} {
		if r := run(t, lib, args...); r.code != 2 {
			t.Errorf("%q: code %d, err %v; want a usage error", args, r.code, r.err)
		}
	}
}

// TestDashWordHint: a query's -word read as a flag is a usage error whose
// hint is the command that was run, its flags first (those given after the
// -word too), then -- before the word; and the hint works as given.
func TestDashWordHint(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	file := writeFile(t, "a.md", "---\ntitle: Seed bank\n---\n\nSeeds kept for science.\n")
	if r := run(t, lib, "import", file); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	out := t.TempDir()
	for args, want := range map[string]string{
		"search -science":                         "tidings search --library " + lib + " -- -science",
		"search --json seed -science":             "tidings search --library " + lib + " --json seed -- -science",
		"search --limit 5 'a b' -x":               "tidings search --library " + lib + " --limit 5 'a b' -- -x",
		"search -war --count":                     "tidings search --library " + lib + " --count -- -war",
		"search seed -war --limit=3 bank":         "tidings search --library " + lib + " --limit 3 seed -- -war bank",
		"search --json=true -war":                 "tidings search --library " + lib + " '--json=true' -- -war",
		"export --format json --query 'it''s' -s": "tidings export --library " + lib + " --format json --query 'it'\\''s -s'",
		"export -s --format md --out " + out:      "tidings export --library " + lib + " --format md --out " + out + " --query -s",
		"--read-only -war":                        "tidings --library " + lib + " --read-only --query -war",
		"rule add --tag 'x y' -science":           "tidings rule add --library " + lib + " --tag 'x y' -- -science",
		"rule add -war --tag nowar":               "tidings rule add --library " + lib + " --tag nowar -- -war",
		"rule add seed -war --tag nowar":          "tidings rule add --library " + lib + " --tag nowar seed -- -war",
		"rule add -war -- --tag":                  "tidings rule add --library " + lib + " -- -war --tag",
	} {
		r := run(t, lib, shellSplit(args)...)
		if r.code != 2 || r.err == nil || !strings.Contains(r.err.Error(), "as in: "+want+")") {
			t.Errorf("%s: code %d, err %v; want it to end %q", args, r.code, r.err, want)
			continue
		}
		if strings.HasSuffix(want, " -- -war --tag") {
			continue // no tags given: the hint cannot make up one
		}
		// As a shell reads it: 'it'\''s' is it's.
		hint := shellSplit(strings.ReplaceAll(strings.TrimPrefix(want, "tidings "), `'\''`, "''"))
		if hint[0] == "--library" {
			continue // the reader: it would start
		}
		if r := run(t, lib, hint...); r.code != 0 {
			t.Errorf("the hint for %s, %s: code %d, err %v", args, want, r.code, r.err)
		}
	}
}

// TestDashWordHintEveryCommand: every command given a word starting with
// "-" that is none of its flags either says how to write it in a way that
// works (after --, or in --query), or, taking neither arguments nor a
// query, says only that it is no flag.
func TestDashWordHintEveryCommand(t *testing.T) {
	var paths [][]string
	var walk func(c *cobra.Command, path []string)
	walk = func(c *cobra.Command, path []string) {
		if c.HasSubCommands() {
			for _, sub := range c.Commands() {
				if sub.IsAvailableCommand() {
					walk(sub, append(slices.Clone(path), sub.Name()))
				}
			}
			return
		}
		paths = append(paths, path)
	}
	walk(newRoot(nil), nil)
	for _, path := range paths {
		if len(path) == 1 && path[0] == "tag" {
			continue // its own reading: -zz is a tag to remove
		}
		lib := filepath.Join(t.TempDir(), "library.db")
		r := run(t, lib, append(slices.Clone(path), "-zz")...)
		if r.code != exitUsage || r.err == nil {
			t.Errorf("%q -zz: code %d, err %v; want a usage error", path, r.code, r.err)
			continue
		}
		msg := r.err.Error()
		if !strings.HasPrefix(msg, "unknown flag -zz") {
			t.Errorf("%q -zz: %v", path, msg)
			continue
		}
		_, hint, ok := strings.Cut(msg, "as in: tidings ")
		if !ok {
			if strings.Contains(msg, "(") {
				t.Errorf("%q -zz: %v", path, msg)
			}
			continue
		}
		words := shellSplit(strings.ReplaceAll(strings.TrimSuffix(hint, ")"), `'\''`, "''"))
		if !slices.Contains(words, "-zz") || !slices.Contains(words, "--") && !slices.Contains(words, "--query") {
			t.Errorf("%q -zz: the hint %q", path, hint)
		}
		if len(path) == 0 {
			continue // the reader: it would start
		}
		// The hint is read as meant: -zz as an argument or a query, not as
		// a flag (whatever the command then makes of it).
		if r := run(t, lib, words...); r.err != nil && strings.Contains(r.err.Error(), "unknown flag") {
			t.Errorf("the hint for %q -zz, %q: %v", path, hint, r.err)
		}
	}
}

// shellSplit splits s at spaces outside single quotes; a doubled quote
// inside quotes is a quote.
func shellSplit(s string) []string {
	var out []string
	var cur strings.Builder
	quoted, started := false, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\'' && quoted && i+1 < len(s) && s[i+1] == '\'':
			cur.WriteByte('\'')
			i++
		case c == '\'':
			quoted, started = !quoted, true
		case c == ' ' && !quoted:
			if cur.Len() > 0 || started {
				out = append(out, cur.String())
			}
			cur.Reset()
			started = false
		default:
			cur.WriteByte(c)
		}
	}
	if cur.Len() > 0 || started {
		out = append(out, cur.String())
	}
	return out
}

// TestTagFlagSlips: a flag written with one dash before the ids is taken
// for the slip it is, not for a tag to remove; after -- it is a tag.
func TestTagFlagSlips(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	file := writeFile(t, "a.md", "---\ntitle: A\ntags: [read-only]\n---\n\nText.\n")
	if r := run(t, lib, "import", file); r.code != 0 {
		t.Fatalf("import: exit %d, %v", r.code, r.err)
	}
	if r := run(t, lib, "tag", "-read-only", "1", "+x"); r.code != exitUsage || !strings.Contains(r.err.Error(), "did you mean --read-only?") {
		t.Errorf("tag -read-only 1 +x: exit %d, %v", r.code, r.err)
	}
	if r := run(t, lib, "tag", "1", "--", "-read-only"); r.code != 0 {
		t.Errorf("tag 1 -- -read-only: exit %d, %v", r.code, r.err)
	}
	if r := run(t, lib, "search", "--count", "tag:read-only"); r.stdout != "0\n" {
		t.Errorf("the tag read-only is still there: %q", r.stdout)
	}
}

// TestRuleCycleRefused: a rule that would leave out tags that the other
// rules add, in a cycle with it, is refused, naming the rules, whether they
// are the library's or config.toml's; rules of config.toml in such a cycle
// are a mistake in the file.
func TestRuleCycleRefused(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	if r := run(t, lib, "rule", "add", "--tag", "a", "--", "-tag:b x"); r.code != 0 {
		t.Fatalf("rule add: %+v", r)
	}
	r := run(t, lib, "rule", "add", "--tag", "b", "--", "-tag:a x")
	if r.code != exitUsage || r.err == nil || !strings.Contains(r.err.Error(), `"-tag:b x" → #a and "-tag:a x" → #b`) {
		t.Errorf("rule add of a cycle: code %d, %v", r.code, r.err)
	}
	const config = "[[rule]]\nquery = \"-tag:a y\"\ntags = [\"c\"]\n"
	r = runConfig(t, config, lib, "rule", "add", "--tag", "a", "--", "-tag:c z")
	if r.code != exitUsage || r.err == nil || !strings.Contains(r.err.Error(), `"-tag:c z" → #a`) || !strings.Contains(r.err.Error(), `"-tag:a y" → #c`) {
		t.Errorf("rule add of a cycle with config.toml's: code %d, %v", r.code, r.err)
	}
	if r := run(t, lib, "rule", "list"); r.stdout != "1\t-tag:b x -> #a\n" {
		t.Errorf("rule list: %q", r.stdout)
	}
	r = runConfig(t, config+"[[rule]]\nquery = \"-tag:c y\"\ntags = [\"a\"]\n", lib, "search", "x")
	if r.code != exitUsage || r.err == nil || !strings.Contains(r.err.Error(), "config.toml: [[rule]]") {
		t.Errorf("config.toml with a cycle: code %d, %v", r.code, r.err)
	}
}

// TestRuleTagTakenWhole: --tag takes its value whole, a comma or a quote
// in it too.
func TestRuleTagTakenWhole(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	for _, tag := range []string{`He said "no"`, "Boats, ferries"} {
		if r := run(t, lib, "rule", "add", "ferry", "--tag", tag); r.code != 0 {
			t.Fatalf("rule add --tag %q: %+v", tag, r)
		}
	}
	r := run(t, lib, "rule", "list")
	if !strings.Contains(r.stdout, `tag:"He said \"no\""`) || !strings.Contains(r.stdout, `tag:"Boats, ferries"`) {
		t.Errorf("rule list:\n%s", r.stdout)
	}
}

// TestTagUsage: tag without ids or --query, rule add with an empty --tag
// and an unknown --theme are usage errors that say what is wrong.
func TestTagUsage(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"tag", "+z"}, "give the article ids to tag, or --query"},
		{[]string{"tag", "--query", "x", "1", "+z"}, "give article ids or --query, not both"},
		{[]string{"rule", "add", "x", "--tag", ""}, "give the rule's tags with --tag"},
		{[]string{"rule", "add", "x", "--tag", " # "}, "give the rule's tags with --tag"},
		{[]string{"--theme", "purple"}, `tidings: --theme "purple" is not one of auto, dark, light` + "\n"},
	} {
		r := run(t, lib, tt.args...)
		said := stderrOf(t, func() { exitCode(r.err) })
		if r.code != 2 || r.err == nil || !strings.Contains(said, tt.want) {
			t.Errorf("%q: exit %d, said %q; want exit 2 and %q", tt.args, r.code, said, tt.want)
		}
	}
}
