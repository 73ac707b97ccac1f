// Command tidings is a keyboard-driven terminal news reader: a local library
// of articles from files and feeds, listed, read, tagged, filtered and
// annotated from the keyboard.
package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"os/signal"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode"

	"github.com/adrg/xdg"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/term"

	"tidings/feeds"
	"tidings/feeds/demo"
	"tidings/feeds/marks"
	"tidings/store"
	"tidings/store/query"
	"tidings/ui"
	"tidings/ui/cli"
)

// Exit statuses: 0 success, 1 when anything failed (after doing all that
// could be done), 2 on bad usage.
const (
	exitFailed = 1
	exitUsage  = 2
)

// usageError marks an error as the caller's misuse: exit status 2.
type usageError struct{ error }

// configError is a mistake in config.toml: exit status 2, as misuse, but
// with no pointer to the usage, which would not help.
type configError struct{ error }

// partialError reports that a command did what it could but some of it
// failed; the details are already printed. Exit status 1.
type partialError struct{ error }

func main() {
	// tidings says what it has to say itself. The standard logger is
	// where libraries write what they noticed (Go's HTTP client logs the
	// bytes a server sent unasked, a body after a 304); on the reader's
	// screen that would scroll it away with a server's text in it.
	log.SetOutput(io.Discard)
	stopOn := []os.Signal{os.Interrupt, syscall.SIGTERM}
	if !signal.Ignored(syscall.SIGHUP) { // under nohup it stays ignored
		// The terminal closed: the reader saves a note being written.
		stopOn = append(stopOn, syscall.SIGHUP)
	}
	ctx, stop := stopOnSignal(stopOn...)
	err := newCommandLine(os.Args[1:]).run(ctx)
	stop()
	if sig, ok := context.Cause(ctx).(interrupted); ok && err != nil && !errors.Is(err, sig) {
		err = sig // whatever the command made of its cancelled context
	}
	os.Exit(exitCode(err))
}

// interrupted is why a command stopped when a signal (ctrl+c, SIGTERM, a
// closed terminal) cancelled its context.
type interrupted struct{ sig os.Signal }

func (interrupted) Error() string { return "interrupted" }

// stopOnSignal returns a context that the first of signals cancels, with
// interrupted as its cause; stop stops catching them. Later signals are
// caught too, and change nothing: the command is stopping already (a
// closing terminal may send SIGHUP twice while a note is saved). But a
// second ctrl+c is the user's: it ends tidings at once, if stopping takes
// too long.
func stopOnSignal(signals ...os.Signal) (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	caught := make(chan os.Signal, 1)
	signal.Notify(caught, signals...)
	go func() {
		select {
		case sig := <-caught:
			if sig == os.Interrupt {
				signal.Reset(os.Interrupt)
			}
			cancel(interrupted{sig})
		case <-ctx.Done():
		}
	}()
	return ctx, func() {
		signal.Stop(caught)
		cancel(nil)
	}
}

func exitCode(err error) int {
	if err == nil {
		return 0
	}
	if in, ok := errors.AsType[interrupted](err); ok {
		// As a shell reports a program a signal ended: 130 for ctrl+c.
		fmt.Fprintln(os.Stderr, "tidings: interrupted")
		if joined, ok := err.(interface{ Unwrap() []error }); ok {
			// What else went wrong as it stopped: the reader's note that
			// could not be saved.
			for _, e := range joined.Unwrap() {
				if !errors.Is(e, in) {
					fmt.Fprintf(os.Stderr, "tidings: %s\n", cli.ErrorText(e))
				}
			}
		}
		if sig, ok := in.sig.(syscall.Signal); ok {
			return 128 + int(sig)
		}
		return exitFailed
	}
	if de, ok := errors.AsType[*store.DamagedError](err); ok {
		// Said once, whatever the command made of it: nothing it tries
		// next would do better.
		fmt.Fprintf(os.Stderr, "tidings: %s\n", cli.ErrorText(de))
		return exitFailed
	}
	if errors.Is(err, ui.ErrInterrupted) {
		// ctrl+c stopped the writes the reader was finishing as it quit:
		// what was left undone, and the status of a ctrl+c.
		fmt.Fprintf(os.Stderr, "tidings: %s\n", cli.ErrorText(err))
		return 128 + int(syscall.SIGINT)
	}
	if ce, ok := errors.AsType[configError](err); ok {
		fmt.Fprintf(os.Stderr, "tidings: %s\n", cli.ErrorText(ce.error))
		return exitUsage
	}
	if nt, ok := errors.AsType[noTerminal](err); ok {
		fmt.Fprintf(os.Stderr, "tidings: %s\n", nt.error)
		return exitUsage
	}
	var ue usageError
	if errors.As(err, &ue) {
		text := cli.ErrorText(err)
		if bq, ok := ue.error.(badQuery); ok {
			text = bq.Error() // cleaned already, and laid out in columns
		}
		command := "tidings"
		if in, ok := errors.AsType[usageIn](err); ok {
			command = in.command
		}
		fmt.Fprintf(os.Stderr, "tidings: %s\nRun '%s --help' for usage.\n", text, command)
		return exitUsage
	}
	if errors.Is(err, store.ErrBusy) {
		// What to do, not which statement of the command waited.
		fmt.Fprintf(os.Stderr, "tidings: %s\n", store.ErrBusy)
		return exitFailed
	}
	var pe partialError
	if !errors.As(err, &pe) {
		fmt.Fprintf(os.Stderr, "tidings: %s\n", cli.ErrorText(err))
	}
	return exitFailed
}

// app holds what every command shares: the flags and the configuration.
type app struct {
	library  string
	query    string
	theme    string
	demo     bool
	readOnly bool
	cfg      cli.Config
	// libraryFlag is --library, which says whether it was given at all
	// (as "", which names no library).
	libraryFlag *pflag.Flag
	// raw are the words after the program's name, for the examples a
	// usage error gives.
	raw []string
	// opened is the library the command opened, whose damage its error
	// names.
	opened string
	// changedNothing is set by a command that changes the library when it
	// found nothing to change (tags the articles had, a fetch of feeds not
	// modified): a report it then cannot write is its only failure, and
	// no change is said to be made.
	changedNothing bool
}

// newRoot builds the command tree, to run with args (the words after the
// program's name; nil leaves cobra's default, os.Args[1:]).
func newRoot(args []string) *cobra.Command {
	return newCommandLine(args).root
}

// commandLine is the command tree, with what cobra does not report of a
// run: help that could not be written (to a full disk, say).
type commandLine struct {
	root    *cobra.Command
	helpErr error
	// helped is whether help was written, which a command asked for help
	// (feed add -h) writes instead of running.
	helped bool
	app    *app
}

// run runs the command line: the command's error, else the help's. A
// usage error names the command it is about (usageIn), so that the
// pointer to help is to that command's.
func (cl *commandLine) run(ctx context.Context) error {
	stdout := cl.watchStdout()
	cl.strictBuiltins()
	cmd, err := cl.root.ExecuteContextC(ctx)
	if err != nil && cl.app.opened != "" {
		// The library found damaged after it opened (a search that
		// reached the broken pages) is said as a damaged library, as
		// opening says it.
		err = store.Damaged(cl.app.opened, err)
	}
	if err == nil {
		err = cl.helpErr
	}
	err = cl.unreported(cmd, err, stdout.failed())
	if _, ok := errors.AsType[usageError](err); ok && cmd != nil {
		return usageIn{err, cmd.CommandPath()}
	}
	return err
}

// strictBuiltins makes the commands cobra adds, help and completion, take
// misuse as tidings's own commands do: as bad usage (exit 2), where cobra
// printed the root's help for help on a command there is not, and the
// completion's help for a shell there is not (exit 0), and failed a
// shell's completion given arguments (exit 1). They are added here, once
// the output is set, since completion writes to the output it is made
// with.
func (cl *commandLine) strictBuiltins() {
	cl.root.InitDefaultHelpCmd()
	cl.root.InitDefaultCompletionCmd(cl.app.raw...)
	for _, c := range cl.root.Commands() {
		switch c.Name() {
		case "help":
			c.Args = helpTopic
		case "completion":
			c.RunE = needsCommand
			c.Args = usageArgs(c.Args)
			for _, shell := range c.Commands() {
				shell.Args = usageArgs(shell.Args)
			}
		}
	}
}

// helpTopic refuses help on a command tidings does not have.
func helpTopic(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	found, rest, err := cmd.Root().Find(args)
	if err != nil || found == nil || len(rest) > 0 {
		return usageError{fmt.Errorf("no help on %q: there is no such command (tidings --help lists them)", cli.OneLine(strings.Join(args, " ")))}
	}
	return nil
}

// stdoutWriter is the command line's standard output, keeping the first
// error a write to it gave: a command whose report cannot be written (to a
// full disk) may have done its work all the same, and must say which.
type stdoutWriter struct {
	w   io.Writer
	mu  sync.Mutex
	err error
}

// Write writes p, unless a write failed before: then it writes nothing and
// gives that write's error. What comes after a failure (progress, the
// summary) would go nowhere, or leave a report with a hole in it.
func (s *stdoutWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.w.Write(p)
	s.err = err
	return n, err
}

// failed is the first error a write gave; nil for none.
func (s *stdoutWriter) failed() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// outliveClosedStdout makes a write to a standard output whose reader
// has gone (tidings fetch | head -1) fail with an error instead of ending
// tidings, so that a command that changes something finishes its work and
// then says that its report could not be written (unreported). Go ends a
// program whose write to a closed pipe on fd 1 or 2 raises SIGPIPE, unless
// the program catches SIGPIPE. It is caught, and the signal dropped,
// rather than ignored: an ignored SIGPIPE would stay ignored in the
// programs tidings starts (an editor, a browser).
func outliveClosedStdout() {
	signal.Notify(sigpipes, syscall.SIGPIPE) // again: nothing more
}

// sigpipes is where the SIGPIPEs outliveClosedStdout catches go: nowhere
// that reads them.
var sigpipes = make(chan os.Signal, 1)

// watchStdout makes the command line's standard output a stdoutWriter. A
// terminal is left as it is: commands ask it its size and colours, and a
// write to a terminal fails only once the terminal is gone, which ends
// tidings by SIGHUP.
func (cl *commandLine) watchStdout() *stdoutWriter {
	w := &stdoutWriter{w: cl.root.OutOrStdout()}
	if !isTerminal(w.w) {
		cl.root.SetOut(w)
	}
	return w
}

