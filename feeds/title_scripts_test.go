package feeds

import (
	"strings"
	"testing"
)

// TestTitleFromBodyInEveryScript: an article without a title is titled by
// its first sentence, whatever the script it is written in, and loses the
// full stop that ends it as an English one does.
func TestTitleFromBodyInEveryScript(t *testing.T) {
	tests := map[string]struct{ body, want string }{
		// English, as it always was.
		"english":                             {"The government approved the budget today. The finance minister said the deficit would shrink next year.", "The government approved the budget today"},
		"english question":                    {"Will the bridge reopen? Officials said it would.", "Will the bridge reopen?"},
		"english exclamation":                 {"It reopened! Crowds cheered.", "It reopened!"},
		"english digit":                       {"It rose by 5. 2024 was worse.", "It rose by 5"},
		"english decimal":                     {"It rose by 3.5 percent. Then fell.", "It rose by 3.5 percent"},
		"english lower case":                  {"It ended. and went on. Then stopped.", "It ended. and went on"},
		"english u.s.":                        {"U.S. officials said the talks failed. More follows.", "U.S. officials said the talks failed"},
		"english u.s. mid":                    {"Aid from the U.S. Army arrived. It helped.", "Aid from the U.S. Army arrived"},
		"english abbreviations":               {"Gen. Ingo Gerhartz spoke to Dr. Smith. Mr. Scholz did not.", "Gen. Ingo Gerhartz spoke to Dr. Smith"},
		"english initial":                     {"John F. Kennedy spoke. Crowds cheered.", "John F. Kennedy spoke"},
		"english e.g.":                        {"Missiles, e.g. Taurus, matter. They do.", "Missiles, e.g. Taurus, matter"},
		"english quotes":                      {`He said "a very serious matter." Then he left.`, `He said "a very serious matter."`},
		"english curly quotes":                {"He said “enough.” Then he left.", "He said “enough.”"},
		"english opening quote":               {"It was over. “Never again,” he said.", "It was over"},
		"english brackets":                    {"It was (mostly) done. (Then it was not.) Done.", "It was (mostly) done"},
		"english double stop":                 {"Wait.. What now?", "Wait.."},
		"english no end":                      {"A line without a stop", "A line without a stop"},
		"german":                              {"Die Straßenbahn in Zürich fährt nach der Störung wieder. Größere Verspätungen über Ostern erwartet.", "Die Straßenbahn in Zürich fährt nach der Störung wieder"},
		"turkish":                             {"İSTANBUL'DA DEPREM: Kandilli Rasathanesi'nin açıklamasına göre deprem 5,2 büyüklüğünde. Vatandaşlar sokağa döküldü.", "İSTANBUL'DA DEPREM: Kandilli Rasathanesi'nin açıklamasına göre deprem 5,2 büyüklüğünde"},
		"abbreviation before a caseless word": {"Mr. 김 spoke. Then left.", "Mr. 김 spoke"},
		"initialism before a caseless word":   {"The U.S. 대사관 opened. Good.", "The U.S. 대사관 opened"},
		"english, then a caseless sentence":   {"A library opened. 図書館が開館しました。", "A library opened"},

		// Scripts without capitals.
		"hebrew":                  {"הממשלה אישרה היום את התקציב. שר האוצר אמר כי הגירעון יקטן בשנה הבאה.", "הממשלה אישרה היום את התקציב"},
		"hebrew, then latin":      {"נפתחה חנות חדשה. iPhone נמכר בה.", "נפתחה חנות חדשה"},
		"hebrew question":         {"מתי תיפתח הספרייה? בשנה הבאה.", "מתי תיפתח הספרייה?"},
		"arabic":                  {"وافق البرلمان على الميزانية. وقال وزير المالية إن العجز سينخفض العام المقبل.", "وافق البرلمان على الميزانية"},
		"arabic question":         {"هل افتتحت المكتبة؟ نعم افتتحت.", "هل افتتحت المكتبة؟"},
		"urdu":                    {"حکومت نے بجٹ منظور کر لیا۔ وزیر خزانہ نے کہا کہ خسارہ کم ہوگا۔", "حکومت نے بجٹ منظور کر لیا"},
		"korean":                  {"서울시가 요금을 올렸다. 시민들은 반발했다.", "서울시가 요금을 올렸다"},
		"korean, then latin":      {"새 휴대폰이 나왔습니다. iPhone 판매가 시작됐습니다.", "새 휴대폰이 나왔습니다"},
		"japanese":                {"首相が辞任を表明。後任は来月決まる見通し。", "首相が辞任を表明"},
		"japanese, spaced":        {"開館しました。 市民は喜んでいます。", "開館しました"},
		"japanese decimal":        {"マグニチュードは6.8と推定されている。政府は対策本部を設置した。", "マグニチュードは6.8と推定されている"},
		"japanese quote":          {"彼は「ありがとう。」と言った。そして帰った。", "彼は「ありがとう。」と言った"},
		"japanese, a quote first": {"「行こう。」と彼は言った。皆が続いた。", "「行こう。」と彼は言った"},
		"japanese marks in a row": {"本当！？そうです。", "本当！？"},
		"japanese halfwidth stop": {"開館しました｡市民は喜んでいます｡", "開館しました"},
		"chinese":                 {"总理今天访问了上海。双方签署了合作协议。", "总理今天访问了上海"},
		"chinese exclamation":     {"北京今天天气很好！市民们在公园里散步。", "北京今天天气很好！"},
		"chinese question":        {"市民们在公园里散步吗？是的。", "市民们在公园里散步吗？"},
		"chinese, one sentence":   {"双方签署了合作协议。", "双方签署了合作协议"},
		"hindi":                   {"प्रधानमंत्री ने आज नई आर्थिक नीति की घोषणा की। इससे देश में निवेश बढ़ने की उम्मीद है।", "प्रधानमंत्री ने आज नई आर्थिक नीति की घोषणा की"},
		"hindi, spaced danda":     {"दिल्ली में बारिश हुई । लोग खुश हैं ।", "दिल्ली में बारिश हुई"},
		"hindi, one sentence":     {"दिल्ली में बारिश हुई।", "दिल्ली में बारिश हुई"},
		"sanskrit double danda":   {"धर्मक्षेत्रे कुरुक्षेत्रे समवेता युयुत्सवः॥ मामकाः पाण्डवाश्चैव।", "धर्मक्षेत्रे कुरुक्षेत्रे समवेता युयुत्सवः"},
		"hindi with a full stop":  {"दिल्ली में बारिश हुई. लोग खुश हैं.", "दिल्ली में बारिश हुई"},
		"thai":                    {"รัฐบาลอนุมัติงบประมาณ. รัฐมนตรีกล่าวว่า", "รัฐบาลอนุมัติงบประมาณ"},
		"greek question":          {"Τι θα γίνει με τις εκλογές; Ο πρωθυπουργός μίλησε σήμερα στη Βουλή.", "Τι θα γίνει με τις εκλογές;"},
		"greek question mark":     {"Τι θα γίνει με τις εκλογές\u037e Ο πρωθυπουργός μίλησε σήμερα στη Βουλή.", "Τι θα γίνει με τις εκλογές\u037e"},
		"greek full stop":         {"Ο πρωθυπουργός μίλησε σήμερα. Η αντιπολίτευση αντέδρασε.", "Ο πρωθυπουργός μίλησε σήμερα"},
		"ideographic ellipsis":    {"待って。。", "待って。。"},
		"a full stop alone":       {"。", "。"},
		"chinese, cut near 100":   {strings.Repeat("中", 99) + "，" + strings.Repeat("国", 20) + "。", strings.Repeat("中", 99) + "…"},
		"arabic, cut near 100":    {strings.Repeat("كلمة ", 19) + "كلمة، " + strings.Repeat("كلمة ", 5) + "نهاية.", strings.TrimSpace(strings.Repeat("كلمة ", 20)) + "…"},
		"english semicolon":       {"It rained; Nobody came. Then it stopped.", "It rained; Nobody came"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			if got := TitleFromBody(tt.body); got != tt.want {
				t.Errorf("TitleFromBody(%q)\n got %q\nwant %q", tt.body, got, tt.want)
			}
		})
	}
}

