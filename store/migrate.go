package store

import (
	"context"
	"database/sql"
)

// migrations is append-only: a released migration is never edited, a change
// is a new entry. migrations[i] brings a library from version i to i+1; the
// version is kept in PRAGMA user_version.
//
// Articles are ordered newest first by sort_key, which packs the publication
// minute above the article id (see sortKey). The full-text index uses sort_key
// as its rowid, so "matching articles, newest first, the first 50" walks the
// FTS5 doclist backwards and stops early instead of sorting every match.
var migrations = []string{
	// 1: articles, tags, annotations, feeds, saved searches, rules.
	`
CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value INTEGER NOT NULL
) WITHOUT ROWID;
-- generation is bumped by every write transaction, so a running TUI can
-- notice with one cheap read that another process changed the library.
INSERT INTO meta(key, value) VALUES ('generation', 0);

CREATE TABLE feeds (
	id            INTEGER PRIMARY KEY,
	url           TEXT NOT NULL UNIQUE,
	title         TEXT NOT NULL DEFAULT '',
	site_url      TEXT NOT NULL DEFAULT '',
	tags          TEXT NOT NULL DEFAULT '[]', -- JSON array of default tags
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	last_fetch    INTEGER,                     -- unix seconds
	last_error    TEXT NOT NULL DEFAULT ''
);

CREATE TABLE articles (
	id           INTEGER PRIMARY KEY,
	external_id  TEXT NOT NULL UNIQUE,
	sort_key     INTEGER NOT NULL UNIQUE,
	source       TEXT NOT NULL DEFAULT '',
	feed_id      INTEGER REFERENCES feeds(id) ON DELETE SET NULL,
	title        TEXT NOT NULL DEFAULT '',
	url          TEXT NOT NULL DEFAULT '',
	author       TEXT NOT NULL DEFAULT '',
	published    INTEGER NOT NULL DEFAULT 0,   -- unix seconds, 0 when unknown
	added        INTEGER NOT NULL,             -- unix seconds
	updated      INTEGER NOT NULL,             -- unix seconds, last content change
	body         TEXT NOT NULL DEFAULT '',     -- Markdown
	content_hash TEXT NOT NULL DEFAULT '',     -- of the imported fields, to tell unchanged
	read_at      INTEGER,                      -- NULL while unread
	starred      INTEGER NOT NULL DEFAULT 0,
	retitled     INTEGER NOT NULL DEFAULT 0    -- title is the user's, keep it on re-import
);
CREATE INDEX articles_feed ON articles(feed_id, sort_key) WHERE feed_id IS NOT NULL;
CREATE INDEX articles_source ON articles(source COLLATE NOCASE);

CREATE TABLE tags (
	id    INTEGER PRIMARY KEY,
	name  TEXT NOT NULL UNIQUE COLLATE NOCASE,
	color TEXT NOT NULL DEFAULT ''
);

CREATE TABLE article_tags (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	tag_id     INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
	added      INTEGER NOT NULL,
	by_rule    INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX article_tags_tag ON article_tags(tag_id, article_id);

CREATE TABLE annotations (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	quote      TEXT NOT NULL DEFAULT '',
	prefix     TEXT NOT NULL DEFAULT '',
	suffix     TEXT NOT NULL DEFAULT '',
	note       TEXT NOT NULL DEFAULT '',
	created    INTEGER NOT NULL,
	updated    INTEGER NOT NULL
);
CREATE INDEX annotations_article ON annotations(article_id);
CREATE INDEX annotations_created ON annotations(created);

CREATE TABLE saved_searches (
	id    INTEGER PRIMARY KEY,
	name  TEXT NOT NULL UNIQUE COLLATE NOCASE,
	query TEXT NOT NULL
);

CREATE TABLE rules (
	id      INTEGER PRIMARY KEY,
	query   TEXT NOT NULL,
	tags    TEXT NOT NULL DEFAULT '[]',        -- JSON array
	created INTEGER NOT NULL
);
`,
	// 2: the full-text index. Contentless (the text lives in articles and
	// annotations), so the store writes every row itself: title, body, and the
	// article's annotation notes joined by newlines. rowid = articles.sort_key.
	// detail=column records which columns hold a term but not where: phrases
	// are checked by the store's tidings_phrase function on the candidates
	// FTS5 finds, and indexing is much faster. No prefix index: it would slow
	// every import by a third, and the live filter finds prefixes without it
	// (live.go). hashsize keeps an import batch's terms in memory until its
	// commit, written as one segment; pgsz fills the library's 16 KiB pages;
	// automerge 16 merges segments less often while importing.
	// docs/STORE.md has the measurements behind these choices.
	`
CREATE VIRTUAL TABLE article_fts USING fts5(
	title, body, notes,
	content = '',
	contentless_delete = 1,
	tokenize = 'unicode61 remove_diacritics 2',
	detail = column
);
INSERT INTO article_fts(article_fts, rank) VALUES ('hashsize', 67108864);
INSERT INTO article_fts(article_fts, rank) VALUES ('pgsz', 16000);
INSERT INTO article_fts(article_fts, rank) VALUES ('automerge', 16);
`,
	// 3: indexes for the filters that do not search words. Rows hold their
	// bodies, so reading a million of them to count the unread, the starred
	// or a source's articles takes seconds; these indexes answer from a few
	// megabytes. The source index covers source: (the source or the feed).
	`
CREATE INDEX articles_unread ON articles(sort_key, read_at) WHERE read_at IS NULL;
CREATE INDEX articles_starred ON articles(sort_key, starred) WHERE starred <> 0;
DROP INDEX articles_source;
CREATE INDEX articles_source ON articles(source COLLATE NOCASE, feed_id);
CREATE INDEX articles_list ON articles(sort_key, source, feed_id, read_at, starred);
`,
	// 4: a passage note whose quote is no longer in its article's body after
	// an update is orphaned: kept, with the quote it had, and marked so.
	`
ALTER TABLE annotations ADD COLUMN orphaned INTEGER NOT NULL DEFAULT 0;
`,
	// 5: a feed that moves for good keeps the address its articles' ids were
	// made from, so that they are not imported again under the new one.
	`
ALTER TABLE feeds ADD COLUMN id_base TEXT NOT NULL DEFAULT '';
`,
	// 6: the reader's state an imported file carried (tags, read, starred,
	// a title) the last time it was imported, so that importing the same
	// file again brings back nothing the reader has since undone.
	`
ALTER TABLE articles ADD COLUMN carried TEXT NOT NULL DEFAULT '';
`,
	// 7: every Chinese, Japanese and Korean character is a word by itself
	// in article_fts (store/ftstext.go); unicode61 alone had made a run of
	// them one word, in which no query could find a word. The articles
	// with such a character are indexed again, in Go: migrationCode.
	`-- 7: reindexCJK`,
	// 8: a feed named by the reader (an OPML file's outline) keeps that
	// name; a fetch no longer replaces it with the feed's own title. A feed
	// with a title but never fetched was named so: it keeps its name too.
	`
ALTER TABLE feeds ADD COLUMN named INTEGER NOT NULL DEFAULT 0;
UPDATE feeds SET named = 1 WHERE last_fetch IS NULL AND title <> '' AND title <> url;
`,
	// 9: tag names are composed (Unicode NFC), so that a name typed with
	// combining accents and one typed with accented letters are one tag.
	// Names stored in the other form are composed, and two tags that are
	// then one are merged (mergeTagForms): their articles, colour, feeds'
	// default tags and rules' tags.
	`-- 9: mergeTagForms`,
	// 10: the read articles by sort key, as migration 3 keeps the unread
	// and the starred: without it, is:read in a library where little is
	// read walked every article's row to find a page (8 s at 1,000,000).
	`
CREATE INDEX articles_read ON articles(sort_key, read_at) WHERE read_at IS NOT NULL;
`,
	// 11: tag names lose the characters that show nothing (joiners,
	// direction marks, soft hyphens, variation selectors...; see
	// feeds.NormalizeTags), so that "ukr\u200daine", which looks like
	// "ukraine", is "ukraine". Names stored with them lose them, and two
	// tags that are then one are merged as in migration 9 (dropTagMarks);
	// a tag of nothing but them is taken off its articles.
	`-- 11: dropTagMarks`,
	// 12: Greek letters are indexed bare, without the marks they are
	// written with (query.BareGreek), so that Αθήνα, αθηνα and ΑΘΗΝΑ are
	// one word whether the accents were precomposed or combining, as Latin
	// ones are. The articles with a Greek letter written with a mark are
	// indexed again, in Go: migrationCode.
	`-- 12: reindexGreek`,
	// 13: tag names are case-insensitive in every script, not in ASCII
	// alone: Été and été are one tag. Each tag keeps its name folded
	// (marks.FoldTag), unique, by which names are looked up and tag:
	// matches; tags that differ only in case are merged first, as in
	// migration 9 (mergeTagCases).
	`
ALTER TABLE tags ADD COLUMN folded TEXT NOT NULL DEFAULT '';
-- 13: mergeTagCases`,
	// 14: a body's character references (caf&eacute;, O&rsquo;Brien,
	// x &lt; y) are indexed as the characters they stand for, as the
	// reader shows them (shownBody). The articles with one are indexed
	// again, in Go: migrationCode.
	`-- 14: reindexReferences`,
	// 15: fullwidth letters and digits (Ｔｏｋｙｏ) and ligatures (ﬁnance)
	// are indexed as the letters they stand for (query.Compat). The
	// articles with one are indexed again, in Go: migrationCode.
	`-- 15: reindexCompat`,
	// 16: each feed keeps the normal form of its address (feeds.NormalizeURL),
	// indexed, so that a spelling of it finds the subscription with one probe
	// (store/feedurl.go); it was looked for among every feed on the host,
	// each normalised anew, and subscribing to 5,000 feeds on one host took
	// 17.5 s (1.2 s now). The feeds are given it in Go (repairFeedURLs). An
	// address changed by a tidings from before, or by another program, loses
	// it, to be given it again: a stale one would find the feed at its old
	// address. A plain column, not an index on an expression calling Go, so
	// that sqlite3 and other programs can still write the table.
	`
ALTER TABLE feeds ADD COLUMN url_normal TEXT NOT NULL DEFAULT '';
CREATE INDEX feeds_url_normal ON feeds(url_normal);
CREATE TRIGGER feeds_url_moved AFTER UPDATE OF url ON feeds
	WHEN NEW.url <> OLD.url AND NEW.url_normal = OLD.url_normal AND NEW.url_normal <> NEW.url
BEGIN
	UPDATE feeds SET url_normal = '' WHERE id = NEW.id;
END;
-- 16: repairFeedURLs`,
	// 17: the external ids of the articles the reader deleted (tidings
	// delete, the reader's D), with the title each had and when, so that
	// a fetch of their feed or an import of their file does not bring
	// them back (import --undelete does, and forgets them).
	`
CREATE TABLE deleted_articles (
	external_id TEXT PRIMARY KEY,
	title       TEXT NOT NULL DEFAULT '',
	deleted     INTEGER NOT NULL            -- unix seconds
) WITHOUT ROWID;
`,
	// 18: a feed that moved for good is found by the address it moved
	// from, any spelling of it, when no feed is at it now (feedIDByBase):
	// tidings fetch and feed remove name it so. The normal form of that
	// address is kept, indexed among the moved feeds; a move gives it from
	// the normal form the feed's address had (the trigger), and the feeds
	// without it are given it in Go (repairFeedBases).
	`
ALTER TABLE feeds ADD COLUMN id_base_normal TEXT NOT NULL DEFAULT '';
CREATE INDEX feeds_id_base_normal ON feeds(id_base_normal) WHERE id_base <> '';
CREATE TRIGGER feeds_id_base_set AFTER UPDATE OF id_base ON feeds
	WHEN NEW.id_base IS NOT OLD.id_base AND NEW.id_base_normal IS OLD.id_base_normal
BEGIN
	UPDATE feeds SET id_base_normal = CASE WHEN NEW.id_base = OLD.url AND OLD.url_normal <> ''
		THEN OLD.url_normal ELSE '' END WHERE id = NEW.id;
END;
-- 18: repairFeedBases`,
	// 19: feeds are matched by their address without the user name and
	// password it may carry (feeds.MatchURL), so that the same feed with
	// another password is found as the same feed. The feeds whose address,
	// or the address they moved from, has them (an '@' in it) are given
	// that normal form, in Go (repairCredentialForms); nothing else
	// changes, their articles' ids least of all.
	`-- 19: repairCredentialForms`,
	// 20: a host beyond ASCII is written as punycode in an address's
	// normal form (feeds.MatchURL), as a new subscription's address is; a
	// tidings from before percent-encoded it. The feeds whose address, or
	// the address they moved from, may have one (a '%' or a character
	// beyond ASCII in it) are given that normal form, in Go
	// (repairHostForms), so that any spelling finds them; their addresses,
	// and their articles' ids, stay as they were.
	`-- 20: repairHostForms`,
	// 21: words are found however their letters are written: text is
	// indexed composed (NFC, so decomposed Korean and kana are the
	// syllables they show), halfwidth katakana as katakana, without the
	// vowel points of Arabic and Hebrew, and with ß, æ, œ, ø, đ, ł and the
	// Turkish ı as ss, ae, oe, o, d, l and i (query.IndexForm). The
	// articles with such a character are indexed again, in Go:
	// migrationCode.
	`-- 21: reindexFolds`,
	// 22: a word split by marks of emphasis or strikethrough inside it
	// (The **Ukr**aine story) is indexed as the word the reader shows
	// (shownBody). The articles with such a mark are indexed again, in Go:
	// migrationCode.
	`-- 22: reindexMarks`,
	// 23: a tag name is kept to feeds.MaxLineLength characters however
	// it is written in (keptTagNames), as an import had cut it: tidings
	// tag had kept a longer one whole, which an export of it brought back
	// cut, as a second tag. Longer names are cut, and two tags that are
	// then one are merged as in migration 9, feeds' default tags and
	// rules' tags too (cutLongTags).
	`-- 23: cutLongTags`,
	// 24: two rules that do the same once migration 23 cut their tags are
	// one, the older kept and the other's id not given again; titles of the
	// reader's (retitled) kept whole as long as tags were are cut as
	// Retitle cuts them, and indexed again (mergeRulesAndCutTitles). A migration of
	// its own, as libraries at version 23 had run 23 without these.
	`-- 24: mergeRulesAndCutTitles`,
}

// migrationCode is what a migration does beyond its SQL, in Go and in the
// same transaction: migrationCode[v] runs after migrations[v-1]. A new
// library runs it too, with nothing to do.
var migrationCode = map[int]func(context.Context, *sql.Tx) error{
	7:  reindexCJK,
	9:  mergeTagForms,
	11: dropTagMarks,
	12: reindexGreek,
	13: mergeTagCases,
	14: reindexReferences,
	15: reindexCompat,
	16: repairFeedURLs,
	18: repairFeedBases,
	19: repairCredentialForms,
	20: repairHostForms,
	21: reindexFolds,
	22: reindexMarks,
	23: cutLongTags,
	24: mergeRulesAndCutTitles,
}

// migrate applies migration v (from 1) in tx.
func migrate(ctx context.Context, tx *sql.Tx, v int) error {
	if _, err := tx.ExecContext(ctx, migrations[v-1]); err != nil {
		return err
	}
	if code := migrationCode[v]; code != nil {
		return code(ctx, tx)
	}
	return nil
}
