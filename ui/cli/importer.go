package cli

import (
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"tidings/feeds"
	"tidings/store"
)

// batchSize is how many articles one import transaction holds: the store's
// fastest batch, large enough that the full-text index flushes rarely.
const batchSize = store.ImportBatch

// batchBytes bounds a batch by body size too, so huge articles do not make a
// batch hold gigabytes.
const batchBytes = 32 << 20

// While a batch is written, no other tidings can write to the library (the
// reader starring, a fetch): it waits for its turn, after the batch under
// way and one of each other tidings writing, up to the store's busy timeout
// (30 s), and then fails. A batch of updates can take long, so batches
// start at firstBatch articles and are sized to take about batchTime,
// up to batchSize.
const (
	firstBatch = 2000
	minBatch   = 256
	batchTime  = 3 * time.Second
)

// nextBatch is how many articles the next batch holds, after a batch of n,
// held to limit, took took to write.
func nextBatch(limit, n int, took time.Duration) int {
	switch {
	case took > batchTime:
		return max(minBatch, int(float64(n)*float64(batchTime)/float64(took)))
	case took < batchTime/2 && n >= limit:
		return min(batchSize, limit*2)
	}
	return limit
}

// Problem is one article or file that could not be imported, or was
// imported with a warning.
type Problem struct {
	File string
	Line int
	// Record is, for a record of JSON on a line that holds others, its
	// number in the file (feeds.Item's Record); else 0.
	Record int
	Reason string
}

// String is the problem as printed: one clean line, whatever the file's
// name or the reason quote. The file is named so that it can be found: see
// shownName.
func (p Problem) String() string {
	reason := OneLine(p.Reason)
	switch {
	case p.File == "":
		return reason
	case p.Line > 0 && p.Record > 0:
		return fmt.Sprintf("%s:%d: record %d: %s", shownName(p.File), p.Line, p.Record, reason)
	case p.Line > 0:
		return fmt.Sprintf("%s:%d: %s", shownName(p.File), p.Line, reason)
	default:
		return fmt.Sprintf("%s: %s", shownName(p.File), reason)
	}
}

// shownName is a file's name as the command line prints it: as it is when
// it is plain text, else quoted as Go quotes a string ("empty\x1b[31mred.txt",
// "bidi\u202etxt.exe", "bad-\xff.txt", "two\nlines.txt"), so that control
// characters, escape sequences, bidi controls, invisible characters, invalid
// UTF-8 and white space other than single spaces are seen, not obeyed or
// lost, and the name shown is the name of the file.
func shownName(name string) string {
	if OneLine(name) == name {
		return name
	}
	return strconv.Quote(name)
}

// endOnce reads r until its first end: a terminal's ctrl+d ends the input
// once, though the terminal would go on reading after it (and the format
// is told from the start of the stream before the stream is read).
type endOnce struct {
	r    io.Reader
	done bool
}

func (e *endOnce) Read(p []byte) (int, error) {
	if e.done {
		return 0, io.EOF
	}
	n, err := e.r.Read(p)
	if err == io.EOF {
		e.done = true
	}
	return n, err
}

// ImportReport sums up an import.
type ImportReport struct {
	store.ImportStats
	Failed   []Problem
	Warnings []Problem
	// Stopped is set when the import ended before it read everything
	// (ctrl+c, a library busy or read-only, a full disk): what is left was
	// not stored.
	Stopped bool
	// NewFeeds are the addresses of the feeds the import subscribed the
	// library to: those its articles came from (an export's feed) that
	// the library did not have, as tidings shows them (feeds.ShownURL,
	// without a password).
	NewFeeds []string

	ruleWarned bool
}

// Source is one thing to import: a file, or a stream such as stdin.
type Source struct {
	Name string
	Size int64     // bytes, for progress; 0 when unknown
	R    io.Reader // nil: open Name
	// Skip, when set, says why Name is not read (a folder read already by
	// another path); the import reports it as a warning.
	Skip string
}