// unreported is the run's error when a write to standard output failed
// (write, not nil). A command that changes the library or writes files
// (changesSomething), run rather than asked for its help, has made its
// change by the time it reports it: it says so on stderr, and fails (exit
// 1) for the report, so that a script knows the output is missing and
// does not make the change again. Any other command's output is what it
// was run for, and a command that found nothing to change
// (app.changedNothing) made none: the write's failure is its own, said
// unless the command's error says something else. err is the command's
// error, nil for none.
func (cl *commandLine) unreported(cmd *cobra.Command, err, write error) error {
	if write == nil || cmd == nil {
		return err
	}
	if cl.helped || !changesSomething(cmd) || cl.app.changedNothing {
		if _, partial := errors.AsType[partialError](err); err == nil || partial {
			// A listing that left the write's error unsaid, or whose
			// failures are said already.
			return write
		}
		return err
	}
	fmt.Fprintf(cl.root.ErrOrStderr(), "tidings: the change was made, but its report could not be written: %s\n", cli.ErrorText(write))
	if _, partial := errors.AsType[partialError](err); err == nil || partial || errors.Is(err, write) {
		return partialError{write} // said
	}
	return err
}

// changesSomething reports whether cmd does more than write its output: it
// changes the library, or writes files (backup, export --out).
func changesSomething(cmd *cobra.Command) bool {
	name := commandName(cmd)
	if writingCommands[name] || name == "backup" {
		return true
	}
	out := cmd.Flags().Lookup("out")
	return name == "export" && out != nil && out.Value.String() != ""
}

// usageIn is a usage error of a command: its path, "tidings export".
type usageIn struct {
	error
	command string
}

func (u usageIn) Unwrap() error { return u.error }

// newCommandLine builds the command tree, as newRoot.
func newCommandLine(args []string) *commandLine {
	a := &app{raw: args}
	if args == nil {
		a.raw = os.Args[1:]
	}
	cl := &commandLine{app: a}
	root := &cobra.Command{
		Use:   "tidings",
		Short: "A keyboard-driven terminal news reader",
		Long: "tidings keeps a local library of news articles from files and feeds,\n" +
			"lists them, renders them, and lets you tag, filter and annotate them.\n\n" +
			"Without a subcommand it starts the reader.",
		Args:          cobra.NoArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if name := commandName(cmd); a.readOnly && writingCommands[name] {
				// Refused before anything is read, fetched or printed.
				return usageError{fmt.Errorf("%s writes to the library, which --read-only keeps read-only", name)}
			}
			if changesSomething(cmd) {
				outliveClosedStdout()
			}
			return a.loadConfig(cmd)
		},
		RunE: a.runTUI,
	}
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		if strings.HasPrefix(err.Error(), "unknown shorthand flag") {
			// Most likely a query's -word or a tag's -name, read as flags.
			// pflag names the flag by its first byte: the whole word
			// reads better, in any script.
			raw := args
			if raw == nil {
				raw = os.Args[1:]
			}
			what := err.Error()
			if w := shorthandWord(err, raw); w != "" {
				what = "unknown flag " + w
			}
			switch hint, asQuery := dashDashExample(cmd, err, raw); {
			case asQuery:
				err = fmt.Errorf("%s (a query starting with - goes in --query, as in: %s)", what, hint)
			case hint != "":
				err = fmt.Errorf("%s (a query or tag starting with - goes after --, as in: %s)", what, hint)
			default:
				err = errors.New(what)
			}
		}
		return usageError{err}
	})
	if args != nil {
		root.SetArgs(args)
	}
	pf := root.PersistentFlags()
	pf.StringVar(&a.library, "library", "", "library file (default $TIDINGS_LIBRARY, else $XDG_DATA_HOME/tidings/library.db)")
	a.libraryFlag = pf.Lookup("library")
	pf.BoolVar(&a.readOnly, "read-only", false, "open the library without writing to it")
	root.Flags().StringVar(&a.query, "query", "", "start with this filter")
	root.Flags().StringVar(&a.theme, "theme", "", "auto, dark or light (default from config, else auto)")
	root.Flags().BoolVar(&a.demo, "demo", false, "read the bundled sample articles in a throwaway library")

	root.AddCommand(a.importCmd(), a.searchCmd(), a.showCmd(), a.tagsCmd(), a.tagCmd(), a.readCmd(), a.noteCmd(),
		a.retitleCmd(), a.feedCmd(), a.fetchCmd(), a.opmlCmd(), a.ruleCmd(), a.exportCmd(), a.deleteCmd(), a.backupCmd())
	root.Args = usageArgs(root.Args) // an unknown command
	for _, c := range root.Commands() {
		c.Args = usageArgs(c.Args)
	}
	// Cobra writes help (--help, tidings help) without a word of a write
	// that failed: it is written whole here, and a failure kept for run.
	help := root.HelpFunc()
	root.SetHelpFunc(func(c *cobra.Command, args []string) {
		out := c.OutOrStdout()
		var text bytes.Buffer
		c.SetOut(&text)
		help(c, args)
		c.SetOut(out)
		cl.helped = true
		if _, err := out.Write(text.Bytes()); err != nil && cl.helpErr == nil {
			cl.helpErr = err
		}
	})
	cl.root = root
	return cl
}

// shorthandWord is the word of raw that pflag read as shorthand flags and
// refused ("unknown shorthand flag: 'a' in -arbour"): pflag names what was
// left of it after the flags it knew, so -harbour, whose h is --help's,
// is named -arbour; the word is the argument it is the end of. "" when
// err names none.
func shorthandWord(err error, raw []string) string {
	_, w, ok := strings.Cut(err.Error(), " in ")
	if !ok || !strings.HasPrefix(w, "-") {
		return ""
	}
	for _, arg := range raw {
		if strings.HasPrefix(arg, "-") && !strings.HasPrefix(arg, "--") && strings.HasSuffix(arg, w[1:]) {
			return arg
		}
	}
	return w
}

// dashDashExample is the command that was run (raw, the words after the
// program's name) written so that it works: its flags first, wherever they
// were given, then its arguments, with "--" before the first that starts
// with "-": "tidings rule add --tag nowar -- -war" for "tidings rule add
// -war --tag nowar". Flags given after the -word count too: pflag stopped
// reading at it, so they would be lost from a hint made of what it read.
// A command that takes no arguments but a --query (export, the reader)
// is given its words as the query: "tidings export --format json --query
// -war". It returns "" for a command that takes neither.
func dashDashExample(cmd *cobra.Command, err error, raw []string) (hint string, asQuery bool) {
	word := "-word"
	if w := shorthandWord(err, raw); w != "" && !strings.ContainsAny(w, " \t") {
		word = w
	}
	takesArgs := false
	for n := 1; n <= 3 && !takesArgs; n++ {
		// Words, not "": an empty name is refused as misuse.
		takesArgs = cmd.ValidateArgs(slices.Repeat([]string{"word"}, n)) == nil
	}
	return commandExample(cmd, raw, word, takesArgs)
}

// commandExample is the command that was run (raw) written so that it
// works, as dashDashExample says; word, when not "", is the -word pflag
// refused, added when raw does not hold it. A command that does not take
// arguments (takesArgs false) is given them as its query.
func commandExample(cmd *cobra.Command, raw []string, word string, takesArgs bool) (hint string, asQuery bool) {
	flags := cmd.Flags() // the command's own and those it inherits
	path := strings.Fields(cmd.CommandPath())[1:]
	type flagWord struct {
		name, value string
		hasValue    bool
	}
	var given []flagWord
	var args []string
	dash := -1 // the first argument that starts with "-"
	arg := func(w string) {
		if dash < 0 && strings.HasPrefix(w, "-") && w != "-" {
			dash = len(args)
		}
		args = append(args, w)
	}
	for i := 0; i < len(raw); i++ {
		w := raw[i]
		var f *pflag.Flag
		value, hasValue := "", false
		switch {
		case w == "--":
			for _, rest := range raw[i+1:] {
				arg(rest)
			}
			i = len(raw)
			continue
		case len(path) > 0 && len(args) == 0 && w == path[0]:
			path = path[1:] // a word of the command's name
			continue
		case strings.HasPrefix(w, "--"):
			var name string
			name, value, hasValue = strings.Cut(w[2:], "=")
			f = flags.Lookup(name)
		case len(w) == 2 && w[0] == '-':
			f = flags.ShorthandLookup(w[1:])
		}
		if f == nil {
			arg(w)
			continue
		}
		if !hasValue && f.NoOptDefVal == "" && i+1 < len(raw) {
			value, hasValue = raw[i+1], true
			i++
		}
		given = append(given, flagWord{f.Name, value, hasValue})
	}
	if dash < 0 && word != "" {
		dash = len(args)
		args = append(args, word)
	}
	if !takesArgs {
		// The words can only be a query.
		if flags.Lookup("query") == nil {
			return "", false
		}
		words := args
		for i, f := range given {
			if f.name == "query" {
				words = append([]string{f.value}, args...)
				given = slices.Delete(given, i, i+1)
				break
			}
		}
		given = append(given, flagWord{"query", strings.Join(words, " "), true})
		args, dash, asQuery = nil, 0, true
	}
	parts := []string{cmd.CommandPath()}
	for _, f := range given {
		switch {
		case !f.hasValue:
			parts = append(parts, "--"+f.name)
		case flags.Lookup(f.name).NoOptDefVal != "":
			parts = append(parts, shellWord("--"+f.name+"="+f.value))
		default:
			parts = append(parts, "--"+f.name, shellWord(f.value))
		}
	}
	for i, w := range args {
		if i == dash {
			parts = append(parts, "--")
		}
		parts = append(parts, shellWord(w))
	}
	return strings.Join(parts, " "), asQuery
}

// shellWord is s as a shell word: as it is when it needs no quotes, else
// in single quotes.
func shellWord(s string) string {
	// Only characters no shell reads anything into: "#new" starts a comment,
	// "=x" and "^x" mean things to zsh.
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_+.,:/@%") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// commandName is a command's path without the program: "feed list".
func commandName(cmd *cobra.Command) string {
	return strings.TrimPrefix(cmd.CommandPath(), "tidings ")
}

// writingCommands are the commands that change the library. They create a
// library that does not exist yet; the others, which only read, refuse it.
var writingCommands = map[string]bool{
	"import": true, "tag": true, "read": true, "note": true, "retitle": true, "feed add": true, "feed remove": true, "fetch": true,
	"feed rename": true, "feed tag": true, "feed untag": true,
	"opml import": true, "rule add": true, "rule remove": true, "rule apply": true, "delete": true,
}

// needsCommand runs a command that only groups others (feed, opml, rule)
// when none of them was given.
func needsCommand(cmd *cobra.Command, _ []string) error {
	var names []string
	for _, c := range cmd.Commands() {
		if c.IsAvailableCommand() {
			names = append(names, c.Name())
		}
	}
	return usageError{fmt.Errorf("%s needs a command: %s", cmd.CommandPath(), strings.Join(names, ", "))}
}

// noArgs refuses arguments to a command that takes none and has no
// commands of its own, saying what they are not and what to do: a command
// that takes --query is shown with the words as its query; another is
// said to take none, and what it does (does).
func (a *app) noArgs(does string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 {
			return nil
		}
		if cmd.Flags().Lookup("query") != nil {
			if hint, asQuery := commandExample(cmd, a.raw, "", false); asQuery {
				return usageError{fmt.Errorf("%s takes the query with --query, not as arguments: %s", commandName(cmd), hint)}
			}
		}
		words := make([]string, len(args))
		for i, w := range args {
			words[i] = fmt.Sprintf("%q", cli.OneLine(w))
		}
		return usageError{fmt.Errorf("%s takes no arguments, not %s: %s", commandName(cmd), strings.Join(words, " "), does)}
	}
}

