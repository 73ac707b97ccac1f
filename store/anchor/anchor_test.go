package anchor

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

const harbour = `The port authority said on Tuesday that the harbour cranes would be replaced by the end of the year. ` +
	`Dock workers welcomed the news.

The harbour cranes, built in 1974, have broken down eleven times this spring. ` +
	`A spokesman for the authority said the new cranes would lift twice as much.`

func TestMake(t *testing.T) {
	long := strings.Repeat("a", 40) + "QUOTE" + strings.Repeat("b", 40)
	tests := map[string]struct {
		text       string
		start, end int
		want       Selector
	}{
		"middle": {long, 40, 45, Selector{Quote: "QUOTE", Prefix: strings.Repeat("a", 32), Suffix: strings.Repeat("b", 32)}},
		"at the start": {"Quote then the rest", 0, 5,
			Selector{Quote: "Quote", Prefix: "", Suffix: " then the rest"}},
		"at the end": {"the rest, then quote", 15, 20,
			Selector{Quote: "quote", Prefix: "the rest, then ", Suffix: ""}},
		"runes, not bytes": {strings.Repeat("é", 40) + "x" + strings.Repeat("ü", 40), 80, 81,
			Selector{Quote: "x", Prefix: strings.Repeat("é", 32), Suffix: strings.Repeat("ü", 32)}},
		"offsets inside runes move outwards": {"aé€b", 2, 4, Selector{Quote: "é€", Prefix: "a", Suffix: "b"}},
		"reversed offsets":                   {"abcdef", 4, 2, Selector{Quote: "cd", Prefix: "ab", Suffix: "ef"}},
		"clamped":                            {"abc", -5, 99, Selector{Quote: "abc"}},
		"empty":                              {"abc", 1, 1, Selector{Prefix: "a", Suffix: "bc"}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			if got := Make(tt.text, tt.start, tt.end); got != tt.want {
				t.Errorf("Make(%d, %d) = %+v, want %+v", tt.start, tt.end, got, tt.want)
			}
		})
	}
}

func TestFind(t *testing.T) {
	second := strings.Index(harbour, "The harbour cranes, built")
	tests := map[string]struct {
		text string
		sel  Selector
		want string // the text found; "" for not found
		at   int    // where it must start, -1 for anywhere
	}{
		"found once": {harbour, Selector{Quote: "broken down eleven times"}, "broken down eleven times", -1},
		"several, the prefix chooses": {harbour,
			Selector{Quote: "harbour cranes", Prefix: "ng.\n\nThe ", Suffix: ", built in 1974"}, "harbour cranes", second + 4},
		"several, only a suffix": {harbour,
			Selector{Quote: "harbour cranes", Suffix: ", built"}, "harbour cranes", second + 4},
		"several, no context: the first": {harbour,
			Selector{Quote: "harbour cranes"}, "harbour cranes", strings.Index(harbour, "harbour cranes")},
		"several, context slightly changed": {harbour,
			Selector{Quote: "harbour cranes", Prefix: "welcomed the new.\nThe ", Suffix: " built in 1975"}, "harbour cranes", second + 4},
		"rewrapped": {harbour,
			Selector{Quote: "would be replaced\nby the end of\nthe year."}, "would be replaced by the end of the year.", -1},
		"double spaces in the quote": {harbour,
			Selector{Quote: "Dock  workers   welcomed"}, "Dock workers welcomed", -1},
		"across a paragraph break": {harbour,
			Selector{Quote: "the news. The harbour"}, "the news.\n\nThe harbour", -1},
		"moved": {"A new first paragraph was added.\n\n" + harbour,
			Selector{Quote: "eleven times this spring", Prefix: "have broken down ", Suffix: ". A spokesman"}, "eleven times this spring", -1},
		"edited slightly": {strings.Replace(harbour, "broken down eleven times", "broken down 11 times", 1),
			Selector{Quote: "have broken down eleven times this spring", Prefix: "The harbour cranes, built in 1974, ", Suffix: ". A spokesman"},
			"have broken down 11 times this spring", -1},
		"typo fixed": {harbour,
			Selector{Quote: "Dock wrokers welcommed the news"}, "Dock workers welcomed the news", -1},
		"edited, context chooses": {strings.ReplaceAll(harbour, "cranes", "crane"),
			Selector{Quote: "harbour cranes,", Prefix: "welcomed the news.\n\nThe ", Suffix: " built in 1974"}, "harbour crane,",
			strings.Index(strings.ReplaceAll(harbour, "cranes", "crane"), "harbour crane,")},
		"edited and rewrapped": {strings.Replace(harbour, "would lift twice as much", "will lift\ntwice as much", 1),
			Selector{Quote: "the new cranes would lift twice as much."}, "the new cranes will lift\ntwice as much.", -1},
		"unicode": {"Der Zürcher Stadtrat beschloss am Dienstag, die Tramlinie über die Brücke zu führen.",
			Selector{Quote: "über die Brucke zu fuhren"}, "über die Brücke zu führen", -1},
		"gone":             {harbour, Selector{Quote: "the ferry terminal will close in winter"}, "", -1},
		"mostly rewritten": {harbour, Selector{Quote: "the harbour cranes will be sold for scrap next month"}, "", -1},
		"short, edited, no context": {harbour,
			Selector{Quote: "Tusday"}, "", -1},
		"short, edited, with its context": {harbour,
			Selector{Quote: "Tusday", Prefix: "port authority said on ", Suffix: " that the harbour"}, "Tuesday", -1},
		"empty quote":      {harbour, Selector{Prefix: "The port"}, "", -1},
		"white space only": {"a\n\nb", Selector{Quote: "  "}, "", -1},
		"empty text":       {"", Selector{Quote: "x"}, "", -1},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			start, end, ok := Find(tt.text, tt.sel)
			if tt.want == "" {
				if ok {
					t.Errorf("found %q at %d, want orphaned", tt.text[start:end], start)
				}
				return
			}
			if !ok {
				t.Fatalf("not found, want %q", tt.want)
			}
			if got := tt.text[start:end]; got != tt.want {
				t.Errorf("found %q, want %q", got, tt.want)
			}
			if tt.at >= 0 && start != tt.at {
				t.Errorf("found at %d, want %d", start, tt.at)
			}
		})
	}
}

