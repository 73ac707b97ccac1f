package feeds

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// timeLayouts are the date forms read from front matter, HTML meta tags and
// JSON, most precise first. Times without a zone are UTC. None has a zone
// abbreviation: Go reads one it does not know as UTC, so parseTime reads
// abbreviations itself (zoneOffsets).
var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02",
	time.RFC1123Z,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05",
	"Mon, 2 Jan 2006 15:04",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05",
	"2 Jan 2006 15:04",
	time.RFC822Z,
	"02 Jan 06 15:04",
	"2 January 2006",
	"2 Jan 2006",
	"January 2, 2006",
	"Jan 2, 2006",
}

// zoneOffsets are the time-zone abbreviations parseTime reads, in seconds
// east of UTC. Where one names several zones, it is the one RFC 822 or
// most English-language news means: CST is US Central, IST India, BST
// British Summer Time.
var zoneOffsets = map[string]int{
	"UTC": 0, "UT": 0, "GMT": 0, "Z": 0,
	"EST": -5 * 3600, "EDT": -4 * 3600,
	"CST": -6 * 3600, "CDT": -5 * 3600,
	"MST": -7 * 3600, "MDT": -6 * 3600,
	"PST": -8 * 3600, "PDT": -7 * 3600,
	"AKST": -9 * 3600, "AKDT": -8 * 3600,
	"HST": -10 * 3600,
	"AST": -4 * 3600, "ADT": -3 * 3600, // Atlantic
	"NST": -(3*3600 + 1800), "NDT": -(2*3600 + 1800), // Newfoundland
	"WET": 0, "WEST": 1 * 3600,
	"BST": 1 * 3600, "IST": 5*3600 + 1800,
	"CET": 1 * 3600, "CEST": 2 * 3600,
	"EET": 2 * 3600, "EEST": 3 * 3600,
	"MSK": 3 * 3600,
	"PKT": 5 * 3600,
	"ICT": 7 * 3600, "WIB": 7 * 3600,
	"SGT": 8 * 3600, "HKT": 8 * 3600, "AWST": 8 * 3600, "PHT": 8 * 3600,
	"JST": 9 * 3600, "KST": 9 * 3600,
	"ACST": 9*3600 + 1800, "ACDT": 10*3600 + 1800,
	"AEST": 10 * 3600, "AEDT": 11 * 3600,
	"NZST": 12 * 3600, "NZDT": 13 * 3600,
	"SAST": 2 * 3600, "CAT": 2 * 3600, "EAT": 3 * 3600, "WAT": 1 * 3600,
	"MEZ": 1 * 3600, "MESZ": 2 * 3600, // German: CET and CEST
}

// laterZones are the abbreviations of zoneOffsets read since the ids of
// entries and files known by their date were made: a date that names one
// was undated (or, read by the feed parser, at 0) then, and its id is made
// of what was read then (parseFeedTime, formerTime).
var laterZones = map[string]bool{"MEZ": true, "MESZ": true}

// inLaterZone reports whether t was read at the offset of one of
// laterZones, its abbreviation having given the date its zone.
func inLaterZone(t time.Time) bool {
	name, _ := t.Zone()
	return laterZones[name]
}

