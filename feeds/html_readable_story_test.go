package feeds

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

// story is a few paragraphs of a story, long enough for Readability to
// take them for one.
func story(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "<p>Residents of the harbour district gathered on Tuesday evening to hear the council explain "+
			"its plans for the new ferry terminal, and the roads around it, in part %d of the meeting.</p>", i+1)
	}
	return b.String()
}

// comments is a thread of n comments of two paragraphs each, as WordPress
// writes one, in an element of the class given.
func comments(n int, tag, class string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<%s class="%s"><h2>%d comments</h2>`, tag, class, n)
	for i := range n {
		fmt.Fprintf(&b, `<article class="comment" id="c%d"><footer class="comment-meta"><b>reader%d</b> `+
			`<time class="published" datetime="2024-06-%02dT10:00:00Z">June</time></footer><div class="comment-content">`+
			`<p>Comment %d: the fares went up twice last year, and the council never said why, and now this, which `+
			`nobody asked for, really.</p><p>And the queue in winter, which nobody on the council has ever stood in, `+
			`reader %d says, really.</p></div></article>`, i, i, i%28+1, i, i)
	}
	fmt.Fprintf(&b, `<div id="respond" class="comment-respond"><h3>Leave a reply</h3><p>Your email address will not be published.</p></div></%s>`, tag)
	return b.String()
}

// TestReadableDates: a page is dated by its metadata, else by what it
// marks as the story's date wherever that is (a WordPress post's header,
// an <aside> beside the text), else by the first <time> of its own
// <article> or <main>; not by a date the text mentions, a comment's, or a
// teaser's.
func TestReadableDates(t *testing.T) {
	const wpHeader = `<header class="entry-header"><h1 class="entry-title">Ferry terminal plans unveiled</h1>` +
		`<div class="entry-meta">Posted on <time class="entry-date published" datetime="2024-05-02T09:00:00+00:00">` +
		`May 2, 2024</time> by <span class="author">Ada</span></div></header>`
	const mention = `<p>The final vote is scheduled for <time datetime="2024-09-15">September 15</time>, and work could start in 2025.</p>`
	page := func(head, body string) string {
		return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Ferry terminal plans unveiled – Harbour Blog</title>` +
			head + `</head><body><header id="masthead"><a href="/">Harbour Blog</a><nav><a href="/news">News</a></nav></header>` +
			body + `<footer>© Harbour Blog</footer></body></html>`
	}
	tests := []struct {
		name, page string
		published  string // RFC 3339, "" for none
	}{
		{"WordPress: the post's header, the text mentioning a later date",
			page("", `<main id="content"><article class="post">`+wpHeader+`<div class="entry-content">`+story(1)+mention+story(2)+`</div></article></main>`),
			"2024-05-02T09:00:00Z"},
		{"WordPress with itemprop",
			page("", `<main id="content"><article class="post">`+strings.Replace(wpHeader, `<time `, `<time itemprop="datePublished" `, 1)+
				`<div class="entry-content">`+story(1)+mention+story(2)+`</div></article></main>`),
			"2024-05-02T09:00:00Z"},
		{"a byline in an <aside> in the <article>",
			page("", `<article itemscope itemtype="http://schema.org/BlogPosting"><header><h1 itemprop="name">Get your code covered</h1></header>`+
				`<section itemprop="articleBody">`+story(3)+`</section><aside><p><span itemprop="author">Nicolas</span> — `+
				`<time datetime="2013-09-29" itemprop="datePublished">2013-09-29</time> — in <a href="/code/">Code</a></p></aside></article>`),
			"2013-09-29T00:00:00Z"},
		{"a pubdate attribute, with a title of its own",
			page("", `<article><h1>Ferry terminal plans unveiled</h1><p>By Ada, <abbr class="x" pubdate title="2024-05-02T09:00:00Z">May 2</abbr></p>`+
				story(1)+mention+story(2)+`</article>`),
			"2024-05-02T09:00:00Z"},
		{"no mark: the first <time> of the <article>, not one the text mentions",
			page("", `<main><article><header><h1>Ferry terminal plans unveiled</h1><p>Posted on <time datetime="2024-05-02T09:00:00Z">May 2</time></p></header>`+
				story(1)+mention+story(2)+`</article></main>`),
			"2024-05-02T09:00:00Z"},
		{"metadata first",
			page(`<meta property="article:published_time" content="2024-04-30T12:00:00Z">`,
				`<main id="content"><article class="post">`+wpHeader+`<div class="entry-content">`+story(3)+`</div></article></main>`),
			"2024-04-30T12:00:00Z"},
		{"a marked date that cannot be read, then a teaser's",
			page("", `<article><h1>Ferry terminal plans unveiled</h1><time class="published" datetime="in May">in May</time>`+story(3)+
				`</article><aside><article class="teaser"><h3>Other story</h3><time class="published" datetime="2017-11-21">21 Nov</time></article></aside>`),
			""},
		{"an infobox's founding date, marked published",
			page("", `<main><h1>Harbour Board</h1><table class="infobox"><tr><th>Founded</th><td>February 28, 1998`+
				`<span style="display:none">(<span class="bday dtstart published updated">1998-02-28</span>)</span></td></tr></table>`+
				story(3)+`</main>`),
			""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := parseHTMLFile([]byte(tc.page))
			if err != nil {
				t.Fatal(err)
			}
			published := ""
			if !a.Published.IsZero() {
				published = a.Published.UTC().Format(time.RFC3339)
			}
			if published != tc.published {
				t.Errorf("published %q, want %q", published, tc.published)
			}
			if noDate := slices.Contains(a.Warnings, warnNoDate); noDate != (tc.published == "") {
				t.Errorf("warnings %q", a.Warnings)
			}
		})
	}
}

