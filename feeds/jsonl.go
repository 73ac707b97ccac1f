package feeds

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"tidings/feeds/marks"
)

// recordWire is the lenient form a Record is read through.
type recordWire struct {
	ID          json.RawMessage `json:"id"`
	ExternalID  string          `json:"external_id"`
	Title       *string         `json:"title"`
	Source      *string         `json:"source"`
	Feed        *string         `json:"feed"`
	URL         *string         `json:"url"`
	Author      *string         `json:"author"`
	Published   *string         `json:"published"`
	Added       *string         `json:"added"`
	Tags        []string        `json:"tags"`
	RuleTags    []string        `json:"rule_tags"`
	Read        *bool           `json:"read"`
	Starred     *bool           `json:"starred"`
	Retitled    bool            `json:"retitled"`
	Body        *string         `json:"body"`
	Annotations Annotations     `json:"annotations"`
}

// recordFields are the names of recordWire's fields in JSON.
var recordFields = func() []string {
	t := reflect.TypeFor[recordWire]()
	names := make([]string, t.NumField())
	for i := range names {
		names[i], _, _ = strings.Cut(t.Field(i).Tag.Get("json"), ",")
	}
	return names
}()

// recordState says which user state a JSON record carried, which of the
// article's fields it left out, and the fields it has that a record has
// not, which are ignored.
type recordState struct {
	read, starred bool
	absent        Fields
	unknown       []string
}

func decodeRecord(data []byte) (Record, recordState, error) {
	var w recordWire
	var unknown []string
	// Read as a record with nothing else first: most are.
	strict := json.NewDecoder(bytes.NewReader(data))
	strict.DisallowUnknownFields()
	if err := strict.Decode(&w); err != nil || len(bytes.TrimSpace(data[strict.InputOffset():])) > 0 {
		w = recordWire{}
		if err := json.Unmarshal(data, &w); err != nil {
			return Record{}, recordState{}, jsonReason(err)
		}
		unknown = unknownFields(data)
	}
	r := Record{
		ExternalID:  w.ExternalID,
		Tags:        w.Tags,
		RuleTags:    w.RuleTags,
		Retitled:    w.Retitled,
		Annotations: w.Annotations,
	}
	var absent Fields
	for _, f := range []struct {
		from *string
		to   *string
		is   Fields
	}{
		{w.Title, &r.Title, FieldTitle}, {w.Source, &r.Source, FieldSource}, {w.Feed, &r.Feed, FieldFeed},
		{w.URL, &r.URL, FieldURL}, {w.Author, &r.Author, FieldAuthor}, {w.Body, &r.Body, FieldBody},
	} {
		if f.from == nil {
			absent |= f.is
		} else {
			*f.to = *f.from
		}
	}
	if absent&FieldBody != 0 && absent&FieldTitle == 0 && CleanLine(marks.DropInWords(r.Title)) == "" {
		// "title": "" or spaces, in a record meant to change an article,
		// is no title given, as null is: the article keeps its own. A
		// whole record's is titled by its body (Normalize).
		absent |= FieldTitle
	}
	if w.Published == nil {
		absent |= FieldPublished
	}
	if w.Published != nil && *w.Published != "" && !goZeroTime(*w.Published) {
		t, ok := parseTime(*w.Published)
		if !ok {
			return Record{}, recordState{}, fmt.Errorf("field published: cannot read %q as a date", *w.Published)
		}
		r.Published = &t
	}
	if w.Added != nil && *w.Added != "" && !goZeroTime(*w.Added) {
		t, ok := parseTime(*w.Added)
		if !ok {
			return Record{}, recordState{}, fmt.Errorf("field added: cannot read %q as a date", *w.Added)
		}
		r.Added = &t
	}
	if w.Read != nil {
		r.Read = *w.Read
	}
	if w.Starred != nil {
		r.Starred = *w.Starred
	}
	return r, recordState{read: w.Read != nil, starred: w.Starred != nil, absent: absent, unknown: unknown}, nil
}

