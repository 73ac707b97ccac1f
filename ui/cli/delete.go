package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"tidings/store"
)

// DeleteOptions shape `tidings delete`: the articles, found by the words
// that name them or by query, and how to ask before deleting them.
type DeleteOptions struct {
	Articles []store.Article
	// Missing are the ids given that name no article, named in the error
	// once the others are deleted (MissingText).
	Missing []string
	Query   string
	ByQuery bool // Query names the articles ('' is every one), not Articles
	// Confirm asks the question and reports whether the answer was yes;
	// nil deletes without asking (--yes).
	Confirm func(question string) (bool, error)
	// Width is the terminal's, to cut the lines of the articles deleted
	// to; 0 when out is no terminal.
	Width int
}

// ErrNotConfirmed is a deletion the user did not say yes to: nothing was
// deleted.
var ErrNotConfirmed = errors.New("nothing deleted")

// NoTerminalToAsk is delete without --yes where no one can be asked: it
// asks on standard error and reads the answer from standard input, and
// says which of them is no terminal (delete 5 2>err asks nowhere to be
// seen, however much standard input is a terminal).
func NoTerminalToAsk(stdinTerminal, stderrTerminal bool) error {
	var what string
	switch {
	case !stdinTerminal && !stderrTerminal:
		what = ", on standard error, and reads the answer from standard input; neither is a terminal"
	case !stderrTerminal:
		what = ", on standard error, which is no terminal"
	default:
		what = " and reads the answer from standard input, which is no terminal"
	}
	return errors.New("delete asks before it deletes" + what + ": --yes deletes without asking")
}

// Delete deletes articles with their tags and notes, asking first (when
// opt.Confirm is set), and prints each article it deleted as `search` lists
// it, then how many it deleted. The ids of no article (opt.Missing) are
// named in the error, once the others are deleted. It returns what it
// deleted: none when no article matched, or those found were gone.
func Delete(ctx context.Context, st *store.Store, out io.Writer, opt DeleteOptions) (store.Deleted, error) {
	type target struct {
		id    int64
		notes int
		title string
		line  string
	}
	var targets []target
	add := func(a store.Article) {
		targets = append(targets, target{a.ID, a.Annotations, a.Title, Line(a, opt.Width)})
	}
	if opt.ByQuery {
		err := st.Search(ctx, opt.Query, 0, func(a store.Article) error {
			add(a)
			return nil
		})
		if err != nil {
			return store.Deleted{}, err
		}
	}
	for _, a := range opt.Articles {
		add(a)
	}
	missing := opt.Missing
	notMissing := func(deleted bool) error {
		switch {
		case len(missing) > 0 && deleted:
			return errors.New(MissingText(missing) + "; the others were deleted")
		case len(missing) > 0:
			return errors.New(MissingText(missing))
		}
		return nil
	}
	if len(targets) == 0 {
		if opt.ByQuery {
			_, err := fmt.Fprintln(out, "No article matches: none deleted.")
			return store.Deleted{}, err
		}
		return store.Deleted{}, notMissing(false)
	}
	notes := 0
	for _, t := range targets {
		notes += t.notes
	}
	if opt.Confirm != nil {
		what := "“" + fieldLine(targets[0].title, 60) + "”"
		if len(targets) > 1 {
			what = Plural(len(targets), "article")
		}
		yes, err := opt.Confirm("Delete " + what + theirNotes(len(targets), notes) + "?")
		if err != nil {
			return store.Deleted{}, err
		}
		if !yes {
			return store.Deleted{}, ErrNotConfirmed
		}
	}
	ids := make([]int64, len(targets))
	for i, t := range targets {
		ids[i] = t.id
	}
	d, err := st.DeleteArticles(ctx, ids)
	if err != nil {
		return store.Deleted{}, err
	}
	bw := bufio.NewWriter(out)
	for _, t := range targets {
		fmt.Fprintln(bw, t.line)
	}
	fmt.Fprintln(bw, DeletedText(d))
	if err := bw.Flush(); err != nil {
		return d, err
	}
	return d, notMissing(true)
}

// theirNotes is " and its note", " and their 3 notes", or "" without notes.
func theirNotes(articles, notes int) string {
	switch {
	case notes == 0:
		return ""
	case articles == 1 && notes == 1:
		return " and its note"
	case articles == 1:
		return " and its " + Plural(notes, "note")
	case notes == 1:
		return " and their 1 note"
	}
	return " and their " + Plural(notes, "note")
}

// DeletedText says what a deletion deleted, that imports and fetches
// leave those articles out from now on, and the way back for them: a fetch
// with --undelete for a feed's, while the feed serves them; an import with
// --undelete of the same files for the others.
//
//	Deleted 3 articles and their 2 notes; imports and fetches leave them out (import --undelete brings them back).
//	Deleted 1 article; imports and fetches leave it out (fetch --undelete brings it back while its feed serves it).
func DeletedText(d store.Deleted) string {
	if d.Articles == 0 {
		return "Nothing deleted: the articles were gone already."
	}
	them := "them"
	if d.Articles == 1 {
		them = "it"
	}
	var back string
	switch fed := min(d.Fed, d.Articles); fed {
	case 0:
		back = "import --undelete brings " + them + " back"
	case 1:
		back = "fetch --undelete brings it back while its feed serves it"
	case d.Articles:
		back = "fetch --undelete brings them back while their feeds serve them"
	default:
		back = "fetch --undelete brings back the " + thousands(fed) + " of feeds while the feeds serve them, import --undelete the " + thousands(d.Articles-fed) + " of files"
	}
	return "Deleted " + Plural(d.Articles, "article") + theirNotes(d.Articles, d.Notes) +
		"; imports and fetches leave " + them + " out (" + back + ")."
}

// AskYesNo asks question on w, with "[y/N]", and reads the answer from r:
// yes for y or yes, in any case; no for anything else, an empty line and
// the end of the input included.
func AskYesNo(r io.Reader, w io.Writer, question string) (bool, error) {
	if _, err := fmt.Fprint(w, question+" [y/N] "); err != nil {
		return false, err
	}
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil && err != io.EOF {
		return false, err
	}
	if err == io.EOF {
		fmt.Fprintln(w) // the terminal's line ends with the question
	}
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes":
		return true, nil
	}
	return false, nil
}
