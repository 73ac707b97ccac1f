package feeds

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// ErrContentEncoding is wrapped by the error for a response compressed in
// a way tidings cannot read (Brotli, Zstandard): it asks for gzip only.
var ErrContentEncoding = errors.New("content encoding not asked for")

// encodingError is a body sent in a content encoding tidings cannot read,
// or one that does not decompress.
type encodingError struct {
	coding string // as the server named it, cleaned
	err    error  // why it does not decompress; nil for one not read at all
}

func (e encodingError) Error() string {
	if e.err != nil {
		return fmt.Sprintf("the server's %s-compressed body does not decompress: %v", e.coding, e.err)
	}
	return fmt.Sprintf("the server compressed the document as %q (its Content-Encoding), which tidings did not ask for and cannot read", e.coding)
}

func (e encodingError) Is(target error) bool { return target == ErrContentEncoding && e.err == nil }

func (e encodingError) Unwrap() error { return e.err }

// decodedBody is resp's body as the document it carries. The transport
// asks for gzip and decompresses it itself, taking the Content-Encoding
// header away (a body that does not decompress is an encodingError, not
// asked for again); what is left is a server's own choice: deflate (zlib, or
// the raw deflate some servers send under that name) and gzip (as x-gzip
// too) are decompressed here, read up to the same size limit as the
// transport's gzip since the caller limits what it reads of the reader;
// any other encoding is an encodingError naming it.
func decodedBody(resp *http.Response) (io.Reader, error) {
	if resp.Uncompressed {
		return decoding{resp.Body, "gzip"}, nil // the transport's
	}
	coding := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding")))
	switch coding {
	case "", "identity":
		return resp.Body, nil
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, decodeFailure(coding, err)
		}
		return decoding{zr, coding}, nil
	case "deflate":
		br := bufio.NewReader(resp.Body)
		if head, _ := br.Peek(2); len(head) == 2 && zlibHeader(head[0], head[1]) {
			zr, err := zlib.NewReader(br)
			if err != nil {
				return nil, decodeFailure(coding, err)
			}
			return decoding{zr, coding}, nil
		}
		return decoding{flate.NewReader(br), coding}, nil
	}
	name := CleanLine(resp.Header.Get("Content-Encoding"))
	if r := []rune(name); len(r) > 40 {
		name = string(r[:40]) + "…"
	}
	return nil, encodingError{coding: name}
}

// zlibHeader reports whether two bytes start a zlib stream (RFC 1950): the
// deflate method, a window of at most 32 KiB, and a check of the two.
func zlibHeader(cmf, flg byte) bool {
	return cmf&0x0f == 8 && cmf>>4 <= 7 && (uint16(cmf)<<8|uint16(flg))%31 == 0
}

// decoding reads a decompressor, its failures to decompress told as such
// (a network error underneath passes as it is).
type decoding struct {
	r      io.Reader
	coding string
}

func (d decoding) Read(p []byte) (int, error) {
	n, err := d.r.Read(p)
	if err != nil && err != io.EOF {
		err = decodeFailure(d.coding, err)
	}
	return n, err
}

// decodeFailure is err, when it says the data does not decompress, as an
// encodingError; any other error as it is.
func decodeFailure(coding string, err error) error {
	var corrupt flate.CorruptInputError
	if errors.As(err, &corrupt) || errors.Is(err, zlib.ErrChecksum) || errors.Is(err, zlib.ErrHeader) ||
		errors.Is(err, zlib.ErrDictionary) || errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader) {
		return encodingError{coding: coding, err: err}
	}
	return err
}
