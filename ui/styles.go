package ui

import (
	"hash/fnv"
	"image/color"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"

	"tidings/feeds"
	"tidings/feeds/marks"
	"tidings/store/query"
)

// styles is every style the UI draws with, for one theme. It is rebuilt when
// the terminal reports its background colour.
type styles struct {
	isDark, noColor bool

	header, headerDim, badge lipgloss.Style

	unread, date, dateUnknown, source, title, titleRead lipgloss.Style
	selected, cursorBar                                 lipgloss.Style
	star, annotated, empty                              lipgloss.Style
	tags                                                []lipgloss.Style
	fixedTags                                           map[string]lipgloss.Style
	mark                                                lipgloss.Style // a selected article
	// cursorRowFg, when set, is the colour of every tag on the cursor's
	// row (in 16 colours: see useBasicColours).
	cursorRowFg color.Color

	// match is a word the filter matched; matchSGR turns it on in rendered
	// text.
	match lipgloss.Style
	// rows draws list rows, unselected and selected (the cursor's);
	// matchPaint draws match in them.
	rows       [2]rowPaints
	matchPaint paint
	matchSGR   string

	prompt, inputHint, candidate lipgloss.Style // input lines and the tag editor

	// Annotations: a passage with a note, the current one and the one
	// being selected, and the SGR sequences that turn them on in rendered
	// text; the marks in the margin; notes as they are listed.
	passage, passageCurrent, selection           lipgloss.Style
	passageSGR, passageCurrentSGR, selectionSGR  string
	noteMark, noteMarkCurrent                    lipgloss.Style
	noteText, noteDim, noteHead, noteHeadCurrent lipgloss.Style
	noteQuote                                    lipgloss.Style

	readerTitle, readerMeta, readerLink, rule lipgloss.Style

	status, statusErr lipgloss.Style
	helpBox, box      lipgloss.Style
	welcomeTitle      lipgloss.Style
	welcomeCode       lipgloss.Style
	help              help.Styles

	// cursor is the colour of the text cursor in every line typed in.
	cursor color.Color
	// glyphs are the marks drawn, for the terminal (useConsoleGlyphs).
	glyphs glyphs
}

// glyphs is every mark the screens draw outside the text: the list's
// marks, the reader's and the panels' cursor bar and note marks, the tag
// editor's prompt and the boxes' border.
type glyphs struct {
	cursorBar string // the cursor's row, in the list, the panels and the browser
	selected  string // a row in the selection
	unread    string
	annotated string // an article with notes; a note, in the reader and the browser
	starred   string
	noteBar   string // the lines of a passage with a note, after its first
	noteLine  string // the lines of a note shown under its passage
	tagPrompt string // the tag editor's
	border    lipgloss.Border
}

// unicodeGlyphs are the marks on a terminal with the fonts of today.
var unicodeGlyphs = glyphs{
	cursorBar: "▌", selected: "✓", unread: "●", annotated: "✎", starred: "★",
	noteBar: "┃", noteLine: "┆", tagPrompt: "›", border: lipgloss.RoundedBorder(),
}

// consoleGlyphs are the marks on the Linux console. None of its fonts has
// ✓ ★ ✎, and most lack ▌ and ›: it draws each as the same replacement
// glyph, so they are ASCII here. ● ┃ ┆ and rounded corners are drawn
// by every console font that has them as • │ │ and square corners, which
// the fonts without them still have.
var consoleGlyphs = glyphs{
	cursorBar: ">", selected: "+", unread: "•", annotated: "=", starred: "*",
	noteBar: "│", noteLine: "│", tagPrompt: ">", border: lipgloss.NormalBorder(),
}

// linuxConsole reports whether TERM names the Linux console (linux, or
// one of terminfo's variants of it: linux-16color, linux-m…).
func linuxConsole(term string) bool {
	return term == "linux" || strings.HasPrefix(term, "linux-")
}

