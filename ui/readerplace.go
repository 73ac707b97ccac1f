package ui

// The reading position. When the reader lays the article out anew (at
// another width, in another style, or at last after the plain text shown
// while it was laid out), it keeps the text at the top of the screen at
// the top: it finds where in the plain text the top line is, and shows the
// line of the new layout that holds that place.

// textPlace is a place in the reader's lines given by the text: the line
// that shows the plain text's byte at, which was below lines under the top
// of the screen.
type textPlace struct {
	at, below int
}

// keptPlace is the text a layout kept at the top of the screen, and the
// line it put at the top: while the screen stays there, the next layout
// keeps that text again.
type keptPlace struct {
	place textPlace
	y     int
	set   bool
}

// topPlace is where the top of the screen is in the plain text: the first
// line on the screen that shows some of it. ok is false when no line on the
// screen says where it is.
func (m *readerModel) topPlace() (p textPlace, ok bool) {
	linePlain := m.linePlain
	if m.plain {
		linePlain = m.previewLines()
	}
	top := m.vp.YOffset()
	for y := top; y < len(linePlain) && y < top+max(m.vp.Height(), 1); y++ {
		if linePlain[y] >= 0 {
			return textPlace{at: linePlain[y], below: y - top}, true
		}
	}
	return textPlace{}, false
}

// previewLines is, for each line of the preview the viewport holds
// (preview), where the first word on it is in the plain text; -1 for a line
// showing none. The preview is the plain text cleaned for the screen, so
// its words are matched to the plain text's as a rendering's are
// (newBodyLayout), up to a bound of the preview's size: the cost does not
// grow with the article.
func (m *readerModel) previewLines() []int {
	if m.text == "" {
		return nil
	}
	text := m.text
	if n := 2 * plainPreview; len(text) > n {
		text = text[:n]
	}
	return newBodyLayout(m.vp.GetContent(), text).linePlain
}

// lineOfPlain is the line of a layout (linePlain, as bodyView has it) that
// shows the plain text's byte at: the last line that starts at it or before
// it, the first such when several do. ok is false when no line starts
// there or before.
func lineOfPlain(linePlain []int, at int) (line int, ok bool) {
	best, line := -1, -1
	for y, p := range linePlain {
		if p >= 0 && p <= at && p > best {
			best, line = p, y
		}
	}
	return line, line >= 0
}

// placeLine is the line to put at the top of the screen so that p shows
// where it did: the line holding its text, less the lines it was below the
// top.
func placeLine(linePlain []int, p textPlace) (int, bool) {
	y, ok := lineOfPlain(linePlain, p.at)
	return max(y-p.below, 0), ok
}
