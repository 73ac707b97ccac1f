package feeds

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"tidings/feeds/marks"
)

// IdentityPrefix starts every ExternalID that Identity derives, so a derived
// id never collides with one a source gave.
const IdentityPrefix = "h:"

// Normalize makes an article ready to store: it cleans every string field
// (CleanLine for one-line fields, CleanMarkdown for the body, CleanText
// for notes),
// unwraps a URL wrapped over lines (unwrapURL) and drops one whose scheme
// is not http, https or mailto (with a warning), tidies the source and the
// tags, derives the title from the body when there is none, stores the
// publication time in UTC and sets ExternalID with Identity when the
// source gave none. The ids, given or made, are of the one-line fields as
// tidings always folded them (idLine), line breaks inside Chinese and
// Japanese text read as spaces, so that an article keeps the id it was
// stored under. The title, author, source and tags are then cut to what
// such a field can reasonably hold (ShortLine). Normalize is idempotent.
func Normalize(a *Article) {
	knownSource := spaceDashes(idLine(a.Source))
	a.Source = NormalizeSource(a.Source)
	a.FeedURL = CleanLine(a.FeedURL)
	a.Author = CleanLine(a.Author)
	a.FormerIDs = appendNew(a.FormerIDs, textCleanedIDs(*a)...)
	a.Body = CleanMarkdown(a.Body)
	if strings.TrimSpace(a.Body) == "" {
		a.Body = ""
	}
	knownRawTitle := idLine(a.Title)
	knownTitle := idLine(marks.DropInWords(knownRawTitle))
	a.Title = CleanLine(a.Title)
	// The characters that show nothing go from the text as they go from
	// the screen (marks.DropInWords): a word with a soft hyphen or a stray joiner
	// in it ("Bundes\u00adregierung") is then found by the word a reader
	// types. What an article without an id was known by before stays
	// among its former ids (below).
	rawBody := a.Body
	a.Title, a.Body = CleanLine(marks.DropInWords(a.Title)), marks.DropInWords(a.Body)
	if strings.TrimSpace(a.Body) == "" {
		a.Body = ""
	}
	titled := a.Title != "" // by the file or feed, not derived from the body
	if a.Title == "" {
		a.Title = TitleFromBody(a.Body)
		a.Retitled = false
	}
	var warning string
	// A link wrapped over lines was read with a space for its line
	// break before: what an article without an id was known by.
	formerURL := formerCleanURL(a.URL)
	a.URL, warning = cleanURL(a.URL)
	if warning != "" {
		a.Warnings = append(a.Warnings, warning)
	}
	a.Tags = NormalizeTags(a.Tags)
	a.RuleTags = NormalizeTags(a.RuleTags)
	for i := range a.Annotations {
		n := &a.Annotations[i]
		n.Quote = marks.DropInWords(CleanText(n.Quote))
		n.Prefix = marks.DropInWords(CleanText(n.Prefix))
		n.Suffix = marks.DropInWords(CleanText(n.Suffix))
		n.Note = marks.DropInWords(CleanText(n.Note))
		n.Created = utc(n.Created)
		n.Updated = utc(n.Updated)
	}
	for i, w := range a.Warnings {
		a.Warnings[i] = CleanLine(w)
	}
	published, added := a.Published, a.Added // as given, for a warning
	a.Published = utc(a.Published)
	a.Added = utc(a.Added)
	a.ExternalID = CleanID(a.ExternalID)
	if a.ExternalID == "" {
		// Known by its title and source as they were folded before.
		known := *a
		known.Source = knownSource
		if titled {
			known.Title = knownTitle
		}
		a.ExternalID = identity(known, a.Body == "" || titled)
		// The texts it was known by before: as it came, before the
		// characters that show nothing were dropped, and as an earlier
		// tidings converted it.
		var formerBodies []string
		if knownRawTitle != knownTitle && titled || rawBody != a.Body {
			formerBodies = append(formerBodies, rawBody)
		}
		if a.FormerBody != "" {
			if fb := CleanText(a.FormerBody); fb != rawBody {
				formerBodies = append(formerBodies, fb)
			}
		}
		if formerURL != a.URL {
			before := known
			before.URL = formerURL
			a.FormerIDs = appendNew(a.FormerIDs, identity(before, a.Body == "" || titled))
		}
		for _, body := range formerBodies {
			before := known
			before.URL = formerURL
			before.Body = body
			if titled {
				before.Title = knownRawTitle
			}
			a.FormerIDs = appendNew(a.FormerIDs, identity(before, before.Body == "" || titled), identity(before, false))
		}
		switch {
		case a.Body == "":
			// A bookmark was known by source and date alone before.
			if former := identity(known, false); !slices.Contains(a.FormerIDs, former) {
				a.FormerIDs = append(a.FormerIDs, former)
			}
		case titled:
			a.LooseID = identity(known, false)
		}
	}
	// Cut after the id was made of them whole, so that an article of
	// before is found by the id it has.
	a.Title, a.Author, a.Source = ShortLine(a.Title), ShortLine(a.Author), ShortLine(a.Source)
	a.Tags = shortTags(a.Tags)
	a.RuleTags = shortTags(a.RuleTags)
	// A date past 9999 in UTC (9999-12-31T23:00:00-05:00), or before the
	// year 1, cannot be written back in JSON or front matter: it is no
	// date, as an unreadable one is. The id above keeps what the article
	// was known by.
	dropUnwritable(a, published, added)
	if a.Published.Unix() == 0 && a.Published.Nanosecond() == 0 {
		// The first second of 1970 is what software writes for a date it
		// does not have (a zero Unix time), as in feeds, and the library
		// stores it as no date: shown, sorted and found as one. The id
		// above keeps what the article was known by.
		a.Published = time.Time{}
		a.Warnings = append(a.Warnings, "1970-01-01T00:00:00Z is a zero time, not a date: read as no date")
	}
}

