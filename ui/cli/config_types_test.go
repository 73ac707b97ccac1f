package cli

import (
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"tidings/ui"
)

// loadConfigText loads text as config.toml.
func loadConfigText(t *testing.T, text string) (Config, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return LoadConfig(path)
}

// TestConfigTypes: a value of the wrong type in one setting does not make
// config.toml unreadable with a decoder's error. Where the intent is plain
// it is taken (a colour's number, one tag for a list of tags); else the
// mistake names the setting and its line, and, as for other bad values,
// stops every command when every command uses the setting (a theme, a rule)
// and is kept for the reader alone when only the reader does (tag colours,
// the browser).
func TestConfigTypes(t *testing.T) {
	tests := []struct {
		name, toml string
		wantErr    string // "" loads
		check      func(Config) bool
		reader     []string // ReaderMistakes
	}{
		{name: "a colour's number", toml: "[tag_colors]\neu = 33\nnato = \"#ffcc00\"\n",
			check: func(c Config) bool { return maps.Equal(c.TagColors, map[string]string{"eu": "33", "nato": "#ffcc00"}) }},
		{name: "a colour of another type is kept as written", toml: "[tag_colors]\na = true\nb = 1.0\nc = [1, \"x\"]\n[tag_colors.d]\nq = 1\n",
			check: func(c Config) bool {
				return maps.Equal(c.TagColors, map[string]string{"a": "true", "b": "1.0", "c": `[1, "x"]`, "d": "{q = 1}"})
			}},
		{name: "tag_colors not a table", toml: "theme = \"dark\"\ntag_colors = \"x\"\n",
			reader: []string{`tag_colors (line 2): want a table of tags and their colours ([tag_colors], then ukraine = "#ffcc00"), not the string "x"`}},
		{name: "tag_colors a number", toml: "tag_colors = 5\n",
			reader: []string{`tag_colors (line 1): want a table of tags and their colours ([tag_colors], then ukraine = "#ffcc00"), not the integer 5`}},
		{name: "one tag for a list of tags", toml: "[[rule]]\nquery = \"taurus\"\ntags = \"missiles\"\n",
			check: func(c Config) bool {
				return reflect.DeepEqual(c.Rules, []Rule{{Query: "taurus", Tags: []string{"missiles"}}})
			}},
		{name: "one table for [[rule]]", toml: "[rule]\nquery = \"taurus\"\ntags = [\"missiles\"]\n",
			check: func(c Config) bool {
				return reflect.DeepEqual(c.Rules, []Rule{{Query: "taurus", Tags: []string{"missiles"}}})
			}},
		{name: "rules written inline", toml: "rule = [{query = \"a\", tags = \"x\"}, {query = \"b\", tags = [\"y\"]}]\n",
			check: func(c Config) bool {
				return reflect.DeepEqual(c.Rules, []Rule{{Query: "a", Tags: []string{"x"}}, {Query: "b", Tags: []string{"y"}}})
			}},
		{name: "an empty tag", toml: "[[rule]]\nquery = \"taurus\"\ntags = \"\"\n", wantErr: `rule 1 ("taurus"): tags is empty`},
		{name: "tags a number, in the second rule", toml: "[[rule]]\nquery = \"a\"\ntags = [\"x\"]\n\n[[rule]]\nquery = \"b\"\ntags = 5\n",
			wantErr: `rule.tags (line 7): want a tag or a list of tags, such as "missiles" or ["missiles", "weapons"], not the integer 5`},
		{name: "a list of tags holding a number", toml: "[[rule]]\nquery = \"a\"\ntags = [\"x\", 5]\n",
			wantErr: `rule.tags (line 3): want a tag or a list of tags`},
		{name: "a query a number", toml: "[[rule]]\ntags = \"x\"\nquery = 5\n",
			wantErr: `rule.query (line 3): want a query, such as "taurus OR kyiv", not the integer 5`},
		{name: "rule a string", toml: "rule = \"x\"\n",
			wantErr: `rule (line 1): want [[rule]] tables, each with a query and tags, not the string "x"`},
		{name: "theme a number", toml: "refresh_every = 30\ntheme = 1\n", wantErr: "theme (line 2): want auto, dark or light, not the integer 1"},
		{name: "theme a word it does not know", toml: "theme = \"blue\"\n", wantErr: `theme (line 1): want auto, dark or light, not "blue"`},
		{name: "a search's name a number", toml: "[[search]]\nname = 5\nquery = \"a\"\n",
			wantErr: `search.name (line 2): want a name, such as "Unread Ukraine", not the integer 5`},
		{name: "search a number", toml: "search = 5\n",
			wantErr: `search (line 1): want [[search]] tables, each with a name and a query, not the integer 5`},
		{name: "every mistake, in the file's order", toml: "theme = 1\n[[rule]]\nquery = \"a\"\ntags = 5\n",
			wantErr: "theme (line 1): want auto, dark or light, not the integer 1; rule.tags (line 4)"},
		{name: "unknown and wrong together", toml: "colour = 1\ntheme = true\n",
			wantErr: "unknown setting colour (line 1); theme (line 2): want auto, dark or light, not true"},
		{name: "a setting in capitals", toml: "Theme = \"dark\"\n",
			wantErr: "unknown setting Theme (line 1; settings are written in lower case: theme)"},
		{name: "a browser", toml: "browser = \"w3m %u\"\n", check: func(c Config) bool { return c.Browser == "w3m %u" }},
		{name: "a browser a number", toml: "browser = 5\n",
			reader: []string{`browser (line 1): want a command that opens a link, such as "w3m %u" or "firefox --new-tab", not the integer 5`}},
		{name: "a browser of no words", toml: "browser = \"\"\n",
			reader: []string{`browser (line 1): want a command that opens a link, such as "w3m %u" or "firefox --new-tab", not ""`}},
		{name: "a browser that is the link", toml: "browser = \"%u --new-tab\"\n",
			reader: []string{`browser (line 1): "%u --new-tab": its first word is the program that opens the link, not the link`}},
		// Read with quotes, as the reader reads it: a quote not closed
		// stops the reader, rather than leave it to $BROWSER unsaid.
		{name: "a browser with a quote not closed", toml: "browser = \"argv.sh 'unclosed %u\"\n",
			reader: []string{`browser (line 1): "argv.sh 'unclosed %u": its ' is not closed`}},
		{name: "a browser quoted", toml: "browser = \"open -a 'Google Chrome' %u\"\n",
			check: func(c Config) bool { return c.Browser == "open -a 'Google Chrome' %u" }},
		{name: "a browser whose quoted first word is the link", toml: "browser = \"'%u' x\"\n",
			reader: []string{`browser (line 1): "'%u' x": its first word is the program that opens the link, not the link`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := loadConfigText(t, tt.toml)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("LoadConfig: %v, want %q", err, tt.wantErr)
				}
				if strings.Contains(err.Error(), "incompatible types") || strings.Contains(err.Error(), "toml: line") {
					t.Errorf("the decoder's words: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("LoadConfig: %v", err)
			}
			if tt.check != nil && !tt.check(cfg) {
				t.Errorf("read as %+v", cfg)
			}
			if !slices.Equal(cfg.ReaderMistakes, tt.reader) {
				t.Errorf("reader mistakes %q, want %q", cfg.ReaderMistakes, tt.reader)
			}
			if (cfg.ReaderError() != nil) != (len(tt.reader) > 0) {
				t.Errorf("ReaderError: %v", cfg.ReaderError())
			}
		})
	}
}

// TestTagColourOfAnotherType: a tag colour that is neither a string nor an
// ANSI number is refused by the reader's check, naming the tag, as a string
// that is no colour is; a number is a colour.
func TestTagColourOfAnotherType(t *testing.T) {
	tests := []struct{ value, want string }{
		{"33", ""},
		{"300", "tag_colors.eu: 300 is not an ANSI colour (0-255)"},
		{"true", `tag_colors.eu: "true" is not a colour`},
		{"33.0", `tag_colors.eu: "33.0" is not a colour`},
		{"[33]", `tag_colors.eu: "[33]" is not a colour`},
		{"2024-03-05", `tag_colors.eu: "2024-03-05`},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			cfg, err := loadConfigText(t, "[tag_colors]\neu = "+tt.value+"\n")
			if err != nil {
				t.Fatalf("LoadConfig: %v", err)
			}
			err = ui.Config{TagColors: cfg.TagColors}.Validate()
			if tt.want == "" && err != nil || tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
				t.Errorf("Validate: %v, want %q", err, tt.want)
			}
		})
	}
}
