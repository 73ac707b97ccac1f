package cli

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/BurntSushi/toml"

	"tidings/feeds/marks"
	"tidings/ui/shellwords"
)

// configFile reads config.toml's settings from the table TOML decodes it
// into, one setting at a time rather than onto a struct, so that a value of
// the wrong type is a mistake named with its setting and line, not a
// decoder's error that makes the whole file unreadable; and so that a
// mistake only the reader would suffer is left for the reader to refuse.
type configFile struct {
	src      string
	mistakes []mistake // they stop every command
	reader   []mistake // they stop only the reader
	warnings []mistake // read otherwise than written, said and gone past
}

// mistake is what is wrong with a setting, worded, and the line it is on
// (0 when no line reads so).
type mistake struct {
	line int
	text string
}

// configFields are the fields of config.toml's tables of tables.
var configFields = map[string][]string{"rule": {"query", "tags"}, "search": {"name", "query"}}

// read reads the settings of table onto the defaults, keeping the mistakes.
func (f *configFile) read(table map[string]any) Config {
	cfg := DefaultConfig()
	for name, v := range table {
		switch name {
		case "theme":
			cfg.Theme = f.theme(v)
		case "browser":
			cfg.Browser = f.browser(v)
		case "refresh_every":
			cfg.RefreshEvery = f.every(v)
		case "keys":
			// Keys of the wrong type are kept apart, for the reader.
			if err := cfg.Keys.UnmarshalTOML(v); err != nil {
				f.wrong(&f.reader, toml.Key{name}, 0, err.Error())
			}
		case "tag_colors":
			cfg.TagColors = f.tagColors(v)
		case "rule":
			cfg.Rules = f.rules(v)
		case "search":
			cfg.Searches = f.searches(v)
		}
	}
	byLine := func(a, b mistake) int { return a.line - b.line }
	slices.SortStableFunc(f.mistakes, byLine)
	slices.SortStableFunc(f.reader, byLine)
	for _, m := range f.reader {
		cfg.ReaderMistakes = append(cfg.ReaderMistakes, m.text)
	}
	for _, m := range f.warnings {
		cfg.Warnings = append(cfg.Warnings, m.text)
	}
	return cfg
}

// err is every setting of keys that config.toml does not know, and every
// mistake that stops every command, in one error; nil when there is none.
func (f *configFile) err(keys []toml.Key) error {
	var unknown []string
	for _, k := range keys {
		if knownSetting(k) {
			continue
		}
		var notes []string
		if n := keyLine(f.src, k); n > 0 {
			notes = append(notes, fmt.Sprintf("line %d", n))
		}
		lower := make(toml.Key, len(k))
		for i, p := range k {
			lower[i] = strings.ToLower(p)
		}
		if knownSetting(lower) {
			notes = append(notes, "settings are written in lower case: "+lower.String())
		}
		s := OneLine(k.String())
		if len(notes) > 0 {
			s += " (" + OneLine(strings.Join(notes, "; ")) + ")"
		}
		unknown = append(unknown, s)
	}
	var parts []string
	if len(unknown) > 0 {
		sort.Strings(unknown)
		parts = append(parts, "unknown setting "+strings.Join(unknown, ", "))
	}
	for _, m := range f.mistakes {
		parts = append(parts, m.text)
	}
	if len(parts) == 0 {
		return nil
	}
	return errors.New(strings.Join(parts, "; "))
}

// knownSetting reports whether config.toml has the setting k. Below a
// setting of one value (theme.x) is its own mistake of type, not another
// setting.
func knownSetting(k toml.Key) bool {
	switch k[0] {
	case "theme", "browser", "refresh_every", "keys", "tag_colors":
		return true
	case "rule", "search":
		return len(k) == 1 || slices.Contains(configFields[k[0]], k[1])
	}
	return false
}

// wrong keeps a mistake in the setting k, found on line (or, when line is
// 0, on the line k is written on).
func (f *configFile) wrong(list *[]mistake, k toml.Key, line int, text string) {
	if line == 0 {
		line = keyLine(f.src, k)
	}
	name := OneLine(k.String())
	if line > 0 {
		name += fmt.Sprintf(" (line %d)", line)
	}
	*list = append(*list, mistake{line: line, text: name + ": " + OneLine(text)})
}

func (f *configFile) theme(v any) string {
	switch s, ok := v.(string); {
	case !ok:
		f.wrong(&f.mistakes, toml.Key{"theme"}, 0, "want auto, dark or light, not "+tomlValue(v))
	case s == "auto", s == "dark", s == "light":
		return s
	default:
		f.wrong(&f.mistakes, toml.Key{"theme"}, 0, fmt.Sprintf("want auto, dark or light, not %q", s))
	}
	return DefaultConfig().Theme
}

