package anchor

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// luftwaffe is the plain text of the article in the sample file: its body
// is the text after the header's date and source, up to the trailer line
// with its identifier.
func luftwaffe(t *testing.T) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "menafn-luftwaffe-leak.txt"))
	if err != nil {
		t.Fatal(err)
	}
	body := string(raw)
	body = body[strings.Index(body, "In a startling"):strings.LastIndex(body, "\nMENAFN")]
	return PlainText(body)
}

// TestFindWholeWords: a passage found approximately is whole words where
// its quote was, and so is one found as it is, or with its white space
// changed, inside a longer word: "spring" is not the passage in
// "springtime".
func TestFindWholeWords(t *testing.T) {
	sample := luftwaffe(t)
	firstSentence := sample[:strings.Index(sample, "Ukraine.")+len("Ukraine.")]
	const opening = "In a startling revelation, a leaked audio recording"
	tests := map[string]struct {
		text     string // the text as it was
		quote    string // the passage selected in it, at its first place
		old, new string // the edit made to the text
		want     string // the passage found in the edited text
	}{
		"sample, new opening": {sample, firstSentence, opening, "Totally different opening text here",
			strings.Replace(firstSentence, opening, "Totally different opening text here", 1)},
		"sample, another new opening": {sample, firstSentence, opening, "Quite another opening text here",
			strings.Replace(firstSentence, opening, "Quite another opening text here", 1)},
		"sample, first letter changed, already whole words": {sample, firstSentence, "In a startling", "On a startling",
			"On" + firstSentence[len("In"):]},
		"end inside a longer word": {harbour, "Dock workers welcomed the news.", "the news.", "the newsletter.",
			"Dock workers welcomed the newsletter."},
		"end inside an edited word": {harbour, "Dock workers welcomed the news.",
			"welcomed the news.", "welcome the newest ones.", "Dock workers welcome the newest ones."},
		"end inside a word grown longer": {harbour, "have broken down eleven times this spring.",
			"this spring.", "this springtime.", "have broken down eleven times this springtime."},
		"not the sentence before": {harbour, "A spokesman for the authority said", "A spokesman", "Spokesman",
			"Spokesman for the authority said"},
		"an apostrophe is inside a word": {harbour, "A spokesman for the authority", "A spokesman for the authority said",
			"A spokesperson for the authority's board said", "A spokesperson for the authority's"},
		"a comma between digits is inside a number": {"The cost was 1,000 dollars in May this year.", "1,000 dollars in May this year.",
			"1,000", "2,500,000", "2,500,000 dollars in May this year."},
		"a long compound": {"The new Donaudampfschifffahrtsgesellschaft ships sail in May.",
			"Donaudampfschifffahrtsgesellschaft ships sail in May.", "Donaudampf", "Rheindampf",
			"Rheindampfschifffahrtsgesellschaft ships sail in May."},
		"not over a token longer than a word": {"see abc def ghi jkl mno, then more", "abc def ghi jkl mno",
			"see abc", "see " + strings.Repeat("x", 90) + "xbc", "xbc def ghi jkl mno"},
		"a quote that began inside a word still does": {harbour, "ck workers welcomed the news.",
			"Dock workers welcomed the news.", "Dick workers welcomed the newz.", "ck workers welcomed the newz."},
		"Devanagari, marks inside words": {"बंदरगाह प्राधिकरण ने मंगलवार को कहा कि क्रेनें बदली जाएंगी।",
			"बंदरगाह प्राधिकरण ने मंगलवार को कहा", "बंदरगाह", "हवाईअड्डा", "हवाईअड्डा प्राधिकरण ने मंगलवार को कहा"},
		"Thai, a character with its mark": {"รัฐบาลประกาศวันอังคารว่าจะสร้างสะพานใหม่ข้ามแม่น้ำ", "จะสร้างสะพานใหม่ข้ามแม่น้ำ",
			"จะสร้างสะพาน", "จะก่อสร้างสะพาน", "จะก่อสร้างสะพานใหม่ข้ามแม่น้ำ"},
		"Chinese, not over the sentence": {"北京市政府周二宣布，地铁十号线将于明年延长至机场。", "地铁十号线将于明年延长至机场。",
			"宣布，地铁", "宣布轻轨", "轻轨十号线将于明年延长至机场。"},
		"Japanese, not over the sentence": {"東京都は火曜日、新しいバス路線を発表した。", "新しいバス路線を発表した。",
			"、新しいバス", "に新型バス", "新型バス路線を発表した。"},
		"exact, inside a word": {harbour, "have broken down eleven times this spring", "this spring.", "this springtime.",
			"have broken down eleven times this springtime"},
		"white space changed, inside a word": {harbour, "have broken down eleven times this spring",
			"eleven times this spring.", "eleven\ntimes  this springtime.", "have broken down eleven\ntimes  this springtime"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			i := strings.Index(tt.text, tt.quote)
			if i < 0 || !strings.Contains(tt.text, tt.old) {
				t.Fatal("the quote or the edit is not in the text")
			}
			text := strings.Replace(tt.text, tt.old, tt.new, 1)
			start, end, ok := Find(text, Make(tt.text, i, i+len(tt.quote)))
			if !ok {
				t.Fatalf("not found, want %q", tt.want)
			}
			if got := text[start:end]; got != tt.want {
				t.Errorf("found %q, want %q", got, tt.want)
			}
		})
	}
}