// namedArg takes one argument, which must not be empty (a script's
// "$FILE" with FILE unset): empty says why.
func namedArg(empty string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := cobra.ExactArgs(1)(cmd, args); err != nil {
			return err
		}
		if args[0] == "" {
			return errors.New(empty)
		}
		return nil
	}
}

// namedArgs takes at least min arguments, none of which may be empty (a
// script's "$FILE" with FILE unset): empty says why.
func namedArgs(min int, empty string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := cobra.MinimumNArgs(min)(cmd, args); err != nil {
			return err
		}
		if slices.Contains(args, "") {
			return errors.New(empty)
		}
		return nil
	}
}

// usageArgs makes an argument validator's complaint a usage error.
func usageArgs(v cobra.PositionalArgs) cobra.PositionalArgs {
	if v == nil {
		return nil
	}
	return func(cmd *cobra.Command, args []string) error {
		if err := v(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}

func (a *app) loadConfig(cmd *cobra.Command) error {
	// Without a home, and without $XDG_CONFIG_HOME, there is no
	// config.toml: the defaults serve.
	cfg, err := cli.DefaultConfig(), error(nil)
	path := filepath.Join(xdg.ConfigHome, "tidings", "config.toml")
	if xdgHome("XDG_CONFIG_HOME") == nil {
		if cfg, err = cli.LoadConfig(path); err != nil {
			return configError{err}
		}
	}
	for _, w := range cfg.Warnings {
		fmt.Fprintf(cmd.ErrOrStderr(), "tidings: warning: config %s: %s\n", cli.OneLine(path), w)
	}
	// What only the reader uses (tag colours, keys, the browser) stops only
	// the reader; any other command says what is wrong and goes on, so
	// that a key clash does not stop a scheduled fetch.
	err = cfg.ReaderError()
	if err == nil {
		err = (ui.Config{TagColors: cfg.TagColors, Keys: keyOverrides(cfg.Keys), KeyMistakes: cfg.Keys.Mistakes, Theme: cfg.Theme}).Validate()
	}
	if err != nil {
		err = fmt.Errorf("config %s: %w", path, err)
		if cmd == cmd.Root() {
			return configError{err}
		}
		fmt.Fprintf(cmd.ErrOrStderr(), "tidings: warning: %s (the reader will not start until it is fixed)\n", cli.ErrorText(err))
	}
	a.cfg = cfg
	// Rules that leave out each other's tags have no order to run in.
	if err := store.CheckRules(a.configRules()); err != nil {
		return configError{fmt.Errorf("config %s: [[rule]]: %w", path, err)}
	}
	return nil
}

// libraryPath is where the library lives: --library, $TIDINGS_LIBRARY, or
// the XDG data folder, which without a home folder only $XDG_DATA_HOME
// names.
func (a *app) libraryPath() (string, error) {
	if a.library == "" && a.libraryFlag != nil && a.libraryFlag.Changed {
		// A script's --library "$LIB" with LIB unset: the default
		// library is not what it names. An empty $TIDINGS_LIBRARY is
		// unset, as an environment variable conventionally is.
		return "", usageError{errors.New(`--library is empty: name the library's file (without --library, the default library is used)`)}
	}
	if a.library != "" {
		return libraryFile(a.library), nil
	}
	if p := os.Getenv("TIDINGS_LIBRARY"); p != "" {
		return libraryFile(p), nil
	}
	if err := xdgHome("XDG_DATA_HOME"); err != nil {
		return "", configError{fmt.Errorf("%w: give --library or set TIDINGS_LIBRARY (or XDG_DATA_HOME)", err)}
	}
	return filepath.Join(xdg.DataHome, "tidings", "library.db"), nil
}

// xdgHome says why there is no XDG folder where the environment variable
// env would name it: env is not an absolute path, and $HOME, below which
// the folder would be, is not set (or not an absolute path); env set but
// relative (ignored, as the XDG spec says) is named too. Without a home,
// xdg puts the folder below /, where root would make it. It is nil when
// there is a folder.
func xdgHome(env string) error {
	given := os.Getenv(env)
	if filepath.IsAbs(given) {
		return nil
	}
	var err error
	switch home := os.Getenv("HOME"); {
	case home == "":
		err = errors.New("HOME is not set")
	case !filepath.IsAbs(home):
		err = fmt.Errorf("HOME is not an absolute path (%q)", cli.OneLine(home))
	}
	if err != nil && given != "" {
		err = fmt.Errorf("%s is not an absolute path (%q), and %w", env, cli.OneLine(given), err)
	}
	return err
}

// libraryFile is the library a path given by the user names: a leading ~
// is the home folder and ~name someone's (which a shell leaves as they are
// in --library=~/x or in quotes), and a path ending in a slash is a
// folder, holding library.db.
func libraryFile(p string) string {
	if p == "~" || strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil && home != "" {
			p = home + p[1:]
		}
	} else if name, rest, _ := strings.Cut(p[min(1, len(p)):], "/"); strings.HasPrefix(p, "~") && name != "" {
		if u, err := user.Lookup(name); err == nil && u.HomeDir != "" {
			p = filepath.Join(u.HomeDir, rest)
		}
	}
	if strings.HasSuffix(p, "/") {
		p = filepath.Join(p, "library.db")
	}
	return p
}

// open opens the library for cmd. A command that only reads refuses a
// library that is not there: opening would create an empty one wherever a
// mistyped --library points, and the command would answer for it.
func (a *app) open(cmd *cobra.Command) (*store.Store, error) {
	path, err := a.libraryPath()
	if err != nil {
		return nil, err
	}
	if !writingCommands[commandName(cmd)] {
		if err := a.checkExists(path); err != nil {
			return nil, err
		}
	}
	if err := checkLibraryFile(path); err != nil {
		return nil, err
	}
	st, err := store.Open(path, a.storeOptions(a.readOnly))
	if errors.Is(err, store.ErrNotWritable) && !writingCommands[commandName(cmd)] {
		// A command that only reads reads what it cannot write.
		st, err = store.Open(path, a.storeOptions(true))
	}
	if err == nil {
		a.opened = st.Path()
	}
	return st, err
}

// checkExists says plainly when there is no library at path, and where
// that path came from.
func (a *app) checkExists(path string) error {
	none, empty := noLibrary(path)
	if !none {
		return nil // there, or a problem store.Open names better
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	hint := "import something first"
	if empty {
		hint = "an empty file; " + hint
	}
	switch {
	case a.library != "":
		hint += ", or check --library"
	case os.Getenv("TIDINGS_LIBRARY") != "":
		hint += ", or check $TIDINGS_LIBRARY"
	}
	return fmt.Errorf("no library at %s (%s)", path, hint)
}

// noLibrary reports whether there is no library at path yet: nothing, or
// an empty file (empty), as a script's touch or mktemp leaves, which a
// command that writes makes the library, and one that only reads must
// leave as it is.
func noLibrary(path string) (none, empty bool) {
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return true, false
	}
	empty = err == nil && info.Mode().IsRegular() && info.Size() == 0
	return empty, empty
}

// checkLibraryFile says plainly when path names something that is not a
// file, and so not a library: a device (/dev/null), a named pipe, a
// socket. SQLite would answer /dev/null with a bare disk I/O error, and
// opening a named pipe would wait for a writer. A folder, and a file that
// is not a library, the store names itself.
func checkLibraryFile(path string) error {
	info, err := os.Stat(path)
	if err != nil || info.Mode().IsRegular() || info.IsDir() {
		return nil
	}
	return fmt.Errorf("open %s: %s, %w", path, feeds.NotAFile(info.Mode()), store.ErrNotLibrary)
}

// storeOptions are the library's options; an upgrade of an existing
// library, which takes a while when it is large, is announced on stderr.
func (a *app) storeOptions(readOnly bool) store.Options {
	return store.Options{ReadOnly: readOnly, Upgrading: func(from, to int) {
		fmt.Fprintf(os.Stderr, "tidings: upgrading the library from schema %d to %d; a large library takes a while\n", from, to)
	}}
}

// withStore makes a command that runs fn on the opened library and closes
// it after.
func (a *app) withStore(fn func(cmd *cobra.Command, args []string, st *store.Store) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		st, err := a.open(cmd)
		if err != nil {
			return err
		}
		defer st.Close()
		return fn(cmd, args, st)
	}
}

// withArticle makes a command whose first argument names an article (its
// id, or its external id: cli.FindArticle); fn gets the article. The
// command takes --external (externalFlag).
func (a *app) withArticle(fn func(cmd *cobra.Command, args []string, st *store.Store, art store.Article) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		external := externalIDs(cmd)
		notID := func(word string) error { return noArticle(&cli.NoArticle{Word: word, External: external}) }
		if err := a.namesNone(args[:1], notID); err != nil {
			return err
		}
		return a.withStore(func(cmd *cobra.Command, args []string, st *store.Store) error {
			art, err := cli.FindArticle(cmd.Context(), st, args[0], external)
			if err != nil {
				return noArticle(err)
			}
			return fn(cmd, args, st, art)
		})(cmd, args)
	}
}

// externalFlag gives a command that takes articles by id --external, which
// reads every id as an external id only, never as an article's number: how
// a script names the article whose external_id is 7 (Markdown's id: 7)
// when another article's number is 7.
func externalFlag(c *cobra.Command) *cobra.Command {
	c.Flags().Bool("external", false, "read the ids as external ids only (search --json's external_id), never as numbers")
	return c
}

// externalIDs reports whether cmd was given --external.
func externalIDs(cmd *cobra.Command) bool {
	external, _ := cmd.Flags().GetBool("external")
	return external
}

// namesNone refuses, before a library is opened or created, the first of
// words that can name no article: when there is no library yet, one that
// is not an id (a number) is no external id either. notID says so.
func (a *app) namesNone(words []string, notID func(word string) error) error {
	path, err := a.libraryPath()
	if err != nil {
		return err
	}
	if none, _ := noLibrary(path); !none {
		return nil
	}
	for _, w := range words {
		if _, ok := cli.ParseID(w); !ok {
			return notID(w)
		}
	}
	return nil
}

// noArticle is the error of a word that names no article (cli.NoArticle),
// saying what names one: a word that could be an id (a number, an
// external id) and names none is a failure, as any article that is not
// there; a word that is no id at all, or one that is one article's number
// and another's external id (cli.Ambiguous), is bad usage. Other errors
// are as they are.
func noArticle(err error) error {
	if _, ok := errors.AsType[*cli.Ambiguous](err); ok {
		return usageError{err}
	}
	na, ok := errors.AsType[*cli.NoArticle](err)
	if !ok {
		return err
	}
	err = fmt.Errorf("%w (%s)", na, cli.IDHint)
	if !na.IsID() {
		return usageError{err}
	}
	return err
}