// monthNames are the names of the months in the languages feeds are
// written in, a language (or several that spell alike) a line: January to
// December, a month's spellings separated by "/", those of English left to
// its line. They are read whatever their case, accents or trailing dot
// (nameFold), and only where every language that has a spelling means the
// same month by it (namesByPlace).
var monthNames = []string{
	// English
	"january/jan february/feb march/mar april/apr may june/jun july/jul august/aug september/sep/sept october/oct november/nov december/dec",
	// German
	"januar/jänner/jän februar/feber märz/mär/mrz april mai juni juli august september oktober/okt november dezember/dez",
	// French
	"janvier/janv février/févr/fév mars avril/avr mai juin juillet/juil août/aoû septembre/sept octobre novembre décembre/déc",
	// Spanish
	"enero/ene febrero marzo abril/abr mayo junio julio agosto/ago septiembre/setiembre/set octubre noviembre diciembre/dic",
	// Italian
	"gennaio/gen febbraio marzo aprile maggio/mag giugno/giu luglio/lug agosto settembre ottobre/ott novembre dicembre",
	// Portuguese
	"janeiro fevereiro/fev março abril maio/mai junho julho agosto setembro outubro/out novembro dezembro/dez",
	// Dutch
	"januari februari maart/mrt/maa april mei juni juli augustus september oktober november december",
	// Catalan
	"gener febrer/febr març abril maig juny juliol agost/ag setembre octubre novembre desembre/des",
	// Swedish, Danish, Norwegian
	"januari/januar februari/februar mars/marts april maj/mai juni juli augusti/august september oktober november december/desember/des",
	// Romanian
	"ianuarie/ian februarie martie aprilie mai iunie/iun iulie/iul august septembrie octombrie noiembrie/noi decembrie",
	// Indonesian, Malay
	"januari februari maret/mac april mei juni juli/julai agustus/ogos/agu/agt/ags september oktober november desember/dis",
	// Turkish
	"ocak/oca şubat/şub mart nisan/nis mayıs haziran/haz temmuz/tem ağustos/ağu eylül/eyl ekim/eki kasım/kas aralık/ara",
	// Hungarian
	"január február március/márc/már április/ápr május/máj június/jún július/júl augusztus szeptember/szept október november december",
	// Greek
	"ιανουαρίου/ιαν φεβρουαρίου/φεβ μαρτίου/μαρ απριλίου/απρ μαΐου/μαΐ/μάι/μαϊ ιουνίου/ιουν/ιον ιουλίου/ιουλ/ιολ αυγούστου/αυγ σεπτεμβρίου/σεπ/σεπτ οκτωβρίου/οκτ νοεμβρίου/νοε δεκεμβρίου/δεκ",
	// Russian
	"января/январь/янв февраля/февраль/фев марта/март/мар апреля/апрель/апр мая/май июня/июнь/июн июля/июль/июл августа/август/авг сентября/сентябрь/сен/сент октября/октябрь/окт ноября/ноябрь/ноя/нояб декабря/декабрь/дек",
	// Ukrainian
	"січня/січень/січ лютого/лютий/лют березня/березень/бер квітня/квітень/квіт травня/травень/трав червня/червень/черв липня/липень/лип серпня/серпень/серп вересня/вересень/вер жовтня/жовтень/жовт листопада/листопад/лист грудня/грудень/груд",
}

// weekdayNames are the names of the days of the week, Sunday to
// Saturday, as monthNames are of the months. A leading day name is cut off
// a date whether it is among them or not; they say which day it names,
// which tells a numeric date's day from its month ("Sat, 11 04 2020").
var weekdayNames = []string{
	// English
	"sunday/sun monday/mon tuesday/tue/tues wednesday/wed thursday/thu/thur/thurs friday/fri saturday/sat",
	// German
	"sonntag/so montag/mo dienstag/di mittwoch/mi donnerstag/do freitag/fr samstag/sonnabend/sa",
	// French
	"dimanche/dim lundi/lun mardi/mar mercredi/mer jeudi/jeu vendredi/ven samedi/sam",
	// Spanish
	"domingo/dom/do lunes/lun/lu martes/mar/ma miércoles/mié/mi jueves/jue/ju viernes/vie/vi sábado/sáb/sa",
	// Italian
	"domenica/dom lunedì/lun martedì/mar mercoledì/mer giovedì/gio venerdì/ven sabato/sab",
	// Portuguese
	"domingo/dom segunda-feira/segunda/seg terça-feira/terça/ter quarta-feira/quarta/qua quinta-feira/quinta/qui sexta-feira/sexta/sex sábado/sáb",
	// Dutch
	"zondag/zo maandag/ma dinsdag/di woensdag/wo donderdag/do vrijdag/vr zaterdag/za",
	// Catalan
	"diumenge/dg dilluns/dl dimarts/dt dimecres/dc dijous/dj divendres/dv dissabte/ds",
	// Swedish, Danish, Norwegian
	"söndag/søndag/sön/søn måndag/mandag/mån/man tisdag/tirsdag/tis/tir onsdag/ons torsdag/tors/tor fredag/fre lördag/lørdag/lör/lør",
	// Romanian
	"duminică/dum luni/lun marți/mar miercuri/mie joi vineri/vin sâmbătă/sâm",
	// Indonesian, Malay
	"minggu/ahad/min senin/isnin/sen selasa/sel rabu/rab kamis/khamis/kam jumat/jumaat/jum sabtu/sab",
	// Turkish
	"pazar/paz pazartesi/pzt salı/sal çarşamba/çar perşembe/per cuma/cum cumartesi/cmt",
	// Hungarian
	"vasárnap/vas hétfő/hét kedd/ked szerda/sze csütörtök/csüt/csü péntek/pén szombat/szo",
	// Greek
	"κυριακή/κυρ δευτέρα/δευ τρίτη/τρι τετάρτη/τετ πέμπτη/πεμ παρασκευή/παρ σάββατο/σαβ",
	// Russian
	"воскресенье/вс/вск понедельник/пн/пнд вторник/вт среда/ср четверг/чт пятница/пт суббота/сб",
	// Ukrainian
	"неділя/нд понеділок/пн вівторок/вт середа/ср четвер/чт пʼятниця/п'ятниця/пт субота/сб",
}

