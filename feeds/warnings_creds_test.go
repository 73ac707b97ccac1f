package feeds

import (
	"strings"
	"testing"
)

// TestImportWarningsShowNoPassword: the warnings reading newsboat's urls
// file or an OPML file gives name a feed whose address carries a user name
// and password without the password (ShownURL): listed twice, its tags
// cut, a line or outline that is no http(s) address.
func TestImportWarningsShowNoPassword(t *testing.T) {
	many := ""
	for i := range MaxOPMLTags + 1 {
		many += ` t` + string(rune('a'+i%26)) + strings.Repeat("x", i/26)
	}
	urls := "http://alice:pw9@example.org/feed.xml\n" +
		"http://alice:pw9@example.org/feed.xml \"~Dup\"\n" +
		"http://alice:pw9@example.org/tags.xml" + many + "\n" +
		"exec:http://alice:pw9@example.org/x\n" +
		"filter:~/f.sh:http://alice:pw9@example.org/y\n"
	_, warnings, err := ReadNewsboatURLs(strings.NewReader(urls))
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, w := range warnings {
		all = append(all, w.Reason)
	}
	got := strings.Join(all, "\n")
	for _, want := range []string{
		"http://alice@example.org/feed.xml is listed on line 1 too",
		"http://alice@example.org/tags.xml has ",
		`"exec:http://alice@example.org/x" is a feed a program writes`,
		"tidings feed add http://alice@example.org/y subscribes to it unfiltered",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the warnings do not say %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "pw9") {
		t.Errorf("the warnings show the password:\n%s", got)
	}
	if len(warnings) < 4 {
		t.Errorf("%d warnings, want 4 or more:\n%s", len(warnings), got)
	}

	opml := `<opml version="2.0"><body>
<outline text="Bad" type="rss" xmlUrl="htp://alice:pw9@example.org/feed.xml"/>
<outline text="Deep" type="rss" xmlUrl="http://alice:pw9@example.org/deep.xml" category="` + strings.TrimSpace(strings.ReplaceAll(many, " ", ",")) + `"/>
</body></opml>`
	_, err = ReadOPML(strings.NewReader(opml))
	if err == nil {
		t.Fatal("no error for the outline that is no http(s) address")
	}
	if strings.Contains(err.Error(), "pw9") || !strings.Contains(err.Error(), "htp://alice@example.org/feed.xml") ||
		!strings.Contains(err.Error(), "http://alice@example.org/deep.xml has ") {
		t.Errorf("ReadOPML's errors show the password, or not the address: %v", err)
	}
}
