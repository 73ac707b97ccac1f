package feeds

import (
	"slices"
	"strings"
	"testing"
)

// readOneAs reads text as a file of format (ReadStreamAs) holding one
// article, as tidings import reads it.
func readOneAs(t *testing.T, name, format, text string) Article {
	t.Helper()
	var arts []Article
	err := ReadStreamAs(name, format, strings.NewReader(text), func(it Item) error {
		if it.Err != nil {
			t.Fatal(it.Err)
		}
		arts = append(arts, it.Article)
		return nil
	})
	if err != nil || len(arts) != 1 {
		t.Fatalf("%d articles, %v", len(arts), err)
	}
	return arts[0]
}

// pageIDs are the ids a page is known by: its id, its LooseID and its
// FormerIDs.
type pageIDs struct {
	id, loose string
	former    []string
}

// TestCJKLineBreakInPageTitle: a page whose title, of whatever part of
// the page it comes (its <title>, its <h1>, its og:title, its JSON-LD
// headline), wraps inside Chinese or Japanese text is titled with the
// line break taken out, as a title of any other file is (CleanLine), so
// title:東京都庁 finds it; and it keeps the id, and the ids it was known
// by before, that the release before gave it, its title with a space for
// the line break (the ids below are what it made). A line break between
// Latin words, or Korean ones, is a space.
func TestCJKLineBreakInPageTitle(t *testing.T) {
	tests := map[string]struct {
		page, title string
		known       pageIDs
	}{
		"title": {"<html><head><title>東京\n都庁の発表</title></head><body><article><p>本文はここにあります。東京都庁が発表した。</p></article></body></html>",
			"東京都庁の発表", pageIDs{"h:5804a8058bf58058a15fd5cc36225985", "h:2a4c015c3d7634a590a3495ceb3f62e1", nil}},
		"h1 for a short title": {"<html><head><title>東京\n都庁 html2</title></head><body><h1>大阪\n府庁</h1><p>本文。</p></body></html>",
			"大阪府庁", pageIDs{"h:3b4688128b3f5a3cbf80665c20a8c47a", "h:59861a82196a8f1ec6748db34f7889e5", []string{"h:1aea8485aa438a53f7d47c021d01624e", "h:6f17b20cfa1a33d85af4152bfd44d5ed", "h:fd16ac56300fc388ff4aac4c15ab4807"}}},
		"h1 alone": {"<html><body><h1>名古屋\n市役所 h1</h1><p>本文四。</p></body></html>",
			"名古屋市役所 h1", pageIDs{"h:7a62a57d82c2721de841b8fd9a17fdeb", "h:a5e0d954d2d49b3dcf58526cb3843879", nil}},
		"h1 the title holds": {"<html><head><title>大阪\n府庁の新しい発表について | 大阪新聞</title><meta property=og:site_name content=大阪新聞></head>" +
			"<body><h1>大阪\n府庁の新しい発表について</h1><p>本文です。大阪府庁が発表した。</p></body></html>",
			"大阪府庁の新しい発表について", pageIDs{"h:3a22d283a01f76a36b1a7449ab76f50d", "h:fc9526640971e12ba38fe25a26e9d643", []string{"h:c6ef8d56fb4baf337605b0218d99ff82", "h:0e4edb1087f3705b04ff818d04066e07"}}},
		"title without the site's name": {"<html><head><title>東京\n都庁の発表 - 朝日\n新聞</title><meta property=og:site_name content='朝日\n新聞'></head>" +
			"<body><article><p>本文はここにあります。</p></article></body></html>",
			"東京都庁の発表", pageIDs{"h:836474a4d09800145196a304e31e2d48", "h:3e72fdde0ed2ab36c7a9684b88aa210b", []string{"h:da0f61de268f32e644cd7646ef55c60b", "h:3e72fdde0ed2ab36c7a9684b88aa210b"}}},
		"og:title": {"<html><head><title>x</title><meta property=og:title content='京都\n市長の会見'></head><body><article><p>本文はここにあります。</p></article></body></html>",
			"京都市長の会見", pageIDs{"h:1778004d28fd5ffbcb5420d722544f15", "h:230be1f1c9c8c54d40032d94fd5013e7", []string{"h:5cad3f0f31269342b7f89aa9dcd352b4", "h:230be1f1c9c8c54d40032d94fd5013e7"}}},
		"json-ld headline": {`<html><head><title>x</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"札幌\n市の雪まつり"}</script></head>` +
			"<body><article><p>本文はここにあります。</p></article></body></html>",
			"札幌市の雪まつり", pageIDs{"h:22cb0df865aac1bb48e84e8ac8601e07", "h:230be1f1c9c8c54d40032d94fd5013e7", []string{"h:5cad3f0f31269342b7f89aa9dcd352b4", "h:230be1f1c9c8c54d40032d94fd5013e7"}}},
		"latin": {"<html><head><title>Tokyo\noffice news</title></head><body><article><p>The body is here.</p></article></body></html>",
			"Tokyo office news", pageIDs{"h:f42f352229f760cf16429434e7d25b99", "h:6b17580173e91e2bd1f74463dab8b656", nil}},
		"korean": {"<html><head><title>서울\n시청 소식</title></head><body><article><p>본문입니다.</p></article></body></html>",
			"서울 시청 소식", pageIDs{"h:06a5bc4e67d11f9033156fb4e484ae3c", "h:0347b71cf7b11d59fcd9d32c5581e49b", nil}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			a := readOneAs(t, "page.html", "html", tt.page)
			if a.Title != tt.title {
				t.Errorf("title %q, want %q", a.Title, tt.title)
			}
			if a.ExternalID != tt.known.id || a.LooseID != tt.known.loose {
				t.Errorf("id %s, loose %s; want the ones it had, %s, %s", a.ExternalID, a.LooseID, tt.known.id, tt.known.loose)
			}
			for _, id := range tt.known.former {
				if !slices.Contains(a.FormerIDs, id) {
					t.Errorf("former ids %q; want %s among them, as before", a.FormerIDs, id)
				}
			}
		})
	}
}

