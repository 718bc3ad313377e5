package catalog

// Marked returns the sentence with each trigger passed through mark, such
// as a style that highlights it, and the rest left as it is. Spans that
// overlap or fall outside the sentence are skipped rather than trusted.
func (e Evidence) Marked(mark func(string) string) string {
	out := make([]byte, 0, len(e.Sentence)+16)
	at := 0
	for _, sp := range e.Triggers {
		if sp.Start < at || sp.End > len(e.Sentence) || sp.Start >= sp.End {
			continue
		}
		out = append(out, e.Sentence[at:sp.Start]...)
		out = append(out, mark(e.Sentence[sp.Start:sp.End])...)
		at = sp.End
	}
	return string(append(out, e.Sentence[at:]...))
}

// ValueName names a chosen value: the runner's own name for it when they
// wrote one, else the catalog's, else its ID.
func ValueName(id, own string) string {
	if own != "" {
		return own
	}
	if v, ok := LookupValue(id); ok {
		return v.Name
	}
	return id
}
