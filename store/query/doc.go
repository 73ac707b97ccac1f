// Package query is tidings' query language: it parses what a reader types in
// the quick filter, a saved search, a rule or `tidings search` into a Node,
// prints a Node back in a canonical form, and compiles it to the SQL the store
// runs (an FTS5 MATCH expression for article_fts plus a WHERE expression over
// `articles AS a`).
//
// The language, in short (docs/QUERY.md has the full reference):
//
//	word              every bare word must match the title, body or notes;
//	                  case and diacritics are folded, punctuation splits
//	                  words (covid-19 is the phrase "covid 19")
//	"exact phrase"    the words in this order; \" and \\ escape inside quotes
//	wor*              a prefix; "two wor"* makes the last word of a phrase one
//	-term  NOT term   negation of any term or of a (group)
//	tag:x  #x         has the tag x (case-insensitive); tag:x* a tag prefix
//	source:x          the source, any part of a syndicated source
//	                  "MENAFN - AzerNews", or a feed title containing x
//	title:word        in the title only; also title:"a phrase", title:wor*
//	is:unread is:read is:starred is:annotated is:untagged
//	after:D           published on or after the UTC day (month, year) D
//	before:D          published before D: after:2024-03-01 before:2024-04-01
//	                  is exactly March
//	on:D  date:D      within D; D is YYYY, YYYY-MM or YYYY-MM-DD, in UTC
//	since:7d          within the last 7 days; units h d w m(onths) y
//	a OR b  ( )       alternation and grouping; AND is implicit (an explicit
//	                  uppercase AND is accepted) and binds tighter than OR
//
// Only uppercase OR, AND and NOT are operators; in lowercase they are words.
// Field names are case-insensitive. An unknown field ("foo:bar") is an error,
// unless it cannot be one: "http://x" and "10:30" are text. The empty query
// matches every article. Errors are *Error values carrying the column (in
// characters, from 1) where the problem starts.
//
// The package is pure: it knows the schema's table and column names, but
// imports no database driver and nothing else of tidings.
package query
