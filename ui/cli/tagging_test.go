package cli

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"tidings/store"
	"tidings/ui"
)

// TestPrintTagging: `tidings tag` says, for each tag, how many articles
// gained or lost it, not how many the ids or the query named.
func TestPrintTagging(t *testing.T) {
	tests := []struct {
		name string
		in   store.Tagging
		want string
	}{
		{"nothing matches", store.Tagging{Added: []store.TagChange{{Name: "x"}}}, "No article matches: no tag changed\n"},
		{"all had it", store.Tagging{Articles: 2, Added: []store.TagChange{{Name: "future"}}},
			"Added #future to 0 of 2 articles (2 already had it)\n"},
		{"none had it", store.Tagging{Articles: 14, Removed: []store.TagChange{{Name: "nosuchtag"}}},
			"Removed #nosuchtag from 0 of 14 articles (none had it)\n"},
		{"all gained it", store.Tagging{Articles: 1, Added: []store.TagChange{{Name: "future", Articles: 1}}},
			"Added #future to 1 article\n"},
		{"some", store.Tagging{Articles: 1500,
			Added:   []store.TagChange{{Name: "long read", Articles: 3}},
			Removed: []store.TagChange{{Name: "old", Articles: 1499}, {Name: "gone", Articles: 1500}}},
			"Added tag:\"long read\" to 3 of 1,500 articles (1,497 already had it)\n" +
				"Removed #old from 1,499 of 1,500 articles (1 did not have it)\n" +
				"Removed #gone from 1,500 articles\n"},
		{"hostile name", store.Tagging{Articles: 1, Added: []store.TagChange{{Name: "a\x1b[31mb", Articles: 1}}},
			"Added #ab to 1 article\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := PrintTagging(&b, tt.in); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Errorf("printed %q, want %q", b.String(), tt.want)
			}
		})
	}
}

func TestPrintRuleCounts(t *testing.T) {
	rules := []store.Rule{
		{Query: "quasars", Tags: []string{"space"}},
		{Query: "oil", Tags: []string{"energy", "long read"}},
		{Query: "nothing", Tags: []string{"x"}},
	}
	taggings := []store.Tagging{
		{Articles: 12, Added: []store.TagChange{{Name: "space", Articles: 3}}},
		{Articles: 1500, Added: []store.TagChange{{Name: "energy", Articles: 0}, {Name: "long read", Articles: 1497}}},
		{Articles: 0, Added: []store.TagChange{{Name: "x"}}},
	}
	var b strings.Builder
	PrintRuleCounts(&b, rules, taggings)
	want := "quasars -> #space: 12 articles, added #space to 3\n" +
		"oil -> #energy tag:\"long read\": 1,500 articles, added tag:\"long read\" to 1,497\n" +
		"nothing -> #x: 0 articles\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	PrintRuleCounts(&b, rules[:1], []store.Tagging{{Articles: 12, Added: []store.TagChange{{Name: "space"}}}})
	if want := "quasars -> #space: 12 articles, tagged already\n"; b.String() != want {
		t.Errorf("applied again: %q, want %q", b.String(), want)
	}
}

