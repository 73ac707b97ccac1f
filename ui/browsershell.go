package ui

import (
	"fmt"
	"path/filepath"
	"strings"
)

// A browser's command that runs a shell with a script (sh -c '…', as
// newsboat users write theirs: newsboat runs its browser setting through a
// shell and quotes the link for it) gets the link in that script quoted
// for the shell, as the place it stands in the script wants it: a link's
// ; & | $( ) ` ' " are its own characters there, never the shell's. Links
// come from feeds, which anyone may write.

// shellDialect is how a shell reads quotes in a script.
type shellDialect int

const (
	noShell    shellDialect = iota
	posixShell              // sh, bash, dash, zsh, ksh and their kin
	fishShell               // fish: a backslash escapes ' and \ in single quotes too
)

// posixShells are the programs that read a -c script as a POSIX shell
// does, by the base name of their path.
var posixShells = map[string]bool{
	"sh": true, "ash": true, "dash": true, "bash": true, "rbash": true, "zsh": true,
	"ksh": true, "ksh93": true, "mksh": true, "lksh": true, "oksh": true, "pdksh": true,
	"yash": true, "posh": true, "hush": true,
}

// dialectOf is how the program named by word reads a script; busybox reads
// one as its sh when next, the word after it, names sh.
func dialectOf(word, next string) shellDialect {
	switch base := filepath.Base(word); {
	case posixShells[base]:
		return posixShell
	case base == "fish":
		return fishShell
	case base == "busybox" && posixShells[next]:
		return posixShell
	}
	return noShell
}

// shellScript finds, in a command's words, the script a shell is given
// with -c, and how that shell reads it: the index of the word, or -1 when
// no shell is given a script. The shell may follow programs that run the
// rest of the words (env, nohup, setsid, xterm -e), as a shell is found
// wherever its name is a word of its own.
func shellScript(argv []string) (int, shellDialect) {
	for i, w := range argv {
		next := ""
		if i+1 < len(argv) {
			next = argv[i+1]
		}
		switch dialectOf(w, next) {
		case posixShell:
			if filepath.Base(w) == "busybox" {
				i++
			}
			return posixScriptWord(argv, i), posixShell
		case fishShell:
			return fishScriptWord(argv, i), fishShell
		}
	}
	return -1, noShell
}

// posixScriptWord is the index of the script a POSIX shell, the word at
// shell, is given: the first word after its options when they hold -c
// (-c, -ec, -lc); -1 when they do not (the shell runs a file then) or
// there is no such word. -o and bash's -O, --rcfile and --init-file take
// the word after them, as zsh's --emulate does.
func posixScriptWord(argv []string, shell int) int {
	script := false
	for j := shell + 1; j < len(argv); j++ {
		w := argv[j]
		switch {
		case w == "--" || w == "-":
			if script && j+1 < len(argv) {
				return j + 1
			}
			return -1
		case strings.HasPrefix(w, "--"):
			if w == "--rcfile" || w == "--init-file" || w == "--emulate" {
				j++
			}
		case len(w) > 1 && (w[0] == '-' || w[0] == '+'):
			if w[0] == '-' && strings.ContainsRune(w[1:], 'c') {
				script = true
			}
			if strings.ContainsAny(w[1:], "oO") {
				j++ // the option's name
			}
		default:
			if script {
				return j
			}
			return -1
		}
	}
	return -1
}

// fishScriptWord is the index of the word that holds the script fish, the
// word at shell, is given with -c or --command; -1 when it is given none.
// A script written into its option's word (--command=…, -c…) is in that
// word, after a prefix that holds no quotes.
func fishScriptWord(argv []string, shell int) int {
	takesValue := map[string]bool{"--init-command": true, "--debug": true, "--debug-output": true,
		"--profile": true, "--profile-startup": true, "--features": true}
	for j := shell + 1; j < len(argv); j++ {
		w := argv[j]
		switch {
		case w == "--":
			return -1
		case strings.HasPrefix(w, "--command="):
			return j
		case w == "--command":
			return nextWord(argv, j)
		case strings.HasPrefix(w, "--"):
			if takesValue[w] {
				j++
			}
		case len(w) > 1 && w[0] == '-':
			for k := 1; k < len(w); k++ {
				if w[k] == 'c' {
					if k+1 < len(w) {
						return j
					}
					return nextWord(argv, j)
				}
				if strings.IndexByte("Cdof", w[k]) >= 0 {
					if k+1 == len(w) {
						j++ // the option's value is the next word
					}
					break
				}
			}
		default:
			return -1 // a script file
		}
	}
	return -1
}