// TestReadableComments: a story is read without its comments, however
// short it is beside them and wherever the page keeps them; a page that is
// all comments (a forum's thread) keeps them.
func TestReadableComments(t *testing.T) {
	const head = `<html><head><title>Ferry approved | Valley Courier</title></head><body>`
	const short = `<article class="post"><h1>Ferry approved</h1><p class="byline">By Ada, <time datetime="2024-05-01T08:00:00Z">May 1</time></p>` +
		`<p>The harbour council approved the new ferry on Tuesday.</p><p>Service starts in May, the board said.</p></article>`
	const entry = "<p>The harbour council approved the new ferry on Tuesday.</p><p>Service starts in May, the board said.</p>"
	const story2 = "The harbour council approved the new ferry on Tuesday.\n\nService starts in May, the board said."
	const want = "By Ada, May 1\n\n" + story2
	tests := []struct{ name, page, want string }{
		{"a short story, its comments in a <section> in <main>",
			head + `<main>` + short + comments(15, "section", "comments-area") + `</main></body></html>`, want},
		{"a short story, its comments in a <div id=comments>",
			head + `<main>` + short + strings.Replace(comments(15, "div", "comments-area"), `<div class`, `<div id="comments" class`, 1) +
				`</main></body></html>`, want},
		{"a short story, its comments beside the <article>",
			head + short + comments(15, "section", "comments-area") + `</body></html>`, want},
		{"a short story in <div>s, a discussion of replies after it",
			head + `<div class="wrap"><div class="entry"><h1>Ferry approved</h1>` + entry + `</div>` +
				strings.NewReplacer(`<article class="comment"`, `<div class="reply"`, `</article>`, `</div>`).Replace(comments(15, "div", "discussion")) +
				`</div></body></html>`, story2},
		{"a short story in <div>s, a discussion of replies in <article>s after it",
			head + `<div class="wrap"><div class="entry"><h1>Ferry approved</h1>` + entry + `</div>` +
				strings.ReplaceAll(comments(15, "div", "discussion"), `class="comment"`, `class="reply"`) + `</div></body></html>`, story2},
		{"a long story", head + `<main><article class="post"><h1>Ferry approved</h1>` + story(4) + `</article>` +
			comments(3, "section", "comments-area") + `</main></body></html>`, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := parseHTMLFile([]byte(tc.page))
			if err != nil {
				t.Fatal(err)
			}
			if tc.want != "" && a.Body != tc.want {
				t.Errorf("body %q,\nwant %q", a.Body, tc.want)
			}
			for _, s := range []string{"really", "comments", "reply", "reader0"} {
				if strings.Contains(a.Body, s) {
					t.Errorf("body has %q:\n%s", s, a.Body)
				}
			}
			if !strings.Contains(a.Body, "Service starts in May") && !strings.Contains(a.Body, "in part 4 of the meeting") {
				t.Errorf("body lacks the story:\n%s", a.Body)
			}
		})
	}

	t.Run("a page that is all comments", func(t *testing.T) {
		a, err := parseHTMLFile([]byte(head + `<main><h1>Ferry fares</h1>` + comments(4, "div", "comments") + `</main></body></html>`))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Body, "Comment 0: the fares went up") || !strings.Contains(a.Body, "reader 3 says") {
			t.Errorf("body %q", a.Body)
		}
	})
}

