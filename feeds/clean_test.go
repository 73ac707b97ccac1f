package feeds

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

func TestCleanText(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"plain ascii":           {"Hello, world.\nSecond line\twith tab", "Hello, world.\nSecond line\twith tab"},
		"non-ascii kept":        {"Zürich — 東京 «quote» 🙂", "Zürich — 東京 «quote» 🙂"},
		"empty":                 {"", ""},
		"crlf":                  {"a\r\nb\r\n", "a\nb\n"},
		"lone cr":               {"a\rb\r", "a\nb\n"},
		"cr cr lf":              {"a\r\r\nb", "a\n\nb"},
		"line separators":       {"a\u2028b\u2029c", "a\nb\nc"},
		"nul":                   {"a\x00b", "ab"},
		"bell backspace del":    {"a\x07b\x08c\x7fd", "abcd"},
		"form feed vtab":        {"a\fb\vc", "abc"},
		"sgr color":             {"\x1b[31mred\x1b[0m", "red"},
		"sgr many params":       {"\x1b[38;2;255;0;0;1mX\x1b[m", "X"},
		"csi private":           {"\x1b[?1049hscreen\x1b[?25l", "screen"},
		"csi clear":             {"before\x1b[2J\x1b[Hafter", "beforeafter"},
		"csi intermediate":      {"a\x1b[1 qb", "ab"},
		"csi broken by newline": {"a\x1b[31\nb", "a\nb"},
		"csi unterminated eof":  {"a\x1b[12;", "a"},
		"osc title bel":         {"a\x1b]0;pwned\x07b", "ab"},
		"osc title st":          {"a\x1b]2;pwned\x1b\\b", "ab"},
		"osc 52 clipboard":      {"x\x1b]52;c;cm0gLXJmIH4=\x07y", "xy"},
		"osc 8 hyperlink":       {"\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\ here", "click here"},
		"osc 8 bel":             {"\x1b]8;;http://x\x07text\x1b]8;;\x07", "text"},
		"osc unterminated":      {"a\x1b]0;title\nnext line", "a\nnext line"},
		"osc unterminated eof":  {"a\x1b]0;title", "a"},
		"osc aborted by esc":    {"a\x1b]0;t\x1b[31mb", "ab"},
		"osc can":               {"a\x1b]0;t\x18b", "ab"},
		"dcs":                   {"a\x1bPq#0;2;0;0;0#1!6~\x1b\\b", "ab"},
		"sos pm apc":            {"1\x1bXsos\x1b\\2\x1b^pm\x1b\\3\x1b_apc\x1b\\4", "1234"},
		"two byte esc":          {"a\x1bcb\x1b7c\x1b8d\x1bMe", "abcde"},
		"charset designation":   {"a\x1b(Bb\x1b)0c", "abc"},
		"dec line":              {"a\x1b#8b", "ab"},
		"lone esc at end":       {"abc\x1b", "abc"},
		"esc before non-ascii":  {"a\x1bé", "aé"},
		"esc esc":               {"a\x1b\x1b[31mb", "ab"},
		"c1 csi alone":          {"a\u009b31mb", "a31mb"},
		"c1 osc alone":          {"a\u009d0;title\u009cb", "a0;titleb"},
		"c1 osc bel alone":      {"a\u009d8;;u\u0007b", "a8;;ub"},
		"c1 dcs alone":          {"a\u0090payload\u009cb", "apayloadb"},
		"c1 apc alone":          {"a\u009fpayload\u009cb", "apayloadb"},
		"c1 others":             {"a\u0085b\u0080c\u009cd", "abcd"},
		"raw c1 byte invalid":   {"a\x9b31mb", "a\uFFFD31mb"},
		"invalid utf8 run":      {"a\xff\xfe\xfdb", "a\uFFFDb"},
		"invalid then valid":    {"\xffa\xff", "\uFFFDa\uFFFD"},
		"truncated rune":        {"ab\xe6\x9d", "ab\uFFFD"},
		"surrogate encoded":     {"a\xed\xa0\x80b", "a\uFFFDb"},
		"bom":                   {"\uFEFFtext\uFEFF", "text"},
		"ref decimal":           {"a&#27;[31mb", "a[31mb"},
		"ref hex lower":         {"a&#x1b;b", "ab"},
		"ref hex upper":         {"a&#X1B;b", "ab"},
		"ref leading zeros":     {"a&#0027;b", "ab"},
		"ref c1 csi":            {"a&#155;31mb", "a31mb"},
		"ref c1 hex":            {"a&#x9B;b", "ab"},
		"ref nul":               {"a&#0;b", "ab"},
		"ref del":               {"a&#127;b", "ab"},
		"ref cr":                {"a&#13;b", "ab"},
		"ref no semicolon":      {"a&#27b", "ab"},
		"ref at end":            {"a&#x1b", "a"},
		"ref nested":            {"&#&#27;27;", ""},
		"ref nested deep":       {"&#&#&#27;27;27;x", "x"},
		"ref joined by control": {"&#2\x007;", ""},
		"ref joined by escape":  {"&#2\x1b[0m7;", ""},
		"ref split prefix":      {"&#2&#27;7;", "7;"},
		"ref newline kept":      {"a&#10;b&#9;c", "a&#10;b&#9;c"},
		"ref printable kept":    {"caf&#233; &#x41; &#8217;", "caf&#233; &#x41; &#8217;"},
		"ref decimal then hex":  {"&#27a", "a"},
		"ref big number kept":   {"&#1000027;", "&#1000027;"},
		"ref too many digits":   {"&#" + strings.Repeat("0", 40) + "27;", "&#" + strings.Repeat("0", 40) + "27;"},
		"ref empty":             {"&#; &#x; &#", "&#; &#x; &#"},
		"named entity kept":     {"AT&amp;T &lt;b&gt;", "AT&amp;T &lt;b&gt;"},
		"bidi kept in text":     {"abc\u202edef", "abc\u202edef"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got := CleanText(tc.in)
			if got != tc.want {
				t.Errorf("CleanText(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if again := CleanText(got); again != got {
				t.Errorf("not idempotent: %q -> %q", got, again)
			}
		})
	}
}

