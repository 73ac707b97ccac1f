package cli

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/term"
	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"

	"tidings/feeds"
	"tidings/store"
	"tidings/store/anchor"
	"tidings/store/leftover"
)

// ExportOptions shape `tidings export`.
type ExportOptions struct {
	Query  string // in the query language; empty exports everything
	Format string // "md" or "json", or a name import takes for one (exportFormats)
	Out    string // folder; required for md, optional for json (stdout without)
	// Progress, when it is a terminal, shows how many articles are written
	// as the export goes (stderr); nil or anything else shows nothing.
	Progress io.Writer
}

// ExportJSONName is the file a JSON export writes in its --out folder.
const ExportJSONName = "tidings-export.jsonl"

// exportFormats are the names --format takes, each for the format it is:
// md and json, and markdown and jsonl, as import names them (an export's
// JSON is JSON Lines).
var exportFormats = map[string]string{"md": "md", "markdown": "md", "json": "json", "jsonl": "json"}

// Check reports options that cannot work, before the library is opened.
func (o ExportOptions) Check() error {
	switch exportFormats[o.Format] {
	case "md":
		if o.Out == "" {
			return fmt.Errorf("--format %s writes one file per article: give the folder with --out", o.Format)
		}
	case "json":
	case "":
		if o.Format != "" {
			return fmt.Errorf("--format %q: want md or json", oneLine(o.Format, 0))
		}
		return errors.New("give --format md or --format json")
	}
	return nil
}

// ExportReport sums up an export.
type ExportReport struct {
	Articles int       // exported
	Notes    int       // their annotations
	Dest     string    // the folder or file written; "" for stdout
	Failed   []Problem // articles that could not be written
	Kept     []Problem // files that may hold the reader's words, left as they are
	// Earlier are files of articles exported under their new titles, kept
	// under an earlier title for they may hold the reader's words.
	Earlier  []Problem
	Warnings []Problem // what the export went on without (a manifest it could not read)
	// Stopped is an export stopped before its end (ctrl+c, a signal): what
	// it wrote is counted. A JSON file, written whole or not at all, was
	// not written (Unwritten): it counts no article; a file exported
	// before is left as it was (EarlierFile), when there was one.
	Stopped, Unwritten, EarlierFile bool
}

// Export writes the articles matching opt.Query, newest first, with their
// annotations: as Markdown files into opt.Out, or as JSON Lines of
// feeds.Record (which `tidings import` reads back) to opt.Out's
// ExportJSONName or to stdout. An article that cannot be written is
// reported and the rest goes on. Stopped by ctx (ctrl+c), it returns ctx's
// error with the report of what it wrote (Stopped).
func Export(ctx context.Context, st *store.Store, stdout io.Writer, opt ExportOptions) (ExportReport, error) {
	if err := opt.Check(); err != nil {
		return ExportReport{}, err
	}
	opt.Format = exportFormats[opt.Format]
	if opt.Out != "" {
		if err := os.MkdirAll(opt.Out, 0o755); err != nil {
			return ExportReport{}, fmt.Errorf("export: %w", cleanError{err})
		}
		removeLeftovers(opt.Out)
	}
	prog := newExportProgress(opt.Progress)
	defer prog.done()
	var rep ExportReport
	var err error
	if opt.Format == "md" {
		rep, err = exportMarkdown(ctx, st, opt, prog)
	} else {
		rep, err = exportJSON(ctx, st, stdout, opt, prog)
	}
	rep.Stopped = err != nil && ctx.Err() != nil
	return rep, err
}

// exportProgress redraws "Exporting… 12,345 articles" in place on a
// terminal, ten times a second at most.
type exportProgress struct {
	line liveLine
	last time.Time
	on   bool
}

func newExportProgress(w io.Writer) *exportProgress {
	p := &exportProgress{line: liveLine{w: w}}
	if f, ok := w.(interface{ Fd() uintptr }); ok && term.IsTerminal(int(f.Fd())) {
		p.on = true
	}
	return p
}