func (a *app) runTUI(cmd *cobra.Command, _ []string) error {
	if err := checkQuery(a.query); err != nil {
		return err
	}
	if err := (ui.Config{Theme: a.theme}).Validate(); err != nil {
		// The reader's check names config.toml's setting, "theme: …": the
		// flag is named instead, once.
		msg, _ := strings.CutPrefix(cli.OneLine(err.Error()), "theme: ")
		return usageError{errors.New("--theme " + msg)}
	}
	if err := checkReaderTerminal(); err != nil {
		return err
	}
	ctx := cmd.Context()
	var path string
	if a.demo {
		dir, err := os.MkdirTemp("", "tidings-demo-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "library.db")
	} else {
		var err error
		if path, err = a.libraryPath(); err != nil {
			return err
		}
	}
	if a.readOnly && !a.demo {
		// Read-only, the reader only reads.
		if err := a.checkExists(path); err != nil {
			return err
		}
	}
	if err := checkLibraryFile(path); err != nil {
		return err
	}
	st, err := store.Open(path, a.storeOptions(a.readOnly && !a.demo))
	if err != nil {
		return err
	}
	defer closeSaying(st, cmd.ErrOrStderr(), closePatience)
	a.opened = st.Path()
	if a.demo {
		if err := a.loadSamples(ctx, st); err != nil {
			return err
		}
	}
	theme := a.theme
	if theme == "" {
		theme = a.cfg.Theme
	}
	name := filepath.Base(path)
	if a.demo {
		name = "demo"
	}
	return ui.Run(ctx, st, ui.Config{
		LibraryName:  name,
		Theme:        theme,
		NoColor:      os.Getenv("NO_COLOR") != "",
		Term:         os.Getenv("TERM"),
		Keys:         keyOverrides(a.cfg.Keys),
		KeyMistakes:  a.cfg.Keys.Mistakes,
		TagColors:    a.cfg.TagColors,
		Query:        a.query,
		ReadOnly:     st.ReadOnly(),
		PollInterval: time.Second,
		LoadSamples:  func(ctx context.Context) error { return a.loadSamples(ctx, st) },
		Searches:     searches(a.cfg.Searches),
		Refresh:      a.refresher(st),
		RefreshEvery: time.Duration(a.cfg.RefreshEvery),
		Browser:      a.cfg.Browser,
	})
}

// closePatience is how long closing the library after the reader may take
// before it is said: longer, the terminal would look hung.
const closePatience = 500 * time.Millisecond

// closeSaying closes c, the library once the reader has left the screen,
// and says on w that it is being finished when that takes longer than
// patience: folding the log of a large write (M on a few hundred thousand
// articles) into the library's file takes seconds, over an empty terminal.
func closeSaying(c io.Closer, w io.Writer, patience time.Duration) error {
	done := make(chan error, 1)
	go func() { done <- c.Close() }()
	timer := time.NewTimer(patience)
	defer timer.Stop()
	select {
	case err := <-done:
		return err
	case <-timer.C:
		fmt.Fprintln(w, "tidings: finishing the library's writes…")
	}
	return <-done
}

// refresher fetches every feed for the reader's r key.
func (a *app) refresher(st *store.Store) ui.RefreshFunc {
	return func(ctx context.Context, progress func(ui.RefreshProgress)) (ui.RefreshResult, error) {
		rules, err := a.rules(ctx, st)
		if err != nil {
			return ui.RefreshResult{}, err
		}
		rep, err := cli.Fetch(ctx, st, feeds.NewFetcher(), rules, nil, func(done, total int, r feeds.FetchResult, stats store.FetchStats) {
			progress(ui.RefreshProgressOf(done, total, r, stats))
		})
		return ui.RefreshResult{Feeds: rep.Feeds, New: rep.Added, Updated: rep.Updated, Failed: len(rep.Failed),
			RulesLeftOut: cli.RulesLeftOutCount(rules)}, err
	}
}

func searches(in []cli.SavedSearch) []ui.SavedSearch {
	out := make([]ui.SavedSearch, len(in))
	for i, s := range in {
		out[i] = ui.SavedSearch{Name: s.Name, Query: s.Query}
	}
	return out
}

func keyOverrides(k cli.KeyTable) map[string][]string {
	out := make(map[string][]string, len(k.Keys))
	for name, keys := range k.Keys {
		out[name] = keys
	}
	return out
}

// loadSamples imports the bundled sample articles, tagged by the rules.
func (a *app) loadSamples(ctx context.Context, st *store.Store) error {
	arts, err := demo.Articles()
	if err != nil {
		return err
	}
	rules, err := a.rules(ctx, st)
	if err != nil {
		return err
	}
	_, err = st.ImportTagged(ctx, arts, rules)
	return err
}

// rules are the library's tag rules and config.toml's.
func (a *app) rules(ctx context.Context, st *store.Store) ([]store.Rule, error) {
	rules, err := st.Rules(ctx)
	if err != nil {
		return nil, err
	}
	return append(rules, a.configRules()...), nil
}

// configRules are config.toml's tag rules.
func (a *app) configRules() []store.Rule {
	var rules []store.Rule
	for _, r := range a.cfg.Rules {
		rules = append(rules, store.Rule{Query: r.Query, Tags: r.Tags})
	}
	return rules
}

func (a *app) importCmd() *cobra.Command {
	var stdinFormat string
	var undelete bool
	c := &cobra.Command{
		Use:   "import PATH... | -",
		Short: "Import article files, folders (recursively) or stdin (-)",
		Long: "Import articles from files in the sample format, Markdown, HTML, JSON or\n" +
			"JSON Lines. Folders are read recursively; - reads stdin. Importing the same\n" +
			"article again updates it and keeps its tags, read state and notes.\n" +
			"A file's format is told by its content, then its name; stdin's by its\n" +
			"content, then --format (md for Markdown without front matter).",
		Args: namedArgs(1, `a path to import is "": name the files or folders to import, or - for stdin`),
		PreRunE: func(cmd *cobra.Command, args []string) error {
			if _, ok := feeds.StreamFormats[stdinFormat]; stdinFormat != "" && !ok {
				return usageError{fmt.Errorf("--format %q: want md, html, json, jsonl, txt or xml", cli.OneLine(stdinFormat))}
			}
			return nil
		},
		RunE: a.withStore(func(cmd *cobra.Command, args []string, st *store.Store) error {
			stderr := cmd.ErrOrStderr()
			tty := isTerminal(stderr)
			start := time.Now()
			typed := false
			if in, ok := cmd.InOrStdin().(*os.File); ok && slices.Contains(args, "-") && tty && term.IsTerminal(int(in.Fd())) {
				// Not a pipe: the articles are to be typed or pasted, and no
				// progress bar is drawn over them.
				typed = true
				fmt.Fprintln(stderr, "Reading articles from the terminal: ctrl+d ends them, ctrl+c stops.")
			}
			sources, bad := cli.Sources(args, cmd.InOrStdin())
			progress := progressOut(cmd)
			pp := &cli.ProgressPrinter{W: progress, TTY: isTerminal(progress), Width: cli.Columns(progress), Start: start}
			rules, err := a.rules(cmd.Context(), st)
			if err != nil {
				return err
			}
			im := &cli.Importer{Store: st, Rules: rules, Progress: pp.Update, StdinFormat: stdinFormat, Undelete: undelete}
			if typed {
				im.Progress = nil
			}
			rep, err := im.Run(cmd.Context(), sources)
			if cmd.Context().Err() != nil {
				pp.Interrupted()
			} else {
				pp.Done()
			}
			rep.Failed = append(bad, rep.Failed...)
			rep.Stopped = err != nil
			a.changedNothing = importChangedNothing(rep)
			cli.PrintSummary(cmd.OutOrStdout(), stderr, rep, time.Since(start))
			if err != nil {
				return err
			}
			if len(rep.Failed) > 0 {
				return partialError{fmt.Errorf("%d failed", len(rep.Failed))}
			}
			return nil
		}),
	}
	c.Flags().StringVar(&stdinFormat, "format", "", "the format of stdin when its content does not say: md, html, json, jsonl, txt or xml")
	c.Flags().BoolVar(&undelete, "undelete", false, "import the articles you deleted too, and forget that they were")
	return c
}

// importChangedNothing reports whether an import left the library as it
// was: no article added or updated, no feed subscribed to. Articles left
// unchanged or left out as deleted are no change.
func importChangedNothing(rep cli.ImportReport) bool {
	return rep.Added+rep.Updated == 0 && len(rep.NewFeeds) == 0
}

func (a *app) searchCmd() *cobra.Command {
	var opt cli.SearchOptions
	var query string
	c := &cobra.Command{
		Use:   "search QUERY",
		Short: "List the articles matching a query, newest first",
		Long: "List the articles matching a query, newest first: every match unless --limit.\n" +
			"Words must all match; \"a phrase\", wor*, -word (NOT), a OR b, ( ); tag:x or #x,\n" +
			"source:x, feed:x, title:x; is:unread, is:read, is:starred, is:annotated,\n" +
			"is:untagged; after:2024-03-01, before:, on:, date:2024-03, since:7d.\n" +
			"docs/QUERY.md tells them in full.",
		Args: func(cmd *cobra.Command, args []string) error {
			// The query is the arguments, or --query as other commands
			// take it.
			switch byQuery := cmd.Flags().Changed("query"); {
			case len(args) == 0 && !byQuery:
				return errors.New("give the query: tidings search QUERY ('' lists every article)")
			case len(args) > 0 && byQuery:
				return errors.New("give the query as arguments or with --query, not both")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if opt.Limit < 0 {
				return usageError{errors.New("--limit must not be negative")}
			}
			if cmd.Flags().Changed("query") {
				args = []string{query}
			}
			if err := checkQuery(joinArgs(args)); err != nil {
				return err
			}
			cli.QueryHint(cmd.ErrOrStderr(), joinArgs(args))
			st, err := a.open(cmd)
			if err != nil {
				return err
			}
			defer st.Close()
			out := cmd.OutOrStdout()
			if isTerminal(out) {
				opt.Width = cli.Columns(out)
			}
			return cli.Search(cmd.Context(), st, out, joinArgs(args), opt)
		},
	}
	c.Flags().BoolVar(&opt.JSON, "json", false, "JSON Lines, one object per article")
	c.Flags().IntVar(&opt.Limit, "limit", 0, "at most N articles (0: all)")
	c.Flags().BoolVar(&opt.Count, "count", false, "print only how many articles match")
	c.Flags().StringVar(&query, "query", "", "the query, as other commands take it (instead of QUERY)")
	return c
}

func joinArgs(args []string) string { return strings.Join(args, " ") }

// checkQuery makes a query that does not parse a usage error that shows
// where the problem is.
func checkQuery(q string) error {
	_, err := query.Parse(q)
	var qe *query.Error
	if errors.As(err, &qe) {
		return usageError{badQuery{q, qe}}
	}
	return err
}

// badQuery is a query that does not parse, with the column of its problem.
type badQuery struct {
	text string
	err  *query.Error
}

// Error names the problem and shows the query, or the part of a long one
// around the problem, with a caret under the column.
func (b badQuery) Error() string {
	runes := []rune(b.text)
	at := min(max(b.err.Pos-1, 0), len(runes))
	from, to := max(at-40, 0), min(at+40, len(runes))
	shown := make([]rune, 0, to-from+2)
	if from > 0 {
		shown = append(shown, '…')
	}
	for _, r := range runes[from:to] {
		if r < 0x20 || r >= 0x7f && r < 0xa0 || unicode.Is(unicode.Bidi_Control, r) {
			r = '?' // the query is shown, not obeyed
		}
		shown = append(shown, r)
	}
	if to < len(runes) {
		shown = append(shown, '…')
	}
	caret := at - from
	if from > 0 {
		caret++
	}
	return fmt.Sprintf("bad query: %s\n  %s\n  %s^", b.err, string(shown), strings.Repeat(" ", caret))
}

func (a *app) showCmd() *cobra.Command {
	return externalFlag(&cobra.Command{
		Use:   "show ID",
		Short: "Print one article (rendered on a terminal, Markdown when piped or TERM=dumb)",
		Args:  cobra.ExactArgs(1),
		RunE: a.withArticle(func(cmd *cobra.Command, _ []string, st *store.Store, art store.Article) error {
			anns, err := st.Annotations(cmd.Context(), art.ID)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if !isTerminal(out) || cli.DumbTerminal(os.Getenv("TERM")) {
				_, err = io.WriteString(out, cli.Markdown(art, anns))
				return err
			}
			md := cli.TerminalMarkdown(art, anns)
			noColor := os.Getenv("NO_COLOR") != ""
			theme := a.cfg.Theme
			if f, ok := out.(*os.File); ok && !noColor {
				theme = cli.ShowTheme(theme, f)
			}
			rendered, err := ui.RenderMarkdown(md, art.URL, cli.Columns(out), theme, noColor)
			if err != nil {
				return err
			}
			_, err = io.WriteString(out, rendered)
			return err
		}),
	})
}

func (a *app) tagsCmd() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "tags [--json]",
		Short: "List tags with how many articles carry each",
		Long: "List tags with how many articles carry each. A name with a space is in quotes,\n" +
			"as a query writes it after tag:. --json writes JSON Lines instead, one object\n" +
			"per tag: {\"name\": \"Long Read\", \"count\": 3}.",
		Args: a.noArgs("it lists every tag (tidings search tag:NAME lists the articles with one)"),
		RunE: a.withStore(func(cmd *cobra.Command, _ []string, st *store.Store) error {
			out := &countingWriter{w: cmd.OutOrStdout()}
			list := cli.Tags
			if asJSON {
				list = cli.TagsJSON
			}
			if err := list(cmd.Context(), st, out); err != nil {
				return err
			}
			return saidNothing(cmd, out, "No tags yet: tidings tag ID +name, or t in the reader.")
		}),
	}
	c.Flags().BoolVar(&asJSON, "json", false, "JSON Lines, one object per tag (name, count)")
	return c
}