// TestCJKLineBreakInDerivedTitle: a title derived from a body whose first
// sentence wraps inside Chinese or Japanese text is the sentence with the
// line break taken out, as it is from a title (CleanLine), in a quote,
// around emphasis too; a line break between Latin or Korean words is a
// space, and so is one after a heading, between list items or around a
// rule, which end a block of their own.
func TestCJKLineBreakInDerivedTitle(t *testing.T) {
	tests := map[string]struct{ body, want string }{
		"kanji":              {"東京\n都庁は発表した。次の文。", "東京都庁は発表した"},
		"spaces around":      {"東京 \n 都庁は発表した。", "東京都庁は発表した"},
		"emphasis":           {"これは\n**大事な**話です。", "これは大事な話です"},
		"link":               {"東京\n[都庁](https://example.com/)の発表。", "東京都庁の発表"},
		"quote":              {"> 東京\n> 都庁の話。", "東京都庁の話"},
		"lazy quote":         {"> 東京\n都庁の話。", "東京都庁の話"},
		"list item wrapped":  {"- 東京\n  都庁の話", "東京都庁の話"},
		"tag over lines":     {"東京<span\nclass=x>都庁</span>の話。", "東京都庁の話"},
		"latin":              {"Tokyo\noffice news. More.", "Tokyo office news"},
		"korean":             {"서울\n시청 소식입니다.", "서울 시청 소식입니다"},
		"latin then kanji":   {"Tokyo\n東京の話。", "Tokyo 東京の話"},
		"after a heading":    {"# 見出し\n本文です。", "見出し 本文です"},
		"list items":         {"- 東京\n- 大阪", "東京 大阪"},
		"numbered items":     {"1. 東京\n2. 大阪", "東京 大阪"},
		"quoted list items":  {"> - 東京\n> - 大阪", "東京 大阪"},
		"heading then quote": {"## 見出し\n> 引用です。", "見出し 引用です"},
		"around a rule":      {"前文\n* * *\n本文です。", "前文 本文です"},
		"over an underline":  {"見出し\n---\n本文です。", "見出し"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			if got := TitleFromBody(tt.body); got != tt.want {
				t.Errorf("TitleFromBody(%q) = %q, want %q", tt.body, got, tt.want)
			}
		})
	}
}

// TestCJKLineBreakDerivedTitleKeepsID: a Markdown file without a title
// whose body wraps inside Japanese text is titled with the line break
// taken out, and keeps the id the release before gave it (what it made),
// which is of its text, not of a title derived from it.
func TestCJKLineBreakDerivedTitleKeepsID(t *testing.T) {
	a := readOneAs(t, "derived.md", "md", "---\nsource: src\ndate: 2024-01-01\n---\n東京\n都庁は発表した。次の文。\n")
	if a.Title != "東京都庁は発表した" {
		t.Errorf("title %q, want 東京都庁は発表した", a.Title)
	}
	if want := "h:01d804dd527b1e7898fa2607b95ce995"; a.ExternalID != want || a.LooseID != "" || len(a.FormerIDs) != 0 {
		t.Errorf("id %s, loose %q, former %q; want %s alone", a.ExternalID, a.LooseID, a.FormerIDs, want)
	}
}
