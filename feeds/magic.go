package feeds

// magicSize is how much of a file's start kindOfContent looks at: a tar
// archive says so at byte 257.
const magicSize = 512

// kindOfContent is the kind of file head, a file's first bytes, is by the
// magic number it starts with (a gzip archive named ".txt", a PNG image
// named ".md"), or -1 when it has none of those. what names it when that
// says more than its kind ("a gzip archive"), and undo says how to get at
// what it holds ("gunzip it first"); both may be "".
func kindOfContent(head []byte) (k kind, what, undo string) {
	has := func(at int, sig string) bool {
		return len(head) >= at+len(sig) && string(head[at:at+len(sig)]) == sig
	}
	// Signatures of letters alone are followed by a binary header (sizes,
	// versions) that text has not.
	binary := func(at int) bool { return hasBinaryByte(head[min(at, len(head)):min(at+16, len(head))]) }
	switch {
	case has(0, "\x1f\x8b"):
		return kindArchive, "a gzip archive", "gunzip it first"
	case has(0, "PK\x03\x04") || has(0, "PK\x05\x06"):
		switch {
		case has(30, "mimetypeapplication/epub+zip"):
			return kindBook, "", ""
		case has(30, "mimetypeapplication/vnd.oasis.opendocument") || has(30, "[Content_Types].xml"):
			return kindOffice, "", ""
		}
		return kindArchive, "a zip archive", "unzip it first"
	case has(0, "BZh") && len(head) >= 10 && head[3] >= '1' && head[3] <= '9' && has(4, "1AY&SY"):
		return kindArchive, "a bzip2 archive", "bunzip2 it first"
	case has(0, "\xfd7zXZ\x00"):
		return kindArchive, "an xz archive", "unxz it first"
	case has(0, "\x28\xb5\x2f\xfd"):
		return kindArchive, "a zstd archive", "unzstd it first"
	case has(0, "7z\xbc\xaf\x27\x1c"):
		return kindArchive, "a 7z archive", "extract it first"
	case has(0, "Rar!\x1a\x07"):
		return kindArchive, "a RAR archive", "extract it first"
	case has(257, "ustar\x00") || has(257, "ustar  \x00"):
		return kindArchive, "a tar archive", "extract it with tar -xf first"
	case has(0, "%PDF-") && len(head) >= 9 && isDigit(head[5]) && head[6] == '.' && isDigit(head[7]) &&
		(head[8] == '\n' || head[8] == '\r'):
		return kindPDF, "", ""
	case has(0, "SQLite format 3\x00"):
		return kindDatabase, "", ""
	case has(0, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"): // Word, Excel and PowerPoint before 2007
		return kindOffice, "", ""
	case has(0, "\x89PNG\r\n\x1a\n"), has(0, "\xff\xd8\xff"), has(0, "II*\x00"), has(0, "MM\x00*"),
		(has(0, "GIF87a") || has(0, "GIF89a")) && binary(6),
		has(0, "8BPS") && binary(4),
		has(0, "RIFF") && has(8, "WEBP") && binary(4),
		has(4, "ftyp") && (has(8, "heic") || has(8, "heix") || has(8, "mif1") || has(8, "avif")) && binary(0):
		return kindImage, "", ""
	case has(0, "\x1a\x45\xdf\xa3"), // Matroska, WebM
		has(0, "RIFF") && has(8, "AVI ") && binary(4),
		has(4, "ftyp") && !has(8, "M4A ") && binary(0): // MP4, QuickTime
		return kindVideo, "", ""
	case has(0, "OggS\x00"), has(0, "fLaC") && binary(4),
		has(0, "ID3") && len(head) >= 5 && head[3] >= 2 && head[3] <= 4 && head[4] == 0,
		has(0, "RIFF") && has(8, "WAVE") && binary(4),
		has(4, "ftypM4A ") && binary(0):
		return kindAudio, "", ""
	case has(0, "wOFF") && binary(4), has(0, "wOF2") && binary(4), has(0, "\x00\x01\x00\x00\x00"), has(0, "OTTO\x00"):
		return kindFont, "", ""
	case has(0, "\x7fELF"), has(0, "\xca\xfe\xba\xbe"), has(0, "\xcf\xfa\xed\xfe"), has(0, "\xce\xfa\xed\xfe"),
		has(0, "\xfe\xed\xfa\xce"), has(0, "\xfe\xed\xfa\xcf"), has(0, "\x00asm"):
		return kindProgram, "", ""
	}
	return -1, "", ""
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// hasBinaryByte reports whether b holds a byte that text has not: a
// control character other than white space.
func hasBinaryByte(b []byte) bool {
	for _, c := range b {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			return true
		}
	}
	return false
}

// contentReason says what head, a file's first bytes, is when its magic
// number tells it is not an article: "a gzip archive, not an article:
// gunzip it first"; else "".
func contentReason(head []byte) string {
	k, what, undo := kindOfContent(head)
	if k < 0 {
		return ""
	}
	if what == "" {
		what = kinds[k].one
	}
	reason := what + ", not an article"
	if undo != "" {
		reason += ": " + undo
	}
	return reason
}
