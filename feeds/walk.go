package feeds

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
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
	// another path (Skip names it), or a pipe, socket or device.
	Skip string
}

// Walker lists the files an import reads under one or more paths: a file
// as it is; a folder recursively, each folder's entries sorted by name,
// hidden entries (".name") skipped. Symbolic links are followed, to files
// and to folders. A folder is read once, however many paths lead to it:
// the real path of each one entered is remembered, so that a link to one
// read already is skipped, and a link to the folder it is in, or to one
// holding that, is a loop (an error naming the link). A link that leads nowhere or into a loop of
// links is an error naming the link. Sockets, pipes and devices are passed
// over with a word (Skip), unless named as a root. The zero Walker is ready; one Walker shares what it has seen
// across the paths it walks.
type Walker struct {
	seen   map[string]string // real path of each folder entered -> its path as reached
	inside map[string]string // the same for the folders being walked now
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
	return w.dir(root, real, fn)
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
		return fn(Found{Path: path, Skip: notAFile(info.Mode())})
	}
	return fn(Found{Path: path, Info: info})
}

// notAFile says why an entry of a folder that is neither a file nor a
// folder is passed over: reading a pipe or a device could wait forever.
func notAFile(mode fs.FileMode) string {
	what := "not a regular file"
	switch {
	case mode&fs.ModeNamedPipe != 0:
		what = "a named pipe"
	case mode&fs.ModeSocket != 0:
		what = "a socket"
	case mode&fs.ModeDevice != 0:
		what = "a device"
	}
	return "passed over: " + what + ", not a file (name it alone to read it)"
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
		switch {
		case e.IsDir():
			err = w.dir(p, filepath.Join(real, e.Name()), fn)
		case e.Type()&fs.ModeSymlink != 0:
			err = w.link(p, real, fn)
		case e.Type().IsRegular():
			info, ierr := e.Info()
			if ierr != nil {
				err = fn(Found{Path: p, Err: unwrapPath(ierr)})
			} else {
				err = fn(Found{Path: p, Info: info})
			}
		default:
			err = fn(Found{Path: p, Skip: notAFile(e.Type())})
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// link follows the symbolic link at path, found in the folder whose real
// path is in. A link to that folder or to one that holds it is a loop.
func (w *Walker) link(path, in string, fn func(Found) error) error {
	info, err := os.Stat(path)
	if err != nil {
		return fn(Found{Path: path, Err: statError(path, err)})
	}
	if !info.IsDir() {
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
