package ui

import (
	"context"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/text/unicode/norm"

	"tidings/feeds"
)

// accentsOn is a letter under n combining accents, four kinds in turn, as
// a hostile feed's title has it.
func accentsOn(letter string, n int) string {
	var b strings.Builder
	b.WriteString(letter)
	for i := range n {
		b.WriteRune(rune(0x301 + i%4))
	}
	return b.String()
}

// mostInACluster is how many characters the largest grapheme cluster of s
// holds: what a terminal is sent for one cell.
func mostInACluster(s string) int {
	most := 0
	for s != "" {
		c, _ := ansi.FirstGraphemeCluster(s, ansi.GraphemeWidth)
		if len(c) == 0 {
			c = s[:1]
		}
		most = max(most, utf8.RuneCountInString(c))
		s = s[len(c):]
	}
	return most
}

// allocated is how many bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// hugeFields are one-line fields of megabytes, as a hostile feed gives
// them and a library from before fields were cut (feeds.ShortLine) holds
// them, and how what is drawn of them begins.
var hugeFields = map[string]struct{ field, starts string }{
	"a letter under millions of marks": {"zalgo " + accentsOn("Z", 4400000), "zalgo " + accentsOn("Z", feeds.MaxMarks) + "…"},
	"words beyond ASCII":               {"long " + strings.Repeat("w\u00e9 ", 1500000), "long w\u00e9 w\u00e9 w\u00e9"},
	"one ASCII word":                   {"long " + strings.Repeat("w", 2000000), "long www"},
	"emoji":                            {"emoji " + strings.Repeat("\U0001F468\u200d\U0001F469\u200d\U0001F467", 100000), "emoji \U0001F468\U0001F469\U0001F467\U0001F468"},
	"a feed's title":                   {"Feed " + strings.Repeat("T", 1000000), "Feed TTT"},
	"bytes of no character":            {strings.Repeat("\x80", 1<<20), "\ufffd"},
}

// TestOneLineHugeFields: a one-line field of megabytes is drawn from as
// much of it as a screen can show, and costs about what a line does: no
// more than that is read, and a letter keeps feeds.MaxMarks of its marks,
// not the millions a terminal would be sent in one cell.
func TestOneLineHugeFields(t *testing.T) {
	for name, tt := range hugeFields {
		t.Run(name, func(t *testing.T) {
			var got string
			start := time.Now()
			bytes := allocated(func() { got = oneLine(tt.field) })
			if d := time.Since(start); d > time.Second {
				t.Errorf("oneLine took %v", d)
			}
			if bytes > 1<<20 {
				t.Errorf("oneLine allocated %d bytes for a field of %d", bytes, len(tt.field))
			}
			if len(got) > lineMost {
				t.Errorf("oneLine is %d bytes", len(got))
			}
			if !strings.HasPrefix(got, tt.starts) || !strings.HasSuffix(got, "…") {
				t.Errorf("oneLine = %+q..., want it to begin %+q and end in …", got[:min(len(got), 80)], tt.starts)
			}
			if n := mostInACluster(got); n > feeds.MaxMarks+1 {
				t.Errorf("a cell is sent %d characters", n)
			}
			if c, whole, each := disagreement(got); c != "" {
				t.Errorf("%+q is %d cells whole, %d one character at a time", c, whole, each)
			}
			if again := oneLine(got); again != got {
				t.Errorf("oneLine again: %+q", again[:min(len(again), 80)])
			}
		})
	}
}

// TestDisplayTextCapsMarks: the screen keeps feeds.MaxMarks marks on a
// letter, as the library does, and every mark real text puts on one.
func TestDisplayTextCapsMarks(t *testing.T) {
	for name, tt := range map[string]struct{ in, want string }{
		"zalgo":               {"a " + accentsOn("Z", 40000) + " b", "a " + accentsOn("Z", feeds.MaxMarks) + " b"},
		"zalgo, and a joiner": {accentsOn("Z", 40000) + "\u200d\U0001F469", accentsOn("Z", feeds.MaxMarks) + "\U0001F469"},
		"thirty marks":        {accentsOn("Z", feeds.MaxMarks), accentsOn("Z", feeds.MaxMarks)},
		"Vietnamese":          {norm.NFD.String("Tiếng Việt: người, Nguyễn"), norm.NFD.String("Tiếng Việt: người, Nguyễn")},
		"Tibetan":             {"ༀ་མ་ཎི་པདྨེ་ཧཱུྃ། བསྒྲུབས་ རྒྱ་མཚོ་", "ༀ་མ་ཎི་པདྨེ་ཧཱུྃ། བསྒྲུབས་ རྒྱ་མཚོ་"},
		"Hebrew":              {"בְּרֵאשִׁ֖ית בָּרָ֣א", "בְּרֵאשִׁ֖ית בָּרָ֣א"},
		"Arabic":              {"بِسْمِ ٱللَّٰهِ", "بِسْمِ ٱللَّٰهِ"},
	} {
		t.Run(name, func(t *testing.T) {
			if got := displayText(tt.in); got != tt.want {
				t.Errorf("displayText = %+q, want %+q", got[:min(len(got), 200)], tt.want)
			}
			checkDisplayText(t, tt.in)
		})
	}
}

// TestHugeTitlesInTheList: the list of a library holding titles and a
// source of megabytes, imported before fields were cut, draws each such
// row as it draws any other: a screen's worth of bytes, at once, when the
// list opens and as the cursor comes onto the row and leaves it.
func TestHugeTitlesInTheList(t *testing.T) {
	st, path := openLibrary(t)
	var arts []feeds.Article
	for i, title := range []string{"normal one", "zalgo", "words", "emoji", "normal two", "normal three"} {
		a := testArticle(i)
		a.Title = title
		arts = append(arts, a)
	}
	if _, err := st.Import(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	for i, name := range []string{"a letter under millions of marks", "words beyond ASCII", "emoji"} {
		execLibrary(t, path, `UPDATE articles SET title = ? WHERE external_id = ?`, hugeFields[name].field, arts[i+1].ExternalID)
	}
	execLibrary(t, path, `UPDATE articles SET source = ? WHERE external_id = ?`, hugeFields["a feed's title"].field, arts[1].ExternalID)

	const width, height = 120, 40
	began := time.Now()
	m := start(t, st, Config{}, width, height)
	checkScreen := func(what string, began time.Time) {
		t.Helper()
		if d := time.Since(began); d > 2*time.Second {
			t.Errorf("%s took %v", what, d)
		}
		content := m.View().Content
		if len(content) > 64<<10 {
			t.Errorf("%s: the screen is %d bytes", what, len(content))
		}
		if n := mostInACluster(ansi.Strip(content)); n > feeds.MaxMarks+1 {
			t.Errorf("%s: a cell is sent %d characters", what, n)
		}
		checkMeasuresAgree(t, m, width)
	}
	checkScreen("the first screen", began)
	view := viewText(m)
	for _, want := range []string{"normal one", "zalgo Z", "long wé wé", "emoji 👨", "normal three"} {
		if !strings.Contains(view, want) {
			t.Errorf("the list does not show %q:\n%s", want, view)
		}
	}
	for _, want := range []string{"zalgo", "long", "emoji", "normal two", "normal three"} {
		began := time.Now()
		m = steps(t, m, "j")
		if r, _ := root(t, m).list.current(); !strings.HasPrefix(r.Title, want) {
			t.Fatalf("on %q, want the row of %q", r.Title[:min(len(r.Title), 20)], want)
		}
		checkScreen("j onto "+want, began)
	}
}
