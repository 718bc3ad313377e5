package catalog

import "testing"

func TestThemeName(t *testing.T) {
	for _, tc := range []struct {
		id   ThemeID
		want string
	}{
		{Coping, "Headspace"},
		{Affiliation, "Company"},
		{"retired-theme", "retired-theme"},
	} {
		if got := ThemeName(tc.id); got != tc.want {
			t.Errorf("ThemeName(%q) = %q, want %q", tc.id, got, tc.want)
		}
	}
}
