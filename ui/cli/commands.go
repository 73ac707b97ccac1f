// Package cli is tidings' command line: what the subcommands print and how
// an import runs. main.go builds the cobra commands and calls into here; the
// TUI is package ui.
package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"tidings/feeds"
	"tidings/store"
)

// SearchOptions shape `tidings search`.
type SearchOptions struct {
	Limit int  // 0: every match
	Count bool // print only how many match
	JSON  bool // JSON Lines, one object per article
	Width int  // of the terminal for plain output; 0: no cutting
}

// Search prints the articles matching query, newest first.
func Search(ctx context.Context, st *store.Store, w io.Writer, query string, opt SearchOptions) error {
	if opt.Count {
		n, err := st.Count(ctx, query)
		if err != nil {
			return err
		}
		if opt.Limit > 0 {
			n = min(n, opt.Limit)
		}
		_, err = fmt.Fprintln(w, n)
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := newJSONLines(bw)
	err := st.Search(ctx, query, opt.Limit, func(a store.Article) error {
		if opt.JSON {
			return enc.Encode(Record(a, nil))
		}
		_, err := fmt.Fprintln(bw, Line(a, opt.Width))
		return err
	})
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	return err
}

// Record is the JSON shape of an article (feeds.Record, which imports back).
// With anns nil, annotations is a count; with anns, the annotations in full.
func Record(a store.Article, anns []store.Annotation) feeds.Record {
	tags := make([]string, len(a.Tags))
	var byRule []string
	for i, t := range a.Tags {
		tags[i] = t.Name
		if t.ByRule {
			byRule = append(byRule, t.Name)
		}
	}
	r := feeds.Record{
		ID:         a.ID,
		ExternalID: a.ExternalID,
		Title:      a.Title,
		Source:     a.Source,
		URL:        a.URL,
		Author:     a.Author,
		Tags:       tags,
		RuleTags:   byRule,
		Read:       a.Read(),
		Starred:    a.Starred,
		Retitled:   a.Retitled,
		Body:       a.Body,
	}
	if !a.Published.IsZero() {
		p := a.Published.UTC()
		r.Published = &p
	}
	if !a.Added.IsZero() {
		t := a.Added.UTC()
		r.Added = &t
	}
	r.Annotations.Count = a.Annotations
	if anns != nil {
		r.Annotations.Notes = make([]feeds.AnnotationRecord, len(anns))
		for i, an := range anns {
			r.Annotations.Notes[i] = feeds.AnnotationRecord{Quote: an.Quote, Prefix: an.Prefix, Suffix: an.Suffix, Note: an.Note, Created: an.Created, Updated: an.Updated}
		}
	}
	return r
}

// Line is an article as one line of `tidings search`: id, date, source,
// title, tags; cut to width when width > 0.
func Line(a store.Article, width int) string {
	date := "          "
	if !a.Published.IsZero() {
		date = a.Published.UTC().Format("2006-01-02")
	}
	var b strings.Builder
	source := fieldLine(a.ShownSource(), 12)
	source += strings.Repeat(" ", max(12-ansi.StringWidth(source), 0)) // by screen width: 日本 takes four
	fmt.Fprintf(&b, "%7d  %s  %s  %s", a.ID, date, source, fieldLine(a.Title, 0))
	for _, t := range a.Tags {
		b.WriteString("  ")
		b.WriteString(tagTerm(t.Name))
	}
	s := b.String()
	if width > 0 {
		s = ansi.Truncate(s, width, "…")
	}
	return s
}

// Markdown is an article as a Markdown document: a title, a line of facts,
// the body, and the notes; what `tidings show` prints, rendered on a
// terminal and as it is when piped. Every part is cleaned for the terminal,
// the body and notes also of bidirectional overrides (shownText).
func Markdown(a store.Article, anns []store.Annotation) string {
	return articleMarkdown(a, anns, func(s string) string { return s })
}

// TerminalMarkdown is Markdown with the title, source and tags escaped,
// for rendering: a title "sync.Pool &amp; GC" or "5 * 3 * 2" shows as it
// is written, as the list shows it, not decoded or emphasised.
func TerminalMarkdown(a store.Article, anns []store.Annotation) string {
	return articleMarkdown(a, anns, markdownText)
}

// markdownText escapes s so that glamour shows it as it is: & as an
// entity, and a backslash before the punctuation Markdown reads as markup
// (glamour shows the backslash before other characters).
func markdownText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
			continue
		case strings.ContainsRune(markdownPunct, r):
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

const markdownPunct = "!#()*+-.<>[\\]_`{|}"

func articleMarkdown(a store.Article, anns []store.Annotation, field func(string) string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", field(fieldLine(a.Title, 0)))
	var facts []string
	if source := a.ShownSource(); source != "" {
		facts = append(facts, field(fieldLine(source, 0)))
	}
	if !a.Published.IsZero() {
		facts = append(facts, a.Published.UTC().Format("2006-01-02"))
	}
	if a.URL != "" {
		facts = append(facts, "<"+oneLine(a.URL, 0)+">")
	}
	for _, t := range a.Tags {
		facts = append(facts, field(tagTerm(t.Name)))
	}
	if len(facts) > 0 {
		fmt.Fprintf(&b, "%s\n\n", strings.Join(facts, " · "))
	}
	// As shownText, but that the references to control characters in its
	// code blocks stay, shown as they are written (feeds.CleanMarkdown).
	body := feeds.CleanMarkdown(feeds.StripBidi(a.Body))
	b.WriteString(body)
	if !strings.HasSuffix(body, "\n") {
		b.WriteString("\n")
	}
	if len(anns) > 0 {
		b.WriteString("\n## Notes\n")
		for _, an := range orderNotes(a.Body, anns) {
			b.WriteString("\n")
			if an.Quote != "" {
				for _, l := range strings.Split(shownText(an.Quote), "\n") {
					fmt.Fprintf(&b, "> %s\n", l)
				}
				b.WriteString("\n")
				if an.Orphaned {
					b.WriteString("*This passage is no longer in the article.*\n\n")
				}
			}
			if an.Note != "" {
				fmt.Fprintf(&b, "%s\n", shownText(an.Note))
			}
		}
	}
	return b.String()
}

// maxTagColumn is the widest `tidings tags` pads its names to.
const maxTagColumn = 40

// TagRecord is a tag as `tidings tags --json` writes it.
type TagRecord struct {
	Name  string `json:"name"`
	Count int    `json:"count"` // articles that carry it
}

// TagsJSON writes every tag as JSON Lines, one TagRecord a line, its name
// as it is.
func TagsJSON(ctx context.Context, st *store.Store, w io.Writer) error {
	tags, err := st.Tags(ctx)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	enc := newJSONLines(bw)
	for _, t := range tags {
		if err := enc.Encode(TagRecord{Name: t.Name, Count: t.Count}); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// Tags prints every tag with how many articles carry it, a name in quotes
// when it has a space, as a query reads it after tag:.
func Tags(ctx context.Context, st *store.Store, w io.Writer) error {
	tags, err := st.Tags(ctx)
	if err != nil {
		return err
	}
	names := make([]string, len(tags))
	wide := 0
	for i, t := range tags {
		names[i] = tagValue(t.Name)
		wide = max(wide, min(ansi.StringWidth(names[i]), maxTagColumn))
	}
	for i, t := range tags {
		// A name longer than the column has its count after it, rather than
		// pushing every other line's count as far.
		pad := strings.Repeat(" ", max(wide-ansi.StringWidth(names[i]), 0))
		if _, err := fmt.Fprintf(w, "%s%s  %d\n", names[i], pad, t.Count); err != nil {
			return err
		}
	}
	return nil
}

// ParseID reads an article id as every command takes one: decimal digits
// (leading zeros too, as in 05), more than zero; no sign, no spaces.
func ParseID(s string) (int64, bool) {
	if s == "" || strings.TrimLeft(s, "0123456789") != "" {
		return 0, false
	}
	id, err := strconv.ParseInt(s, 10, 64)
	return id, err == nil && id > 0
}

// ReadText says what `tidings read` did: of matched articles, changed
// were marked read (or unread, read false); the others already were.
//
//	Marked 3 articles read.
//	Marked 1 of 3 articles read (2 were already read).
//	2 articles were already read.
//	No article matches: none marked read.
func ReadText(changed, matched int, read bool) string {
	state := "read"
	if !read {
		state = "unread"
	}
	already := matched - changed
	were := func(n int) string {
		if n == 1 {
			return "was"
		}
		return "were"
	}
	switch {
	case matched <= 0 && changed <= 0:
		return "No article matches: none marked " + state + "."
	case already <= 0:
		return fmt.Sprintf("Marked %s %s.", Plural(changed, "article"), state)
	case changed == 0:
		return fmt.Sprintf("%s %s already %s.", Plural(already, "article"), were(already), state)
	}
	return fmt.Sprintf("Marked %s of %s %s (%s %s already %s).",
		thousands(changed), Plural(matched, "article"), state, thousands(already), were(already), state)
}

// tagTerm is a tag's name as a term of the query language, cleaned for the
// terminal: #name, or tag:"Long Read" (tagTerms).
func tagTerm(name string) string { return tagTerms([]string{fieldLine(name, 0)}) }

// tagValue is a tag's name as a query reads it after tag:, cleaned for the
// terminal: in quotes when it has a space ("Long Read").
func tagValue(name string) string {
	term := tagTerm(name)
	if rest, ok := strings.CutPrefix(term, "#"); ok {
		return rest
	}
	return strings.TrimPrefix(term, "tag:")
}

// lastTagArg is the last of args when it is a +tag or -tag, else "".
func lastTagArg(args []string) string {
	if len(args) == 0 {
		return ""
	}
	a := args[len(args)-1]
	if len(a) > 1 && (a[0] == '+' || a[0] == '-') && !strings.HasPrefix(a, "--") {
		return a
	}
	return ""
}

// TagChange is what `tidings tag` was asked to do: +name adds, -name removes.
type TagChange struct {
	Add, Remove []string
}

// ParseTagArgs splits `tidings tag` arguments into the words that name
// articles (FindArticle: an id, or an external id) and tag changes. Every
// tag argument starts with + or -, and is read by tagWord, which is the
// reader's tag editor's reading of a word of its line (ui.TagWord, given
// by main, as package ui's tests use this one): +"Long Read", as `tidings
// tags` lists it, is the tag Long Read, as is '+Long Read' (one argument),
// and +"say \"when\"" the tag say "when". A word that starts with -- is a flag
// given after --, which ends them. A word that could name no article,
// nothing once cleaned of control characters (as the library stores an
// external id: feeds.CleanLine), is refused here, and so is a + or - with
// no name after it.
func ParseTagArgs(args []string, tagWord func(word string) (sign rune, name string)) (refs []string, ch TagChange, err error) {
	for i, a := range args {
		switch {
		case a == "--":
			continue // the end of flags, as the hints for -tag suggest
		case strings.HasPrefix(a, "--"):
			return nil, ch, fmt.Errorf("%q is neither an article nor +tag / -tag (a flag goes before --, which ends them)", oneLine(a, 0))
		case signedNoTag(a, tagWord):
			return nil, ch, noTagError(a)
		case strings.HasPrefix(a, "+") || strings.HasPrefix(a, "-"):
			sign, name := tagWord(a)
			if sign == '+' {
				ch.Add = append(ch.Add, name)
			} else {
				ch.Remove = append(ch.Remove, name)
			}
		case feeds.CleanLine(a) == "":
			return nil, ch, NotATagArg(args[:i], a)
		default:
			refs = append(refs, a)
		}
	}
	if len(ch.Add)+len(ch.Remove) == 0 {
		return nil, ch, fmt.Errorf("no tags to change: give +tag or -tag")
	}
	return refs, ch, nil
}

// RestOfTag reports whether a word given to `tidings tag` after args that
// names no article is most likely the rest of the tag before it, which
// the shell split at a space: it comes right after the +tag or -tag
// arguments that follow the articles (tag 1 -Long Read), rather than
// after tags given before the articles (xargs tidings tag +picked, where
// every word after the tags is an article's id).
func RestOfTag(args []string) bool {
	i := len(args)
	for i > 0 && lastTagArg(args[:i]) != "" {
		i--
	}
	if i == len(args) {
		return false // no tag right before the word
	}
	for _, a := range args[:i] {
		if a != "--" && lastTagArg([]string{a}) == "" {
			return true // an article before the tags
		}
	}
	return false
}

// NotATagArg says that word, given to `tidings tag` after args, is neither
// an article (by id or external id) nor a tag change: the rest of a tag
// the shell split at a space, when a +tag or -tag comes right before it.
func NotATagArg(args []string, word string) error {
	if prev := lastTagArg(args); prev != "" {
		// -Long Read: the shell made a tag with a space two arguments.
		return fmt.Errorf("%q is neither an article nor +tag / -tag; a tag with a space is one argument: '%s %s'",
			word, oneLine(prev, 0), oneLine(word, 0))
	}
	// The word as given, escaped: cleaned, it could read as an id that is there.
	return fmt.Errorf("%q is neither an article nor +tag / -tag (%s)", word, IDHint)
}

// NoteText confirms `tidings note`: "Added a note to article 14."
func NoteText(id int64) string {
	return fmt.Sprintf("Added a note to article %d.", id)
}

// RetitleText confirms `tidings retitle`, with the title the article has
// now: "Retitled article 14: My own title".
func RetitleText(id int64, title string) string {
	return fmt.Sprintf("Retitled article %d: %s", id, fieldLine(title, 0))
}

// PrintTagging says what `tidings tag` changed, a line for each tag: how
// many of the articles gained or lost it, and how many already had it or
// never had it.
//
//	Added #future to 0 of 2 articles (2 already had it)
//	Removed tag:"long read" from 3 articles
func PrintTagging(w io.Writer, t store.Tagging) error {
	if t.Articles == 0 {
		_, err := fmt.Fprintln(w, "No article matches: no tag changed")
		return err
	}
	count := func(changed int) string {
		if changed == t.Articles {
			return Plural(t.Articles, "article")
		}
		return thousands(changed) + " of " + Plural(t.Articles, "article")
	}
	for _, c := range t.Added {
		line := "Added " + tagTerms([]string{c.Name}) + " to " + count(c.Articles)
		if had := t.Articles - c.Articles; had > 0 {
			line += fmt.Sprintf(" (%s already had it)", thousands(had))
		}
		if _, err := fmt.Fprintln(w, line); err != nil {
			return err
		}
	}
	for _, c := range t.Removed {
		line := "Removed " + tagTerms([]string{c.Name}) + " from " + count(c.Articles)
		switch lacked := t.Articles - c.Articles; {
		case c.Articles == 0:
			line += " (none had it)"
		case lacked > 0:
			line += fmt.Sprintf(" (%s did not have it)", thousands(lacked))
		}
		if _, err := fmt.Fprintln(w, line); err != nil {
			return err
		}
	}
	return nil
}
