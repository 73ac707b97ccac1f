// Package ui is tidings' terminal interface, built on Bubble Tea: the app
// shell that owns the terminal, the article list, the reader, the welcome
// screen and the help. It talks to the library through the small Library
// interface, always from commands, never inside Update or View, and it
// cleans every untrusted string before it reaches the terminal.
package ui

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"slices"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"tidings/store"
)

// screen is which sub-model has the keyboard.
type screen int

const (
	screenList screen = iota
	screenReader
	screenBrowser // the annotation browser
)

// Model is the root model: it owns the terminal, routes messages to the
// screens and performs the actions every screen shares (star, read, links).
type Model struct {
	ctx      context.Context
	lib      Library
	cfg      Config
	readOnly bool

	theme           theme
	isDark, noColor bool
	basicColours    bool // the terminal shows 16 colours (themeStyles)
	styles          *styles
	styleGen        int // counts restyles, for caches of drawn lines
	lines           *lineCache
	help            help.Model
	renderer        *renderer
	warmed          bool // the glamour renderer for this width was built ahead

	width, height int
	screen        screen
	showHelp      bool
	helpTop       int // the help page's first line of keys shown (scrollHelp)
	list          listModel
	reader        readerModel
	readerBack    screen // where the reader's back key goes
	welcome       welcomeModel
	browser       browserModel

	// The lines typed in and the boxes over the screens (overlays.go).
	filter  filterModel
	editor  tagEditor
	panel   tagsPanel
	links   linksPanel
	prompt  savePrompt
	confirm *confirmation
	// The note editor, and the notes deleted in this session in the order
	// deleted, which u brings back (annotate.go).
	noteEditor noteEditor
	deleted    []deletedNote
	knownTags  []store.Tag            // the library's tags, when loaded
	tagColors  map[string]color.Color // configured, by tagKey
	// articleStale is set when the library changed while the reader was
	// choosing a passage or writing a note: the open article is read
	// again once that is done.
	articleStale bool
	libColors    map[string]color.Color // from the library, by tagKey

	status string
	// refreshing is set while feeds are being fetched (r); progress says
	// how far, on the status line whenever no message has it.
	refreshing bool
	progress   string
	// autoRefreshing is set when the refresh running was started by
	// Config.RefreshEvery rather than r: one that finds no feeds then
	// says nothing.
	autoRefreshing bool
	statusErr      bool
	// markingRead says what M is marking read while it is being written
	// (readall.go); M meanwhile says so rather than write again.
	markingRead string
	// quit is what quitting waits for: the writes on their way (quit.go).
	quit quitState
	// selFlags is what each selected article was when the list last held
	// it, or was written since: by article id (rememberSelection). Shared
	// by the model's copies, as the selection is.
	selFlags map[int64]rowFlags

	gen      int64 // the library's generation the list shows
	genKnown bool

	// selCopy copies the passage being selected (selectionKeys).
	selCopy key.Binding
	// backEverywhere is the back config.toml gives every screen ([keys]
	// back): it closes the help on the screens that have no back of their
	// own, the list and the welcome screen (sharedKeys).
	backEverywhere key.Binding

	// held are the keys typed for the list while it showed an earlier
	// query's rows, given to it when the new rows come (typeahead.go).
	held []tea.KeyPressMsg
}

// New builds the root model for lib; it fails when cfg does not validate.
func New(lib Library, cfg Config) (Model, error) {
	return newModel(context.Background(), lib, cfg)
}

