package ui

import (
	"context"

	"tidings/store"
)

// Library is what the UI needs of a library; *store.Store satisfies it.
// Every call is made from a tea.Cmd, never from Update or View.
type Library interface {
	// Page returns one page of the article list, newest first (keyset paging).
	Page(ctx context.Context, req store.PageRequest) ([]store.Row, error)
	// Count returns how many articles match a query.
	Count(ctx context.Context, query string) (int, error)
	// CountLive returns how many articles match a query read as the live
	// filter reads it (PageRequest.Live).
	CountLive(ctx context.Context, query string) (int, error)
	// Total returns how many articles the library holds.
	Total(ctx context.Context) (int, error)
	// Article returns one article with its body, tags and annotation count.
	Article(ctx context.Context, id int64) (store.Article, error)
	// Generation changes whenever any process writes to the library.
	Generation(ctx context.Context) (int64, error)
	// SetRead marks articles read or unread.
	SetRead(ctx context.Context, ids []int64, read bool) error
	// SetReadQueryUpTo marks every article a query matches, of those up to
	// id upTo (LastArticleID), read or unread and returns how many it
	// changed.
	SetReadQueryUpTo(ctx context.Context, query string, read bool, upTo int64) (int, error)
	// CountUpTo returns how many articles up to id upTo match a query.
	CountUpTo(ctx context.Context, query string, upTo int64) (int, error)
	// LastArticleID returns the highest article id; articles added later
	// have higher ones.
	LastArticleID(ctx context.Context) (int64, error)
	// Missing returns those of ids that name no article (deleted).
	Missing(ctx context.Context, ids []int64) ([]int64, error)
	// SetStarred stars or unstars articles.
	SetStarred(ctx context.Context, ids []int64, starred bool) error
	// DeleteArticles deletes articles with their tags and notes, which
	// fetches and imports then leave out, and says what it deleted.
	DeleteArticles(ctx context.Context, ids []int64) (store.Deleted, error)
	// TagChanges adds and removes tags on articles, and says what it
	// changed: each tag as the library spells it.
	TagChanges(ctx context.Context, ids []int64, add, remove []string) (store.Tagging, error)
	// TagQueryChanges adds and removes tags on every article a query
	// matches, and says how many it matches and what it changed.
	TagQueryChanges(ctx context.Context, query string, add, remove []string) (store.Tagging, error)
	// Tags returns every tag with its colour and how many articles carry it.
	Tags(ctx context.Context) ([]store.Tag, error)
	// SuggestTags returns up to n tags for an article: those of the articles
	// most like it, which it does not have yet.
	SuggestTags(ctx context.Context, id int64, n int) ([]string, error)
	// SavedSearches returns the saved searches by name.
	SavedSearches(ctx context.Context) ([]store.SavedSearch, error)
	// SaveSearch saves a query under a name, replacing one of that name.
	SaveSearch(ctx context.Context, name, query string) error
	// DeleteSearch deletes the saved search of that name.
	DeleteSearch(ctx context.Context, name string) error
	// Annotations returns an article's annotations, oldest first.
	Annotations(ctx context.Context, articleID int64) ([]store.Annotation, error)
	// AllAnnotations returns the annotations of the articles matching a
	// query, newest first, with their articles' titles; limit 0 means all.
	AllAnnotations(ctx context.Context, query string, limit int) ([]store.AnnotationRow, error)
	// AddAnnotation adds a note to an article, on a passage when its
	// Quote is set, and returns it with its id and times.
	AddAnnotation(ctx context.Context, a store.Annotation) (store.Annotation, error)
	// EditNote changes an annotation's note if it still says was, the text
	// the edit started from; store.ErrNoteChanged (with the annotation as it
	// is now) when it says something else, store.ErrNotFound when deleted.
	EditNote(ctx context.Context, id int64, was, note string) (store.Annotation, error)
	// DeleteAnnotation deletes an annotation.
	DeleteAnnotation(ctx context.Context, id int64) error
	// Feeds returns the subscriptions with their last fetch and error.
	Feeds(ctx context.Context) ([]store.Feed, error)
	// FeedCounts returns each feed's articles and unread articles, by id.
	FeedCounts(ctx context.Context) (map[int64]store.FeedCount, error)
	// ReadOnly reports whether writes are refused.
	ReadOnly() bool
}