func TestCleanLine(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"trim and fold":       {"  Hello \n\t world  ", "Hello world"},
		"nbsp and em space":   {"a\u00a0\u2003b", "a b"},
		"bidi override":       {"invoice\u202Egpj.exe", "invoicegpj.exe"},
		"bidi isolates":       {"\u2066a\u2067b\u2068c\u2069", "abc"},
		"zero width":          {"pay\u200bpal\u2060\uFEFF", "paypal"},
		"zwj kept":            {"👩\u200d💻", "👩\u200d💻"},
		"escape in title":     {"Breaking\x1b]0;owned\x07 news\x1b[2J", "Breaking news"},
		"ref joined by zwsp":  {"&#\u200b27;x", "x"},
		"crlf folded":         {"one\r\ntwo", "one two"},
		"only controls":       {"\x1b[31m\x00\x07", ""},
		"already clean":       {"MENAFN - AzerNews", "MENAFN - AzerNews"},
		"non-ascii untouched": {"Zürich: 東京で会議", "Zürich: 東京で会議"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got := CleanLine(tc.in)
			if got != tc.want {
				t.Errorf("CleanLine(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if again := CleanLine(got); again != got {
				t.Errorf("not idempotent: %q -> %q", got, again)
			}
		})
	}
}

func TestStripBidi(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"empty":               {"", ""},
		"plain":               {"Hello,\nworld.", "Hello,\nworld."},
		"rlo":                 {"invoice\u202Egpj.exe", "invoicegpj.exe"},
		"every override":      {"a\u202Ab\u202Bc\u202Cd\u202De\u202Ef", "abcdef"},
		"every isolate":       {"\u2066a\u2067b\u2068c\u2069", "abc"},
		"newlines kept":       {"one\u202E\n\ntwo\u2069\n", "one\n\ntwo\n"},
		"marks kept":          {"a\u200Eb\u200Fc\u061Cd", "a\u200Eb\u200Fc\u061Cd"},
		"zero width kept":     {"a\u200Bb\u200Dc", "a\u200Bb\u200Dc"},
		"neighbours kept":     {"\u2029\u2065\u206A\u2024\u2029", "\u2029\u2065\u206A\u2024\u2029"},
		"dashes and quotes":   {"— “x” …", "— “x” …"},
		"e2 at the end":       {"a\xe2", "a\xe2"},
		"e2 80 at the end":    {"a\xe2\x80", "a\xe2\x80"},
		"arabic and hebrew":   {"שלום \u202Bمرحبا\u202C", "שלום مرحبا"},
		"only bidi":           {"\u202E\u2066", ""},
		"override at the end": {"text\u202E", "text"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got := StripBidi(tc.in)
			if got != tc.want {
				t.Errorf("StripBidi(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if hasBidi(got) {
				t.Errorf("StripBidi(%q) = %q still has bidi controls", tc.in, got)
			}
		})
	}
	s := strings.Repeat("Zürich — 東京 “quote”\n", 100)
	if allocs := testing.AllocsPerRun(10, func() { _ = StripBidi(s) }); allocs != 0 {
		t.Errorf("StripBidi allocated %v times on text without bidi controls", allocs)
	}
}

