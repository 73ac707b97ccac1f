package ui

import (
	"reflect"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	tests := map[string]struct {
		text string
		want []string
	}{
		"simple":        {"One sentence. Another one! A third? Yes.", []string{"One sentence.", "Another one!", "A third?", "Yes."}},
		"lower case":    {"It ended. and went on.", []string{"It ended. and went on."}},
		"digit":         {"It rose by 5. 2024 was worse.", []string{"It rose by 5.", "2024 was worse."}},
		"decimal":       {"It rose by 3.5 percent. Then fell.", []string{"It rose by 3.5 percent.", "Then fell."}},
		"us":            {"Aid from the U.S. Army arrived. It helped.", []string{"Aid from the U.S. Army arrived.", "It helped."}},
		"abbreviations": {"Gen. Ingo Gerhartz spoke to Dr. Smith. Mr. Scholz did not.", []string{"Gen. Ingo Gerhartz spoke to Dr. Smith.", "Mr. Scholz did not."}},
		"initial":       {"John F. Kennedy spoke. Crowds cheered.", []string{"John F. Kennedy spoke.", "Crowds cheered."}},
		"e.g.":          {"Missiles, e.g. Taurus, matter. They do.", []string{"Missiles, e.g. Taurus, matter.", "They do."}},
		"quotes":        {`He said "a very serious matter." Then he left.`, []string{`He said "a very serious matter."`, "Then he left."}},
		"curly quotes":  {"He said “enough.” Then he left.", []string{"He said “enough.”", "Then he left."}},
		"brackets":      {"It was (mostly) done. (Then it was not.) Done.", []string{"It was (mostly) done.", "(Then it was not.)", "Done."}},
		"paragraphs":    {"A heading without a stop\n\nThe body starts here. It ends here", []string{"A heading without a stop", "The body starts here.", "It ends here"}},
		"soft newline":  {"One line\nwraps on. Next.", []string{"One line\nwraps on.", "Next."}},
		"ellipsis":      {"Wait... What now? Nothing.", []string{"Wait...", "What now?", "Nothing."}},
		"white space":   {"  \n\n  Lone.  \n\n", []string{"Lone."}},
		"empty":         {"", nil},
		"address":       {"See example.com for more. Thanks.", []string{"See example.com for more.", "Thanks."}},
		"no. 5":         {"It was No. 5 on the list. Really.", []string{"It was No. 5 on the list.", "Really."}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			var got []string
			for _, s := range splitSentences(tt.text) {
				got = append(got, tt.text[s.start:s.end])
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("splitSentences(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestSentenceAt(t *testing.T) {
	text := "First one. Second one.\n\nThird one."
	s := splitSentences(text)
	tests := map[string]struct{ offset, want int }{
		"start":            {0, 0},
		"inside the first": {4, 0},
		"between":          {10, 1},
		"the third":        {len(text) - 2, 2},
		"past the end":     {len(text) + 5, 2},
	}
	for name, tt := range tests {
		if got := sentenceAt(s, tt.offset); got != tt.want {
			t.Errorf("%s: sentenceAt(%d) = %d, want %d", name, tt.offset, got, tt.want)
		}
	}
	if got := sentenceAt(nil, 3); got != -1 {
		t.Errorf("no sentences: %d", got)
	}
}