// written tells n articles written so far.
func (p *exportProgress) written(n int) {
	if !p.on {
		return
	}
	if now := time.Now(); now.Sub(p.last) >= 100*time.Millisecond {
		p.last = now
		p.line.draw("Exporting… "+Plural(n, "article"), p.line.columns(), spareCells)
	}
}

// done clears the line, for the summary.
func (p *exportProgress) done() {
	if p.on && p.line.cells > 0 {
		p.line.clear()
	}
}

// exportJSON writes JSON Lines, to a file through a temporary one so that a
// failed export leaves the previous one whole.
func exportJSON(ctx context.Context, st *store.Store, stdout io.Writer, opt ExportOptions, prog *exportProgress) (ExportReport, error) {
	var rep ExportReport
	feedURLs, err := feedURLs(ctx, st)
	if err != nil {
		return rep, err
	}
	write := func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 64<<10)
		enc := newJSONLines(bw)
		err := st.Search(ctx, opt.Query, 0, func(a store.Article) error {
			anns, err := st.Annotations(ctx, a.ID)
			if err != nil {
				return err
			}
			if anns == nil {
				anns = []store.Annotation{} // an empty array, not a count
			}
			r := Record(a, anns)
			r.Feed = feedURLs[a.FeedID]
			if lost := r.Unwritable(); len(lost) > 0 {
				// Written without them (feeds.Record.MarshalJSON), not
				// the whole export failed for them.
				rep.Failed = append(rep.Failed, Problem{File: exportedArticle(a),
					Reason: unwritableReason(lost, "JSON", "written as null")})
			}
			rep.Articles++
			rep.Notes += len(anns)
			prog.written(rep.Articles)
			return enc.Encode(r)
		})
		if err != nil {
			if ctx.Err() != nil {
				// Stopped: the articles counted are written out, so
				// that standard output ends with the last of them
				// whole (a file stopped is not kept). A failure is the
				// next write's to tell.
				_ = bw.Flush()
			}
			return err
		}
		return bw.Flush()
	}
	if opt.Out == "" {
		return rep, exportDiskError(write(stdout), &rep, "json")
	}
	rep.Dest = filepath.Join(opt.Out, ExportJSONName)
	if to, err := linkTarget(rep.Dest); err == nil && filepath.Dir(to) != filepath.Clean(opt.Out) {
		// Written through a link: a killed export left its temporary
		// file beside the file linked to.
		removeLeftovers(filepath.Dir(to))
	}
	err = writeFile(rep.Dest, write)
	if err != nil && ctx.Err() != nil {
		// Stopped: the file is not written, and holds no article; one
		// there before is as it was.
		_, before := os.Stat(rep.Dest)
		return ExportReport{Dest: rep.Dest, Unwritten: true, EarlierFile: before == nil}, err
	}
	return rep, exportDiskError(err, &rep, "json")
}

// ExportDiskError is an export the disk stopped, full or failing: it stops
// at the first write refused, as every write after it would be. No file is
// left half-written: a Markdown export's files written before it stay, and
// a JSON file is the one before, if any, as it was.
type ExportDiskError struct {
	// Format is "md" or "json", Dest the folder or file written, "" for
	// standard output.
	Format, Dest string
	Articles     int   // written before it
	Manifest     error // a Markdown export's manifest not saved; nil when saved
	// EarlierFile is set when a JSON file exported before is at Dest, left
	// as it was.
	EarlierFile bool
	Err         error
}

func (e *ExportDiskError) Error() string {
	what, again := "the disk is full", "free some space and export again"
	if !store.DiskFull(e.Err) {
		what = "a disk I/O error (" + oneLine(describe(e.Err), 0) + "; the disk full, a file size limit reached, or the disk failing)"
		again = "export again once that is put right"
	}
	var done string
	switch {
	case e.Format == "md":
		done = Plural(e.Articles, "article") + " exported to " + shownName(e.Dest) + ", the rest not"
		if e.Manifest != nil {
			done += "; " + shownName(filepath.Join(e.Dest, manifestName)) + " not saved either (" + oneLine(describe(e.Manifest), 0) + ")"
		}
	case e.Dest != "":
		done = shownName(e.Dest) + " not written"
		if e.EarlierFile {
			done += " (one exported before is left as it was)"
		}
	default:
		done = "the export to standard output stopped before its end"
	}
	return what + ": " + done + "; " + again
}