// newStyles builds the styles for a dark or light background, with the
// configured tag colours (by tagKey); with noColor only bold, faint
// and reverse remain.
func newStyles(isDark, noColor bool, tagColors map[string]color.Color) *styles {
	ld := lipgloss.LightDark(isDark)
	c := func(light, dark string) color.Color {
		if noColor {
			return lipgloss.NoColor{}
		}
		return ld(lipgloss.Color(light), lipgloss.Color(dark))
	}
	s := lipgloss.NewStyle
	st := &styles{isDark: isDark, noColor: noColor, glyphs: unicodeGlyphs}

	accent := c("#5A56E0", "#8B87FF")
	dim := c("#8A8A8A", "#6C6C6C")

	st.header = s().Bold(true).Foreground(accent)
	st.headerDim = s().Foreground(dim)
	st.badge = s().Bold(true).Foreground(c("#FFFFFF", "#1A1A1A")).Background(c("#C2410C", "#FB923C")).Padding(0, 1)
	if noColor {
		st.badge = s().Reverse(true).Padding(0, 1)
	}

	st.unread = s().Foreground(c("#0969DA", "#58A6FF")).Bold(true)
	st.date = s().Foreground(dim)
	st.dateUnknown = s().Foreground(dim).Faint(true)
	st.source = s().Foreground(c("#0E7490", "#67E8F9"))
	st.title = s().Bold(true)
	st.titleRead = s().Foreground(c("#4A4A4A", "#B8B8B8"))
	st.selected = s().Background(c("#E4E4F7", "#2E2C4F"))
	if noColor {
		st.selected = s().Reverse(true)
	}
	st.cursorBar = s().Foreground(accent).Bold(true)
	st.star = s().Foreground(c("#B45309", "#FACC15"))
	st.annotated = s().Foreground(c("#7C3AED", "#C4B5FD"))
	st.empty = s().Foreground(dim).Italic(true)
	st.mark = s().Foreground(c("#15803D", "#4ADE80")).Bold(true)
	st.match = s().Foreground(c("#1A1A1A", "#1A1A1A")).Background(c("#FDE047", "#FACC15"))
	if noColor {
		st.match = s().Reverse(true).Underline(true) // underlined: the cursor's row is reversed too
	}
	st.matchSGR = sgrOpen(st.match)
	st.passage = s().Background(c("#EDE9FE", "#3B2F63"))
	st.passageCurrent = s().Foreground(c("#1A1A1A", "#FFFFFF")).Background(c("#C4B5FD", "#6D28D9"))
	st.selection = s().Foreground(c("#1A1A1A", "#FFFFFF")).Background(c("#93C5FD", "#1D4ED8"))
	if noColor {
		st.passage = s().Underline(true)
		st.passageCurrent = s().Underline(true).Bold(true)
		st.selection = s().Reverse(true)
	}
	st.passageSGR, st.passageCurrentSGR, st.selectionSGR = sgrOpen(st.passage), sgrOpen(st.passageCurrent), sgrOpen(st.selection)
	purple := c("#7C3AED", "#C4B5FD")
	st.noteMark = s().Foreground(purple)
	st.noteMarkCurrent = s().Foreground(purple).Bold(true)
	st.noteText = s().Foreground(c("#4C1D95", "#DDD6FE"))
	st.noteDim = s().Foreground(dim).Italic(true)
	st.noteHead = s().Foreground(purple)
	st.noteHeadCurrent = s().Foreground(purple).Bold(true).Reverse(true)
	st.noteQuote = s().Foreground(c("#4A4A4A", "#B8B8B8")).Italic(true)
	st.prompt = s().Foreground(accent).Bold(true)
	st.inputHint = s().Foreground(dim)
	st.candidate = s().Reverse(true)

	for _, p := range tagPalette {
		st.tags = append(st.tags, s().Foreground(c(p[0], p[1])))
	}
	st.fixedTags = map[string]lipgloss.Style{}
	for name, col := range tagColors {
		if !noColor {
			st.fixedTags[name] = s().Foreground(col)
		}
	}

	st.readerTitle = s().Bold(true).Foreground(c("#1F1F1F", "#F2F2F2"))
	st.readerMeta = s().Foreground(c("#0E7490", "#67E8F9"))
	st.readerLink = s().Foreground(dim).Underline(!noColor)
	st.rule = s().Foreground(c("#D0D0D0", "#3A3A3A"))

	st.status = s().Foreground(c("#166534", "#86EFAC"))
	st.statusErr = s().Foreground(c("#B91C1C", "#FCA5A5")).Bold(true)
	st.helpBox = s().Border(st.glyphs.border).BorderForeground(accent).Padding(0, 2)
	st.box = s().Border(st.glyphs.border).BorderForeground(accent).Padding(0, 1)
	st.welcomeTitle = s().Bold(true).Foreground(accent)
	st.welcomeCode = s().Foreground(c("#0E7490", "#67E8F9"))

	// The cursor of the lines typed in: a block of the accent, which
	// stands out on the terminal's background and on the note editor's
	// line, where the terminal's own is hidden.
	st.cursor = accent

	// The keys in the footer and the help: bold and stronger than what
	// they do, both read on the terminal's background (black or white:
	// 5:1 and more).
	key := s().Bold(true).Foreground(c("#303030", "#D0D0D0"))
	desc := s().Foreground(c("#6C6C6C", "#9E9E9E"))
	sep := s().Foreground(dim)
	st.help = help.Styles{
		Ellipsis: sep, ShortKey: key, ShortDesc: desc, ShortSeparator: sep,
		FullKey: key, FullDesc: desc, FullSeparator: sep,
	}
	st.rows = [2]rowPaints{newRowPaints(st, false), newRowPaints(st, true)}
	st.matchPaint = newPaint(st.match)
	return st
}

