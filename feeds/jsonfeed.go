package feeds

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	jsonfeed "github.com/mmcdole/gofeed/json"
)

// customSkipped, in a parsed feed's Custom map, says which entries of the
// document were left out as unreadable (a JSON Feed item whose title is an
// object), the others read all the same.
const customSkipped = "tidings/skipped"

// maxSkippedNamed is how many skipped items a feed's warning names one by
// one; the rest are counted.
const maxSkippedNamed = 3

// JSON Feed's fields that are text (JSON Feed 1.1), of the feed and of an
// item: those tidings reads, and those it does not (ignored). The item's id
// is read by the feed parser whatever its type, as the format asks.
var (
	jsonFeedTextFields        = []string{"title", "home_page_url", "feed_url"}
	jsonFeedIgnoredTextFields = []string{"version", "description", "user_comment", "next_url", "icon", "favicon", "language"}
	jsonItemTextFields        = []string{"url", "external_url", "title", "content_html", "content_text",
		"summary", "date_published", "date_modified"}
	jsonItemIgnoredTextFields = []string{"image", "banner_image", "language"}
	jsonAttachmentTextFields  = []string{"url", "mime_type", "title"}
)

// repairJSONFeed makes a JSON Feed document that the feed parser refused
// for a field of the wrong type into one it reads, item by item: a field
// whose meaning is plain is read so (a number as a title's text, a string
// author as the author's name, a single tag as a list of one; a tag that
// is not text is dropped), and an item that still cannot be read is left
// out, the others kept, with a warning naming it. A field of the feed's own
// that cannot be read is ignored, with a warning; one tidings does not read
// (an item's tags, image or language, the feed's icon) is dropped when it
// cannot be read, and costs nothing. Items the parser reads
// as they are stay byte for byte as they were, and so keep their ids.
// err, in a plain sentence, is for a document that is not a JSON object
// or whose items are not a list.
func repairJSONFeed(data []byte) (out []byte, warnings []string, err error) {
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, nil, jsonProblem(data, err)
	}
	if doc == nil {
		return nil, nil, errors.New("the JSON Feed is null, not an object")
	}
	fields := append([]jsonField{{"author", jsonPerson}, {"authors", jsonPeople}}, textFields(jsonFeedTextFields)...)
	for _, problem := range fixFields(doc, fields, true) {
		warnings = append(warnings, "the feed's "+problem+": ignored")
	}
	fixFields(doc, textFields(jsonFeedIgnoredTextFields), true)
	if raw, ok := doc["items"]; ok && valueKind(raw) != "null" {
		var items []json.RawMessage
		if valueKind(raw) != "a list" || json.Unmarshal(raw, &items) != nil {
			return nil, nil, fmt.Errorf("the JSON Feed's items are %s, not a list", valueKind(raw))
		}
		kept := items[:0]
		var skipped []string
		for i, item := range items {
			fixed, problem := jsonItem(item)
			if problem != "" {
				skipped = append(skipped, fmt.Sprintf("item %d%s: %s", i+1, jsonItemName(item), problem))
				continue
			}
			kept = append(kept, fixed)
		}
		if len(skipped) > 0 {
			warnings = append(warnings, skippedWarning(skipped))
		}
		if doc["items"], err = json.Marshal(kept); err != nil {
			return nil, nil, err
		}
	}
	out, err = json.Marshal(doc)
	if err != nil {
		return nil, nil, err
	}
	return out, warnings, nil
}

// A jsonField is a field of a JSON object and how it is read: fix returns
// the value the feed parser reads (nil when it reads the value as it is),
// or a problem saying why the value cannot be read ("is an object, not
// text").
type jsonField struct {
	key string
	fix func(json.RawMessage) (fixed json.RawMessage, problem string)
}

// fixFields reads the fields of obj as fields say, replacing those fixed.
// A field that cannot be read is dropped when drop is set, each named in a
// problem ("title is an object, not text"); else fixFields stops at the
// first.
func fixFields(obj map[string]json.RawMessage, fields []jsonField, drop bool) (problems []string) {
	for _, f := range fields {
		fixed, problem := f.fix(obj[f.key])
		switch {
		case problem != "":
			problems = append(problems, f.key+" "+problem)
			if !drop {
				return problems
			}
			delete(obj, f.key)
		case fixed != nil:
			obj[f.key] = fixed
		}
	}
	return problems
}

// skippedWarning says which items were left out and why, naming the first
// few.
func skippedWarning(skipped []string) string {
	named := skipped[:min(len(skipped), maxSkippedNamed)]
	w := "skipped " + strings.Join(named, "; ")
	if rest := len(skipped) - len(named); rest > 0 {
		w += fmt.Sprintf("; and %d more unreadable items", rest)
	}
	return w
}