func (e *ExportDiskError) Unwrap() error { return e.Err }

// exportDiskError is err, when the disk refused a write of the export, as
// an ExportDiskError.
func exportDiskError(err error, rep *ExportReport, format string) error {
	if err == nil || !store.DiskRefused(err) {
		return err
	}
	_, before := os.Stat(rep.Dest)
	return &ExportDiskError{Format: format, Dest: rep.Dest, Articles: rep.Articles, EarlierFile: rep.Dest != "" && before == nil, Err: err}
}

// fileWriteError is a Markdown file of an export that could not be
// written for the disk: the export stops at it.
type fileWriteError struct{ err error }

func (e fileWriteError) Error() string { return e.err.Error() }
func (e fileWriteError) Unwrap() error { return e.err }

// feedURLs maps feed ids to their URLs, so that an export names an
// article's feed as an import expects it.
func feedURLs(ctx context.Context, st *store.Store) (map[int64]string, error) {
	subs, err := st.Feeds(ctx)
	if err != nil {
		return nil, err
	}
	m := make(map[int64]string, len(subs))
	for _, f := range subs {
		m[f.ID] = f.URL
	}
	return m, nil
}

// exportMarkdown writes one Markdown file per article into opt.Out. An
// article exported before is written over its own file (found by the
// external id in its front matter, even under an older title); a file of the
// same name that is not the article's export is left alone.
//
// The manifest is saved as the export goes (every manifestSaveEvery), so
// that a killed export forgets little of what it wrote, and last, whatever
// came before: its failure is one of rep's, which the deferred save appends
// to the result returned (rep is named for it), for an export that forgot
// what it wrote would write over the files edited since. A file the disk
// refuses (full, failing) stops the export, every file after it being
// refused as well: the error, an ExportDiskError, says how far it came and
// whether the manifest was saved.
func exportMarkdown(ctx context.Context, st *store.Store, opt ExportOptions, prog *exportProgress) (rep ExportReport, err error) {
	rep = ExportReport{Dest: opt.Out}
	feedURLs, err := feedURLs(ctx, st)
	if err != nil {
		return rep, err
	}
	owners, err := exportedFiles(opt.Out)
	if err != nil {
		return rep, err
	}
	written, err := readManifest(opt.Out)
	if err != nil {
		rep.Warnings = append(rep.Warnings, Problem{File: filepath.Join(opt.Out, manifestName),
			Reason: "cannot be read (" + describe(err) + "), so files that differ from this export are kept, as though edited"})
	}
	lastSave := time.Now()
	defer func() {
		saved := written.save(opt.Out)
		if fe, ok := errors.AsType[fileWriteError](err); ok {
			err = &ExportDiskError{Format: "md", Dest: opt.Out, Articles: rep.Articles, Manifest: saved, Err: fe.err}
			return
		}
		if saved != nil {
			rep.Failed = append(rep.Failed, Problem{File: filepath.Join(opt.Out, manifestName), Reason: describe(saved)})
		}
	}()
	err = st.Search(ctx, opt.Query, 0, func(a store.Article) error {
		anns, err := st.Annotations(ctx, a.ID)
		if err != nil {
			return err
		}
		name := MarkdownFileName(a)
		path := filepath.Join(opt.Out, name)
		if owner, ok := owners.byName[name]; ok && owner != a.ExternalID {
			rep.Failed = append(rep.Failed, Problem{File: path, Reason: "exists and is not this article's export; left alone"})
			return nil
		}
		doc, err := ExportMarkdown(a, feedURLs[a.FeedID], anns)
		if err != nil {
			rep.Failed = append(rep.Failed, Problem{File: path, Reason: err.Error()})
			return nil
		}
		switch ok, why, err := written.overwrite(opt.Out, name, doc); {
		case err != nil:
			rep.Failed = append(rep.Failed, Problem{File: path, Reason: "cannot be read to tell whether it was edited (" + describe(err) + "); left as it is"})
			return nil
		case !ok:
			// Notes added in Obsidian, say: the reader's words win.
			rep.Kept = append(rep.Kept, Problem{File: path, Reason: why + "; left as it is (delete it to export it again, or export into another folder)"})
			return nil
		}
		if err := writeFile(path, func(w io.Writer) error { _, err := io.WriteString(w, doc); return err }); err != nil {
			if store.DiskRefused(err) {
				return fileWriteError{err}
			}
			rep.Failed = append(rep.Failed, Problem{File: path, Reason: describe(err)})
			return nil
		}
		written[name] = contentSum([]byte(doc))
		if lost := unwritableDates(a); len(lost) > 0 {
			// Written without them (ExportMarkdown).
			rep.Failed = append(rep.Failed, Problem{File: path,
				Reason: unwritableReason(lost, "front matter", "left out")})
		}
		// A retitled article's exports under its earlier titles go, when
		// they are as tidings wrote them: every one, whatever the order of
		// their names.
		for _, old := range owners.byID[a.ExternalID] {
			if old == name || sameFile(path, filepath.Join(opt.Out, old)) {
				continue
			}
			oldPath := filepath.Join(opt.Out, old)
			if why := written.changed(opt.Out, old); why != "" {
				rep.Earlier = append(rep.Earlier, Problem{File: oldPath, Reason: "an earlier title's file, " + why + ": kept; delete it if you no longer want it"})
				continue
			}
			if err := os.Remove(oldPath); err != nil && !errors.Is(err, fs.ErrNotExist) {
				rep.Failed = append(rep.Failed, Problem{File: oldPath, Reason: "older export not removed: " + describe(err)})
			}
			delete(owners.byName, old)
			delete(written, old)
		}
		owners.byName[name], owners.byID[a.ExternalID] = a.ExternalID, []string{name}
		rep.Articles++
		rep.Notes += len(anns)
		prog.written(rep.Articles)
		if time.Since(lastSave) >= manifestSaveEvery {
			// A failure is the last save's to tell.
			_ = written.save(opt.Out)
			lastSave = time.Now()
		}
		return nil
	})
	return rep, err
}

