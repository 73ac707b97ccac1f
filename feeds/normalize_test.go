package feeds

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// checkNormalized asserts what every article leaving the package has.
func checkNormalized(t testing.TB, a Article) {
	t.Helper()
	for name, s := range map[string]string{
		"title": a.Title, "source": a.Source, "author": a.Author, "url": a.URL,
		"feed": a.FeedURL, "external id": a.ExternalID,
	} {
		if CleanLine(s) != s {
			t.Errorf("%s %q is not a clean line", name, s)
		}
	}
	if CleanText(a.Body) != a.Body {
		t.Errorf("body is not clean text: %q", a.Body)
	}
	if a.ExternalID == "" {
		t.Errorf("no external id")
	}
	if a.Body != "" && a.Title == "" {
		t.Errorf("a body but no title")
	}
	if a.URL != "" && !strings.HasPrefix(a.URL, "http://") && !strings.HasPrefix(a.URL, "https://") && !strings.HasPrefix(a.URL, "mailto:") {
		t.Errorf("url %q has a scheme tidings does not open", a.URL)
	}
	if !a.Published.IsZero() && a.Published.Location() != time.UTC {
		t.Errorf("published %v is not UTC", a.Published)
	}
	if got := NormalizeTags(a.Tags); strings.Join(got, "\x00") != strings.Join(a.Tags, "\x00") {
		t.Errorf("tags %q are not normalized (%q)", a.Tags, got)
	}
	for _, n := range a.Annotations {
		for _, s := range []string{n.Quote, n.Prefix, n.Suffix, n.Note} {
			if CleanText(s) != s {
				t.Errorf("annotation text %q is not clean", s)
			}
		}
	}
	b := a
	b.Tags = append([]string(nil), a.Tags...)
	b.Warnings = append([]string(nil), a.Warnings...)
	Normalize(&b)
	if b.Title != a.Title || b.Body != a.Body || b.ExternalID != a.ExternalID || b.Source != a.Source || b.URL != a.URL || len(b.Warnings) != len(a.Warnings) {
		t.Errorf("Normalize is not idempotent:\n%+v\n%+v", a, b)
	}
}

