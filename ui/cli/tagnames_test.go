package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"tidings/feeds"
	"tidings/ui"
)

// TestTagNamesQuotedAsQueriesReadThem: wherever the command line lists an
// article's tags, a name with a space or a quote is written as a query
// reads it back (tag:"Long Read", "Long Read" in the tags listing), so
// where one tag ends and the next begins is plain; tags --json gives each
// name as it is, with its count.
func TestTagNamesQuotedAsQueriesReadThem(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	if _, err := st.Import(ctx, []feeds.Article{
		{ExternalID: "a", Title: "Ferry returns", Body: "Text.", Tags: []string{"Long Read", `He said "no"`, "ferry"}},
		{ExternalID: "b", Title: "Fares rise", Body: "Text.", Tags: []string{"ferry"}},
	}); err != nil {
		t.Fatal(err)
	}
	a, err := st.ArticleByExternalID(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	line := Line(a, 0)
	if want := `  #ferry  tag:"He said \"no\""  tag:"Long Read"`; !strings.HasSuffix(line, want) {
		t.Errorf("search line %q, want it to end %q", line, want)
	}
	for name, md := range map[string]string{"show": Markdown(a, nil), "show on a terminal": TerminalMarkdown(a, nil)} {
		if !strings.Contains(md, `tag:"Long Read"`) || strings.Contains(md, "#Long Read") {
			t.Errorf("%s: the tags are not quoted:\n%s", name, md)
		}
	}

	var b bytes.Buffer
	if err := Tags(ctx, st, &b); err != nil {
		t.Fatal(err)
	}
	want := "ferry             2\n" +
		`"He said \"no\""  1` + "\n" +
		`"Long Read"       1` + "\n"
	if b.String() != want {
		t.Errorf("tags printed\n%s\nwant\n%s", b.String(), want)
	}

	b.Reset()
	if err := TagsJSON(ctx, st, &b); err != nil {
		t.Fatal(err)
	}
	var got []TagRecord
	for l := range strings.Lines(b.String()) {
		var r TagRecord
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		got = append(got, r)
	}
	wantJSON := []TagRecord{{"ferry", 2}, {`He said "no"`, 1}, {"Long Read", 1}}
	if len(got) != len(wantJSON) {
		t.Fatalf("tags --json: %v, want %v", got, wantJSON)
	}
	for i := range got {
		if got[i] != wantJSON[i] {
			t.Errorf("tags --json line %d: %+v, want %+v", i+1, got[i], wantJSON[i])
		}
	}
	if !strings.Contains(b.String(), `{"name":"Long Read","count":1}`) {
		t.Errorf("tags --json:\n%s", b.String())
	}
}

// TestFeedAddAgainQuotesTags: feed add on a subscribed feed names its tags
// as feed list and opml import do.
func TestFeedAddAgainQuotesTags(t *testing.T) {
	st := openStore(t)
	url := serveFeed(t, atomFeed)
	subscribe(t, st, url, "Long Read")
	want := "already subscribed to " + url + `; tag #e added (its tags now: tag:"Long Read" #e)` + "\n"
	if out := subscribe(t, st, url, "e"); !strings.HasPrefix(out, want) {
		t.Errorf("feed add again printed\n%s\nwant it to begin\n%s", out, want)
	}
}

// TestParseID: every command reads an article id alike: digits, leading
// zeros too, more than zero.
func TestParseID(t *testing.T) {
	for _, tt := range []struct {
		in string
		id int64
		ok bool
	}{
		{"5", 5, true}, {"05", 5, true}, {"0005", 5, true}, {"9223372036854775807", 9223372036854775807, true},
		{"0", 0, false}, {"00", 0, false}, {"-5", 0, false}, {"+5", 0, false}, {" 5", 0, false}, {"5 ", 0, false},
		{"0x5", 0, false}, {"5e2", 0, false}, {"", 0, false}, {"٥", 0, false}, {"9223372036854775808", 0, false},
	} {
		id, ok := ParseID(tt.in)
		if ok != tt.ok || ok && id != tt.id {
			t.Errorf("ParseID(%q) = %d, %v; want %d, %v", tt.in, id, ok, tt.id, tt.ok)
		}
	}
	refs, _, err := ParseTagArgs([]string{"05", "7", "+x"}, ui.TagWord)
	if err != nil || len(refs) != 2 || refs[0] != "05" || refs[1] != "7" {
		t.Errorf("ParseTagArgs(05 7 +x) = %q, %v; want [05 7]", refs, err)
	}
}

// TestReadText: read says how many articles it marked, counting only
// those whose state changed, and says so when none did.
func TestReadText(t *testing.T) {
	for _, tt := range []struct {
		changed, matched int
		read             bool
		want             string
	}{
		{3, 3, true, "Marked 3 articles read."},
		{1, 1, false, "Marked 1 article unread."},
		{1, 3, true, "Marked 1 of 3 articles read (2 were already read)."},
		{2, 3, false, "Marked 2 of 3 articles unread (1 was already unread)."},
		{0, 2, true, "2 articles were already read."},
		{0, 1, false, "1 article was already unread."},
		{0, 0, true, "No article matches: none marked read."},
		{1200, 2500, true, "Marked 1,200 of 2,500 articles read (1,300 were already read)."},
	} {
		if got := ReadText(tt.changed, tt.matched, tt.read); got != tt.want {
			t.Errorf("ReadText(%d, %d, %v) = %q, want %q", tt.changed, tt.matched, tt.read, got, tt.want)
		}
	}
}
