package feeds

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
)

// Reasons a symbolic link is not followed (see LinkError).
var (
	ErrDanglingLink = errors.New("dangling")
	ErrLinkLoop     = errors.New("loop")
)

// LinkError is a symbolic link that cannot be followed.
type LinkError struct {
	Target string // what the link says, as written
	Err    error  // ErrDanglingLink, ErrLinkLoop, or the error following it
	// Back is, for a link back to a folder being read, that folder as it
	// was reached.
	Back string
}

func (e *LinkError) Error() string {
	switch {
	case errors.Is(e.Err, ErrLinkLoop) && e.Back != "":
		return fmt.Sprintf("symbolic link to %q loops back to %s", e.Target, e.Back)
	case errors.Is(e.Err, ErrLinkLoop):
		return fmt.Sprintf("symbolic link to %q loops (too many levels of links)", e.Target)
	case errors.Is(e.Err, ErrDanglingLink):
		return fmt.Sprintf("dangling symbolic link: %q does not exist", e.Target)
	}
	return fmt.Sprintf("symbolic link to %q: %v", e.Target, e.Err)
}

func (e *LinkError) Unwrap() error { return e.Err }

// Found is one thing a Walker comes upon.
type Found struct {
	// Path is the path given, or a folder's path joined with an entry's
	// name: symbolic links keep their own name.
	Path string
	Info fs.FileInfo // of the file a link leads to; nil with Err or Skip
	// Err is why Path cannot be read: a *LinkError, or a file system error
	// (without the path, which Path holds).
	Err error
	// Skip, when set, says why Path is not read: a folder read already by
	// another path (Skip names it), or a pipe, socket or device. For a
	// folder walked, it says how many files in it were skipped as not
	// articles (NotArticles).
	Skip string
	// NotArticles is, for a folder walked, how many files in it were
	// skipped as plainly not articles: images, PDFs, a saved page's
	// scripts, a library's database. Skip says so in words.
	NotArticles int
}

// Walker lists the files an import reads under one or more paths: a file
// as it is; a folder recursively, each folder's entries sorted by name,
// hidden entries (".name": .git, .obsidian, .trash) skipped, and files that
// are plainly not articles (images, PDFs, archives, a saved page's folder of
// files, SQLite databases, the library among them) by their names, skipped
// and counted: the folder's walk ends with a Found that says how many
// (NotArticles). A file whose name does not say so is read, and one that
// is an archive or an image all the same (a gzip archive named ".txt")
// fails saying what it is. A file given as the root is read whatever it
// is. Symbolic links are followed, to
// files and to folders. A folder is read once, however many paths lead to it:
// the real path of each one entered is remembered, so that a link to one
// read already is skipped, and a link to the folder it is in, or to one
// holding that, is a loop (an error naming the link). A link that leads nowhere or into a loop of
// links is an error naming the link. Sockets, pipes and devices are passed
// over with a word (Skip), unless named as a root. The zero Walker is ready; one Walker shares what it has seen
// across the paths it walks.
type Walker struct {
	seen   map[string]string // real path of each folder entered -> its path as reached
	inside map[string]string // the same for the folders being walked now
	// skipped counts the files of the walk under way that are not
	// articles, by kind.
	skipped [len(kinds)]int
}

// Walk calls fn with each file under root (or root itself), each error and
// each folder skipped, in order. It returns only the error fn returns,
// which stops it.
func (w *Walker) Walk(root string, fn func(Found) error) error {
	if w.seen == nil {
		w.seen, w.inside = map[string]string{}, map[string]string{}
	}
	info, err := os.Stat(root)
	if err != nil {
		return fn(Found{Path: root, Err: statError(root, err)})
	}
	if !info.IsDir() {
		return fn(Found{Path: root, Info: info}) // a pipe named is read too
	}
	real, err := realPath(root)
	if err != nil {
		return fn(Found{Path: root, Err: statError(root, err)})
	}
	w.skipped = [len(kinds)]int{}
	if err := w.dir(root, real, fn); err != nil {
		return err
	}
	if n, words := skippedWords(w.skipped); n > 0 {
		return fn(Found{Path: root, Skip: words, NotArticles: n})
	}
	return nil
}

// realPath is path made absolute, every symbolic link on the way resolved.
func realPath(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}

func (w *Walker) file(path string, info fs.FileInfo, fn func(Found) error) error {
	if !info.Mode().IsRegular() {
		return fn(Found{Path: path, Skip: passedOver(info.Mode())})
	}
	return fn(Found{Path: path, Info: info})
}

// passedOver says why an entry of a folder of mode is passed over.
func passedOver(mode fs.FileMode) string {
	return "passed over: " + NotAFile(mode) + ", not a file (name it alone to read it)"
}