// unknownFields are the names of the fields of the JSON object data that a
// record has not (recordFields, in any case, as the decoder matches them),
// each once, in the order they come.
func unknownFields(data []byte) []string {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil
	}
	var out []string
	for dec.More() {
		t, err := dec.Token()
		name, ok := t.(string)
		if err != nil || !ok {
			break
		}
		var value json.RawMessage
		if dec.Decode(&value) != nil {
			break
		}
		known := slices.ContainsFunc(recordFields, func(f string) bool { return strings.EqualFold(f, name) })
		if !known && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}

// Of the fields a record has that no record has, the warning names
// maxUnknownShown, each in up to maxFieldName characters.
const (
	maxUnknownShown = 8
	maxFieldName    = 40
)

// warnUnknownFields is the warning that a record's fields of these names,
// which a record has not, were ignored.
func warnUnknownFields(names []string) string {
	shown := make([]string, 0, min(len(names), maxUnknownShown))
	for _, name := range names[:min(len(names), maxUnknownShown)] {
		shown = append(shown, fieldName(name))
	}
	list := strings.Join(shown, ", ")
	if more := len(names) - len(shown); more > 0 {
		list += fmt.Sprintf(" and %d more", more)
	}
	if len(names) == 1 {
		return "ignored a field it does not know: " + list
	}
	return "ignored fields it does not know: " + list
}

// fieldName is a field's name as a warning shows it: as it is when it is
// plain, else quoted as Go quotes a string, so that control characters,
// escape sequences and invisible characters are seen and not obeyed; a
// long one cut short.
func fieldName(name string) string {
	if r := []rune(name); len(r) > maxFieldName {
		name = string(r[:maxFieldName-1]) + "…"
	}
	if name == "" || strings.IndexFunc(name, func(r rune) bool {
		return !unicode.IsGraphic(r) || unicode.IsSpace(r) || r == '"' || r == ','
	}) >= 0 {
		return strconv.Quote(name)
	}
	return name
}

// jsonReason rewrites a decoding error to name the field, without Go's
// type names.
func jsonReason(err error) error {
	if te, ok := errors.AsType[*json.UnmarshalTypeError](err); ok {
		if te.Field == "" {
			what := "an article"
			if te.Type == reflect.TypeFor[AnnotationRecord]() {
				what = "an annotation"
			}
			return fmt.Errorf("a JSON %s where %s (an object) was expected", te.Value, what)
		}
		return fmt.Errorf("field %s: a JSON %s where %s was expected", te.Field, te.Value, jsonKind(te.Type.Kind().String()))
	}
	if se, ok := errors.AsType[*json.SyntaxError](err); ok {
		return fmt.Errorf("invalid JSON: %s", syntaxReason(se))
	}
	if pe, ok := errors.AsType[*time.ParseError](err); ok {
		// A note's date, which the decoder reads as RFC 3339 alone.
		return fmt.Errorf("cannot read %q as a date", pe.Value)
	}
	return err
}

// maxJSONDepth is how deep the JSON decoder reads lists and objects in
// one another.
const maxJSONDepth = 10000

// syntaxReason is what the JSON syntax error se says, in words a reader
// of the file follows.
func syntaxReason(se *json.SyntaxError) string {
	if strings.HasSuffix(se.Error(), "exceeded max depth") {
		return fmt.Sprintf("lists and objects nested more than %d deep", maxJSONDepth)
	}
	return se.Error()
}

func jsonKind(goKind string) string {
	switch goKind {
	case "string":
		return "a string"
	case "slice", "array":
		return "an array"
	case "bool", "ptr":
		return "true or false"
	case "struct", "map":
		return "an object"
	}
	return "a number"
}

