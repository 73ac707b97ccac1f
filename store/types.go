package store

import (
	"errors"
	"time"
)

// ErrNotFound is returned when an article, tag, feed or annotation does not exist.
var ErrNotFound = errors.New("store: not found")

// ErrNotWritable is returned by Open, for writing, of a library that the
// user cannot write (read-only media, another user's folder).
var ErrNotWritable = errors.New("the library or its folder is not writable; it can still be opened read-only (--read-only)")

// ErrNewerLibrary is returned by Open for a library written by a newer tidings.
var ErrNewerLibrary = errors.New("the library was written by a newer tidings")

// Article is an article as stored, with its user state.
type Article struct {
	ID          int64
	ExternalID  string
	SortKey     int64
	Source      string
	FeedID      int64 // 0 when not from a feed
	FeedTitle   string
	FeedNamed   bool // the feed's title is the name the reader gave it
	Title       string
	URL         string
	Author      string
	Published   time.Time // zero when unknown
	Added       time.Time
	Updated     time.Time
	Body        string    // Markdown
	ReadAt      time.Time // zero while unread
	Starred     bool
	Retitled    bool
	Tags        []ArticleTag
	Annotations int // how many
}

// Read reports whether the article has been read.
func (a Article) Read() bool { return !a.ReadAt.IsZero() }

// ShownSource is the source the reader sees: the name the reader gave the
// article's feed when there is one, else the article's own source. Exports
// keep Source.
func (a Article) ShownSource() string {
	if a.FeedNamed && a.FeedTitle != "" {
		return a.FeedTitle
	}
	return a.Source
}

// Row is what the article list shows of an article: no body.
type Row struct {
	ID          int64
	SortKey     int64
	Source      string
	Title       string
	URL         string
	Published   time.Time
	Read        bool
	Starred     bool
	Tags        []string // names as typed, in the order of the tags list (sortByTagName)
	Annotations int
}

// ArticleTag is a tag on an article.
type ArticleTag struct {
	Name   string
	Color  string
	ByRule bool
	Added  time.Time
}

// Tag is a tag with how many articles carry it.
type Tag struct {
	Name  string
	Color string
	Count int
}

// Annotation is a note on an article, on a passage when Quote is not empty.
// Quote, Prefix and Suffix are a W3C TextQuoteSelector over the plain text
// of the article's body (store/anchor).
type Annotation struct {
	ID        int64
	ArticleID int64
	Quote     string
	Prefix    string
	Suffix    string
	Note      string
	Created   time.Time
	Updated   time.Time
	// Orphaned is set when an update of the article's body took the quoted
	// passage away; the quote is kept as it was.
	Orphaned bool
}

// AnnotationRow is an annotation with what the annotation browser shows of
// its article.
type AnnotationRow struct {
	Annotation
	Title     string
	Source    string
	Published time.Time // zero when unknown
}

// Outcome is what importing one article did.
type Outcome int

const (
	Added Outcome = iota
	Updated
	Unchanged
	// Skipped is an article the reader deleted, which an import leaves
	// out (see DeleteArticles); a fetch counts it as unchanged.
	Skipped
)

func (o Outcome) String() string {
	switch o {
	case Added:
		return "added"
	case Updated:
		return "updated"
	case Skipped:
		return "skipped"
	default:
		return "unchanged"
	}
}

// ImportStats counts the outcomes of a batch.
type ImportStats struct {
	Added, Updated, Unchanged int
	Skipped                   int // deleted by the reader, left out
}

// FetchStats is what RecordFetch did with a fetch's articles: the counts,
// and each article's outcome, in the fetch's order.
type FetchStats struct {
	ImportStats
	Outcomes []Outcome
	// MergedInto is the address of the subscription the feed became, when
	// it moved for good to an address followed already; "" when it did not.
	MergedInto string
}

// Count adds outcomes to the counts.
func (st *ImportStats) Count(outs ...Outcome) {
	for _, o := range outs {
		switch o {
		case Added:
			st.Added++
		case Updated:
			st.Updated++
		case Skipped:
			st.Skipped++
		default:
			st.Unchanged++
		}
	}
}

// PageRequest asks for one page of the article list, newest first.
//
// Query is in the query language (store/query); empty matches everything.
// Paging is by keyset: Before returns rows older than that sort key, After
// returns rows newer than it (still returned newest first); both zero start at
// the newest article. FromEnd asks for the oldest page instead (the bottom of
// the list), still returned newest first.
type PageRequest struct {
	Query   string
	Before  int64
	After   int64
	Limit   int // 0 means DefaultPageSize
	FromEnd bool
	// Live reads Query as the live filter does: the word being typed at its
	// end is a prefix ("/ukr" already lists Ukraine).
	Live bool
}

// DefaultPageSize is the page size when a PageRequest gives none.
const DefaultPageSize = 100

// SavedSearch is a named query.
type SavedSearch struct {
	ID    int64
	Name  string
	Query string
}

// Rule tags the articles its query matches, on import and fetch.
type Rule struct {
	ID      int64
	Query   string
	Tags    []string
	Created time.Time
}

// Feed is a subscription.
type Feed struct {
	ID           int64
	URL          string
	Title        string
	SiteURL      string
	Tags         []string // given to every article from the feed
	IDBase       string   // the feed's first URL after it moved, else ""
	ETag         string
	LastModified string
	LastFetch    time.Time // zero before the first fetch
	LastError    string
}
