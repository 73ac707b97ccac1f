package feeds

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"
)

// TestReadNewsboatURLs: each line of a urls file is a feed with its tags,
// quoted tags whole, its ~name as its title; the lines tidings cannot
// subscribe to are skipped, each with a warning naming its line.
func TestReadNewsboatURLs(t *testing.T) {
	long := strings.Repeat("x", 200_000)
	for name, tc := range map[string]struct {
		file     string
		want     []Subscription
		warnings []string // "line: reason", reason in part
		queries  [][2]string
	}{
		"tags, quoted tags and a title": {
			file: "https://a.example/feed.xml tech news \"long read\" \"~The A Feed\"\n" +
				"http://b.example/rss\n",
			want: []Subscription{
				{URL: "https://a.example/feed.xml", Title: "The A Feed", Tags: []string{"tech", "news", "long read"}},
				{URL: "http://b.example/rss"},
			},
		},
		"an unquoted ~title is one word, as newsboat reads it": {
			file: "https://a.example/feed ~Custom title\n",
			want: []Subscription{{URL: "https://a.example/feed", Title: "Custom", Tags: []string{"title"}}},
		},
		"the first title names the feed; ~ alone names none": {
			file: "https://a.example/feed ~ \"~First one\" \"~Second\"\n",
			want: []Subscription{{URL: "https://a.example/feed", Title: "First one"}},
		},
		"escapes in quotes, an unclosed quote": {
			file: `https://a.example/feed "say \"hi\"" "back\\slash" "open to the end` + "\n",
			want: []Subscription{{URL: "https://a.example/feed", Tags: []string{`say "hi"`, `back\slash`, "open to the end"}}},
		},
		"comments and blank lines": {
			file: "# my feeds\n\n   \n\t# indented comment\nhttps://a.example/feed#top news # a comment \"~not a title\"\n" +
				"https://b.example/feed #comment-right-after\n",
			want: []Subscription{
				{URL: "https://a.example/feed#top", Tags: []string{"news"}},
				{URL: "https://b.example/feed"},
			},
		},
		"! and !name are no tags": {
			file: "https://a.example/feed ! news \"!\" \"!ORF News (hidden)\" !x\n",
			want: []Subscription{{URL: "https://a.example/feed", Tags: []string{"news"}}},
		},
		"tags with unicode": {
			file: "https://a.example/feed été Été \"Zürich tram\" αθήνα 東京 \"e\u0301t\u00e9\"\n",
			want: []Subscription{{URL: "https://a.example/feed", Tags: []string{"été", "Zürich tram", "αθήνα", "東京"}}},
		},
		"CRLF": {
			file: "# c\r\nhttps://a.example/feed news \"~A\"\r\n\r\nhttps://b.example/feed\r\n\"query:Q:unread = \\\"yes\\\"\"\r\n",
			want: []Subscription{
				{URL: "https://a.example/feed", Title: "A", Tags: []string{"news"}},
				{URL: "https://b.example/feed"},
			},
			warnings: []string{`5: query feed "Q" (unread = "yes") skipped`},
			queries:  [][2]string{{"Q", `unread = "yes"`}},
		},
		"lone CRs end lines": {
			file: "https://a.example/feed news\rhttps://b.example/feed\rexec:x\r",
			want: []Subscription{
				{URL: "https://a.example/feed", Tags: []string{"news"}},
				{URL: "https://b.example/feed"},
			},
			warnings: []string{`3: "exec:x" is a feed a program writes`},
		},
		"a byte order mark": {
			file: "\ufeffhttps://a.example/feed news\n",
			want: []Subscription{{URL: "https://a.example/feed", Tags: []string{"news"}}},
		},
		"a very long line": {
			file: "https://a.example/feed " + long + " \"~T\"\nhttps://b.example/" + long + " b\n",
			want: []Subscription{
				{URL: "https://a.example/feed", Title: "T", Tags: []string{long}},
				{URL: "https://b.example/" + long, Tags: []string{"b"}},
			},
		},
		"the skipped kinds, with their lines": {
			file: "# newsboat\n" +
				"https://a.example/feed\n" +
				`"query:Unread Articles:unread = \"yes\"" tagged` + "\n" +
				"exec:~/bin/weather.sh\n" +
				"filter:~/bin/clean.sh:https://c.example/feed news\n" +
				"\n" +
				"file:///home/me/feed.xml\n" +
				"javascript:alert(1)\n" +
				"not-an-address here\n" +
				"https://b.example/feed\n" +
				"https:///no-host\n",
			want: []Subscription{{URL: "https://a.example/feed"}, {URL: "https://b.example/feed"}},
			warnings: []string{
				`3: query feed "Unread Articles" (unread = "yes") skipped: tidings has no query feeds`,
				`4: "exec:~/bin/weather.sh" is a feed a program writes (newsboat's exec:): skipped`,
				`5: "filter:~/bin/clean.sh:https://c.example/feed" passes a feed through a program (newsboat's filter:): skipped; tidings feed add https://c.example/feed subscribes to it unfiltered`,
				`7: "file:///home/me/feed.xml" is not an http(s) address: skipped`,
				`8: "javascript:alert(1)" is not an http(s) address: skipped`,
				`9: "not-an-address" is not a feed's address: skipped`,
				`11: "https:///no-host" is not an http(s) address: skipped`,
			},
			queries: [][2]string{{"Unread Articles", `unread = "yes"`}},
		},
		"feed: addresses": {
			file: "feed://a.example/rss\nfeed:https://b.example/rss\n",
			want: []Subscription{{URL: "http://a.example/rss"}, {URL: "https://b.example/rss"}},
		},
		"a feed listed twice is one, with the tags of both": {
			file: "https://a.example/feed news\nhttps://b.example/feed\nHTTPS://A.example/feed#x tech News \"~A\"\n",
			want: []Subscription{
				{URL: "https://a.example/feed", Title: "A", Tags: []string{"news", "tech"}},
				{URL: "https://b.example/feed"},
			},
			warnings: []string{"3: https://a.example/feed is listed on line 1 too; it is one subscription, with the tags of both"},
		},
		"control characters in tags and titles": {
			file: "https://a.example/feed \"\x1b[31mred\x1b[0m\" \"~\x1b]0;owned\x07Title\"\n",
			want: []Subscription{{URL: "https://a.example/feed", Title: "Title", Tags: []string{"red"}}},
		},
		"a long skipped line is quoted short": {
			file:     "https://a.example/feed\nexec:" + long + "\n",
			want:     []Subscription{{URL: "https://a.example/feed"}},
			warnings: []string{`2: "exec:` + long[:75] + `…" is a feed a program writes`},
		},
		"a file of query feeds alone": {
			file:     `"query:Today:age < 1"` + "\n" + "query:Empty\n",
			warnings: []string{`1: query feed "Today" (age < 1) skipped`, `2: query feed "Empty" skipped`},
			queries:  [][2]string{{"Today", "age < 1"}, {"Empty", ""}},
		},
	} {
		t.Run(name, func(t *testing.T) {
			subs, warnings, err := ReadNewsboatURLs(strings.NewReader(tc.file))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(subs, tc.want) {
				t.Errorf("got\n%+v\nwant\n%+v", short(subs), short(tc.want))
			}
			if len(warnings) != len(tc.warnings) {
				t.Fatalf("warnings %+v, want %q", warnings, tc.warnings)
			}
			var queries [][2]string
			for i, w := range warnings {
				if got := fmt.Sprintf("%d: %s", w.Line, w.Reason); !strings.HasPrefix(got, tc.warnings[i]) {
					t.Errorf("warning %d: %q, want %q", i, got, tc.warnings[i])
				}
				if len(w.Reason) > 400 {
					t.Errorf("warning %d is %d bytes long", i, len(w.Reason))
				}
				if w.QueryName != "" {
					queries = append(queries, [2]string{w.QueryName, w.Query})
				}
			}
			if !reflect.DeepEqual(queries, tc.queries) {
				t.Errorf("queries %q, want %q", queries, tc.queries)
			}
		})
	}
}