// manifestName is the file, in an export folder, that remembers what each
// Markdown export held when tidings wrote it.
const manifestName = ".tidings-export.json"

// manifestSaveEvery is how often a Markdown export saves its manifest as
// it goes, besides at its end: killed, it forgets at most the files
// written since.
const manifestSaveEvery = time.Second

// manifest is a folder's file names and the sums of what tidings wrote in
// them.
type manifest map[string]string

// readManifest reads dir's manifest. There being none is no error; one that
// cannot be read (truncated, say) is, and remembers nothing: either way no
// file is taken for tidings's own unedited export without it (overwrite).
func readManifest(dir string) (manifest, error) {
	if fi, err := os.Stat(filepath.Join(dir, manifestName)); err == nil && !fi.Mode().IsRegular() {
		return manifest{}, errors.New("not a regular file") // a FIFO would keep ReadFile waiting
	}
	data, err := os.ReadFile(filepath.Join(dir, manifestName))
	if errors.Is(err, fs.ErrNotExist) {
		return manifest{}, nil
	}
	if err != nil {
		return manifest{}, err
	}
	var m manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return manifest{}, err
	}
	if m == nil {
		return manifest{}, errors.New("null where the files' sums were")
	}
	return m, nil
}

func (m manifest) save(dir string) error {
	data, err := json.MarshalIndent(m, "", "\t")
	if err != nil {
		return err
	}
	return writeFile(filepath.Join(dir, manifestName), func(w io.Writer) error { _, err := w.Write(data); return err })
}

