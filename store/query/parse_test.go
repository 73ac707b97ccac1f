package query

import (
	"errors"
	"strings"
	"testing"
)

// tree prints a Node's structure, so tests can see how a query grouped.
func tree(n Node) string {
	switch n.Kind {
	case All:
		return "ALL"
	case And, Or:
		parts := make([]string, len(n.Kids))
		for i, k := range n.Kids {
			parts[i] = tree(k)
		}
		return strings.ToUpper(n.Kind.String()) + "(" + strings.Join(parts, " ") + ")"
	case Not:
		return "NOT(" + tree(n.Kids[0]) + ")"
	}
	s := n.Kind.String()
	if n.Field != "" {
		s += "." + n.Field
	}
	s += "[" + n.Value + "]"
	if n.Prefix {
		s += "*"
	}
	return s
}

func TestParse(t *testing.T) {
	tests := []struct {
		name, in string
		tree     string // the structure
		canon    string // String(); "" means the same as in
	}{
		{name: "empty", in: "", tree: "ALL"},
		{name: "blank", in: " \t\n ", tree: "ALL", canon: ""},
		{name: "only punctuation", in: "& , -", tree: "ALL", canon: ""},
		{name: "word", in: "ukraine", tree: "text[ukraine]"},
		{name: "words are and", in: "ukraine war", tree: "AND(text[ukraine] text[war])"},
		{name: "extra spaces", in: "  ukraine   war ", tree: "AND(text[ukraine] text[war])", canon: "ukraine war"},
		{name: "phrase", in: `"exact phrase"`, tree: "text[exact phrase]"},
		{name: "one-word phrase prints bare", in: `"word"`, tree: "text[word]", canon: "word"},
		{name: "phrase escapes", in: `"say \"hi\" \\ now"`, tree: `text[say "hi" \ now]`},
		{name: "unknown escape is literal", in: `"a\b"`, tree: `text[a\b]`, canon: `a\b`},
		{name: "phrase ends a word", in: `foo"bar baz"`, tree: "AND(text[foo] text[bar baz])", canon: `foo "bar baz"`},
		{name: "prefix", in: "wor*", tree: "text[wor]*"},
		{name: "stars collapse", in: "wor**", tree: "text[wor]*", canon: "wor*"},
		{name: "phrase prefix", in: `"two wor"*`, tree: "text[two wor]*"},
		{name: "star inside quotes is text", in: `"wor*"`, tree: "text[wor*]"},
		{name: "star inside a word", in: "ab*c", tree: "text[ab*c]"},
		{name: "negation", in: "-word", tree: "NOT(text[word])"},
		{name: "NOT", in: "NOT word", tree: "NOT(text[word])", canon: "-word"},
		{name: "double negation cancels", in: "--word", tree: "text[word]", canon: "word"},
		{name: "negated phrase", in: `-"a b"`, tree: "NOT(text[a b])"},
		{name: "negated group", in: "-(a b)", tree: "NOT(AND(text[a] text[b]))"},
		{name: "dash alone is punctuation", in: "a - b", tree: "AND(text[a] text[b])", canon: "a b"},
		{name: "dash before paren", in: "(a -)", tree: "text[a]", canon: "a"},
		{name: "dash inside a word", in: "covid-19", tree: "text[covid-19]"},
		{name: "punctuated word", in: "U.S.", tree: "text[U.S.]"},
		{name: "soft hyphen inside a word", in: "ukr\u00adaine", tree: "text[ukraine]", canon: "ukraine"},
		{name: "zero-width space inside a phrase", in: "\"kyiv\u200b talks\"", tree: "text[kyiv talks]", canon: `"kyiv talks"`},
		{name: "word joiner inside a prefix", in: "mini\u2060s*", tree: "text[minis]*", canon: "minis*"},
		{name: "soft hyphen inside a title word", in: "title:Ukr\u00adaine", tree: "text.title[Ukraine]", canon: "title:Ukraine"},
		{name: "only invisible characters", in: "\u200b\u00ad", tree: "ALL", canon: ""},
		{name: "tag", in: "tag:Ukraine", tree: "tag[Ukraine]"},
		{name: "hash tag", in: "#ukraine", tree: "tag[ukraine]", canon: "tag:ukraine"},
		{name: "hash quoted", in: `#"two words"`, tree: "tag[two words]", canon: `tag:"two words"`},
		{name: "hash alone is punctuation", in: "# a", tree: "text[a]", canon: "a"},
		{name: "hash in a word", in: "C#", tree: "text[C#]"},
		{name: "tag quoted", in: `tag:"two words"`, tree: "tag[two words]"},
		{name: "tag prefix", in: "tag:ukr*", tree: "tag[ukr]*"},
		{name: "negated tag", in: "-tag:x", tree: "NOT(tag[x])"},
		{name: "field names case-insensitive", in: "TAG:x Source:y", tree: "AND(tag[x] source[y])", canon: "tag:x source:y"},
		{name: "source", in: "source:menafn", tree: "source[menafn]"},
		{name: "source quoted", in: `source:"al jazeera"`, tree: "source[al jazeera]"},
		{name: "source prefix", in: "source:men*", tree: "source[men]*"},
		{name: "feed", in: `feed:"https://news.example/rss.xml"`, tree: "source.feed[https://news.example/rss.xml]", canon: "feed:https://news.example/rss.xml"},
		{name: "feed by name", in: "Feed:News", tree: "source.feed[News]", canon: "feed:News"},
		{name: "feed prefix", in: "feed:hack*", tree: "source.feed[hack]*"},
		{name: "title", in: "title:word", tree: "text.title[word]"},
		{name: "title phrase", in: `title:"a phrase"`, tree: "text.title[a phrase]"},
		{name: "title prefix", in: "title:wor*", tree: "text.title[wor]*"},
		{name: "title of punctuation", in: "title:&& x", tree: "text[x]", canon: "x"},
		{name: "is", in: "is:unread is:read is:starred is:annotated is:untagged",
			tree: "AND(is[unread] is[read] is[starred] is[annotated] is[untagged])"},
		{name: "is case-insensitive", in: "is:Starred", tree: "is[starred]", canon: "is:starred"},
		{name: "dates", in: "after:2024-03-01 before:2024-04-01 on:2024-03-05 date:2024-03 date:2024",
			tree: "AND(date.after[2024-03-01] date.before[2024-04-01] date.on[2024-03-05] date.date[2024-03] date.date[2024])"},
		{name: "since", in: "since:7d since:2w since:3m since:1y since:12h",
			tree: "AND(date.since[7d] date.since[2w] date.since[3m] date.since[1y] date.since[12h])"},
		{name: "since unit case", in: "since:7D", tree: "date.since[7d]", canon: "since:7d"},
		{name: "quoted date", in: `after:"2024-03-01"`, tree: "date.after[2024-03-01]", canon: "after:2024-03-01"},
		{name: "or", in: "a OR b", tree: "OR(text[a] text[b])"},
		{name: "or chain flattens", in: "a OR b OR c", tree: "OR(text[a] text[b] text[c])"},
		{name: "lowercase or is a word", in: "a or b", tree: "AND(text[a] text[or] text[b])"},
		{name: "and binds tighter than or", in: "a b OR c d", tree: "OR(AND(text[a] text[b]) AND(text[c] text[d]))"},
		{name: "explicit AND", in: "a AND b OR c", tree: "OR(AND(text[a] text[b]) text[c])", canon: "a b OR c"},
		{name: "group", in: "(a OR b) c", tree: "AND(OR(text[a] text[b]) text[c])"},
		{name: "redundant groups", in: "((a)) (b c) d", tree: "AND(text[a] text[b] text[c] text[d])", canon: "a b c d"},
		{name: "nested or flattens", in: "a OR (b OR c)", tree: "OR(text[a] text[b] text[c])", canon: "a OR b OR c"},
		{name: "or inside or of and", in: "(a OR b) (c OR d) OR e",
			tree: "OR(AND(OR(text[a] text[b]) OR(text[c] text[d])) text[e])"},
		{name: "negation binds tightest", in: "-a b OR c", tree: "OR(AND(NOT(text[a]) text[b]) text[c])"},
		{name: "negated or", in: "-(a OR b)", tree: "NOT(OR(text[a] text[b]))"},
		{name: "NOT group", in: "NOT (a OR b)", tree: "NOT(OR(text[a] text[b]))", canon: "-(a OR b)"},
		{name: "or drops punctuation side", in: "a OR &", tree: "text[a]", canon: "a"},
		{name: "paren ends a word", in: "f(x)", tree: "AND(text[f] text[x])", canon: "f x"},
		{name: "url is text", in: "https://example.com/a", tree: "text[https://example.com/a]", canon: `"https://example.com/a"`},
		{name: "time is text", in: "10:30", tree: "text[10:30]", canon: `"10:30"`},
		{name: "colon at the end is text", in: "Re: hello", tree: "AND(text[Re:] text[hello])", canon: `"Re:" hello`},
		{name: "title value with colon", in: "title:a:b", tree: "text.title[a:b]"},
		{name: "operator words quoted", in: `"OR" "AND" "NOT"`, tree: "AND(text[OR] text[AND] text[NOT])"},
		{name: "quoted leading dash", in: `"-x"`, tree: "text[-x]"},
		{name: "unicode", in: "Zürich Ελλάδα 日本語", tree: "AND(text[Zürich] text[Ελλάδα] text[日本語])"},
		{name: "unicode space separates", in: "a\u00a0b\u3000c", tree: "AND(text[a] text[b] text[c])", canon: "a b c"},
		{name: "quoted names trimmed", in: `tag:" eu " source:" al jazeera "`, tree: "AND(tag[eu] source[al jazeera])", canon: `tag:eu source:"al jazeera"`},
		{name: "non-ascii field name is text", in: "ünknown:x", tree: "text[ünknown:x]", canon: `"ünknown:x"`},
		{name: "tag value with parens quoted", in: `tag:"a(b)"`, tree: "tag[a(b)]"},
		{name: "tag value with star quoted", in: `tag:"a*"`, tree: "tag[a*]"},
		{name: "field value with dash", in: "tag:-x", tree: "tag[-x]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := Parse(tt.in)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.in, err)
			}
			if got := tree(n); got != tt.tree {
				t.Errorf("Parse(%q) = %s, want %s", tt.in, got, tt.tree)
			}
			canon := tt.canon
			if canon == "" && tt.tree != "ALL" {
				canon = tt.in
			}
			if got := n.String(); got != canon {
				t.Errorf("Parse(%q).String() = %q, want %q", tt.in, got, canon)
			}
			again, err := Parse(n.String())
			if err != nil || tree(again) != tree(n) {
				t.Errorf("re-parsing %q: %s, %v; want %s", n.String(), tree(again), err, tree(n))
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{name: "unclosed quote", in: `a "exact phr`, want: `unclosed quote at col 3`},
		{name: "unclosed quote after field", in: `source:"al`, want: `unclosed quote at col 8`},
		{name: "escaped quote does not close", in: `"a\"`, want: `unclosed quote at col 1`},
		{name: "unclosed paren", in: "a (b OR c", want: `unclosed "(" at col 3`},
		{name: "unclosed inner paren", in: "((a) b", want: `unclosed "(" at col 1`},
		{name: "unexpected close", in: "a b)", want: `unexpected ")" at col 4`},
		{name: "close first", in: ") a", want: `unexpected ")" at col 1`},
		{name: "empty parens", in: "a () b", want: `empty parentheses at col 3`},
		{name: "or at start", in: "OR a", want: `"OR" needs a term before it at col 1`},
		{name: "or at end", in: "a OR", want: `"OR" needs a term after it at col 3`},
		{name: "or twice", in: "a OR OR b", want: `"OR" needs a term after it at col 3`},
		{name: "or before close", in: "(a OR) b", want: `"OR" needs a term after it at col 4`},
		{name: "or after open", in: "(OR a)", want: `"OR" needs a term before it at col 2`},
		{name: "and at start", in: "AND a", want: `"AND" needs a term before it at col 1`},
		{name: "and at end", in: "a AND", want: `"AND" needs a term after it at col 3`},
		{name: "and before or", in: "a AND OR b", want: `"AND" needs a term after it at col 3`},
		{name: "not at end", in: "a NOT", want: `"NOT" needs a term after it at col 3`},
		{name: "minus before or", in: "a -OR b", want: `"-" needs a term after it at col 3`},
		{name: "unknown field", in: "ab foo:x", want: `unknown field "foo:" at col 4`},
		{name: "unknown field quoted", in: `Foo:"x y"`, want: `unknown field "Foo:" at col 1`},
		{name: "unknown field negated", in: "-body:x", want: `unknown field "body:" at col 2`},
		{name: "position counts characters", in: "Zürich foo:x", want: `unknown field "foo:" at col 8`},
		{name: "missing tag", in: "tag: x", want: `missing value after "tag:" at col 1`},
		{name: "missing hash tag", in: "#* x", want: `missing value after "#" at col 1`},
		{name: "missing quoted", in: `source:""`, want: `missing value after "source:" at col 1`},
		{name: "missing blank quoted", in: `a #"  "`, want: `missing value after "#" at col 3`},
		{name: "missing title", in: "a title:", want: `missing value after "title:" at col 3`},
		{name: "tag star only", in: "tag:*", want: `missing value after "tag:" at col 1`},
		{name: "unknown state", in: "is:new", want: `unknown state "new": is: takes unread, read, starred, annotated or untagged at col 4`},
		{name: "state prefix", in: "is:un*", want: `unknown state "un": is: takes unread, read, starred, annotated or untagged at col 4`},
		{name: "bad date", in: "after:yesterday", want: `bad date "yesterday": want YYYY, YYYY-MM or YYYY-MM-DD at col 7`},
		{name: "bad month", in: "date:2024-13", want: `bad date "2024-13": no month 13 at col 6`},
		{name: "bad day", in: "on:2023-02-29", want: `bad date "2023-02-29": no such day at col 4`},
		{name: "day zero", in: "on:2024-03-00", want: `bad date "2024-03-00": no such day at col 4`},
		{name: "date with slashes", in: "before:2024/03/01", want: `bad date "2024/03/01": want YYYY, YYYY-MM or YYYY-MM-DD at col 8`},
		{name: "date prefix", in: "after:2024*", want: `bad date "2024*": want YYYY, YYYY-MM or YYYY-MM-DD at col 7`},
		{name: "signed year", in: "date:+202", want: `bad date "+202": want YYYY, YYYY-MM or YYYY-MM-DD at col 6`},
		{name: "since without unit", in: "since:7", want: `bad period "7": want a number and a unit h, d, w, m or y, like 7d at col 7`},
		{name: "since bad unit", in: "since:7s", want: `bad period "7s": want a number and a unit h, d, w, m or y, like 7d at col 7`},
		{name: "since without number", in: "since:d", want: `bad period "d": want a number and a unit h, d, w, m or y, like 7d at col 7`},
		{name: "since negative", in: "since:-7d", want: `bad period "-7d": want a number and a unit h, d, w, m or y, like 7d at col 7`},
		{name: "since too far", in: "since:1000000d", want: `bad period "1000000d": at most 100000 at col 7`},
		{name: "too deep", in: strings.Repeat("(", 40) + "a" + strings.Repeat(")", 40), want: `query nested too deeply (over 32 levels) at col 33`},
		{name: "too deep negation", in: strings.Repeat("-(", 40) + "a" + strings.Repeat(")", 40), want: `query nested too deeply (over 32 levels) at col 33`},
		{name: "too many terms", in: strings.Repeat("a ", 300), want: `query too long (over 256 terms) at col 513`},
		{name: "control characters quoted in messages", in: "is:\x1b[31m", want: `unknown state "\x1b[31m": is: takes unread, read, starred, annotated or untagged at col 4`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := Parse(tt.in)
			if err == nil {
				t.Fatalf("Parse(%q) = %s, want error %q", tt.in, n, tt.want)
			}
			var qe *Error
			if !errors.As(err, &qe) {
				t.Fatalf("Parse(%q) error is %T, want *Error", tt.in, err)
			}
			if err.Error() != tt.want {
				t.Errorf("Parse(%q) error\n got %s\nwant %s", tt.in, err, tt.want)
			}
		})
	}
}
