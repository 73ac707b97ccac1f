package marks

import "testing"

// TestFoldTag: names that differ only in case, in any script, are one
// name; the Turkish dotless ı is not i, and accents stay.
func TestFoldTag(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"Ukraine", "UKRAINE", true},
		{"\u00c9t\u00e9", "\u00e9t\u00e9", true},                                               // Été, été
		{"\u00dcn\u00efcode Tag", "\u00fcn\u00efcode tag", true},                               // Ünïcode
		{"\u00dcBER", "\u00fcber", true},                                                       // ÜBER, über
		{"\u0391\u0398\u0389\u039d\u0391", "\u03b1\u03b8\u03ae\u03bd\u03b1", true},             // ΑΘΉΝΑ, αθήνα
		{"\u039f\u0394\u039f\u03a3", "\u03bf\u03b4\u03bf\u03c2", true},                         // ΟΔΟΣ, οδος (final sigma)
		{"\u041c\u041e\u0421\u041a\u0412\u0410", "\u041c\u043e\u0441\u043a\u0432\u0430", true}, // МОСКВА, Москва
		{"\u01c4", "\u01c5", true},                                                             // DŽ, Dž
		{"\u017f", "S", true},                                                                  // long s
		{"\u212aelvin", "kelvin", true},                                                        // the Kelvin sign
		{"\u0130stanbul", "istanbul", true},
		{"\u0131", "i", false}, // dotless ı
		{"\u0131", "I", false},
		{"\u00e9t\u00e9", "ete", false}, // accents tell names apart
		{"stra\u00dfe", "strasse", false},
	}
	for _, tt := range tests {
		if got := FoldTag(tt.a) == FoldTag(tt.b); got != tt.same {
			t.Errorf("FoldTag(%+q) = %+q, FoldTag(%+q) = %+q; same %v, want %v", tt.a, FoldTag(tt.a), tt.b, FoldTag(tt.b), got, tt.same)
		}
	}
	for _, name := range []string{"ukraine", "\u00e9t\u00e9", "\u0131sparta", "\u03bf\u03b4\u03bf\u03c3"} {
		if got := FoldTag(name); got != name {
			t.Errorf("FoldTag(%+q) = %+q, want it as it is", name, got)
		}
	}
}
