package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"tidings/store/query"
)

// Config is config.toml: defaults live in code, the user's file is decoded
// onto them, and every problem names the setting it is about.
type Config struct {
	// Theme is "auto" (follow the terminal), "dark" or "light".
	Theme string `toml:"theme"`
	// Keys overrides key bindings by action name: one key or a list of keys,
	// or "<disabled>" to unbind; a screen's table ([keys.reader]) overrides
	// them on that screen alone. ui.Config.Validate checks them, as only the
	// reader uses them.
	Keys KeyTable `toml:"keys"`
	// TagColors fixes the colour of a tag's chip ("#ff8800" or an ANSI
	// number), by tag name in any case; ui.Config.Validate checks it, as
	// only the reader uses it.
	TagColors map[string]string `toml:"tag_colors"`
	// Rules tag articles that match a query, on import and fetch.
	Rules []Rule `toml:"rule"`
	// Searches are saved searches shown in the tags panel.
	Searches []SavedSearch `toml:"search"`
	// RefreshEvery is how often the reader fetches the feeds by itself
	// while it runs, as newsboat's reload-time; zero never does.
	RefreshEvery Every `toml:"refresh_every"`
}

// MinRefreshEvery is the shortest refresh_every: feeds are not asked more
// often than once a minute.
const MinRefreshEvery = time.Minute

// Every is a period in config.toml: a duration as Go writes them ("30m",
// "1h30m"), or a whole number of minutes (30), as newsboat counts them.
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
		d, err := time.ParseDuration(strings.TrimSpace(v))
		if err != nil {
			return fmt.Errorf("refresh_every: want a duration such as \"30m\" or \"2h\", not %q", v)
		}
		*e = Every(d)
	case int64:
		*e = Every(time.Duration(v) * time.Minute)
	default:
		return fmt.Errorf("refresh_every: want a duration such as \"30m\" or a number of minutes, not %s", tomlValue(v))
	}
	return nil
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
// not an error.
func LoadConfig(path string) (Config, error) {
	cfg := DefaultConfig()
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return cfg, nil
	}
	if err != nil {
		return cfg, fmt.Errorf("config: %w", err)
	}
	md, err := toml.Decode(string(b), &cfg)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return cfg, fmt.Errorf("config %s: line %d: %s", OneLine(path), perr.Position.Line, OneLine(perr.Message))
		}
		return cfg, fmt.Errorf("config %s: %w", OneLine(path), cleanError{err})
	}
	if und := md.Undecoded(); len(und) > 0 {
		keys := make([]string, len(und))
		for i, k := range und {
			keys[i] = OneLine(k.String())
			if n := keyLine(string(b), k); n > 0 {
				keys[i] += fmt.Sprintf(" (line %d)", n)
			}
		}
		sort.Strings(keys)
		return cfg, fmt.Errorf("config %s: unknown setting %s", OneLine(path), strings.Join(keys, ", "))
	}
	if err := cfg.validate(); err != nil {
		return cfg, fmt.Errorf("config %s: %w", OneLine(path), err)
	}
	return cfg, nil
}

func (c Config) validate() error {
	switch c.Theme {
	case "auto", "dark", "light":
	default:
		return fmt.Errorf("theme: want auto, dark or light, not %q", c.Theme)
	}
	for i, r := range c.Rules {
		if strings.TrimSpace(r.Query) == "" {
			return fmt.Errorf("rule %d: query is empty", i+1)
		}
		if len(r.Tags) == 0 {
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
	if d := time.Duration(c.RefreshEvery); d < 0 || d > 0 && d < MinRefreshEvery {
		return fmt.Errorf("refresh_every: at least a minute (or 0: never), not %s", shortDuration(d))
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