// jsonProblem says in a sentence why data is no JSON object.
func jsonProblem(data []byte, err error) error {
	var syntax *json.SyntaxError
	if errors.As(err, &syntax) {
		line, col := lineAndColumn(data, syntax.Offset)
		return fmt.Errorf("the JSON is broken at line %d, column %d: %v", line, col, syntax)
	}
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		return fmt.Errorf("the JSON Feed is %s, not an object", decoderKind(typ.Value))
	}
	return err
}

// lineAndColumn is where the byte at offset is in data, counted from 1.
func lineAndColumn(data []byte, offset int64) (line, col int) {
	offset = max(0, min(offset, int64(len(data))))
	before := data[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	col = max(1, len(before)-(bytes.LastIndexByte(before, '\n')+1))
	return line, col
}

// jsonItemFields are the fields of an item that tidings reads, which an
// item is left out for when they cannot be read; jsonItemIgnoredFields
// those it does not read (tags among them: an entry's categories are not
// its tags in tidings), dropped when they cannot be read.
var (
	jsonItemFields        = append([]jsonField{{"author", jsonPerson}, {"authors", jsonPeople}, {"attachments", jsonAttachments}}, textFields(jsonItemTextFields)...)
	jsonItemIgnoredFields = append([]jsonField{{"tags", jsonTags}}, textFields(jsonItemIgnoredTextFields)...)
)

// textFields are fields read by jsonText.
func textFields(keys []string) []jsonField {
	fields := make([]jsonField, 0, len(keys))
	for _, key := range keys {
		fields = append(fields, jsonField{key, jsonText})
	}
	return fields
}

// jsonItem is an item as the feed parser reads it: as it came when it does,
// else with its fields read as repairJSONFeed says. problem says why an
// item is to be left out ("its title is an object, not text"; "" when it
// is not).
func jsonItem(raw json.RawMessage) (fixed json.RawMessage, problem string) {
	if json.Unmarshal(raw, new(jsonfeed.Item)) == nil {
		return raw, ""
	}
	var item map[string]json.RawMessage
	if valueKind(raw) != "an object" || json.Unmarshal(raw, &item) != nil {
		return nil, "it is " + valueKind(raw) + ", not an object"
	}
	if problems := fixFields(item, jsonItemFields, false); len(problems) > 0 {
		return nil, "its " + problems[0]
	}
	fixFields(item, jsonItemIgnoredFields, true)
	fixed, err := json.Marshal(item)
	if err == nil {
		err = json.Unmarshal(fixed, new(jsonfeed.Item))
	}
	if err != nil {
		return nil, "it cannot be read: " + jsonTypeProblem(err)
	}
	return fixed, ""
}

// jsonTypeProblem says which field of what type err, the JSON decoder's,
// found where it wanted another.
func jsonTypeProblem(err error) string {
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) && typ.Field != "" {
		field := typ.Field[strings.LastIndexByte(typ.Field, '.')+1:]
		return fmt.Sprintf("its %s is %s", field, decoderKind(typ.Value))
	}
	return err.Error()
}

// jsonItemName is how a warning names an item besides its place: by its id
// when it has one that is text or a number.
func jsonItemName(raw json.RawMessage) string {
	var item struct {
		ID json.RawMessage `json:"id"`
	}
	if json.Unmarshal(raw, &item) != nil {
		return ""
	}
	var id any
	if json.Unmarshal(item.ID, &id) != nil {
		return ""
	}
	switch id := id.(type) {
	case string:
		if id = idLine(id); id != "" {
			return " (id " + quoteShort(id) + ")"
		}
	case float64:
		return " (id " + string(bytes.TrimSpace(item.ID)) + ")"
	}
	return ""
}

// jsonText reads a field that should be text: a number or a boolean is
// its text; text and null are read as they are.
func jsonText(raw json.RawMessage) (fixed json.RawMessage, problem string) {
	switch kind := valueKind(raw); kind {
	case "", "null", "text":
		return nil, ""
	case "a number", "true or false":
		text, _ := json.Marshal(string(bytes.TrimSpace(raw)))
		return text, ""
	default:
		return nil, "is " + kind + ", not text"
	}
}

