// Package tui is cairn's terminal interface: a root model (root.go) that
// routes messages between the screens, each of which lives in a package of
// its own: welcome, reflection, values, themes, goals and summary, and
// beside them the journal (tui/journal) and the screens that deal in
// seasons: newseason, history (past seasons) and compare (season over
// season). Screens beside the exercise (common.Beside) are named on their
// own in the header and are never a place to resume. What the screens
// share (screen names, navigation, styles, text limits, the save path) is
// in tui/common; views the root derives from what several screens hold
// (the goal board's context, value names, answer counts) are pure
// functions in derived.go, and the root's part in seasons is seasons.go.
//
// # Shape
//
// Each screen is shaped like a Bubbles component: New, Update returning
// its own Model, View, SetSize, and a KeyMap. Only the root is a tea.Model.
// The root holds one typed field per screen (a pointer: the root is
// copied on every Update and View, the screens are too big to copy with
// it) and an active enum, and reaches every screen through one accessor, Model.screen, which returns
// the screen's part: the screen's *Model as a component (the methods every
// screen has alike: View, SetSize, SetStyles, Typing, TakeNavigation,
// Saving and the help.KeyMap methods), its Update applied in place, and
// what it is handed from the other screens as it is entered. Nothing else
// in the root switches on the screen.
//
// # How messages route
//
//   - Window sizes and colour-scheme reports go to every screen.
//   - A screen's own results (common.Routed: its autosave ticks, write
//     results and retry ticks) go back to that screen, even when another
//     is showing. A failed write also puts a line in the status bar.
//   - ctrl+c always reaches the root; so do ctrl+l (log a run: the
//     journal's entry form, from any screen, even mid-answer; done returns
//     to the screen it was pressed on), ctrl+o (the journal), ctrl+e
//     (the runner's own editor on the answer or note being written:
//     editor.go hands the screen's text to $VISUAL or $EDITOR and sends
//     what comes back to the same screen as a textbox.ReplaceMsg) and
//     ctrl+/ (every key; ctrl+_ and F1 too). q and ? reach the root unless
//     the screen shown is taking text (Typing).
//     Every other key, and every paste, goes to the screen shown, except
//     below the smallest size (MinWidth by MinHeight): there the screen
//     cannot be seen, and nothing but quitting and resizing acts.
//     Shutdown's message (main sends it on SIGHUP,
//     SIGTERM or SIGINT) saves everything and quits, as quitting does.
//   - A new season (common.StartSeasonMsg, from the new season screen)
//     flushes every screen and waits for the ledger, exactly as quitting
//     does; only when every write landed does the store begin the season
//     (which reads the old one and never writes to it), and the root then
//     loads the workbook on the new season and opens its first question.
//     A write that failed leaves the old season open and says so.
//   - Last season's answers reach the reflection screen after the first
//     frame (previousMsg), so start-up never waits for a second season.
//   - A move (common.NavigateMsg) flushes the screen being left, runs the
//     entered screen's hand-over from Model.screen and records the place
//     to resume from: the screen and question, the theme and goal
//     selected, and the goal editor or ideas if open (quitting records it
//     too). While a screen beside the exercise is open, the place is the
//     step left for it, as that step is now (an editor closed after the
//     log key stays closed). Selections come back as the screens are
//     built; the move that continues from the welcome screen is marked
//     Resume, and the board then opens what was open.
//   - As soon as a screen's Update returns, the root takes two things the
//     screen may have recorded: a move (common.Request, read through
//     TakeNavigation) and a refusal (Saver.Refuse, read through
//     TakeRefusal). Taking them at once, rather than through commands,
//     means keys typed ahead never reach the screen being left, and a
//     refusal shows in the very frame the key was refused.
//   - Frames: Bubble Tea asks for a view after every message. While keys
//     arrive faster than a terminal shows frames (a paste typed out as
//     keys), the root reuses its last frame, with a redraw tick on its way
//     (Options.FrameEvery, tui/frames.go), so the newest state is drawn
//     at most one frame later.
//   - The status line is the one place for errors and refusals: a failed
//     save in the error style, a refused paste, over-long answer or
//     over-long name as a calm nudge that goes with the next key the
//     screen takes in, and notes from the screens (common.Status).
//
// # How saving works
//
// Every screen that writes embeds a common.Saver and returns it from
// Saving. The screen tells it only two things: that an edit happened
// (Saver.Edited, with the common.Record that saves the screen's state
// after the edit, built from copies) or that a decision is written now
// (Saver.Write). The Saver does the rest, the same way on every screen:
//
//   - Typing is debounced with the tag pattern, but never for more than
//     common.MaxWait (half a second) after the oldest unsaved edit, so a
//     killed process loses at most about half a second of typing.
//   - Every write goes through the one common.Ledger, which numbers writes
//     and lands those of one record in order: an older draft never lands
//     after a newer one, whatever order the commands run in.
//   - A failed write is kept by record and tried again exactly as it was,
//     after common.RetryAfter; the header says "not saved yet" until it
//     lands, "saving…" while anything is in flight and "✓ saved" only once
//     a write has come back.
//   - Leaving a screen flushes it (Saver.Flush). Quitting, or a signal,
//     flushes every screen, retries every failed write, waits for the
//     ledger and quits only if everything landed; otherwise it says so and
//     a second ctrl+c quits anyway.
//   - If the program ends without that (killed after a signal, an input
//     error), main calls Model.Salvage, which writes, for every screen not
//     known to be saved, what its Saver never saw land: writes handed out
//     but dropped, failed writes and typing still waiting for its tick.
//
// Text is checked before it reaches a text area: common.Admit for a text
// area (against the area's own newline keys, so enter and ctrl+m count
// alike) and common.AdmitLine for a one-line field. Nothing is cut to fit:
// an insertion that does not fit is refused whole, and the screen passes
// the reason to Saver.Refuse.
//
// # Adding a screen
//
//  1. In tui/common/nav.go, give it a Screen constant, its stored name and
//     its title, and add it to Screens (and to Steps if it belongs in the
//     header's trail).
//  2. Write its package under tui/. Its *Model must satisfy the root's
//     component interface: besides the Bubbles shape, Typing, SetStyles,
//     TakeNavigation (embed a common.Request), ShortHelp and FullHelp
//     (the live keys), and Saving. A screen with a text area for an
//     answer or a note is also common.Editable (EditorText), and passes a
//     textbox.ReplaceMsg through common.Admit to that area as it does a
//     paste, so ctrl+e works there and the footer shows it. A screen
//     that writes embeds a common.Saver made with common.NewSaver, sends
//     AutosaveMsg, SavedMsg and RetryMsg to Saver.Update, calls
//     Saver.Edited for typing and Saver.Write for decisions, and returns
//     &m.Saver from Saving; one that writes nothing returns nil.
//  3. In the root (root.go), three places: a field in Model, a pointer to
//     the screen's Model; a case in Model.screen, binding the field and
//     saying what the screen is handed from the others as it is entered
//     (nil if nothing; derive it with a function in derived.go, and
//     capture the screens it reads rather than the root); and its
//     construction in handleLoaded.
//
// When the check at start finds the workbook damaged, main runs
// tui/recovery instead: a program of its own that only reads what main
// salvaged, never the root or its screens, which all write.
//
// A screen that writes also needs its store methods: declare them as a
// small interface in its package (as reflection.AnswerSaver does) and
// embed that in the Store interface, which is what the program asks of
// the store rather than part of the root's routing.
package tui