func (f *configFile) every(v any) Every {
	k := toml.Key{"refresh_every"}
	var e Every
	if err := e.UnmarshalTOML(v); err != nil {
		f.wrong(&f.mistakes, k, 0, err.Error())
		return 0
	}
	if d := time.Duration(e); d < 0 || d > 0 && d < MinRefreshEvery {
		f.wrong(&f.mistakes, k, 0, "at least a minute (or 0: never), not "+shortDuration(d))
		return 0
	}
	return e
}

// browser reads the command that opens links; only the reader uses it.
func (f *configFile) browser(v any) string {
	const want = `want a command that opens a link, such as "w3m %u" or "firefox --new-tab", not `
	s, ok := v.(string)
	words, err := shellwords.Split(s) // as the reader will read it
	switch {
	case !ok:
		f.wrong(&f.reader, toml.Key{"browser"}, 0, want+tomlValue(v))
	case err != nil:
		f.wrong(&f.reader, toml.Key{"browser"}, 0, fmt.Sprintf("%q: %v", s, err))
	case len(words) == 0:
		f.wrong(&f.reader, toml.Key{"browser"}, 0, want+strconv.Quote(s))
	case strings.Contains(words[0], "%u") || strings.Contains(words[0], "%s"):
		f.wrong(&f.reader, toml.Key{"browser"}, 0, fmt.Sprintf("%q: its first word is the program that opens the link, not the link", s))
	default:
		if cmd, ok := withoutBackground(s, words); ok {
			f.wrong(&f.warnings, toml.Key{"browser"}, 0, fmt.Sprintf("%q: the & at its end is left out: tidings starts the browser in the background itself", s))
			return cmd
		}
		return s
	}
	return ""
}

// withoutBackground is a browser's command s, of words, without the & at
// its end that would start it in the background in a shell, as newsboat
// users write theirs ("firefox %u &"); false when it has none. Without a
// shell the & would be the browser's argument: tidings starts browsers in
// the background itself. A quoted or escaped & ('&', \&) is an argument,
// and stays.
func withoutBackground(s string, words []string) (string, bool) {
	rest, ok := strings.CutSuffix(strings.TrimRightFunc(s, unicode.IsSpace), "&")
	if !ok {
		return s, false
	}
	shorter, err := shellwords.Split(rest)
	last := len(words) - 1
	want := slices.Concat(words[:last], []string{strings.TrimSuffix(words[last], "&")})
	if words[last] == "&" {
		want = words[:last]
	}
	if err != nil || len(shorter) == 0 || !slices.Equal(shorter, want) {
		return s, false
	}
	return strings.TrimRightFunc(rest, unicode.IsSpace), true
}

// tagColors reads [tag_colors]: a colour is a string or an ANSI number;
// anything else is kept as TOML writes it, for the reader to refuse naming
// the tag, as it refuses a string that is no colour.
func (f *configFile) tagColors(v any) map[string]string {
	table, ok := v.(map[string]any)
	if !ok {
		f.wrong(&f.reader, toml.Key{"tag_colors"}, 0, `want a table of tags and their colours ([tag_colors], then ukraine = "#ffcc00"), not `+tomlValue(v))
		return nil
	}
	out := make(map[string]string, len(table))
	for tag, c := range table {
		if s, ok := c.(string); ok {
			out[tag] = s
		} else {
			out[tag] = tomlLiteral(c) // 33 is "33", a colour's number
		}
	}
	return out
}

// tables reads a setting of tables ([[rule]]): an array of tables, written
// either way, or one table ([rule]) as a list of one.
func tables(v any) ([]map[string]any, bool) {
	switch v := v.(type) {
	case []map[string]any:
		return v, true
	case map[string]any:
		return []map[string]any{v}, true
	case []any:
		out := make([]map[string]any, 0, len(v))
		for _, e := range v {
			t, ok := e.(map[string]any)
			if !ok {
				return nil, false
			}
			out = append(out, t)
		}
		return out, true
	}
	return nil, false
}

// field reads a string field of the i-th table of the setting name, or
// keeps a mistake saying what it wants instead.
func (f *configFile) field(name string, i int, t map[string]any, field, want string) string {
	v, ok := t[field]
	if !ok {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		f.wrong(&f.mistakes, toml.Key{name, field}, f.entryLine(name, i, field), "want "+want+", not "+tomlValue(v))
	}
	return s
}

// entryLine is the line of field in the i-th table of the setting name, or
// of the setting itself when no line reads so (an inline array).
func (f *configFile) entryLine(name string, i int, field string) int {
	if n := tableLine(f.src, name, i, field); n > 0 {
		return n
	}
	if n := keyLine(f.src, toml.Key{name, field}); n > 0 && i == 0 {
		return n // [rule] for [[rule]], or a dotted key
	}
	return keyLine(f.src, toml.Key{name})
}

