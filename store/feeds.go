package store

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	neturl "net/url"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"tidings/feeds"
)

// AddFeed subscribes to a feed and returns the subscription: see Subscribe.
func (s *Store) AddFeed(ctx context.Context, f Feed) (Feed, error) {
	sub, err := s.Subscribe(ctx, f)
	return sub.Feed, err
}

// Subscribed is what Subscribe did.
type Subscribed struct {
	Feed      Feed     // the subscription as stored
	New       bool     // false when the URL was subscribed already
	AddedTags []string // the tags given that it did not have
	Renamed   string   // the name it had, when one given replaced it
	// TakenBack is how many articles a new subscription took back: those
	// its address brought before, kept when it was unsubscribed from.
	TakenBack int
	// Recredentialed: the feed was subscribed already under another user
	// name or password, and is fetched with those given from now on.
	Recredentialed bool
	// MergedTwins is how many other subscriptions to the feed, with other
	// passwords (a tidings from before subscribed again when the password
	// changed), SubscribeWithCredentials made one with it.
	MergedTwins int
}

// Subscribe subscribes to the feed at f.URL with f's title, site and
// default tags. A feed subscribed already (under f.URL, or an address that
// normalises alike: see FeedByURL) keeps what it has, its address too: it
// gains the tags it did not have (and so do the articles it has brought),
// and takes f's title and site only where f gives them. A new subscription
// is stored under the normal form of f.URL (feeds.NormalizeURL). A title
// given (an OPML outline's) names the feed: fetches keep it, as they keep
// a name newsboat's urls file gives. A feed subscribed already that has a
// name of the user's own (feed rename, a urls file's "~name") keeps it:
// an OPML outline's title, which tidings' own export writes for a title
// the feed gave itself as well, is no name the user chose over it, and a
// backup of the subscriptions made before a rename does not undo it
// (SubscribeNamed gives such a feed the title given). A new subscription
// takes back what its address brought before (see takeBack).
//
// An address's user name and password (basic authentication) are not the
// feed's identity: the feed subscribed to with another password is found
// (FeedByURL) and keeps the ones it has (an OPML file of long ago does not
// put back an old password; SubscribeWithCredentials gives it the new
// ones), and a new subscription's articles' ids are made of its address
// without them (see credentialedBase).
func (s *Store) Subscribe(ctx context.Context, f Feed) (Subscribed, error) {
	return s.subscribe(ctx, f, false, false)
}

// SubscribeNamed is Subscribe for a title the user wrote as the feed's
// name (newsboat's urls file's "~name"): it names a feed subscribed
// already even when the feed has a name of the user's own.
func (s *Store) SubscribeNamed(ctx context.Context, f Feed) (Subscribed, error) {
	return s.subscribe(ctx, f, false, true)
}

// SubscribeWithCredentials is Subscribe (tidings feed add) that gives a
// feed subscribed already under another user name or password those of
// f.URL: it is fetched with them from now on, its articles' ids as they
// were (Recredentialed).
func (s *Store) SubscribeWithCredentials(ctx context.Context, f Feed) (Subscribed, error) {
	return s.subscribe(ctx, f, true, false)
}