func TestNormalize(t *testing.T) {
	day := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
	tests := map[string]struct {
		in      Article
		check   func(t *testing.T, a Article)
		warning string
	}{
		"title from body": {
			in: Article{Source: "AP", Body: "Officials in Zürich said on Monday that the bridge would reopen. More text follows here."},
			check: func(t *testing.T, a Article) {
				if a.Title != "Officials in Zürich said on Monday that the bridge would reopen" {
					t.Errorf("title %q", a.Title)
				}
			},
		},
		"title cut near 100": {
			in: Article{Body: strings.Repeat("word ", 40) + "end."},
			check: func(t *testing.T, a Article) {
				if !strings.HasSuffix(a.Title, "word…") || len([]rune(a.Title)) > 101 || len([]rune(a.Title)) < 90 {
					t.Errorf("title %q (%d runes)", a.Title, len([]rune(a.Title)))
				}
			},
		},
		"title strips markdown": {
			in: Article{Body: "\\# Not a heading but **bold** text with a [link](https://example.com/x) and `code`. Second."},
			check: func(t *testing.T, a Article) {
				if a.Title != "# Not a heading but bold text with a link and code" {
					t.Errorf("title %q", a.Title)
				}
			},
		},
		"title decodes entities, and cleans what they make": {
			in: Article{Body: "Use a &lt;b&gt; tag &amp; ship it&#27;[2J now. AT&T stays. More."},
			check: func(t *testing.T, a Article) {
				if a.Title != "Use a <b> tag & ship it[2J now" {
					t.Errorf("title %q", a.Title)
				}
			},
		},
		"title given kept and cleaned": {
			in: Article{Title: "  Big\x1b[31m news\n today ", Body: "Body."},
			check: func(t *testing.T, a Article) {
				if a.Title != "Big news today" {
					t.Errorf("title %q", a.Title)
				}
			},
		},
		"syndication source": {
			in: Article{Source: "MENAFN- AzerNews", Body: "x"},
			check: func(t *testing.T, a Article) {
				if a.Source != "MENAFN - AzerNews" {
					t.Errorf("source %q", a.Source)
				}
			},
		},
		"source spaces collapsed": {
			in: Article{Source: "  Gulf   Times ", Body: "x"},
			check: func(t *testing.T, a Article) {
				if a.Source != "Gulf Times" {
					t.Errorf("source %q", a.Source)
				}
			},
		},
		"hyphenated source kept": {
			in: Article{Source: "Al-Monitor", Body: "x"},
			check: func(t *testing.T, a Article) {
				if a.Source != "Al-Monitor" {
					t.Errorf("source %q", a.Source)
				}
			},
		},
		"tags": {
			in: Article{Tags: []string{" #Ukraine", "ukraine", "", "#", "Taurus ", "TAURUS", "climate\x1b[0m change"}, Body: "x"},
			check: func(t *testing.T, a Article) {
				if got := strings.Join(a.Tags, "|"); got != "Ukraine|Taurus|climate change" {
					t.Errorf("tags %q", got)
				}
			},
		},
		"nil tags stay nil": {
			in: Article{Body: "x"},
			check: func(t *testing.T, a Article) {
				if a.Tags != nil {
					t.Errorf("tags %#v", a.Tags)
				}
			},
		},
		"empty tags stay empty": {
			in: Article{Body: "x", Tags: []string{}},
			check: func(t *testing.T, a Article) {
				if a.Tags == nil {
					t.Errorf("tags became nil")
				}
			},
		},
		"https url kept": {
			in: Article{URL: " HTTPS://example.com/a?b=c ", Body: "x"},
			check: func(t *testing.T, a Article) {
				if a.URL != "https://example.com/a?b=c" {
					t.Errorf("url %q", a.URL)
				}
			},
		},
		"mailto kept": {
			in:    Article{URL: "mailto:desk@example.com", Body: "x"},
			check: func(t *testing.T, a Article) {},
		},
		"javascript url dropped": {
			in:      Article{URL: "javascript:alert(1)", Body: "x"},
			warning: `dropped URL with scheme "javascript"`,
		},
		"file url dropped": {
			in:      Article{URL: "file:///etc/passwd", Body: "x"},
			warning: `dropped URL with scheme "file"`,
		},
		"relative url dropped": {
			in:      Article{URL: "/news/1", Body: "x"},
			warning: `not absolute`,
		},
		"identity derived": {
			in: Article{Source: "AP", Published: day, Body: "Same text."},
			check: func(t *testing.T, a Article) {
				if !strings.HasPrefix(a.ExternalID, "h:") || len(a.ExternalID) != 34 {
					t.Errorf("id %q", a.ExternalID)
				}
				if a.ExternalID != Identity(Article{Source: "AP", Published: day, Body: "Same text."}) {
					t.Errorf("id differs from Identity")
				}
			},
		},
		"given id kept": {
			in: Article{ExternalID: " MENAFN05032024000045015687ID1107936133 ", Body: "x"},
			check: func(t *testing.T, a Article) {
				if a.ExternalID != "MENAFN05032024000045015687ID1107936133" {
					t.Errorf("id %q", a.ExternalID)
				}
			},
		},
		"published in utc": {
			in: Article{Published: time.Date(2024, 3, 5, 1, 0, 0, 0, time.FixedZone("CET", 3600)), Body: "x"},
			check: func(t *testing.T, a Article) {
				if !a.Published.Equal(day) || a.Published.Location() != time.UTC {
					t.Errorf("published %v", a.Published)
				}
			},
		},
		"annotations cleaned": {
			in: Article{Body: "x", Annotations: []Annotation{{Quote: "a\x1b[1mb", Note: "n\x07ote &#27;"}}},
			check: func(t *testing.T, a Article) {
				if n := a.Annotations[0]; n.Quote != "ab" || n.Note != "note " {
					t.Errorf("annotation %+v", n)
				}
			},
		},
		"body cleaned": {
			in: Article{Body: "one\r\ntwo\x1b]52;c;Zm9v\x07 &#x1b;[2J"},
			check: func(t *testing.T, a Article) {
				if a.Body != "one\ntwo [2J" {
					t.Errorf("body %q", a.Body)
				}
			},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			a := tc.in
			Normalize(&a)
			checkNormalized(t, a)
			if tc.check != nil {
				tc.check(t, a)
			}
			got := strings.Join(a.Warnings, "; ")
			if tc.warning == "" && got != "" || !strings.Contains(got, tc.warning) {
				t.Errorf("warnings %q, want %q", got, tc.warning)
			}
			if tc.warning != "" && a.URL != "" {
				t.Errorf("url %q kept", a.URL)
			}
		})
	}
}