// Sources lists what importing paths means: files as they are, folders
// recursively (hidden entries skipped, sorted, symbolic links followed; see
// feeds.Walker), "-" as stdin. A file is read once, as a folder is, however
// many paths lead to it (named twice, named and in a folder named too,
// linked to). Paths that do not exist, an empty one among them, and links
// that cannot be followed (dangling, a loop) are reported as problems, not
// errors, so the rest goes on.
func Sources(paths []string, stdin io.Reader) ([]Source, []Problem) {
	var out []Source
	var bad []Problem
	var w feeds.Walker
	listed := listedFiles{}
	for _, p := range paths {
		switch p {
		case "-":
			out = append(out, Source{Name: "<stdin>", R: &endOnce{r: stdin}})
			continue
		case "":
			// A script's "$FILE" with FILE unset: named as what it is.
			bad = append(bad, Problem{File: `""`, Reason: "an empty name, which names no file or folder"})
			continue
		}
		// A folder with nothing to read is said to be so: without a word,
		// "0 added" would leave the user to guess whether it was read.
		files, said := 0, false
		notArticles := -1
		w.Walk(p, func(f feeds.Found) error {
			switch {
			case f.Err != nil:
				said = true
				bad = append(bad, Problem{File: f.Path, Reason: describe(f.Err)})
			case f.Skip != "":
				switch {
				case f.Path == p && f.NotArticles > 0:
					notArticles = len(out)
				case f.Path == p:
					said = true // read already by another path
				}
				out = append(out, Source{Name: f.Path, Skip: f.Skip})
			default:
				if first, ok := listed.already(f.Path, f.Info); ok {
					said = true
					out = append(out, Source{Name: f.Path, Skip: fmt.Sprintf("the same file as %q, read once", first)})
					return nil
				}
				files++
				out = append(out, Source{Name: f.Path, Size: f.Info.Size()})
			}
			return nil
		})
		if info, err := os.Stat(p); files == 0 && !said && err == nil && info.IsDir() {
			why := "no files to import in it"
			if notArticles >= 0 {
				why += ": " + out[notArticles].Skip
				out = slices.Delete(out, notArticles, notArticles+1)
			}
			out = append(out, Source{Name: p, Skip: why + "; " + importFormats})
		}
	}
	return out, bad
}

// listedFiles are the files Sources listed, by their identity on disk,
// each with the path it was first listed by.
type listedFiles map[fileID]string

// fileID is a file's identity on disk: its device and inode.
type fileID struct{ dev, ino uint64 }

// already returns the path the file at path (of info) was listed by, when
// it was, and otherwise lists it. Only regular files are told apart: a
// pipe or a device named twice is read twice, as named.
func (l listedFiles) already(path string, info fs.FileInfo) (first string, ok bool) {
	st, isStat := info.Sys().(*syscall.Stat_t)
	if !isStat || !info.Mode().IsRegular() {
		return "", false
	}
	id := fileID{uint64(st.Dev), uint64(st.Ino)}
	if first, ok := l[id]; ok {
		return first, true
	}
	l[id] = path
	return "", false
}

// importFormats says what import reads, for a folder in which it found
// nothing to read.
const importFormats = "import reads articles in the sample format, Markdown, HTML, MHTML web archives, " +
	"JSON and JSON Lines as search --json writes them, and saved RSS, Atom and JSON feeds"

