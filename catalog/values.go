package catalog

import "slices"

// A Value is something that matters in a runner's life beyond running. The
// values step asks which ones are the runner's, how running could serve
// each, and what small experiment would show whether it does.
type Value struct {
	// ID is a stable slug: picked values and journal ratings are stored
	// under it.
	ID   string
	Name string
	// Description says what the value is, in one line.
	Description string
	// Serve is one way running could serve the value, offered as a start
	// for the runner's own answer.
	Serve string
	// Experiments are small things to try on the next few runs, to notice
	// whether running this way really serves the value.
	Experiments []string
	// Themes are the motivation themes closest to the value.
	Themes []ThemeID
}

var coreValues = []Value{
	{
		ID:          "adventure",
		Name:        "Adventure",
		Description: "New places, the unknown, a bit of thrill.",
		Serve:       "Each run can be a small expedition: a trail you have never taken, a neighbourhood you only drive through, a race in a town you have never visited.",
		Experiments: []string{
			"Run a route you have never run before.",
			"Turn down a path you don't know and see where it goes.",
			"Pack your shoes on your next trip and run the first morning.",
		},
		Themes: []ThemeID{Exploration, Joy},
	},
	{
		ID:          "belonging",
		Name:        "Belonging",
		Description: "Feeling part of something, connected to the people around you.",
		Serve:       "Running alongside others turns miles into shared time, and a club or group becomes a place where you are expected and welcome.",
		Experiments: []string{
			"Join a group run this week.",
			"Invite a friend along on a run you would usually do alone.",
			"Go to a parkrun and stay for the coffee afterwards.",
		},
		Themes: []ThemeID{Affiliation},
	},
	{
		ID:          "family",
		Name:        "Family",
		Description: "The people at home, and being there for them.",
		Serve:       "A run can give you the clear head and the energy to be fully present with your family, or become something you do together.",
		Experiments: []string{
			"Run before the house wakes, then notice how the morning with them goes.",
			"Bring a child or partner along on a bike while you run.",
			"Ask someone at home to join you for the last kilometre.",
		},
		Themes: []ThemeID{Affiliation, Meaning},
	},
	{
		ID:          "health",
		Name:        "Health",
		Description: "A body and mind that feel well, now and for years to come.",
		Serve:       "Steady, easy running builds a heart, lungs and legs that carry you through everything else, and sleep and mood often follow.",
		Experiments: []string{
			"Keep every run this week gentle enough to chat through.",
			"Note how you sleep on the nights after a run.",
		},
		Themes: []ThemeID{Health, Weight},
	},
	{
		ID:          "growth",
		Name:        "Growth",
		Description: "Learning, improving, becoming a little more than you were.",
		Serve:       "Running shows progress plainly: a distance you couldn't manage last month, a pace that now feels easy, form you have worked on.",
		Experiments: []string{
			"Set one small target for your next run: a distance, a time, or one thing about your form.",
			"Track the same run for three weeks and look at what changed.",
		},
		Themes: []ThemeID{Achievement, SelfEsteem},
	},
	{
		ID:          "calm",
		Name:        "Calm",
		Description: "Quiet, space to think, a settled mind.",
		Serve:       "A solo run can be the one stretch of the day that asks nothing of you: breath, footsteps, and room for your thoughts to settle.",
		Experiments: []string{
			"Run alone with no music and listen to your breathing.",
			"Take a calming playlist on an easy run and notice how you feel after.",
			"Run the same quiet loop three times this week.",
		},
		Themes: []ThemeID{Coping},
	},
	{
		ID:          "freedom",
		Name:        "Freedom",
		Description: "Choosing your own way, unhurried and unconstrained.",
		Serve:       "Running needs only shoes and a door: you go where you like, as far as you like, with no one setting the terms.",
		Experiments: []string{
			"Head out with no plan for route or distance.",
			"Leave the watch at home for one run.",
		},
		Themes: []ThemeID{Joy, Coping, Exploration},
	},
	{
		ID:          "fun",
		Name:        "Fun",
		Description: "Laughter, lightness, enjoying yourself.",
		Serve:       "Running doesn't have to be serious: silly races, a sprint to the lamppost, a run that ends at a bakery.",
		Experiments: []string{
			"Enter a fun run or a costume race.",
			"Race a friend to the next tree, just because.",
			"Plan a run that finishes somewhere you enjoy.",
		},
		Themes: []ThemeID{Joy},
	},
	{
		ID:          "challenge",
		Name:        "Challenge",
		Description: "Doing hard things and finding out what you can do.",
		Serve:       "A goal just beyond your reach gives each week a purpose, and finding you can do it is its own reward.",
		Experiments: []string{
			"Add one harder session to this week: hills, a longer run, or a faster finish.",
			"Pick a route that scares you a little and run it.",
		},
		Themes: []ThemeID{Achievement, Competition},
	},
	{
		ID:          "contribution",
		Name:        "Contribution",
		Description: "Giving back, helping others, making a difference.",
		Serve:       "Your running can raise money for a cause, help a newer runner along, or keep a race going as a volunteer.",
		Experiments: []string{
			"Volunteer at a local race or parkrun.",
			"Offer to run with someone who is just starting out.",
			"Dedicate your next long run to a cause and tell someone why.",
		},
		Themes: []ThemeID{Meaning, Affiliation},
	},
	{
		ID:          "discipline",
		Name:        "Discipline",
		Description: "Keeping promises to yourself, steadily.",
		Serve:       "Running on the days you said you would, whatever the mood, proves you can rely on yourself.",
		Experiments: []string{
			"Write this week's runs in your calendar and keep each appointment.",
			"Lay your kit out the night before each planned run.",
		},
		Themes: []ThemeID{Routine, Achievement},
	},
	{
		ID:          "independence",
		Name:        "Independence",
		Description: "Standing on your own feet, trusting yourself.",
		Serve:       "Running solo teaches you to read your body, plan your own training and get yourself home.",
		Experiments: []string{
			"Plan and run a new route entirely on your own.",
			"Run by feel, choosing your pace without the watch's help.",
		},
		Themes: []ThemeID{SelfEsteem, Coping},
	},
	{
		ID:          "nature",
		Name:        "Nature",
		Description: "Time outdoors among trees, water, weather and sky.",
		Serve:       "Running gets you outside in every season, to parks, rivers and trails you would otherwise only glimpse.",
		Experiments: []string{
			"Take one run this week to the nearest park, wood or water.",
			"Run at sunrise or sunset and watch the light change.",
			"Notice three living things on your next run.",
		},
		Themes: []ThemeID{Exploration, Coping, Joy},
	},
	{
		ID:          "creativity",
		Name:        "Creativity",
		Description: "Making things, having ideas, seeing differently.",
		Serve:       "The steady rhythm of an easy run often shakes loose the ideas a desk keeps stuck.",
		Experiments: []string{
			"Take a problem out on a run and note what comes to mind afterwards.",
			"Draw a shape or word with your GPS route.",
		},
		Themes: []ThemeID{Joy, Exploration},
	},
	{
		ID:          "balance",
		Name:        "Balance",
		Description: "Room for everything that matters, without any one thing taking over.",
		Serve:       "Running sized to fit your life keeps you well without crowding out work, rest or the people you love.",
		Experiments: []string{
			"Plan one week where running fits around everything else, and see how it feels.",
			"Swap one run for a walk with someone, and notice what you gain.",
		},
		Themes: []ThemeID{Health, Routine, Coping},
	},
	{
		ID:          "friendship",
		Name:        "Friendship",
		Description: "Close friends and time well spent with them.",
		Serve:       "A regular run with a friend makes time for conversation that busy weeks would otherwise squeeze out.",
		Experiments: []string{
			"Set up a weekly run with one friend.",
			"Run together with someone slower or faster and meet in the middle.",
		},
		Themes: []ThemeID{Affiliation, Joy},
	},
	{
		ID:          "resilience",
		Name:        "Resilience",
		Description: "Bending without breaking, and getting back up.",
		Serve:       "Running through hard patches, bad weather and tired legs shows you can keep going when things get tough elsewhere.",
		Experiments: []string{
			"Go out on a day the weather tempts you to stay in, and note how you feel afterwards.",
			"After a missed run, simply do the next one without making up for it.",
		},
		Themes: []ThemeID{SelfEsteem, Coping},
	},
	{
		ID:          "gratitude",
		Name:        "Gratitude",
		Description: "Noticing what is good and being thankful for it.",
		Serve:       "Every run is a chance to appreciate a body that moves, a place to run and a little time of your own.",
		Experiments: []string{
			"Finish a run by naming one thing you are grateful for.",
			"Run somewhere that matters to you, and take it in slowly.",
		},
		Themes: []ThemeID{Meaning, Health},
	},
	{
		ID:          "mastery",
		Name:        "Mastery",
		Description: "Getting really good at something through practice.",
		Serve:       "Running rewards patient craft: pacing, form and knowing your body all improve with attention.",
		Experiments: []string{
			"Pick one skill, like even pacing, and practise it on three runs.",
			"Film your stride once and choose one thing to work on.",
		},
		Themes: []ThemeID{Achievement, Competition},
	},
	{
		ID:          "community",
		Name:        "Community",
		Description: "Being part of the wider place you live and its people.",
		Serve:       "Local races, clubs and parkruns connect you with neighbours you might never meet otherwise.",
		Experiments: []string{
			"Run a local event and chat with someone at the finish.",
			"Find out what running groups meet near you and visit one.",
		},
		Themes: []ThemeID{Affiliation, Meaning},
	},
	{
		ID:          "courage",
		Name:        "Courage",
		Description: "Doing what feels daunting anyway.",
		Serve:       "Lining up for a first race, joining a group of strangers or trying a longer distance are small acts of bravery that add up.",
		Experiments: []string{
			"Do one running thing this week that makes you a little nervous.",
			"Introduce yourself at a club or group run.",
		},
		Themes: []ThemeID{SelfEsteem, Achievement},
	},
	{
		ID:          "simplicity",
		Name:        "Simplicity",
		Description: "Less clutter, fewer demands, the essentials.",
		Serve:       "Running is as simple as it gets: shoes, a door and some time, with nothing to manage or optimise.",
		Experiments: []string{
			"Run with no watch, no music and no plan.",
			"Use one familiar loop all week and let it be easy.",
		},
		Themes: []ThemeID{Coping, Routine},
	},
	{
		ID:          "play",
		Name:        "Play",
		Description: "Doing something for its own sake, like a child does.",
		Serve:       "A run can be a game: jumping puddles, chasing a friend, racing the bus to the next stop.",
		Experiments: []string{
			"Run a few strides just because they feel good.",
			"Play tag or a game of chase with kids or friends.",
			"Go out while it pours and splash through the puddles on purpose.",
		},
		Themes: []ThemeID{Joy},
	},
	{
		ID:          "curiosity",
		Name:        "Curiosity",
		Description: "Wanting to know and find out.",
		Serve:       "Running lets you experiment on yourself: what pace feels right, what food works, what a new surface is like.",
		Experiments: []string{
			"Try one new thing on a run: a new surface, a new time of day, or a new kind of session.",
			"Run a street you have always wondered about.",
		},
		Themes: []ThemeID{Exploration, Achievement},
	},
	{
		ID:          "presence",
		Name:        "Presence",
		Description: "Being here, now, with full attention.",
		Serve:       "Paying attention to breath, footfalls and surroundings turns a run into practice at being in the moment.",
		Experiments: []string{
			"Spend the first ten minutes of a run just noticing your breath.",
			"Run without headphones and list what you heard when you get home.",
		},
		Themes: []ThemeID{Coping, Joy},
	},
	{
		ID:          "focus",
		Name:        "Focus",
		Description: "Doing good work, with a clear and steady mind.",
		Serve:       "A run before or during the working day can sharpen attention, and the patience running builds carries into problem-solving.",
		Experiments: []string{
			"Run at lunchtime and notice how the afternoon's work goes.",
			"Compare a morning that starts with a run to one that doesn't.",
		},
		Themes: []ThemeID{Coping, Routine},
	},
	{
		ID:          "achievement",
		Name:        "Achievement",
		Description: "Reaching what you set out to do, and having it count.",
		Serve:       "A finish line, a time or a total gives you something real to point to, and sharing it lets others celebrate with you.",
		Experiments: []string{
			"Pick a target you can reach within a month and tell one person about it.",
			"Share a run you're proud of, and see what that does for you.",
		},
		Themes: []ThemeID{Achievement, Recognition},
	},
	{
		ID:          "confidence",
		Name:        "Confidence",
		Description: "Believing in yourself and what you are capable of.",
		Serve:       "Every run completed is evidence you can do what you set out to, and that belief travels into the rest of your life.",
		Experiments: []string{
			"Write down one thing you did on each run this week that you're pleased with.",
			"Repeat a run from a month ago and compare how it feels today.",
		},
		Themes: []ThemeID{SelfEsteem, Achievement},
	},
}

// Values returns the catalog's values in the order they are offered. The
// slice and everything in it are copies; callers may keep or change them.
func Values() []Value {
	out := make([]Value, len(coreValues))
	for i, v := range coreValues {
		out[i] = v.clone()
	}
	return out
}

// LookupValue returns the value with the given ID.
func LookupValue(id string) (Value, bool) {
	for _, v := range coreValues {
		if v.ID == id {
			return v.clone(), true
		}
	}
	return Value{}, false
}

func (v Value) clone() Value {
	v.Experiments = slices.Clone(v.Experiments)
	v.Themes = slices.Clone(v.Themes)
	return v
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