func TestIdentityStable(t *testing.T) {
	a := Article{Source: "AP", Published: time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC), Body: "Text."}
	id := Identity(a)
	if len(id) != 34 || !strings.HasPrefix(id, IdentityPrefix) || strings.Trim(id[2:], "0123456789abcdef") != "" {
		t.Fatalf("id %q: want h: and 32 hex digits", id)
	}
	if Identity(a) != id {
		t.Fatalf("identity not stable")
	}
	for name, b := range map[string]Article{
		"other source": {Source: "AFP", Published: a.Published, Body: a.Body},
		"other day":    {Source: a.Source, Published: a.Published.AddDate(0, 0, 1), Body: a.Body},
		"other body":   {Source: a.Source, Published: a.Published, Body: "Text!"},
		"no date":      {Source: a.Source, Body: a.Body},
	} {
		if Identity(b) == id {
			t.Errorf("%s: same identity", name)
		}
	}
	// The same instant in another zone is the same article.
	b := a
	b.Published = a.Published.In(time.FixedZone("X", 7200))
	if Identity(b) != id {
		t.Errorf("identity depends on the time zone")
	}
	// Titled articles (a file's title) and bookmarks are told by their link
	// and title too: two notes from one template, or two bookmarks, are two
	// articles.
	for _, one := range []Article{
		{Source: "AP", Title: "Daily note 2024-03-01", URL: "https://example.com/1", Body: "## Tasks"},
		{Source: "AP", Title: "Bookmark one", URL: "https://example.com/1"},
	} {
		for name, other := range map[string]Article{
			"other link":  {Source: "AP", Title: one.Title, URL: "https://example.com/2", Body: one.Body},
			"other title": {Source: "AP", Title: "Daily note 2024-03-02", URL: one.URL, Body: one.Body},
		} {
			if Identity(other) == Identity(one) {
				t.Errorf("%q and one with an %s: same identity", one.Title, name)
			}
		}
	}
}

// TestNormalizeFormerIdentity: an article with a title of its own gets the
// id of its title, link and text, and as its loose id the one a library from
// before gave it (source, date and text), by which it is found; an article
// whose title is its first sentence keeps that one.
func TestNormalizeFormerIdentity(t *testing.T) {
	day := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
	titled := Article{Source: "AP", Published: day, Title: "Daily note", Body: "## Tasks"}
	Normalize(&titled)
	old := Identity(Article{Source: "AP", Published: day, Body: "## Tasks"})
	if titled.ExternalID == old || titled.LooseID != old || len(titled.FormerIDs) != 0 {
		t.Errorf("titled: id %q, loose %q, former %q; want a new id and loose %q", titled.ExternalID, titled.LooseID, titled.FormerIDs, old)
	}
	plain := Article{Source: "AP", Published: day, Body: "Storm Shadow missiles were discussed."}
	Normalize(&plain)
	if want := Identity(Article{Source: "AP", Published: day, Body: plain.Body}); plain.ExternalID != want || plain.LooseID != "" || len(plain.FormerIDs) != 0 {
		t.Errorf("derived title: id %q, loose %q, former %q; want %q and none", plain.ExternalID, plain.LooseID, plain.FormerIDs, want)
	}
	again := plain
	Normalize(&again)
	if again.ExternalID != plain.ExternalID {
		t.Errorf("Normalize again changed the id: %q, %q", plain.ExternalID, again.ExternalID)
	}
}

// TestNormalizeTagsFoldsAsTheLibrary: tags that differ in case, in any
// script, are one tag, as the library compares names (the first spelling
// wins); ß is not ss, there either.
func TestNormalizeTagsFoldsAsTheLibrary(t *testing.T) {
	got := NormalizeTags([]string{"Ukraine", "#ukraine", "Ä", "ä", "Été", "été", "Straße", "STRASSE", " "})
	if want := []string{"Ukraine", "Ä", "Été", "Straße", "STRASSE"}; !slices.Equal(got, want) {
		t.Errorf("NormalizeTags = %q, want %q", got, want)
	}
}

