package query

import (
	"strings"
	"testing"
)

const benchQuery = `ukraine "grain exports" -war (tag:eu OR source:menafn) after:2024-03-01 is:unread kyi`

func BenchmarkParse(b *testing.B) {
	for b.Loop() {
		if _, err := Parse(benchQuery); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCompileString(b *testing.B) {
	opt := Options{Now: compileNow, PrefixLast: true}
	for b.Loop() {
		if _, err := CompileString(benchQuery, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// benchBody is a news body of about 5 KB, mostly ASCII with some accents.
var benchBody = strings.Repeat("The security breach has raised alarm in Berlin, where officials "+
	"in Zürich and Kyiv said the U.S. sent aid; grain exports rose 4.5% in March. ", 36)

func BenchmarkTokens(b *testing.B) {
	b.SetBytes(int64(len(benchBody)))
	for b.Loop() {
		Tokens(benchBody)
	}
}

func BenchmarkMatchPhrase(b *testing.B) {
	b.SetBytes(int64(len(benchBody)))
	for b.Loop() {
		if MatchPhrase(benchBody, "grain exports fell") {
			b.Fatal("matched a phrase that is not there")
		}
	}
}

func BenchmarkHighlights(b *testing.B) {
	terms := []string{"kyiv", "grain exp*", "u s"}
	b.SetBytes(int64(len(benchBody)))
	for b.Loop() {
		Highlights(benchBody, terms)
	}
}
