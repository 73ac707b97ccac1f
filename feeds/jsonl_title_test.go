package feeds

import "testing"

// TestEmptyTitleInAPartialRecord: "title": "" (or spaces, or what cleaning
// leaves nothing of) in a record without a body is no title given, as
// null is, where it blanked the stored one; a whole record's empty title
// is made from its body, as before.
func TestEmptyTitleInAPartialRecord(t *testing.T) {
	for _, title := range []string{`""`, `"   "`, `"\u200b"`, `"\u001b[0m"`, `null`} {
		a := readOne(t, "a.jsonl", `{"external_id":"n1","title":`+title+`}`)
		if a.Absent&FieldTitle == 0 {
			t.Errorf("title %s: the title is given (absent %b)", title, a.Absent)
		}
	}
	a := readOne(t, "a.jsonl", `{"external_id":"n1","title":"","body":"Body one words."}`)
	if a.Absent&FieldTitle != 0 || a.Title != "Body one words" {
		t.Errorf("whole record: title %q, absent %b", a.Title, a.Absent)
	}
	a = readOne(t, "a.jsonl", `{"external_id":"n1","title":"New"}`)
	if a.Absent&FieldTitle != 0 || a.Title != "New" {
		t.Errorf("a title given: %q, absent %b", a.Title, a.Absent)
	}
}
