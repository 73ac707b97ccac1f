package feeds

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"
)

// Record is an article as tidings writes it in JSON (`tidings search
// --json`, `tidings export --format json`) and reads it back on import, one
// object per article.
type Record struct {
	ID         int64      `json:"id"` // the library's id; ignored on import
	ExternalID string     `json:"external_id"`
	Title      string     `json:"title"`
	Source     string     `json:"source"`
	Feed       string     `json:"feed,omitempty"` // the feed's URL
	URL        string     `json:"url"`
	Author     string     `json:"author"`
	Published  *time.Time `json:"published"` // RFC 3339; null when unknown
	// Added is when the library took the article in; an import into
	// another library keeps it for a new article, so that one without a
	// date keeps its place.
	Added       *time.Time  `json:"added,omitempty"`
	Tags        []string    `json:"tags"`
	RuleTags    []string    `json:"rule_tags,omitempty"` // of Tags, those a tag rule set (feed remove --purge keeps the reader's)
	Read        bool        `json:"read"`
	Starred     bool        `json:"starred"`
	Retitled    bool        `json:"retitled"`
	Body        string      `json:"body"` // Markdown
	Annotations Annotations `json:"annotations"`
}

// Annotations is a Record's "annotations": an array of notes when they are
// carried (an export), a count when only that is known (a search listing).
// Reading, it accepts either; a count brings no notes in.
type Annotations struct {
	Count int
	Notes []AnnotationRecord // nil when only the count is known
}

// AnnotationRecord is one note in a Record.
type AnnotationRecord struct {
	Quote   string    `json:"quote"`
	Prefix  string    `json:"prefix"`
	Suffix  string    `json:"suffix"`
	Note    string    `json:"note"`
	Created time.Time `json:"created,omitzero"`
	Updated time.Time `json:"updated,omitzero"`
}

// MarshalJSON writes the notes as an array, or the count when there are no
// notes to carry.
func (a Annotations) MarshalJSON() ([]byte, error) {
	if a.Notes != nil {
		return json.Marshal(a.Notes)
	}
	return json.Marshal(a.Count)
}

// UnmarshalJSON reads a count, an array of notes or null.
func (a *Annotations) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	switch {
	case bytes.Equal(data, []byte("null")):
		*a = Annotations{}
		return nil
	case len(data) > 0 && data[0] == '[':
		var notes []AnnotationRecord
		if err := json.Unmarshal(data, &notes); err != nil {
			return fmt.Errorf("annotations: %w", jsonReason(err))
		}
		*a = Annotations{Count: len(notes), Notes: notes}
		return nil
	default:
		var n int
		if err := json.Unmarshal(data, &n); err != nil {
			return errors.New("annotations: want a count or an array of notes")
		}
		*a = Annotations{Count: n}
		return nil
	}
}

// MarshalJSON writes tags as an array even when there are none. A date
// JSON cannot hold (WritableDate: past 9999 or before the year 1, in UTC),
// which a library may hold from before imports read such a date as none,
// is written as none rather than fail the whole listing: Unwritable says
// which, for the writer to tell.
func (r Record) MarshalJSON() ([]byte, error) {
	type plain Record // no methods: no recursion
	p := plain(r)
	if p.Tags == nil {
		p.Tags = []string{}
	}
	if p.Published != nil && !WritableDate(*p.Published) {
		p.Published = nil
	}
	if p.Added != nil && !WritableDate(*p.Added) {
		p.Added = nil
	}
	if p.Annotations.Notes != nil && slices.ContainsFunc(p.Annotations.Notes, unwritableNote) {
		notes := slices.Clone(p.Annotations.Notes)
		for i := range notes {
			if !WritableDate(notes[i].Created) {
				notes[i].Created = time.Time{}
			}
			if !WritableDate(notes[i].Updated) {
				notes[i].Updated = time.Time{}
			}
		}
		p.Annotations.Notes = notes
	}
	return json.Marshal(p)
}

func unwritableNote(n AnnotationRecord) bool {
	return !WritableDate(n.Created) || !WritableDate(n.Updated)
}

// Unwritable names the dates of r that JSON cannot hold, which
// MarshalJSON writes as none: "published 10000-01-01T04:00:00Z".
func (r Record) Unwritable() []string {
	var out []string
	for _, d := range []struct {
		name string
		t    *time.Time
	}{{"published", r.Published}, {"added", r.Added}} {
		if d.t != nil && !WritableDate(*d.t) {
			out = append(out, d.name+" "+d.t.UTC().Format(time.RFC3339Nano))
		}
	}
	for i, n := range r.Annotations.Notes {
		for _, d := range []struct {
			name string
			t    time.Time
		}{{"created", n.Created}, {"updated", n.Updated}} {
			if !WritableDate(d.t) {
				out = append(out, fmt.Sprintf("note %d's %s %s", i+1, d.name, d.t.UTC().Format(time.RFC3339Nano)))
			}
		}
	}
	return out
}

// UnmarshalJSON reads a record leniently: published may be any date form
// tidings reads elsewhere (or empty), and id may be anything.
func (r *Record) UnmarshalJSON(data []byte) error {
	rec, _, err := decodeRecord(data)
	if err != nil {
		return err
	}
	*r = rec
	return nil
}

// RecordFromArticle is the JSON record of an article. Notes are carried
// when the article has any.
func RecordFromArticle(a Article) Record {
	r := Record{
		ExternalID: a.ExternalID,
		Title:      a.Title,
		Source:     a.Source,
		Feed:       a.FeedURL,
		URL:        a.URL,
		Author:     a.Author,
		Tags:       a.Tags,
		RuleTags:   a.RuleTags,
		Retitled:   a.Retitled,
		Body:       a.Body,
	}
	if r.Tags == nil {
		r.Tags = []string{}
	}
	if !a.Published.IsZero() {
		t := a.Published
		r.Published = &t
	}
	if !a.Added.IsZero() {
		t := a.Added
		r.Added = &t
	}
	if a.Read != nil {
		r.Read = *a.Read
	}
	if a.Starred != nil {
		r.Starred = *a.Starred
	}
	if len(a.Annotations) > 0 {
		r.Annotations.Count = len(a.Annotations)
		r.Annotations.Notes = make([]AnnotationRecord, len(a.Annotations))
		for i, n := range a.Annotations {
			r.Annotations.Notes[i] = AnnotationRecord(n)
		}
	}
	return r
}

// Article is the article r describes, with Read and Starred set.
func (r Record) Article() Article {
	a := Article{
		ExternalID: r.ExternalID,
		Source:     r.Source,
		FeedURL:    r.Feed,
		Title:      r.Title,
		URL:        r.URL,
		Author:     r.Author,
		Body:       r.Body,
		Tags:       r.Tags,
		RuleTags:   r.RuleTags,
		Read:       &r.Read,
		Starred:    &r.Starred,
		Retitled:   r.Retitled,
	}
	// Importing subscribes to the feed: one feed add would refuse, or one
	// that cleaning would change, is left out, as front matter's is.
	if feed, refused := ImportedFeed(r.Feed); refused != "" {
		a.FeedURL = ""
		a.Warnings = append(a.Warnings, refused)
	} else {
		a.FeedURL = feed
	}
	if r.Published != nil {
		a.Published = *r.Published
		a.publishedAt = unwritableAt(a.Published, "field published")
	}
	if r.Added != nil {
		a.Added = *r.Added
		a.addedAt = unwritableAt(a.Added, "field added")
	}
	for _, n := range r.Annotations.Notes {
		a.Annotations = append(a.Annotations, Annotation(n))
	}
	return a
}
