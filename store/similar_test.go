package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"tidings/feeds"
)

// topics are groups of articles about one thing: their words are their own,
// and the same filler every article shares surrounds them.
var topics = []struct {
	name  string
	words []string
	tags  []string
}{
	{"energy", strings.Fields("pipeline gazprom turbine kilowatt refinery methane tanker liquefied"), []string{"energy", "gas"}},
	{"space", strings.Fields("rocket orbit satellite astronaut launchpad booster capsule telescope"), []string{"space"}},
	{"football", strings.Fields("striker goalkeeper penalty stadium midfielder referee transfer league"), []string{"sport", "football"}},
}

const filler = "Officials in the capital confirmed on Tuesday that the government will publish a report. " +
	"Analysts expect further statements from ministers and agencies in the coming weeks. "

// topicArticle is article i of topic t: its own selection of the topic's
// words, between filler shared by every article.
func topicArticle(t, i int) feeds.Article {
	tp := topics[t]
	var words []string
	for k := range 5 {
		words = append(words, tp.words[(i+k*3)%len(tp.words)])
	}
	title := fmt.Sprintf("Report %d on the %s %s", i, words[0], words[1])
	body := filler + "The " + strings.Join(words, " and the ") + " were discussed. " + filler
	return feeds.Article{
		ExternalID: fmt.Sprintf("%s%03dID%d", tp.name, i, 1000+100*t+i),
		Source:     "Wire",
		Title:      title,
		Body:       body,
		Published:  time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -i),
	}
}

// topicLibrary holds twelve articles per topic: the first ten tagged with
// the topic's tags (and every fourth one also "review"), the last two
// untagged; and the real sample article, tagged germany and leak.
func topicLibrary(t *testing.T, path string) (*Store, map[string]int64) {
	t.Helper()
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	var arts []feeds.Article
	for tp := range topics {
		for i := range 12 {
			a := topicArticle(tp, i)
			if i < 10 {
				a.Tags = slices.Clone(topics[tp].tags)
				if i%4 == 0 {
					a.Tags = append(a.Tags, "review")
				}
			}
			arts = append(arts, a)
		}
	}
	sample, err := os.ReadFile(filepath.Join("..", "testdata", "samples", "menafn-luftwaffe-leak.txt"))
	if err != nil {
		t.Fatal(err)
	}
	err = feeds.ReadStream("menafn-luftwaffe-leak.txt", strings.NewReader(string(sample)), func(it feeds.Item) error {
		if it.Err != nil {
			return it.Err
		}
		a := it.Article
		a.Tags = []string{"germany", "leak"}
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	importAll(t, s, arts...)
	ids := map[string]int64{}
	for _, a := range arts {
		got, err := s.ArticleByExternalID(context.Background(), a.ExternalID)
		if err != nil {
			t.Fatal(err)
		}
		ids[a.ExternalID] = got.ID
	}
	return s, ids
}

func TestSuggestTags(t *testing.T) {
	s, ids := topicLibrary(t, filepath.Join(t.TempDir(), "library.db"))
	ctx := context.Background()
	id := func(tp, i int) int64 { return ids[topicArticle(tp, i).ExternalID] }

	// An article tagged "energy" but not yet "gas".
	if err := s.Tag(ctx, []int64{id(0, 11)}, []string{"energy"}, nil); err != nil {
		t.Fatal(err)
	}
	tests := map[string]struct {
		id   int64
		n    int
		want []string // exactly, in order
	}{
		"untagged energy article":   {id(0, 10), 5, []string{"energy", "gas", "review"}},
		"untagged space article":    {id(1, 10), 5, []string{"space", "review"}},
		"untagged football article": {id(2, 11), 5, []string{"football", "sport", "review"}},
		"own tags are left out":     {id(0, 11), 5, []string{"gas", "review"}},
		"n bounds the answer":       {id(2, 10), 1, []string{"football"}},
		"nothing asked":             {id(1, 10), 0, nil},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := s.SuggestTags(ctx, tt.id, tt.n)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("SuggestTags = %q, want %q", got, tt.want)
			}
		})
	}

	if _, err := s.SuggestTags(ctx, 999999, 5); !errors.Is(err, ErrNotFound) {
		t.Errorf("a missing article: %v, want ErrNotFound", err)
	}
}