func newModel(ctx context.Context, lib Library, cfg Config) (Model, error) {
	if err := cfg.Validate(); err != nil {
		return Model{}, err
	}
	var problems []string
	cfg.Searches, problems = cfg.goodSearches()
	th, _ := parseTheme(cfg.Theme)
	tagColors := map[string]color.Color{}
	for name, value := range cfg.TagColors {
		// Validate refused two keys of one tag.
		tagColors[tagKey(name)], _ = parseColor(value)
	}
	km, _ := newKeyMaps(cfg.Keys, cfg.KeyMistakes)
	m := Model{
		ctx: ctx, lib: lib, cfg: cfg,
		readOnly:  cfg.ReadOnly || lib.ReadOnly(),
		theme:     th,
		tagColors: tagColors,
		isDark:    th != themeLight, // until the terminal answers
		noColor:   cfg.NoColor,
		help:      help.New(),
		lines:     &lineCache{},
		renderer:  newRenderer(),
	}
	if len(problems) > 0 {
		m.status, m.statusErr = "config.toml: "+problems[0]+"; left out of the tags panel", true
		if len(problems) > 1 {
			m.status += fmt.Sprintf(" (and %d more)", len(problems)-1)
		}
	}
	m.styles = m.themeStyles()
	m.help.Styles = m.styles.help
	m.list = newListModel(ctx, lib, listQuery{text: cfg.Query}, cfg.pageSize(), km.list, m.styles)
	m.reader = newReaderModel(ctx, lib, m.renderer, km.reader, m.styles, glamourStyle(m.isDark, m.noColor))
	m.reader.selKeys, m.selCopy = selectionKeys(km.selection, km.reader)
	m.backEverywhere = backForEveryScreen(cfg.Keys)
	m.browser = newBrowser(km.browser, m.styles)
	m.noteEditor = newNoteEditor(m.styles)
	m.welcome = welcomeModel{keys: km.welcome, styles: m.styles}
	m.filter = newFilterModel(m.styles)
	m.filter.input.SetValue(cfg.Query)
	if m.status == "" {
		// A query given at the start in elfeed's syntax says so, as one
		// typed at / does; config.toml's problem, said first, stays.
		m.noteElfeed(cfg.Query)
	}
	m.editor = newTagEditor(m.styles)
	m.prompt = newSavePrompt(m.styles)
	m.panel.keys = km.panel
	m.links.keys = km.links
	m.refreshKeys()
	return m, nil
}

// Run runs the UI on the terminal until the user quits or ctx ends; ended
// by ctx (a signal, for tidings), it returns ctx's cause, once the terminal
// is restored and a note being written saved.
func Run(ctx context.Context, lib Library, cfg Config) error {
	m, err := newModel(ctx, lib, cfg)
	if err != nil {
		return err
	}
	// Bubble Tea draws on a frame tick; at its highest rate a key press
	// reaches the screen in under 9 ms instead of up to 17. Frames are only
	// written when the view changed.
	// Signals stop the program through ctx alone: Bubble Tea's own handler
	// would quit on SIGTERM as q does, before ctx says why.
	opts := []tea.ProgramOption{tea.WithContext(ctx), tea.WithFPS(120), tea.WithoutSignalHandler()}
	if cfg.NoColor {
		opts = append(opts, tea.WithColorProfile(colorprofile.ASCII))
	}
	stops := catchStops()
	if stops != nil {
		opts = append(opts, tea.WithFilter(stops.filter))
	}
	p := tea.NewProgram(m, opts...)
	if stops != nil {
		go stops.forward(p)
	}
	writeTitleOp(saveTitle)
	final, err := p.Run()
	writeTitleOp(restoreTitle)
	if stops != nil {
		stops.stop()
	}
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		err = context.Cause(ctx) // asked to stop: the caller knows why
	}
	if fm, ok := final.(Model); ok {
		if fm.quit.err != nil {
			err = errors.Join(err, fm.quit.err) // writes stopped or failed as it quit
		}
		if kerr := fm.keepNote(); kerr != nil {
			err = errors.Join(err, fmt.Errorf("the note being written could not be saved: %w", kerr))
		}
	}
	return err
}