// TestNormalizeTagsCompose: a name typed with combining marks (NFD) is the
// name typed with precomposed letters (NFC), so the two are one tag.
func TestNormalizeTagsCompose(t *testing.T) {
	tests := map[string]struct {
		in   []string
		want []string
	}{
		"decomposed":           {[]string{"e\u0301te\u0301"}, []string{"\u00e9t\u00e9"}},
		"composed stays":       {[]string{"\u00e9t\u00e9"}, []string{"\u00e9t\u00e9"}},
		"both forms are one":   {[]string{"\u00e9t\u00e9", "e\u0301te\u0301"}, []string{"\u00e9t\u00e9"}},
		"decomposed first":     {[]string{"e\u0301te\u0301", "\u00e9t\u00e9"}, []string{"\u00e9t\u00e9"}},
		"mixed, ASCII case":    {[]string{"Zu\u0308rich", "z\u00fcrich"}, []string{"Z\u00fcrich"}},
		"hash then decomposed": {[]string{"#cafe\u0301"}, []string{"caf\u00e9"}},
		"mark after a control": {[]string{"e\x01\u0301"}, []string{"\u00e9"}},
		"Hangul jamo":          {[]string{"\u1112\u1161\u11ab"}, []string{"\ud55c"}},
		"no composition":       {[]string{"q\u0301"}, []string{"q\u0301"}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got := NormalizeTags(tt.in)
			if !slices.Equal(got, tt.want) {
				t.Errorf("NormalizeTags(%+q) = %+q, want %+q", tt.in, got, tt.want)
			}
			if again := NormalizeTags(got); !slices.Equal(again, got) {
				t.Errorf("NormalizeTags is not idempotent: %+q, then %+q", got, again)
			}
		})
	}
}

// TestBookmarkFormerID: an article without a body carries the id it was
// given before its link and title counted, so that a library holding it
// under that id gives it the new one rather than a second copy.
func TestBookmarkFormerID(t *testing.T) {
	a := Article{Source: "AP", Title: "Bookmark", URL: "https://example.com/1"}
	Normalize(&a)
	want := identity(Article{Source: "AP"}, false) // source, date and body alone
	if len(a.FormerIDs) != 1 || a.FormerIDs[0] != want || a.ExternalID == want {
		t.Errorf("id %q, former %q; want former %q", a.ExternalID, a.FormerIDs, want)
	}
	b := Article{Source: "AP", Body: "Text."}
	Normalize(&b)
	if len(b.FormerIDs) != 0 {
		t.Errorf("an article with a body has former ids %q", b.FormerIDs)
	}
}

