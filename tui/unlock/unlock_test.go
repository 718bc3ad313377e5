package unlock

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

var errWrong = errors.New("wrong")

func typed(m tea.Model, s string) tea.Model {
	for _, r := range s {
		m, _ = m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return m
}

func enter(t *testing.T, m tea.Model) (tea.Model, tea.Cmd) {
	t.Helper()
	return m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
}

func view(m tea.Model) string { return ansi.Strip(m.(Model).render()) }

func sized(m Model) tea.Model {
	next, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 30})
	return next
}

func TestUnlockWrongThenRight(t *testing.T) {
	var tried []string
	m := sized(New(Options{Mode: Unlock, Path: "/data/cairn.db", Pause: time.Second,
		Unlock: func(p []byte) error {
			tried = append(tried, string(p))
			if string(p) != "river stones" {
				return errWrong
			}
			return nil
		},
		Wrong: func(err error) bool { return errors.Is(err, errWrong) },
	}, true))
	m = typed(m, "rover stones")
	if v := view(m); strings.Contains(v, "rover") || !strings.Contains(v, "kept private") {
		t.Fatalf("the passphrase shows, or the screen does not say why it asks:\n%s", v)
	}
	m, cmd := enter(t, m)
	if !strings.Contains(view(m), "Unlocking") || cmd == nil {
		t.Fatalf("no work after enter:\n%s", view(m))
	}
	m, pause := m.Update(cmd())
	if pause == nil || strings.Contains(view(m), "Take your time") {
		t.Fatal("a wrong passphrase is said at once, without the pause")
	}
	m, _ = m.Update(pausedMsg{})
	if v := view(m); !strings.Contains(v, "Take your time") {
		t.Fatalf("no calm word after the pause:\n%s", v)
	}
	m = typed(m, "river stones")
	m, cmd = enter(t, m)
	m, quit := m.Update(cmd())
	if !m.(Model).Unlocked() || quit == nil {
		t.Fatal("the right passphrase does not end the screen unlocked")
	}
	if strings.Join(tried, "|") != "rover stones|river stones" {
		t.Errorf("tried %q: the input was not cleared between tries", tried)
	}
}

func TestSetupAsksTwiceAndShowsTheKeyOnce(t *testing.T) {
	var got string
	m := sized(New(Options{Mode: Setup, MinLength: 8,
		Encrypt: func(p []byte) (string, error) { got = string(p); return "ABCD-EFGH", nil },
	}, true))
	if v := view(m); !strings.Contains(v, "every word in the workbook is lost") {
		t.Fatalf("setup does not say what losing it means:\n%s", v)
	}
	m, _ = enter(t, m)
	m = typed(m, "short")
	m, _ = enter(t, m)
	if v := view(m); !strings.Contains(v, "at least 8") {
		t.Fatalf("a short passphrase is taken:\n%s", v)
	}
	m, _ = m.Update(tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
	m = typed(m, " and more")
	m, _ = enter(t, m)
	m = typed(m, "something else")
	m, _ = enter(t, m)
	if v := view(m); !strings.Contains(v, "not the same") {
		t.Fatalf("two different passphrases are taken:\n%s", v)
	}
	m = typed(m, "hills at dusk")
	m, _ = enter(t, m)
	m = typed(m, "hills at dusk")
	m, cmd := enter(t, m)
	m, _ = m.Update(cmd())
	if got != "hills at dusk" {
		t.Errorf("encrypted with %q", got)
	}
	if v := view(m); !strings.Contains(v, "ABCD-EFGH") || !strings.Contains(v, "shown this once") {
		t.Fatalf("the recovery key is not shown:\n%s", v)
	}
	m, quit := enter(t, m)
	if !m.(Model).Unlocked() || quit == nil {
		t.Error("enter after the recovery key does not go on")
	}
}

func TestSetupShowsTheKeyEvenWhenACopyFails(t *testing.T) {
	m := sized(New(Options{Mode: Setup, MinLength: 1,
		Encrypt: func([]byte) (string, error) { return "ABCD-EFGH", errors.New("a copy beside it is not encrypted") },
	}, true))
	m, _ = enter(t, m)
	m = typed(m, "p")
	m, _ = enter(t, m)
	m = typed(m, "p")
	m, cmd := enter(t, m)
	if cmd == nil {
		t.Fatal("no work")
	}
	m, _ = m.Update(cmd())
	if v := view(m); !strings.Contains(v, "ABCD-EFGH") || !strings.Contains(v, "not encrypted") {
		t.Errorf("the recovery key or the failure is not shown:\n%s", v)
	}
}
