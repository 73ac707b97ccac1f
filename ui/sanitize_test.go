package ui

import (
	"fmt"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"tidings/feeds"
)

// sgr matches the only escape sequences tidings lets through.
var sgr = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

// checkTerminalSafe fails unless s holds nothing a terminal would act on
// beyond SGR styling: no other escape sequence, no control character but
// newline and tab, no C1 control, valid UTF-8.
func checkTerminalSafe(s string) error {
	rest := sgr.ReplaceAllString(s, "")
	if !utf8.ValidString(rest) {
		return fmt.Errorf("invalid UTF-8 in %q", s)
	}
	for i, r := range rest {
		if (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r <= 0x9f) {
			return fmt.Errorf("control %U at byte %d of %q", r, i, rest)
		}
		if feeds.IsBidi(r) {
			return fmt.Errorf("bidi control %U at byte %d of %q", r, i, rest)
		}
	}
	return nil
}

func TestKeepStyles(t *testing.T) {
	tests := map[string]struct {
		in, want string
	}{
		"plain text":             {"Storm Shadow missiles", "Storm Shadow missiles"},
		"newlines and tabs stay": {"a\n\tb\n", "a\n\tb\n"},
		"unicode stays":          {"Berlin – Київ 東京 🚀", "Berlin – Київ 東京 🚀"},
		"bidi controls go":       {"file \u202efdp.exe\u202c \u2066x\u2069", "file fdp.exe x"},
		"zero-width spaces stay": {"a\u200bb\u2060c", "a\u200bb\u2060c"},
		"joiners in words stay":  {"می\u200cخواهم", "می\u200cخواهم"},
		"emoji one at a time":    {"👩\u200d💻 \u2708\ufe0f", "👩💻 \u2708"},
		"decoded vowel sign":     {"\x1b[1m00\u0abe\x1b[m", "\x1b[1m00\u2060\u0abe\x1b[m"},
		"joiners in ascii go":    {"c\u200dd and e\u200cf", "cd and ef"},
		"sgr stays":              {"\x1b[1;38;5;203mbold\x1b[0m \x1b[38:2::1:2:3mrgb\x1b[m", "\x1b[1;38;5;203mbold\x1b[0m \x1b[38:2::1:2:3mrgb\x1b[m"},
		"osc 52 clipboard, BEL":  {"a\x1b]52;c;ZWNobyBwd25lZA==\x07b", "ab"},
		"osc 52 clipboard, ST":   {"a\x1b]52;c;ZWNobyBwd25lZA==\x1b\\b", "ab"},
		"osc 8 hyperlink":        {"\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\", "click"},
		"osc window title":       {"\x1b]0;pwned\x07text", "text"},
		"unterminated osc":       {"before\x1b]52;c;ZWNobw==", "before"},
		"csi cursor moves":       {"a\x1b[2J\x1b[H\x1b[10;10Hb\x1b[3A", "ab"},
		"csi private mode":       {"\x1b[?1049h\x1b[?25lx", "x"},
		"csi sgr-like private":   {"\x1b[?1mx\x1b[>4;2m", "x"},
		"csi with intermediate":  {"\x1b[2 qx\x1b[1 m", "x"},
		"device status query":    {"\x1b[6n\x1b[cx", "x"},
		"dcs":                    {"\x1bP+q544e\x1b\\x\x1bP$qm\x1b\\", "x"},
		"apc pm sos":             {"\x1b_Gf=24;AAAA\x1b\\a\x1b^pm\x1b\\b\x1bXsos\x1b\\c", "abc"},
		"two-byte escapes":       {"\x1bc\x1b7\x1b8\x1b(0\x1b)Bx\x1bM", "x"},
		"lone escape at end":     {"x\x1b", "x"},
		"escape escape sgr":      {"\x1b\x1b[31mx", "\x1b[31mx"},
		"bel backspace cr del":   {"a\x07b\x08c\rd\x7fe\x00f", "abcdef"},
		"c1 csi rune alone":      {"a\u009b2Jb", "a2Jb"},
		"c1 osc rune alone":      {"a\u009d52;c;ZWNobw==\u0007b", "a52;c;ZWNobw==b"},
		"c1 dcs rune alone":      {"a\u0090qdata\u009cb", "aqdatab"},
		"other c1 runes":         {"a\u0085b\u0084c", "abc"},
		"raw 8-bit csi byte":     {"a\x9b2Jb", "a\uFFFD2Jb"},
		"broken csi then text":   {"\x1b[12\x07x", "x"},
		"sgr split by control":   {"\x1b[3\n1mx", "\n1mx"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got := keepStyles(tt.in)
			if got != tt.want {
				t.Errorf("keepStyles(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if err := checkTerminalSafe(got); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestOneLine(t *testing.T) {
	tests := map[string]struct {
		in, want string
	}{
		"plain":                {"Luftwaffe leak", "Luftwaffe leak"},
		"spaces folded":        {"  a \t b\n\nc  ", "a b c"},
		"escape sequences":     {"a\x1b[2J\x1b]52;c;ZWNobw==\x07b", "ab"},
		"osc 8 in a source":    {"\x1b]8;;https://x\x1b\\MENAFN\x1b]8;;\x1b\\", "MENAFN"},
		"control references":   {"&#27;]52;c;ZWNobw==&#7;", "]52;c;ZWNobw=="},
		"hex reference":        {"a&#x1b;[2Jb", "a[2Jb"},
		"nested reference":     {"&#&#27;27;[31m", "[31m"},
		"printable references": {"caf&#233; &amp; co", "caf&#233; &amp; co"},
		"bidi override":        {"abc\u202edcba\u202c", "abcdcba"},
		"c1 and del":           {"a\u0085b\x7fc", "abc"},
		"invalid utf-8":        {"a\xffb", "a\uFFFDb"},
		"wide characters stay": {"東京 🚀", "東京 🚀"},

		// Nothing that shows nothing: a field cannot look like another,
		// nor like no field, nor shift what follows it.
		"joiner in a word":             {"ukr\u200daine", "ukraine"},
		"non-joiner in a word":         {"ukr\u200caine", "ukraine"},
		"soft hyphen":                  {"ukr\u00adaine", "ukraine"},
		"grapheme joiner":              {"ukr\u034faine", "ukraine"},
		"direction marks":              {"ukr\u200eai\u200fne\u061c", "ukraine"},
		"variation selectors":          {"ukr\ufe0fai\ufe00ne", "ukraine"},
		"tag characters":               {"ukr\U000E0041aine\U000E007F", "ukraine"},
		"interlinear annotation":       {"\ufff9ukraine\ufffa\ufffb", "ukraine"},
		"Hangul fillers":               {"ukr\u3164ai\uffa0ne", "ukraine"},
		"nothing but joiners":          {"\u200d\u200d", ""},
		"a lone joiner":                {"\u200d", ""},
		"a lone selector":              {"\ufe0f", ""},
		"between spaces":               {"Hidden \u200d ZWJ", "Hidden ZWJ"},
		"a reference rejoined":         {"&#\u200d27;[2J", "[2J"},
		"Persian keeps its letters":    {"\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"},
		"a half form keeps its joiner": {"\u0915\u094d\u200d\u0937", "\u0915\u094d\u200d\u2060\u0937"},

		// As wide on the terminal as laid out.
		"family":          {"\U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466 day", "\U0001F468\U0001F469\U0001F467\U0001F466 day"},
		"rainbow flag":    {"\U0001F3F3\ufe0f\u200d\U0001F308", "\U0001F3F3\U0001F308"},
		"technologist":    {"\U0001F9D1\u200d\U0001F4BB", "\U0001F9D1\U0001F4BB"},
		"skin tone":       {"\U0001F44D\U0001F3FD", "\U0001F44D\u2060\U0001F3FD"},
		"text symbols":    {"\u263a\ufe0f \u2708\ufe0f", "\u263a \u2708"},
		"keycap":          {"1\ufe0f\u20e3 one", "1 one"},
		"country flag":    {"\U0001F1FA\U0001F1E6", "\U0001F1FA\U0001F1E6"},
		"a spacing vowel": {"\u0915\u093e", "\u0915\u2060\u093e"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got := oneLine(tt.in)
			if got != tt.want {
				t.Errorf("oneLine(%+q) = %+q, want %+q", tt.in, got, tt.want)
			}
			if strings.ContainsAny(got, "\n\t\x1b") {
				t.Errorf("oneLine(%q) = %q keeps a newline, tab or escape", tt.in, got)
			}
			if c, whole, each := disagreement(got); c != "" {
				t.Errorf("oneLine(%+q) = %+q: %+q is %d cells whole, %d one character at a time", tt.in, got, c, whole, each)
			}
			if again := oneLine(got); again != got {
				t.Errorf("oneLine(%+q) = %+q, then %+q", tt.in, got, again)
			}
		})
	}
}

// hostileBodies are article bodies that try to reach the terminal through
// glamour: raw sequences it would pass through, and character references it
// would decode into live control characters.
var hostileBodies = map[string]string{
	"raw osc 52":            "Paragraph one.\n\n\x1b]52;c;ZWNobyBwd25lZA==\x07Paragraph two.",
	"entity osc 52":         "Text &#27;]52;c;ZWNobyBwd25lZA==&#7; more text.",
	"hex entity csi":        "Text &#x1b;[2J&#x1B;[H cleared?",
	"entity without semi":   "Text &#27[31mred",
	"nested entity":         "Text &#&#27;27;]0;title&#7; end",
	"c1 entity":             "Text &#155;2J and &#157;0;title&#7;",
	"entity in link text":   "[&#27;]8;;http://evil&#27;\\\\click](http://example.com)",
	"entity in code span":   "`&#27;[2J` and ```\n\x1b[2J\n```",
	"raw csi in heading":    "# Title \x1b[2J\x1b[H\n\nbody",
	"osc 8 in link target":  "[x](http://a.example/\x1b]8;;evil\x07)",
	"dcs and apc":           "a\x1bP+q544e\x1b\\b\x1b_Gf=24\x1b\\c",
	"c1 runes":              "a\u009b2Jb\u009d0;t\u0007c",
	"invalid utf-8":         "a\x9b2Jb\xff",
	"html block":            "<div>\x1b]52;c;eA==\x07</div>\n\n<p>&#27;[2J</p>",
	"table with escapes":    "| a | b |\n|---|---|\n| \x1b[2J | &#27;[H |",
	"autolink with escape":  "<http://example.com/\x1b[2J>",
	"image alt with entity": "![&#27;]52;c;eA==&#7;](http://example.com/x.png)",
	"bidi override entity":  "Pay the invoice file &#x202E;fdp.exe today, &#8238;N and &#x2066;iso&#x2069;.",
	"raw bidi":              "Pay \u202efdp.exe\u202c today.",
}

func TestRenderedBodiesAreTerminalSafe(t *testing.T) {
	r := newRenderer()
	id := int64(0)
	for name, body := range hostileBodies {
		id++ // a key of its own: the renderer caches by key
		for _, style := range []string{glamourStyle(true, false), glamourStyle(false, false), glamourStyle(true, true)} {
			t.Run(name+"/"+style, func(t *testing.T) {
				out, err := r.render(renderKey{id: id, width: 60, style: style}, body)
				if err != nil {
					t.Fatal(err)
				}
				if err := checkTerminalSafe(out); err != nil {
					t.Error(err)
				}
			})
		}
	}
}

// TestNoColorRendering checks that with colour off the reader's body carries
// no colour, only decoration at most.
func TestNoColorRendering(t *testing.T) {
	r := newRenderer()
	out, err := r.render(renderKey{id: 1, width: 60, style: glamourStyle(true, true)},
		"# Heading\n\nSome *emphasis* and `code` and a [link](https://example.com).\n\n> quote\n\n- item")
	if err != nil {
		t.Fatal(err)
	}
	for _, seq := range sgr.FindAllString(out, -1) {
		for _, p := range strings.FieldsFunc(seq[2:len(seq)-1], func(r rune) bool { return r == ';' || r == ':' }) {
			if p == "38" || p == "48" || (len(p) == 2 && (p[0] == '3' || p[0] == '4' || p[0] == '9') && p[1] != '9') {
				t.Fatalf("colour %q in no-colour rendering: %q", seq, out)
			}
		}
	}
}

func FuzzKeepStyles(f *testing.F) {
	for _, body := range hostileBodies {
		f.Add(body)
	}
	f.Add("\x1b[1;31mred\x1b[0m")
	f.Add("\x1b]52;c;ZWNobw==\x1b\\")
	f.Fuzz(func(t *testing.T, s string) {
		out := keepStyles(s)
		if err := checkTerminalSafe(out); err != nil {
			t.Fatal(err)
		}
		if again := keepStyles(out); again != out {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, out, again)
		}
	})
}

func FuzzOneLine(f *testing.F) {
	for _, body := range hostileBodies {
		f.Add(body)
	}
	f.Add("ukr\u200daine \U0001F468\u200d\U0001F469\u200d\U0001F467 \u0915\u094d\u0937\u093e \U0001F44D\U0001F3FD 1\ufe0f\u20e3")
	f.Fuzz(func(t *testing.T, s string) {
		out := oneLine(s)
		if strings.ContainsAny(out, "\n\t\x1b") {
			t.Fatalf("oneLine(%q) = %q", s, out)
		}
		if err := checkTerminalSafe(out); err != nil {
			t.Fatal(err)
		}
		if c, whole, each := disagreement(out); c != "" {
			t.Fatalf("oneLine(%+q) = %+q: %+q is %d cells whole, %d one character at a time", s, out, c, whole, each)
		}
	})
}

// FuzzRenderedBody runs the whole path an article body takes: cleaning,
// glamour, filtering. Its seeds run with every go test.
func FuzzRenderedBody(f *testing.F) {
	for _, body := range hostileBodies {
		f.Add(body)
	}
	f.Add("The family \U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466 came \U0001F44D\U0001F3FD by \u2708\ufe0f at 1\ufe0f\u20e3.\n\n" +
		"- \u092d\u093e\u0930\u0924 \u0915\u094d\u0937\u092e\u093e\n- \u0e01\u0e33 \U0001F1FA\n\n> \u1100\u1161\u11a8 `\u263a\ufe0f`")
	r := newRenderer()
	var id atomic.Int64
	f.Fuzz(func(t *testing.T, body string) {
		k := renderKey{id: id.Add(1), width: 50, style: glamourStyle(true, false)}
		out, err := r.render(k, body)
		if err != nil {
			t.Skip(err) // glamour refusing input is not a safety problem
		}
		if err := checkTerminalSafe(out); err != nil {
			t.Fatal(err)
		}
		// As wide on a terminal as glamour laid it out.
		for _, l := range strings.Split(out, "\n") {
			if whole, each := ansi.StringWidth(l), ansi.StringWidthWc(l); whole != each {
				t.Fatalf("%+q is %d cells whole, %d one character at a time", ansi.Strip(l), whole, each)
			}
		}
	})
}