// CleanID is an external id as Normalize stores it: cleaned as a one-line
// field is, but with every run of white space one space, a line break
// inside Chinese or Japanese text too (idLine), as tidings always stored
// ids. An id typed to name an article is looked up so: "記事\n一" names
// the article stored as "記事 一".
func CleanID(id string) string { return idLine(id) }

// appendNew appends to ids those of more it does not hold.
func appendNew(ids []string, more ...string) []string {
	for _, id := range more {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids
}

func utc(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC()
}

// Identity is the id of an article that came without one: a hash of its
// source, publication time and body, so importing the same text again finds
// the same article; and of its link and title when it has a title of its
// own (a Markdown or HTML file's, not one derived from the body) or no body
// (a bookmark), or else two notes made from one template, or two pages
// saved from behind one paywall, would be one article, the later replacing
// the earlier. Normalize gives an article so identified the id without
// link and title as its LooseID, which a library from before stored it
// under. It is IdentityPrefix followed by 32 hex digits.
func Identity(a Article) string { return identity(a, a.Body == "" || a.Title != "") }

// identity is Identity, with the link and title or without them.
func identity(a Article, linkAndTitle bool) string {
	h := sha256.New()
	h.Write([]byte(a.Source))
	h.Write([]byte{0})
	if !a.Published.IsZero() {
		h.Write([]byte(a.Published.UTC().Format(time.RFC3339Nano)))
	}
	h.Write([]byte{0})
	h.Write([]byte(a.Body))
	if linkAndTitle {
		h.Write([]byte{0})
		h.Write([]byte(a.URL))
		h.Write([]byte{0})
		h.Write([]byte(a.Title))
	}
	var sum [sha256.Size]byte
	return IdentityPrefix + hex.EncodeToString(h.Sum(sum[:0])[:16])
}

// NormalizeSource cleans a source name and spaces a syndication dash the
// way the design shows it: "MENAFN- AzerNews" and "MENAFN -AzerNews" become
// "MENAFN - AzerNews". A hyphen inside a word ("Al-Monitor") stays.
func NormalizeSource(s string) string {
	return spaceDashes(CleanLine(s))
}

// spaceDashes is NormalizeSource but for the cleaning: s, a clean line,
// with its syndication dashes spaced.
func spaceDashes(s string) string {
	if !strings.Contains(s, "-") {
		return s
	}
	words := strings.Split(s, " ")
	out := make([]string, 0, len(words)+2)
	for _, w := range words {
		switch {
		case len(w) > 1 && strings.HasSuffix(w, "-") && !strings.HasSuffix(w, "--"):
			out = append(out, w[:len(w)-1], "-")
		case len(w) > 1 && strings.HasPrefix(w, "-") && !strings.HasPrefix(w, "--"):
			out = append(out, "-", w[1:])
		default:
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// NormalizeTags cleans tag names, drops the characters in them that show
// nothing (TagMark: "ukr\u200daine" is the tag "ukraine"), composes them
// (Unicode NFC: "été" typed with combining accents is the same tag as "été"
// typed with accented letters), drops a leading "#", empty names and
// duplicates that differ in case (marks.FoldTag: the first spelling wins). A nil
// slice stays nil: it means "tags not given", which an import must not read
// as "none".
func NormalizeTags(tags []string) []string {
	if tags == nil {
		return nil
	}
	out := make([]string, 0, len(tags))
	seen := make(map[string]bool, len(tags))
	for _, t := range tags {
		t = normalizeTag(t)
		// Compared as the library compares tag names: Été and été are
		// one tag here as there.
		key := marks.FoldTag(t)
		if t == "" || seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, t)
	}
	return out
}

// shortTags is tags, as NormalizeTags leaves them, each cut to what a tag
// can reasonably hold (ShortLine) and still told apart as NormalizeTags
// tells them. It is tags itself when none is too long.
func shortTags(tags []string) []string {
	if !slices.ContainsFunc(tags, func(t string) bool { return len(t) > MaxLineLength }) {
		return tags
	}
	short := make([]string, len(tags))
	for i, t := range tags {
		short[i] = ShortLine(t)
	}
	return NormalizeTags(short)
}

// normalizeTag is one tag name as NormalizeTags makes it, "" when there is
// no name.
func normalizeTag(t string) string {
	t = marks.Drop(CleanLine(t))
	return norm.NFC.String(CleanLine(strings.TrimLeft(CleanLine(t), "#")))
}

// linkSchemes are the URL schemes tidings stores and opens.
var linkSchemes = map[string]bool{"http": true, "https": true, "mailto": true}

// cleanURL cleans an article link, unwrapped (unwrapURL), and keeps it only
// when it is absolute with an allowed scheme; otherwise it returns "" and a
// warning saying why. A link is no text: what white space is left in it
// is folded as it always was (idLine), as the ids made of it were.
func cleanURL(raw string) (link, warning string) {
	return checkedURL(idLine(unwrapURL(raw)))
}

// formerCleanURL is cleanURL as it was before links were unwrapped (a line
// break read as a space): what the ids of articles known by their link and
// text were made of (Identity).
func formerCleanURL(raw string) string {
	link, _ := checkedURL(idLine(raw))
	return link
}

// checkedURL is raw, a clean link, when it is absolute with an allowed
// scheme (and a host, but for mailto), its scheme in lower case; else ""
// and a warning saying why.
func checkedURL(raw string) (link, warning string) {
	if raw == "" {
		return "", ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Sprintf("dropped URL %q: %v", raw, err)
	}
	scheme := strings.ToLower(u.Scheme)
	switch {
	case scheme == "":
		return "", fmt.Sprintf("dropped URL %q: not absolute", raw)
	case !linkSchemes[scheme]:
		return "", fmt.Sprintf("dropped URL with scheme %q", scheme)
	case scheme != "mailto" && u.Host == "":
		return "", fmt.Sprintf("dropped URL %q: no host", raw)
	}
	if !strings.HasPrefix(raw, scheme) { // url.Parse lowers the scheme; keep the rest as given
		raw = scheme + raw[len(scheme):]
	}
	return raw, ""
}