// Init loads the first page; counts, the background colour, the poll and
// the feeds (what the welcome screen says of them, and when they are next
// fetched by themselves) follow without holding up the first screen.
func (m Model) Init() tea.Cmd {
	cmds := []tea.Cmd{
		loadFirst(m.ctx, m.lib, m.list.query, m.list.limit(), m.list.epoch),
		readFeeds(m.ctx, m.lib, m.cfg.RefreshEvery, true),
	}
	if m.theme == themeAuto {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	if every := m.cfg.PollInterval; every > 0 {
		cmds = append(cmds, poll(every))
	}
	return tea.Batch(cmds...)
}

// backForEveryScreen is the binding of config.toml's [keys] back, which
// binds back on every screen that has it; disabled when it is not set.
// (Validate has checked the keys.)
func backForEveryScreen(overrides map[string][]string) key.Binding {
	keys, err := checkKeys(overrides["back"])
	if err != nil || slices.Contains(keys, disabledKey) {
		return key.NewBinding(key.WithDisabled())
	}
	return key.NewBinding(key.WithKeys(keys...))
}

// Update routes a message: terminal events first, then keys, then the
// results of commands to their owners.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	if m.quit.waiting && m.whileQuitting(msg) {
		return m, nil
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		cmd = m.resize(msg.Width, msg.Height)
	case tea.BackgroundColorMsg:
		if m.theme == themeAuto {
			m.isDark = msg.IsDark()
			cmd = m.restyle()
		}
	case tea.ColorProfileMsg:
		// NO_COLOR (and a terminal without colour) arrive as a profile
		// without colour: then glamour must not colour the reader either.
		// A terminal of 16 colours has the cursor's row in colours of
		// its own.
		switch {
		case (msg.Profile == colorprofile.ASCII || msg.Profile == colorprofile.NoTTY) && !m.noColor:
			m.noColor = true
			cmd = m.restyle()
		case msg.Profile == colorprofile.ANSI && !m.basicColours:
			m.basicColours = true
			cmd = m.restyle()
		}
	case tea.KeyPressMsg:
		msg = escPress(msg)
		if key.Matches(msg, m.suspendKey()) {
			cmd = m.suspend()
			break
		}
		if m.holdKey(msg) {
			break // until the list shows its query's rows (typeahead.go)
		}
		m, cmd = m.handleKey(msg)
	case tea.PasteMsg:
		cmd = m.handlePaste(msg)
	case tea.MouseClickMsg:
		cmd = m.handleClick(msg)
	case tea.MouseWheelMsg:
		cmd = m.handleWheel(msg)
	default:
		m, cmd = m.handleResult(msg)
	}
	m.refreshKeys()
	m.rememberSelection()
	if m.quit.waiting {
		m.status, m.statusErr = m.quitLine(), false
	}
	if len(m.held) > 0 && m.keysCanGo() {
		return m.replayHeld(cmd)
	}
	return m, cmd
}

// handleResult routes what commands bring back.
func (m Model) handleResult(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case pageMsg:
		return m.handlePage(msg)
	case unreadMsg:
		if m.list.jumping == jumpUnread && msg.ask == m.list.unreadAsk {
			m.list.jumping = jumpNone // found, or not: the cursor goes no further
		}
		cmd = m.handleUnread(msg)
	case writtenMsg:
		return m.handleWritten(msg)
	case countsMsg:
		if msg.err != nil && msg.epoch == m.list.epoch && msg.query == m.list.query && m.list.ctx.Err() == nil {
			m.setError("counting articles", msg.err)
		}
		m.list, cmd = m.list.Update(msg)
	case articleMsg:
		if msg.err != nil && msg.id == m.reader.id() {
			if errors.Is(msg.err, store.ErrNotFound) {
				m.setError("loading the article", errGone)
				cmd = m.goneElsewhere([]int64{msg.id})
				break
			}
			m.setError("loading the article", msg.err)
		}
		m.reader, cmd = m.reader.Update(msg)
	case renderedMsg:
		if msg.err != nil && msg.key == m.reader.want() {
			m.setError("rendering the article", msg.err)
		}
		m.reader, cmd = m.reader.Update(msg)
	case pollMsg:
		cmd = readGeneration(m.ctx, m.lib)
	case refreshProgressMsg:
		m.progress = refreshStatus(msg.p)
		cmd = waitRefresh(msg.next)
	case autoRefreshMsg:
		cmd = m.autoRefresh()
	case feedsReadMsg:
		cmd = m.handleFeedsRead(msg)
	case refreshDoneMsg:
		auto := m.autoRefreshing
		m.refreshing, m.autoRefreshing, m.progress = false, false, ""
		switch {
		case msg.err != nil:
			m.setError("fetching feeds", msg.err)
		case auto && msg.res.Feeds == 0 && msg.res.Failed == 0:
			// Nothing is followed: r would say how to begin, a timer
			// repeating it would only nag.
		default:
			m.setStatus(refreshSummary(msg.res))
		}
		// New articles show up at once, not at the next poll; the
		// welcome screen says what the fetch did to the feeds.
		cmd = readGeneration(m.ctx, m.lib)
		if m.list.empty() {
			cmd = tea.Batch(cmd, readFeeds(m.ctx, m.lib, m.cfg.RefreshEvery, false))
		}
	case generationMsg:
		return m.handleGeneration(msg)
	case countDueMsg:
		if msg.epoch == m.list.epoch && m.list.needsCount() {
			cmd = m.list.countCmd()
		}
	case flagsSetMsg:
		if slices.Contains(msg.ids, m.reader.id()) {
			// Written (or refused): the library now says what the article
			// is, and reading it again must not lay the change over it.
			if i := slices.Index(m.reader.flagsSet, flagSet{msg.what, msg.value}); i >= 0 {
				m.reader.flagsSet = slices.Delete(m.reader.flagsSet, i, i+1)
			}
		}
		if msg.err != nil {
			shown := slices.Contains(msg.ids, m.reader.id())
			if shown {
				m.reader.undoFlag(msg.what, msg.value) // not done: not shown done
			}
			if !errors.Is(msg.err, store.ErrNotFound) {
				m.setError("saving "+msg.what, msg.err)
				cmd = m.list.reload() // show what the library really holds
				break
			}
			// None of them is in the library any more. Opening an
			// article marks it read: the reader has said it is gone.
			if !(shown && m.reader.gone && msg.what == "read" && len(msg.ids) == 1) {
				m.setError("saving "+msg.what, errGone)
			}
			cmd = m.goneElsewhere(msg.ids)
		}
	case articlesDeletedMsg:
		cmd = m.handleDeleted(msg)
	case samplesLoadedMsg:
		m.welcome.loading = false
		if msg.err != nil {
			m.setError("loading the samples", msg.err)
		} else {
			m.setStatus("Loaded the sample articles.")
		}
		cmd = tea.Batch(m.list.load(), m.list.countCmd())
	case statusMsg:
		m.status, m.statusErr = msg.text, msg.err
	case warmedMsg:
		// Nothing to do: a failure shows when an article is rendered.
	default:
		var ok bool
		if cmd, ok = m.handleAnnotationResult(msg); !ok {
			cmd = m.handleTaggingResult(msg)
		}
	}
	return m, cmd
}

