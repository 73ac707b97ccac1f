package shellwords

import (
	"slices"
	"testing"
)

// TestSplit: a browser's command is read with a shell's quotes and
// backslashes, and nothing a shell would expand or run.
func TestSplit(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
		err      string
	}{
		{"words", "firefox --new-tab %u", []string{"firefox", "--new-tab", "%u"}, ""},
		{"runs of blanks", " \tw3m \n %u\t", []string{"w3m", "%u"}, ""},
		{"empty", "", nil, ""},
		{"blanks only", " \t ", nil, ""},
		{"single quotes", "logbrowser --first '%u'", []string{"logbrowser", "--first", "%u"}, ""},
		{"double quotes", `logbrowser "two words"`, []string{"logbrowser", "two words"}, ""},
		{"a program's name with a space", "open -a 'Google Chrome' %u", []string{"open", "-a", "Google Chrome", "%u"}, ""},
		{"quotes within a word", `--profile='my home'/x"y z"`, []string{"--profile=my home/xy z"}, ""},
		{"an empty quoted word", `b '' ""`, []string{"b", "", ""}, ""},
		{"no escape in single quotes", `b '\n\'`, []string{"b", `\n\`}, ""},
		{"escapes in double quotes", `b "a\"b\\c\$d\` + "`" + `e\x"`, []string{"b", `a"b\c$d` + "`" + `e\x`}, ""},
		{"a line continued in double quotes", "b \"a\\\nb\"", []string{"b", "ab"}, ""},
		{"a backslash outside quotes", `b a\ b \'c \"`, []string{"b", "a b", "'c", `"`}, ""},
		{"a line continued", "b a\\\nb \\\n c", []string{"b", "ab", "c"}, ""},
		{"nothing expanded", "b $HOME ~ * `id` $(id) ${x} ; | & # >x", []string{"b", "$HOME", "~", "*", "`id`", "$(id)", "${x}", ";", "|", "&", "#", ">x"}, ""},
		{"not ASCII", "navigateur 'été %u'", []string{"navigateur", "été %u"}, ""},
		{"a single quote not closed", "b 'x", nil, "its ' is not closed"},
		{"a double quote not closed", `b "x\"`, nil, `its " is not closed`},
		{"a backslash at the end", `b x\`, nil, `it ends in a \`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Split(tt.in)
			switch {
			case tt.err != "":
				if err == nil || err.Error() != tt.err {
					t.Fatalf("Split(%q) = %q, %v; want the error %q", tt.in, got, err, tt.err)
				}
			case err != nil:
				t.Fatalf("Split(%q): %v", tt.in, err)
			case !slices.Equal(got, tt.want):
				t.Errorf("Split(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