// TestFindMadeSelectors: on an unchanged text, every passage is found where
// it was, even a word that occurs many times; in a text that repeats itself,
// the place found is one that no selector tells from it.
func TestFindMadeSelectors(t *testing.T) {
	text := strings.Repeat(harbour+"\n\n", 3) + "the end"
	for _, word := range []string{"the", "harbour cranes", "said", "\n\n", "."} {
		for from := 0; ; {
			i := strings.Index(text[from:], word)
			if i < 0 {
				break
			}
			i += from
			sel := Make(text, i, i+len(word))
			start, end, ok := Find(text, sel)
			switch {
			case !ok:
				t.Errorf("%q at %d: not found", word, i)
			case start != i && Make(text, start, end) != sel:
				t.Errorf("%q at %d: found at %d, a different place", word, i, start)
			case start != i && i < len(harbour):
				t.Errorf("%q at %d: found at %d, although the first copy of the text starts differently", word, i, start)
			}
			from = i + 1
		}
	}
}

// TestFindRewrapped: a passage selected in a text wrapped at one width is
// found in the same text wrapped at another, and in the plain paragraphs.
func TestFindRewrapped(t *testing.T) {
	wrap := func(s string, width int) string {
		var b strings.Builder
		col := 0
		for _, w := range strings.Fields(s) {
			if col > 0 && col+1+len(w) > width {
				b.WriteString("\n  ")
				col = 0
			} else if col > 0 {
				b.WriteString(" ")
				col++
			}
			b.WriteString(w)
			col += len(w)
		}
		return b.String()
	}
	narrow, wide := wrap(harbour, 30), wrap(harbour, 70)
	i := strings.Index(narrow, "by")
	j := strings.Index(narrow, "news.") + len("news.")
	sel := Make(narrow, i, j)
	for name, text := range map[string]string{"wide": wide, "plain": harbour} {
		start, end, ok := Find(text, sel)
		if !ok {
			t.Fatalf("%s: not found", name)
		}
		if got := strings.Join(strings.Fields(text[start:end]), " "); got != "by the end of the year. Dock workers welcomed the news." {
			t.Errorf("%s: found %q", name, text[start:end])
		}
	}
}