func (a *app) tagCmd() *cobra.Command {
	var query string
	c := &cobra.Command{
		Use:   "tag [ID...] +add -remove...",
		Short: "Add (+name) and remove (-name) tags on articles, by id or --query",
		Args:  cobra.MinimumNArgs(1),
		// The flags are read by PersistentPreRunE (tagFlags), which lets a
		// -remove after --query Q through as a tag, as it does after ids.
		DisableFlagParsing: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if err := tagFlags(cmd, args); err != nil {
				return err
			}
			if err := cobra.MinimumNArgs(1)(cmd, cmd.Flags().Args()); err != nil {
				return usageError{err}
			}
			return cmd.Root().PersistentPreRunE(cmd, cmd.Flags().Args())
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			args := cmd.Flags().Args()
			ids, ch, err := cli.ParseTagArgs(args, ui.TagWord)
			if err != nil {
				return usageError{err}
			}
			if err := idsOrQuery(cmd, ids, query, "tag"); err != nil {
				return err
			}
			external := externalIDs(cmd)
			// A word that names no article right after the tags that
			// follow the articles is most likely the rest of a tag the
			// shell split at a space (tag 1 -Long Read): said before
			// anything is tagged. Another names no article, as a number
			// that names none does.
			restOfTag := func(word string) error {
				if before := args[:slices.Index(args, word)]; cli.RestOfTag(before) {
					return usageError{cli.NotATagArg(before, word)}
				}
				return nil
			}
			notID := func(word string) error {
				if err := restOfTag(word); err != nil {
					return err
				}
				return noArticle(&cli.NoArticle{Word: word, External: external})
			}
			if err := a.namesNone(ids, notID); err != nil {
				return err
			}
			st, err := a.open(cmd)
			if err != nil {
				return err
			}
			defer st.Close()
			ctx := cmd.Context()
			if cmd.Flags().Changed("query") {
				t, err := st.TagQueryChanges(ctx, query, ch.Add, ch.Remove)
				if err != nil {
					return err
				}
				a.changedNothing = !taggingChanged(t)
				return cli.PrintTagging(cmd.OutOrStdout(), t)
			}
			// The articles there are tagged; the missing ones are named.
			found, missing, err := foundArticles(ctx, st, ids, external, restOfTag)
			if err != nil {
				return err
			}
			tagged := false
			if len(found) > 0 {
				t, err := st.TagChanges(ctx, articleIDs(found), ch.Add, ch.Remove)
				if errors.Is(err, store.ErrNotFound) {
					// Every one was deleted since it was found.
					t.Gone, err = articleIDs(found), nil
				}
				if err != nil {
					return err
				}
				a.changedNothing = !taggingChanged(t)
				if t.Articles > 0 {
					if err := cli.PrintTagging(cmd.OutOrStdout(), t); err != nil {
						return err
					}
				}
				missing = append(missing, goneWords(found, t.Gone, external)...)
				tagged = t.Articles > 0
			}
			switch {
			case len(missing) > 0 && tagged:
				return missingArticles(missing, "the others were tagged")
			case len(missing) > 0:
				return missingArticles(missing, "")
			}
			return nil
		},
	}
	c.Flags().StringVar(&query, "query", "", "tag every article matching this query")
	externalFlag(c)
	// "-remove" must reach the command as an argument, not as a flag.
	c.Flags().SetInterspersed(false)
	return c
}

// taggingChanged reports whether t added a tag to an article or took one
// off: not when every article had the tags added and none had those
// removed.
func taggingChanged(t store.Tagging) bool {
	for _, c := range slices.Concat(t.Added, t.Removed) {
		if c.Articles > 0 {
			return true
		}
	}
	return false
}

// tagFlags reads the tag command's flags (its own and those it inherits)
// from args, wherever they are, as every command reads them: "tag 1 +x
// --library L" as "tag --library L 1 +x". A word that starts with a single
// "-" and is no flag of the command is a tag to remove, and stays an
// argument, so "tag --query Q -science" removes science, as "tag 1
// -science" does; before the first argument, a -word that is the name of a
// flag is refused as the slip it most likely is (-read-only). After "--"
// every word is an argument. --help or -h, anywhere before a "--", asks
// for the command's help, as it does of every command.
func tagFlags(cmd *cobra.Command, args []string) error {
	flags := cmd.Flags()
	flags.AddFlagSet(cmd.InheritedFlags())
	for _, arg := range args {
		if arg == "--" {
			break // a -h after it is a tag to remove
		}
		if arg == "--help" || arg == "-h" {
			// Help wherever it is asked for, as other commands give it.
			return pflag.ErrHelp
		}
	}
	var given, rest []string
	for i := 0; i < len(args); i++ {
		arg := args[i]
		switch {
		case arg == "--":
			rest = append(rest, args[i+1:]...)
			i = len(args)
		case strings.HasPrefix(arg, "--"):
			// A flag; one the command does not know pflag names.
			given = append(given, arg)
			name, _, hasValue := strings.Cut(arg[2:], "=")
			if f := flags.Lookup(name); f != nil && f.NoOptDefVal == "" && !hasValue {
				if i+1 == len(args) {
					return cmd.FlagErrorFunc()(cmd, flags.Parse([]string{arg})) // it needs one
				}
				i++ // its value, whatever it looks like
				given = append(given, args[i])
			}
		case len(arg) == 2 && arg[0] == '-' && flags.ShorthandLookup(arg[1:]) != nil:
			given = append(given, arg)
			if f := flags.ShorthandLookup(arg[1:]); f.NoOptDefVal == "" {
				if i+1 == len(args) {
					return cmd.FlagErrorFunc()(cmd, flags.Parse([]string{arg}))
				}
				i++
				given = append(given, args[i])
			}
		case len(rest) == 0 && strings.HasPrefix(arg, "-") && flags.Lookup(strings.SplitN(arg[1:], "=", 2)[0]) != nil:
			// -read-only is a slip for --read-only far more often than a
			// tag of that name to remove.
			return usageError{fmt.Errorf("%s: did you mean -%s? (a tag of that name to remove goes after --: tidings tag 1 -- %s)",
				cli.OneLine(arg), cli.OneLine(arg), cli.OneLine(arg))}
		default:
			rest = append(rest, arg) // an id, +tag, -tag
		}
	}
	if err := flags.Parse(append(append(given, "--"), rest...)); err != nil {
		return cmd.FlagErrorFunc()(cmd, err)
	}
	if help, _ := flags.GetBool("help"); help {
		return pflag.ErrHelp
	}
	return nil
}

// foundArticles finds the articles words name (cli.FindArticles; with
// external, by external id only), each once, for a command that acts on
// those there and names the others: the words that name no article are
// missing, as messages name them (cli.MissingNames), each once (1 and 01
// are one), whether numbers or external ids. A word that is no id at all
// (nothing once cleaned), or one that is one article's number and
// another's external id, is bad usage, before anything is done; so is a
// missing word that refuse, when not nil, refuses.
func foundArticles(ctx context.Context, st *store.Store, words []string, external bool, refuse func(word string) error) (found []store.Article, missing []string, err error) {
	for _, w := range words {
		if na := (&cli.NoArticle{Word: w, External: external}); !na.IsID() {
			return nil, nil, noArticle(na)
		}
	}
	found, unnamed, err := cli.FindArticles(ctx, st, words, external)
	if err != nil {
		return nil, nil, noArticle(err)
	}
	if refuse != nil {
		for _, w := range unnamed {
			if err := refuse(w); err != nil {
				return nil, nil, err
			}
		}
	}
	return found, cli.MissingNames(unnamed, external), nil
}

// goneWords name, as MissingNames does, the articles of found whose ids
// are in gone: deleted by another tidings between finding and acting.
func goneWords(found []store.Article, gone []int64, external bool) []string {
	var words []string
	for _, a := range found {
		if slices.Contains(gone, a.ID) {
			w := strconv.FormatInt(a.ID, 10)
			if external {
				w = a.ExternalID
			}
			words = append(words, w)
		}
	}
	return cli.MissingNames(words, external)
}

