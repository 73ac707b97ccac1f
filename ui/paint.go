package ui

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// paint draws one line of text in a style: the SGR sequences that turn the
// style on, the text, and those that turn it off, as lipgloss renders a line
// without tabs, but found once instead of for every piece of every row.
type paint struct {
	style       lipgloss.Style
	open, close string
	plain       bool // the style draws text as it is: no padding, width or border
}

func newPaint(s lipgloss.Style) paint {
	sp := paint{style: s}
	if r := s.Render("x"); strings.Count(r, "x") == 1 {
		sp.open, sp.close, _ = strings.Cut(r, "x")
		// Underlines, padding, widths and borders draw a line otherwise;
		// this style is plain if longer lines come out the same way.
		sp.plain = true
		for _, probe := range []string{"ab  c", "東京 …"} {
			sp.plain = sp.plain && s.Render(probe) == sp.open+probe+sp.close
		}
	}
	return sp
}

// styler draws text in a style: a lipgloss.Style, or a paint.
type styler interface {
	Render(strs ...string) string
}

// Render draws its texts, joined by spaces, in the paint's style.
func (sp paint) Render(strs ...string) string {
	if len(strs) == 1 {
		return sp.render(strs[0])
	}
	return sp.render(strings.Join(strs, " "))
}

// render draws text in the paint's style.
func (sp paint) render(text string) string {
	switch {
	case text == "":
		return ""
	case !sp.plain || strings.ContainsAny(text, "\t\n\r"):
		return sp.style.Render(text)
	}
	return sp.open + text + sp.close
}

// rowPaints are the spans of a list row, in one of its two states: the
// cursor's row draws over the selected background.
type rowPaints struct {
	plain, mark, cursorBar, unread, date, dateUnknown, source paint
	title, titleRead, dim, annotated, star                    paint
}

func newRowPaints(st *styles, selected bool) rowPaints {
	sp := func(s lipgloss.Style) paint {
		if selected {
			s = s.Inherit(st.selected)
		}
		return newPaint(s)
	}
	return rowPaints{
		plain: sp(lipgloss.NewStyle()), mark: sp(st.mark), cursorBar: sp(st.cursorBar),
		unread: sp(st.unread), date: sp(st.date), dateUnknown: sp(st.dateUnknown), source: sp(st.source),
		title: sp(st.title), titleRead: sp(st.titleRead), dim: sp(st.headerDim),
		annotated: sp(st.annotated), star: sp(st.star),
	}
}
