package ui

import (
	"context"
	"database/sql"
	"testing"

	"tidings/feeds"
	"tidings/store"
)

// execLibrary runs statements on the library at path past the store, as
// another program or an older tidings could have.
func execLibrary(t *testing.T, path string, stmt string, args ...any) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(stmt, args...); err != nil {
		t.Fatal(err)
	}
}

// TestPanelRunsTheQueryItShows: what the # panel filters by is the query
// the filter line holds and the header shows, without escape sequences
// and bidi controls, and it finds what that query finds: a saved search
// (config.toml's or the library's) holding them, a feed whose title an
// older tidings stored with them. / then shows that query and sends the
// terminal nothing of them.
func TestPanelRunsTheQueryItShows(t *testing.T) {
	const feedURL = "http://example.org/harbour.xml"
	tests := map[string]struct {
		cfg   Config
		plant func(t *testing.T, lib *store.Store)
		keys  []string // in the panel, to the item
		want  string   // the query run and shown
	}{
		"config.toml's search with an escape sequence": {
			cfg:  Config{Searches: []SavedSearch{{Name: "Luft", Query: "lu\x1b[0mftwaffe"}}},
			want: "luftwaffe",
		},
		"config.toml's search with bidi controls": {
			cfg:  Config{Searches: []SavedSearch{{Name: "Bidi", Query: "luftwaffe OR \"\u202eevil\u202c\""}}},
			want: `luftwaffe OR "evil"`,
		},
		"the library's search with an escape sequence": {
			plant: func(t *testing.T, lib *store.Store) {
				execLibrary(t, lib.Path(), `INSERT INTO saved_searches(name, query) VALUES ('Luft', ?)`, "\x1b]0;x\x07lu\x1b[31mftwaffe\u2066")
			},
			want: "luftwaffe",
		},
		"a feed whose title holds escape sequences": {
			plant: func(t *testing.T, lib *store.Store) {
				ctx := context.Background()
				f, err := lib.AddFeed(ctx, store.Feed{URL: feedURL, Title: "Harbour News"})
				if err != nil {
					t.Fatal(err)
				}
				res := feeds.FetchResult{Sub: feeds.Subscription{URL: f.URL, Title: "Harbour News"}}
				for _, title := range []string{"Ferries return", "Cranes replaced"} {
					res.Articles = append(res.Articles, feeds.Article{ExternalID: "feed:" + title, Title: title,
						Body: title + ".", Source: "Harbour News", FeedURL: f.URL})
				}
				if _, err := lib.RecordFetch(ctx, f.ID, res, nil); err != nil {
					t.Fatal(err)
				}
				execLibrary(t, lib.Path(), `UPDATE feeds SET title = ?`, "Harbour \x1b[31;41;5mNews\x1b[0m\u202e")
			},
			keys: []string{"G"},
			want: "feed:" + feedURL,
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			lib := newLibrary(t, 10)
			if tt.plant != nil {
				tt.plant(t, lib)
			}
			finds, err := lib.Count(context.Background(), tt.want)
			if err != nil || finds == 0 {
				t.Fatalf("%s finds %d articles (%v): the test needs some", tt.want, finds, err)
			}
			m := start(t, lib, tt.cfg, 100, 30)
			m = step(t, m, press("#"))
			m = steps(t, m, tt.keys...)
			m = step(t, m, press("enter"))
			r := root(t, m)
			if got := r.list.query.text; got != tt.want {
				t.Errorf("the list runs %q, want %q", got, tt.want)
			}
			if got := r.filter.input.Value(); got != tt.want {
				t.Errorf("the filter line holds %q, want %q", got, tt.want)
			}
			if len(r.list.rows) != finds {
				t.Errorf("the list shows %d articles, want the %d %s finds:\n%s", len(r.list.rows), finds, tt.want, viewText(m))
			}
			if leak := screenLeaks(m.View().Content, "[0m", "[31m", "0;x"); leak != "" {
				t.Errorf("the screen holds %s:\n%s", leak, viewText(m))
			}
			m = step(t, m, press("/"))
			if got := root(t, m).filter.input.Value(); got != tt.want+" " {
				t.Errorf("/ holds %q, want %q", got, tt.want+" ")
			}
			if leak := screenLeaks(m.View().Content, "[0m", "[31m", "0;x"); leak != "" {
				t.Errorf("/ sends the terminal %s:\n%s", leak, viewText(m))
			}
		})
	}
}

// TestPanelFeedQueryByAddress: a feed whose title the filter line cannot
// hold as it is (escape sequences, controls, bidi controls) is chosen by
// its address; a title of any other script, joiners and all, by its name.
func TestPanelFeedQueryByAddress(t *testing.T) {
	tests := map[string]struct{ title, want string }{
		"plain":           {"Harbour News", `feed:"Harbour News"`},
		"Persian, joined": {"می‌خواهم", "feed:می‌خواهم"},
		"CSI":             {"Harbour \x1b[31mNews", "feed:https://a.example/rss"},
		"OSC 52":          {"Harbour \x1b]52;c;QQ==\x07News", "feed:https://a.example/rss"},
		"C1 control":      {"Harbour \u009b2JNews", "feed:https://a.example/rss"},
		"bidi override":   {"Harbour \u202eswen\u202c", "feed:https://a.example/rss"},
		"tab":             {"Harbour\tNews", "feed:https://a.example/rss"},
		"invalid UTF-8":   {"Harbour \xffNews", "feed:https://a.example/rss"},
		"untitled":        {"", "feed:https://a.example/rss"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			f := store.Feed{ID: 1, URL: "https://a.example/rss", Title: tt.title}
			if got := feedQuery(f, 1); got != tt.want {
				t.Errorf("feedQuery(%q) = %q, want %q", tt.title, got, tt.want)
			}
		})
	}
	if got := feedQuery(store.Feed{URL: "https://a.example/rss", Title: "News"}, 2); got != "feed:https://a.example/rss" {
		t.Errorf("a name two feeds have: %q, want the address", got)
	}
}
