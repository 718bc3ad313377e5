package detect

import (
	"fmt"
	"strings"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/workbook"
)

// Scoring. What a coach judges is a theme read one way: "drawn to
// competition" and "would rather not compete" are different findings, and
// proposing one when the runner said the other is two mistakes, not half
// a success. So every evaluation scores 24 classes, each theme with each
// polarity, and reports beside them the theme-only figure (the theme
// found, whichever way) that earlier rounds quoted.
//
//   - A prediction (theme, polarity) is a true positive of its class when
//     the label has that theme with that polarity; otherwise a false
//     positive of its class. A gold (theme, polarity) not predicted that
//     way is a false negative of its class; so a flipped polarity is a
//     false positive of one class and a false negative of the other.
//   - The macro F1 is the mean F1 over the classes with at least one gold
//     example in the set. A class with predictions but no gold example
//     (weight "-" in a set with no weight aversions) has no recall to
//     measure and is left out of the macro mean; its false positives are
//     not forgiven: they count in the micro F1, in the aversion precision
//     when the class is an aversion, and in the theme-only figure, and the
//     table lists the class with its false positives.
//   - The micro F1 pools the counts of all 24 classes.
//   - Aversion precision and recall pool the twelve "rather not" classes.
//   - Theme-only: a prediction of a labelled theme is right whichever way
//     it points; the macro is over the themes with a gold example.

// evalCounts is one class's counts.
type evalCounts struct{ gold, pred, tp, fp, fn int }

func (c evalCounts) scores() (p, r, f1 float64) {
	if c.tp+c.fp > 0 {
		p = float64(c.tp) / float64(c.tp+c.fp)
	}
	if c.tp+c.fn > 0 {
		r = float64(c.tp) / float64(c.tp+c.fn)
	}
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, f1
}

func (c *evalCounts) plus(o evalCounts) {
	c.gold += o.gold
	c.pred += o.pred
	c.tp += o.tp
	c.fp += o.fp
	c.fn += o.fn
}

// evalScore is the counts of one run over a set of statements.
type evalScore struct {
	n     int
	class [nThemes][2]evalCounts // [theme][0 toward, 1 away]
	theme [nThemes]evalCounts    // the theme found, either way
}

// add scores one statement's predictions against its labels.
func (s *evalScore) add(labels map[string]string, pred map[catalog.ThemeID]workbook.Polarity) {
	s.n++
	for th, pol := range pred {
		i := themeIndex(th)
		side := sideOf(pol)
		c := &s.class[i][side]
		c.pred++
		s.theme[i].pred++
		gold, ok := labels[string(th)]
		if ok && gold == pol.String() {
			c.tp++
		} else {
			c.fp++
		}
		if ok {
			s.theme[i].tp++
		} else {
			s.theme[i].fp++
		}
	}
	for th, gold := range labels {
		i := themeIndex(catalog.ThemeID(th))
		side := 0
		if gold == "-" {
			side = 1
		}
		c := &s.class[i][side]
		c.gold++
		s.theme[i].gold++
		p, ok := pred[catalog.ThemeID(th)]
		if !ok || sideOf(p) != side {
			c.fn++
		}
		if !ok {
			s.theme[i].fn++
		}
	}
}

// macro is the mean F1 over the 24 classes with a gold example.
func (s *evalScore) macro() float64 {
	sum, n := 0.0, 0
	for th := range nThemes {
		for side := range 2 {
			if c := s.class[th][side]; c.gold > 0 {
				_, _, f := c.scores()
				sum += f
				n++
			}
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// themeMacro is the mean theme-only F1 over the themes with a gold example.
func (s *evalScore) themeMacro() float64 {
	sum, n := 0.0, 0
	for th := range nThemes {
		if c := s.theme[th]; c.gold > 0 {
			_, _, f := c.scores()
			sum += f
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// pooled adds up the classes of the given sides (0 toward, 1 away).
func (s *evalScore) pooled(sides ...int) evalCounts {
	var c evalCounts
	for th := range nThemes {
		for _, side := range sides {
			c.plus(s.class[th][side])
		}
	}
	return c
}

// micro is the F1 of all 24 classes pooled.
func (s *evalScore) micro() float64 {
	c := s.pooled(0, 1)
	_, _, f := c.scores()
	return f
}

// aversion is the precision and recall of "rather not", pooled.
func (s *evalScore) aversion() (p, r float64) {
	c := s.pooled(1)
	p, r, _ = c.scores()
	return p, r
}

// String is the summary line.
func (s *evalScore) String() string {
	ap, ar := s.aversion()
	return fmt.Sprintf("macro F1 %.3f (24 classes), theme-only %.3f, micro %.3f, aversion P %.3f R %.3f",
		s.macro(), s.themeMacro(), s.micro(), ap, ar)
}

// table lists every class with a gold example or a prediction.
func (s *evalScore) table() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-14s %5s %5s %4s %4s %4s %6s %6s %6s\n", "class", "gold", "pred", "tp", "fp", "fn", "P", "R", "F1")
	for th := range nThemes {
		for side := range 2 {
			c := s.class[th][side]
			if c.gold == 0 && c.pred == 0 {
				continue
			}
			name := string(themes[th].ID) + polOf(side).String()
			p, r, f := c.scores()
			if c.gold == 0 {
				fmt.Fprintf(&b, "%-14s %5d %5d %4d %4d %4d %6.3f %6s %6s  (no gold: not in the macro)\n", name, c.gold, c.pred, c.tp, c.fp, c.fn, p, "", "")
				continue
			}
			fmt.Fprintf(&b, "%-14s %5d %5d %4d %4d %4d %6.3f %6.3f %6.3f\n", name, c.gold, c.pred, c.tp, c.fp, c.fn, p, r, f)
		}
	}
	toward, away := s.pooled(0), s.pooled(1)
	for _, x := range []struct {
		name string
		c    evalCounts
	}{{"all +", toward}, {"all -", away}} {
		p, r, f := x.c.scores()
		fmt.Fprintf(&b, "%-14s %5d %5d %4d %4d %4d %6.3f %6.3f %6.3f\n", x.name, x.c.gold, x.c.pred, x.c.tp, x.c.fp, x.c.fn, p, r, f)
	}
	b.WriteString(s.String())
	return b.String()
}
