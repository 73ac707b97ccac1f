package feeds

import (
	"slices"
	"strings"
	"testing"
)

// TestSharedGuidWarningNamesEntry: the warning that an entry's guid (or
// link) is other entries' too names the entry it is about, by its title on
// one line, cleaned, else by its place in the feed: one line for each
// entry, not the same line over again.
func TestSharedGuidWarningNamesEntry(t *testing.T) {
	for _, tc := range []struct {
		name, items string
		want        []string
	}{
		{
			name: "shared guid",
			items: `<item><title>Ferry returns</title><link>https://x.example/a</link><guid isPermaLink="false">same</guid></item>` +
				`<item><title>Fares
  rise</title><link>https://x.example/b</link><guid isPermaLink="false">same</guid></item>` +
				`<item><link>https://x.example/c</link><guid isPermaLink="false">same</guid><description>Untitled.</description></item>`,
			want: []string{
				`entry "Ferry returns": guid "same" is other entries' too; this entry is known by it and its link`,
				`entry "Fares rise": guid "same" is other entries' too; this entry is known by it and its link`,
				`entry 3: guid "same" is other entries' too; this entry is known by it and its link`,
			},
		},
		{
			name: "shared link",
			items: `<item><title>Storm &lt;b&gt;warning&lt;/b&gt;</title><link>https://x.example/c</link><description>One.</description></item>` +
				`<item><title>Storm passes</title><link>https://x.example/c</link><description>Two.</description></item>`,
			want: []string{
				`entry "Storm warning": link "https://x.example/c" is other entries' too; this entry is known by a hash of its content`,
				`entry "Storm passes": link "https://x.example/c" is other entries' too; this entry is known by a hash of its content`,
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := `<rss version="2.0"><channel><title>t</title>` + tc.items + `</channel></rss>`
			f, err := ParseFeed([]byte(doc), "", "", Subscription{URL: testFeedURL})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, a := range f.Articles {
				for _, w := range a.Warnings {
					if strings.Contains(w, "too;") {
						got = append(got, w)
					}
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("warnings\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}
