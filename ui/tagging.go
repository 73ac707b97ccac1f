package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"tidings/store"
)

// Tagging: t opens the tag editor on the selection, else on the current
// article; T asks to tag every article the filter matches, saying how
// many, and then opens the editor for the tags. Writes run in commands;
// the list shows a change at once and then reloads what the library holds.

// suggestionCount is how many suggested tags the editor asks for.
const suggestionCount = 8

// tagsLoadedMsg carries the library's tags (completion, colours, panel).
type tagsLoadedMsg struct {
	tags []store.Tag
	err  error
}

// suggestionsMsg carries the tags suggested for an article.
type suggestionsMsg struct {
	id   int64
	tags []string
	err  error
}

// tagsAppliedMsg reports tags added to and removed from articles.
type tagsAppliedMsg struct {
	ids         []int64
	gone        []int64 // of ids, those deleted elsewhere meanwhile, left out
	add, remove []string
	err         error
}

// taggingCountMsg carries how many articles a bulk tagging would tag.
type taggingCountMsg struct {
	query string
	n     int
	err   error
}

// queryTaggedMsg reports a bulk tagging.
type queryTaggedMsg struct {
	query       string
	n           int
	add, remove []string
	err         error
}

// confirmation is a yes/no question in the status line; yes runs onYes.
type confirmation struct {
	question string
	// fit, when set, puts the question for a status line width cells wide:
	// a resize puts it again, so that the y/n stays in sight when the
	// terminal narrows and what it quotes shows whole when it widens.
	fit   func(width int) string
	onYes func(m *Model) tea.Cmd
}

// setFitted asks the question fit puts for a status line width cells wide,
// and keeps fit to put it again on a resize.
func (c *confirmation) setFitted(fit func(width int) string, width int) {
	c.fit, c.question = fit, fit(width)
}

// refit puts the question again for a status line width cells wide, when
// it is fitted.
func (c *confirmation) refit(width int) {
	if c != nil && c.fit != nil {
		c.question = c.fit(width)
	}
}

// openTagEditor opens the editor on the selection, else the current
// article (the reader's in the reader).
func (m *Model) openTagEditor() tea.Cmd {
	m.editor.setWidth(m.width, m.styles)
	if m.readOnly {
		m.setError("cannot tag", errReadOnly)
		return nil
	}
	if m.screen == screenList && len(m.list.marked) > 0 {
		ids := m.list.markedIDs()
		what := thousands(len(ids)) + " selected articles"
		if len(ids) == 1 {
			what = "1 selected article"
		}
		// Suggestions are for the article under the cursor when it is
		// selected, else for one of the selection.
		like := ids[0]
		if row, ok := m.list.current(); ok && m.list.marked[row.ID] {
			like = row.ID
		}
		return tea.Batch(m.editor.start(ids, "", what, nil, like),
			loadSuggestions(m.ctx, m.lib, like), loadTags(m.ctx, m.lib))
	}
	row, ok := m.current()
	if !ok {
		return nil
	}
	has := row.Tags
	if m.screen == screenReader && m.reader.loaded {
		has = nil
		for _, t := range m.reader.article.Tags {
			has = append(has, t.Name)
		}
	}
	what := "“" + oneLine(row.Title) + "”"
	return tea.Batch(m.editor.start([]int64{row.ID}, "", what, has, row.ID),
		loadSuggestions(m.ctx, m.lib, row.ID), loadTags(m.ctx, m.lib))
}

// handleTagEditKey handles a key while the editor is open.
func (m *Model) handleTagEditKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "esc":
		m.editor.close()
		return nil
	case "enter":
		return m.applyTagEdit()
	}
	return m.editor.update(msg)
}

