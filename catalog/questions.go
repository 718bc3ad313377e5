package catalog

// A Question is one prompt of the reflection step, with a short line of
// guidance shown beneath it.
type Question struct {
	// ID is stable across releases: answers are stored under it, so the
	// wording and order may change without orphaning anything written.
	ID       string
	Prompt   string
	Guidance string
}

var questions = []Question{
	{
		ID:       "numbers-or-feelings",
		Prompt:   "Do numbers drive you, or is your sense of achievement led by how a run feels?",
		Guidance: "If you love data, a good goal gives you something to measure, and not always the obvious thing. If feeling leads, let your goals protect that feeling.",
	},
	{
		ID:       "places-and-people",
		Prompt:   "Are there places you'd love to run, or people you'd love to run with?",
		Guidance: "These make for joyful goals. Think about a realistic timeline: would it mean travel, or a different kind of training?",
	},
	{
		ID:       "competition",
		Prompt:   "Do you come alive in competition?",
		Guidance: "If races feel like a chore, race goals may not be yours. If you love race day but not the racing, how could an event mean something else to you?",
	},
	{
		ID:       "beyond-running",
		Prompt:   "Is running a way to work on something else, like confidence or mental health?",
		Guidance: "The best goals tie back to why you started running, and to the change you hope for in those other parts of your life.",
	},
	{
		ID:       "busy-life",
		Prompt:   "How full is your life right now, and what part does running play in it?",
		Guidance: "A reality check: how much time you have, what running does for you now, and how much you can shift or commit. It may be time to ease off, or time to go big.",
	},
	{
		ID:       "proud-moment",
		Prompt:   "When did running make you really proud of yourself?",
		Guidance: "Go back to that moment. What made you feel accomplished? A goal worth having gives you that feeling, not just a medal.",
	},
	{
		ID:       "big-dream",
		Prompt:   "Is there a big dream, an itch, that you're ready to chase?",
		Guidance: "A race, a distance, a place? Write it down, and when you would like it to happen.",
	},
	{
		ID:       "next-step",
		Prompt:   "Are you already on the way to something? What is the next step?",
		Guidance: "If a breakthrough is under way, think about how to break it into smaller goals that keep you going one week at a time.",
	},
}

// Questions returns the reflection questions in the order they are asked.
// The slice is a copy; callers may keep or change it.
func Questions() []Question {
	return append([]Question(nil), questions...)
}

// LookupQuestion returns the question with the given ID.
func LookupQuestion(id string) (Question, bool) {
	for _, q := range questions {
		if q.ID == id {
			return q, true
		}
	}
	return Question{}, false
}