// NotAFile says what a path of mode is that is neither a file nor a folder:
// "a named pipe", "a socket", "a device". A folder's walk passes such
// entries over, since reading a pipe or a device could wait forever.
func NotAFile(mode fs.FileMode) string {
	switch {
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	case mode&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

// dir walks the folder at path, whose real path is real.
func (w *Walker) dir(path, real string, fn func(Found) error) error {
	if first, ok := w.seen[real]; ok {
		return fn(Found{Path: path, Skip: fmt.Sprintf("the same folder as %q, read once", first)})
	}
	w.seen[real] = path
	w.inside[real] = path
	defer delete(w.inside, real)
	entries, err := os.ReadDir(path)
	if err != nil {
		if err := fn(Found{Path: path, Err: unwrapPath(err)}); err != nil {
			return err
		}
	}
	for _, e := range entries { // sorted by name
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		p := filepath.Join(path, e.Name())
		var err error
		switch k := notArticle(e.Name(), entries); {
		case e.IsDir() && isSavedPageFiles(e.Name(), entries):
			w.skipped[kindSavedPage] += countFiles(p)
		case e.IsDir():
			err = w.dir(p, filepath.Join(real, e.Name()), fn)
		case e.Type()&fs.ModeSymlink != 0:
			err = w.link(p, real, entries, fn)
		case e.Type().IsRegular() && k >= 0:
			w.skipped[k]++
		case e.Type().IsRegular():
			info, ierr := e.Info()
			if ierr != nil {
				err = fn(Found{Path: p, Err: unwrapPath(ierr)})
			} else {
				err = fn(Found{Path: p, Info: info})
			}
		default:
			err = fn(Found{Path: p, Skip: passedOver(e.Type())})
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// link follows the symbolic link at path, found in the folder whose real
// path is in, beside entries. A link to that folder or to one that holds
// it is a loop.
func (w *Walker) link(path, in string, entries []fs.DirEntry, fn func(Found) error) error {
	info, err := os.Stat(path)
	if err != nil {
		return fn(Found{Path: path, Err: statError(path, err)})
	}
	if !info.IsDir() {
		if k := notArticle(filepath.Base(path), entries); k >= 0 && info.Mode().IsRegular() {
			w.skipped[k]++
			return nil
		}
		return w.file(path, info, fn)
	}
	real, err := realPath(path)
	if err != nil {
		return fn(Found{Path: path, Err: statError(path, err)})
	}
	if in == real || strings.HasPrefix(in, strings.TrimSuffix(real, string(filepath.Separator))+string(filepath.Separator)) {
		back, ok := w.inside[real]
		if !ok {
			back = real // above where the walk began
		}
		target, _ := os.Readlink(path)
		return fn(Found{Path: path, Err: &LinkError{Target: target, Err: ErrLinkLoop, Back: back}})
	}
	return w.dir(path, real, fn)
}

// statError says why path cannot be followed: a *LinkError when path is a
// symbolic link that leads nowhere or into a loop of links, else err
// without the path.
func statError(path string, err error) error {
	dangling := errors.Is(err, fs.ErrNotExist)
	if !dangling && !errors.Is(err, syscall.ELOOP) {
		return unwrapPath(err)
	}
	target, lerr := os.Readlink(path)
	if lerr != nil {
		return unwrapPath(err) // not a link itself: a missing path, or a link on the way
	}
	if dangling {
		return &LinkError{Target: target, Err: ErrDanglingLink}
	}
	return &LinkError{Target: target, Err: ErrLinkLoop}
}

// kind is a kind of file that is plainly not an article, an index of kinds.
type kind int

// The kinds of files that are not articles, in the order a summary names
// them when as many of each are skipped.
const (
	kindImage kind = iota
	kindPDF
	kindOffice
	kindBook
	kindAudio
	kindVideo
	kindArchive
	kindFont
	kindScript
	kindStyleSheet
	kindDatabase
	kindProgram
	kindCanvas
	kindDrawing
	kindSavedPage
	kindSystem
)

// kinds names each kind, one of it and many.
var kinds = [...]struct{ one, many string }{
	kindImage:      {"an image", "images"},
	kindPDF:        {"a PDF document", "PDFs"},
	kindOffice:     {"an office document", "office documents"},
	kindBook:       {"an e-book", "e-books"},
	kindAudio:      {"an audio file", "audio files"},
	kindVideo:      {"a video", "videos"},
	kindArchive:    {"an archive", "archives"},
	kindFont:       {"a font", "fonts"},
	kindScript:     {"a script", "scripts"},
	kindStyleSheet: {"a style sheet", "style sheets"},
	kindDatabase:   {"a database", "databases"},
	kindProgram:    {"a program", "programs"},
	kindCanvas:     {"an Obsidian canvas", "Obsidian canvases"},
	kindDrawing:    {"a drawing", "drawings"},
	kindSavedPage:  {"a saved page's file", "saved pages' files"},
	kindSystem:     {"a system file", "system files"},
}

// kindOfExt is the kind of file each extension (lower case, without its
// dot) is.
var kindOfExt = map[string]kind{}

func init() {
	for k, exts := range map[kind]string{
		kindImage:      "png jpg jpeg jpe jfif gif webp bmp tif tiff ico cur heic heif avif jxl svg svgz psd xcf raw cr2 nef arw dng",
		kindPDF:        "pdf",
		kindOffice:     "doc docx docm dot dotx odt ott rtf xls xlsx xlsm ods ppt pptx pps ppsx odp key pages numbers",
		kindBook:       "epub mobi azw azw3 djvu cbz cbr",
		kindAudio:      "mp3 m4a m4b aac wav flac ogg oga opus aiff aif wma mid midi amr",
		kindVideo:      "mp4 m4v mov avi mkv webm wmv flv mpg mpeg 3gp ogv",
		kindArchive:    "zip tar gz tgz bz2 tbz2 xz txz zst lz lzma 7z rar jar war iso dmg cab deb rpm webarchive",
		kindFont:       "ttf otf woff woff2 eot fon",
		kindScript:     "js mjs cjs jsx ts tsx map py sh bat ps1",
		kindStyleSheet: "css scss sass less xsl xslt",
		kindDatabase:   "db sqlite sqlite3 db3",
		kindProgram:    "exe dll so dylib o class pyc wasm msi apk",
		kindCanvas:     "canvas",
		kindDrawing:    "excalidraw drawio",
	} {
		for ext := range strings.FieldsSeq(exts) {
			kindOfExt[ext] = k
		}
	}
}

// sqliteCompanions end the names of the files SQLite keeps beside a
// database: its write-ahead log and shared memory, its rollback journal.
var sqliteCompanions = []string{"-wal", "-shm", "-journal"}

// kindOfName is the kind of file its name says it is, or -1 when it may
// be an article: by its extension (a database's companion files,
// "library.db-wal", by the database's), an Excalidraw drawing's
// ".excalidraw.md", folder settings (desktop.ini, macOS's "Icon\r").
func kindOfName(name string) kind {
	lower := strings.ToLower(name)
	for _, suffix := range sqliteCompanions {
		if db, ok := strings.CutSuffix(lower, suffix); ok && kindOfName(db) == kindDatabase {
			return kindDatabase
		}
	}
	switch {
	case strings.HasSuffix(lower, ".excalidraw.md"):
		return kindDrawing
	case lower == "desktop.ini" || name == "Icon\r":
		return kindSystem
	}
	if k, ok := kindOfExt[strings.TrimPrefix(filepath.Ext(lower), ".")]; ok {
		return k
	}
	return -1
}

// notArticle is the kind of a file named name in a folder beside entries
// (sorted by name), or -1 when it may be an article. A file beside its
// "-wal" and "-shm" files is a SQLite database whatever its name, as are
// those files: an open library has them, so a library inside a folder
// imported is not read.
func notArticle(name string, entries []fs.DirEntry) kind {
	if k := kindOfName(name); k >= 0 {
		return k
	}
	db := name
	for _, suffix := range []string{"-wal", "-shm"} {
		if d, ok := strings.CutSuffix(name, suffix); ok {
			db = d
		}
	}
	if db != "" && hasEntry(entries, db) && hasEntry(entries, db+"-wal") && hasEntry(entries, db+"-shm") {
		return kindDatabase
	}
	return -1
}

// isSavedPageFiles reports whether the folder name, beside entries, holds
// the files of a page a browser saved whole ("Web page, complete"): the
// page "Title.html" keeps its images, scripts, style sheets and frames in
// "Title_files".
func isSavedPageFiles(name string, entries []fs.DirEntry) bool {
	page, ok := strings.CutSuffix(name, "_files")
	if !ok || page == "" {
		return false
	}
	for _, ext := range []string{".html", ".htm", ".xhtml", ".shtml"} {
		if hasEntry(entries, page+ext) {
			return true
		}
	}
	return false
}

// hasEntry reports whether entries, sorted by name, hold one named name.
func hasEntry(entries []fs.DirEntry, name string) bool {
	_, found := slices.BinarySearchFunc(entries, name, func(e fs.DirEntry, name string) int {
		return strings.Compare(e.Name(), name)
	})
	return found
}

// countFiles counts the files under the folder at path, which is not
// read: how many a skipped folder holds. Links are not followed.
func countFiles(path string) int {
	n := 0
	filepath.WalkDir(path, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return nil
	})
	return n
}

// maxKindsNamed is how many kinds a summary of skipped files names.
const maxKindsNamed = 4

// skippedWords says how many files were skipped as not articles, and of
// which kinds, most first: "skipped 12 files that are not articles
// (images, PDFs)".
func skippedWords(counts [len(kinds)]int) (int, string) {
	n := 0
	var seen []kind
	for k, c := range counts {
		if c > 0 {
			n += c
			seen = append(seen, kind(k))
		}
	}
	if n == 0 {
		return 0, ""
	}
	if n == 1 {
		return 1, fmt.Sprintf("skipped 1 file that is not an article (%s)", kinds[seen[0]].one)
	}
	slices.SortStableFunc(seen, func(a, b kind) int { return counts[b] - counts[a] })
	names := make([]string, 0, maxKindsNamed+1)
	for i, k := range seen {
		if i == maxKindsNamed {
			names = append(names, "…")
			break
		}
		names = append(names, kinds[k].many)
	}
	return n, fmt.Sprintf("skipped %d files that are not articles (%s)", n, strings.Join(names, ", "))
}
