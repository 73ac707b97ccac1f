package store

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// The syntax of a query may be typed in an input method's fullwidth mode
// (－ ＯＲ ： （ ＂ ＃), and the parser reads it as ASCII: the live filter,
// its hints and what enter keeps read it so too, and give the words and
// names back as typed.
func TestLiveReadsFullwidthSyntax(t *testing.T) {
	tests := []struct {
		in, dangling, pending, live, kept string
	}{
		{in: "strasse ＯＲ", dangling: "ＯＲ", pending: "ＯＲ", live: "strasse", kept: "strasse ＯＲ*"},
		{in: "strasse ＯＲ ", dangling: "ＯＲ", live: "strasse", kept: "strasse"},
		{in: "strasse ＮＯＴ", dangling: "ＮＯＴ", live: "strasse", kept: "strasse"},
		{in: "strasse ＡＮＤ　", dangling: "ＡＮＤ", live: "strasse", kept: "strasse"},
		{in: "東京　ＯＲ", dangling: "ＯＲ", pending: "ＯＲ", live: "東京\u3000", kept: "東京\u3000ＯＲ*"},
		{in: "東京　OR", dangling: "OR", pending: "OR", live: "東京\u3000", kept: "東京\u3000OR*"},
		{in: "（ferry ＯＲ ", dangling: "ＯＲ", live: "（ferry)", kept: "（ferry)"},
		{in: "tag：foo", live: "tag：foo*", kept: "tag：foo"},
		{in: "ｔａｇ：ＮＨＫ", live: "ｔａｇ：ＮＨＫ*", kept: "ｔａｇ：ＮＨＫ"},
		{in: "war ＃foo", live: "war ＃foo*", kept: "war ＃foo"},
		{in: "tag：uk", live: "tag：uk*", kept: "tag：uk"},
		{in: "source：reu", live: "source：reu*", kept: "source：reu"},
		{in: "tag：＂long rea", live: "tag：＂long rea\"*", kept: "tag：＂long rea\""},
		{in: "war －ukr", live: "war －ukr", kept: "war －ukr"},
		{in: "war －us", pending: "us", live: "war", kept: "war －us"},
		{in: "ｔｉｔｌｅ：ky", pending: "ky", live: "", kept: "ｔｉｔｌｅ：ky*"},
		{in: "war（pe", pending: "pe", live: "war", kept: "war（pe*)"},
		{in: "＂storm sha", live: "＂storm sha\"*", kept: "＂storm sha\"*"},
		{in: "＂storm sh＊", live: "＂storm sh\"*", kept: "＂storm sh\"*"},
	}
	for _, tt := range tests {
		if got := DanglingOperator(tt.in); got != tt.dangling {
			t.Errorf("DanglingOperator(%q) = %q, want %q", tt.in, got, tt.dangling)
		}
		if got := PendingWord(tt.in); got != tt.pending {
			t.Errorf("PendingWord(%q) = %q, want %q", tt.in, got, tt.pending)
		}
		if got := LiveQuery(tt.in); got != tt.live {
			t.Errorf("LiveQuery(%q) = %q, want %q", tt.in, got, tt.live)
		}
		if got := KeptQuery(tt.in); got != tt.kept {
			t.Errorf("KeptQuery(%q) = %q, want %q", tt.in, got, tt.kept)
		}
	}
}

