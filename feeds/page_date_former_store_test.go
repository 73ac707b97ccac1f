package feeds_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// datedPage is an article page without an id of its own, head being what
// its <head> holds after the <title> (its date) and dateline what its
// <article> holds under the headline.
func datedPage(head, dateline string) string {
	return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Night market returns to the harbour | Harbour Weekly</title>
<meta property="og:site_name" content="Harbour Weekly">
<link rel="canonical" href="https://harbour.example.com/2020/night-market">` + head + `</head>
<body><nav><a href="/">Home</a> <a href="/town">Town</a></nav>
<article><h1>Night market returns to the harbour</h1>` + dateline + `
<p>The night market returns to the harbour this weekend after two years away, with forty stalls along the quay and music until midnight.</p>
<p>Traders said the new lighting on the quay made the difference. The council paid for it from the harbour fund, and the stalls are free for the first month.</p>
<p>Buses run every twenty minutes until one in the morning, the council said, and the car park on Mill Street stays open all night.</p>
</article></body></html>
`
}

// datedArchive is page as Chrome saves it in an MHTML archive.
func datedArchive(page string) string {
	return "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://harbour.example.com/2020/night-market\r\n" +
		"Subject: Night market returns to the harbour\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"--b--\"\r\n\r\n\r\n----b--\r\n" +
		"Content-Type: text/html\r\nContent-Transfer-Encoding: 8bit\r\n" +
		"Content-Location: https://harbour.example.com/2020/night-market\r\n\r\n" +
		strings.ReplaceAll(page, "\n", "\r\n") + "\r\n----b----\r\n"
}

// pagesDatedOtherwise are pages whose date tidings read otherwise (or not
// at all) before it read ISO 8601's shorter and basic forms, an offset
// after GMT and the zones MEZ and MESZ, each with the id the tidings of
// then gave it, made of the date as it read it then.
var pagesDatedOtherwise = map[string]struct{ name, text, before string }{
	"article:published_time without seconds, unread then": {"page.html",
		datedPage(`<meta property="article:published_time" content="2017-11-16T14:15+0000">`, ""),
		"h:aed6feb3602e1dcedfd7d9817de9f6f1"},
	"og:published_time with an offset after GMT, unread then": {"page.html",
		datedPage(`<meta property="og:published_time" content="Mon, 04 Mar 2024 10:00:00 GMT+1">`, ""),
		"h:aed6feb3602e1dcedfd7d9817de9f6f1"},
	"JSON-LD datePublished with its offset after a space": {"page.html",
		datedPage(`<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Night market returns to the harbour","datePublished":"2020-11-11 12:00:00.000-0600"}</script>`, ""),
		"h:aed6feb3602e1dcedfd7d9817de9f6f1"},
	"<time datetime> in the basic format": {"page.html",
		datedPage("", `<p class="byline">By Ana Ruiz, <time datetime="20201111T120000Z">11 November 2020</time></p>`),
		"h:8e1fc8ffcc0929bd8882e811cae83883"},
	"a date in MEZ, the story's <time> dating it then": {"page.html",
		datedPage(`<meta name="date" content="Tue, 03 Dec 2019 10:00:00 MEZ">`,
			`<p class="byline">By Ana Ruiz, <time datetime="2019-12-03">3 December 2019</time></p>`),
		"h:680494e73831178dfaf64882fcb0e549"},
	// As tidings read pages before it read them as a reader view does
	// (the date of its meta tags, else of its first <time>).
	"article:published_time, read as pages were before the reader view": {"page.html",
		datedPage(`<meta property="article:published_time" content="2017-11-16T14:15+0000">`, ""),
		"h:974bf45a8b5b8d3fe0362754e8a3364c"},
	"a date in MEZ, read as pages were before the reader view": {"page.html",
		datedPage(`<meta name="date" content="Tue, 03 Dec 2019 10:00:00 MEZ">`,
			`<p class="byline">By Ana Ruiz, <time datetime="2019-12-03">3 December 2019</time></p>`),
		"h:ea5b3f4fee8cf48c7b7bb5ee4d33ed80"},
	"<time datetime> in the basic format, read as pages were before the reader view": {"page.html",
		datedPage("", `<p class="byline">By Ana Ruiz, <time datetime="20201111T120000Z">11 November 2020</time></p>`),
		"h:19ecbd7708f88f5026ac4fe0cf461e4e"},
	"an MHTML archive's page": {"page.mhtml",
		datedArchive(datedPage(`<meta property="article:published_time" content="2017-11-16T14:15+0000">`, "")),
		"h:aed6feb3602e1dcedfd7d9817de9f6f1"},
}

// TestPageDatedOtherwiseKeepsItsArticle: a page without an id of its own
// that an earlier tidings imported, dating it otherwise (a date it could
// not read as none), is found again by the id it had then: imported again
// it updates its article, which keeps its notes and tags, rather than add
// a second one.
func TestPageDatedOtherwiseKeepsItsArticle(t *testing.T) {
	for name, tc := range pagesDatedOtherwise {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), tc.name)
			if err := os.WriteFile(file, []byte(tc.text), 0o644); err != nil {
				t.Fatal(err)
			}
			now := readFile(t, file)
			if now.Published.IsZero() {
				t.Fatalf("the page is not dated now (warnings %q)", now.Warnings)
			}
			if now.ExternalID == tc.before {
				t.Fatalf("id %s: the page reads as it did before", now.ExternalID)
			}
			foundAsBefore(t, now, tc.before, 2)
		})
	}
}