func TestCleanTextReturnsSameString(t *testing.T) {
	s := strings.Repeat("A clean paragraph with Zürich and 東京.\n\n", 100)
	allocs := testing.AllocsPerRun(10, func() { _ = CleanText(s) })
	if allocs != 0 {
		t.Errorf("CleanText allocated %v times on clean text", allocs)
	}
}

// checkCleanText asserts the properties every CleanText result has.
func checkCleanText(t *testing.T, in, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("CleanText(%q) = %q: invalid UTF-8", in, out)
	}
	for i := 0; i < len(out); i++ {
		c := out[i]
		if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f {
			t.Fatalf("CleanText(%q) = %q: control byte %#x at %d", in, out, c, i)
		}
	}
	for i, r := range out {
		if isC1(r) {
			t.Fatalf("CleanText(%q) = %q: C1 control %U at %d", in, out, r, i)
		}
	}
	for i := range len(out) {
		if controlRefAt(out, i) > 0 {
			t.Fatalf("CleanText(%q) = %q: control reference at %d", in, out, i)
		}
	}
	if again := CleanText(out); again != out {
		t.Fatalf("CleanText not idempotent: %q -> %q -> %q", in, out, again)
	}
	if stripped := ansi.Strip(out); stripped != out {
		t.Fatalf("CleanText(%q) = %q still holds sequences ansi.Strip removes: %q", in, out, stripped)
	}
}

func FuzzCleanText(f *testing.F) {
	for _, s := range []string{
		"", "plain", "a\r\nb", "\x1b[31mred\x1b[0m", "\x1b]8;;http://x\x1b\\t\x1b]8;;\x1b\\",
		"\x1b]52;c;Zm9v\x07", "\u009b2J", "\u009d0;t\u009c", "\x1bP1$r\x1b\\", "&#27;&#x1b;&#X9B;&#0155;",
		"&#&#27;27;", "&#2\x007;", "\xff\xfe", "Zürich 東京", "\x1b", "&#x1", "a\u2028b",
		"a\u202Eb\u2069", "&#\u202E27;", "\u202E\x1b[31m",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := CleanText(s)
		checkCleanText(t, s, out)
		line := CleanLine(s)
		checkCleanText(t, s, line)
		if strings.ContainsAny(line, "\n\t") || hasInvisible(line) {
			t.Fatalf("CleanLine(%q) = %q: newline, tab or invisible character left", s, line)
		}
		if CleanLine(line) != line {
			t.Fatalf("CleanLine not idempotent: %q -> %q", s, line)
		}
		if hasBidi(s) != strings.ContainsFunc(s, isBidi) {
			t.Fatalf("hasBidi(%q) = %v", s, hasBidi(s))
		}
		// What prints a body strips bidi controls first: removing them can
		// join a numeric character reference, which CleanText then removes.
		shown := CleanText(StripBidi(s))
		checkCleanText(t, s, shown)
		if strings.ContainsFunc(shown, isBidi) {
			t.Fatalf("CleanText(StripBidi(%q)) = %q: bidi control left", s, shown)
		}
	})
}