// What the live filter lists, and what enter keeps, is the same for a
// query typed with fullwidth syntax as for the query typed in ASCII.
func TestFullwidthSyntaxFindsWhatASCIIFinds(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	importAll(t, s,
		art("f1", "2024-03-01", "Strasse closed. The strasse is shut."),
		art("f2", "2024-03-02", "Football scores. Late goals."),
		art("f3", "2024-03-03", "Foo bar news. Lausanne talks."),
		art("f4", "2024-03-04", "Lausanne weather. Rain again."),
		art("f5", "2024-03-05", "Ferry strike. Boats wait in the rain."),
	)
	ids := func(q string) []int64 { t.Helper(); return idsOf(t, s, q) }
	if err := s.Tag(ctx, ids("football"), []string{"football"}, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.Tag(ctx, ids("bar"), []string{"foo"}, nil); err != nil {
		t.Fatal(err)
	}
	defer func(n int) { liveCandidates = n }(liveCandidates)
	for _, q := range []struct{ typed, ascii string }{
		{"rain ＯＲ boats lau", "rain OR boats lau"},
		{"－lau", "-lau"},
		{"tag：foo", "tag:foo"},
		{"＃foo", "#foo"},
		{"strasse ＯＲ", "strasse OR"},
		{"strasse ＯＲ ", "strasse OR "},
		{"strasse ＮＯＴ", "strasse NOT"},
		{"（ferry ＯＲ ", "(ferry OR "},
	} {
		typed, ascii := q.typed, q.ascii
		for _, budget := range []int{0, 1000} { // FTS5 only, and the newest checked first
			liveCandidates = budget
			s.rare.word = ""
			want := rowIDs(pageForward(t, s, ascii, true, 50))
			if got := rowIDs(pageForward(t, s, typed, true, 50)); !slices.Equal(got, want) {
				t.Errorf("live %q, %d candidates: %v, want %v as %q lists", typed, budget, got, want, ascii)
			}
		}
		if got, want := DanglingOperator(typed) != "", DanglingOperator(ascii) != ""; got != want {
			t.Errorf("%q waits for an operator's term: %v, %q: %v", typed, got, ascii, want)
		}
		if DanglingOperator(ascii) != "" {
			continue // enter does not keep it
		}
		got, err := s.Count(ctx, KeptQuery(typed))
		if err != nil {
			t.Fatal(err)
		}
		want, err := s.Count(ctx, KeptQuery(ascii))
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("%q kept as %q finds %d, %q kept as %q finds %d", typed, KeptQuery(typed), got, ascii, KeptQuery(ascii), want)
		}
	}
}

// Every query the live filter reads, typed in fullwidth (every ASCII
// character but the space in its fullwidth form), is read as typed in
// ASCII: what the filter waits for, what it lists and what enter keeps are
// the same, as typed.
func TestLiveReadsFullwidthAsASCII(t *testing.T) {
	fullwidth := func(s string) string {
		return strings.Map(func(r rune) rune {
			if '!' <= r && r <= '~' {
				return r - '!' + 0xFF01
			}
			return r
		}, s)
	}
	queries := []string{
		"", "u", "ukraine ta", "ukraine tau", "ukraine tau ", "war -us", "war -usa", "tag:ta", "tag:ukr", "#foo", "war #foo",
		"source:menaf", "source:Reuters", "feed:News", "title:kyi", "title:ky", "-ukr", "tau*", "is:unread", "since:7d",
		"(a OR bcd)", "(a OR )", "(ferry OR boa", "(ferry OR bo", "(ferry OR ", "ferry OR", "ferry AND ", "a NOT", "NOT",
		`"storm sha`, `"storm sh*`, `"storm shadow"`, `tag:"kept`, `ferry feed:"Hacker News`, `(a OR tag:"say \"x`,
		"war -tag:foo", "tag:foo*", "ukraine's", "covid-19", "covid-202", "(war -us", "war(pe", "u.s", "-(a OR har",
		`-"storm har`, "title:\"storm sh", "東京ma", "東京mar", "地", "G7サ", "rain OR boats lau",
	}
	for _, q := range queries {
		typed := fullwidth(q)
		for name, f := range map[string]func(string) string{
			"LiveQuery": LiveQuery, "KeptQuery": KeptQuery, "PendingWord": PendingWord, "DanglingOperator": DanglingOperator,
		} {
			if got, want := syntaxOf(f(typed)), f(q); got != want {
				t.Errorf("%s(%q) = %q, read as %q; %s(%q) = %q", name, typed, f(typed), got, name, q, want)
			}
		}
	}
}