// articleIDs are the ids of arts.
func articleIDs(arts []store.Article) []int64 {
	ids := make([]int64, len(arts))
	for i, art := range arts {
		ids[i] = art.ID
	}
	return ids
}

// missingArticles says which ids name no article (cli.MissingText); done,
// when not "", what was done with the others: "no article 7, 9; the others
// were tagged (…)".
func missingArticles(missing []string, done string) error {
	msg := cli.MissingText(missing)
	if done != "" {
		msg += "; " + done
	}
	return fmt.Errorf("%s (%s)", msg, cli.IDHint)
}

// idsOrQuery checks the articles a command acts on are named one way:
// by ids, or by --query (an empty one is every article, as it is for
// search), not both and not neither; and that the query reads.
func idsOrQuery(cmd *cobra.Command, ids []string, query, verb string) error {
	byQuery := cmd.Flags().Changed("query")
	switch {
	case len(ids) == 0 && !byQuery:
		return usageError{fmt.Errorf("give the article ids to %s, or --query (--query '' is every article)", verb)}
	case len(ids) > 0 && byQuery:
		return usageError{errors.New("give article ids or --query, not both")}
	}
	if err := checkQuery(query); err != nil {
		return err
	}
	cli.QueryHint(cmd.ErrOrStderr(), query)
	return nil
}

// readCmd marks articles read (or unread), by id or every one a query
// matches: the command line's catching up.
func (a *app) readCmd() *cobra.Command {
	var query string
	var unread bool
	c := &cobra.Command{
		Use:   "read [ID...] [--query Q] [--unread]",
		Short: "Mark articles read (or --unread), by id or every one matching --query",
		RunE: func(cmd *cobra.Command, args []string) error {
			byQuery := cmd.Flags().Changed("query")
			if err := idsOrQuery(cmd, args, query, "mark"); err != nil {
				return err
			}
			external := externalIDs(cmd)
			notID := func(word string) error { return noArticle(&cli.NoArticle{Word: word, External: external}) }
			if err := a.namesNone(args, notID); err != nil {
				return err
			}
			st, err := a.open(cmd)
			if err != nil {
				return err
			}
			defer st.Close()
			ctx := cmd.Context()
			if byQuery {
				matched, err := st.Count(ctx, query)
				if err != nil {
					return err
				}
				n, err := st.SetReadQuery(ctx, query, !unread)
				if err != nil {
					return err
				}
				a.changedNothing = n == 0
				_, err = fmt.Fprintln(cmd.OutOrStdout(), cli.ReadText(n, max(matched, n), !unread))
				return err
			}
			// Only the articles not read (or unread) already are marked,
			// and counted: as --query counts.
			arts, missing, err := foundArticles(ctx, st, args, external, nil)
			if err != nil {
				return err
			}
			found := len(arts)
			var change []int64
			for _, art := range arts {
				if art.Read() == unread {
					change = append(change, art.ID)
				}
			}
			if len(change) > 0 {
				if err := st.SetRead(ctx, change, !unread); err != nil {
					return err
				}
			}
			a.changedNothing = len(change) == 0
			if found > 0 {
				if _, err := fmt.Fprintln(cmd.OutOrStdout(), cli.ReadText(len(change), found, !unread)); err != nil {
					return err
				}
			}
			if len(missing) > 0 {
				return missingArticles(missing, "")
			}
			return nil
		},
	}
	c.Flags().StringVar(&query, "query", "", "mark every article matching this query")
	c.Flags().BoolVar(&unread, "unread", false, "mark unread instead")
	return externalFlag(c)
}

func (a *app) noteCmd() *cobra.Command {
	return externalFlag(&cobra.Command{
		Use:   "note ID TEXT... | -",
		Short: "Add a note to an article (- reads it from stdin)",
		Long: "Add a note to an article on the whole of it: the words of TEXT joined by\n" +
			"spaces, or, when TEXT is - alone, what stdin holds (echo \"my note\" | tidings\n" +
			"note 14 -), Markdown with its lines kept.",
		Args: cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			// Words are checked before the library is opened; stdin only
			// once the article is found, so that a note typed for an
			// article or a library that is not there is not read and lost.
			var note string
			if !noteFromStdin(args[1:]) {
				var err error
				if note, err = noteText(cmd, args[1:]); err != nil {
					return err
				}
			}
			return a.withArticle(func(cmd *cobra.Command, _ []string, st *store.Store, art store.Article) error {
				if noteFromStdin(args[1:]) {
					var err error
					if note, err = noteText(cmd, args[1:]); err != nil {
						return err
					}
				}
				if _, err := st.AddAnnotation(cmd.Context(), store.Annotation{ArticleID: art.ID, Note: note}); err != nil {
					if errors.Is(err, store.ErrNotFound) {
						// Deleted since it was found, by another tidings.
						err = noArticle(&cli.NoArticle{Word: args[0], External: externalIDs(cmd)})
					}
					if noteFromStdin(args[1:]) {
						return unsavedNote(cmd.ErrOrStderr(), err, note)
					}
					return err
				}
				_, err := fmt.Fprintln(cmd.OutOrStdout(), cli.NoteText(art.ID))
				return err
			})(cmd, args)
		},
	})
}

// unsavedNote says err, why a note read from stdin was not saved, and
// then the note, cleaned as noteText cleans it, so that a note typed on a
// terminal is not lost: the reader copies it rather than typing it again.
// The error it returns is said already.
func unsavedNote(w io.Writer, err error, note string) error {
	fmt.Fprintf(w, "tidings: %s\nYour note was not saved; here it is:\n%s\n", cli.ErrorText(err), note)
	return partialError{err}
}

// noteText is the note that note's words give: the words joined by
// spaces, or what stdin holds when they are - alone, read and decoded as
// import - reads stdin (a binary file refused, Latin-1 read with a
// warning, ctrl+c stopping the read); cleaned of control characters, and
// trimmed of the line break a shell's echo ends it with. A note without
// words is refused.
func noteText(cmd *cobra.Command, words []string) (string, error) {
	text, empty := joinArgs(words), "the note is empty; give its words after the id"
	if noteFromStdin(words) {
		in := cmd.InOrStdin()
		if f, ok := in.(*os.File); ok && term.IsTerminal(int(f.Fd())) && isTerminal(cmd.ErrOrStderr()) {
			fmt.Fprintln(cmd.ErrOrStderr(), "Reading the note from the terminal: ctrl+d ends it, ctrl+c stops.")
		}
		data, err := readAll(cmd.Context(), in)
		if err != nil {
			if ctxErr := cmd.Context().Err(); ctxErr != nil {
				return "", ctxErr // interrupted, as import - is
			}
			return "", fmt.Errorf("reading the note from stdin: %w", err)
		}
		decoded, warning, err := feeds.DecodeText(data)
		if err != nil {
			return "", fmt.Errorf("the note read from stdin is a %w", err)
		}
		if warning != "" {
			fmt.Fprintf(cmd.ErrOrStderr(), "warning: <stdin>: %s\n", warning)
		}
		text, empty = string(decoded), "the note read from stdin is empty; give its words there, or after the id"
	}
	note := strings.TrimSpace(feeds.CleanText(text))
	if strings.TrimSpace(marks.Drop(note)) == "" {
		return "", usageError{errors.New(empty)}
	}
	return note, nil
}

// noteFromStdin reports whether note's words, after the id, ask for the
// note to be read from stdin: - alone.
func noteFromStdin(words []string) bool {
	return len(words) == 1 && words[0] == "-"
}

// readAll reads r to its end, unless ctx ends first: ctrl+c stops a note
// being typed at once, as it stops import -, where a read of a terminal
// would wait for the next line. The read goes on in the background until
// r ends; the command is exiting by then.
func readAll(ctx context.Context, r io.Reader) ([]byte, error) {
	type read struct {
		data []byte
		err  error
	}
	done := make(chan read, 1)
	go func() {
		data, err := io.ReadAll(r)
		done <- read{data, err}
	}()
	select {
	case got := <-done:
		return got.data, got.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (a *app) retitleCmd() *cobra.Command {
	return externalFlag(&cobra.Command{
		Use:   "retitle ID TITLE...",
		Short: "Give an article a title of your own, which re-imports keep",
		Long: "Give an article a title of your own: the words of TITLE joined by spaces.\n" +
			"Importing the article again keeps it, and so does importing an export that\n" +
			"carries another retitle of it.",
		Args: cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			// The title the article came with is not kept, so an empty
			// one cannot bring it back. Cut as Retitle keeps it, so that
			// what is said and compared is the title stored.
			title := feeds.ShortLine(joinArgs(args[1:]))
			if title == "" {
				return usageError{errors.New("the new title is empty; give the words of the title after the id")}
			}
			return a.withArticle(func(cmd *cobra.Command, _ []string, st *store.Store, art store.Article) error {
				if err := st.Retitle(cmd.Context(), art.ID, title); err != nil {
					return err
				}
				// The title the article came with, given as its own, is
				// a change: re-imports keep it from now on.
				a.changedNothing = art.Retitled && art.Title == title
				_, err := fmt.Fprintln(cmd.OutOrStdout(), cli.RetitleText(art.ID, title))
				return err
			})(cmd, args)
		},
	})
}

// progressOut is where a long command (import, fetch) shows how far it
// has come: stderr on a terminal, where it is drawn in place and cleared
// for the summary. Elsewhere (cron, a log) it is stdout, beside the
// summary, so that stderr, which cron mails and scripts watch, carries
// only failures and warnings; and stdout is drawn on in place when it is
// the terminal (2>log). A reader that closes stdout early (| head -1)
// ends the progress there, not the work (outliveClosedStdout).
func progressOut(cmd *cobra.Command) io.Writer {
	if stderr := cmd.ErrOrStderr(); isTerminal(stderr) {
		return stderr
	}
	return cmd.OutOrStdout()
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func (a *app) feedCmd() *cobra.Command {
	feed := &cobra.Command{
		Use:   "feed",
		Short: "Subscribe to feeds, list, name, tag and remove them",
		Args:  cobra.NoArgs,
		RunE:  needsCommand,
	}
	var tags []string
	add := &cobra.Command{
		Use:   "add URL",
		Short: "Subscribe to a feed (or a site that links to one) and fetch it",
		Args:  namedArg(`the feed's address is "": give the URL of a feed, or of a site that links to one`),
		PreRunE: func(cmd *cobra.Command, args []string) error {
			return checkTagFlags(tags)
		},
		RunE: a.withStore(func(cmd *cobra.Command, args []string, st *store.Store) error {
			rules, err := a.rules(cmd.Context(), st)
			if err != nil {
				return err
			}
			cli.WarnRulesLeftOut(cmd.ErrOrStderr(), rules)
			f := feeds.NewFetcher()
			if stderr := cmd.ErrOrStderr(); isTerminal(stderr) {
				f.Waiting = func(line string) { fmt.Fprintln(stderr, line) } // a slow discovery says what it waits for
			}
			added, err := cli.SubscribeFeed(cmd.Context(), st, f, rules, args[0], tags)
			if _, unfetched := errors.AsType[*cli.NotFetchedError](err); added.Feed.ID == 0 || unfetched {
				// Not subscribed, or subscribed but not fetched (exit 1,
				// as fetch for a feed that failed): the error says which.
				return err
			}
			a.changedNothing = addedNothing(added)
			cli.PrintAdded(cmd.OutOrStdout(), added)
			if err != nil {
				fetch := "first fetch"
				if !added.New {
					fetch = "fetch"
				}
				return fmt.Errorf("%s of %s: %w", fetch, cli.OneLine(feeds.ShownURL(added.Feed.URL)), err)
			}
			return nil
		}),
	}
	add.Flags().StringArrayVar(&tags, "tag", nil, "a tag for every article of the feed (repeatable; taken whole, commas and quotes too)")
	list := &cobra.Command{
		Use:   "list",
		Short: "List subscriptions with their articles, last fetch and last error",
		Args:  a.noArgs("it lists every subscription"),
		RunE: a.withStore(func(cmd *cobra.Command, _ []string, st *store.Store) error {
			out := &countingWriter{w: cmd.OutOrStdout()}
			if err := cli.ListFeeds(cmd.Context(), st, out); err != nil {
				return err
			}
			return saidNothing(cmd, out, "No subscriptions yet: tidings feed add URL, or tidings opml import FILE.")
		}),
	}
	var purge bool
	remove := &cobra.Command{
		Use:   "remove URL|TITLE",
		Short: "Unsubscribe; the feed's articles stay unless --purge",
		Args:  namedArg(emptyFeed("remove")),
		RunE: a.withStore(func(cmd *cobra.Command, args []string, st *store.Store) error {
			// A feed is named by any spelling of its address, or by its
			// title when no other feed has that title, as fetch names it.
			f, err := cli.FindFeed(cmd.Context(), st, args[0])
			if err != nil {
				return err
			}
			removed, err := st.RemoveFeed(cmd.Context(), f.URL, purge)
			if errors.Is(err, store.ErrNotFound) {
				return &cli.FeedNameError{Name: args[0]} // removed meanwhile
			}
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), cli.RemovedFeedText(f, removed, purge))
			return nil
		}),
	}
	remove.Flags().BoolVar(&purge, "purge", false, "also delete the feed's articles, but those starred, annotated, retitled or tagged by you")
	for _, c := range []*cobra.Command{add, list, remove, a.feedRenameCmd(), a.feedTagCmd(), a.feedUntagCmd()} {
		c.Args = usageArgs(c.Args)
		feed.AddCommand(c)
	}
	return feed
}