// subscribe is Subscribe, with credentials SubscribeWithCredentials, and
// with userName SubscribeNamed.
func (s *Store) subscribe(ctx context.Context, f Feed, credentials, userName bool) (Subscribed, error) {
	f.URL = strings.TrimSpace(feeds.CleanLine(f.URL))
	if f.URL == "" {
		return Subscribed{}, errors.New("store: add feed: no URL")
	}
	f.Title, f.SiteURL = feeds.CleanLine(f.Title), feeds.CleanLine(f.SiteURL)
	given := keptTagNames(f.Tags)
	var out Subscribed
	err := s.tx(ctx, func(tx *sql.Tx) error {
		out = Subscribed{}
		if err := repairFeeds(ctx, tx); err != nil {
			return err
		}
		old, err := feedByURL(ctx, tx, f.URL)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			out.New, out.AddedTags = true, given
			old = Feed{URL: feeds.NormalizeURL(f.URL)}
		case err != nil:
			return err
		}
		merged := feeds.NormalizeTags(append(slices.Clone(old.Tags), given...))
		if !out.New {
			out.AddedTags = merged[len(feeds.NormalizeTags(old.Tags)):]
		}
		if merged == nil {
			merged = []string{}
		}
		sub := old
		sub.Tags = merged
		if !out.New && f.Title != "" && !userName {
			ownName, err := namedByUser(ctx, tx, old.ID)
			if err != nil {
				return err
			}
			if ownName && old.Title != "" {
				f.Title = "" // the user's name stays
			}
		}
		if f.Title != "" {
			if !out.New && old.Title != "" && old.Title != f.Title {
				out.Renamed = old.Title
			}
			sub.Title = f.Title
		}
		if f.SiteURL != "" {
			sub.SiteURL = f.SiteURL
		}
		enc, err := json.Marshal(sub.Tags)
		if err != nil {
			return err
		}
		// A title that is only the address names nothing (exporters write
		// one for a feed without a title), nor does the title the feed
		// has already (tidings' own export gives the feed's own title):
		// a fetch that finds the feed retitled still takes its new title.
		named := f.Title != "" && f.Title != f.URL && f.Title != sub.URL && (out.New || f.Title != old.Title)
		bases := []string{f.URL, sub.URL}
		if out.New {
			if feeds.HasUserinfo(sub.URL) {
				if bases, err = credentialedBase(ctx, tx, sub.URL, f.URL); err != nil {
					return err
				}
				if bases[0] != sub.URL {
					sub.IDBase = bases[0]
				}
			}
			err = tx.QueryRowContext(ctx, `INSERT INTO feeds(url, url_normal, title, site_url, tags, named, id_base, id_base_normal)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
				sub.URL, feeds.MatchURL(sub.URL), sub.Title, sub.SiteURL, string(enc), named,
				sub.IDBase, feeds.MatchURL(sub.IDBase)).Scan(&sub.ID)
		} else {
			_, err = tx.ExecContext(ctx, `UPDATE feeds SET title = ?, site_url = ?, tags = ?, named = max(named, ?) WHERE id = ?`,
				sub.Title, sub.SiteURL, string(enc), named, sub.ID)
			if err == nil && credentials {
				out.Recredentialed, err = recredential(ctx, tx, &sub, f.URL)
			}
		}
		if err != nil {
			return err
		}
		out.Feed = sub
		if out.New {
			out.TakenBack, err = takeBack(ctx, tx, sub.ID, sub.Tags, bases...)
			return err
		}
		// What the feed brought before gets its new tags now, as what it
		// brings from now on will.
		now := time.Now().Unix()
		for _, name := range out.AddedTags {
			id, err := tagID(ctx, tx, name)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO article_tags(article_id, tag_id, added, by_rule)
				SELECT id, ?, ?, 0 FROM articles WHERE feed_id = ?
				ON CONFLICT(article_id, tag_id) DO NOTHING`, id, now, sub.ID); err != nil {
				return err
			}
			if err := forgetUnused(ctx, tx, id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return Subscribed{}, fmt.Errorf("store: add feed %s: %w", feeds.ShownURL(f.URL), err)
	}
	if credentials && !out.New && feeds.ShownURL(f.URL) != f.URL {
		// Given with a password, the feed is the one subscription that
		// has it: the others to it, with other passwords, are merged
		// into it, their articles its own (one copy of an article both
		// had), as a feed that moved is into the one at its new address.
		twins, err := s.Twins(ctx, out.Feed.URL)
		if err != nil {
			return out, fmt.Errorf("store: add feed %s: %w", feeds.ShownURL(f.URL), err)
		}
		for _, t := range twins {
			if t.ID == out.Feed.ID {
				continue
			}
			if _, err := s.mergeMoved(ctx, t.ID, out.Feed.URL); err != nil {
				return out, fmt.Errorf("store: add feed %s: %w", feeds.ShownURL(f.URL), err)
			}
			out.MergedTwins++
		}
	}
	return out, nil
}

// Twins returns every subscription to the feed at url, by id (their ids
// and addresses only): those whose
// address is url with any user name and password, or none
// (feeds.MatchURL). A library holds more than one when a tidings from
// before subscribed to a feed again when its password changed.
func (s *Store) Twins(ctx context.Context, url string) ([]Feed, error) {
	return twins(ctx, s.db, url)
}

// twins is Twins, read by q.
func twins(ctx context.Context, q querier, url string) ([]Feed, error) {
	norm := feeds.MatchURL(url)
	if hostOf(norm) == "" {
		return nil, nil
	}
	rows, err := q.QueryContext(ctx, `SELECT id, url FROM feeds WHERE url_normal = ? OR url_normal = '' ORDER BY id`, norm)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Feed
	for rows.Next() {
		var f Feed
		if err := rows.Scan(&f.ID, &f.URL); err != nil {
			return nil, err
		}
		if feeds.MatchURL(f.URL) == norm {
			out = append(out, f)
		}
	}
	return out, rows.Err()
}

// takeBackSQL gives feed ?1 the articles of no feed whose external ids lie
// between ?2 and ?3.
const takeBackSQL = `UPDATE articles SET feed_id = ?1
	WHERE external_id >= ?2 AND external_id < ?3 AND feed_id IS NULL`

// takeBack gives the new subscription id the articles of no feed that one
// of its addresses (as given, in its normal form) brought: a feed
// unsubscribed from, its articles kept, and subscribed to again has them
// all again, those its feed no longer serves too. They are those whose ids
// a fetch of the address made, "feed:<address>#<key>" (feeds.ParseFeed),
// found by a range of the index of external ids. They get the feed's
// tags, as what it brings does; what the reader did to them stays as it
// was. It returns how many it took back.
func takeBack(ctx context.Context, tx *sql.Tx, id int64, tags []string, addresses ...string) (int, error) {
	var taken int64
	for i, a := range addresses {
		if slices.Contains(addresses[:i], a) {
			continue
		}
		// Every id that begins "feed:<address>#", and no other: '$' is
		// the character after '#'.
		res, err := tx.ExecContext(ctx, takeBackSQL, id, "feed:"+a+"#", "feed:"+a+"$")
		if err != nil {
			return 0, err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return 0, err
		}
		taken += n
	}
	if taken == 0 {
		return 0, nil
	}
	now := time.Now().Unix()
	for _, name := range tags {
		tag, err := tagID(ctx, tx, name)
		if err != nil {
			return 0, err
		}
		// The feed is new: its articles are those it took.
		if _, err := tx.ExecContext(ctx, `INSERT INTO article_tags(article_id, tag_id, added, by_rule)
			SELECT id, ?, ?, 0 FROM articles WHERE feed_id = ?
			ON CONFLICT(article_id, tag_id) DO NOTHING`, tag, now, id); err != nil {
			return 0, err
		}
	}
	return int(taken), nil
}

// credentialedBase is what the articles' ids of a new subscription to url,
// an address with a user name or password (given spelled so), are made
// of, first, and after it the other addresses whose articles of no feed it
// takes back. The ids are made of the address without them (MatchURL):
// the same feed subscribed to again with another password is the same
// feed, and its ids hold no password. But when the articles a removed
// subscription to it left were given ids by a tidings that made them of
// the address with its password (any password, the user name the same),
// its ids go on being made so, of the address that brought the most, so
// that they are not all brought again. They are found by ranges of the
// index of external ids.
func credentialedBase(ctx context.Context, tx *sql.Tx, url, given string) ([]string, error) {
	bare := feeds.MatchURL(url)
	counts := map[string]int{}
	count := func(base string) error {
		if _, seen := counts[base]; seen {
			return nil
		}
		var n int
		err := tx.QueryRowContext(ctx, `SELECT count(*) FROM articles
			WHERE external_id >= ? AND external_id < ? AND feed_id IS NULL`, "feed:"+base+"#", "feed:"+base+"$").Scan(&n)
		counts[base] = n
		return err
	}
	for _, b := range []string{bare, url, given} {
		if err := count(b); err != nil {
			return nil, err
		}
	}
	// Ids made of the address with the user name and another password.
	if u, err := neturl.Parse(url); err == nil && u.User != nil && u.User.Username() != "" {
		from := "feed:" + u.Scheme + "://" + neturl.User(u.User.Username()).String() + ":"
		rows, err := tx.QueryContext(ctx, `SELECT substr(external_id, 6, instr(external_id, '#') - 6), count(*)
			FROM articles WHERE external_id >= ? AND external_id < ? AND feed_id IS NULL
			AND instr(external_id, '#') > 0 GROUP BY 1`, from, from[:len(from)-1]+";")
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var base string
			var n int
			if err := rows.Scan(&base, &n); err != nil {
				rows.Close()
				return nil, err
			}
			if _, seen := counts[base]; !seen && feeds.MatchURL(base) == bare {
				counts[base] = n
			}
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
	}
	others := slices.Sorted(maps.Keys(counts))
	best := bare
	for _, b := range others {
		if counts[b] > counts[best] {
			best = b
		}
	}
	bases := []string{best}
	for _, b := range others {
		if b != best && counts[b] > 0 {
			bases = append(bases, b)
		}
	}
	return bases, nil
}

// recredential gives the subscription sub, found by address given, the
// user name and password given with it, when it has others: its address
// becomes its own with those. Its articles' ids are made of what they
// were made of (its address before, when it had no id_base). An address
// given without a password (as tidings shows one: ShownURL) with the
// user name it has, or without either, changes nothing. It reports
// whether it changed the address.
func recredential(ctx context.Context, tx *sql.Tx, sub *Feed, given string) (bool, error) {
	g, err := neturl.Parse(feeds.NormalizeURL(given))
	if err != nil || g.User == nil {
		return false, nil
	}
	u, err := neturl.Parse(sub.URL)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return false, nil
	}
	if _, password := g.User.Password(); u.User != nil &&
		(u.User.String() == g.User.String() || !password && u.User.Username() == g.User.Username()) {
		return false, nil
	}
	u.User = g.User
	newURL := u.String()
	// The address's normal form stays as it was; emptied first, so that
	// the trigger for addresses changed by other programs leaves it be.
	res, err := tx.ExecContext(ctx, `UPDATE feeds SET url = ?, url_normal = '',
		id_base = CASE WHEN id_base = '' THEN url ELSE id_base END
		WHERE id = ? AND NOT EXISTS (SELECT 1 FROM feeds WHERE url = ?)`, newURL, sub.ID, newURL)
	if err != nil {
		return false, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE feeds SET url_normal = ? WHERE id = ?`, feeds.MatchURL(newURL), sub.ID); err != nil {
		return false, err
	}
	if sub.IDBase == "" {
		sub.IDBase = sub.URL
	}
	sub.URL = newURL
	return true, nil
}

// querier is what reads run on: the database, or a transaction.
type querier interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
	QueryRowContext(context.Context, string, ...any) *sql.Row
}

// FeedByURL returns the subscription to url (ErrNotFound when there is
// none). An address spelled otherwise finds it too when both normalise
// alike (feeds.NormalizeURL: "HTTP://Example.com:80/feed#top" is
// "http://example.com/feed"), whatever form the library stored it in, and
// one with another user name or password, or none (feeds.MatchURL); so
// does the address a feed that moved for good (301, 308) was subscribed
// at, when no feed is at it now.
func (s *Store) FeedByURL(ctx context.Context, url string) (Feed, error) {
	f, err := feedByURL(ctx, s.db, url)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return Feed{}, ErrNotFound
	case err != nil:
		return Feed{}, fmt.Errorf("store: feed %s: %w", url, err)
	}
	return f, nil
}

// feedIDByURL finds the subscription to url: the one stored under exactly
// url, else under its normal form, else the first (by id) stored under
// another spelling of it (a library from before normalising may hold one),
// else the first that moved from any spelling of it (feeds.id_base);
// sql.ErrNoRows when none. Exact matches come first, so a library holding
// two spellings of one address finds each under its own, and the feeds at
// an address now before one that was there. The last steps look the
// normal form up in feeds.url_normal (feedIDBySpelling) and
// feeds.id_base_normal (feedIDByBase).
func feedIDByURL(ctx context.Context, q querier, url string) (int64, error) {
	url = strings.TrimSpace(url)
	var id int64
	for _, u := range []string{url, feeds.NormalizeURL(url)} {
		err := q.QueryRowContext(ctx, `SELECT id FROM feeds WHERE url = ?`, u).Scan(&id)
		if !errors.Is(err, sql.ErrNoRows) {
			return id, err
		}
	}
	norm := feeds.MatchURL(url)
	if hostOf(norm) == "" {
		return 0, sql.ErrNoRows
	}
	id, err := feedIDBySpelling(ctx, q, norm)
	if !errors.Is(err, sql.ErrNoRows) {
		return id, err
	}
	return feedIDByBase(ctx, q, norm)
}

// hostOf is the host name of an http(s) URL, "" for anything else.
func hostOf(raw string) string {
	u, err := neturl.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return u.Hostname()
}

// likeEscaper escapes what LIKE reads as wildcards, with \ as the escape.
var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// feedByURL reads the subscription to url, found as feedIDByURL finds it;
// sql.ErrNoRows when none.
func feedByURL(ctx context.Context, q querier, url string) (Feed, error) {
	id, err := feedIDByURL(ctx, q, url)
	if err != nil {
		return Feed{}, err
	}
	var f Feed
	var tags string
	var fetched int64
	err = q.QueryRowContext(ctx, `SELECT id, url, title, site_url, tags, etag, last_modified,
		coalesce(last_fetch, 0), last_error, id_base FROM feeds WHERE id = ?`, id).
		Scan(&f.ID, &f.URL, &f.Title, &f.SiteURL, &tags, &f.ETag, &f.LastModified, &fetched, &f.LastError, &f.IDBase)
	if err != nil {
		return Feed{}, err
	}
	if err := json.Unmarshal([]byte(tags), &f.Tags); err != nil {
		return Feed{}, fmt.Errorf("feed %s: tags: %w", f.URL, err)
	}
	f.LastFetch = fromUnix(fetched)
	return f, nil
}

// namedByUser reports whether the feed with id has a name of the user's
// own (feed rename, a urls file's "~name", an OPML outline's title given
// when it was subscribed) rather than the title it gave itself.
func namedByUser(ctx context.Context, q querier, id int64) (bool, error) {
	var named bool
	err := q.QueryRowContext(ctx, `SELECT named FROM feeds WHERE id = ?`, id).Scan(&named)
	return named, err
}

// Feeds returns the subscriptions by title, then URL, in the order of
// sortFeeds.
func (s *Store) Feeds(ctx context.Context) ([]Feed, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, url, title, site_url, tags, etag, last_modified,
		coalesce(last_fetch, 0), last_error, id_base FROM feeds`)
	if err != nil {
		return nil, fmt.Errorf("store: feeds: %w", err)
	}
	defer rows.Close()
	var out []Feed
	for rows.Next() {
		var f Feed
		var tags string
		var fetched int64
		if err := rows.Scan(&f.ID, &f.URL, &f.Title, &f.SiteURL, &tags, &f.ETag, &f.LastModified,
			&fetched, &f.LastError, &f.IDBase); err != nil {
			return nil, fmt.Errorf("store: feeds: %w", err)
		}
		if err := json.Unmarshal([]byte(tags), &f.Tags); err != nil {
			return nil, fmt.Errorf("store: feed %s: tags: %w", f.URL, err)
		}
		f.LastFetch = fromUnix(fetched)
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: feeds: %w", err)
	}
	sortFeeds(out)
	return out, nil
}

// sortFeeds puts feeds in alphabetical order of their titles, in any case,
// as Unicode's collation orders words in no language in particular, with
// the numbers in them read as numbers ("Misc 2" before "Misc 10", as a file
// manager lists them); feeds of one title by their addresses.
func sortFeeds(fs []Feed) {
	col := collate.New(language.Und, collate.Numeric, collate.IgnoreCase)
	var buf collate.Buffer
	type keyed struct {
		title []byte
		feed  Feed
	}
	ks := make([]keyed, len(fs))
	for i, f := range fs {
		ks[i] = keyed{col.KeyFromString(&buf, f.Title), f}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		return cmp.Or(bytes.Compare(a.title, b.title), strings.Compare(a.feed.URL, b.feed.URL))
	})
	for i, k := range ks {
		fs[i] = k.feed
	}
}