// overwrite reports whether doc may be written over the file name in dir,
// and if not, why: only a file that is not there, that is as tidings wrote
// it (its sum in the manifest), or that holds doc already is written over.
// err is the file's, which could not be read.
func (m manifest) overwrite(dir, name, doc string) (ok bool, why string, err error) {
	data, err := os.ReadFile(filepath.Join(dir, name))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return true, "", nil
	case err != nil:
		return false, "", err
	case string(data) == doc:
		return true, "", nil
	}
	sum, known := m[name]
	switch {
	case !known:
		// Written before tidings kept sums, or by an export whose
		// manifest was lost (deleted, not synced, not saved), or the
		// reader's own: it may hold the reader's words.
		return false, "differs from this export, and " + manifestName + " has no sum of it to tell whether it was edited", nil
	case contentSum(data) != sum:
		return false, "edited since it was exported", nil
	}
	return true, "", nil
}

// changed is why the export named name in dir may hold the reader's words,
// "" when it is as tidings wrote it, or not there.
func (m manifest) changed(dir, name string) string {
	data, err := os.ReadFile(filepath.Join(dir, name))
	if errors.Is(err, fs.ErrNotExist) {
		return ""
	}
	sum, known := m[name]
	switch {
	case err != nil:
		return "which cannot be read (" + describe(err) + ")"
	case !known:
		return "which " + manifestName + " has no sum of to tell whether it was edited"
	case contentSum(data) != sum:
		return "edited since it was exported"
	}
	return ""
}

func contentSum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// sameFile reports whether two names are one file, as they can be on a
// case-insensitive file system.
func sameFile(a, b string) bool {
	ia, err := os.Stat(a)
	if err != nil {
		return false
	}
	ib, err := os.Stat(b)
	return err == nil && os.SameFile(ia, ib)
}

// owners records which article each Markdown file of a folder exports.
type owners struct {
	byName map[string]string   // file name -> external id ("" when not an export)
	byID   map[string][]string // external id -> its files' names
}

// frontMatterPeek is how much of a file is read for its front matter.
const frontMatterPeek = 16 << 10

// exportedFiles reads the front matter of the folder's Markdown files.
func exportedFiles(dir string) (owners, error) {
	o := owners{byName: make(map[string]string), byID: make(map[string][]string)}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return o, fmt.Errorf("export: %w", cleanError{err})
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		id := exportedID(filepath.Join(dir, e.Name()))
		// Some file systems (macOS's HFS+) give back names decomposed.
		name := norm.NFC.String(e.Name())
		o.byName[name] = id
		if id != "" {
			o.byID[id] = append(o.byID[id], name)
		}
	}
	return o, nil
}

// exportedID is the external id in a file's front matter, "" if none. What
// is not a regular file (a link to a FIFO, which opening would wait on) is
// no export.
func exportedID(path string) string {
	if fi, err := os.Stat(path); err != nil || !fi.Mode().IsRegular() {
		return ""
	}
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	head := make([]byte, frontMatterPeek)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	rest, ok := bytes.CutPrefix(head, []byte("---\n"))
	if !ok {
		return ""
	}
	end := bytes.Index(rest, []byte("\n---\n"))
	if end < 0 {
		return ""
	}
	var fm struct {
		ExternalID string `yaml:"external_id"`
	}
	if yaml.Unmarshal(rest[:end+1], &fm) != nil {
		return ""
	}
	return fm.ExternalID
}

// exportTemp begins the names of the temporary files exports write
// through, followed by the process id of the export and a random number.
const exportTemp = ".tidings-export-"

// staleExport is how long a temporary file nothing writes to any more may
// be another export's before it is taken for a leftover, when its name does
// not tell (an older tidings's, or its process id since taken by another
// program).
const staleExport = time.Minute

// exportMode is the mode of a file an export makes: the owner's alone, as
// the library and its backups are, for it holds the reader's notes.
const exportMode fs.FileMode = 0o600