// themeStyles are the styles for the model's theme and terminal.
func (m Model) themeStyles() *styles {
	st := newStyles(m.isDark, m.noColor, m.chipColors())
	if m.basicColours && !m.noColor {
		st.useBasicColours()
	}
	if linuxConsole(m.cfg.Term) {
		st.useConsoleGlyphs()
	}
	return st
}

// useConsoleGlyphs draws the marks the Linux console's fonts have.
func (st *styles) useConsoleGlyphs() {
	st.glyphs = consoleGlyphs
	st.helpBox = st.helpBox.Border(st.glyphs.border)
	st.box = st.box.Border(st.glyphs.border)
}

// useBasicColours fits the cursor's row to a terminal of 16 colours (the
// ANSI profile: TERM=xterm, the Linux console), where each colour is drawn
// as the nearest of the 16: the row's background would be blue and its
// cyan source and grey date light blue and dark grey on it. The row is
// drawn in colours of the 16 chosen to be read on its background instead:
// white and bright white on blue for a dark terminal, black, blue and grey
// on light grey for a light one.
func (st *styles) useBasicColours() {
	s := lipgloss.NewStyle
	// Off the cursor's row: the dark greys of rules and separators would
	// be black on black, the light greys of dates and key names white on
	// white; bright black reads on either.
	grey := s().Foreground(lipgloss.BrightBlack)
	st.rule = grey
	st.help.ShortSeparator, st.help.FullSeparator, st.help.Ellipsis = grey, grey, grey
	// The keys and what they do in colours of the 16 that are far from
	// the background (bright black is too near white, and on some
	// terminals to black): the keys bold, and blue on white.
	key, desc := s().Bold(true).Foreground(lipgloss.BrightWhite), s().Foreground(lipgloss.White)
	if !st.isDark {
		st.headerDim, st.date, st.inputHint, st.readerLink = grey, grey, grey, grey.Underline(true)
		st.dateUnknown, st.empty, st.noteDim = grey.Faint(true), grey.Italic(true), grey.Italic(true)
		key, desc = s().Bold(true).Foreground(lipgloss.Blue), s().Foreground(lipgloss.Black)
	}
	st.help.ShortKey, st.help.FullKey, st.help.ShortDesc, st.help.FullDesc = key, key, desc, desc
	st.rows[0] = newRowPaints(st, false)
	row := *st
	if st.isDark {
		row.selected = s().Background(lipgloss.Blue).Foreground(lipgloss.BrightWhite)
		strong, soft := s().Foreground(lipgloss.BrightWhite), s().Foreground(lipgloss.White)
		row.mark, row.cursorBar, row.unread = strong.Bold(true), strong.Bold(true), strong.Bold(true)
		row.date, row.dateUnknown, row.source, row.titleRead, row.headerDim = soft, soft, soft, soft, soft
		row.annotated, row.star = strong, s().Foreground(lipgloss.BrightYellow)
		st.cursorRowFg = lipgloss.White
	} else {
		row.selected = s().Background(lipgloss.White).Foreground(lipgloss.Black)
		strong, soft := s().Foreground(lipgloss.Blue), s().Foreground(lipgloss.BrightBlack)
		row.mark, row.cursorBar, row.unread = strong.Bold(true), strong.Bold(true), strong.Bold(true)
		row.date, row.dateUnknown, row.titleRead, row.headerDim = soft, soft, soft, soft
		row.source, row.annotated, row.star = strong, s().Foreground(lipgloss.Magenta), s().Foreground(lipgloss.Red)
		st.cursorRowFg = lipgloss.Black
	}
	st.selected = row.selected
	st.rows[1] = newRowPaints(&row, true)
}