// short is subs with long strings cut, for a readable failure.
func short(subs []Subscription) []Subscription {
	cut := func(s string) string {
		if len(s) > 60 {
			return s[:60] + fmt.Sprintf("…(%d bytes)", len(s))
		}
		return s
	}
	out := make([]Subscription, len(subs))
	for i, s := range subs {
		out[i] = Subscription{URL: cut(s.URL), Title: cut(s.Title)}
		for _, tag := range s.Tags {
			out[i].Tags = append(out[i].Tags, cut(tag))
		}
	}
	return out
}

// TestReadNewsboatURLsEncodings: a urls file in UTF-16, or in Latin-1
// (with a warning), reads as one in UTF-8.
func TestReadNewsboatURLsEncodings(t *testing.T) {
	const file = "https://a.example/feed été \"~Café\"\n"
	want := []Subscription{{URL: "https://a.example/feed", Title: "Café", Tags: []string{"été"}}}
	utf16 := func(bom unicode.BOMPolicy) string {
		b, err := unicode.UTF16(unicode.LittleEndian, bom).NewEncoder().String(file)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for name, tc := range map[string]struct {
		data    string
		warning string
	}{
		"UTF-16 with a BOM":    {utf16(unicode.UseBOM), ""},
		"UTF-16 without a BOM": {utf16(unicode.IgnoreBOM), ""},
		"Latin-1":              {"https://a.example/feed \xe9t\xe9 \"~Caf\xe9\"\n", warnWindows1252},
	} {
		t.Run(name, func(t *testing.T) {
			subs, warnings, err := ReadNewsboatURLs(strings.NewReader(tc.data))
			if err != nil || !reflect.DeepEqual(subs, want) {
				t.Fatalf("got %+v, %v", subs, err)
			}
			var got string
			if len(warnings) > 0 {
				got = warnings[0].Reason
			}
			if len(warnings) > 1 || got != tc.warning || (len(warnings) == 1 && warnings[0].Line != 0) {
				t.Errorf("warnings %+v, want %q", warnings, tc.warning)
			}
		})
	}
}

// TestReadNewsboatURLsTagsCut: a feed gets MaxOPMLTags tags at most from a
// urls file, as from an OPML file, with a warning naming the line.
func TestReadNewsboatURLsTagsCut(t *testing.T) {
	var line strings.Builder
	line.WriteString("https://a.example/feed")
	for i := range MaxOPMLTags + 5 {
		fmt.Fprintf(&line, " t%d", i)
	}
	subs, warnings, err := ReadNewsboatURLs(strings.NewReader("# c\n" + line.String() + "\n"))
	if err != nil || len(subs) != 1 || len(subs[0].Tags) != MaxOPMLTags || subs[0].Tags[MaxOPMLTags-1] != fmt.Sprint("t", MaxOPMLTags-1) {
		t.Fatalf("got %d subscriptions, error %v", len(subs), err)
	}
	if len(warnings) != 1 || warnings[0].Line != 2 || !strings.Contains(warnings[0].Reason, "has 100 tags") {
		t.Errorf("warnings %+v", warnings)
	}
}

// TestReadNewsboatURLsNotOne: XML is ErrNotNewsboatURLs itself, for the
// caller to read as OPML; other text that is no urls file wraps it, saying
// which line is not one of a urls file.
func TestReadNewsboatURLsNotOne(t *testing.T) {
	for name, tc := range map[string]struct {
		file string
		want string // "" for ErrNotNewsboatURLs itself
	}{
		"OPML":                 {`<?xml version="1.0"?><opml/>`, ""},
		"OPML after a BOM":     {"\ufeff\n  <opml version=\"2.0\"/>", ""},
		"an RSS feed":          {"<rss/>", ""},
		"empty":                {"", "it names no feed"},
		"comments alone":       {"# nothing yet\n\n", "it names no feed"},
		"prose with a link":    {"Dear diary,\ntoday I read\nhttps://a.example/feed\n", `line 1 does not start with a feed's address ("Dear diary,")`},
		"JSON":                 {`{"feeds": ["https://a.example/feed"]}`, `line 1 does not start with a feed's address`},
		"addresses, none http": {"mailto:me@example.com\nftp://files.example/feed\n", `line 1 does not start with a feed's address ("mailto:me@example.com")`},
		"binary":               {"\x1f\x8b\x08\x00\x00\x00", "line 1 does not start"},
	} {
		t.Run(name, func(t *testing.T) {
			subs, _, err := ReadNewsboatURLs(strings.NewReader(tc.file))
			if subs != nil || !errors.Is(err, ErrNotNewsboatURLs) {
				t.Fatalf("got %+v, %v", subs, err)
			}
			if tc.want == "" {
				if err != ErrNotNewsboatURLs {
					t.Errorf("error %q, want ErrNotNewsboatURLs itself", err)
				}
				return
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q, want %q", err, tc.want)
			}
		})
	}
}
