package query

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"", "word", `"exact phrase"`, "wor*", `"two wor"*`, "-word", "--word", "-(a b)", "NOT a",
		"tag:x #y tag:z*", `tag:"a b"`, `#"a\"b"`, "source:menafn", `source:"al jazeera"`,
		"title:word", `title:"a b"*`, "is:unread", "after:2024-03-01 before:2024-04", "on:2024-03-05",
		"date:2024", "since:7d", "a OR b c", "(a OR b) -(c OR tag:d)", "a AND b", "http://x.y/z",
		"10:30", "Re:", "foo:bar", `"unclosed`, "(a", "a)", "()", "OR", "a OR", "AND a", "& -",
		"Zürich Ελλάδα 日本語", `"\\"`, `"a\b"`, "a\x00b", "\xff", "(((a)))", "-(-(-a))", "C# f(x)",
		"a -", "(a -)", "#", "#*", "title:&", "-&", "a OR &",
		"地震", "G7サミット", "東京*", `"東京 大阪"`, "title:新幹線", "-地震 東京", "#東京",
		"地震 －東京", "東京　ＯＲ　서울", "ｔｉｔｌｅ：東京", "＃東京", "（ａ　ＯＲ　ｂ）＊", `＂ａ＼＂ｂ＂`, "ｉｓ：ｕｎｒｅａｄ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := Parse(s)
		if err != nil {
			var qe *Error
			if !errors.As(err, &qe) {
				t.Fatalf("Parse(%q) error %T, want *Error", s, err)
			}
			if qe.Pos < 1 || qe.Pos > utf8.RuneCountInString(s)+1 {
				t.Fatalf("Parse(%q) error at col %d, outside the query", s, qe.Pos)
			}
			return
		}
		printed := n.String()
		again, err := Parse(printed)
		if err != nil {
			t.Fatalf("Parse(%q).String() = %q, which does not parse: %v", s, printed, err)
		}
		if again.String() != printed {
			t.Fatalf("Parse(%q).String() = %q, re-parsed prints %q", s, printed, again.String())
		}
		for _, opt := range []Options{{Now: compileNow}, {Now: compileNow, PrefixLast: true, PhraseFunc: true}} {
			q, err := Compile(n, opt)
			if err != nil {
				t.Fatalf("Compile(Parse(%q)): %v", s, err)
			}
			if c := strings.Count(q.Where, "?"); c != len(q.Args) {
				t.Fatalf("Compile(Parse(%q)): %d placeholders, %d args", s, c, len(q.Args))
			}
		}
		TermsFor(n, Options{PrefixLast: true})
	})
}

// Highlights marks a term exactly where MatchPhrase finds it.
func FuzzHighlights(f *testing.F) {
	for _, c := range []struct{ text, term string }{
		{"Drones over Kyiv: the U.S. sent aid.", "u s sent"},
		{"grain exports rose", "grain exp*"},
		{"東京で大規模な地震が発生", "地震"},
		{"東京・大阪", "京大"},
		{"東京・大阪", "東京 大阪"},
		{"G7 サミット", "g7サミット"},
		{"東京marathon", "東京mar*"},
		{"Zu\u0308rich 東\u0301京", "zurich 東京"},
		{"地 震、地\r\n  震", "地震"},
		{"地\xe3震 地\n\xff震", "地震"},
		{"\u1103\u1162\u1110\u1169\u11bc \u30ab\u3099\u30b5\u3099", "대통 ガザ"},
		{"ｻﾐｯﾄ ｶﾞｿﾘﾝ", "サミット ガソ*"},
		{"كَتَبَ الْوَزِيرُ שָׁלוֹם", "الوزير שלום"},
		{"Straße Łódź ığdır", "strasse lodz igdir"},
	} {
		f.Add(c.text, c.term)
	}
	f.Fuzz(func(t *testing.T, text, term string) {
		if got, want := len(Highlights(text, []string{term})) > 0, MatchPhrase(text, term); got != want {
			t.Errorf("Highlights(%q, %q) marks something: %v; MatchPhrase says %v", text, term, got, want)
		}
	})
}