// TestSuggestTagsSample: the real sample article, untagged, in a library
// where other articles about the same leak are tagged.
func TestSuggestTagsSample(t *testing.T) {
	s, ids := topicLibrary(t, filepath.Join(t.TempDir(), "library.db"))
	ctx := context.Background()
	importAll(t, s,
		art("LEAK1ID1", "2024-03-06", "Luftwaffe officers discussed Taurus missiles in a WebEx call that Russian intelligence intercepted. Gerhartz led it."),
		art("LEAK2ID2", "2024-03-07", "Scholz calls the Luftwaffe leak of the Gerhartz WebEx call a very serious matter for Germany."),
	)
	var sampleID int64
	for ext, id := range ids {
		if strings.HasPrefix(ext, "MENAFN") {
			sampleID = id
		}
	}
	if err := s.Tag(ctx, []int64{sampleID}, nil, []string{"germany", "leak"}); err != nil {
		t.Fatal(err)
	}
	leak1, _ := s.ArticleByExternalID(ctx, "LEAK1ID1")
	leak2, _ := s.ArticleByExternalID(ctx, "LEAK2ID2")
	if err := s.Tag(ctx, []int64{leak1.ID, leak2.ID}, []string{"leak", "germany"}, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.Tag(ctx, []int64{leak1.ID}, []string{"taurus"}, nil); err != nil {
		t.Fatal(err)
	}
	got, err := s.SuggestTags(ctx, sampleID, 3)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"germany", "leak", "taurus"}; !slices.Equal(got, want) {
		t.Errorf("SuggestTags(sample) = %q, want %q", got, want)
	}
}

// TestSuggestTagsReadOnly: suggestions need no write to the library.
func TestSuggestTagsReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	w, ids := topicLibrary(t, path)
	w.Close()
	s, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.SuggestTags(context.Background(), ids[topicArticle(1, 11).ExternalID], 5)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"space", "review"}; !slices.Equal(got, want) {
		t.Errorf("read-only SuggestTags = %q, want %q", got, want)
	}
}

// BenchmarkSuggestTags suggests tags for articles spread over a library:
// the generated one (see benchLibrary), or TIDINGS_BENCH_LIBRARY.
//
//	TIDINGS_BENCH_LIBRARY=/path/to/library.db go test ./store -run '^$' -bench SuggestTags
func BenchmarkSuggestTags(b *testing.B) {
	libs := map[string]*Store{}
	if path := os.Getenv("TIDINGS_BENCH_LIBRARY"); path != "" {
		s, err := Open(path, Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { s.Close() })
		libs[filepath.Base(path)] = s
	} else {
		for _, n := range benchSizes() {
			libs[fmt.Sprint(n)] = benchLibrary(b, n)
		}
	}
	ctx := context.Background()
	for name, s := range libs {
		var ids []int64
		rows, err := s.db.Query(`SELECT id FROM articles WHERE id % 9973 = 1 LIMIT 50`)
		if err != nil {
			b.Fatal(err)
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				b.Fatal(err)
			}
			ids = append(ids, id)
		}
		rows.Close()
		if len(ids) == 0 {
			b.Fatal("no articles")
		}
		b.Run(name, func(b *testing.B) {
			suggested := 0
			for i := 0; b.Loop(); i++ {
				tags, err := s.SuggestTags(ctx, ids[i%len(ids)], 8)
				if err != nil {
					b.Fatal(err)
				}
				suggested += len(tags)
			}
			b.ReportMetric(float64(suggested)/float64(b.N), "tags/op")
		})
	}
}
