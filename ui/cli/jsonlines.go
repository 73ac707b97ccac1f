package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode/utf8"

	"tidings/feeds"
)

// jsonLines writes JSON Lines (search --json, tags --json, export --format
// json) that a terminal cannot act on: encoding/json escapes only the C0
// controls, so a title holding U+009D (OSC) or U+009B (CSI), which a
// library written by another program or an older tidings may hold, would
// reach a terminal that reads UTF-8 C1 controls as a live clipboard write
// or a cleared screen.
type jsonLines struct {
	w   io.Writer
	buf bytes.Buffer
	enc *json.Encoder
}

// newJSONLines writes JSON Lines to w, with <, > and & as they are (the
// output is not HTML) and the characters inertJSON names escaped.
func newJSONLines(w io.Writer) *jsonLines {
	j := &jsonLines{w: w}
	j.enc = json.NewEncoder(&j.buf)
	j.enc.SetEscapeHTML(false)
	return j
}

// Encode writes v as one line of JSON.
func (j *jsonLines) Encode(v any) error {
	j.buf.Reset()
	if err := j.enc.Encode(v); err != nil {
		return err
	}
	_, err := j.w.Write(inertJSON(j.buf.Bytes()))
	return err
}

// inertJSON writes, in encoded JSON, DEL, the C1 controls (U+0080–U+009F)
// and the bidirectional embeddings, overrides and isolates as \u escapes,
// which encoding/json writes as they are. They can stand only inside
// strings (JSON's own syntax is ASCII), where the escape means the same
// character: the JSON decodes to the same data, and shows on a terminal
// as the text it is. It returns b itself when there is nothing to escape.
func inertJSON(b []byte) []byte {
	var out []byte
	done := 0 // b[:done] is in out
	for i := 0; i < len(b); {
		if c := b[i]; c < utf8.RuneSelf && c != 0x7f {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == 0x7f || r >= 0x80 && r <= 0x9f || feeds.IsBidi(r) {
			out = append(out, b[done:i]...)
			out = fmt.Appendf(out, `\u%04x`, r)
			done = i + size
		}
		i += size
	}
	if out == nil {
		return b
	}
	return append(out, b[done:]...)
}