// Removed is what RemoveFeed did.
type Removed struct {
	Articles int // the feed's articles
	Deleted  int // those deleted (with purge)
	Kept     int // those kept with purge, for what the reader did to them
	// Why they were kept; an article may count under several.
	Starred, Annotated, Tagged, Retitled int
	// Twins is how many other subscriptions to the feed, with other
	// passwords (a tidings from before subscribed again when the password
	// changed), were removed with it.
	Twins int
}

// keptByReader is true of an article (a) the reader has done something to
// that purging its feed must not throw away: starred, annotated, retitled,
// or tagged by the reader — not by a rule, and with none of the feed's own
// default tags (the first argument, a JSON array).
const keptByReader = `(a.starred <> 0 OR a.retitled <> 0
	OR EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = a.id)
	OR EXISTS (SELECT 1 FROM article_tags x JOIN tags t ON t.id = x.tag_id
		WHERE x.article_id = a.id AND x.by_rule = 0
		AND t.folded NOT IN (SELECT tidings_fold_tag(value) FROM json_each(?))))`

// RemoveFeed removes the subscription to url, found as FeedByURL finds it
// (ErrNotFound when there is none): a feed that moved for good, by the
// address it moved from too. Its articles stay, no longer linked to
// a feed, unless purge is set: then those the reader has done nothing to
// are deleted, and those starred, annotated, retitled or tagged by the
// reader stay, no longer linked to a feed, as every article does without
// purge.
func (s *Store) RemoveFeed(ctx context.Context, url string, purge bool) (Removed, error) {
	var r Removed
	err := s.tx(ctx, func(tx *sql.Tx) error {
		r = Removed{}
		if err := repairFeeds(ctx, tx); err != nil {
			return err
		}
		first, err := feedIDByURL(ctx, tx, url)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		var at string
		if err := tx.QueryRowContext(ctx, `SELECT url FROM feeds WHERE id = ?`, first).Scan(&at); err != nil {
			return err
		}
		ids := []int64{first}
		if all, err := twins(ctx, tx, at); err != nil {
			return err
		} else if len(all) > 1 {
			ids = ids[:0]
			for _, t := range all {
				ids = append(ids, t.ID)
			}
		}
		r.Twins = len(ids) - 1
		for _, id := range ids {
			if err := removeFeed(ctx, tx, id, purge, &r); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return Removed{}, fmt.Errorf("store: unsubscribe %s: %w", feeds.ShownURL(url), err)
	}
	return r, nil
}

// removeFeed removes the subscription id, as RemoveFeed does, adding what
// it did to r.
func removeFeed(ctx context.Context, tx *sql.Tx, id int64, purge bool, r *Removed) error {
	var tags string
	if err := tx.QueryRowContext(ctx, `SELECT tags FROM feeds WHERE id = ?`, id).Scan(&tags); err != nil {
		return err
	}
	if !json.Valid([]byte(tags)) {
		tags = "[]"
	}
	var articles int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE feed_id = ?`, id).Scan(&articles); err != nil {
		return err
	}
	r.Articles += articles
	if purge && articles > 0 {
		var kept, starred, annotated, tagged, retitled int
		err := tx.QueryRowContext(ctx, `SELECT count(*),
			coalesce(sum(a.starred <> 0), 0),
			coalesce(sum(EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = a.id)), 0),
			coalesce(sum(EXISTS (SELECT 1 FROM article_tags x JOIN tags t ON t.id = x.tag_id
				WHERE x.article_id = a.id AND x.by_rule = 0
				AND t.folded NOT IN (SELECT tidings_fold_tag(value) FROM json_each(?)))), 0),
			coalesce(sum(a.retitled <> 0), 0)
			FROM articles a WHERE a.feed_id = ? AND `+keptByReader, tags, id, tags).
			Scan(&kept, &starred, &annotated, &tagged, &retitled)
		if err != nil {
			return err
		}
		if err := deleteArticles(ctx, tx, `SELECT a.id FROM articles a WHERE a.feed_id = ? AND NOT `+keptByReader, id, tags); err != nil {
			return err
		}
		r.Kept, r.Starred, r.Annotated, r.Tagged, r.Retitled = r.Kept+kept, r.Starred+starred, r.Annotated+annotated, r.Tagged+tagged, r.Retitled+retitled
		r.Deleted += articles - kept
		// Tags left on no article go, as when the reader takes a tag off.
		if _, err := tx.ExecContext(ctx, `DELETE FROM tags WHERE color = ''
			AND NOT EXISTS (SELECT 1 FROM article_tags WHERE tag_id = tags.id)`); err != nil {
			return err
		}
	}
	// The articles left lose their feed (ON DELETE SET NULL).
	_, err := tx.ExecContext(ctx, `DELETE FROM feeds WHERE id = ?`, id)
	return err
}
