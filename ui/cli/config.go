package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"tidings/feeds"
	"tidings/store/query"
)

// Config is config.toml: defaults live in code, the user's file is read
// onto them (configfile.go), and every problem names the setting it is
// about and its line.
type Config struct {
	// Theme is "auto" (follow the terminal), "dark" or "light": theme.
	Theme string
	// Browser is the command the reader opens links with, before
	// $BROWSER: browser = "w3m %u". Its words, %u or %s standing for the
	// link (else the link goes last); no shell is involved, so an & at its
	// end, newsboat's "firefox %u &", is left out, with a warning.
	Browser string
	// Keys overrides key bindings by action name: one key or a list of keys,
	// or "<disabled>" to unbind; a screen's table ([keys.reader]) overrides
	// them on that screen alone. ui.Config.Validate checks them, as only the
	// reader uses them.
	Keys KeyTable
	// TagColors fixes the colour of a tag's chip ("#ff8800" or an ANSI
	// number, 33 or "33"), by tag name in any case: [tag_colors].
	// ui.Config.Validate checks it, as only the reader uses it; a value of
	// another type (true, 1.5) is kept as TOML writes it, for that check to
	// refuse by name as it refuses "nope".
	TagColors map[string]string
	// Rules tag articles that match a query, on import and fetch: [[rule]].
	Rules []Rule
	// Searches are saved searches shown in the tags panel: [[search]].
	Searches []SavedSearch
	// RefreshEvery is how often the reader fetches the feeds by itself
	// while it runs, as newsboat's reload-time; zero never does:
	// refresh_every.
	RefreshEvery Every
	// ReaderMistakes are mistakes in settings only the reader uses that
	// ui.Config.Validate does not see (tag_colors that is not a table, a
	// browser that is no command), each naming its setting and line: as
	// for a bad colour, the reader should refuse to start on them, and the
	// other commands warn and go on (ReaderError).
	ReaderMistakes []string
	// Warnings are what config.toml says that tidings reads otherwise than
	// written (a browser ending in &, whose & is left out), each naming its
	// setting and line: every command says them and goes on.
	Warnings []string
}

// ReaderError is the first of ReaderMistakes, or nil.
func (c Config) ReaderError() error {
	if len(c.ReaderMistakes) == 0 {
		return nil
	}
	return errors.New(c.ReaderMistakes[0])
}

// MinRefreshEvery is the shortest refresh_every: feeds are not asked more
// often than once a minute.
const MinRefreshEvery = time.Minute

// Every is a period in config.toml: a duration as Go writes them ("30m",
// "1h30m"), with days and weeks as queries count them ("1d", "2w",
// "1d12h"), or a whole number of minutes (30 or "30"), as newsboat counts
// them.
type Every time.Duration

// shortDuration writes d as it would be typed: 5m, not 5m0s.
func shortDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// UnmarshalTOML reads a duration or a number of minutes.
func (e *Every) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case string:
		d, ok := parseEvery(v)
		if !ok {
			return fmt.Errorf("want a duration such as \"30m\", \"2h\" or \"1d\", or a number of minutes, not %q", v)
		}
		*e = Every(d)
	case int64:
		if v > math.MaxInt64/int64(time.Minute) || v < math.MinInt64/int64(time.Minute) {
			return fmt.Errorf("want a duration such as \"30m\", \"2h\" or \"1d\", or a number of minutes, not %d", v)
		}
		*e = Every(time.Duration(v) * time.Minute)
	default:
		return fmt.Errorf("want a duration such as \"30m\" or a number of minutes, not %s", tomlValue(v))
	}
	return nil
}

// parseEvery reads a period as refresh_every takes it: a whole number of
// minutes ("30"), or a duration in Go's units and d(ays) and w(eeks).
func parseEvery(s string) (time.Duration, bool) {
	s = strings.TrimSpace(s)
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		if n > math.MaxInt64/int64(time.Minute) || n < math.MinInt64/int64(time.Minute) {
			return 0, false
		}
		return time.Duration(n) * time.Minute, true
	}
	// Days and weeks become hours, for time.ParseDuration to add up:
	// "1d12h" is "24h12h".
	var b strings.Builder
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.' || i == j && (s[j] == '-' || s[j] == '+')) {
			j++
		}
		k := j
		for k < len(s) && (s[k] < '0' || s[k] > '9') && s[k] != '.' {
			k++
		}
		num, unit := s[i:j], s[j:k]
		hours := map[string]float64{"d": 24, "w": 7 * 24}[unit]
		if hours == 0 {
			b.WriteString(s[i:k])
		} else {
			f, err := strconv.ParseFloat(num, 64)
			if err != nil || math.Abs(f*hours) > float64(math.MaxInt64/int64(time.Hour)) {
				return 0, false
			}
			b.WriteString(strconv.FormatFloat(f*hours, 'f', -1, 64) + "h")
		}
		i = k
	}
	d, err := time.ParseDuration(b.String())
	return d, err == nil
}

// Rule is a [[rule]] table: articles matching Query get Tags.
type Rule struct {
	Query string   `toml:"query"`
	Tags  []string `toml:"tags"`
}

// SavedSearch is a [[search]] table: a named query.
type SavedSearch struct {
	Name  string `toml:"name"`
	Query string `toml:"query"`
}

// KeyList is one key or a list of keys in config.toml.
type KeyList []string