// articleFromJSON decodes one record into an article; user state the
// record does not mention stays unsaid (nil). Bytes that are not UTF-8,
// which the decoder replaces, are a warning, and so are the fields a record
// has not, which are ignored, and the empty notes left out (dropEmptyNotes).
// A picture its body writes into its own address (a data: URI) is its alt
// text (withoutDataImages).
func articleFromJSON(data []byte) (Article, error) {
	rec, state, err := decodeRecord(data)
	if err != nil {
		return Article{}, err
	}
	a := rec.Article()
	withoutDataImages(&a)
	dropEmptyNotes(&a)
	if n := invalidUTF8(data); n > 0 {
		a.Warnings = append(a.Warnings, warnInvalidUTF8(n))
	}
	if len(state.unknown) > 0 {
		a.Warnings = append(a.Warnings, warnUnknownFields(state.unknown))
	}
	if !state.read {
		a.Read = nil
	}
	if !state.starred {
		a.Starred = nil
	}
	a.Absent = state.absent
	return a, nil
}

// dropEmptyNotes leaves out of a's annotations each note on the whole
// article (no quote) that says nothing, with a warning: one that is empty,
// or nothing but white space and characters that show nothing, once
// cleaned. The reader and tidings note refuse to save such a note, and it
// would be listed as "(no note)". A highlight (a passage quoted) with no
// note stays: the reader saves those too.
func dropEmptyNotes(a *Article) {
	kept := a.Annotations[:0]
	for i, n := range a.Annotations {
		if marks.DropInWords(CleanText(n.Quote)) == "" && strings.TrimSpace(marks.Drop(CleanText(n.Note))) == "" {
			a.Warnings = append(a.Warnings, fmt.Sprintf(
				"annotation %d is a note on the whole article that says nothing: left out", i+1))
			continue
		}
		kept = append(kept, n)
	}
	if len(kept) == 0 {
		kept = nil
	}
	a.Annotations = kept
}

// maxJSONLine is the longest JSON Lines record read; a longer one is an
// error for that line only.
const maxJSONLine = 64 << 20

// readJSON reads a JSON object, an array of objects, or JSON Lines (one
// object per line; forced by lines). A bad line is reported with its
// number and the rest is read; a syntax error in an object or array that
// spans lines ends the file.
func readJSON(r *bufio.Reader, lines bool, emit func(Item) error) error {
	if b, _ := r.Peek(len(byteOrderMark)); bytes.Equal(b, byteOrderMark) {
		r.Discard(len(byteOrderMark))
	}
	first, newlines, err := skipSpace(r)
	if err != nil {
		return err
	}
	if first == '[' {
		return readJSONValues(r, true, 1+newlines, emit)
	}
	lr := newLineReader(r, maxJSONLine)
	lr.n = newlines
	line, ok := lr.next()
	for ok && isBlank(trimBOM(line)) {
		line, ok = lr.next()
	}
	if !ok {
		return lr.Err()
	}
	line = trimBOM(line)
	if !lines && !lr.cut && !json.Valid(line) {
		// Not one object per line: a pretty-printed object (or several).
		// Decode from this first line on.
		rest := io.MultiReader(bytes.NewReader(slices.Concat(line, []byte("\n"))), r)
		return readJSONValues(rest, false, lr.n, emit)
	}
	for ; ok; line, ok = lr.next() {
		var it Item
		switch {
		case lr.cut:
			it = Item{Line: lr.n, Err: fmt.Errorf("record longer than %d MiB", maxJSONLine>>20)}
		case isBlank(line):
			continue
		default:
			a, err := articleFromJSON(line)
			it = Item{Article: a, Line: lr.n, Err: err}
		}
		if err := emit(it); err != nil {
			return err
		}
	}
	return lr.Err()
}