// writeFile writes path through a temporary file in the same folder, so that
// the file is either its old self or complete. The temporary file is locked
// while it is written, so that other exports know it for one that runs.
// A path that is a symbolic link (into a synced folder, say) is written
// where it points, and stays a link. A new file is made exportMode; one
// written over keeps the mode the reader gave it. What is there and is not
// a regular file (a FIFO, a device, a folder, linked to) is refused: a
// file renamed over it would put the export in its place.
func writeFile(path string, write func(io.Writer) error) error {
	path, err := linkTarget(path)
	if err != nil {
		return err
	}
	if err := notRegular(path); err != nil {
		return err
	}
	mode := exportMode
	if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() {
		mode = fi.Mode().Perm()
	}
	tmp, err := leftover.Create(filepath.Dir(path), exportTemp, "")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// notRegular is an error naming path when something is there that is not
// a regular file, saying what it is; nil when path is a regular file or
// nothing.
func notRegular(path string) error {
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().IsRegular() {
		return nil
	}
	kind := "not a regular file"
	switch m := fi.Mode(); {
	case m&fs.ModeNamedPipe != 0:
		kind = "a FIFO, not a regular file"
	case m&fs.ModeDevice != 0:
		kind = "a device, not a regular file"
	case m&fs.ModeSocket != 0:
		kind = "a socket, not a regular file"
	case m.IsDir():
		kind = "a folder, not a regular file"
	}
	return fmt.Errorf("%s is %s; not written over", oneLine(path, 0), kind)
}

// maxLinks is how many symbolic links in a row linkTarget follows.
const maxLinks = 40

// linkTarget is the file path names: path, or, when it is a symbolic link,
// the file the link points to, a link to a link followed to its end, so
// that the file written in its place is the one the link points to and the
// link stays. The file need not be there.
func linkTarget(path string) (string, error) {
	for range maxLinks {
		fi, err := os.Lstat(path)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		to, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(to) {
			// Relative to the link's folder as it is, links and all.
			dir, err := filepath.EvalSymlinks(filepath.Dir(path))
			if err != nil {
				return "", err
			}
			to = filepath.Join(dir, to)
		}
		path = to
	}
	return "", &fs.PathError{Op: "write", Path: path, Err: syscall.ELOOP}
}

// removeLeftovers removes from dir the temporary files of exports that no
// longer run: a killed JSON export leaves one as large as the export. The
// files of exports running, here or in another tidings, stay.
func removeLeftovers(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), exportTemp)
		if ok && e.Type().IsRegular() {
			path := filepath.Join(dir, e.Name())
			if leftover.Is(path, rest, staleExport) {
				_ = os.Remove(path)
			}
		}
	}
}

// maxSlug is the longest slug of a title in a file name, in bytes.
const maxSlug = 60

// MarkdownFileName is the file an article is exported to: its day, a slug
// of its title and its id, as in 2024-03-05-leaked-audio-42.md. Only
// letters, digits and dashes appear.
func MarkdownFileName(a store.Article) string {
	day := "undated"
	if !a.Published.IsZero() && feeds.WritableDate(a.Published) {
		day = a.Published.UTC().Format("2006-01-02")
	}
	return day + "-" + slug(a.Title) + "-" + strconv.FormatInt(a.ID, 10) + ".md"
}

// slug is title in lower case letters and digits (of any script, in
// Unicode's composed form), with every run of anything else made one dash,
// cut near maxSlug bytes at a dash.
func slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFC.String(strings.ToLower(title)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case unicode.IsMark(r) && b.Len() > 0 && !dash:
			b.WriteRune(r) // a vowel sign or accent of the letter before
		default:
			dash = true
		}
	}
	s := b.String()
	if len(s) > maxSlug {
		cut := maxSlug
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		if i := strings.LastIndexByte(s[:cut], '-'); i > maxSlug/2 {
			cut = i
		}
		s = s[:cut]
	}
	if s == "" {
		return "untitled"
	}
	return s
}

