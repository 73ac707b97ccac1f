package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"tidings/ui/cli"
)

// deleteCmd deletes articles, by id or every one a query matches, with
// their tags and notes: newsboat's D. Imports and fetches leave them out
// after; fetch --undelete brings back a feed's while it serves them,
// import --undelete those of files.
func (a *app) deleteCmd() *cobra.Command {
	var query string
	var yes bool
	c := &cobra.Command{
		Use:   "delete ID... | --query Q",
		Short: "Delete articles with their tags and notes, by id or every one matching --query",
		Long: "Delete articles with their tags and notes, by id or every one matching --query\n" +
			"(--query '' is every article). On a terminal it asks first; elsewhere it needs\n" +
			"--yes. It lists what it deleted. Imports and fetches leave deleted articles out\n" +
			"from then on; fetch --undelete brings back a feed's while the feed serves them,\n" +
			"import --undelete those of files.",
		RunE: func(cmd *cobra.Command, args []string) error {
			byQuery := cmd.Flags().Changed("query")
			if err := idsOrQuery(cmd, args, query, "delete"); err != nil {
				return err
			}
			external := externalIDs(cmd)
			notID := func(word string) error { return noArticle(&cli.NoArticle{Word: word, External: external}) }
			if err := a.namesNone(args, notID); err != nil {
				return err
			}
			opt := cli.DeleteOptions{Query: query, ByQuery: byQuery}
			if !yes {
				in, stderr := cmd.InOrStdin(), cmd.ErrOrStderr()
				f, ok := in.(*os.File)
				if inTerm, errTerm := ok && term.IsTerminal(int(f.Fd())), isTerminal(stderr); !inTerm || !errTerm {
					return usageError{cli.NoTerminalToAsk(inTerm, errTerm)}
				}
				opt.Confirm = func(question string) (bool, error) { return cli.AskYesNo(in, stderr, question) }
			}
			st, err := a.open(cmd)
			if err != nil {
				return err
			}
			defer st.Close()
			if opt.Articles, opt.Missing, err = foundArticles(cmd.Context(), st, args, external, nil); err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if isTerminal(out) {
				opt.Width = cli.Columns(out)
			}
			deleted, err := cli.Delete(cmd.Context(), st, out, opt)
			a.changedNothing = deleted.Articles == 0
			if errors.Is(err, cli.ErrNotConfirmed) {
				_, err = fmt.Fprintln(cmd.ErrOrStderr(), "Nothing deleted.")
			}
			return err
		},
	}
	c.Flags().StringVar(&query, "query", "", "delete every article matching this query")
	c.Flags().BoolVarP(&yes, "yes", "y", false, "delete without asking")
	return externalFlag(c)
}