// TestNormalizeTagsDropInvisibles: a character that shows nothing cannot
// make a tag that looks like another: "ukr\u200daine" is the tag "ukraine",
// and a name of nothing but such characters is no name. Where they change
// what is drawn they stay (marks.Drop): a joiner in a Persian or Hindi
// word, in an emoji sequence, a skin tone, a keycap.
func TestNormalizeTagsDropInvisibles(t *testing.T) {
	tests := map[string]struct {
		in   []string
		want []string
	}{
		"zero-width joiner":         {[]string{"ukr\u200daine"}, []string{"ukraine"}},
		"zero-width non-joiner":     {[]string{"ukr\u200caine"}, []string{"ukraine"}},
		"soft hyphen":               {[]string{"ukr\u00adaine"}, []string{"ukraine"}},
		"grapheme joiner":           {[]string{"ukr\u034faine"}, []string{"ukraine"}},
		"Mongolian vowel separator": {[]string{"ukr\u180eaine"}, []string{"ukraine"}},
		"function application":      {[]string{"ukr\u2061aine"}, []string{"ukraine"}},
		"invisible times":           {[]string{"ukr\u2062aine"}, []string{"ukraine"}},
		"Hangul filler":             {[]string{"ukr\u3164aine"}, []string{"ukraine"}},
		"halfwidth Hangul filler":   {[]string{"ukr\uffa0aine"}, []string{"ukraine"}},
		"variation selector 16":     {[]string{"ukr\ufe0faine"}, []string{"ukraine"}},
		"variation selector 1":      {[]string{"ukr\ufe00aine"}, []string{"ukraine"}},
		"left-to-right mark":        {[]string{"ukr\u200eaine"}, []string{"ukraine"}},
		"right-to-left mark":        {[]string{"ukr\u200faine"}, []string{"ukraine"}},
		"Arabic letter mark":        {[]string{"ukr\u061caine"}, []string{"ukraine"}},
		"tag character":             {[]string{"ukr\U000E0041aine"}, []string{"ukraine"}},
		"interlinear annotation":    {[]string{"ukr\ufff9aine\ufffbx\ufffa"}, []string{"ukrainex"}},
		"zero-width space":          {[]string{"ukr\u200baine"}, []string{"ukraine"}},
		"word joiner":               {[]string{"ukr\u2060aine"}, []string{"ukraine"}},
		"byte order mark":           {[]string{"ukr\ufeffaine"}, []string{"ukraine"}},
		"one tag with the plain":    {[]string{"Ukraine", "ukr\u200daine", "UKR\u00adAINE"}, []string{"Ukraine"}},
		"nothing but joiners":       {[]string{"\u200d", "\u200d\u200d", "#\u200c"}, []string{}},
		"before the hash":           {[]string{"\u200d#rail"}, []string{"rail"}},
		"between two spaces":        {[]string{"long \u200d read"}, []string{"long read"}},
		"then composed":             {[]string{"e\u034f\u0301t\u00e9"}, []string{"\u00e9t\u00e9"}},
		"Persian keeps its joiner":  {[]string{"\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"}, []string{"\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"}},
		"Hindi keeps its joiner":    {[]string{"\u0915\u094d\u200d\u0937"}, []string{"\u0915\u094d\u200d\u0937"}},
		"two skin tones, two tags":  {[]string{"\U0001F44D\U0001F3FD", "\U0001F44D\U0001F3FF"}, []string{"\U0001F44D\U0001F3FD", "\U0001F44D\U0001F3FF"}},
		"keycap":                    {[]string{"1\ufe0f\u20e3"}, []string{"1\ufe0f\u20e3"}},
		"emoji sequence":            {[]string{"\U0001F3F3\ufe0f\u200d\U0001F308"}, []string{"\U0001F3F3\ufe0f\u200d\U0001F308"}},
		"a joiner after a letter":   {[]string{"a\u200d\U0001F469"}, []string{"a\U0001F469"}},
		"subdivision flag":          {[]string{"\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F"}, []string{"\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F"}},
		"country flag stays":        {[]string{"\U0001F1FA\U0001F1E6"}, []string{"\U0001F1FA\U0001F1E6"}},
		"visible blank stays":       {[]string{"ukr\u2800aine"}, []string{"ukr\u2800aine"}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got := NormalizeTags(tt.in)
			if !slices.Equal(got, tt.want) {
				t.Errorf("NormalizeTags(%+q) = %+q, want %+q", tt.in, got, tt.want)
			}
			if again := NormalizeTags(got); !slices.Equal(again, got) {
				t.Errorf("NormalizeTags is not idempotent: %+q, then %+q", got, again)
			}
		})
	}
}

// TestNormalizeDropsInvisibles: a title and a body lose what shows
// nothing but where it changes what is drawn (a Persian word's non-joiner
// stays), so that "Bundes\u00adregierung" is found by "Bundesregierung";
// an article without an id keeps the id it had before among its former
// ids, so that importing it again finds it.
func TestNormalizeDropsInvisibles(t *testing.T) {
	persian := "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
	a := Article{Title: persian + " ukr\u200daine", Source: "Source", Body: persian + " Bundes\u00adregierung and ukr\u200daine.", Tags: []string{"ukr\u200daine"}}
	before := a
	before.Title, before.Body = CleanLine(before.Title), CleanText(before.Body)
	Normalize(&a)
	if a.Title != persian+" ukraine" || a.Body != persian+" Bundesregierung and ukraine." {
		t.Errorf("title %+q, body %+q", a.Title, a.Body)
	}
	if !slices.Equal(a.Tags, []string{"ukraine"}) {
		t.Errorf("tags %+q, want [ukraine]", a.Tags)
	}
	if old := identity(before, true); !slices.Contains(a.FormerIDs, old) || a.ExternalID == old {
		t.Errorf("id %q, former ids %q: want the id of before, %q, among the former", a.ExternalID, a.FormerIDs, old)
	}
	again := a
	Normalize(&again)
	if again.Title != a.Title || again.Body != a.Body || again.ExternalID != a.ExternalID {
		t.Errorf("Normalize is not idempotent: %+v then %+v", a, again)
	}
	plain := Article{Title: "T", Body: "Plain text."}
	Normalize(&plain)
	if len(plain.FormerIDs) != 0 {
		t.Errorf("an article with nothing dropped has former ids %q", plain.FormerIDs)
	}
}