// nextWord is j+1 when argv has such a word, else -1.
func nextWord(argv []string, j int) int {
	if j+1 < len(argv) {
		return j + 1
	}
	return -1
}

// Where a placeholder stands in a script.
type scriptPlace int

const (
	placeBare   scriptPlace = iota // outside quotes, or in $( … ) or ( … )
	placeSingle                    // in '…'
	placeDouble                    // in "…"
	placeANSI                      // in bash's $'…'
	placeTicks                     // in `…`
	placeParam                     // in ${…}
	placeArith                     // in $(( … )) or (( … ))
)

// unquotable says why a link cannot be quoted where it stands, or "" when
// it can: in $'…' dash and bash read quotes differently, in `…` the
// backslashes are read twice, and ${…}, $(( … )) and a here-document read
// what they hold again.
var unquotable = map[scriptPlace]string{
	placeANSI:  "$'…'",
	placeTicks: "`…`",
	placeParam: "${…}",
	placeArith: "$(( … ))",
}

// scriptWithLink is script, a shell's -c script, with each %u in it (else
// each %s: a script with %u may use %s in a printf format) replaced by
// link quoted for the shell where it stands. A placeholder in a comment is
// left as it is. An error says where a placeholder stands that the link
// cannot be quoted in.
func scriptWithLink(script, link string, dialect shellDialect) (string, error) {
	mark := "%u"
	if !strings.Contains(script, mark) {
		mark = "%s"
	}
	if dialect == posixShell && strings.Contains(script, "$'") {
		// bash reads $'…' with backslash escapes, dash as $ and '…': where
		// a quote closes depends on the shell, and so does what the link
		// after it would be.
		return "", fmt.Errorf("the script has $'…', which shells read differently: the link is not given to it")
	}
	var out strings.Builder
	s := scriptScanner{src: script, fish: dialect == fishShell, stack: []scriptPlace{placeBare}}
	for s.i < len(script) {
		if strings.HasPrefix(script[s.i:], mark) && !s.comment {
			if why := s.unquotable(); why != "" {
				return "", fmt.Errorf("%s stands in %s, where the shell cannot be given the link quoted: put it in '…' or \"…\"", mark, why)
			}
			out.WriteString(quoteForShell(link, s.top(), s.fish))
			s.i += 2
			continue
		}
		start := s.i
		s.step()
		out.WriteString(script[start:s.i])
	}
	return out.String(), nil
}

// scriptScanner reads a shell script a character or two at a time, keeping
// where it stands: the quotes, substitutions and parentheses it is in.
type scriptScanner struct {
	src     string
	i       int
	fish    bool
	stack   []scriptPlace
	comment bool // in a # comment, until the end of its line
	heredoc bool // past a <<, whose here-document reads its text again
}

// top is the place the scanner stands in.
func (s *scriptScanner) top() scriptPlace { return s.stack[len(s.stack)-1] }

// unquotable says why a link cannot be quoted where the scanner stands:
// in any place that reads its text again, however deep; "" when it can.
func (s *scriptScanner) unquotable() string {
	if s.heredoc {
		return "a here-document (<<)"
	}
	for _, p := range s.stack {
		if why := unquotable[p]; why != "" {
			return why
		}
	}
	return ""
}

func (s *scriptScanner) push(p scriptPlace, width int) {
	s.stack = append(s.stack, p)
	s.i += width
}

func (s *scriptScanner) pop(width int) {
	if len(s.stack) > 1 {
		s.stack = s.stack[:len(s.stack)-1]
	}
	s.i += width
}

// at reports whether the script has prefix where the scanner stands.
func (s *scriptScanner) at(prefix string) bool { return strings.HasPrefix(s.src[s.i:], prefix) }

