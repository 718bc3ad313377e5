// Package seasons is the logic of coming back, pure Go: how long the
// runner has been away in words ("three weeks"), what is resting and due
// for another look, which small goals wait to be looked back on, the
// weekly loop's calm sentences ("2 of 3 done — try again this week?"), a
// goal's history read as a short diary, and what changed from one season
// to the next in plain sentences ("Headspace is new this season;
// Competition faded").
//
// It imports neither bbolt nor Bubble Tea: the welcome screen, the goal
// board, the comparison view and `cairn status` all say what it works
// out, so they always say the same. Weeks are the journal's
// (journal.WeekOf).
package seasons
