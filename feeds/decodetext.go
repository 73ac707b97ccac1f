package feeds

import (
	"fmt"
	"unicode/utf8"
)

// DecodeText returns text that is not an article, such as a note piped
// in, as UTF-8, read as the importer reads a Markdown or text file: UTF-16
// by its byte order mark, a UTF-8 byte order mark dropped, and text that is
// not UTF-8 read as Windows-1252 (textUTF8). warning says what was guessed
// or repaired, or is "". A binary file (a program, an image, an archive)
// is refused with ErrBinary and why, in the importer's words.
func DecodeText(data []byte) (text []byte, warning string, err error) {
	if enc := utf16BOM(data); enc != nil {
		if data, err = enc.NewDecoder().Bytes(data); err != nil {
			return nil, "", err
		}
		if reason := utf16Reason(data[:min(len(data), sniffSize)], len(data) < sniffSize); reason != "" {
			return nil, "", fmt.Errorf("%w (%s)", ErrBinary, reason)
		}
	}
	data = trimBOM(data)
	head, whole := data[:min(len(data), sniffSize)], len(data) < sniffSize
	if reason := contentReason(head); reason != "" {
		return nil, "", fmt.Errorf("%w (%s)", ErrBinary, reason)
	}
	if reason := binaryReason(head, whole); reason != "" {
		return nil, "", fmt.Errorf("%w (%s)", ErrBinary, reason)
	}
	text, latin1 := textUTF8(data)
	switch {
	case latin1:
		warning = warnWindows1252
	case !utf8.Valid(text):
		warning = warnInvalidUTF8(invalidUTF8(text))
	}
	return text, warning, nil
}