// monthByName and weekdayByName are monthNames and weekdayNames by
// spelling: a month's number less one, a day's time.Weekday.
var (
	monthByName   = namesByPlace(monthNames)
	weekdayByName = namesByPlace(weekdayNames)
)

// namesByPlace maps each spelling in tables (lines of names separated by
// spaces, a name's spellings by "/") to the place of its name in its line,
// folded as nameFold folds it. A spelling two lines put in different
// places is left out: a date that has it is left unread rather than read
// as the wrong month.
func namesByPlace(tables []string) map[string]int {
	places, clashes := map[string]int{}, map[string]bool{}
	for _, line := range tables {
		for place, name := range strings.Fields(line) {
			for _, spelling := range strings.Split(name, "/") {
				key := nameFold(spelling)
				if p, ok := places[key]; ok && p != place {
					clashes[key] = true
				}
				places[key] = place
			}
		}
	}
	for key := range clashes {
		delete(places, key)
	}
	return places
}

// nameFold is a month's or a day's name as it is looked up: in lower
// case, without accents ("Mär" is "mar", "déc." "dec") or a trailing dot.
func nameFold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(strings.TrimSuffix(s, "."))) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// parseTime reads a date or time in one of timeLayouts, optionally followed
// by a time-zone abbreviation of zoneOffsets ("Tue, 05 Mar 2024 23:30:00
// EST") and an RFC 5322 comment ("-0500 (EST)", read as cutComment says).
// It also reads an offset after "GMT" or "UTC" ("GMT+1", gmtOffsetZone)
// and the ISO 8601 forms RFC 3339 lacks that sites write ("2017-11-16T14:15+0000",
// "2020-11-11 12:00:00.000-0600", "20201111T120000Z": parseISOTime).
// It fails on an abbreviation it does not know, rather than take the time
// for UTC, and on a time in the year 1 or before: 0001-01-01 is what a
// program writes for a date it does not know.
func parseTime(s string) (time.Time, bool) { return readTime(s, true) }

// formerTime is parseTime as tidings read dates before it read offsets
// from GMT, the ISO 8601 forms of parseISOTime and the abbreviations of
// laterZones: the ids of files without one were made of that reading.
func formerTime(s string) (time.Time, bool) { return readTime(s, false) }