// frontMatter is the YAML header of an exported article, in this order.
// Everything the Markdown importer reads back is there, as it is in the
// library: importing an export changes nothing.
type frontMatter struct {
	Title  string     `yaml:"title"`
	Source string     `yaml:"source,omitempty"`
	Feed   string     `yaml:"feed,omitempty"` // the subscription's URL
	Date   *yaml.Node `yaml:"date,omitempty"` // a plain YAML date or time, which Obsidian reads as one
	// Added is when the library took the article in: imported into
	// another library, an undated article keeps its place.
	Added      *yaml.Node `yaml:"added,omitempty"`
	URL        string     `yaml:"url,omitempty"`
	Author     string     `yaml:"author,omitempty"`
	Tags       []string   `yaml:"tags,omitempty"`
	RuleTags   []string   `yaml:"rule_tags,omitempty"` // of Tags, those a tag rule set
	Read       bool       `yaml:"read,omitempty"`
	Starred    bool       `yaml:"starred,omitempty"`
	Retitled   bool       `yaml:"retitled,omitempty"` // the title is the reader's
	ID         int64      `yaml:"id"`
	ExternalID string     `yaml:"external_id"`
}

// exportDate is when an article was published as front matter writes it:
// the day alone at midnight UTC (a date property to Obsidian), else the
// time in RFC 3339, UTC.
func exportDate(t time.Time) string {
	t = t.UTC()
	if t.Equal(t.Truncate(24 * time.Hour)) {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339Nano)
}

// ExportMarkdown is an article as an exported Markdown document: YAML front
// matter, the title as a heading, the body, and a Notes section with the
// whole-article notes, then each highlight as a block quote followed by its
// note, in the order of the article; highlights whose passage is no longer
// in the article come last, marked. feed is the URL of the article's feed,
// "" when it has none.
func ExportMarkdown(a store.Article, feed string, anns []store.Annotation) (string, error) {
	fm := frontMatter{
		Title:      feeds.CleanLine(a.Title),
		Source:     feeds.CleanLine(a.Source),
		Feed:       feeds.CleanLine(feed),
		URL:        feeds.CleanLine(a.URL),
		Author:     feeds.CleanLine(a.Author),
		Read:       a.Read(),
		Starred:    a.Starred,
		Retitled:   a.Retitled,
		ID:         a.ID,
		ExternalID: a.ExternalID,
	}
	// A date YAML cannot hold (past 9999 in UTC), which a library may
	// hold from before imports read such a date as none, is left out, as
	// unwritableDates tells.
	if !a.Published.IsZero() && feeds.WritableDate(a.Published) {
		fm.Date = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: exportDate(a.Published)}
	}
	if !a.Added.IsZero() && feeds.WritableDate(a.Added) {
		fm.Added = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: a.Added.UTC().Format(time.RFC3339Nano)}
	}
	for _, t := range a.Tags {
		// As they are, so that they import back as the same tags; in
		// Obsidian one with a space or a colon is a property value that
		// is not a tag.
		fm.Tags = append(fm.Tags, feeds.CleanLine(t.Name))
		if t.ByRule {
			fm.RuleTags = append(fm.RuleTags, feeds.CleanLine(t.Name))
		}
	}
	var b strings.Builder
	b.WriteString("---\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(fm); err != nil {
		return "", fmt.Errorf("front matter: %w", err)
	}
	if err := enc.Close(); err != nil {
		return "", fmt.Errorf("front matter: %w", err)
	}
	b.WriteString("---\n\n")
	b.WriteString(feeds.TitleHeading(fm.Title) + "\n\n")
	// A marker in the article's own text, or in a note, is escaped: only
	// the one written here starts the notes, to an import.
	body := feeds.EscapeNotesMarkers(strings.TrimSpace(feeds.CleanText(a.Body)))
	if body != "" {
		b.WriteString(body)
		b.WriteString("\n")
	}
	if len(anns) == 0 {
		return b.String(), nil
	}
	b.WriteString("\n" + feeds.NotesMarker + "\n\n## Notes\n")
	for _, n := range orderNotes(a.Body, anns) {
		b.WriteString("\n")
		if n.Quote != "" {
			writeQuote(&b, feeds.EscapeNotesMarkers(feeds.CleanText(n.Quote)))
			if n.Orphaned {
				b.WriteString("\n*This passage is no longer in the article.*\n")
			}
			if strings.TrimSpace(n.Note) != "" {
				b.WriteString("\n")
			}
		}
		if note := feeds.EscapeNotesMarkers(strings.TrimSpace(feeds.CleanText(n.Note))); note != "" {
			b.WriteString(note)
			b.WriteString("\n")
		}
	}
	return b.String(), nil
}

