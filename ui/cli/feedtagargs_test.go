package cli

import (
	"slices"
	"strings"
	"testing"

	"tidings/ui"
)

// TestFeedTagArgs: feed tag reads +name and feed untag -name as tidings
// tag reads them (the sign and a # dropped, quotes read), and takes other
// words whole; the other sign, or a word naming no tag, is refused.
func TestFeedTagArgs(t *testing.T) {
	for _, tc := range []struct {
		name    string
		sign    rune
		words   []string
		want    []string
		wantErr string
	}{
		{"plus read as tidings tag reads it", '+', []string{"#x", "+y", `+"Long Read"`}, []string{"#x", "y", "Long Read"}, ""},
		{"words taken whole", '+', []string{"boats", "Long Read"}, []string{"boats", "Long Read"}, ""},
		{"a name that starts with a sign, quoted", '+', []string{`+"-x"`}, []string{"-x"}, ""},
		{"minus in feed tag refused", '+', []string{"-x"}, nil, "feed untag FEED -TAG"},
		{"a lone sign names no tag", '+', []string{"+"}, nil, "names no tag"},
		{"minus read in feed untag", '-', []string{"-y", "news"}, []string{"y", "news"}, ""},
		{"plus in feed untag refused", '-', []string{"+y"}, nil, "feed tag FEED +TAG"},
	} {
		got, err := FeedTagArgs(tc.words, tc.sign, ui.TagWord)
		switch {
		case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
			t.Errorf("%s: %q, %v; want an error saying %q", tc.name, got, err, tc.wantErr)
		case tc.wantErr == "" && (err != nil || !slices.Equal(got, tc.want)):
			t.Errorf("%s: %q, %v; want %q", tc.name, got, err, tc.want)
		}
	}
}
