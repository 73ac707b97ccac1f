package feeds

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// lineReader reads lines of any length with bounded memory: a line longer
// than max is cut there (the rest is skipped) and reported, instead of
// failing the whole input as bufio.Scanner would.
type lineReader struct {
	r    *bufio.Reader
	max  int
	n    int    // number of the line last returned, from 1
	long []byte // a line that did not fit in r's buffer
	cut  bool   // the line last returned was cut at max
	err  error
}

func newLineReader(r io.Reader, max int) *lineReader {
	br, ok := r.(*bufio.Reader)
	if !ok || br.Size() < 64<<10 {
		br = bufio.NewReaderSize(r, 256<<10)
	}
	return &lineReader{r: br, max: max}
}

// crReader passes text on with every line ending a "\n": a "\r\n" (Windows)
// or a lone "\r" (classic Mac OS, some exports) becomes one "\n", so that
// lines, and their numbers, are the same whichever a file uses.
type crReader struct {
	r  io.Reader
	cr bool // the last byte read was a "\r"
}

func (c *crReader) Read(p []byte) (int, error) {
	for {
		n, err := c.r.Read(p)
		w := 0
		for _, b := range p[:n] {
			switch {
			case b == '\r':
				p[w], c.cr = '\n', true
				w++
				continue
			case b == '\n' && c.cr:
				// The "\n" of a "\r\n", already given.
			default:
				p[w] = b
				w++
			}
			c.cr = false
		}
		// A read of nothing but the "\n" of a "\r\n" is not the end.
		if w > 0 || n == 0 || err != nil {
			return w, err
		}
	}
}

// next returns the next line without its "\n" or "\r\n", valid until the
// next call, and false at the end of input or on a read error (see Err).
func (l *lineReader) next() ([]byte, bool) {
	if l.err != nil {
		return nil, false
	}
	l.cut = false
	line, err := l.r.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		l.long = append(l.long[:0], line[:min(len(line), l.max)]...)
		for errors.Is(err, bufio.ErrBufferFull) {
			line, err = l.r.ReadSlice('\n')
			if room := l.max - len(l.long); room > 0 {
				l.long = append(l.long, line[:min(len(line), room)]...)
			} else {
				l.cut = true
			}
		}
		if len(l.long) >= l.max {
			l.cut = true
		}
		line = l.long
	}
	if err != nil {
		l.err = err
		if len(line) == 0 {
			return nil, false
		}
	}
	l.n++
	if n := len(line); n > 0 && line[n-1] == '\n' {
		line = line[:n-1]
	}
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	return line, true
}

// Err is the read error that ended the input, or nil at its end.
func (l *lineReader) Err() error {
	if errors.Is(l.err, io.EOF) {
		return nil
	}
	return l.err
}

var byteOrderMark = []byte("\uFEFF")

// trimBOM removes a UTF-8 byte-order mark that starts b.
func trimBOM(b []byte) []byte { return bytes.TrimPrefix(b, byteOrderMark) }

// isBlank reports whether b holds nothing but spaces and tabs.
func isBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}