// TestImportedTitlesInEveryScript: a news text or a Markdown file without a
// title, imported, is titled by its first sentence in any script.
func TestImportedTitlesInEveryScript(t *testing.T) {
	tests := map[string]struct{ name, text, want string }{
		"hebrew text":      {"he.txt", "date 2024-06-09 (הארץ) הממשלה אישרה היום את התקציב. שר האוצר אמר כי הגירעון יקטן בשנה הבאה.\n\nהאופוזיציה מתחה ביקורת.\n", "הממשלה אישרה היום את התקציב"},
		"korean text":      {"ko.txt", "date 2024-06-06 (연합뉴스) 서울시는 오늘 대중교통 요금을 인상한다고 발표했으며 시민들은 이에 대해 강하게 반발하고 있는 것으로 알려졌다. 시는 다음 달부터 새 요금을 적용한다.\n\n시민단체는 반대 성명을 냈다.\n", "서울시는 오늘 대중교통 요금을 인상한다고 발표했으며 시민들은 이에 대해 강하게 반발하고 있는 것으로 알려졌다"},
		"japanese text":    {"ja2.txt", "date 2024-06-11 (共同) 首相が辞任を表明。後任は来月決まる見通し。\n", "首相が辞任を表明"},
		"chinese text":     {"zh.txt", "date 2024-06-02 (Xinhua) 中国国家主席今天在北京人民大会堂会见了来访的日本首相双方就两国关系以及地区和国际问题深入交换了意见并一致同意加强在经济贸易科技文化等领域的合作。会谈结束后双方签署了多项合作文件。\n\n新华社北京6月2日电。\n", "中国国家主席今天在北京人民大会堂会见了来访的日本首相双方就两国关系以及地区和国际问题深入交换了意见并一致同意加强在经济贸易科技文化等领域的合作"},
		"hindi text":       {"hi.txt", "date 2024-06-05 (PTI) प्रधानमंत्री ने आज नई आर्थिक नीति की घोषणा की। इससे देश में निवेश बढ़ने की उम्मीद है और रोजगार के अवसर भी बढ़ेंगे।\n\nविपक्ष ने इसकी आलोचना की।\n", "प्रधानमंत्री ने आज नई आर्थिक नीति की घोषणा की"},
		"greek text":       {"el.txt", "date 2024-06-04 (ΕΡΤ) Τι θα γίνει με τις εκλογές; Ο πρωθυπουργός μίλησε σήμερα στη Βουλή για την οικονομία και τις μεταρρυθμίσεις που σχεδιάζει η κυβέρνηση.\n\nΗ αντιπολίτευση αντέδρασε έντονα.\n", "Τι θα γίνει με τις εκλογές;"},
		"arabic text":      {"ar2.txt", "date 2024-06-10 (العربية) وافق البرلمان على الميزانية. وقال وزير المالية إن العجز سينخفض العام المقبل.\n", "وافق البرلمان على الميزانية"},
		"english text":     {"en.txt", "date 2024-06-12 (AP) The government approved the budget today. The finance minister said the deficit would shrink next year.\n", "The government approved the budget today"},
		"korean markdown":  {"ko.md", "---\ndate: 2024-06-13\nsource: Yonhap\n---\n\n서울시가 요금을 올렸다. 시민들은 반발했다.\n", "서울시가 요금을 올렸다"},
		"chinese markdown": {"zh.md", "---\ndate: 2024-06-14\nsource: Xinhua\n---\n\n总理今天访问了上海。双方签署了合作协议。\n", "总理今天访问了上海"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			items := readString(t, tt.name, tt.text)
			if len(items) != 1 || items[0].Err != nil {
				t.Fatalf("items: %+v", items)
			}
			if got := items[0].Article.Title; got != tt.want {
				t.Errorf("title\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}
