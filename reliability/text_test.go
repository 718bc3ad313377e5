package reliability

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/workbook"
)

// Suite part 7: any text. Each of these strings is saved and read back
// two ways: through the store, as an import or a command writes it, where
// every valid string comes back byte for byte and each invalid byte
// becomes U+FFFD (the JSON the records are kept in cannot hold it); and
// pasted into an answer in the workbook, where the text comes back as
// docs/workbook-file.md says a paste is kept (common.CleanPaste: CRLF and
// CR become LF, a tab four spaces, other control characters and invalid
// bytes are dropped), and the screen never draws a line wider than the
// window.
var oddStrings = []string{
	"plain words",
	"我跑步是为了清空头脑。",
	"走るのは頭を空っぽにするため",
	"달리기는 머리를 비우는 시간",
	"👩‍👩‍👧‍👦 family run",
	"🇳🇿🇯🇵 flags",
	"👋🏽 skin tone",
	"1️⃣ keycap",
	"✌️ variation selector",
	"e\u0301 combining acute",
	"Z̴̡̛̤͎a̵̧̱̓l̶̡̰̈́g̷̨̛͕o̴̬̊ text",
	"أركض لأصفّي ذهني",
	"אני רץ כדי לנקות את הראש",
	"mixed العربية and English",
	"\u202eright-to-left override",
	"zero\u200bwidth\u200cjoiners\u200d",
	"\ufeffbyte order mark",
	"invalid \xff\xfe bytes",
	"cut \xe2\x82 short",
	"surrogate \xed\xa0\x80 half",
	"overlong \xc0\xaf slash",
	"NUL a\x00b",
	"tab\there",
	"windows\r\nline\r\nends",
	"old mac\rline end",
	"form\ffeed",
	"escape \x1b[31mred\x1b[0m",
	"bell\a",
	"delete\x7f",
	"C1 \u0085 next line",
	"line\u2028separator",
	"paragraph\u2029separator",
	strings.Repeat("a", 3000),
	"   ",
	"\n\n\n",
	"  leading and trailing  ",
	"\U0010FFFF max rune",
	"\ue000 private use",
	"नमस्ते धावक",
	"สวัสดีนักวิ่ง",
	"வணக்கம்",
	"𝔘𝔫𝔦𝔠𝔬𝔡𝔢 maths",
	`"quoted" \ back\slash`,
	"<script>alert(1)</script>",
	"%s %v %d %!",
	"# heading\n---\n* list",
	"`code` and ```fences```",
	`{"kind":"answer","v":1}`,
	"null",
	strings.Repeat("I run before the house wakes. ", 300),
	`C:\Users\ana\runs`,
	"🏃‍♀️🏃🏿‍♂️⛰️",
	"ǅ title case, ß, İ, ﬁ ligature",
	"ｆｕｌｌｗｉｄｔｈ　ｓｐａｃｅ",
	"e\u0301\u0302\u0303\u0304\u0305 stacked marks",
}

// asStored is what the store gives back for s: the same, with each
// invalid byte as U+FFFD.
func asStored(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func TestOddTextThroughTheStore(t *testing.T) {
	if len(oddStrings) < 50 {
		t.Fatalf("only %d strings", len(oddStrings))
	}
	path := filepath.Join(t.TempDir(), "cairn.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	season, err := st.StartSeason("")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC()
	ids := map[string]string{}
	for i, s := range oddStrings {
		id := workbook.NewID(now.Add(time.Duration(i) * time.Millisecond))
		ids[id] = s
		if err := st.PutGoal(season.ID, workbook.Goal{ID: id, Tier: workbook.Small, Text: s, Created: now, Updated: now}); err != nil {
			t.Fatalf("goal %q: %v", s, err)
		}
		if err := st.PutEntry(workbook.Entry{ID: id, Day: workbook.DayOf(now), Metres: 1000, Note: s,
			Source: workbook.Source{Kind: workbook.Logged}, Created: now, Updated: now}); err != nil {
			t.Fatalf("entry %q: %v", s, err)
		}
	}
	if err := st.SaveAnswer(season.ID, workbook.Answer{Question: "big-dream", Text: strings.Join(oddStrings, "\n"), Updated: now}); err != nil {
		t.Fatal(err)
	}
	st.Close()

	r, err := store.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	wb, err := r.Workbook(season.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range wb.Goals {
		if want := asStored(ids[g.ID]); g.Text != want {
			t.Errorf("goal %q came back %q", want, g.Text)
		}
	}
	entries, _, err := r.JournalPage("", 1000, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if want := asStored(ids[e.ID]); e.Note != want {
			t.Errorf("note %q came back %q", want, e.Note)
		}
	}
	if got, want := wb.Answers["big-dream"].Text, asStored(strings.Join(oddStrings, "\n")); got != want {
		t.Errorf("the answer of every string came back different")
	}
	if len(wb.Goals) != len(oddStrings) || len(entries) != len(oddStrings) {
		t.Errorf("%d goals and %d runs came back of %d", len(wb.Goals), len(entries), len(oddStrings))
	}
	if report, err := store.Check(path, nil); err != nil || !report.Healthy() {
		t.Errorf("the check: %v %+v", err, report.Problems)
	}
}

func TestOddTextPastedIntoAnAnswer(t *testing.T) {
	for i, s := range oddStrings {
		path := filepath.Join(t.TempDir(), "cairn.db")
		st, err := store.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		d := newDriver(st, 80, 24)
		d.send(tea.KeyPressMsg{Code: tea.KeyEnter})
		d.send(tea.PasteMsg{Content: s})
		for range 20 {
			d.advance(50 * time.Millisecond)
		}
		for _, l := range strings.Split(d.view(), "\n") {
			if w := lipgloss.Width(l); w > 80 {
				t.Errorf("string %d: a line %d wide: %q", i, w, l)
			}
		}
		st.Close()
		r, err := store.OpenReadOnly(path)
		if err != nil {
			t.Fatal(err)
		}
		cur, err := r.CurrentSeason()
		if err != nil {
			t.Fatal(err)
		}
		wb, err := r.Workbook(cur.ID)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		if got, want := wb.Answers["numbers-or-feelings"].Text, common.CleanPaste(s); got != want {
			t.Errorf("string %d, %q, pasted, came back %q, want %q", i, s, got, want)
		}
	}
}
