package feeds

import (
	"strings"
	"testing"
)

// TestDateNameTables: every language's line names twelve months, or seven
// days, so that a name's place is its month's or its day's; and every
// spelling of them is read but the few that name different days in
// different languages ("do" is Thursday in German, Sunday in Spanish).
func TestDateNameTables(t *testing.T) {
	for _, tc := range []struct {
		tables  []string
		places  int
		read    map[string]int
		clashes []string
	}{
		{monthNames, 12, monthByName, nil},
		{weekdayNames, 7, weekdayByName, []string{"do", "ma"}},
	} {
		for _, line := range tc.tables {
			if n := len(strings.Fields(line)); n != tc.places {
				t.Errorf("%d names, want %d: %s", n, tc.places, line)
			}
			for place, name := range strings.Fields(line) {
				for _, spelling := range strings.Split(name, "/") {
					key := nameFold(spelling)
					got, ok := tc.read[key]
					clash := strings.Contains(" "+strings.Join(tc.clashes, " ")+" ", " "+key+" ")
					switch {
					case clash && ok:
						t.Errorf("%q is read as %d, want it left out", spelling, got)
					case !clash && (!ok || got != place):
						t.Errorf("%q is read as %d (%v), want %d", spelling, got, ok, place)
					}
				}
			}
		}
	}
}

// TestNamesByPlaceLeavesOutClashes: a spelling that two languages give
// different places is left out, not read as either: "listopad" is
// November in Polish and October in Croatian.
func TestNamesByPlaceLeavesOutClashes(t *testing.T) {
	places := namesByPlace([]string{
		"a b c d e f g h i j listopad/lis l", // Croatian
		"a b c d e f g h i j k listopad/lis", // Polish
	})
	for _, name := range []string{"listopad", "lis"} {
		if p, ok := places[name]; ok {
			t.Errorf("%q read as %d, want it left out", name, p)
		}
	}
	if places["k"] != 10 || places["l"] != 11 || places["a"] != 0 {
		t.Errorf("places %v", places)
	}
}

// TestNameFold: names are looked up without their case, accents or
// trailing dot.
func TestNameFold(t *testing.T) {
	for in, want := range map[string]string{
		"Mär": "mar", "déc.": "dec", "AOÛT": "aout", "Μάι": "μαι", "Şub": "sub", "juil.": "juil",
	} {
		if got := nameFold(in); got != want {
			t.Errorf("nameFold(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzParseWrittenFeedTime: no date, however written, stops the reading
// of a feed; one that is read is read again the same.
func FuzzParseWrittenFeedTime(f *testing.F) {
	for _, tt := range writtenDates {
		f.Add(tt.date)
	}
	f.Add("Mon")
	f.Add("24:00 Jan")
	f.Add("1/1/1 1:1 pm GMT+")
	f.Fuzz(func(t *testing.T, s string) {
		first, ok := parseWrittenFeedTime(s)
		again, ok2 := parseWrittenFeedTime(s)
		if ok != ok2 || !first.Equal(again) {
			t.Errorf("%q read as %v, %v then %v, %v", s, first, ok, again, ok2)
		}
	})
}
