package store

import (
	"context"
	"slices"
	"testing"
)

func TestPendingWord(t *testing.T) {
	for in, want := range map[string]string{
		"": "", "u": "u", "ukraine ta": "ta", "ukraine tau": "", "ukraine ": "", "war -us": "us", "tag:ta": "", "東京": "", "地": "", "東京ma": "ma", "東京mar": "", "G7サ": "",
	} {
		if got := PendingWord(in); got != want {
			t.Errorf("PendingWord(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestKeptQuery(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"empty":                   {"", ""},
		"word being typed":        {"ukraine tau", "ukraine tau*"},
		"short word":              {"war us", "war us*"},
		"only a short word":       {"eu", "eu*"},
		"two CJK letters":         {"東京", "東京"},
		"short after CJK":         {"東京ma", "東京ma*"},
		"short negation":          {"war -us", "war -us"},
		"finished word":           {"war us ", "war us "},
		"closed phrase":           {`"storm shadow"`, `"storm shadow"`},
		"does not parse":          {"(a OR )", "(a OR )"},
		"an open group, one word": {"(ukraine", "(ukraine*)"},
		"a tag typed last":        {"russia tag:foo", "russia tag:foo"},
		"a source":                {"source:Reuters", "source:Reuters"},
		"a feed":                  {"feed:News", "feed:News"},
		"a quoted tag left open":  {`tag:"kept`, `tag:"kept"`},
		"a quoted feed left open": {`ferry feed:"Hacker News`, `ferry feed:"Hacker News"`},
		"a quote in a tag":        {`(a OR tag:"say \"x`, `(a OR tag:"say \"x")`},
		"a phrase left open":      {`"storm sha`, `"storm sha"*`},
		"a negated tag":           {"war -tag:foo", "war -tag:foo"},
		"a tag prefix said":       {"tag:foo*", "tag:foo*"},
		"a #tag typed last":       {"war #foo", "war #foo"},
		"a possessive":            {"ukraine's", "ukraine's"},
		"short after a dash":      {"covid-19", "covid-19"},
		"long after a dash":       {"covid-202", "covid-202*"},
		"an open group":           {"(ferry OR boa", "(ferry OR boa*)"},
		"a short word in it":      {"(ferry OR bo", "(ferry OR bo*)"},
		"an open phrase":          {`"storm sha`, `"storm sha"*`},
		"negated in a group":      {"(war -us", "(war -us)"},
		"a dangling OR in it":     {"(ferry OR ", "(ferry)"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			if got := KeptQuery(tt.in); got != tt.want {
				t.Errorf("KeptQuery(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLiveQuery(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"empty":                  {"", ""},
		"word being typed":       {"ukraine tau", "ukraine tau*"},
		"finished word":          {"ukraine tau ", "ukraine tau "},
		"too short yet":          {"ukraine ta", "ukraine"},
		"only a short word":      {"ta", ""},
		"tag being typed":        {"tag:ukr", "tag:ukr*"},
		"source being typed":     {"source:menaf", "source:menaf*"},
		"title word":             {"title:kyi", "title:kyi*"},
		"negation stays whole":   {"-ukr", "-ukr"},
		"closed phrase":          {`"storm shadow"`, `"storm shadow"`},
		"closed group":           {"(a OR bcd)", "(a OR bcd)"},
		"explicit prefix":        {"tau*", "tau*"},
		"state":                  {"is:unread", "is:unread"},
		"date":                   {"since:7d", "since:7d"},
		"does not parse":         {"(a OR )", "(a OR )"},
		"one CJK character":      {"地", "地"},
		"CJK word":               {"ukraine 地震", "ukraine 地震"},
		"short after CJK":        {"東京ma", "東京"},
		"prefix after CJK":       {"東京mar", "東京mar*"},
		"negated CJK":            {"-東京ma", "-東京"},
		"a possessive":           {"ukraine's", "ukraine's"},
		"initials":               {"u.s", "u.s"},
		"short after a dash":     {"covid-1", "covid-1"},
		"long after a dash":      {"covid-202", "covid-202*"},
		"short field value":      {"title:dr", ""},
		"open group":             {"(ferry OR boa", "(ferry OR boa*)"},
		"short word in a group":  {"(ferry OR bo", "(ferry)"},
		"dangling OR in a group": {"(ferry OR ", "(ferry)"},
		"open nested groups":     {"x (a OR (bcd", "x (a OR (bcd*))"},
		"open phrase":            {`"storm sha`, `"storm sha"*`},
		"phrase in a group":      {`(a OR "storm sha`, `(a OR "storm sha"*)`},
		"negated in a group":     {"(war -usa", "(war -usa)"},
		"in a negated group":     {"ferry -(har", "ferry -(har)"},
		"in a negated phrase":    {`ferry -"har`, `ferry -"har"`},
		"negated twice":          {"ferry -(a -(har", "ferry -(a -(har*))"},
		"CJK in a group":         {"(a OR 地震", "(a OR 地震)"},
		"tag in a group":         {"(a OR tag:ukr", "(a OR tag:ukr*)"},
		"only a paren":           {"(", ""},
		"other errors stay":      {"(a OR )", "(a OR )"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			if got := LiveQuery(tt.in); got != tt.want {
				t.Errorf("LiveQuery(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestLiveQueryMatchesTheSame: the live reading and the returned query find
// the same articles.
func TestLiveQueryMatchesTheSame(t *testing.T) {
	s := openTemp(t)
	importAll(t, s, generated(300)...)
	ctx := context.Background()
	if _, err := s.TagQuery(ctx, "grain", []string{"grain-deal"}, nil); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"gra", "grain dea", "grain de", "tag:grain", "source:menaf", "zur", "-gra", "oil OR gas tar",
		"(oil OR gra", "(oil OR gr", "(oil OR ", `"grain dea`, `(zur OR "grain dea`, "(gas -gra", "ukraine's", "covid-1"} {
		rows, err := s.Page(ctx, PageRequest{Query: q, Live: true, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		var live []int64
		for _, r := range rows {
			live = append(live, r.ID)
		}
		if whole := idsOf(t, s, LiveQuery(q)); !slices.Equal(live, whole) {
			t.Errorf("%q live finds %d articles, %q finds %d", q, len(live), LiveQuery(q), len(whole))
		}
		n, err := s.CountLive(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if n != len(live) {
			t.Errorf("%q: CountLive %d, Page %d", q, n, len(live))
		}
	}
}