// describe turns a file system error into a reason without repeating the path.
func describe(err error) string {
	if le, ok := errors.AsType[*feeds.LinkError](err); ok {
		return le.Error()
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or folder"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	return err.Error()
}

// reason is an importer's error without the file and line, which a Problem
// carries itself.
func reason(err error) string {
	if fe, ok := errors.AsType[*feeds.FileError](err); ok {
		return fe.Err.Error()
	}
	return err.Error()
}

// ImportProgress is how far an import has come.
type ImportProgress struct {
	Bytes  int64 // read of all sources
	Total  int64 // the size of all sources; 0 when unknown
	Read   int   // articles parsed
	Stored int   // articles written: added, updated or unchanged
}

// Progress hears how an import goes.
type Progress func(ImportProgress)

// Importer brings articles from sources into the library.
type Importer struct {
	Store *store.Store
	// Rules tag the articles an import adds.
	Rules []store.Rule
	// Progress, if set, is called every progressEvery while the import
	// runs, with how far parsing has come: a batch takes seconds to gather
	// and write, and the first of a large import is thousands of articles.
	// It is not called once Run has returned.
	Progress Progress
	// StdinFormat is the format standard input is in when its content does
	// not say (Markdown without front matter), one of feeds.StreamFormats'
	// keys; "" when it must say.
	StdinFormat string
	// Undelete imports the articles the reader deleted, which an import
	// otherwise skips, and forgets their deletion (import --undelete).
	Undelete bool
}

// progressEvery is how often an import reports its progress.
const progressEvery = 100 * time.Millisecond

// item is a parsed article on its way to the store.
type item struct {
	a  feeds.Article
	at place
}

// Run imports every source. Parsing runs in its own goroutine, so reading and
// writing overlap; articles are written in batches, one transaction each.
// Per-article and per-file failures go into the report and the rest goes on;
// the returned error is for what stops the whole import (a broken library,
// a cancelled context, a full or failing disk: a *DiskError).
//
// A cancelled context stops the import at once, even while a source keeps
// it waiting (a terminal, a pipe that stays open, a named pipe with no
// writer): the batches written stay, the batch being gathered or written is
// not written, and the report says what the written ones did. A read the
// kernel holds cannot be cancelled: the parsing goroutine is left waiting
// for it, and ends when it returns or with the process.
func (im *Importer) Run(ctx context.Context, sources []Source) (ImportReport, error) {
	var rep ImportReport
	// The rules left out are named once, as fetch names them; the
	// store's own error for them (put) is then the same news.
	reasons, _ := rulesLeftOut(im.Rules)
	for _, r := range reasons {
		rep.Warnings = append(rep.Warnings, Problem{Reason: r})
		rep.ruleWarned = true
	}
	var total int64
	for _, s := range sources {
		total += s.Size
	}
	var read, articles, stored atomic.Int64

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if im.Progress != nil {
		stop := every(progressEvery, func() {
			im.Progress(ImportProgress{Bytes: read.Load(), Total: total, Read: int(articles.Load()), Stored: int(stored.Load())})
		})
		defer stop()
	}

	type parsed struct {
		it   item
		prob *Problem // a failure
		warn *Problem // a warning about a source
	}
	ch := make(chan parsed, 1024)
	go func() {
		defer close(ch)
		send := func(p parsed) error {
			select {
			case ch <- p:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		for _, src := range sources {
			if src.Skip != "" {
				if send(parsed{warn: &Problem{File: src.Name, Reason: src.Skip}}) != nil {
					return
				}
				continue
			}
			r := src.R
			if r == nil {
				f, err := os.Open(src.Name)
				if err != nil {
					if send(parsed{prob: &Problem{File: src.Name, Reason: describe(err)}}) != nil {
						return
					}
					continue
				}
				r = f
			}
			cr := &countingReader{r: r, n: &read}
			readStream := feeds.ReadStream
			if src.R != nil && im.StdinFormat != "" {
				readStream = func(name string, r io.Reader, fn func(feeds.Item) error) error {
					return feeds.ReadStreamAs(name, im.StdinFormat, r, fn)
				}
			}
			err := readStream(src.Name, cr, func(it feeds.Item) error {
				if it.Err != nil {
					why := reason(it.Err)
					if src.R != nil && im.StdinFormat == "" && errors.Is(it.Err, feeds.ErrUnknownFormat) {
						why += " (Markdown without front matter? import --format md - reads it so)"
					}
					return send(parsed{prob: &Problem{File: it.File, Line: it.Line, Record: it.Record, Reason: why}})
				}
				articles.Add(1)
				return send(parsed{it: item{a: it.Article, at: place{it.File, it.Line, it.Record}}})
			})
			if c, ok := r.(io.Closer); ok && src.R == nil {
				c.Close()
			}
			if ctx.Err() != nil {
				return
			}
			if err != nil {
				if send(parsed{prob: &Problem{File: src.Name, Reason: reason(err)}}) != nil {
					return
				}
			}
		}
	}()

	var batch []item
	var size int
	limit := firstBatch
	seen := newSeenIDs()
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		start := time.Now()
		err := im.write(ctx, batch, &rep)
		limit = nextBatch(limit, len(batch), time.Since(start))
		batch, size = batch[:0], 0
		stored.Store(int64(rep.Added + rep.Updated + rep.Unchanged + rep.Skipped))
		return err
	}
	for {
		var p parsed
		var more bool
		select {
		case p, more = <-ch:
		case <-ctx.Done():
			return rep, ctx.Err()
		}
		if !more {
			break
		}
		if p.prob != nil {
			rep.Failed = append(rep.Failed, *p.prob)
			continue
		}
		if p.warn != nil {
			rep.Warnings = append(rep.Warnings, *p.warn)
			continue
		}
		checkFeed(&p.it.a)
		if first, dup := seen.add(p.it); dup {
			rep.Warnings = append(rep.Warnings, p.it.at.problem(
				fmt.Sprintf("id %s is also at %s: this article replaces that one", OneLine(strconv.Quote(p.it.a.ExternalID)), first)))
		}
		batch = append(batch, p.it)
		size += len(p.it.a.Body)
		if len(batch) >= limit || size >= batchBytes {
			if err := flush(); err != nil {
				return rep, im.diskError(err, &rep)
			}
		}
	}
	if err := flush(); err != nil {
		return rep, im.diskError(err, &rep)
	}
	return rep, ctx.Err()
}

// every calls f every d until stop is called; stop returns once f is no
// longer running.
func every(d time.Duration, f func()) (stop func()) {
	quit, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		tick := time.NewTicker(d)
		defer tick.Stop()
		for {
			select {
			case <-tick.C:
				f()
			case <-quit:
				return
			}
		}
	}()
	return func() {
		close(quit)
		<-stopped
	}
}

// write stores one batch, one transaction.
func (im *Importer) write(ctx context.Context, batch []item, rep *ImportReport) error {
	arts := make([]feeds.Article, len(batch))
	for i, it := range batch {
		arts[i] = it.a
	}
	return im.put(ctx, batch, arts, rep)
}

// put stores the articles of a batch (arts[i] is batch[i]'s) in one
// transaction. When the store refuses them, each half is tried on its own,
// and a half refused is halved again: one bad article costs about two
// transactions a halving (some thirty in a batch of 20,000) and fails
// alone, and the articles keep their order.
func (im *Importer) put(ctx context.Context, batch []item, arts []feeds.Article, rep *ImportReport) error {
	res, err := im.Store.ImportWith(ctx, arts, store.ImportOptions{Rules: im.Rules, Undelete: im.Undelete})
	outs := res.Outcomes
	if _, ok := errors.AsType[*store.RuleError](err); ok {
		// Stored, tagged by the other rules: a rule that does not parse
		// is the user's to fix; say it once.
		if !rep.ruleWarned {
			rep.Warnings = append(rep.Warnings, Problem{Reason: err.Error()})
			rep.ruleWarned = true
		}
		err = nil
	}
	if err == nil {
		count(batch, outs, rep)
		for _, u := range res.NewFeeds {
			rep.NewFeeds = append(rep.NewFeeds, feeds.ShownURL(u))
		}
		return nil
	}
	if fatal(ctx, err) {
		return err
	}
	if ae, ok := errors.AsType[*store.ArticleError](err); ok && ae.Index < len(batch) {
		// The article refused is known: the ones before it go in together,
		// it fails, and the rest go on.
		i := ae.Index
		if i > 0 {
			if err := im.put(ctx, batch[:i], arts[:i], rep); err != nil {
				return err
			}
		}
		rep.Failed = append(rep.Failed, batch[i].at.problem(refusal(&arts[i], ae.Err)))
		if i+1 == len(batch) {
			return nil
		}
		return im.put(ctx, batch[i+1:], arts[i+1:], rep)
	}
	if len(batch) == 1 {
		rep.Failed = append(rep.Failed, batch[0].at.problem(refusal(&arts[0], err)))
		return nil
	}
	half := len(batch) / 2
	if err := im.put(ctx, batch[:half], arts[:half], rep); err != nil {
		return err
	}
	return im.put(ctx, batch[half:], arts[half:], rep)
}

// checkFeed leaves an article without the feed it names when importing
// would not subscribe to it (feeds.ImportedFeed: an address too long, or
// not http(s)), with a warning saying why. Markdown's reading checks its
// feed as it reads it; this holds for every format.
func checkFeed(a *feeds.Article) {
	if a.FeedURL == "" {
		return
	}
	if _, refused := feeds.ImportedFeed(a.FeedURL); refused != "" {
		a.FeedURL = ""
		a.Warnings = append(a.Warnings, refused)
	}
}

// refusal is why the store refused an article, as its file and line are
// printed before it.
func refusal(a *feeds.Article, err error) string {
	if ae, ok := errors.AsType[*store.ArticleError](err); ok {
		err = ae.Err // its place in the batch and its id: the file and line say which
	}
	if a.Absent&feeds.FieldBody != 0 && errors.Is(err, store.ErrNothingToAdd) {
		// A record that changes an article, naming one not there.
		const changes = " (a record without a body changes an article already there)"
		if strings.HasPrefix(a.ExternalID, feeds.IdentityPrefix) {
			// Made from its fields: it has none of its own.
			return "the record has no body, nor the external_id of an article in the library" + changes
		}
		return "no article in the library has external_id " + strconv.Quote(oneLine(a.ExternalID, 80)) + changes
	}
	return err.Error()
}

// fatal reports whether an import error is about the library rather than
// about the articles, so that trying the articles one by one is pointless:
// a busy library would keep each try waiting, a full or failing disk
// would refuse each of them in turn, and so would a damaged library.
func fatal(ctx context.Context, err error) bool {
	return ctx.Err() != nil || errors.Is(err, store.ErrBusy) || libraryRefuses(err)
}

// DiskError is an import stopped by the disk the library is on: full, or
// failing a write. What was stored before it stays.
type DiskError struct {
	Library string
	Stored  int // the articles in the library the import stored, changed or found unchanged
	Err     error
}

func (e *DiskError) Error() string {
	stored := Plural(e.Stored, "article") + " stored in " + shownName(e.Library)
	if store.DiskFull(e.Err) {
		return "the disk is full: " + stored + "; free some space and run the import again"
	}
	return "the library could not be written, a disk I/O error (the disk full, a file size limit reached, or the disk failing): " +
		stored + "; run the import again once it can be written"
}

func (e *DiskError) Unwrap() error { return e.Err }

// diskError is err, when the disk stopped the import, as a DiskError saying
// what the import stored before it.
func (im *Importer) diskError(err error, rep *ImportReport) error {
	if err == nil || !store.DiskRefused(err) {
		return err
	}
	return &DiskError{Library: im.Store.Path(), Stored: rep.Added + rep.Updated + rep.Unchanged, Err: err}
}

// count tallies what importing a batch did, and reports the warnings of
// the articles it added or changed: one unchanged since the last import
// was warned about then.
func count(batch []item, outs []store.Outcome, rep *ImportReport) {
	rep.ImportStats.Count(outs...)
	for i, o := range outs {
		if o == store.Unchanged || o == store.Skipped {
			continue
		}
		for _, w := range batch[i].a.Warnings {
			rep.Warnings = append(rep.Warnings, batch[i].at.problem(w))
		}
	}
}

// seenIDs remembers where each external id of an import came from, by a
// hash of it (16 bytes an article: a million articles take 16 MB), so that
// two articles with one id, the later silently replacing the earlier, are a
// warning naming both places.
type seenIDs struct {
	seed maphash.Seed
	at   map[uint64]place
}

// place is a file and line an article was read from, and its record's
// number when the line holds others.
type place struct {
	file   string
	line   int
	record int
}

func (p place) String() string {
	switch {
	case p.line > 0 && p.record > 0:
		return fmt.Sprintf("%s:%d (record %d)", shownName(p.file), p.line, p.record)
	case p.line > 0:
		return fmt.Sprintf("%s:%d", shownName(p.file), p.line)
	}
	return shownName(p.file)
}

// problem is a failure or warning, reason, about the article read at p.
func (p place) problem(reason string) Problem {
	return Problem{File: p.file, Line: p.line, Record: p.record, Reason: reason}
}

func newSeenIDs() *seenIDs { return &seenIDs{seed: maphash.MakeSeed(), at: make(map[uint64]place)} }

// add remembers where it came from, and reports where its id was seen first
// when it was.
func (s *seenIDs) add(it item) (first place, dup bool) {
	h := maphash.String(s.seed, it.a.ExternalID)
	if first, dup = s.at[h]; dup {
		return first, true
	}
	s.at[h] = it.at
	return place{}, false
}

type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}