func (m Model) handlePage(msg pageMsg) (Model, tea.Cmd) {
	if msg.epoch == m.list.epoch && msg.err != nil {
		m.setError("loading articles", msg.err)
	}
	first := !m.list.loaded
	var cmd tea.Cmd
	m.list, cmd = m.list.Update(msg)
	if m.list.newAbove {
		// More arrived than the screen shows above the cursor, which
		// stays on its article.
		m.list.newAbove = false
		if m.status == "" {
			m.setStatus("New articles above: g goes to the newest.")
		}
	}
	var cmds []tea.Cmd
	cmds = append(cmds, cmd)
	if msg.kind == pageReplace && msg.err == nil && msg.epoch == m.list.epoch {
		if !m.genKnown || msg.gen > m.gen {
			m.gen, m.genKnown = msg.gen, true
		}
		if first {
			cmds = append(cmds, loadTags(m.ctx, m.lib))
		}
		switch {
		case first:
			cmds = append(cmds, m.list.countCmd())
		case m.list.needsCount():
			// Counting waits for the rows to be drawn, and for a pause in
			// the typing: a count may merge thousands of doclists, and
			// one for a query already replaced is of no use.
			cmds = append(cmds, countAfter(countPause, m.list.epoch))
		}
	}
	return m, tea.Batch(cmds...)
}

// handleGeneration reloads the list when another write (here or in another
// process) changed the library, and arms the next poll.
func (m Model) handleGeneration(msg generationMsg) (Model, tea.Cmd) {
	var cmds []tea.Cmd
	if every := m.cfg.PollInterval; every > 0 {
		cmds = append(cmds, poll(every))
	}
	if msg.err == nil {
		cmds = append(cmds, m.relistPanel(msg.gen))
	}
	if msg.err != nil || !m.list.loaded {
		return m, tea.Batch(cmds...)
	}
	if !m.genKnown || msg.gen != m.gen {
		m.gen, m.genKnown = msg.gen, true
		cmds = append(cmds, m.list.reload(), m.list.countCmd())
		if m.welcoming() {
			// Feeds subscribed elsewhere change what the welcome says.
			cmds = append(cmds, readFeeds(m.ctx, m.lib, m.cfg.RefreshEvery, false))
		}
		// The open article too: its tags, notes or text may have changed
		// elsewhere. While a passage is being chosen or a note written it
		// waits, and is read at the first poll after.
		m.articleStale = m.screen == screenReader && m.reader.loaded && !m.reader.gone
	}
	if m.articleStale && m.reader.sel == nil && !m.noteEditor.open {
		m.articleStale = false
		if m.screen == screenReader && m.reader.loaded {
			// (The rendering is redone only if the text changed, and the
			// place in it is kept.)
			cmds = append(cmds, loadArticle(m.ctx, m.lib, m.reader.id()))
		}
	}
	return m, tea.Batch(cmds...)
}

