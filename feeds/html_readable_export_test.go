package feeds

// LegacyHTMLFile reads an HTML file as tidings read one before it read
// pages as a reader view does (legacyHTMLPage), for the tests of package
// feeds_test.
func LegacyHTMLFile(data []byte) (Article, error) {
	art, err := legacyHTMLPage(htmlUTF8(trimBOM(data)), "")
	if err == nil {
		Normalize(&art)
	}
	return art, err
}
