package feeds

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func readOPMLFile(t *testing.T, name string) ([]Subscription, error) {
	t.Helper()
	f, err := os.Open("testdata/feeds/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return ReadOPML(f)
}

func TestReadOPML(t *testing.T) {
	t.Run("newsboat export", func(t *testing.T) {
		subs, err := readOPMLFile(t, "newsboat.opml")
		if err != nil {
			t.Fatal(err)
		}
		want := []Subscription{
			{URL: "https://gazette.example.org/feed/", Title: "Harbour Town Gazette", SiteURL: "https://gazette.example.org"},
			{URL: "https://notes.example.net/blog/atom.xml", Title: "Field Notes", SiteURL: "https://notes.example.net/blog/"},
			{URL: "https://search.example.com/rss?q=tides&lang=en", Title: "https://search.example.com/rss?q=tides&lang=en"},
		}
		if !reflect.DeepEqual(subs, want) {
			t.Errorf("got\n%+v\nwant\n%+v", subs, want)
		}
	})
	t.Run("Feedly export with folders", func(t *testing.T) {
		subs, err := readOPMLFile(t, "feedly.opml")
		want := []Subscription{
			{URL: "https://gazette.example.org/feed/", Title: "Harbour Town Gazette", SiteURL: "https://gazette.example.org", Tags: []string{"Local", "Reading"}},
			{URL: "http://radio.example.com/rss.xml", Title: "Valley Radio Headlines", SiteURL: "http://radio.example.com/", Tags: []string{"Local"}},
			{URL: "https://science.example.com/rss", Title: "Science Digest", SiteURL: "https://science.example.com/", Tags: []string{"Science"}},
			{URL: "https://notes.example.net/blog/atom.xml", Title: "Field Notes", SiteURL: "https://notes.example.net/blog/", Tags: []string{"Science", "Rivers"}},
			{URL: "https://micro.example.org/feed.json", Title: "Micro Posts", SiteURL: "https://micro.example.org/"},
		}
		if !reflect.DeepEqual(subs, want) {
			t.Errorf("got\n%+v\nwant\n%+v", subs, want)
		}
		if err == nil || !strings.Contains(err.Error(), `line 22: outline "Broken": xmlUrl "javascript:alert(1)" is not an http(s) URL`) {
			t.Errorf("error %v, want one naming the bad outline and its line", err)
		}
	})
	t.Run("titles keep angle brackets", func(t *testing.T) {
		subs, err := ReadOPML(strings.NewReader(`<opml version="2.0"><body>` +
			`<outline text="Vec&lt;T&gt; weekly" xmlUrl="https://a.example/feed"/>` +
			`<outline text="&lt;b&gt;Bold&lt;/b&gt; news" xmlUrl="https://b.example/feed"/></body></opml>`))
		if err != nil {
			t.Fatal(err)
		}
		if len(subs) != 2 || subs[0].Title != "Vec<T> weekly" || subs[1].Title != "Bold news" {
			t.Errorf("titles %+v", subs)
		}
	})
	t.Run("not OPML", func(t *testing.T) {
		_, err := ReadOPML(strings.NewReader(`<?xml version="1.0"?><rss version="2.0"></rss>`))
		if !errors.Is(err, ErrNotOPML) {
			t.Errorf("error %v, want ErrNotOPML", err)
		}
		if _, err := ReadOPML(strings.NewReader("")); !errors.Is(err, ErrNotOPML) {
			t.Errorf("empty file: error %v", err)
		}
	})
	t.Run("truncated keeps what was read", func(t *testing.T) {
		doc := "<opml version=\"2.0\"><body>\n<outline text=\"A\" xmlUrl=\"https://a.example.com/feed\"/>\n<outline text=\"B\" xmlUrl=\"https"
		subs, err := ReadOPML(strings.NewReader(doc))
		if len(subs) != 1 || subs[0].URL != "https://a.example.com/feed" || err == nil || !strings.Contains(err.Error(), "line 3") {
			t.Errorf("subs %+v, error %v", subs, err)
		}
	})
	t.Run("hostile titles and encodings", func(t *testing.T) {
		doc := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<opml version=\"2.0\"><body>" +
			"<outline text=\"Caf\xe9 \x1b[2J&#27;[31m\"><outline text=\"Le Monde\x07\" xmlUrl=\"https://lemonde.example.fr/rss\"/></outline></body></opml>"
		subs, err := ReadOPML(strings.NewReader(doc))
		if err != nil {
			t.Fatal(err)
		}
		if len(subs) != 1 || subs[0].Title != "Le Monde" || len(subs[0].Tags) != 1 {
			t.Fatalf("subs %+v", subs)
		}
		checkTerminalSafe(t, "tag", subs[0].Tags[0])
		if !strings.HasPrefix(subs[0].Tags[0], "Café") {
			t.Errorf("tag %q", subs[0].Tags[0])
		}
	})
}

func TestWriteOPML(t *testing.T) {
	subs := []Subscription{
		{URL: "https://plain.example.com/feed", Title: "No Tags"},
		{URL: "https://a.example.com/feed", Title: "A & B", SiteURL: "https://a.example.com/", Tags: []string{"News", "World", "daily"}},
		{URL: "https://b.example.com/feed?x=1&y=2", Title: "", Tags: []string{"Tech"}},
		{URL: "https://c.example.com/feed", Title: "C", Tags: []string{"news"}}, // same folder as "News"
	}
	var buf bytes.Buffer
	if err := WriteOPML(&buf, "My feeds", subs); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		`<?xml version="1.0" encoding="UTF-8"?>`,
		`<opml version="2.0">`,
		`<title>My feeds</title>`,
		`<outline text="No Tags" title="No Tags" type="rss" xmlUrl="https://plain.example.com/feed"></outline>`,
		`<outline text="News" title="News">`,
		`<outline text="A &amp; B" title="A &amp; B" type="rss" xmlUrl="https://a.example.com/feed" htmlUrl="https://a.example.com/" category="News,World,daily"></outline>`,
		`<outline text="https://b.example.com/feed?x=1&amp;y=2" type="rss" xmlUrl="https://b.example.com/feed?x=1&amp;y=2" category="Tech"></outline>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s:\n%s", want, out)
		}
	}
	if strings.Count(out, `text="News"`) != 1 {
		t.Errorf("tags differing in case make two folders:\n%s", out)
	}
	// A feed is listed once, in the folder of its first tag.
	if strings.Count(out, `xmlUrl="https://a.example.com/feed"`) != 1 || strings.Contains(out, `text="World"`) {
		t.Errorf("a feed is listed in more than its first tag's folder:\n%s", out)
	}

	back, err := ReadOPML(&buf)
	if err != nil {
		t.Fatal(err)
	}
	want := []Subscription{
		{URL: "https://plain.example.com/feed", Title: "No Tags"},
		{URL: "https://a.example.com/feed", Title: "A & B", SiteURL: "https://a.example.com/", Tags: []string{"News", "World", "daily"}},
		{URL: "https://c.example.com/feed", Title: "C", Tags: []string{"news"}},
		{URL: "https://b.example.com/feed?x=1&y=2", Title: "https://b.example.com/feed?x=1&y=2", Tags: []string{"Tech"}},
	}
	if !reflect.DeepEqual(back, want) {
		t.Errorf("round trip:\ngot  %+v\nwant %+v", back, want)
	}
}

func TestOPMLRoundTrip(t *testing.T) {
	for _, name := range []string{"newsboat.opml", "feedly.opml"} {
		t.Run(name, func(t *testing.T) {
			subs, _ := readOPMLFile(t, name)
			var buf bytes.Buffer
			if err := WriteOPML(&buf, "export", subs); err != nil {
				t.Fatal(err)
			}
			back, err := ReadOPML(&buf)
			if err != nil {
				t.Fatal(err)
			}
			byURL := map[string]Subscription{}
			for _, s := range back {
				byURL[s.URL] = s
			}
			if len(back) != len(subs) {
				t.Errorf("%d subscriptions back from %d", len(back), len(subs))
			}
			for _, s := range subs {
				if !reflect.DeepEqual(byURL[s.URL], s) {
					t.Errorf("round trip changed\n%+v\nto\n%+v", s, byURL[s.URL])
				}
			}
		})
	}
}

// TestReadOPMLURLAttribute: an outline may name its feed with url instead
// of xmlUrl, as older exports do and newsboat reads; an outline typed as a
// feed that names none is a failure naming its line.
func TestReadOPMLURLAttribute(t *testing.T) {
	for _, tc := range []struct {
		name, outline string
		want          []Subscription
		err           string // in the error, "" for none
	}{
		{"url of type rss", `<outline text="Smart Weekly" type="rss" url="https://w.example/feed"/>`,
			[]Subscription{{URL: "https://w.example/feed", Title: "Smart Weekly"}}, ""},
		{"url without a type", `<outline text="W" url="https://w.example/feed"/>`,
			[]Subscription{{URL: "https://w.example/feed", Title: "W"}}, ""},
		{"url of type Atom", `<outline text="W" type="Atom" url="https://w.example/atom"/>`,
			[]Subscription{{URL: "https://w.example/atom", Title: "W"}}, ""},
		{"xmlUrl before url", `<outline text="W" type="rss" url="https://w.example/page" xmlUrl="https://w.example/feed"/>`,
			[]Subscription{{URL: "https://w.example/feed", Title: "W"}}, ""},
		{"a link is no feed", `<outline text="Home" type="link" url="https://w.example/"/>`, nil, ""},
		{"an include is no feed", `<outline text="More" type="include" url="https://w.example/more.opml"/>`, nil, ""},
		{"url not http", `<outline text="W" type="rss" url="javascript:alert(1)"/>`, nil,
			`line 2: outline "W": url "javascript:alert(1)" is not an http(s) URL`},
		{"a feed with no address", `<outline text="Lost" type="rss" htmlUrl="https://lost.example/"/>`, nil,
			`line 2: outline "Lost" is a feed with neither xmlUrl nor url`},
		{"in a folder", `<outline text="News"><outline text="W" type="rss" url="https://w.example/feed"/></outline>`,
			[]Subscription{{URL: "https://w.example/feed", Title: "W", Tags: []string{"News"}}}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			subs, err := ReadOPML(strings.NewReader("<opml version=\"1.0\"><body>\n" + tc.outline + "\n</body></opml>"))
			if !reflect.DeepEqual(subs, tc.want) {
				t.Errorf("got %+v, want %+v", subs, tc.want)
			}
			if (tc.err == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tc.err)) {
				t.Errorf("error %v, want %q", err, tc.err)
			}
		})
	}
}

// TestReadOPMLCategories: a category attribute's tags, in OPML 2.0's form
// and as category paths, and newsboat's markers, which are not tags.
func TestReadOPMLCategories(t *testing.T) {
	for _, tc := range []struct {
		name, outline string
		title         string
		tags          []string
	}{
		{"newsboat: a name of the reader's", `<outline type="rss" xmlUrl="https://g.example/rss" title="Gazette" text="Gazette" category="local,news,~My Gazette"/>`,
			"My Gazette", []string{"local", "news"}},
		{"newsboat: a hidden feed", `<outline type="rss" xmlUrl="https://g.example/rss" title="Ada’s Notebook" category="tech,!"/>`,
			"Ada’s Notebook", []string{"tech"}},
		{"newsboat: nested folders and spaces", `<outline type="rss" xmlUrl="https://g.example/rss" title="Zeitung" category="Deutsch/Köln,long read"/>`,
			"Zeitung", []string{"Deutsch/Köln", "long read"}},
		{"an empty name", `<outline type="rss" xmlUrl="https://g.example/rss" title="G" category="~,news"/>`,
			"G", []string{"news"}},
		{"the first name", `<outline type="rss" xmlUrl="https://g.example/rss" title="G" category="~One,~Two"/>`,
			"One", nil},
		{"tidings before: category paths", `<outline text="local"><outline type="rss" xmlUrl="https://g.example/rss" title="G" category="/news,/~My Gazette"/></outline>`,
			"My Gazette", []string{"local", "news"}},
		{"an OPML 2.0 category path", `<outline type="rss" xmlUrl="https://g.example/rss" title="G" category="/Boston/Weather,/Politics"/>`,
			"G", []string{"Boston/Weather", "Politics"}},
		{"folders the category does not list come first", `<outline text="Europe"><outline type="rss" xmlUrl="https://g.example/rss" title="G" category="daily"/></outline>`,
			"G", []string{"Europe", "daily"}},
		{"a category listing every folder keeps its order", `<outline text="World"><outline type="rss" xmlUrl="https://g.example/rss" title="G" category="News,world,daily"/></outline>`,
			"G", []string{"News", "world", "daily"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			subs, err := ReadOPML(strings.NewReader(`<opml version="2.0"><body>` + tc.outline + `</body></opml>`))
			if err != nil || len(subs) != 1 {
				t.Fatalf("ReadOPML = %+v, %v", subs, err)
			}
			if subs[0].Title != tc.title || !reflect.DeepEqual(subs[0].Tags, tc.tags) {
				t.Errorf("title %q, tags %q; want %q, %q", subs[0].Title, subs[0].Tags, tc.title, tc.tags)
			}
		})
	}
}

// TestOPMLTagsRoundTrip: every tag of a feed is read back, in its order,
// from the file WriteOPML writes, which lists the feed once: in its first
// tag's folder, as Feedly and Inoreader read it, and with every tag in its
// category as newsboat reads it; a tag a category cannot carry is a folder
// too, the feed's folder nested in it.
func TestOPMLTagsRoundTrip(t *testing.T) {
	var deep []string
	for i := range MaxOPMLDepth + 1 {
		deep = append(deep, fmt.Sprintf("t%d", i))
	}
	for _, tc := range []struct {
		name     string
		tags     []string
		category string   // what newsboat reads
		folders  []string // the feed's folder and those it is in, outermost first
		back     []string // the tags read back; nil: the same
	}{
		{"one tag", []string{"news"}, "news", []string{"news"}, nil},
		{"several", []string{"local", "news", "Long Read"}, "local,news,Long Read", []string{"local"}, nil},
		{"a folder of newsboat's", []string{"Deutsch/Köln", "daily"}, "Deutsch/Köln,daily", []string{"Deutsch/Köln"}, nil},
		{"what newsboat would read as markers", []string{"news", "~mine", "!"}, "news", []string{"news", "~mine", "!"}, nil},
		{"a comma, left to the folders", []string{"news", "a, b", "world"}, "news,world", []string{"news", "a, b"}, nil},
		{"a marker first", []string{"!", "news"}, "news", []string{"!"}, nil},
		// Folders as deep as the tags before it would not be read back: the
		// feed is in the first tag's and that one's, and the rest follow.
		{"a marker past the folders read", append(slices.Clone(deep), "!"),
			strings.Join(deep, ","), []string{"t0", "!"}, append([]string{"t0", "!"}, deep[1:]...)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			subs := []Subscription{
				{URL: "https://other.example/feed", Title: "Other", Tags: []string{"world", "news"}},
				{URL: "https://g.example/rss", Title: "Gazette", Tags: tc.tags},
			}
			var buf bytes.Buffer
			if err := WriteOPML(&buf, "export", subs); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			back, err := ReadOPML(&buf)
			if err != nil || len(back) != 2 {
				t.Fatalf("ReadOPML = %+v, %v\n%s", back, err, out)
			}
			want := tc.back
			if want == nil {
				want = tc.tags
			}
			for _, s := range back {
				if s.URL == "https://g.example/rss" && (s.Title != "Gazette" || !reflect.DeepEqual(s.Tags, want)) {
					t.Errorf("back %q, %q; want %q\n%s", s.Title, s.Tags, want, out)
				}
			}
			if !strings.Contains(out, `xmlUrl="https://g.example/rss" category="`+tc.category+`"`) {
				t.Errorf("want category %q:\n%s", tc.category, out)
			}
			if n := strings.Count(out, `xmlUrl="https://g.example/rss"`); n != 1 {
				t.Errorf("the feed is listed %d times:\n%s", n, out)
			}
			var path []string
			for _, line := range strings.Split(out, "\n") {
				if strings.Contains(line, `xmlUrl="https://g.example/rss"`) {
					break
				}
				text, ok := strings.CutPrefix(strings.TrimSpace(line), `<outline text="`)
				if !ok || strings.Contains(line, "xmlUrl") {
					if strings.TrimSpace(line) == "</outline>" {
						path = path[:len(path)-1]
					}
					continue
				}
				path = append(path, text[:strings.Index(text, `"`)])
			}
			if !reflect.DeepEqual(path, tc.folders) {
				t.Errorf("the feed is in folders %q, want %q:\n%s", path, tc.folders, out)
			}
		})
	}
}

