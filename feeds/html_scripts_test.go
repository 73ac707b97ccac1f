package feeds

import (
	"strings"
	"testing"
)

// TestScriptsInStories: superscripts and subscripts read as such in an
// article's text, in their characters when they have them, else marked; a
// footnote's link stays a link; code is left as it is.
func TestScriptsInStories(t *testing.T) {
	for _, tt := range []struct{ name, html, want string }{
		{"exponent", `<p>about 10<sup>8</sup> joules</p>`, `about 10⁸ joules`},
		{"signed exponent", `<p>10<sup>-12</sup> m and x<sup>n+1</sup></p>`, `10⁻¹² m and xⁿ⁺¹`},
		{"subscript", `<p>CO<sub>2</sub> and H<sub>2</sub>O</p>`, `CO₂ and H₂O`},
		{"spaces inside", `<p>m<sup> 3 </sup></p>`, `m³`},
		{"in bold", `<p>10<sup><b>6</b></sup></p>`, `10**⁶**`},
		{"no such characters", `<p>e<sup>iπ</sup> and T<sub>eff</sub></p>`, `e^(iπ) and T\_(eff)`},
		{"ordinal", `<p>the 1<sup>st</sup> of May, <b>2</b><sup>e</sup> étage, e<sup>x</sup>, x<sup>y</sup></p>`, `the 1st of May, **2**e étage, e^(x), x^(y)`},
		{"footnote", `<p>for diagnostics.<sup><a href="#fn1">1</a></sup> Then</p>`, `for diagnostics.¹ Then`},
		{"linked", `<p>as noted<sup><a href="/notes/2">2</a></sup></p>`, `as noted[²](https://news.example/notes/2)`},
		{"empty", `<p>a<sup> </sup>b</p>`, `ab`},
		{"code", `<p><code>x<sup>2</sup></code></p>`, "`x2`"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := storyMarkdown(tt.html, "https://news.example/story")
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("storyMarkdown(%q) = %q, want %q", tt.html, got, tt.want)
			}
		})
	}
	// What ids are made of reads them as before.
	for _, convert := range []func(string, string) (string, error){HTMLToMarkdown, formerMarkdown} {
		if got, _ := convert(`<p>about 10<sup>8</sup> joules, CO<sub>2</sub></p>`, ""); got != "about 108 joules, CO2" {
			t.Errorf("read as before: %q", got)
		}
	}
}

// TestScriptsInPagesAndFeeds: a page and a feed's entry with superscripts
// show them, and are known by the ids they had when they read as text
// (TestReadableReleasedIDs has the page's).
func TestScriptsInPagesAndFeeds(t *testing.T) {
	page := readAll(t, "testdata/html/former/scripts.html")
	if len(page) != 1 || page[0].Err != nil {
		t.Fatalf("%+v", page)
	}
	if b := page[0].Article.Body; !strings.Contains(b, "about 10⁸ joules") || !strings.Contains(b, "CO₂ lasers for diagnostics.¹ Researchers") {
		t.Errorf("the page reads %q", b)
	}
	entries := readAll(t, "testdata/feeds/rss-scripts.xml")
	if len(entries) != 1 || entries[0].Err != nil {
		t.Fatalf("%+v", entries)
	}
	a := entries[0].Article
	if !strings.Contains(a.Body, "1.5×10⁸ kelvin with CO₂ lasers") {
		t.Errorf("the entry reads %q", a.Body)
	}
	// The id tidings 38cd0e8 gave the entry, which has no guid nor link.
	if want := "feed:site:https://lab.example/ Lab notes#h:3f26d39333baee89b458cfb9cfa01f6b"; a.ExternalID != want {
		t.Errorf("the entry's id is %q, want %q as before", a.ExternalID, want)
	}
}
