package query

import (
	"reflect"
	"testing"
)

func TestGlobFold(t *testing.T) {
	for in, want := range map[string]string{
		"Été":        "[Éé][tT][éÉ]",
		"e\u0301":    "[eE]\u0301",
		"Σας":        "[Σςσ][αΑ][ςσΣ]",
		"ı":          "[iIİı]", // Turkish writes i's cases otherwise: the four are one
		"HÜRRİYET":   "[Hh][Üü][Rr][Rr][iIİı][Yy][Ee][Tt]",
		"k":          "[k\u212aK]",
		"a*b?c[d]":   "[aA][*][bB][?][cC][[][dD]]",
		"東京 - 1":     "東京 - 1",
		"\\%_":       "\\%_",
		"":           "",
		"El País 24": "[Ee][lL] [Pp][aA][íÍ][sſS] 24",
	} {
		if got := globFold(in); got != want {
			t.Errorf("globFold(%+q) = %+q, want %+q", in, got, want)
		}
	}
}

// A source or feed name beyond ASCII is matched with GLOB in both Unicode
// forms, composed and decomposed, when they differ; an ASCII one with LIKE
// as it always was.
func TestCompileSourceBeyondASCII(t *testing.T) {
	const (
		srcGlob  = `(a.source GLOB ? OR a.source GLOB ? OR a.source GLOB ? OR a.source GLOB ? OR a.source GLOB ? OR a.source GLOB ? OR a.source GLOB ? OR a.source GLOB ? OR (a.feed_id IS NOT NULL AND a.feed_id IN (SELECT id FROM feeds WHERE title GLOB ? OR title GLOB ?)))`
		oneForm  = `(a.source GLOB ? OR a.source GLOB ? OR a.source GLOB ? OR a.source GLOB ? OR (a.feed_id IS NOT NULL AND a.feed_id IN (SELECT id FROM feeds WHERE title GLOB ?)))`
		prefix   = `(a.source GLOB ? OR a.source GLOB ? OR a.source GLOB ? OR a.source GLOB ? OR (a.feed_id IS NOT NULL AND a.feed_id IN (SELECT id FROM feeds WHERE title GLOB ? OR title GLOB ?)))`
		feedName = `(a.feed_id IS NOT NULL AND a.feed_id IN (SELECT id FROM feeds WHERE url = ? OR title GLOB ? OR title GLOB ?))`
		feedPre  = `(a.feed_id IS NOT NULL AND a.feed_id IN (SELECT id FROM feeds WHERE url LIKE ? ESCAPE '\' OR title GLOB ? OR title GLOB ?))`
	)
	c, d := "[éÉ]", "[eE]\u0301" // é composed and decomposed
	tests := []struct {
		in    string
		where string
		args  []any
	}{
		{"source:é", srcGlob, []any{c, d, c + " - *", d + " - *", "* - " + c, "* - " + d, "* - " + c + " - *", "* - " + d + " - *", "*" + c + "*", "*" + d + "*"}},
		{"source:e\u0301", srcGlob, []any{c, d, c + " - *", d + " - *", "* - " + c, "* - " + d, "* - " + c + " - *", "* - " + d + " - *", "*" + c + "*", "*" + d + "*"}},
		{"source:東京", oneForm, []any{"東京", "東京 - *", "* - 東京", "* - 東京 - *", "*東京*"}},
		{"source:é*", prefix, []any{c + "*", d + "*", "* - " + c + "*", "* - " + d + "*", "*" + c + "*", "*" + d + "*"}},
		{"feed:é", feedName, []any{"é", c, d}},
		{"feed:é*", feedPre, []any{"é%", c + "*", d + "*"}},
	}
	for _, tt := range tests {
		got, err := CompileString(tt.in, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got.Where != tt.where || !reflect.DeepEqual(got.Args, tt.args) {
			t.Errorf("%+q:\n where %s\n  want %s\n args %+q\n  want %+q", tt.in, got.Where, tt.where, got.Args, tt.args)
		}
	}
}
