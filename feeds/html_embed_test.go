package feeds

import "testing"

// TestHTMLPicturesAndEmbeds: pictures linked to their larger selves, lazily
// loaded pictures, embedded players and video or audio elements all leave
// a link to what they show, never nothing.
func TestHTMLPicturesAndEmbeds(t *testing.T) {
	const base = "https://blog.example/post/1"
	tests := map[string]struct{ in, want string }{
		"a linked picture without alt": {
			`<p><a href="/full.jpg"><img src="/thumb.jpg" alt=""></a></p><p>A phone, in a hand.</p>`,
			"[image](https://blog.example/full.jpg)\n\nA phone, in a hand.",
		},
		"a linked picture in <picture>": {
			`<a href="https://cdn.example/big.jpg"><picture><source srcset="x.webp"><img alt="" src="https://cdn.example/small.jpg"></picture></a>`,
			"[image](https://cdn.example/big.jpg)",
		},
		"a linked picture with alt": {
			`<a href="/full.jpg"><img src="/thumb.jpg" alt="The harbour"></a>`,
			"[The harbour](https://blog.example/full.jpg)",
		},
		"a link with words and a picture": {
			`<a href="/p">Read on <img src="/arrow.png" alt=""></a>`,
			"[Read on](https://blog.example/p)",
		},
		"a lazily loaded picture": {
			`<p>Lazy: <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="https://cdn.example/real.jpg" alt="real photo"></p>`,
			"Lazy: [real photo](https://cdn.example/real.jpg)",
		},
		"a picture known by its srcset": {
			`<img srcset="/a-480.jpg 480w, /a-800.jpg 800w" alt="A">`,
			"[A](https://blog.example/a-480.jpg)",
		},
		"a lazily loaded picture with a placeholder file": {
			`<img data-lazy-src="/i/real.jpg" src="/i/placeholder.svg" alt="Lazy two">`,
			"[Lazy two](https://blog.example/i/real.jpg)",
		},
		"a srcset with commas in its addresses": {
			`<img srcset="https://res.example/upload/w_400,h_300,c_fill/harbour.jpg 400w, https://res.example/upload/w_800,h_600,c_fill/harbour.jpg 800w" alt="Harbour">`,
			"[Harbour](https://res.example/upload/w_400,h_300,c_fill/harbour.jpg)",
		},
		"a srcset with a data: placeholder first": {
			`<img srcset="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7 1w, /real.jpg 800w" alt="Harbour">`,
			"[Harbour](https://blog.example/real.jpg)",
		},
		"a lazy srcset": {
			`<img src="/i/spinner.gif" data-srcset="/i/a-400.jpg 400w, /i/a-800.jpg 800w" alt="Lazy">`,
			"[Lazy](https://blog.example/i/a-400.jpg)",
		},
		"a player in a table cell": {
			`<table><tr><th>Day</th><th>Clip</th></tr><tr><td>Mon</td><td><video src="/mon.mp4"></video></td></tr></table>`,
			"| Day | Clip                                  |\n|-----|---------------------------------------|\n| Mon | [video](https://blog.example/mon.mp4) |",
		},
		"a lazy source that is a script": {
			`<p>x <img data-src="javascript:alert(1)" alt="no"></p>`,
			"x",
		},
		"an embedded player": {
			`<p>Watch:</p><iframe src="https://www.youtube.com/embed/abc" width="560"></iframe>`,
			"Watch:\n\n[embedded: www.youtube.com](https://www.youtube.com/embed/abc)",
		},
		"an embedded player with a title": {
			`<iframe title="Rust in 100 seconds" src="//www.youtube.com/embed/abc"></iframe>`,
			"[Rust in 100 seconds](https://www.youtube.com/embed/abc)",
		},
		"a video with sources and fallback text": {
			`<video controls poster="/p.jpg"><source src="/v.webm" type="video/webm"><source src="/v.mp4">Your browser does not support video.</video>`,
			"[video](https://blog.example/v.webm)",
		},
		"an audio element": {
			`<audio src="/ep.mp3">No audio for you.</audio>`,
			"[audio](https://blog.example/ep.mp3)",
		},
		"a frame without an address": {
			`<p>a</p><iframe srcdoc="<p>x</p>"></iframe><video>Nothing.</video>`,
			"a",
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := HTMLToMarkdown(tc.in, base)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("HTMLToMarkdown(%q)\n = %q\nwant %q", tc.in, got, tc.want)
			}
			checkTerminalSafe(t, name, got)
		})
	}
}

// TestHTMLScripts: superscripts and subscripts are read as the words they
// are part of, so that a search for CO2, H2O or 21st finds them.
func TestHTMLScripts(t *testing.T) {
	tests := map[string]string{
		`<p>Global CO<sub>2</sub> and H<sub>2</sub>O</p>`: "Global CO2 and H2O",
		`<p>the 21<sup>st</sup> century</p>`:              "the 21st century",
		`<p>A claim.<sup><a href="#fn1">1</a></sup></p>`:  "A claim.1",
	}
	for in, want := range tests {
		got, err := HTMLToMarkdown(in, "https://blog.example/")
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("HTMLToMarkdown(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestHTMLTableCellBreaks: a line break in a table's cell keeps the cells
// apart and the table whole.
func TestHTMLTableCellBreaks(t *testing.T) {
	in := `<table><tr><th>Team</th><th>Score</th></tr><tr><td>Ajax<br>Amsterdam</td><td>3</td></tr><tr><td>PSV</td><td>1</td></tr></table>`
	got, err := HTMLToMarkdown(in, "")
	if err != nil {
		t.Fatal(err)
	}
	want := "| Team           | Score |\n|----------------|-------|\n| Ajax Amsterdam | 3     |\n| PSV            | 1     |"
	if got != want {
		t.Errorf("HTMLToMarkdown = %q, want %q", got, want)
	}
}