// readJSONValues reads an array of records, or records back to back; r
// starts at line firstLine. A record is named by its line; when the line
// holds others, by its number too (Item.Record). A value that is not JSON
// ends the file, named by the line where what is wrong is.
func readJSONValues(r io.Reader, array bool, firstLine int, emit func(Item) error) error {
	lc := &lineCounter{r: r, first: firstLine}
	dec := json.NewDecoder(lc)
	if array {
		if _, err := dec.Token(); err != nil { // the "["
			return jsonReason(err)
		}
	}
	// A record is handed on once the line of the next is known.
	var held Item
	holding, n, prev := false, 0, 0 // prev: the line of the record before
	handOn := func(next int) error {
		if !holding {
			return nil
		}
		holding = false
		if held.Line == prev || held.Line == next {
			held.Record = n
		}
		prev = held.Line
		return emit(held)
	}
	for dec.More() {
		start, line := lc.next(dec)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			if err := handOn(line); err != nil {
				return err
			}
			// JSON cannot be picked up again after a broken value.
			le := &lineError{line: line, err: fmt.Errorf("%w; the rest of the file is not read", jsonReason(err))}
			if prev == line {
				le.record = n + 1
			}
			if at, ok := syntaxErrorAt(dec, err); ok && at >= start {
				le.line = lc.lineAt(at)
			}
			return le
		}
		if err := handOn(line); err != nil {
			return err
		}
		a, err := articleFromJSON(raw)
		held, holding, n = Item{Article: a, Line: line, Err: err}, true, n+1
	}
	if err := handOn(-1); err != nil {
		return err
	}
	if array {
		_, line := lc.next(dec)
		if _, err := dec.Token(); err != nil { // the "]"
			return &lineError{line: line, err: jsonReason(err)}
		}
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		_, line := lc.next(dec)
		if err == nil {
			err = errors.New("unexpected content after the JSON value")
		}
		return &lineError{line: line, err: jsonReason(err)}
	}
	return nil
}

// syntaxErrorAt is the offset in dec's input of the byte that made err,
// the error of dec's last Decode, a syntax error: the decoder tells it in
// the value it read, which it still holds.
func syntaxErrorAt(dec *json.Decoder, err error) (int64, bool) {
	if _, ok := errors.AsType[*json.SyntaxError](err); !ok {
		return 0, false
	}
	held, _ := io.ReadAll(dec.Buffered())
	var v json.RawMessage
	se, ok := errors.AsType[*json.SyntaxError](json.Unmarshal(held, &v))
	if !ok || se.Offset < 1 {
		return 0, false
	}
	return dec.InputOffset() + se.Offset - 1, true
}

// lineCounter remembers where the newlines read through it are until the
// decoder reading it has passed them, so that a decoder's position can be
// told as a line number with memory bounded by the decoder's buffer.
type lineCounter struct {
	r      io.Reader
	first  int   // the number of the first line
	read   int64 // bytes read so far
	passed int   // newlines before the last position asked about
	ahead  []int64
}

func (l *lineCounter) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for i, c := range p[:n] {
		if c == '\n' {
			l.ahead = append(l.ahead, l.read+int64(i))
		}
	}
	l.read += int64(n)
	return n, err
}

// lineAt is the line of the byte at offset off; offsets must not go back.
func (l *lineCounter) lineAt(off int64) int {
	k := 0
	for k < len(l.ahead) && l.ahead[k] < off {
		k++
	}
	l.passed += k
	l.ahead = append(l.ahead[:0], l.ahead[k:]...)
	return l.first + l.passed
}

// next is the offset and the line of the next value dec will read: past
// white space and the comma between array elements.
func (l *lineCounter) next(dec *json.Decoder) (int64, int) {
	off := dec.InputOffset()
	if br, ok := dec.Buffered().(io.ByteReader); ok {
		for {
			c, err := br.ReadByte()
			if err != nil || c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != ',' {
				break
			}
			off++
		}
	}
	return off, l.lineAt(off)
}

// skipSpace reads the white space r starts with, however long, and
// returns the byte after it, unread, and how many newlines it held.
func skipSpace(r *bufio.Reader) (first byte, newlines int, err error) {
	for {
		c, err := r.ReadByte()
		switch {
		case errors.Is(err, io.EOF):
			return 0, newlines, ErrEmpty
		case err != nil:
			return 0, newlines, err
		case c == '\n':
			newlines++
		case c != ' ' && c != '\t' && c != '\r':
			r.UnreadByte()
			return c, newlines, nil
		}
	}
}

// goZeroTime reports whether s is Go's zero time, "0001-01-01T00:00:00Z",
// which Go programs write for a date they do not know: no date, as null is.
func goZeroTime(s string) bool {
	return strings.HasPrefix(strings.TrimSpace(s), "0001-01-01T00:00:00")
}
