package ui

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
)

// Copying: y hands the text to the system's clipboard tool when there is
// one that works (wl-copy, xclip, xsel, pbcopy, termux-clipboard-set), and
// always to the terminal as OSC 52, which is what reaches the clipboard
// over ssh. Many terminals, and tmux unless set-clipboard is on, ignore
// OSC 52 without a word, so the status line says "Copied" only when a
// tool took the text.

// clipboardTimeout bounds how long the clipboard tools may take: xclip
// with a $DISPLAY whose X server no longer answers (a stale ssh -X) waits
// for it without end.
const clipboardTimeout = 2 * time.Second

// copyText copies text, which the status line names as what (a link, "the
// passage “…”"): with OSC 52 and, in a command of its own, since it runs a
// program, with the system's clipboard tool. The status line says which
// took it.
func copyText(text, what string) tea.Cmd {
	return tea.Batch(tea.SetClipboard(text), func() tea.Msg {
		if copyWithTool(text) == nil {
			return statusMsg{text: "Copied " + what}
		}
		return statusMsg{text: "Sent to the terminal's clipboard (OSC 52): " + what}
	})
}

// clipboardTools are the commands that may put what they read on the
// system's clipboard here, in the order they are tried: on Wayland
// wl-copy, on X xclip and xsel (never without $DISPLAY, where they can
// only fail), on macOS pbcopy, on Android's Termux termux-clipboard-set.
func clipboardTools() [][]string {
	if runtime.GOOS == "darwin" {
		return [][]string{{"pbcopy"}}
	}
	var tools [][]string
	if os.Getenv("WAYLAND_DISPLAY") != "" {
		tools = append(tools, []string{"wl-copy"})
	}
	if os.Getenv("DISPLAY") != "" {
		tools = append(tools, []string{"xclip", "-selection", "clipboard", "-in"}, []string{"xsel", "--clipboard", "--input"})
	}
	return append(tools, []string{"termux-clipboard-set"})
}

// errNoClipboardTool says that no clipboard tool is installed here.
var errNoClipboardTool = errors.New("no clipboard tool")

// copyWithTool gives text to the first of clipboardTools installed that
// takes it (exits with success) within clipboardTimeout, all of them
// together. Their output goes nowhere: xclip and wl-copy leave a process
// behind that keeps the text until something else is copied, which a pipe
// would wait for.
func copyWithTool(text string) error {
	ctx, cancel := context.WithTimeout(context.Background(), clipboardTimeout)
	defer cancel()
	err := errNoClipboardTool
	for _, argv := range clipboardTools() {
		path, lookErr := exec.LookPath(argv[0])
		if lookErr != nil {
			continue
		}
		cmd := exec.CommandContext(ctx, path, argv[1:]...)
		cmd.Stdin = strings.NewReader(text)
		cmd.WaitDelay = 100 * time.Millisecond
		if err = cmd.Run(); err == nil || ctx.Err() != nil {
			return err
		}
	}
	return err
}