func TestBoundary(t *testing.T) {
	tests := map[string]struct {
		before, after string
		want          bool
	}{
		"start of the text":              {"", "word", true},
		"end of the text":                {"word", "", true},
		"inside a word":                  {"Total", "ly", false},
		"before a space":                 {"Total", " ly", true},
		"after a space":                  {"Total ", "ly", true},
		"before punctuation":             {"end", ". Next", true},
		"before an apostrophe in a word": {"don", "'t", false},
		"after an apostrophe in a word":  {"don'", "t", false},
		"typographic apostrophe":         {"l’", "homme", false},
		"apostrophe ending a word":       {"the boys", "' toys", true},
		"apostrophe opening a quote":     {"said '", "no'", true},
		"middle dot":                     {"col·", "lecció", false},
		"hyphen":                         {"high", "-ranking", true},
		"after a hyphen":                 {"high-", "ranking", true},
		"decimal point":                  {"3", ".5", false},
		"thousands comma":                {"1,", "000", false},
		"point between letters":          {"e", ".g", true},
		"comma after a word":             {"word", ",2", true},
		"precomposed letters":            {"Zür", "ich", false},
		"at a combining mark":            {"Zu", "\u0308rich", false},
		"after a combining mark":         {"Zu\u0308", "rich", false},
		"Cyrillic":                       {"Моск", "ва", false},
		"Arabic":                         {"مرح", "با", false},
		"Arabic-Indic digits":            {"٣", "٤", false},
		"Devanagari letters":             {"नम", "स्ते", false},
		"Devanagari virama":              {"नमस", "्ते", false},
		"Hangul":                         {"한국", "어", false},
		"between ideographs":             {"北京", "市", true},
		"ideograph and kana":             {"東京", "タワー", true},
		"prolonged sound mark":           {"タワ", "ー", true},
		"Latin after an ideograph":       {"駅", "Tokyo", true},
		"ideograph after Latin":          {"Tokyo", "駅", true},
		"Thai letter and its mark":       {"ก", "\u0e34", false},
		"Thai letters":                   {"กิ", "น", true},
		"inside an emoji sequence":       {"👩\u200d", "💻", false},
		"before a joiner":                {"👩", "\u200d💻", false},
		"between emoji":                  {"👩", "💻", true},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			if got := boundary(tt.before, tt.after); got != tt.want {
				t.Errorf("boundary(%q, %q) = %v, want %v", tt.before, tt.after, got, tt.want)
			}
		})
	}
}

func TestLeadAndTrail(t *testing.T) {
	tests := map[string]struct {
		s           string
		lead, trail int
	}{
		"words":                       {"a spokesman said", 0, 0},
		"punctuation attached":        {"“Cranes,” he said.", 0, 0},
		"the sentence before":         {". Spokesman said", 2, 0},
		"a space":                     {" said it ", 1, 1},
		"runs of punctuation":         {", — said — ,", len(", — "), len(" — ,")},
		"white space of any kind":     {"\n\tsaid\u00a0.", 2, len("\u00a0.")},
		"no word":                     {". , .", 0, 0},
		"a word of another script":    {"。 東京 ", len("。 "), 1},
		"a mark counts with its word": {"- \u0301x", 2, 0},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			if got := lead(tt.s); got != tt.lead {
				t.Errorf("lead(%q) = %d, want %d", tt.s, got, tt.lead)
			}
			if got := trail(tt.s); got != tt.trail {
				t.Errorf("trail(%q) = %d, want %d", tt.s, got, tt.trail)
			}
		})
	}
}

// TestTrimSentences: a match that takes in a piece of the sentence before
// or after its own, where the quote began or ended a sentence, is trimmed
// of it; not where the piece is more than its edits could be, where the
// quote has a sentence's edge there itself, or where it did not begin or
// end a sentence.
func TestTrimSentences(t *testing.T) {
	tests := map[string]struct {
		before, match, after string // the text, the match in it
		sel                  Selector
		errors               int
		want                 string
	}{
		"the end of the sentence before": {"The council met on ", "Tuesday. Its authority announced it.", " Next.",
			Selector{Quote: "The port authority announced it.", Prefix: "met on Tuesday. "}, 12, "Its authority announced it."},
		"the start of the sentence after": {"Then. ", "The cranes will go. The", " decision follows.",
			Selector{Quote: "The cranes will be replaced by 2027.", Suffix: " The decision"}, 18, "The cranes will go."},
		"both": {"On Tues", "day. Its cranes will go. The", " end.",
			Selector{Quote: "The port cranes will be replaced by 2027."}, 22, "Its cranes will go."},
		"a closing quotation mark ends it": {"“Go ", "away.” Officials said so.", "",
			Selector{Quote: "The port authority said so."}, 14, "Officials said so."},
		"more than its edits": {"The council met on ", "Tuesday. Its authority announced it.", " Next.",
			Selector{Quote: "The port authority announced it.", Prefix: "met on Tuesday. "}, 7, "Tuesday. Its authority announced it."},
		"the quote's own sentence": {"He ", "said no. The cranes are old.", "",
			Selector{Quote: "Yes. The cranes are old."}, 10, "said no. The cranes are old."},
		"the quote began inside a sentence": {"The council met on ", "Tuesday. Its authority announced it.", " Next.",
			Selector{Quote: "the port authority announced it.", Prefix: "met on Tuesday, when "}, 12, "Tuesday. Its authority announced it."},
		"the quote ended inside a sentence": {"Then. ", "The cranes will go. The", " decision follows.",
			Selector{Quote: "The cranes will be replaced by", Suffix: " 2027. The decision"}, 18, "The cranes will go. The"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			text := tt.before + tt.match + tt.after
			a, b := trimSentences(text, len(tt.before), len(tt.before)+len(tt.match), tt.sel, tt.errors)
			if got := text[a:b]; got != tt.want {
				t.Errorf("trimmed to %q, want %q", got, tt.want)
			}
		})
	}
}