// addedNothing reports whether feed add changed nothing: the feed was
// subscribed already, with the tags and password given, and its fetch
// brought no article new or updated and found it where it was (as fetch's
// ChangedNothing counts).
func addedNothing(a cli.Added) bool {
	return !a.New && len(a.AddedTags) == 0 && !a.Recredentialed && a.MergedTwins == 0 &&
		a.Stats.Added+a.Stats.Updated == 0 && a.Stats.MergedInto == "" && a.Fetch.NewURL == ""
}

// feedRenameCmd is feed rename: a feed's name of the user's own, as
// newsboat's urls file gives one with "~name".
func (a *app) feedRenameCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "rename URL|TITLE NAME...",
		Short: "Give a feed a name of your own, which fetches keep",
		Long: "Give a feed a name of your own: the words of NAME joined by spaces. The feed\n" +
			"list, the # panel and queries (feed:, source:) know it by it, and fetches keep\n" +
			"it, as they keep a name an OPML file or newsboat's urls file (\"~name\") gives.\n" +
			"The feed is named by its address or its title, as feed remove takes it.",
		Args: feedAnd("rename", "its new name"),
		RunE: func(cmd *cobra.Command, args []string) error {
			name := strings.TrimSpace(feeds.CleanLine(joinArgs(args[1:])))
			if name == "" {
				return usageError{errors.New("the feed's new name is empty; give its words after the feed")}
			}
			return a.withStore(func(cmd *cobra.Command, args []string, st *store.Store) error {
				f, err := cli.FindFeed(cmd.Context(), st, args[0])
				if err != nil {
					return err
				}
				renamed, was, err := st.RenameFeed(cmd.Context(), f.URL, name)
				if errors.Is(err, store.ErrNotFound) {
					return &cli.FeedNameError{Name: args[0]} // removed meanwhile
				}
				if err != nil {
					return err
				}
				a.changedNothing = was == renamed.Title
				_, err = fmt.Fprintln(cmd.OutOrStdout(), cli.RenamedFeedText(renamed, was))
				return err
			})(cmd, args)
		},
	}
}

// feedTagCmd is feed tag: tags for a feed's articles, those it brought and
// those to come, as feed add --tag gives them.
func (a *app) feedTagCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "tag URL|TITLE TAG...",
		Short: "Give a feed tags: its articles get them, those it brought and those to come",
		Long: "Give a feed tags: every article it brought gets them now, and every one it\n" +
			"brings from now on. The tag rules then tag the articles that gained a tag,\n" +
			"as they tag those the feed brings. Each TAG is one tag, taken whole (quote a\n" +
			"name with a space); +name is the tag name, as tidings tag reads it. The feed\n" +
			"is named by its address or its title, as feed remove takes it.",
		Args: feedAndTags("tag"),
		RunE: a.withStore(func(cmd *cobra.Command, args []string, st *store.Store) error {
			f, err := cli.FindFeed(cmd.Context(), st, args[0])
			if err != nil {
				return err
			}
			tags, err := feedTagNames("tag", args[1:])
			if err != nil {
				return err
			}
			rules, err := a.rules(cmd.Context(), st)
			if err != nil {
				return err
			}
			cli.WarnRulesLeftOut(cmd.ErrOrStderr(), rules)
			tagged, added, ruled, err := st.TagFeedWithRules(cmd.Context(), f.URL, tags, rules)
			if errors.Is(err, store.ErrNotFound) {
				return &cli.FeedNameError{Name: args[0]} // removed meanwhile
			}
			if err != nil {
				return err
			}
			a.changedNothing = len(added) == 0
			out := cmd.OutOrStdout()
			if _, err := fmt.Fprintln(out, cli.FeedTaggedText(tagged, tags, added)); err != nil {
				return err
			}
			return cli.PrintRulesAdded(out, rules, ruled)
		}),
	}
}

// feedUntagCmd is feed untag: tags a feed no longer gives the articles it
// brings. Those it brought keep them, for a tag on an article is the
// user's, as one they set: tag --query takes it off them.
func (a *app) feedUntagCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "untag URL|TITLE TAG...",
		Short: "Take tags off a feed: the articles it brings from now on do not get them",
		Long: "Take tags off a feed: the articles it brings from now on do not get them. The\n" +
			"articles it brought keep them, as tags you set: to take one off them too,\n" +
			"tidings tag --query 'feed:\"Harbour News\"' -- -news. Each TAG is one tag,\n" +
			"taken whole, in any case; -name after -- is the tag name, as tidings tag\n" +
			"reads it. The feed is named by its address or its title, as feed remove\n" +
			"takes it.",
		Args: feedAndTags("untag"),
		RunE: a.withStore(func(cmd *cobra.Command, args []string, st *store.Store) error {
			f, err := cli.FindFeed(cmd.Context(), st, args[0])
			if err != nil {
				return err
			}
			tags, err := feedTagNames("untag", args[1:])
			if err != nil {
				return err
			}
			untagged, removed, err := st.UntagFeed(cmd.Context(), f.URL, tags)
			if errors.Is(err, store.ErrNotFound) {
				return &cli.FeedNameError{Name: args[0]} // removed meanwhile
			}
			if err != nil {
				return err
			}
			a.changedNothing = len(removed) == 0
			_, err = fmt.Fprintln(cmd.OutOrStdout(), cli.FeedUntaggedText(untagged, tags, removed))
			return err
		}),
	}
}

// emptyFeed is what a feed command that does verb to a feed says of one
// named "" (a script's "$FEED" with FEED unset).
func emptyFeed(verb string) string {
	return fmt.Sprintf(`the feed to %s is "": name it by its address or title (tidings feed list lists them)`, verb)
}

// feedAnd takes the feed a command does verb to, named as feed remove
// takes it, and then what more it needs (what: "its new name").
func feedAnd(verb, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		switch {
		case len(args) > 0 && args[0] == "":
			return errors.New(emptyFeed(verb))
		case len(args) < 2:
			return fmt.Errorf("give the feed to %s, then %s", verb, what)
		}
		return nil
	}
}

// feedAndTags takes the feed a command does verb to, then the tags, each
// of which must name one.
func feedAndTags(verb string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := feedAnd(verb, "the tags")(cmd, args); err != nil {
			return err
		}
		_, err := feedTagNames(verb, args[1:])
		return err
	}
}

// feedTagNames reads the TAG arguments of feed tag or feed untag (verb)
// as tidings tag reads its +name and -name (cli.FeedTagArgs).
func feedTagNames(verb string, words []string) ([]string, error) {
	sign := '+'
	if verb == "untag" {
		sign = '-'
	}
	return cli.FeedTagArgs(words, sign, ui.TagWord)
}

// checkTagFlags refuses a --tag that names no tag: "", spaces, a lone #
// (a script's --tag "$TAG" with TAG unset), which would be left out
// without a word.
func checkTagFlags(tags []string) error {
	if t, ok := namesNoTag(tags); ok {
		return usageError{fmt.Errorf("--tag %q names no tag: give the tag's name, or leave --tag out", cli.OneLine(t))}
	}
	return nil
}

// namesNoTag is the first of tags that is no tag's name once cleaned, and
// whether there is one.
func namesNoTag(tags []string) (string, bool) {
	for _, t := range tags {
		if len(feeds.NormalizeTags([]string{t})) == 0 {
			return t, true
		}
	}
	return "", false
}

func (a *app) fetchCmd() *cobra.Command {
	var undelete bool
	c := &cobra.Command{
		Use:   "fetch [--undelete] [URL|TITLE...]",
		Short: "Fetch every subscribed feed (or the ones named)",
		Args:  namedArgs(0, `a feed to fetch is "": name feeds by address or title (tidings feed list lists them), or none to fetch every one`),
		RunE: a.withStore(func(cmd *cobra.Command, args []string, st *store.Store) error {
			rules, err := a.rules(cmd.Context(), st)
			if err != nil {
				return err
			}
			cli.WarnRulesLeftOut(cmd.ErrOrStderr(), rules)
			start := time.Now()
			fetch := cli.Fetch
			if undelete {
				fetch = cli.FetchUndeleting
			}
			progress := progressOut(cmd)
			rep, err := fetch(cmd.Context(), st, feeds.NewFetcher(), rules, args,
				cli.FetchProgress(progress, isTerminal(progress), cli.Columns(progress)))
			if cmd.Context().Err() != nil {
				cli.FetchStopped(progress, isTerminal(progress))
			}
			a.changedNothing = rep.ChangedNothing()
			cli.PrintFetchSummary(cmd.OutOrStdout(), cmd.ErrOrStderr(), rep, time.Since(start))
			if err != nil {
				return err
			}
			if len(rep.Failed) > 0 {
				return partialError{fmt.Errorf("%d feeds failed", len(rep.Failed))}
			}
			return nil
		}),
	}
	c.Flags().BoolVar(&undelete, "undelete", false, "fetch the feeds whole and bring back the articles you deleted that they still serve")
	return c
}