func (f *configFile) rules(v any) []Rule {
	list, ok := tables(v)
	if !ok {
		f.wrong(&f.mistakes, toml.Key{"rule"}, 0, "want [[rule]] tables, each with a query and tags, not "+tomlValue(v))
		return nil
	}
	out := make([]Rule, 0, len(list))
	for i, t := range list {
		r := Rule{Query: f.field("rule", i, t, "query", `a query, such as "taurus OR kyiv"`)}
		if v, ok := t["tags"]; ok {
			tags, ok := tagList(v)
			if !ok {
				f.wrong(&f.mistakes, toml.Key{"rule", "tags"}, f.entryLine("rule", i, "tags"),
					`want a tag or a list of tags, such as "missiles" or ["missiles", "weapons"], not `+tomlValue(v))
			}
			r.Tags = tags
		}
		out = append(out, r)
	}
	return out
}

// tagList reads a rule's tags: a list of tags, or one tag as a list of one.
func tagList(v any) ([]string, bool) {
	switch v := v.(type) {
	case string:
		if strings.TrimSpace(v) == "" {
			return nil, true // no tag: validate says the tags are empty
		}
		return []string{v}, true
	case []any:
		out := make([]string, 0, len(v))
		for _, e := range v {
			s, ok := e.(string)
			if !ok {
				return nil, false
			}
			out = append(out, s)
		}
		return out, true
	}
	return nil, false
}

func (f *configFile) searches(v any) []SavedSearch {
	list, ok := tables(v)
	if !ok {
		f.wrong(&f.mistakes, toml.Key{"search"}, 0, "want [[search]] tables, each with a name and a query, not "+tomlValue(v))
		return nil
	}
	out := make([]SavedSearch, 0, len(list))
	for i, t := range list {
		out = append(out, SavedSearch{
			Name:  f.field("search", i, t, "name", `a name, such as "Unread Ukraine"`),
			Query: f.field("search", i, t, "query", `a query, such as "is:unread ukraine"`),
		})
	}
	return out
}

// distinctSearches are the searches read from the [[search]] tables (one
// for each, in their order), without those named as one before them in any
// case (marks.FoldTag, as the library tells saved searches apart), with a
// warning for each left out that names its line: the # panel would list
// two searches of one name, and the reader's ctrl-s takes either for the
// first.
func (f *configFile) distinctSearches(searches []SavedSearch) ([]SavedSearch, []string) {
	var kept []SavedSearch
	var warnings []mistake
	first := map[string]int{} // by folded name, the table (from 0) that has it first
	for i, s := range searches {
		name := marks.FoldTag(strings.TrimSpace(s.Name))
		if n, ok := first[name]; ok {
			f.wrong(&warnings, toml.Key{"search", "name"}, f.entryLine("search", i, "name"),
				fmt.Sprintf("%q: search %d is named so already (%q): this one is left out", s.Name, n+1, searches[n].Name))
			continue
		}
		first[name] = i
		kept = append(kept, s)
	}
	texts := make([]string, len(warnings))
	for i, w := range warnings {
		texts[i] = w.text
	}
	return kept, texts
}

// tomlLiteral writes a value of config.toml as TOML would: true, 1.5,
// [1, 2], {a = 1}. A float keeps its point (33.0), so that it does not read
// as the number of an ANSI colour.
func tomlLiteral(v any) string {
	switch v := v.(type) {
	case string:
		return strconv.Quote(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		s := strconv.FormatFloat(v, 'g', -1, 64)
		if !strings.ContainsAny(s, ".eIN") {
			s += ".0"
		}
		return s
	case bool:
		return strconv.FormatBool(v)
	case time.Time:
		return v.Format(time.RFC3339)
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = tomlLiteral(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case []map[string]any:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = tomlLiteral(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		names := make([]string, 0, len(v))
		for name := range v {
			names = append(names, name)
		}
		sort.Strings(names)
		for i, name := range names {
			names[i] = toml.Key{name}.String() + " = " + tomlLiteral(v[name])
		}
		return "{" + strings.Join(names, ", ") + "}"
	}
	return fmt.Sprint(v)
}

// tableLine is the line of src where field is written in the i-th (from 0)
// [[name]] table, or that table's header when field is ""; 0 when no line
// reads so.
func tableLine(src, name string, i int, field string) int {
	seen := -1
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "[") {
			if seen == i {
				return 0 // the table ended without the field
			}
			h, ok := strings.CutPrefix(line, "[[")
			if end := strings.Index(h, "]]"); ok && end >= 0 && dottedKey(h[:end]) == name {
				if seen++; seen == i && field == "" {
					return n + 1
				}
			}
			continue
		}
		if seen != i || strings.HasPrefix(line, "#") {
			continue
		}
		if key, _, ok := strings.Cut(line, "="); ok && dottedKey(key) == field {
			return n + 1
		}
	}
	return 0
}
