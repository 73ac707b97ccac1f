// Package feeds brings articles into tidings: file importers (the sample
// format, Markdown, HTML, JSON and JSON Lines), feed parsing and fetching, and
// the cleaning every untrusted string goes through. It produces plain Article
// values and knows nothing of SQL or the terminal UI.
package feeds

import "time"

// Article is the one value every importer and the feed adapter produce.
// Strings are cleaned (no control characters but newline and tab, no escape
// sequences, valid UTF-8) by Normalize before an Article leaves this package.
type Article struct {
	// ExternalID identifies the article across re-imports. When the source
	// has none, Normalize derives one from source, date and body (see Identity).
	ExternalID string
	Source     string // "MENAFN", "MENAFN - AzerNews", a feed's title...
	FeedURL    string // the subscription it came from, if any
	Title      string
	URL        string
	Author     string
	Published  time.Time // zero when unknown
	Body       string    // Markdown

	// Added is when a library first took the article in, carried by
	// tidings' own JSON export; zero means now. An import uses it only
	// for an article new to the library, and only when it is past.
	Added time.Time

	// User state carried by lossless formats (tidings' own JSON export).
	// Nil means "not said": an import leaves the stored state alone.
	Tags        []string
	RuleTags    []string // of Tags, those a tag rule set, not the reader
	Read        *bool
	Starred     *bool
	Retitled    bool // Title is a user's retitle, not derived from the body
	Annotations []Annotation

	// FormerIDs are ids the article may be stored under from before (a
	// saved feed's, made from its path): an import finds it by them and
	// gives it ExternalID.
	FormerIDs []string

	// FormerBody is the text an article without an id had when read as
	// an earlier tidings read it ("" when it reads the same): an import
	// finds it by the id that text gave (among FormerIDs, by Normalize).
	FormerBody string

	// LooseID is an id a library from before may hold the article under
	// that other articles shared then: the id of its source, date and text
	// alone, before a file's own title and link counted too (Identity). An
	// import finds by it a stored article with the same title (or one the
	// reader retitled), and leaves it its id, which the reader's exports
	// carry.
	LooseID string

	// Absent names the fields a JSON record left out, as a script's
	// {"external_id": "...", "title": "..."} does: an import keeps an
	// existing article's own values for them.
	Absent Fields

	// Warnings are things a reader of the import summary should know
	// ("no date", "no source") although the article was imported.
	Warnings []string

	// publishedAt and addedAt say where a reader found Published and
	// Added ("front matter line 3: date") when it is a date tidings
	// cannot write (WritableDate), for the warning Normalize gives as it
	// reads it as none; "" names the field alone.
	publishedAt, addedAt string
}

// Annotation is a note on an article: on the whole article when Quote is
// empty, otherwise on the passage Quote, anchored by the text around it
// (W3C TextQuoteSelector).
type Annotation struct {
	Quote   string
	Prefix  string
	Suffix  string
	Note    string // Markdown
	Created time.Time
	Updated time.Time
}

// Fields is a set of an article's imported fields.
type Fields uint8

// The fields of Fields.
const (
	FieldTitle Fields = 1 << iota
	FieldSource
	FieldFeed
	FieldURL
	FieldAuthor
	FieldPublished
	FieldBody
)