// readTime is parseTime, and with later false formerTime.
func readTime(s string, later bool) (time.Time, bool) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return time.Time{}, false
	}
	t, ok := parseCommented(s, func(s string) (time.Time, bool) {
		if t, ok := parseLayouts(s); ok {
			return t, true
		}
		if t, ok := parseZoned(s); ok || !later {
			return t, ok
		}
		if z, ok := gmtOffsetZone(s); ok {
			return parseLayouts(z)
		}
		return parseISOTime(s)
	})
	if !ok || t.UTC().Year() <= 1 || !later && inLaterZone(t) {
		return time.Time{}, false
	}
	return t, true
}

// gmtOffset is a zone written as an offset from "GMT", "UTC" or "UT", of
// hours ("GMT+1", "UTC-10"), or hours and minutes ("GMT+0530",
// "GMT+05:30"). Go reads "GMT+1" under a zone abbreviation's layout as
// GMT, and so does the feed parser.
var gmtOffset = regexp.MustCompile(`(?i)^(?:GMT|UTC|UT)([+-])(\d{1,2})(?::?(\d{2}))?$`)

// gmtOffsetZone is s, a date with its spaces folded, with its last word,
// an offset from GMT (gmtOffset), written as a numeric offset: "Mon, 04
// Mar 2024 10:00:00 GMT+1" is "Mon, 04 Mar 2024 10:00:00 +0100". ok says
// s ends with one.
func gmtOffsetZone(s string) (string, bool) {
	i := strings.LastIndexByte(s, ' ') + 1
	m := gmtOffset.FindStringSubmatch(s[i:])
	if m == nil {
		return s, false
	}
	hours, _ := strconv.Atoi(m[2])
	minutes, _ := strconv.Atoi(m[3])
	if hours > 14 || minutes > 59 {
		return s, false
	}
	return fmt.Sprintf("%s%s%02d%02d", s[:i], m[1], hours, minutes), true
}

// parseCommented reads s with parse, a trailing RFC 5322 comment ("+0100
// (CET)") set aside: a date that gives its zone is read without it, one
// that gives none takes the zone the comment names ("10:00:00 (CET)"),
// when the comment is an abbreviation of zoneOffsets, rather than be read
// as UTC.
func parseCommented(s string, parse func(string) (time.Time, bool)) (time.Time, bool) {
	rest, comment := cutComment(s)
	if rest == "" {
		return time.Time{}, false
	}
	if comment != "" {
		if t, ok := parseZonedWith(rest+" "+comment, parse); ok {
			return t, true
		}
	}
	return parse(rest)
}

// cutComment cuts a trailing parenthesised comment off s, a date with its
// spaces folded: "Tue, 5 Mar 2024 10:00:00 +0100 (CET)" is
// "Tue, 5 Mar 2024 10:00:00 +0100" and "CET".
func cutComment(s string) (rest, comment string) {
	if !strings.HasSuffix(s, ")") {
		return s, ""
	}
	i := strings.LastIndexByte(s, '(')
	if i < 0 {
		return s, ""
	}
	return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1 : len(s)-1])
}

// parseLayouts reads s in the first of timeLayouts that fits it.
func parseLayouts(s string) (time.Time, bool) {
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// parseZoned reads a date and time without a zone followed by a zone
// abbreviation.
func parseZoned(s string) (time.Time, bool) { return parseZonedWith(s, parseLayouts) }

// parseZonedWith is parseZoned, the date and time read by parse.
func parseZonedWith(s string, parse func(string) (time.Time, bool)) (time.Time, bool) {
	i := strings.LastIndexByte(s, ' ')
	if i < 0 || !isLetters(s[i+1:]) {
		return time.Time{}, false
	}
	offset, ok := zoneOffsets[strings.ToUpper(s[i+1:])]
	if !ok {
		return time.Time{}, false
	}
	t, ok := parse(s[:i])
	if !ok || t.Location() != time.UTC {
		return time.Time{}, false // no date, or a zone already
	}
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(),
		time.FixedZone(strings.ToUpper(s[i+1:]), offset)), true
}

// isLetters reports whether s is ASCII letters only.
func isLetters(s string) bool {
	for _, c := range []byte(s) {
		if (c < 'A' || c > 'Z') && (c < 'a' || c > 'z') {
			return false
		}
	}
	return s != ""
}