// applyTagEdit applies the editor's line and closes it. A line that
// removes a tag with spaces unquoted (-Long Read, for the tag Long Read)
// is not applied: the editor stays open on it, and the status line says
// how to write it.
func (m *Model) applyTagEdit() tea.Cmd {
	e := m.editor
	held, known := m.carriedTags(e.ids)
	have := held
	if !known || e.query != "" {
		have = e.known // what none of the library's tags is, no article has
	}
	if typed, tag, ok := splitRemoval(e.input.Value(), have); ok {
		m.setStatus(splitRemovalHint(typed, tag))
		return nil
	}
	m.editor.close()
	add, remove := parseTagEdits(e.input.Value())
	if len(add)+len(remove) == 0 {
		return nil
	}
	if e.query != "" {
		return m.trackLong("Tagging the articles matching "+quoteQuery(e.query)+"…",
			"tagging the articles matching "+quoteQuery(e.query), "tagging stopped: nothing was tagged",
			func(ctx context.Context) tea.Cmd { return tagQuery(ctx, m.lib, e.query, add, remove) })
	}
	if known {
		// Removing a tag no article there carries removes nothing: say so
		// rather than report it done.
		remove = slices.DeleteFunc(remove, func(t string) bool {
			return !slices.ContainsFunc(held, func(h string) bool { return tagKey(h) == tagKey(t) })
		})
		if len(add)+len(remove) == 0 {
			m.setStatus("Nothing to remove: " + taggedWhat(e.ids, m.list.rows) + " has none of those tags.")
			return nil
		}
	}
	for _, id := range e.ids {
		m.list.updateRow(id, func(r *store.Row) { r.Tags = editTags(r.Tags, add, remove, e.known) })
		if m.reader.row.ID == id {
			m.reader.row.Tags = editTags(m.reader.row.Tags, add, remove, e.known)
			m.reader.article.Tags = articleTags(editTags(tagNames(m.reader.article.Tags), add, remove, e.known))
			m.reader.layout()
		}
	}
	return m.track("tagging "+articleCount(len(e.ids)), "tagging stopped: no tag was changed",
		func(ctx context.Context) tea.Cmd { return tagArticles(ctx, m.lib, e.ids, add, remove) })
}

// startTagAll counts what T would tag; the question follows the count.
func (m *Model) startTagAll() tea.Cmd {
	if m.readOnly {
		m.setError("cannot tag", errReadOnly)
		return nil
	}
	q := m.list.query.whole()
	if q == "" {
		return nil
	}
	m.setStatus("Counting the articles matching " + quoteQuery(q) + "…")
	return countForTagging(m.ctx, m.lib, q)
}

// handleTaggingCount asks whether to tag that many articles, unless the
// filter changed meanwhile.
func (m *Model) handleTaggingCount(msg taggingCountMsg) {
	if msg.query != m.list.query.whole() || m.mode() != modeNormal {
		return
	}
	switch {
	case msg.err != nil:
		m.setError("counting the articles to tag", msg.err)
	case msg.n == 0:
		m.setStatus("No articles match " + quoteQuery(msg.query) + ".")
	default:
		m.setStatus("")
		what := fmt.Sprintf("%s articles matching %s", thousands(msg.n), quoteQuery(msg.query))
		if msg.n == 1 {
			what = "1 article matching " + quoteQuery(msg.query)
		}
		m.confirm = &confirmation{
			onYes: func(m *Model) tea.Cmd {
				return tea.Batch(m.editor.start(nil, msg.query, what, nil, 0), loadTags(m.ctx, m.lib))
			},
		}
		m.confirm.setFitted(func(width int) string { return tagAllQuestion(msg.query, msg.n, width) }, m.width)
	}
}

// tagAllQuestion is T's question about the n articles of query q, for a
// status line width cells wide: the query quoted in it is shortened, then
// left out (the header shows the filter), then the words are fewer, so that
// the verb and the y/n stay in sight.
func tagAllQuestion(q string, n, width int) string {
	articles := thousands(n) + " articles"
	if n == 1 {
		articles = "1 article"
	}
	return fitQuestion(width,
		questionForm{[]string{oneLine(q)}, func(t []string) string {
			return "Tag " + articles + " matching `" + t[0] + "`? y/n"
		}},
		plainQuestion("Tag "+articles+"? y/n"),
		plainQuestion("Tag "+thousands(n)+"? y/n"))
}

// handleConfirmKey answers the question in the status line.
func (m *Model) handleConfirmKey(msg tea.KeyPressMsg) tea.Cmd {
	k := confirmKeys()
	c := m.confirm
	switch {
	case key.Matches(msg, k.Accept):
		m.confirm = nil
		return c.onYes(m)
	case key.Matches(msg, k.Cancel):
		m.confirm = nil
	}
	return nil
}

// handleTagged shows the result of a tagging and reloads what it changed.
func (m *Model) handleTagged(what string, add, remove []string, ids []int64, err error) tea.Cmd {
	gone := errors.Is(err, store.ErrNotFound)
	if !gone {
		for _, id := range ids {
			m.list.keep(id) // under is:untagged, a row tagged stays until the query changes
		}
	}
	if err != nil && slices.Contains(ids, m.reader.id()) {
		m.reader.undoTags() // not done: not shown done
	}
	switch {
	case gone && len(ids) == 1:
		m.setError("Tags not changed", fmt.Errorf("%w · on %s", errGone, what))
		m.letGo(ids)
	case gone && ids != nil:
		m.setError("Tags not changed", fmt.Errorf("they were deleted elsewhere · on %s", what))
		m.letGo(ids)
	case err != nil:
		// The reason first, as for a success: a long title is cut at the
		// line's end.
		m.setError("Tags not changed", fmt.Errorf("%w · on %s", err, what))
	default:
		// What was done first: a long title is cut at the line's end.
		m.setStatus("Tags " + describeEdit(add, remove) + " on " + what)
	}
	cmds := []tea.Cmd{m.list.reload(), m.list.countCmd(), loadTags(m.ctx, m.lib)}
	if m.screen == screenReader && !m.reader.gone && (ids == nil || slices.Contains(ids, m.reader.id())) {
		cmds = append(cmds, loadArticle(m.ctx, m.lib, m.reader.id()))
	}
	return tea.Batch(cmds...)
}

