package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"tidings/feeds"
)

// RenameFeed gives the subscription to url (found as FeedByURL finds it;
// ErrNotFound when there is none) the title name, cleaned as titles are
// kept: the feed list, the # panel and feed: and source: know it by it, and
// fetches keep it, as they keep the name an OPML file or newsboat's urls
// file gave. The other subscriptions to the feed, with other passwords
// (Twins), are named alike. It returns the subscription as it is now, and
// the title it had.
func (s *Store) RenameFeed(ctx context.Context, url, name string) (renamed Feed, was string, err error) {
	name = strings.TrimSpace(feeds.CleanLine(name))
	if name == "" {
		return Feed{}, "", errors.New("store: rename feed: no name")
	}
	renamed, err = s.editFeed(ctx, url, func(tx *sql.Tx, id int64, first bool) error {
		if first {
			if err := tx.QueryRowContext(ctx, `SELECT title FROM feeds WHERE id = ?`, id).Scan(&was); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, `UPDATE feeds SET title = ?, named = 1 WHERE id = ?`, name, id)
		return err
	})
	if err != nil {
		return Feed{}, "", fmt.Errorf("store: rename feed %s: %w", feeds.ShownURL(url), err)
	}
	return renamed, was, nil
}

// TagFeed gives the subscription to url (found as FeedByURL finds it;
// ErrNotFound when there is none), and its twins, the tags it does not
// have: every article it brought gets them now, and every one it brings
// from now on. It returns the subscription as it is now, and the tags it
// gained, as it spells them (none when it had them all). No rule tags the
// articles: TagFeedWithRules does, as tidings feed tag does.
func (s *Store) TagFeed(ctx context.Context, url string, tags []string) (tagged Feed, added []string, err error) {
	tagged, added, _, err = s.TagFeedWithRules(ctx, url, tags, nil)
	return tagged, added, err
}

// TagFeedWithRules is TagFeed, which then has the rules tag the articles
// that gained a tag, in the same transaction, as the articles the feed
// brings with the tag are tagged when they arrive: rules chain through
// tags, and a rule keyed on a tag given (tag:emacs) tags them too. No
// other article is ruled over. ruled is what each rule did to them,
// indexed as rules; the rules left out (RulesLeftOut) are passed over, as
// a fetch passes them over.
func (s *Store) TagFeedWithRules(ctx context.Context, url string, tags []string, rules []Rule) (tagged Feed, added []string, ruled []Tagging, err error) {
	given := keptTagNames(tags)
	strata, _ := prepareStrata(rules)
	var arrivals []int64 // the articles that gained a tag
	tagged, err = s.editFeedThen(ctx, url, func(tx *sql.Tx, id int64, first bool) error {
		if first {
			arrivals = nil
		}
		had, err := feedTags(ctx, tx, id)
		if err != nil {
			return err
		}
		merged := feeds.NormalizeTags(append(slices.Clone(had), given...))
		gained := merged[len(had):]
		if first {
			added = gained
		}
		if len(gained) == 0 {
			return nil
		}
		if err := setFeedTags(ctx, tx, id, merged); err != nil {
			return err
		}
		now := time.Now().Unix()
		for _, name := range gained {
			tag, err := tagID(ctx, tx, name)
			if err != nil {
				return err
			}
			ids, err := targets(ctx, tx, `INSERT INTO article_tags(article_id, tag_id, added, by_rule)
				SELECT id, ?, ?, 0 FROM articles WHERE feed_id = ?
				ON CONFLICT(article_id, tag_id) DO NOTHING RETURNING article_id`, tag, now, id)
			if err != nil {
				return err
			}
			arrivals = append(arrivals, ids...)
			// A feed with no articles yet leaves the tag on none.
			if err := forgetUnused(ctx, tx, tag); err != nil {
				return err
			}
		}
		return nil
	}, func(tx *sql.Tx) error {
		ruled = nil
		if len(arrivals) == 0 || len(strata) == 0 {
			return nil
		}
		slices.Sort(arrivals)
		inTx := func(fn func(*sql.Tx) error) error { return fn(tx) }
		var err error
		ruled, err = applyStrata(ctx, strata, len(rules), inTx, slices.Compact(arrivals))
		return err
	})
	if err != nil {
		return Feed{}, nil, nil, fmt.Errorf("store: tag feed %s: %w", feeds.ShownURL(url), err)
	}
	return tagged, added, ruled, nil
}

// UntagFeed takes tags off the subscription to url (found as FeedByURL
// finds it; ErrNotFound when there is none), and off its twins, in any
// case: the articles it brings from now on no longer get them. The
// articles it brought keep them: a tag on an article is the reader's once
// there, to take off as any other. It returns the subscription as it is
// now, and the tags it lost, as it spelled them (none when it had none of
// them).
func (s *Store) UntagFeed(ctx context.Context, url string, tags []string) (untagged Feed, removed []string, err error) {
	drop := map[string]bool{}
	for _, name := range keptTagNames(tags) {
		drop[foldTag(name)] = true
	}
	untagged, err = s.editFeed(ctx, url, func(tx *sql.Tx, id int64, first bool) error {
		had, err := feedTags(ctx, tx, id)
		if err != nil {
			return err
		}
		kept := []string{}
		for _, name := range had {
			switch {
			case !drop[foldTag(name)]:
				kept = append(kept, name)
			case first:
				removed = append(removed, name)
			}
		}
		if len(kept) == len(had) {
			return nil
		}
		return setFeedTags(ctx, tx, id, kept)
	})
	if err != nil {
		return Feed{}, nil, fmt.Errorf("store: untag feed %s: %w", feeds.ShownURL(url), err)
	}
	return untagged, removed, nil
}

// editFeed runs edit, in one transaction, on the subscription to url
// (found as FeedByURL finds it; ErrNotFound when there is none), first,
// then on each of its twins (other passwords), as feed remove removes them
// all; and returns the subscription as edit left it.
func (s *Store) editFeed(ctx context.Context, url string, edit func(tx *sql.Tx, id int64, first bool) error) (Feed, error) {
	return s.editFeedThen(ctx, url, edit, nil)
}

// editFeedThen is editFeed, which then runs then (when not nil) in the
// same transaction, once every subscription is edited.
func (s *Store) editFeedThen(ctx context.Context, url string, edit func(tx *sql.Tx, id int64, first bool) error, then func(tx *sql.Tx) error) (Feed, error) {
	var edited Feed
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := repairFeeds(ctx, tx); err != nil {
			return err
		}
		id, err := feedIDByURL(ctx, tx, url)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		var at string
		if err := tx.QueryRowContext(ctx, `SELECT url FROM feeds WHERE id = ?`, id).Scan(&at); err != nil {
			return err
		}
		if err := edit(tx, id, true); err != nil {
			return err
		}
		all, err := twins(ctx, tx, at)
		if err != nil {
			return err
		}
		for _, t := range all {
			if t.ID != id {
				if err := edit(tx, t.ID, false); err != nil {
					return err
				}
			}
		}
		if then != nil {
			if err := then(tx); err != nil {
				return err
			}
		}
		edited, err = feedByURL(ctx, tx, at)
		return err
	})
	return edited, err
}

// setFeedTags makes tags the default tags of feed id.
func setFeedTags(ctx context.Context, tx *sql.Tx, id int64, tags []string) error {
	enc, err := json.Marshal(tags)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE feeds SET tags = ? WHERE id = ?`, string(enc), id)
	return err
}
