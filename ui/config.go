package ui

import (
	"context"
	"fmt"
	"image/color"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"charm.land/lipgloss/v2"

	"tidings/feeds"
	"tidings/feeds/marks"
	"tidings/store/query"
)

// DefaultPageSize is how many rows the list fetches at a time when
// Config.PageSize is zero.
const DefaultPageSize = 200

// Config is everything the UI takes from the command line, the environment
// and config.toml, as plain values: the UI never sees flags or files.
type Config struct {
	// LibraryName is shown in the header, e.g. the library file's name.
	LibraryName string
	// Theme is "auto" (ask the terminal; also ""), "dark" or "light".
	Theme string
	// NoColor turns colour off (NO_COLOR, --no-color); bold and reverse stay.
	NoColor bool
	// Term is the terminal's type, as TERM names it. On the Linux console
	// (linux), whose fonts have no ✓ ★ ✎ ▌, the marks are drawn in ASCII.
	Term string
	// Keys overrides key bindings by action name ("down", "open", "star"...),
	// as config.toml's [keys] table, on every screen that has the action;
	// by screen and action ("reader.star", [keys.reader]) on that screen
	// alone. "<disabled>" unbinds an action.
	Keys map[string][]string
	// KeyMistakes are the settings of [keys] that config.toml gives
	// something other than keys, by name as in Keys ("" for [keys] itself),
	// with what it gave ("the integer 5"): Validate refuses them, naming
	// the setting.
	KeyMistakes map[string]string
	// Query is the initial query, in the query language.
	Query string
	// ReadOnly refuses writes even when the library would allow them.
	ReadOnly bool
	// PollInterval is how often to look for changes made by other processes
	// (an import, a fetch); zero or negative never looks.
	PollInterval time.Duration
	// PageSize is how many list rows are fetched at a time; zero means
	// DefaultPageSize. The list keeps a few pages around the cursor.
	PageSize int
	// TagColors fixes the colour of a tag's chip by tag name, in any case
	// as the library tells tags apart (Été is été, ΣΟΦΟΣ is σοφος):
	// "#ff8800", "#f80" or an ANSI colour number 0-255. Two names of one
	// tag are refused. Other tags get a colour from a hash of their name.
	TagColors map[string]string
	// Searches are saved searches from config.toml's [[search]] tables,
	// offered in the tags panel before those saved in the library.
	Searches []SavedSearch
	// Refresh fetches every subscribed feed and stores what they bring
	// (the r key); nil when there is nothing to fetch with.
	Refresh RefreshFunc
	// RefreshEvery is how often the reader refreshes the feeds by itself,
	// as r does, while it runs; zero or negative never does.
	RefreshEvery time.Duration
	// LoadSamples imports the bundled sample articles; the welcome screen
	// of an empty library offers it. Nil hides the offer.
	LoadSamples func(ctx context.Context) error
	// OpenURL opens a link in a browser; nil means Browser, else $BROWSER,
	// else xdg-open (open on macOS), run without a shell.
	OpenURL func(url string) error
	// Browser is config.toml's command to open links with, tried before
	// $BROWSER: its words, %u or %s standing for the link, else the link
	// added after them ("w3m %u", "firefox --new-tab"). A text browser gets
	// the terminal until it quits.
	Browser string
}

// SavedSearch is a named query in the query language.
type SavedSearch struct {
	Name  string
	Query string
}

// Validate reports the first setting that is wrong, naming it.
func (c Config) Validate() error {
	if _, err := parseTheme(c.Theme); err != nil {
		return err
	}
	if c.PageSize < 0 {
		return fmt.Errorf("page size: %d is negative", c.PageSize)
	}
	names := slices.Sorted(maps.Keys(c.TagColors))
	for _, name := range names {
		if _, err := parseColor(c.TagColors[name]); err != nil {
			return fmt.Errorf("%s: %w", tagColorKey(name), err)
		}
	}
	if err := oneKeyATag(names); err != nil {
		return err
	}
	_, err := newKeyMaps(c.Keys, c.KeyMistakes)
	return err
}

