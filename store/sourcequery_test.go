package store

import (
	"context"
	"strings"
	"testing"

	"tidings/feeds"
)

// A source is found as it is written where it comes from: a sample file's
// syndication tag "(MENAFN- Gulf Times)", which the importer stores as
// "MENAFN - Gulf Times", is found by source:"MENAFN- Gulf Times" too, in
// search, count and the live filter.
func TestSourceFoundAsItsFileWritesIt(t *testing.T) {
	const sample = "date 2026-10-05 (MENAFN- Gulf Times) Qatar opens a new port in Doha.\n\nMore text here.\n\nMENAFN05102026000045015687ID1107936199\n"
	var arts []feeds.Article
	if err := feeds.ReadStream("synd.txt", strings.NewReader(sample), func(it feeds.Item) error {
		if it.Err != nil {
			return it.Err
		}
		arts = append(arts, it.Article)
		return nil
	}); err != nil || len(arts) != 1 {
		t.Fatalf("%v, %d articles", err, len(arts))
	}
	s := openTemp(t)
	importAll(t, s, append(arts, art("other", "2026-10-06", "Another source."))...)
	ctx := context.Background()
	for q, want := range map[string]int{
		`source:"MENAFN - Gulf Times"`:                       1,
		`source:"MENAFN- Gulf Times"`:                        1,
		`source:"MENAFN -Gulf Times"`:                        1,
		`source:"menafn- gulf times"`:                        1,
		`source:"Gulf Times"`:                                1,
		`source:MENAFN`:                                      2,
		`source:"MENAFN- Gulf"*`:                             1,
		`-source:"MENAFN- Gulf Times"`:                       1,
		`port source:"MENAFN- Gulf Times" OR source:nothing`: 1,
		`source:"MENAFN- Qatar Tribune"`:                     0,
	} {
		if n, err := s.Count(ctx, q); err != nil || n != want {
			t.Errorf("Count(%q) = %d, %v; want %d", q, n, err, want)
		}
	}
	if n, err := s.CountLive(ctx, `source:"MENAFN- Gul`); err != nil || n != 1 {
		t.Errorf("live source:\"MENAFN- Gul: %d, %v; want 1", n, err)
	}
}

// A whole name finds every article its prefix finds by a part that is that
// name: any run of a syndicated source's parts, the first, the last or one
// in the middle ("MENAFN - GlobeNewsWire - Nasdaq" is GlobeNewsWire's).
func TestSourceWholeNameFindsWhatItsPrefixFinds(t *testing.T) {
	sources := []string{"MENAFN - GlobeNewsWire - Nasdaq", "A - B - C - D", "Reuters", "MENAFN - AzerNews", "Al Jazeera"}
	s := openTemp(t)
	var arts []feeds.Article
	for i, src := range sources {
		a := art("s"+string(rune('a'+i)), "2026-10-05", "Text of "+src)
		a.Source = src
		arts = append(arts, a)
	}
	importAll(t, s, arts...)
	ctx := context.Background()
	for _, src := range sources {
		parts := strings.Split(src, " - ")
		for i := range parts {
			for j := i + 1; j <= len(parts); j++ {
				name := strings.Join(parts[i:j], " - ")
				for _, q := range []string{`source:"` + name + `"`, `source:"` + strings.ToUpper(name) + `"*`} {
					found := false
					err := s.Search(ctx, q, 0, func(a Article) error {
						found = found || a.Source == src
						return nil
					})
					if err != nil {
						t.Fatal(err)
					}
					if !found {
						t.Errorf("%s does not find %q", q, src)
					}
				}
			}
		}
	}
	for q, want := range map[string]int{
		"source:globenewswire": 1, "source:GlobeNewsWire": 1, `source:"GlobeNewsWire - Nasdaq"`: 1, "source:nasdaq": 1,
		"source:b": 1, `source:"b - c"`: 1, "source:globe": 0, `source:"newswire - nasdaq"`: 0, `source:"a - c"`: 0,
	} {
		if n, err := s.Count(ctx, q); err != nil || n != want {
			t.Errorf("Count(%q) = %d, %v; want %d", q, n, err, want)
		}
	}
}