func (a *app) opmlCmd() *cobra.Command {
	opml := &cobra.Command{
		Use:   "opml",
		Short: "Import or export subscriptions as OPML",
		Args:  cobra.NoArgs,
		RunE:  needsCommand,
	}
	imp := &cobra.Command{
		Use:   "import FILE",
		Short: "Subscribe to the feeds of an OPML file (folders become tags) or of newsboat's urls file",
		Args:  namedArg(`the file to import subscriptions from is "": name an OPML file, or newsboat's urls file`),
		RunE: a.withStore(func(cmd *cobra.Command, args []string, st *store.Store) error {
			before, err := st.Feeds(cmd.Context())
			if err != nil {
				return err
			}
			_, problems, err := cli.ImportOPML(cmd.Context(), st, args[0], cmd.OutOrStdout())
			if after, ferr := st.Feeds(cmd.Context()); ferr == nil {
				a.changedNothing = sameSubscriptions(before, after)
			}
			for _, p := range problems {
				fmt.Fprintf(cmd.ErrOrStderr(), "failed: %s\n", p) // as import's failures
			}
			if err != nil {
				return err
			}
			if len(problems) > 0 {
				return partialError{fmt.Errorf("%d problems", len(problems))}
			}
			return nil
		}),
	}
	exp := &cobra.Command{
		Use:   "export",
		Short: "Write every subscription as OPML to stdout",
		Args:  a.noArgs("it writes every subscription as OPML"),
		RunE: a.withStore(func(cmd *cobra.Command, _ []string, st *store.Store) error {
			return cli.ExportOPML(cmd.Context(), st, cmd.OutOrStdout())
		}),
	}
	for _, c := range []*cobra.Command{imp, exp} {
		c.Args = usageArgs(c.Args)
		opml.AddCommand(c)
	}
	return opml
}

// sameSubscriptions reports whether before and after (store.Feeds) are
// the same subscriptions, with the same addresses, names, sites and tags:
// an opml import that subscribed to no feed and gave those it had no
// name, site or tag (every one subscribed already as the file lists it)
// changed nothing. What fetches write down (validators, errors) is not
// compared.
func sameSubscriptions(before, after []store.Feed) bool {
	had := make(map[int64]store.Feed, len(before))
	for _, f := range before {
		had[f.ID] = f
	}
	if len(after) != len(before) {
		return false
	}
	for _, f := range after {
		h, ok := had[f.ID]
		if !ok || h.URL != f.URL || h.Title != f.Title || h.SiteURL != f.SiteURL || !slices.Equal(h.Tags, f.Tags) {
			return false
		}
	}
	return true
}

func (a *app) ruleCmd() *cobra.Command {
	rule := &cobra.Command{
		Use:   "rule",
		Short: "Tag rules: articles matching a query get tags as they arrive",
		Args:  cobra.NoArgs,
		RunE:  needsCommand,
	}
	var tags []string
	add := &cobra.Command{
		Use:   "add QUERY --tag T...",
		Short: "Add a rule: articles matching QUERY get the tags on import and fetch",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(feeds.NormalizeTags(tags)) == 0 {
				return usageError{errors.New("give the rule's tags with --tag")}
			}
			if err := checkTagFlags(tags); err != nil {
				return err
			}
			if err := checkQuery(joinArgs(args)); err != nil {
				return err
			}
			if n, _ := query.Parse(joinArgs(args)); n.Kind == query.All {
				// "", ",", "*": it would tag every article that arrives.
				return usageError{fmt.Errorf("the rule's query %q matches every article", joinArgs(args))}
			}
			cli.QueryHint(cmd.ErrOrStderr(), joinArgs(args))
			st, err := a.open(cmd)
			if err != nil {
				return err
			}
			defer st.Close()
			r, err := st.AddRule(cmd.Context(), joinArgs(args), tags, a.configRules()...)
			if cycle, ok := errors.AsType[*store.CycleError](err); ok {
				return usageError{cycle}
			}
			if dup, ok := errors.AsType[*store.DuplicateRuleError](err); ok {
				return dup // nothing to add: not a misuse, but not done
			}
			if err != nil {
				return err
			}
			return cli.PrintRule(cmd.OutOrStdout(), r)
		},
	}
	add.Flags().StringArrayVar(&tags, "tag", nil, "a tag the rule sets (repeatable; taken whole, commas and quotes too)")
	list := &cobra.Command{
		Use:   "list",
		Short: "List the rules (the library's and config.toml's)",
		Args:  a.noArgs("it lists every rule"),
		RunE: a.withStore(func(cmd *cobra.Command, _ []string, st *store.Store) error {
			rules, err := st.Rules(cmd.Context())
			if err != nil {
				return err
			}
			out := &countingWriter{w: cmd.OutOrStdout()}
			if err := cli.ListRules(out, rules, a.cfg.Rules); err != nil {
				return err
			}
			return saidNothing(cmd, out, "No rules yet: tidings rule add QUERY --tag T.")
		}),
	}
	remove := &cobra.Command{
		Use:   "remove ID",
		Short: "Remove a rule; the tags it set stay",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil {
				return usageError{fmt.Errorf("%q is not a rule id", args[0])}
			}
			st, err := a.open(cmd)
			if err != nil {
				return err
			}
			defer st.Close()
			r, err := st.DeleteRule(cmd.Context(), id)
			if errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("no rule %d", id)
			}
			if err != nil {
				return err
			}
			return cli.PrintRemovedRule(cmd.OutOrStdout(), r)
		},
	}
	apply := &cobra.Command{
		Use:   "apply",
		Short: "Apply every rule to the whole library now",
		Args:  a.noArgs("it applies every rule to the whole library"),
		RunE: a.withStore(func(cmd *cobra.Command, _ []string, st *store.Store) error {
			rules, err := a.rules(cmd.Context(), st)
			if err != nil {
				return err
			}
			taggings, err := st.ApplyRulesToLibrary(cmd.Context(), rules)
			a.changedNothing = !slices.ContainsFunc(taggings, taggingChanged)
			cli.PrintRuleCounts(cmd.OutOrStdout(), rules, taggings)
			return err
		}),
	}
	for _, c := range []*cobra.Command{add, list, remove, apply} {
		c.Args = usageArgs(c.Args)
		rule.AddCommand(c)
	}
	return rule
}

func (a *app) exportCmd() *cobra.Command {
	var opt cli.ExportOptions
	c := &cobra.Command{
		Use:   "export --format md|json [--query Q] [--out DIR]",
		Short: "Export articles with their notes: Markdown files, or JSON Lines that import back",
		Long: "Export the articles matching --query (all without it), with their tags and notes.\n" +
			"--format md writes one Markdown file per article, with YAML front matter and a\n" +
			"Notes section, into --out DIR (an Obsidian vault's folder, say); exporting again\n" +
			"updates the same files. --format json writes JSON Lines to stdout, or to\n" +
			"DIR/" + cli.ExportJSONName + " with --out; `tidings import` reads it back.",
		Args: a.noArgs("see its --help"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if cmd.Flags().Changed("out") && opt.Out == "" {
				// A script's --out "$DIR" with DIR unset: not stdout,
				// which an export without --out is written to.
				return usageError{errors.New("--out is empty: name the folder to write into (without --out, --format json writes to stdout)")}
			}
			if err := opt.Check(); err != nil {
				return usageError{err}
			}
			if err := checkQuery(opt.Query); err != nil {
				return err
			}
			cli.QueryHint(cmd.ErrOrStderr(), opt.Query)
			st, err := a.open(cmd)
			if err != nil {
				return err
			}
			defer st.Close()
			summary := cmd.OutOrStdout()
			if opt.Out == "" {
				summary = cmd.ErrOrStderr() // stdout is the export
			}
			opt.Progress = cmd.ErrOrStderr()
			rep, err := cli.Export(cmd.Context(), st, cmd.OutOrStdout(), opt)
			if rep.Stopped {
				// Interrupted: what was written so far stays, and is
				// counted, as the summary says it stopped.
				cli.PrintExportSummary(summary, cmd.ErrOrStderr(), rep)
			}
			if err != nil {
				return err
			}
			if opt.Out != "" || len(rep.Failed) > 0 {
				cli.PrintExportSummary(summary, cmd.ErrOrStderr(), rep)
			}
			if err := rep.Incomplete(); err != nil {
				return partialError{err}
			}
			return nil
		},
	}
	c.Flags().StringVar(&opt.Query, "query", "", "export only the articles matching this query")
	c.Flags().StringVar(&opt.Format, "format", "", "md (Markdown files) or json (JSON Lines); markdown and jsonl, as import names them, too")
	c.Flags().StringVar(&opt.Out, "out", "", "folder to write into (required for md)")
	return c
}

func (a *app) backupCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "backup FILE",
		Short: "Copy the library to FILE, whole, while tidings may be running",
		Long: "Copy the library, with its tags, notes, feeds, rules and saved searches, to FILE:\n" +
			"one SQLite file, consistent as of one moment, safe to take while the reader or a\n" +
			"fetch is running (copying library.db itself then may miss recent writes).\n" +
			"An existing FILE is replaced once the copy is whole. Open the copy with\n" +
			"tidings --library FILE, or put it where the library lives to restore it.",
		Args: namedArg(`the file to copy the library to is "": name one`),
		RunE: a.withStore(func(cmd *cobra.Command, args []string, st *store.Store) error {
			if err := st.Backup(cmd.Context(), args[0]); err != nil {
				return err
			}
			n, err := backedUp(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			// A name with control characters in it is shown quoted, its
			// escapes written out, so that it can be found again.
			name := args[0]
			if cli.OneLine(name) != name {
				name = strconv.Quote(name)
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "Backed up %s to %s.\n", cli.Plural(n, "article"), name)
			return err
		}),
	}
}

// backedUp counts the articles of the copy a backup wrote to file: what
// the copy holds, as of the moment it was taken, and not the library,
// which another tidings may have written to since (an import going on).
func backedUp(ctx context.Context, file string) (int, error) {
	c, err := store.Open(file, store.Options{ReadOnly: true})
	if err != nil {
		return 0, fmt.Errorf("the copy was written, but cannot be read back: %w", err)
	}
	defer c.Close()
	return c.Count(ctx, "")
}

// countingWriter counts what a listing wrote, so that an empty one can be
// told apart from a failed one.
type countingWriter struct {
	w io.Writer
	n int
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += n
	return n, err
}

// saidNothing tells a user on standard error that a listing is empty and
// how to fill it; standard output stays empty for scripts.
func saidNothing(cmd *cobra.Command, out *countingWriter, hint string) error {
	if out.n == 0 {
		fmt.Fprintln(cmd.ErrOrStderr(), hint)
	}
	return nil
}