// TestMyers checks the bit-parallel search against the edit-distance table
// computed cell by cell, on patterns longer and shorter than a block.
func TestMyers(t *testing.T) {
	x := uint32(88172645)
	rnd := func(n int) int {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		return int(x % uint32(n))
	}
	word := func(n int) []rune {
		const alphabet = "abcdé "
		rs := []rune(alphabet)
		out := make([]rune, n)
		for i := range out {
			out[i] = rs[rnd(len(rs))]
		}
		return out
	}
	for _, m := range []int{1, 2, 5, 63, 64, 65, 130} {
		for range 20 {
			pat, text := word(m), word(rnd(300)+1)
			// Semi-global: the distance of the best match ending at each rune.
			my := newMyers(pat)
			my.reset()
			score := m
			want := naiveEnds(pat, text)
			for j, r := range text {
				score += my.step(r, 0)
				if score != want[j+1] {
					t.Fatalf("m=%d: distance at %d = %d, want %d", m, j+1, score, want[j+1])
				}
			}
			// ends, whichever its path, finds the local minima of that row.
			k := m / 3
			want2 := minima{k: k, n: 1 << 30, prev: m, pending: match{end: -1}}
			off := 0
			for j, r := range text {
				off += len(string(r))
				want2.see(off, want[j+1])
			}
			if got, w := my.ends(string(text), k, 1<<30), want2.done(); !reflect.DeepEqual(got, w) {
				t.Fatalf("m=%d: ends = %v, want %v", m, got, w)
			}
			// Anchored: the distance of the pattern to each prefix of the text.
			my.reset()
			score = m
			for j, r := range text {
				score += my.step(r, 1)
				if d := levenshtein(pat, text[:j+1]); score != d {
					t.Fatalf("m=%d: anchored distance at %d = %d, want %d", m, j+1, score, d)
				}
			}
		}
	}
}

// naiveEnds is, for each end position, the least edit distance of pat to a
// substring of text ending there.
func naiveEnds(pat, text []rune) []int {
	prev := make([]int, len(text)+1) // row 0: all zeros
	for i := 1; i <= len(pat); i++ {
		cur := make([]int, len(text)+1)
		cur[0] = i
		for j := 1; j <= len(text); j++ {
			cost := 1
			if pat[i-1] == text[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev
}

func TestFindBoundsWork(t *testing.T) {
	// A long quote that is not in a huge body is given up on, not searched
	// for approximately at a cost of minutes.
	body := strings.Repeat("lorem ipsum dolor sit amet ", 200000)
	quote := strings.Repeat("consectetur adipiscing elit ", 100)
	if _, _, ok := Find(body, Selector{Quote: quote}); ok {
		t.Error("found a quote that is not there")
	}
	// A one-letter quote found everywhere is still placed by its context.
	text := strings.Repeat("a", 100000) + "b" + strings.Repeat("a", 100)
	i := 100000 - 5
	start, _, ok := Find(text, Make(text, i, i+1))
	if !ok || start != i {
		t.Errorf("one letter among many: found at %d, want %d", start, i)
	}
}

func FuzzFind(f *testing.F) {
	f.Add(harbour, 10, 30, "")
	f.Add("a  b\n\nc", 1, 4, "x")
	f.Add("ééé", 1, 5, "é")
	f.Add("aaaa", 1, 2, "aa")
	f.Fuzz(func(t *testing.T, text string, start, end int, edit string) {
		sel := Make(text, start, end)
		if !strings.Contains(text, sel.Prefix+sel.Quote+sel.Suffix) {
			t.Fatalf("Make %+v: not a piece of the text", sel)
		}
		s, e, ok := Find(text, sel)
		if sel.Quote == "" {
			if ok {
				t.Fatalf("empty quote found at %d-%d", s, e)
			}
		} else {
			if !ok {
				t.Fatalf("%+v not found in the unchanged text", sel)
			}
			// The same place, or one that no selector can tell from it.
			if got := Make(text, s, e); got != sel {
				t.Fatalf("found %d-%d, whose selector %+v differs from %+v", s, e, got, sel)
			}
		}
		// Any selector on any text: no panic, a span inside the text.
		edited := text[:len(text)/2] + edit + text[len(text)/2:]
		if s, e, ok := Find(edited, sel); ok && (s < 0 || e > len(edited) || s >= e) {
			t.Fatalf("span %d-%d in a text of %d bytes", s, e, len(edited))
		} else if ok && utf8.ValidString(edited) && utf8.ValidString(sel.Quote) && !utf8.ValidString(edited[s:e]) {
			t.Fatalf("span %d-%d cuts a rune", s, e)
		}
		if s, e, ok := Find(text, Selector{Quote: edit, Prefix: sel.Suffix, Suffix: sel.Prefix}); ok && (s < 0 || e > len(text) || s >= e) {
			t.Fatalf("span %d-%d in a text of %d bytes", s, e, len(text))
		}
	})
}

// levenshtein is the edit distance of two short strings.
func levenshtein(a, b []rune) int {
	if len(a) < len(b) {
		a, b = b, a
	}
	row := make([]int, len(b)+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(a); i++ {
		diag := row[0]
		row[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			next := min(row[j]+1, row[j-1]+1, diag+cost)
			diag, row[j] = row[j], next
		}
	}
	return row[len(b)]
}