// orderNotes puts whole-article notes first (oldest first), then highlights
// by their place in the article, then orphaned ones.
func orderNotes(body string, anns []store.Annotation) []store.Annotation {
	text := anchor.PlainText(body)
	type placed struct {
		store.Annotation
		rank, at int
	}
	ps := make([]placed, len(anns))
	for i, n := range anns {
		p := placed{Annotation: n}
		switch {
		case n.Quote == "":
			p.rank = 0
		case n.Orphaned:
			p.rank = 2
		default:
			start, _, ok := anchor.Find(text, anchor.Selector{Quote: n.Quote, Prefix: n.Prefix, Suffix: n.Suffix})
			p.rank, p.at = 1, start
			if !ok {
				p.rank = 2
			}
		}
		ps[i] = p
	}
	slices.SortStableFunc(ps, func(x, y placed) int { return cmp.Or(cmp.Compare(x.rank, y.rank), cmp.Compare(x.at, y.at)) })
	out := make([]store.Annotation, len(ps))
	for i, p := range ps {
		out[i] = p.Annotation
	}
	return out
}

// PrintExportSummary says what an export wrote, on w, and the files it
// kept or failed to write, on diag (stderr); and that it stopped, when it
// was stopped before its end, as an import's summary says it.
func PrintExportSummary(w, diag io.Writer, rep ExportReport) {
	for _, p := range rep.Warnings {
		fmt.Fprintf(diag, "warning: %s\n", oneLine(p.String(), 0))
	}
	for _, p := range slices.Concat(rep.Kept, rep.Earlier) {
		fmt.Fprintf(diag, "kept: %s\n", oneLine(p.String(), 0))
	}
	for _, p := range rep.Failed {
		fmt.Fprintf(diag, "failed: %s\n", oneLine(p.String(), 0))
	}
	dest := ""
	if rep.Dest != "" {
		dest = " to " + oneLine(rep.Dest, 0)
	}
	kept := ""
	switch n := len(rep.Kept); {
	case n == 1:
		kept = "; 1 file kept as it was (delete it to export it again)"
	case n > 1:
		kept = "; " + Plural(n, "file") + " kept as they were (delete them to export them again)"
	}
	switch n := len(rep.Earlier); {
	case n == 1:
		kept += "; 1 earlier title's file kept (delete it if you no longer want it)"
	case n > 1:
		kept += "; " + thousands(n) + " earlier titles' files kept (delete them if you no longer want them)"
	}
	stopped := ""
	switch {
	case rep.Stopped && rep.Unwritten:
		dest = ""
		stopped = ", then stopped: " + shownName(rep.Dest) + " not written"
		if rep.EarlierFile {
			stopped += " (one exported before is left as it was)"
		}
	case rep.Stopped:
		stopped = ", then stopped" // what was left to write is not written
	}
	fmt.Fprintf(w, "%s exported%s, %s%s; %s failed%s\n",
		Plural(rep.Articles, "article"), dest, Plural(rep.Notes, "note"), kept, thousands(len(rep.Failed)), stopped)
}

// Incomplete is an error when the export left something out: an article
// it failed to write, or a file it kept rather than write over or remove,
// an earlier title's among them (a nightly export going stale says so in
// its exit status, every run alike); nil when it wrote all.
func (rep ExportReport) Incomplete() error {
	var parts []string
	if n := len(rep.Kept) + len(rep.Earlier); n > 0 {
		parts = append(parts, thousands(n)+" kept")
	}
	if n := len(rep.Failed); n > 0 {
		parts = append(parts, thousands(n)+" failed")
	}
	if parts == nil {
		return nil
	}
	return errors.New(strings.Join(parts, ", "))
}