// oneKeyATag refuses two tag_colors keys that name one tag (Été and été,
// σοφος and ΣΟΦΟΣ, two names alike in their first 1,000 characters): the
// library holds one tag, which would take either colour. The message says
// why they are one (oneTagReason) and names each key short enough to read
// (keyInMessage).
func oneKeyATag(names []string) error {
	first := map[string]string{}
	for _, name := range names {
		k := tagKey(name)
		other, ok := first[k]
		if !ok {
			first[k] = name
			continue
		}
		quote := tagColorKey
		if query.TagName(other) == query.TagName(name) && !tooLongToKeep(other) && !tooLongToKeep(name) {
			// They look alike (é composed and with a combining accent, a
			// zero-width space): escaped, they are told apart. Long names
			// are told apart by their lengths.
			quote = func(name string) string { return "tag_colors." + strconv.QuoteToASCII(name) }
		}
		return fmt.Errorf("%s and %s are one tag (%s): keep one of them",
			keyInMessage(other, quote), keyInMessage(name, quote), oneTagReason(other, name))
	}
	return nil
}

// oneTagReason is why a and b, two tag names that tagKey makes one, are
// one tag: they differ in case, or only past the 1,000 characters a name
// is kept to (feeds.MaxLineLength), or both.
func oneTagReason(a, b string) string {
	cut := (tooLongToKeep(a) || tooLongToKeep(b)) && marks.FoldTag(a) != marks.FoldTag(b)
	switch inCase := query.TagName(a) != query.TagName(b); {
	case cut && inCase:
		return "tag names are case-insensitive and kept to their first 1,000 characters"
	case cut:
		return "tag names are kept to their first 1,000 characters"
	}
	return "tag names are case-insensitive"
}

// tooLongToKeep reports whether the tag name is longer than the library
// keeps a name, so that it is cut.
func tooLongToKeep(name string) bool {
	return utf8.RuneCountInString(name) > feeds.MaxLineLength
}

// shownKeyLength is how many characters of a long tag_colors key a message
// shows.
const shownKeyLength = 40

// keyInMessage names the tag_colors key name in a message, written by
// quote: whole when short, else its first shownKeyLength characters, "…"
// and its length, so that a key of thousands of characters does not fill
// the terminal and two long keys are still told apart.
func keyInMessage(name string, quote func(string) string) string {
	n := utf8.RuneCountInString(name)
	if n <= shownKeyLength {
		return quote(name)
	}
	return fmt.Sprintf("%s (%s characters)", quote(string([]rune(name)[:shownKeyLength])+"…"), thousands(n))
}

// tagColorKey names a tag_colors setting as config.toml writes its key:
// bare when it can be, else quoted.
func tagColorKey(name string) string {
	bare := name != "" && strings.Trim(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") == ""
	if bare {
		return "tag_colors." + name
	}
	return "tag_colors." + strconv.Quote(name)
}

// goodSearches are the saved searches that can be used, and what is wrong
// with each of the others: a search that does not parse is left out of the
// panel with a word, and the rest of tidings starts.
func (c Config) goodSearches() (good []SavedSearch, problems []string) {
	for i, ss := range c.Searches {
		switch _, err := query.Parse(ss.Query); {
		case strings.TrimSpace(ss.Name) == "":
			problems = append(problems, fmt.Sprintf("search %d: the name is empty", i+1))
		case err != nil:
			problems = append(problems, fmt.Sprintf("search %d (%q): query: %v", i+1, ss.Name, err))
		default:
			good = append(good, ss)
		}
	}
	return good, problems
}

// parseColor reads a colour setting: "#rgb", "#rrggbb" or an ANSI colour
// number.
func parseColor(s string) (color.Color, error) {
	if n, err := strconv.Atoi(s); err == nil {
		if n < 0 || n > 255 {
			return nil, fmt.Errorf("%d is not an ANSI colour (0-255)", n)
		}
		return lipgloss.ANSIColor(n), nil
	}
	if len(s) != 4 && len(s) != 7 || s[0] != '#' || strings.Trim(s[1:], "0123456789abcdefABCDEF") != "" {
		return nil, fmt.Errorf("%q is not a colour (\"#ff8800\", \"#f80\" or 0-255)", s)
	}
	return lipgloss.Color(s), nil
}

// theme is how the UI picks light or dark styles.
type theme int

const (
	themeAuto theme = iota
	themeDark
	themeLight
)

func parseTheme(s string) (theme, error) {
	switch s {
	case "", "auto":
		return themeAuto, nil
	case "dark":
		return themeDark, nil
	case "light":
		return themeLight, nil
	}
	return themeAuto, fmt.Errorf("theme: %q is not one of auto, dark, light", s)
}

func (c Config) pageSize() int {
	if c.PageSize <= 0 {
		return DefaultPageSize
	}
	return c.PageSize
}