// nestedOPML is an OPML file of depth folders, each inside the one before
// and each listing a feed of its own before the next folder, one outline a
// line: line 2 opens folder f0.
func nestedOPML(depth int) string {
	var b strings.Builder
	b.WriteString("<opml version=\"2.0\"><body>\n")
	for i := range depth {
		fmt.Fprintf(&b, "<outline text=\"f%d\">\n<outline type=\"rss\" text=\"feed%d\" xmlUrl=\"https://n.example/%d.xml\"/>\n", i, i, i)
	}
	b.WriteString(strings.Repeat("</outline>", depth) + "\n</body></opml>\n")
	return b.String()
}

// cuts are the *OPMLCut warnings in ReadOPML's error, and the rest of it.
func cuts(err error) (cut []*OPMLCut, rest []error) {
	if err == nil {
		return nil, nil
	}
	errs := []error{err}
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		errs = joined.Unwrap()
	}
	for _, e := range errs {
		var c *OPMLCut
		if errors.As(e, &c) {
			cut = append(cut, c)
		} else {
			rest = append(rest, e)
		}
	}
	return cut, rest
}

// TestReadOPMLCutsDeepFolders: folders nested past MaxOPMLDepth are not
// tags (their feeds are read all the same), a feed gets MaxOPMLTags tags at
// most however often it is listed, and a warning names the line of each
// cut; what a file within the limits says is read whole.
func TestReadOPMLCutsDeepFolders(t *testing.T) {
	folders := func(n int) []string {
		var tags []string
		for i := range n {
			tags = append(tags, fmt.Sprintf("f%d", i))
		}
		return tags
	}
	manyFolders, manyCategories := "", ""
	for i := range MaxOPMLTags + 50 {
		manyFolders += fmt.Sprintf("<outline text=\"f%d\"><outline type=\"rss\" xmlUrl=\"https://m.example/feed\"/></outline>\n", i)
		manyCategories += fmt.Sprintf(",f%d", i)
	}
	for _, tc := range []struct {
		name  string
		doc   string
		feeds int
		tags  map[int][]string // a feed's tags by its position
		cuts  []string         // "line N: " and what the warning says
	}{
		{"as deep as read", nestedOPML(MaxOPMLDepth), MaxOPMLDepth,
			map[int][]string{0: {"f0"}, MaxOPMLDepth - 1: folders(MaxOPMLDepth)}, nil},
		{"deeper", nestedOPML(MaxOPMLDepth + 5), MaxOPMLDepth + 5,
			map[int][]string{MaxOPMLDepth - 1: folders(MaxOPMLDepth), MaxOPMLDepth: folders(MaxOPMLDepth), MaxOPMLDepth + 4: folders(MaxOPMLDepth)},
			[]string{fmt.Sprintf(`line %d: folder "f%d" is nested in %d folders`, 2*MaxOPMLDepth+2, MaxOPMLDepth, MaxOPMLDepth)}},
		{"a feed in many folders", "<opml><body>\n" + manyFolders + "</body></opml>", 1,
			map[int][]string{0: folders(MaxOPMLTags)},
			[]string{fmt.Sprintf("line %d: https://m.example/feed has %d tags", MaxOPMLTags+2, MaxOPMLTags)}},
		{"a long category", "<opml><body>\n<outline type=\"rss\" xmlUrl=\"https://c.example/feed\" category=\"" + manyCategories[1:] + "\"/>\n</body></opml>", 1,
			map[int][]string{0: folders(MaxOPMLTags)},
			[]string{fmt.Sprintf("line 2: https://c.example/feed has %d tags", MaxOPMLTags)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			subs, err := ReadOPML(strings.NewReader(tc.doc))
			cut, rest := cuts(err)
			if len(rest) > 0 || len(subs) != tc.feeds {
				t.Fatalf("%d feeds, error %v", len(subs), err)
			}
			for i, want := range tc.tags {
				if !reflect.DeepEqual(subs[i].Tags, want) {
					t.Errorf("feed %d has tags %q, want %q", i, subs[i].Tags, want)
				}
			}
			if len(cut) != len(tc.cuts) {
				t.Fatalf("warnings %v, want %q", cut, tc.cuts)
			}
			for i, want := range tc.cuts {
				if !strings.Contains(cut[i].Error(), want) {
					t.Errorf("warning %q, want %q", cut[i], want)
				}
			}
		})
	}
}