// step reads past the next character, or the few that open or close a
// place together ($(, $', ))), keeping where the scanner stands.
func (s *scriptScanner) step() {
	if s.comment {
		if s.src[s.i] == '\n' {
			s.comment = false
		}
		s.i++
		return
	}
	switch s.top() {
	case placeSingle:
		s.stepSingle()
	case placeDouble:
		s.stepDouble()
	case placeANSI:
		s.stepEscapedUntil('\'')
	case placeTicks:
		s.stepEscapedUntil('`')
	default:
		s.stepCode()
	}
}

// stepSingle reads in '…': nothing is special but the closing quote (and,
// to fish, a backslash before ' or \).
func (s *scriptScanner) stepSingle() {
	switch {
	case s.at("'"):
		s.pop(1)
	case s.fish && s.at(`\`) && s.i+1 < len(s.src):
		s.i += 2
	default:
		s.i++
	}
}

// stepDouble reads in "…": a backslash, the closing quote and the
// substitutions it expands.
func (s *scriptScanner) stepDouble() {
	switch {
	case s.at(`\`) && s.i+1 < len(s.src):
		s.i += 2
	case s.at(`"`):
		s.pop(1)
	default:
		s.stepSubstitution()
	}
}

// stepEscapedUntil reads in a place that a backslash escapes in and end
// closes ($'…', `…`).
func (s *scriptScanner) stepEscapedUntil(end byte) {
	switch {
	case s.at(`\`) && s.i+1 < len(s.src):
		s.i += 2
	case s.src[s.i] == end:
		s.pop(1)
	default:
		s.i++
	}
}

// stepSubstitution reads what opens a substitution ($(, $((, ${, `) or a
// character that opens none.
func (s *scriptScanner) stepSubstitution() {
	switch {
	case !s.fish && s.at("$(("):
		s.push(placeArith, 3)
	case s.at("$("):
		s.push(placeBare, 2)
	case !s.fish && s.at("${"):
		s.push(placeParam, 2)
	case !s.fish && s.at("`"):
		s.push(placeTicks, 1)
	default:
		s.i++
	}
}

// stepCode reads outside quotes, in $( … ), ( … ), ${…} or $(( … )).
func (s *scriptScanner) stepCode() {
	top := s.top()
	switch {
	case s.at(`\`) && s.i+1 < len(s.src):
		s.i += 2
	case s.at("'"):
		s.push(placeSingle, 1)
	case !s.fish && s.at("$'"):
		s.push(placeANSI, 2)
	case s.at(`"`):
		s.push(placeDouble, 1)
	case top == placeArith && s.at("))"):
		s.pop(2)
	case top == placeParam && s.at("}"):
		s.pop(1)
	case !s.fish && top != placeArith && s.at("(("):
		s.push(placeArith, 2)
	case s.at("("):
		s.push(placeBare, 1)
	case s.at(")"):
		s.pop(1)
	case s.at("#") && s.wordStart():
		s.comment = true
		s.i++
	case !s.fish && s.at("<<<"):
		s.i += 3 // a here-string: the word after it is read as any other
	case !s.fish && s.at("<<"):
		s.heredoc = true
		s.i += 2
	default:
		s.stepSubstitution()
	}
}

// wordStart reports whether the scanner stands at the start of a word,
// where # begins a comment.
func (s *scriptScanner) wordStart() bool {
	return s.i == 0 || strings.IndexByte(" \t\n;&|()<>", s.src[s.i-1]) >= 0
}

// quoteForShell is link written so that the shell reads it back whole
// where it stands: outside quotes in single quotes; in single quotes with
// each ' of it ending them, escaped and beginning them again (to fish, \'
// and \\ escaped); in double quotes with \ before what they expand
// (" $ ` \; to fish " $ \). An ! needs nothing: a shell running a script
// does not expand history.
func quoteForShell(link string, place scriptPlace, fish bool) string {
	switch {
	case fish && place == placeDouble:
		return strings.NewReplacer(`\`, `\\`, `"`, `\"`, `$`, `\$`).Replace(link)
	case fish && place == placeSingle:
		return strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(link)
	case fish:
		return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(link) + "'"
	case place == placeDouble:
		return strings.NewReplacer(`\`, `\\`, `"`, `\"`, `$`, `\$`, "`", "\\`").Replace(link)
	case place == placeSingle:
		return strings.ReplaceAll(link, "'", `'\''`)
	}
	return "'" + strings.ReplaceAll(link, "'", `'\''`) + "'"
}