// TestReadableCodeLanguage: a code block keeps the language the page
// gives it (class="language-go"), which the Markdown writes on its fence.
func TestReadableCodeLanguage(t *testing.T) {
	page := `<html><head><title>Code doc</title></head><body><main><h1>API</h1>` + story(2) +
		`<pre><code class="language-go">func main() {}</code></pre>` +
		`<pre class="language-bash"><code class="language-bash highlighted">ls -l</code></pre>` +
		`<pre><code>plain</code></pre><p>Done.</p></main></body></html>`
	a, err := parseHTMLFile([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"```go\nfunc main() {}\n```", "```bash\nls -l\n```", "```\nplain\n```"} {
		if !strings.Contains(a.Body, s) {
			t.Errorf("body lacks %q:\n%s", s, a.Body)
		}
	}
}

// TestReadableTableCells: the cells of a table the Markdown cannot write
// as one (a page laid out in a table, a cell of paragraphs or lists) never
// run together; a table of data stays a table.
func TestReadableTableCells(t *testing.T) {
	tests := []struct {
		name, page string
		body, not  []string
	}{
		{"a page laid out in a table",
			`<html><head><title>Table layout</title></head><body><table><tr><td>Menu</td><td><font size=2>The harbour council ` +
				`voted on Tuesday to approve the budget. It took months of debate, residents said, and costs rose.</font><br><br>` +
				`<font size=2>Work begins in spring.</font></td></tr></table></body></html>`,
			[]string{"Menu\n\nThe harbour council voted", "costs rose.\n\nWork begins in spring."}, []string{"MenuThe"}},
		{"cells of paragraphs and lists, cells of words, a table of data",
			`<html><head><title>Timetable</title></head><body><main><h1>Timetable</h1>` + story(3) +
				`<table><tr><td><p>Notes</p><ul><li>Bikes free</li></ul></td><td>Ask the crew.</td></tr>` +
				`<tr><td>Dogs</td><td>On a lead</td></tr></table>` +
				`<table><tr><td>Fares</td><td>Unchanged</td></tr><tr><td><p>Season</p><p>tickets</p></td><td>In July</td></tr></table>` +
				`<table><thead><tr><th>Day</th><th>First boat</th></tr></thead><tbody><tr><td>Monday</td><td>6:10</td></tr></tbody></table>` +
				`</main></body></html>`,
			[]string{"Notes\n\n- Bikes free\n\nAsk the crew.", "Dogs On a lead", "Fares Unchanged", "| Day    | First boat |", "| Monday | 6:10       |"},
			[]string{"Bikes freeAsk", "DogsOn", "FaresUnchanged", "ticketsIn"}},
		{"a table of data with cells of paragraphs, lists and headings",
			`<html><head><title>Results</title></head><body><main><h1>Results</h1>` + story(3) +
				`<table><thead><tr><th>District</th><th>Winner</th><th>Notes</th></tr></thead><tbody>` +
				`<tr><td><p>North</p></td><td><p>Labour</p><p>(hold)</p></td><td><ul><li>recount</li><li>turnout up</li></ul></td></tr>` +
				`<tr><td><h4>Harbour</h4><p>new ward</p></td><td>Green</td><td><ol start="3"><li>third</li><li>fourth</li></ol></td></tr>` +
				`</tbody></table></main></body></html>`,
			[]string{"| North                | Labour (hold) | • recount • turnout up |",
				"| **Harbour** new ward | Green         | 3\\. third 4. fourth    |"},
			[]string{"LabourHold", "\n\nLabour"}},
		{"a table of data with a cell too long for a line, or a quote in a cell, is blocks",
			`<html><head><title>Report</title></head><body><main><h1>Report</h1>` + story(3) +
				`<table><tr><th>Part</th><th>Text</th></tr><tr><td>One</td><td><p>` + strings.Repeat("A long column of text. ", 10) +
				`</p><p>` + strings.Repeat("Another paragraph of it. ", 10) + `</p></td></tr></table>` +
				`<table><tr><th>Who</th><th>Said</th></tr><tr><td>Mayor</td><td><blockquote><p>Not now.</p></blockquote><p>On Monday</p></td></tr></table>` +
				`</main></body></html>`,
			[]string{"Part Text", "One\n\nA long column", "Who Said", "Mayor\n\n> Not now."}, []string{"| One", "| Mayor"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := parseHTMLFile([]byte(tc.page))
			if err != nil {
				t.Fatal(err)
			}
			checkBody(t, a.Body, tc.body, tc.not)
		})
	}
}

// TestReadableSections: a section of the story stays whatever its heading
// says, though its id, made from the heading (Pandoc, Sphinx, Hugo), holds
// a word that names a page's furniture or its comments elsewhere
// ("related-work", "discussion", "example-1-a-shared-ticket", "contact");
// a page's comments still go, and its navigation, sidebar and footer.
func TestReadableSections(t *testing.T) {
	tests := []struct {
		file      string
		body, not []string
	}{
		{"pandoc-paper.html", []string{
			"## Introduction", "## Related work\n\nRELATED-WORK Earlier studies", "RELATED-WORK Studies of city ferries",
			"### Discussion\n\nSHORT-DISCUSSION", "## A comment on the counts\n\nON-THE-COUNTS The counts",
			"ON-THE-COUNTS The bus company", "## Discussion\n\nDISCUSSION The growth", "DISCUSSION A longer study",
		}, nil},
		{"sphinx-guide.html", []string{
			"## Buying a ticket", "## Example 1: a shared ticket", "SHARED-TICKET Two people", "SHARED-TICKET The crew",
			"## Tickets and tags", "TAGS A season ticket", "## Replies to common complaints", "REPLIES The first boat",
			"## Contact", "CONTACT The ticket office",
		}, []string{"Navigation", "index", "Quick search", "Table of Contents", "Copyright", "¶"}},
		{"comments-heading.html", []string{
			"kept notes.", "## Discussion\n\nIs the ferry worth it in winter?", "wait on the quay.",
		}, []string{"Comments", "READER-COMMENT", "Mara", "since 2019"}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile("testdata/html/readable/" + tc.file)
			if err != nil {
				t.Fatal(err)
			}
			a, err := parseHTMLFile(data)
			if err != nil {
				t.Fatal(err)
			}
			checkBody(t, a.Body, tc.body, tc.not)
		})
	}
}

// TestIsSlugOf: an id is a heading's slug when it has the heading's
// letters and digits, but its section number, with a number after them or
// "sec" before them; not when the heading names only the comments.
func TestIsSlugOf(t *testing.T) {
	tests := []struct {
		id, heading string
		want        bool
	}{
		{"related-work", "Related work", true},
		{"example-1-amend-a-shared-changeset", "Example 1: Amend a shared changeset¶", true},
		{"discussion-1", "4.1 Discussion", true},
		{"sec-discussion", "Discussion", true},
		{"discussion_2", "Discussion", true},
		{"cafe-discussion", "Café discussion", true},
		{"Replies", "replies", true},
		{"comments", "Comments", false},
		{"comment", "Comment", false},
		{"discussion-thread", "Discussion", false},
		{"comments-discussion", "Discussion", false},
		{"related", "Related work", false},
		{"", "Related work", false},
		{"related-work", "", false},
	}
	for _, tc := range tests {
		if got := isSlugOf(tc.id, slugLetters(tc.heading)); got != tc.want {
			t.Errorf("isSlugOf(%q, %q) = %v, want %v", tc.id, tc.heading, got, tc.want)
		}
	}
}