// TestOPMLNestedFoldersStaySmall: ten thousand folders nested in each
// other, a feed in each, give each feed MaxOPMLDepth tags at most, and
// export as a file in proportion to the feeds, which reads back as the
// same feeds with the same tags.
func TestOPMLNestedFoldersStaySmall(t *testing.T) {
	heavyUnderRace(t)
	const n = 10000
	doc := nestedOPML(n)
	subs, err := ReadOPML(strings.NewReader(doc))
	if cut, rest := cuts(err); len(subs) != n || len(rest) > 0 || len(cut) != 1 {
		t.Fatalf("%d feeds, error %v", len(subs), err)
	}
	for i, s := range subs {
		if want := min(i+1, MaxOPMLDepth); len(s.Tags) != want {
			t.Fatalf("feed %d has %d tags, want %d", i, len(s.Tags), want)
		}
	}
	var buf bytes.Buffer
	if err := WriteOPML(&buf, "export", subs); err != nil {
		t.Fatal(err)
	}
	// Each feed once, with its tags in its category: some 250 bytes a feed.
	if perFeed := buf.Len() / n; perFeed > 400 {
		t.Errorf("export of %d feeds is %d bytes, %d a feed", n, buf.Len(), perFeed)
	}
	back, err := ReadOPML(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, subs) {
		t.Errorf("read back otherwise than written")
	}
}