// TestParseTagArgs: tag's words are split into those that name articles
// (an id or an external id, looked up later, cleaned as the library stores
// it) and tag changes; a word that names neither is said to be neither, as
// it was given (escaped), with the shell's split of a tag with a space
// pointed out.
func TestParseTagArgs(t *testing.T) {
	for _, tt := range []struct {
		args []string
		refs []string
		want string
	}{
		{[]string{"1", "+a"}, []string{"1"}, ""},
		{[]string{"1", "+Long Read"}, []string{"1"}, ""},
		{[]string{"q1", "05", "-a"}, []string{"q1", "05"}, ""},
		{[]string{"1", "--read-only"}, nil, `"--read-only" is neither an article nor +tag / -tag (a flag goes before --, which ends them)`},
		{[]string{"1", "bad\x1b[31m", "+a"}, []string{"1", "bad\x1b[31m"}, ""}, // an external id, cleaned
		{[]string{"1", "\x1b[31m\u200b", "+a"}, nil, `"\x1b[31m\u200b" is neither an article nor +tag / -tag (` + IDHint + ")"},
		{[]string{"1", ""}, nil, `"" is neither an article nor +tag / -tag (` + IDHint + ")"},
		{[]string{"1"}, nil, "no tags to change: give +tag or -tag"},
	} {
		refs, _, err := ParseTagArgs(tt.args, ui.TagWord)
		if got := fmt.Sprint(err); tt.want == "" && err != nil || tt.want != "" && got != tt.want {
			t.Errorf("ParseTagArgs(%q) = %v, want %q", tt.args, err, tt.want)
		}
		if fmt.Sprint(refs) != fmt.Sprint(tt.refs) {
			t.Errorf("ParseTagArgs(%q) = %q, want %q", tt.args, refs, tt.refs)
		}
	}
	for _, tt := range []struct {
		before []string
		word   string
		want   string
	}{
		{[]string{"1", "-Long"}, "Read", `"Read" is neither an article nor +tag / -tag; a tag with a space is one argument: '-Long Read'`},
		{nil, "x", `"x" is neither an article nor +tag / -tag (` + IDHint + ")"},
		{nil, "esc\x1b[31mid", `"esc\x1b[31mid" is neither an article nor +tag / -tag (` + IDHint + ")"},
	} {
		if got := NotATagArg(tt.before, tt.word).Error(); got != tt.want {
			t.Errorf("NotATagArg(%q, %q) = %q, want %q", tt.before, tt.word, got, tt.want)
		}
	}
}

// TestParseTagArgsAsTheEditor: a +tag or -tag is read as the reader's tag
// editor reads a word: in quotes as `tidings tags` lists a name with a
// space, \" and \\ inside them; one argument with a space is one tag. A +
// or - with no name after it, however spaced or quoted, is one mistake,
// said of the word as given.
func TestParseTagArgsAsTheEditor(t *testing.T) {
	for _, tt := range []struct {
		args        []string
		add, remove string // joined by |
		err         string
	}{
		{args: []string{"1", `-"Long Read"`}, remove: "Long Read"},
		{args: []string{"1", `+"Deep Dive"`}, add: "Deep Dive"},
		{args: []string{"1", "+Long Read", "-#old"}, add: "Long Read", remove: "old"},
		{args: []string{"1", `+"say \"when\""`, `-"back\\slash"`}, add: `say "when"`, remove: `back\slash`},
		{args: []string{"1", `+Deep" "Dive`}, add: "Deep Dive"},
		{args: []string{"1", "+"}, err: `"+" names no tag: +name adds a tag, -name removes one`},
		{args: []string{"1", "+ "}, err: `"+ " names no tag: +name adds a tag, -name removes one`},
		{args: []string{"1", `-""`}, err: `"-\"\"" names no tag: +name adds a tag, -name removes one`},
		{args: []string{"1", "+#"}, err: `"+#" names no tag: +name adds a tag, -name removes one`},
		{args: []string{"1", "+\x1b[31m"}, err: `"+\x1b[31m" names no tag: +name adds a tag, -name removes one`},
	} {
		_, ch, err := ParseTagArgs(tt.args, ui.TagWord)
		if tt.err != "" {
			if fmt.Sprint(err) != tt.err {
				t.Errorf("ParseTagArgs(%q) = %v, want %q", tt.args, err, tt.err)
			}
			continue
		}
		if err != nil || strings.Join(ch.Add, "|") != tt.add || strings.Join(ch.Remove, "|") != tt.remove {
			t.Errorf("ParseTagArgs(%q) = +%q -%q, %v; want +%q -%q", tt.args, ch.Add, ch.Remove, err, tt.add, tt.remove)
		}
	}
}

// TestRestOfTag: a word that names no article right after the tags that
// follow the articles is the rest of a tag the shell split at a space; one
// after tags given first (xargs tidings tag +picked) is an article's id.
func TestRestOfTag(t *testing.T) {
	for _, tt := range []struct {
		before []string
		rest   bool
	}{
		{[]string{"1", "-Long"}, true},
		{[]string{"1", "2", "+a", "-Long"}, true},
		{[]string{"+picked"}, false},
		{[]string{"+picked", "a"}, false},
		{[]string{"1", "+a", "2"}, false},
		{[]string{"--", "-Long"}, false},
		{nil, false},
	} {
		if got := RestOfTag(tt.before); got != tt.rest {
			t.Errorf("RestOfTag(%q) = %v, want %v", tt.before, got, tt.rest)
		}
	}
}