// keyList reads one key or a list of keys.
func keyList(v any) (KeyList, bool) {
	switch v := v.(type) {
	case string:
		return KeyList{v}, true
	case []any:
		out := make(KeyList, 0, len(v))
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

// KeyTable is config.toml's [keys]: action names and their keys, and
// screens' tables of them, read as ui.Config.Keys takes them ([keys.reader]
// star = "x" is "reader.star"). A setting that is not a key or a list of
// keys is kept in Mistakes, with what it is, for the reader to refuse
// naming the setting (ui.Config.KeyMistakes): a mistake only the reader
// would suffer does not stop other commands.
type KeyTable struct {
	Keys     map[string]KeyList
	Mistakes map[string]string // by setting, what config.toml gave ("the integer 5"); "" is [keys] itself
}

// UnmarshalTOML reads [keys] and the screens' tables in it.
func (t *KeyTable) UnmarshalTOML(v any) error {
	out := KeyTable{Keys: map[string]KeyList{}, Mistakes: map[string]string{}}
	put := func(name string, v any) {
		if keys, ok := keyList(v); ok {
			out.Keys[name] = keys
		} else {
			out.Mistakes[name] = tomlValue(v)
		}
	}
	table, ok := v.(map[string]any)
	if !ok {
		out.Mistakes[""] = tomlValue(v)
		*t = out
		return nil
	}
	for name, v := range table {
		if sub, ok := v.(map[string]any); ok {
			for action, v := range sub {
				put(name+"."+action, v)
			}
			continue
		}
		put(name, v)
	}
	*t = out
	return nil
}

// tomlValue says what a value of config.toml is, as TOML names it: the
// integer 5, true, a table, an array holding the integer 5.
func tomlValue(v any) string {
	switch v := v.(type) {
	case string:
		return "the string " + strconv.Quote(v)
	case int64:
		return fmt.Sprintf("the integer %d", v)
	case float64:
		return fmt.Sprintf("the float %v", v)
	case bool:
		return fmt.Sprintf("%v", v)
	case time.Time:
		return "a date or time"
	case map[string]any:
		if len(v) == 0 {
			return "an empty table"
		}
		return "a table"
	case []map[string]any:
		return "an array of tables"
	case []any:
		for _, e := range v {
			if _, ok := e.(string); !ok {
				return "an array holding " + tomlValue(e)
			}
		}
		return "an array"
	}
	return fmt.Sprintf("a %T", v)
}

// DefaultConfig is the configuration without a config file.
func DefaultConfig() Config {
	return Config{Theme: "auto"}
}

// LoadConfig reads config.toml at path onto the defaults. A missing file is
// not an error. A mistake in a setting every command uses (theme, a rule)
// is an error naming the setting and its line; one in a setting only the
// reader uses is left for the reader to refuse (TagColors, Keys,
// ReaderMistakes), so that a wrong colour does not stop a scheduled fetch.
func LoadConfig(path string) (Config, error) {
	cfg := DefaultConfig()
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return cfg, nil
	}
	if err != nil {
		return cfg, fmt.Errorf("config: %w", err)
	}
	var table map[string]any
	md, err := toml.Decode(string(b), &table)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return cfg, fmt.Errorf("config %s: line %d: %s", OneLine(path), perr.Position.Line, OneLine(perr.Message))
		}
		return cfg, fmt.Errorf("config %s: %w", OneLine(path), cleanError{err})
	}
	f := configFile{src: string(b)}
	cfg = f.read(table)
	if err := f.err(md.Keys()); err != nil {
		return cfg, fmt.Errorf("config %s: %w", OneLine(path), err)
	}
	if err := cfg.validate(); err != nil {
		return cfg, fmt.Errorf("config %s: %w", OneLine(path), err)
	}
	// Once each is valid, numbered as the file has them.
	var twice []string
	cfg.Searches, twice = f.distinctSearches(cfg.Searches)
	cfg.Warnings = append(cfg.Warnings, twice...)
	return cfg, nil
}

// validate checks what the settings say, once each is of its type.
func (c Config) validate() error {
	for i, r := range c.Rules {
		if strings.TrimSpace(r.Query) == "" {
			return fmt.Errorf("rule %d: query is empty", i+1)
		}
		if len(feeds.NormalizeTags(r.Tags)) == 0 {
			// As rule add takes them: " " and "#" are no tags.
			return fmt.Errorf("rule %d (%q): tags is empty", i+1, r.Query)
		}
		// A rule that cannot be read would tag nothing, without a word;
		// one that matches everything ("*", ",") would tag every article.
		n, err := query.Parse(r.Query)
		if err != nil {
			return fmt.Errorf("rule %d (%q): query: %w", i+1, r.Query, err)
		}
		if n.Kind == query.All {
			return fmt.Errorf("rule %d (%q): the query matches every article", i+1, r.Query)
		}
	}
	for i, s := range c.Searches {
		if strings.TrimSpace(s.Name) == "" {
			return fmt.Errorf("search %d: name is empty", i+1)
		}
		if strings.TrimSpace(s.Query) == "" {
			return fmt.Errorf("search %q: query is empty", s.Name)
		}
	}
	return nil
}

// keyLine is the line of src where the setting k is written: the line
// that assigns it, under its table's header or dotted, or the header that
// opens it; 0 when no line reads so.
func keyLine(src string, k toml.Key) int {
	whole := k.String()
	table := ""
	for i, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if h, ok := strings.CutPrefix(line, "["); ok {
			h = strings.TrimPrefix(h, "[")
			end := strings.Index(h, "]")
			if end < 0 {
				continue
			}
			table = dottedKey(h[:end])
			if table == whole {
				return i + 1
			}
			continue
		}
		name, _, ok := strings.Cut(line, "=")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		full := dottedKey(name)
		if table != "" {
			full = table + "." + full
		}
		if full == whole {
			return i + 1
		}
	}
	return 0
}

// dottedKey is a TOML key as written (a.b, "a".'b', a . b) in the form
// toml.Key.String gives it, near enough to compare bare names.
func dottedKey(s string) string {
	parts := strings.Split(s, ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return strings.Join(parts, ".")
}
