package query

import "testing"

// TestFieldStart: every field the parser takes is named by its name and its
// starts, in any case; a word that begins otherwise, or goes on past the
// name, is no field's start.
func TestFieldStart(t *testing.T) {
	for name := range fields {
		for i := 1; i <= len(name); i++ {
			if got := FieldStart(name[:i]); got == "" {
				t.Errorf("FieldStart(%q) = \"\", want a field", name[:i])
			}
		}
		if got := FieldStart(name); got != name+":" {
			t.Errorf("FieldStart(%q) = %q, want %q", name, got, name+":")
		}
		if !IsField(name) {
			t.Errorf("IsField(%q) = false", name)
		}
	}
	tests := map[string]string{
		"t": "tag:", "ta": "tag:", "TAG": "tag:", "tit": "title:", "s": "source:", "sou": "source:", "sin": "since:",
		"fee": "feed:", "i": "is:", "aft": "after:", "bef": "before:", "o": "on:", "dat": "date:",
		"": "", "tagl": "", "tags": "", "x": "", "sound": "", "tä": "", "ta1": "", "is:": "",
	}
	for word, want := range tests {
		if got := FieldStart(word); got != want {
			t.Errorf("FieldStart(%q) = %q, want %q", word, got, want)
		}
	}
	for _, name := range []string{"foo", "tags", ""} {
		if IsField(name) {
			t.Errorf("IsField(%q) = true", name)
		}
	}
}