// carriedTags are the tags that the articles ids carry, when all of them
// are at hand.
func (m Model) carriedTags(ids []int64) ([]string, bool) {
	var carried []string
	for _, id := range ids {
		r, ok := m.list.rowByID(id)
		if !ok && m.reader.row.ID == id {
			r, ok = m.reader.row, true
		}
		if !ok {
			return nil, false
		}
		carried = append(carried, r.Tags...)
	}
	return carried, true
}

// splitRemovalHint says how to remove a tag with spaces that a line split
// into a removal and additions (typed, as the words were typed).
func splitRemovalHint(typed []string, tag string) string {
	added := make([]string, len(typed)-1)
	for i, t := range typed[1:] {
		added[i] = "“" + t + "”"
	}
	return "To remove “" + tag + "”, write -" + quoteTag(tag) + ": -" + strings.Join(typed, " ") +
		" would add " + strings.Join(added, " and ") + "."
}

// taggedWhat names the articles a tagging changed, for the status line.
func taggedWhat(ids []int64, rows []store.Row) string {
	if len(ids) == 1 {
		for _, r := range rows {
			if r.ID == ids[0] {
				return "“" + oneLine(r.Title) + "”"
			}
		}
		return "1 article"
	}
	return thousands(len(ids)) + " articles"
}

// goneOthers says that n articles of a selection were deleted elsewhere
// before it was tagged, and left out.
func goneOthers(n int) string {
	if n == 1 {
		return "1 other was deleted elsewhere"
	}
	return thousands(n) + " others were deleted elsewhere"
}

// quoteQuery shows a query in a message: `ukraine tau*`.
func quoteQuery(q string) string {
	return "`" + oneLine(q) + "`"
}

func tagNames(tags []store.ArticleTag) []string {
	names := make([]string, len(tags))
	for i, t := range tags {
		names[i] = t.Name
	}
	return names
}

func articleTags(names []string) []store.ArticleTag {
	tags := make([]store.ArticleTag, len(names))
	for i, n := range names {
		tags[i] = store.ArticleTag{Name: n}
	}
	return tags
}

// loadTags loads the library's tags.
func loadTags(ctx context.Context, lib Library) tea.Cmd {
	return func() tea.Msg {
		tags, err := lib.Tags(ctx)
		return tagsLoadedMsg{tags: tags, err: err}
	}
}

// loadSuggestions asks for the tags of the articles most like one.
func loadSuggestions(ctx context.Context, lib Library, id int64) tea.Cmd {
	return func() tea.Msg {
		tags, err := lib.SuggestTags(ctx, id, suggestionCount)
		return suggestionsMsg{id: id, tags: tags, err: err}
	}
}

// tagArticles adds and removes tags on articles; the message names the
// tags as the library spells them (+ÉTÉ on a library's été is +été).
func tagArticles(ctx context.Context, lib Library, ids []int64, add, remove []string) tea.Cmd {
	return func() tea.Msg {
		t, err := lib.TagChanges(ctx, ids, add, remove)
		if err == nil {
			add, remove = changedNames(t.Added), changedNames(t.Removed)
		}
		return tagsAppliedMsg{ids: ids, gone: t.Gone, add: add, remove: remove, err: err}
	}
}

// countForTagging counts the articles a bulk tagging would tag.
func countForTagging(ctx context.Context, lib Library, q string) tea.Cmd {
	return func() tea.Msg {
		n, err := lib.Count(ctx, q)
		return taggingCountMsg{query: q, n: n, err: err}
	}
}

// tagQuery adds and removes tags on every article a query matches.
func tagQuery(ctx context.Context, lib Library, q string, add, remove []string) tea.Cmd {
	return func() tea.Msg {
		t, err := lib.TagQueryChanges(ctx, q, add, remove)
		if err == nil {
			add, remove = changedNames(t.Added), changedNames(t.Removed)
		}
		return queryTaggedMsg{query: q, n: t.Articles, add: add, remove: remove, err: err}
	}
}

// changedNames are the names of the tags a tagging added or removed.
func changedNames(changes []store.TagChange) []string {
	names := make([]string, len(changes))
	for i, c := range changes {
		names[i] = c.Name
	}
	return names
}