// onCursorRow is s drawn on the cursor's row: over its background, and in
// the row's own colour where one is set (cursorRowFg).
func (st *styles) onCursorRow(s lipgloss.Style) lipgloss.Style {
	if st.cursorRowFg != nil {
		s = s.Foreground(st.cursorRowFg)
	}
	return s.Inherit(st.selected)
}

// tagPalette is the tag colours, light and dark; a tag keeps its colour
// because the colour comes from a hash of its name.
var tagPalette = [][2]string{
	{"#B91C1C", "#F87171"}, // red
	{"#C2410C", "#FB923C"}, // orange
	{"#A16207", "#FACC15"}, // yellow
	{"#15803D", "#4ADE80"}, // green
	{"#0F766E", "#2DD4BF"}, // teal
	{"#1D4ED8", "#60A5FA"}, // blue
	{"#7E22CE", "#C084FC"}, // purple
	{"#BE185D", "#F472B6"}, // pink
}

// tagStyle is the style of a tag chip: the configured colour, else one from
// the palette that is the same for a name whatever its case, in every run.
func (st *styles) tagStyle(name string) lipgloss.Style {
	name = tagKey(name)
	if s, ok := st.fixedTags[name]; ok {
		return s
	}
	h := fnv.New32a()
	h.Write([]byte(name))
	return st.tags[h.Sum32()%uint32(len(st.tags))]
}

// tagKey is what tells tag names apart, as the library tells them apart: a
// name as it stores names, cut (query.TagName) and folded (marks.FoldTag),
// so that Été and ÉTÉ, ΣΟΦΟΣ and σοφος, é typed with a combining accent, or
// two names alike in their first 1,000 characters, are one tag.
func tagKey(name string) string {
	if len(name) <= feeds.MaxLineLength && plainASCII(name) {
		return strings.ToLower(name) // most names: the rest would only lower them
	}
	return marks.FoldTag(query.TagName(name))
}

// plainASCII reports whether s is printable ASCII whose spaces are single
// and between words.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
			if i == 0 || i == len(s)-1 || s[i+1] == ' ' {
				return false
			}
		case c < 0x21 || c > 0x7e:
			return false
		}
	}
	return true
}