func (m *Model) resize(width, height int) tea.Cmd {
	m.width, m.height = width, height
	m.help.SetWidth(width)
	m.confirm.refit(width)
	cmds := []tea.Cmd{
		m.layout(),
		m.reader.setSize(width, height-m.readerBottom()),
	}
	if !m.warmed && width > 0 {
		m.warmed = true
		cmds = append(cmds, warmRenderer(m.renderer, wrapWidth(width), m.reader.style))
	}
	return tea.Batch(cmds...)
}

// layout sizes the list to what the header, the filter line, the status
// line and the footer leave, and the text inputs to the width.
func (m *Model) layout() tea.Cmd {
	setInputWidth(&m.filter.input, max(m.width-2, 1)) // the prompt and the cursor
	m.editor.setWidth(m.width, m.styles)
	m.prompt.setWidth(m.width)
	m.noteEditor.setSize(m.width, m.height, m.styles)
	setInputWidth(&m.browser.filter.input, max(m.width-2, 1))
	m.browser.fixOffset(m.browserItems())
	return m.list.setSize(m.width, m.listRows())
}

// restyle rebuilds every style after the theme or a tag's colour changed.
func (m *Model) restyle() tea.Cmd {
	m.styles = m.themeStyles()
	m.styleGen++
	m.help.Styles = m.styles.help
	m.list.setStyles(m.styles)
	m.welcome.styles = m.styles
	for _, in := range []*textinput.Model{&m.filter.input, &m.editor.input, &m.prompt.input, &m.browser.filter.input} {
		in.SetStyles(inputStyles(m.styles))
	}
	m.noteEditor.area.SetStyles(areaStyles(m.styles))
	return m.reader.setStyle(m.styles, glamourStyle(m.isDark, m.noColor))
}

// welcoming reports whether the welcome screen shows: the library turned out
// empty (an empty query found nothing), though it may follow feeds not yet
// fetched.
func (m Model) welcoming() bool {
	return m.screen == screenList && m.list.empty() && m.list.query.text == "" && !m.filter.focused
}

// activeHelp is the key map of what has the keyboard.
func (m Model) activeHelp() help.KeyMap {
	if m.quit.waiting {
		return newQuitKeys(m.quit.stopping)
	}
	switch m.mode() {
	case modeFilter:
		return m.filterHelp()
	case modeTagEdit:
		return m.editor.keys
	case modePrompt:
		return promptKeys()
	case modeConfirm:
		return confirmKeys()
	case modePanel:
		return m.panel.keys
	case modePanelFind:
		return panelFindKeys()
	case modeLinks:
		return m.links.keys
	case modeNote:
		return m.noteEditor.keys
	case modeBrowserFilter:
		k := m.filterHelp()
		k.Save.SetEnabled(false) // the list's filter saves searches; this one does not
		k.Move.SetEnabled(len(m.browser.rows) > 1)
		return k
	}
	switch {
	case m.screen == screenBrowser:
		return m.browser.keys
	case m.screen == screenReader && m.reader.sel != nil:
		return selectionHelp{m.reader.selKeys, m.selCopy}
	case m.screen == screenReader:
		return m.reader.keys
	case m.welcoming():
		return m.welcome.help()
	}
	return m.list.keys
}