// jsonPerson reads an author: an object with its name read as text (its
// address and picture, which tidings does not read, dropped when they are
// not text), or text (or a number), the author's name.
func jsonPerson(raw json.RawMessage) (fixed json.RawMessage, problem string) {
	switch kind := valueKind(raw); kind {
	case "", "null":
		return nil, ""
	case "text", "a number":
		name, _ := jsonText(raw)
		if name == nil {
			name = raw
		}
		fixed, _ = json.Marshal(map[string]json.RawMessage{"name": name})
		return fixed, ""
	case "an object":
		var person map[string]json.RawMessage
		if json.Unmarshal(raw, &person) != nil {
			return nil, "is not a person"
		}
		if problems := fixFields(person, textFields([]string{"name"}), false); len(problems) > 0 {
			return nil, "has a " + problems[0]
		}
		fixFields(person, textFields([]string{"url", "avatar"}), true) // not read
		fixed, _ = json.Marshal(person)
		return fixed, ""
	default:
		return nil, "is " + kind + ", not a person"
	}
}

// jsonPeople reads a list of authors, each as jsonPerson reads one; one
// author alone is a list of one. Nulls in the list are dropped.
func jsonPeople(raw json.RawMessage) (fixed json.RawMessage, problem string) {
	var list []json.RawMessage
	switch kind := valueKind(raw); kind {
	case "", "null":
		return nil, ""
	case "text", "a number", "an object":
		list = []json.RawMessage{raw}
	case "a list":
		if json.Unmarshal(raw, &list) != nil {
			return nil, "are not a list"
		}
	default:
		return nil, "are " + kind + ", not a list of people"
	}
	out := make([]json.RawMessage, 0, len(list))
	for _, p := range list {
		if valueKind(p) == "null" {
			continue
		}
		f, problem := jsonPerson(p)
		if problem != "" {
			return nil, "hold one that " + problem
		}
		if f == nil {
			f = p
		}
		out = append(out, f)
	}
	fixed, _ = json.Marshal(out)
	return fixed, ""
}

// jsonTags reads a list of tags, dropping those that are not text; one tag
// alone is a list of one.
func jsonTags(raw json.RawMessage) (fixed json.RawMessage, problem string) {
	switch kind := valueKind(raw); kind {
	case "", "null":
		return nil, ""
	case "text":
		fixed, _ = json.Marshal([]json.RawMessage{raw})
		return fixed, ""
	case "a list":
		var list []json.RawMessage
		if json.Unmarshal(raw, &list) != nil {
			return nil, "are not a list"
		}
		tags := make([]json.RawMessage, 0, len(list))
		for _, t := range list {
			if valueKind(t) == "text" {
				tags = append(tags, t)
			}
		}
		fixed, _ = json.Marshal(tags)
		return fixed, ""
	default:
		return nil, "are " + kind + ", not a list"
	}
}

// jsonAttachments reads a list of attachments, objects whose text fields
// are read as jsonText reads them (their sizes and durations the feed
// parser reads whatever they are); one alone is a list of one.
func jsonAttachments(raw json.RawMessage) (fixed json.RawMessage, problem string) {
	var list []json.RawMessage
	switch kind := valueKind(raw); kind {
	case "", "null":
		return nil, ""
	case "an object":
		list = []json.RawMessage{raw}
	case "a list":
		if json.Unmarshal(raw, &list) != nil {
			return nil, "are not a list"
		}
	default:
		return nil, "are " + kind + ", not a list"
	}
	fields := textFields(jsonAttachmentTextFields)
	out := make([]json.RawMessage, 0, len(list))
	for _, a := range list {
		var att map[string]json.RawMessage
		if valueKind(a) != "an object" || json.Unmarshal(a, &att) != nil {
			return nil, "hold one that is " + valueKind(a) + ", not an object"
		}
		if problems := fixFields(att, fields, false); len(problems) > 0 {
			return nil, "hold one whose " + problems[0]
		}
		f, _ := json.Marshal(att)
		out = append(out, f)
	}
	fixed, _ = json.Marshal(out)
	return fixed, ""
}

// valueKind names the kind of a JSON value as a warning says it: "text",
// "a number", "true or false", "an object", "a list", "null"; "" for
// none (a field left out).
func valueKind(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return ""
	}
	switch raw[0] {
	case '"':
		return "text"
	case '{':
		return "an object"
	case '[':
		return "a list"
	case 't', 'f':
		return "true or false"
	case 'n':
		return "null"
	}
	return "a number"
}

// decoderKind names the kind the JSON decoder calls value ("number",
// "string", "object") as valueKind does.
func decoderKind(value string) string {
	switch {
	case value == "string":
		return "text"
	case value == "object":
		return "an object"
	case value == "array":
		return "a list"
	case value == "bool":
		return "true or false"
	case strings.HasPrefix(value, "number"):
		return "a number"
	}
	return value
}