// refreshKeys enables the bindings that apply now, so the help never lies.
func (m *Model) refreshKeys() {
	row, hasRow := m.list.current()
	lk := &m.list.keys
	lk.Open.SetEnabled(hasRow)
	lk.Star.SetEnabled(hasRow && !m.readOnly)
	lk.Read.SetEnabled(hasRow && !m.readOnly)
	lk.OpenLink.SetEnabled(hasRow && checkLink(row.URL) == nil)
	lk.CopyLink.SetEnabled(hasRow && oneLine(row.URL) != "")
	filtered := m.list.query.whole() != ""
	lk.Select.SetEnabled(hasRow)
	lk.Tag.SetEnabled(!m.readOnly && (hasRow || len(m.list.marked) > 0))
	lk.TagAll.SetEnabled(!m.readOnly && filtered)
	lk.ReadAll.SetEnabled(!m.readOnly && hasRow)
	lk.Delete.SetEnabled(!m.readOnly && (hasRow || len(m.list.marked) > 0))
	lk.SaveSearch.SetEnabled(!m.readOnly && filtered)
	lk.Clear.SetEnabled(len(m.list.marked) > 0 || m.list.query.text != "")
	if len(m.list.marked) > 0 {
		lk.Clear.SetHelp(lk.Clear.Help().Key, "clear selection")
	} else {
		lk.Clear.SetHelp(lk.Clear.Help().Key, "clear filter")
	}

	rk := &m.reader.keys
	link := m.reader.row.URL
	if m.reader.loaded {
		link = m.reader.article.URL
	}
	rk.OpenLink.SetEnabled(checkLink(link) == nil)
	rk.CopyLink.SetEnabled(oneLine(link) != "")
	rk.Links.SetEnabled(len(m.reader.links) > 0)
	next, prev := "next", "previous"
	nextUnread, prevUnread := "next unread", "previous unread"
	if m.readerBack == screenBrowser {
		// Opened from the annotation browser: n and p, J and K go
		// through it.
		next, prev = "next annotated", "previous annotated"
		nextUnread, prevUnread = next, prev
		rk.Next.SetEnabled(m.browserNeighbour(1) >= 0)
		rk.Prev.SetEnabled(m.browserNeighbour(-1) >= 0)
	} else {
		rk.Next.SetEnabled(m.list.vanished || !m.list.atBottom || m.list.cursor < len(m.list.rows)-1)
		rk.Prev.SetEnabled(!m.list.atTop || m.list.cursor > 0)
	}
	rk.NextUnread.SetEnabled(m.readerBack != screenBrowser || rk.Next.Enabled())
	rk.PrevUnread.SetEnabled(m.readerBack != screenBrowser || rk.Prev.Enabled())
	if rk.Next.Help().Desc != next {
		rk.Next.SetHelp(rk.Next.Help().Key, next)
		rk.Prev.SetHelp(rk.Prev.Help().Key, prev)
		rk.NextUnread.SetHelp(rk.NextUnread.Help().Key, nextUnread)
		rk.PrevUnread.SetHelp(rk.PrevUnread.Help().Key, prevUnread)
	}
	rk.Tag.SetEnabled(!m.readOnly)
	rk.Star.SetEnabled(!m.readOnly)
	rk.Read.SetEnabled(!m.readOnly)
	rk.Delete.SetEnabled(!m.readOnly)
	m.refreshNoteKeys(hasRow)
	if m.reader.gone {
		// Nothing of an article deleted elsewhere can be changed
		// (refuseGone says so).
		for _, b := range m.goneKeys() {
			b.SetEnabled(false)
		}
	}

	lk.Refresh.SetEnabled(m.cfg.Refresh != nil && !m.readOnly && !m.refreshing)
	m.welcome.keys.LoadSamples.SetEnabled(m.cfg.LoadSamples != nil && !m.readOnly)
	// The welcome screen of a library that follows feeds fetches them
	// and lists them with the list's keys.
	m.welcome.refresh, m.welcome.panel = lk.Refresh, lk.TagsPanel
	m.welcome.fetching = m.refreshing
}

func (m *Model) setStatus(text string) {
	m.status, m.statusErr = text, false
}

func (m *Model) setError(doing string, err error) {
	if errors.Is(err, store.ErrBusy) {
		// Said in words, without the store's prefixes, which would push
		// what to do off a narrow status line.
		err = store.ErrBusy
	}
	m.status, m.statusErr = doing+": "+err.Error(), true
}

// errGone is the message for an article or note that another tidings (or
// a feed remove --purge) deleted while it was shown.
var errGone = errors.New("it was deleted elsewhere")

// errReadOnly is the message for a write in a read-only library.
var errReadOnly = errors.New("the library is read-only")

// current is the article the shared actions apply to.
func (m Model) current() (store.Row, bool) {
	if m.screen == screenReader {
		r := m.reader.row
		if m.reader.loaded {
			a := m.reader.article
			r.URL, r.Starred, r.Read = a.URL, a.Starred, a.Read()
		}
		return r, r.ID != 0
	}
	return m.list.current()
}
