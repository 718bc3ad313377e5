package detect

import "github.com/cairn-run/cairn/catalog"

// The theme lexicon, held as data: the words and phrases runners use when
// they write about why they run, each with the theme(s) it suggests and how
// clearly it suggests them, plus the small function words that change a
// cue's meaning (negation, aversion, contrast, hedging).
//
// Phrase syntax. Words are separated by single spaces and compared after
// the same normalisation the text gets (lower case, straight apostrophes,
// light stemming), so "race" also finds "races", "raced" and "racing".
//
//	word     matches any word with the same stem ("clear head" finds "clears her head")
//	=word    matches that exact word form only ("=racing" finds "racing", not "race")
//	word*    matches words that begin with "word" ("compet*" finds "competition", "competitive")
//	<num>    matches a number: digits ("10", "3:30", "21.1") or a number word ("two")
//	<person> matches a word for a person: "friend", "sister", "lads", "boss" (lexPersons)
//	<ord>    matches an ordinal written with digits ("1st", "3rd")
//	<bad>    matches a word for a bad feeling: "sick", "anxious", "fraud" (lexBad);
//	         never first

//	_        matches any one word
//
// Between the words of a phrase the text may hold up to four glue words
// (articles, possessives and light adverbs such as "my", "the", "really"),
// so phrases are written without them: "clear head" finds "clear my head",
// "get out door" finds "get out of the door". Phrases never reach across
// punctuation. Lexicon phrases hold no hyphens: "self-esteem" in a text is
// the two words "self esteem". A longer phrase beats a shorter one at the
// same place, and an exact word beats a stem, a stem beats a prefix.

// A cueWeight says how clearly a cue points at its theme, in half units:
// units() gives the number the detector adds up (see the thresholds in
// detect.go).
type cueWeight int8

const (
	// faint cues only colour other evidence: the days and times a runner
	// mentions in passing ("on Saturdays") say little about why they run.
	faint cueWeight = 1
	// weak cues point at a theme but are common in other talk too
	// ("friends", "fast"). One alone is never enough.
	weak cueWeight = 2
	// medium cues are clear in running talk on their own ("club", "PB",
	// "medal").
	medium cueWeight = 4
	// strong cues are hard to read any other way ("lose weight", "clear my
	// head", "personal best").
	strong cueWeight = 6
)

// units is the weight the detector adds up: faint ½, weak 1, medium 2,
// strong 3.
func (w cueWeight) units() float64 { return float64(w) / 2 }

// A cueSense says which way a cue points when nothing around it changes it.
type cueSense int8

const (
	// toward: the runner is drawn to the theme ("clear my head").
	toward cueSense = iota
	// away: the cue itself pushes away from the theme: "on my own" for
	// company, "leave my watch at home" for personal goals.
	away
	// problem: the cue names a trouble the theme is about solving
	// ("anxiety", "injury", "overweight"). Aversion to a problem is still
	// a reason to run ("I hate feeling anxious" is coping), and a negated
	// problem ("I'm not anxious") says nothing either way, so problems
	// never turn into aversion.
	problem
	// affect: a general good feeling ("buzz", "half the fun", "nothing
	// beats"). Alone in its clause it is joy; next to another theme's cue
	// it is how the runner feels about that, so it strengthens that cue
	// instead: "race day buzz" is competition, "sharing my pics is half
	// the fun" is recognition.
	affect
	// fixed: the cue points toward its theme whatever is said around it.
	// "I didn't want to let the girls down" and "I'd hate to let them down"
	// are both about the people.
	fixed
)

// A themeCues group lists phrases that point at one theme with one weight
// and sense. A phrase may appear in several groups: "medal" is recognition
// (medium) and achievement (weak).
type themeCues struct {
	theme   catalog.ThemeID
	weight  cueWeight
	sense   cueSense
	phrases []string
}

// opKind is what a function cue does to the theme cues around it.
type opKind int8

const (
	opTheme      opKind = iota // a theme cue (from themeLexicon)
	opNegate                   // flips theme cues after it, within its window: "not", "never"
	opAverse                   // flips the cues after it and counts as evidence: "hate", "sick of"
	opPostAverse               // flips the cues before it in its clause, as evidence: "is not for me"
	opPostNegate               // flips the cues before it in its clause: "nope", "not anymore"
	opBoost                    // strengthens the cue after it: "love", "thrive on"
	opHedge                    // weakens every cue in its clause: "maybe", "sort of"
	opPast                     // weakens every cue in its clause: "used to", "back then"
	opContrast                 // what follows is the speaker's point: "but", "however"
	opConcession               // opens a clause that gives way to the next: "although ..., ..."
	opBoundary                 // ends a negation's reach: "because", "when", "so"
	opBlock                    // a phrase that only exists to stop a misreading: "can't wait"
	opThan                     // "than" after "rather"/"prefer"/"more": what follows is not preferred
	opAccept                   // settles a negated cue before it: "I'm not fast and I'm fine with that"
)

func (k opKind) String() string {
	names := [...]string{"theme", "negation", "aversion", "post-aversion", "post-negation",
		"boost", "hedge", "past", "contrast", "concession", "boundary", "block", "than", "acceptance"}
	if int(k) < len(names) {
		return names[k]
	}
	return "unknown"
}

// Flags on function cues.
const (
	// flagCross lets a negation reach past a new subject: "I don't think
	// I'd enjoy racing", "not because I want to lose weight".
	flagCross uint16 = 1 << iota
	// flagCopula lets a negation with nothing to flip after it reach back
	// to its own clause: "weight loss isn't why I run".
	flagCopula
	// flagExperience marks "never"/"haven't": with "yet" or "before" in
	// the clause it reports experience, not aversion ("I'd never raced
	// before this year").
	flagExperience
	// flagFinal lets a negation standing at the end of its clause reach
	// back: "Racing? Not really."
	flagFinal
	// flagStart makes a contrast count only where a clause starts.
	flagStart
	// flagConcede makes a contrast at the start of a sentence concede its
	// first clause to the rest.
	flagConcede
	// flagClause makes a hedge start a clause too, ending a negation's
	// reach: "if", "unless".
	flagClause
	// flagDirect marks negations of an action: right before its cue, as in
	// "I don't race" or "I no longer race", the negation is evidence in
	// itself. ("I'm not fast" describes; it does not push anything away.)
	flagDirect
	// flagCease marks negations that say something stopped ("stop",
	// "no longer"): a problem that stops is what running is for ("running
	// made me stop hating myself").
	flagCease
	// flagCounterfactual marks "without": with "would" or "lost" around it
	// it praises what it names ("without my club I'd be lost", "I'd be lost
	// without the group").
	flagCounterfactual
)

type opCues struct {
	kind    opKind
	window  int8    // how many content words a forward cue reaches past
	flags   uint16  // flagCross, flagCopula, ...
	factor  float64 // for hedges and the past: what the clause is multiplied by
	phrases []string
}

var themeLexicon = []themeCues{
	// ---------------------------------------------------------------- achievement
	{catalog.Achievement, strong, toward, []string{
		"personal best", "personal bests", "personal record", "personal goal", "personal goals",
		"pb", "pbs", "new pr", "sub <num>", "goal time", "target time", "finish time",
		"finishing time", "best time", "fastest time", "faster time", "quicker time",
		"beat time", "beat times", "beat pb", "beat pr", "beat best", "beat record",
		"beat personal best", "beat previous", "smash pb", "new record",
		"improve time", "improve times", "negative split", "negative splits",
		"bq", "boston qualifier", "qualify for boston", "qualify for london",
		"compete against myself", "compete with myself", "competing against myself",
		"competitive with myself", "race against myself", "racing against myself",
		"race against clock", "racing against clock", "against clock", "race myself",
		"only competition is myself", "only person i race", "only person i compete",
		"against myself", "only against myself", "beat _ last time", "beat my last",
		"anyone but myself", "anyone except myself", "no one but myself", "nobody but myself",
		"only compete with myself", "only race myself", "only racing myself",
		"beat myself", "beat older self", "beat yesterday", "better than yesterday",
		"hit target", "hit goal", "reach goal", "reached goal", "achieve goal",
		"smash goal", "see how far", "see what i can do", "see how fast", "without walking",
		"without stopping", "without a walk break", "run whole way", "couch to <num> k",
		"c 25 k", "couch to <num> km", "=longest run", "=longest distance", "new distance",
		"run further", "run farther", "get faster", "getting faster", "go faster",
		"run faster", "be faster",
	}},
	{catalog.Achievement, medium, toward, []string{
		"how long it takes", "how long it took", "how fast", "how quick",
		"first marathon", "first half", "first ultra", "first <num> k", "first <num> km",
		"first <num> mile", "first <num> miler", "first trail race", "first race",
		"run a <num> k", "run a <num> km", "run a <num> mile",
		"run a <num> miler", "<num> half", "<num> marathon", "chas <num>",
		"=pr'd", "=pb'd", "=pr'ed", "=pb'ed", "times come down", "times coming down",
		"time come down", "time coming down", "watch my times", "watching my times",
		"every street",
		"pr", "prs", "target*", "=faster", "=fastest", "=quicker", "speed*",
		"pace", "=splits", "data", "=numbers", "stats", "statistics", "garmin",
		"vo <num> max", "vo <num>", "mileage", "milestone*", "distance", "progress*", "improv*", "achiev*",
		"accomplish*", "challeng*", "qualif*", "breakthrough", "push my limits",
		"push limits", "push myself", "test myself", "see progress", "track progress",
		"=tracking", "measur*", "record time", "under <num>", "in under",
		"=finisher", "finish a marathon", "finish an ultra",
		"run a marathon", "complete", "shave", "knock off", "tick off", "cross off",
		"bucket list", "heart rate zones", "training zones", "zone <num>",
		"world majors", "six star", "=majors", "age grade", "age grading", "run longer",
	}},
	{catalog.Achievement, weak, toward, []string{
		"marathon*", "half marathon", "ultra", "ultramarathon", "cross finish line",
		"fast", "quick", "goal*", "=watch", "gps", "heart rate", "strava", "number",
		"finish", "finish line", "record", "<num> k", "<num> km", "<num> miles",
		"<num> mile", "kilomet*", "=miles", "medal", "=proud", "training plan",
		"plan", "first", "=further", "=farther", "=longer", "hill repeats", "intervals",
		"tempo", "speedwork", "track", "results", "chip time", "=endurance", "=stamina",
		"get better", "getting better", "level up", "plateau", "training block", "build up",
		"segment*", "=achieve", "see what i can do", "=times",
		"<num> miles a week", "<num> km a week", "<num> miles per week", "<num> km per week",
		"do a <num> k", "do a <num> km", "=split",
	}},
	{catalog.Achievement, medium, away, []string{
		"gps off", "no watch", "without watch", "leave watch at home", "leave watch behind",
		"left watch at home", "ditch watch", "ditched watch", "watch off", "turn off gps",
		"by feel", "run by feel", "no gps", "no data", "no numbers", "without numbers",
		"unplugged", "naked running",
	}},

	// ---------------------------------------------------------------- competition
	{catalog.Competition, strong, toward, []string{
		"racing people", "race people", "race others", "racing others", "racing against",
		"race against", "race against others", "compete against others", "compete with others",
		"competing against others", "competing with others", "beat people", "beat others",
		"beat other runners", "beat other people", "beat someone", "beat him", "beat them",
		"beat friend", "beat brother", "beat sister", "beat husband",
		"beat wife", "beat dad", "beat rival", "beat colleague", "beat everyone", "beat mates",
		"age group", "age category", "podium*", "<ord> place", "first place", "second place",
		"third place", "top three", "top <num>", "rival*", "=competitive", "win a race",
		"win race", "win my age", "win age group", "=winning", "won a race",
		"won age group", "=placed", "=placing", "overtak*", "chicked",
		"leaderboard*", "kom", "qom", "chase people", "chasing people",
		"pass people", "passing people", "picking people off", "pick people off",
		"competitive streak", "competitive spirit", "love to win", "hate losing",
		"hate to lose", "be the best", "fastest in", "friendly rivalry", "the win",
		"beat <person>", "beat _ <person>", "beat _ partner", "club champs", "=placings",
		"=pips", "=pipped", "=pip", "pip me", "outsprint*", "out sprint",
	}},
	{catalog.Competition, medium, toward, []string{
		"compet*", "=racing", "race day", "racing season", "race season", "=win", "=won",
		"=wins", "winner", "ranking*", "=ranked", "=rank", "champ*", "league",
		"=trophy", "=trophies", "cross country", "xc", "race series", "against others",
		"the competition", "fight for", "=sprint finish", "racing snake",
		"friendly competition", "crown", "position*", "finishing position", "time trial*",
	}},
	{catalog.Competition, weak, toward, []string{
		"race", "beat", "prize*", "overall", "start line", "=adrenaline",
		"elite", "bib", "relay", "segment*", "=nerves", "results", "=pressure",
		"bragging rights", "faster than me", "quicker than me",
		"ahead of me", "in front of me", "who finishes", "who's in front", "who's ahead", "who beats me",
	}},
	{catalog.Competition, weak, away, []string{
		"back of pack", "own pace", "at own pace", "for myself not",
	}},

	// ---------------------------------------------------------------- recognition
	{catalog.Recognition, strong, toward, []string{
		"kudos", "show off", "showing off", "people notice", "people noticed",
		"people noticing", "be noticed", "get noticed", "notice me", "noticed me",
		"proud of me", "mak _ proud", "mak proud", "proud parents", "proud parent",
		"bragging rights", "brag*", "recogni*", "praise*", "admir*", "=applause",
		"validation", "approval", "impress people", "impress others", "impressed people",
		"people impressed", "people tell me", "people ask me", "likes on", "get likes",
		"number of likes", "social media", "=instagram", "insta", "facebook",
		"post on", "posted on", "post it online", "share on", "be seen", "=bling",
		"finisher medal", "finisher photo", "race photo", "for medal", "for medals",
		"for bling", "for t shirt", "tell everyone", "tell people", "told everyone",
		"status", "respected", "look up to me", "looks up to me", "name read out",
		"tell anyone", "telling anyone", "told anyone",
		"he was proud", "she was proud", "they were proud", "was proud of me",
		"were proud of me", "being seen", "seen by", "people see", "people seeing",
		"anyone seeing", "anyone see", "see me as", "say i did", "say i've", "say i ran",
		"say that i", "able to say", "people's faces", "look on faces", "everyone _ know",
		"everyone know", "people _ know", "people asking", "everyone asking", "ask about",
		"asking about", "people ask", "ask how", "tell _ i did", "tell _ i ran",
	}},
	{catalog.Recognition, medium, toward, []string{
		"medal", "=trophy", "=trophies", "impress*", "respect", "award*",
		"comment*", "=posting",
		"congrat*", "compliment*", "upload*", "=followers", "get =likes", "<num> =likes", "=likes and",
		"and =likes", "=attention", "=jealous", "people know", "envy", "cheered me",
		"cheering me", "cheer me", "cheered on", "people cheering", "crowd cheering",
		"crowd support", "=spectators", "inspire others", "inspiring others",
		"inspiration to", "=blog", "=vlog", "=podcast", "=audience",
	}},
	{catalog.Recognition, weak, toward, []string{
		"=proud", "share", "=post", "photo*", "=shirt", "role model", "=mentioning",
		"=mentioned", "strava", "t shirt", "cheer", "prize*", "tell them",
	}},

	// ---------------------------------------------------------------- affiliation
	{catalog.Affiliation, strong, toward, []string{
		"with friend", "run with friend", "running buddy", "running partner",
		"running club", "run club", "running group", "run group", "running crew",
		"run crew", "club run", "club night", "group run", "social run",
		"social side", "parkrun friends", "parkrun family", "club mates", "clubmates",
		"teammates", "meet people", "meeting people", "met people", "make friends",
		"made friends", "making friends", "new friends", "lifelong friends", "best friends",
		"camaraderie", "sense of community", "sense of belonging", "support each other",
		"encourage each other", "run together", "running together", "ran together",
		"with husband", "with wife", "with partner", "with dad", "with mum", "with mom",
		"with father", "with mother", "with sister", "with brother", "with son",
		"with daughter", "with kid", "with child", "with family", "with club",
		"with group", "with team", "with someone", "with people", "with other people",
		"with other runners", "with colleague", "with neighbour", "with neighbor",
		"with dog", "with crew", "chat while", "chatting while", "talk while",
		"talking while", "coffee after", "for company", "my people", "our group",
		"my club", "my crew", "with mates", "with buddy", "with girlfriend",
		"with boyfriend", "with <person>", "it's the people", "its the people",
		"people i run with", "group i run with", "the people i run with",
	}},
	{catalog.Affiliation, medium, toward, []string{
		"crew", "squad", "tribe", "team", "buddy", "group chat", "=whatsapp", "our club",
		"join club", "joined club", "joining club",
		"we run together", "for both of us",
		"community", "social", "sociable", "socialis*", "socializ*", "friendship*",
		"chat*", "=company", "=together", "belong*", "connect*", "meetup",
		"accountability partner",
		"=mates", "best mate", "my mate", "=gang", "parkrun community", "relay team", "people person", "with others",
	}},
	{catalog.Affiliation, weak, toward, []string{
		"friend", "group", "kids", "child", "son", "daughter", "partner", "club",
		"husband", "wife", "dad", "mum", "mom", "sister", "brother", "family",
		"=dog", "parkrun", "talk*", "laugh*", "people", "=others",
		"relay", "girlfriend", "boyfriend", "colleague*",
		"=alongside", "=coffee",
	}},
	{catalog.Affiliation, medium, fixed, []string{
		"let _ down", "let _ _ down", "let them down", "let anyone down", "miss the club", "miss the group",
		"miss my club", "miss the people",
	}},
	{catalog.Affiliation, weak, problem, []string{
		"=lonely", "=loneliness",
	}},
	{catalog.Affiliation, medium, away, []string{
		"nobody talks to me", "no one talks to me", "clique*", "=cliquy", "alone", "solo", "on own", "by myself", "=solitude", "introvert*",
		"no one else", "nobody else", "=solitary", "lone wolf", "own company",
		"by yourself",
	}},

	// ---------------------------------------------------------------- coping
	{catalog.Coping, strong, toward, []string{
		"clear head", "clear mind", "head clear", "clear out head", "clear thoughts",
		"switch off", "turn off brain", "decompress*", "sanity", "stay sane", "keep sane",
		"keeps me sane", "keep me sane", "therap*", "mental health", "head space",
		"headspace", "me time", "time for myself", "time to myself", "time alone",
		"just for me", "only for me", "something for me", "thing for me",
		"nobody needs anything from me", "no one needs anything from me",
		"nobody needs me", "nobody wants anything from me", "=cope", "=coping", "=copes",
		"=coped", "moving meditation", "meditat*", "mental break", "reset button",
		"breathing space", "peace and quiet", "escape from", "get away from",
		"=stressbuster", "stress relief", "stress reliever", "relieve stress",
		"deal with stress", "burn off stress", "=lifeline", "process thoughts",
		"process things", "sort out head", "sort head out", "off my mind", "out of my head",
		"blow off steam", "let off steam", "get out of head", "quiet mind", "calm mind",
		"=unwind", "=unwinding", "clarity", "mindful*", "emotional", "=emotions",
		"cobwebs", "that's mine", "just mine", "all mine", "only mine", "my =time",
		"nobody can reach me", "no one can reach me", "can't reach me", "where i'm not needed",
		"me and the road", "shut out the world", "shut the world out", "for my head",
		"run for my head", "got me through", "get me through", "gets me through",
		"helped me through", "help me through",
		"no thoughts", "not thinking about anything", "mind goes blank", "mind goes quiet",
		"empty my head", "empties my head",
		"mentally", "=mental", "keep me going mentally",
	}},
	{catalog.Coping, strong, problem, []string{
		"anxi*", "depress*", "=panic", "=ptsd", "=adhd", "=burnout", "burn out",
		"burned out", "burnt out", "busy mind", "racing thoughts", "=overthinking",
		"=grief", "=grieving", "=grieve", "work stress", "drinking too much",
	}},
	{catalog.Coping, medium, toward, []string{
		"escap*", "calms me", "=calming", "peace*", "relax*", "recharge*", "reset", "=zen", "breather",
		"=outlet", "=release", "=vent", "thinking time", "time to think", "=solitude",
		"=endorphins", "let go", "=sane", "not needed", "nobody's mum", "just me",
		"just me and", "world out", "my hour", "in my head", "sorts itself out",
		"sort itself out", "drain out", "let it out", "can think", "shut the door", "=sober",
		"=sobriety",
	}},
	{catalog.Coping, medium, problem, []string{
		"stress*", "overwhelm*", "worr*", "bad day", "tough day", "hard day", "long day",
		"rough day", "frustrat*", "=anger", "=angry", "=tension", "=frazzled", "=grumpy",
		"=explode", "go mad", "go crazy", "lose my mind", "lose the plot",
		"=cranky", "=irritable", "=snappy", "=moody", "=restless",
	}},
	{catalog.Coping, weak, toward, []string{
		"=quiet", "=thoughts", "mind", "after work", "=breathe", "=lighter", "=mood", "=moods",
		"feel better", "headphones", "calm*",
		"for myself", "no pressure", "=chaos",
	}},

	// ---------------------------------------------------------------- self-esteem
	{catalog.SelfEsteem, strong, toward, []string{
		"confiden*", "self esteem", "self worth", "self belief", "self image",
		"self confidence", "believe in myself", "believing in myself", "believed in myself",
		"=capable", "proud of myself", "proud of my body", "prove to myself", "proved to myself",
		"feel good about myself", "feel better about myself", "better about myself",
		"love myself", "like myself", "empower*", "comfortable in skin",
		"comfortable in own skin", "can do anything", "achieve anything",
		"do hard things", "stronger than i thought", "stronger than i think",
		"more than i thought", "didn't think i could", "never thought i could",
		"didn't know i could", "what i'm capable of", "what i am capable of",
		"what my body can do", "what i can do", "see what i can do", "mental strength",
		"mak _ strong", "mak _ stronger", "make me feel strong", "makes me feel strong",
		"than i thought", "than i expected", "than i realised", "than i realized",
		"than i knew", "prov _ to myself", "proof to myself", "proving to myself",
		"stand taller", "walk taller", "i like my body", "i love my body", "like my body for",
		"mentally tough", "mentally stronger", "feel strong", "feel stronger", "feel capable",
	}},
	{catalog.SelfEsteem, strong, problem, []string{
		"insecur*", "self conscious", "self doubt", "fat kid", "picked last",
	}},
	{catalog.SelfEsteem, medium, toward, []string{
		"=stronger", "prove myself", "prove wrong", "proved wrong", "=worthy",
		"courage*", "brave*", "=fearless", "resilien*", "grit",
		"=toughness", "=badass", "=powerful", "=unstoppable", "=invincible", "belief",
		"=pride", "=accomplished", "sense of accomplishment", "comfort zone",
		"transform*", "about myself", "=braver", "=bolder", "=independence", "=independent",
		"feel good at", "good at something", "can handle", "handle anything",
		"kind of person",
	}},
	{catalog.SelfEsteem, medium, problem, []string{
		"doubt*", "imposter", "impostor", "=unsporty", "not sporty", "never sporty",
		"wasn't sporty", "never a sporty",
	}},
	{catalog.SelfEsteem, weak, toward, []string{
		"strong", "=proud", "=determined", "=determination", "=tough", "=discipline",
		"=achieve", "accomplish*",
	}},
	{catalog.SelfEsteem, weak, problem, []string{
		"=shy", "=scary", "fear*", "vulnerab*", "=lazy",
	}},

	// ---------------------------------------------------------------- meaning
	{catalog.Meaning, strong, toward, []string{
		"who i am", "part of who i am", "part of me", "identity", "purpose*", "=meaning",
		"=meaningful", "charit*", "raise money", "raising money", "raised money",
		"fundrais*", "give back", "giving back", "=legacy", "for dad", "for mum", "for mom",
		"for father", "for mother", "for son", "for daughter", "for brother", "for sister",
		"for grandad", "for grandpa", "for grandma", "for nan", "for granddad",
		"for husband", "for wife", "for friend who", "in memory", "in honour", "in honor",
		"=memorial", "=tribute", "for a cause", "good cause", "life changing", "cancer charity",
		"cancer research", "for charity",
		"chang life", "saved my life", "saved me", "way of life",
		"bigger than me", "bigger than myself", "role model", "set an example",
		"example for", "i'm a runner", "i am a runner", "am a runner", "call myself a runner",
		"think of myself as a runner", "a real runner", "see myself as a runner",
		"being a runner", "passed away", "my calling", "a calling",
		"feel like myself", "feel like myself again", "feel like me again", "still me",
		"myself again", "in my blood", "in the blood", "runs in the family", "who i'd be",
		"who i would be", "for people who can't", "for those who can't", "giv _ back",
	}},
	{catalog.Meaning, medium, toward, []string{
		"=mission", "spiritual*", "=soul", "=faith", "=prayer", "=god", "lifestyle",
		"=grateful", "=gratitude", "inspire*", "inspiring",
		"show my kids", "show kids", "teach my kids", "=heritage",
		"reinvent*", "second chance", "donat*", "=volunteering", "volunteer*", "marshal*", "=hospice",
		"matters to me", "kind of person", "proper runner", "like breathing",
		"coach juniors", "coaching juniors", "run leader", "for both of us",
		"for kids", "for children", "=honour", "=honor", "=deeper",
	}},
	{catalog.Meaning, medium, problem, []string{
		"=addiction", "=addict",
	}},
	{catalog.Meaning, weak, toward, []string{
		"=journey", "=passion", "=blessed", "=privilege", "=gift", "=roots", "=passionate",
		"=died", "=anniversary", "=memory", "=memories", "=loss", "=cancer", "=comeback", "=sobriety",
	}},

	// ---------------------------------------------------------------- exploration
	{catalog.Exploration, strong, toward, []string{
		"new place", "new route", "new trail", "new city", "new cities", "new country",
		"new countries", "somewhere new", "travel*", "explor*", "adventur*", "=wilderness",
		"backcountry", "off beaten path", "off beaten track", "out in nature", "in nature",
		"national park", "trail run", "trail running", "mountain*", "sightseeing",
		"love trail running",
		"parkrun tourism", "parkrun tourist", "racecation", "destination race",
		"destination marathon", "around the world", "different countries",
		"different places", "different parks", "different parkruns", "on holiday", "on vacation",
		"new parkrun", "see world", "fell running", "sky running", "=skyrunning",
		"run abroad", "race abroad", "somewhere different", "see somewhere", "run across", "across the country", "coast to coast",
		"end to end", "in hills", "hill running",
	}},
	{catalog.Exploration, medium, toward, []string{
		"trail", "discover*", "holiday*", "vacation*", "=abroad",
		"=trip", "=trips", "destination*", "=scenery", "=scenic", "nature", "=outdoors",
		"=woods", "forest*", "beach*", "coast*", "lake*", "=countryside", "off road",
		"summit*", "ridge*", "=alps", "=alpine", "=highlands", "landscape*", "=curious",
		"=curiosity", "wander*", "roam*", "get lost", "=hike", "=hikes", "=hiking",
		"=desert", "island*", "canyon*", "waterfall*", "=peaks", "=fells",
		"=views", "=countries", "=cities", "expedition*", "valley*", "=moors",
		"=moorland",
	}},
	{catalog.Exploration, weak, toward, []string{
		"=outside", "=outdoor", "=places", "route*", "=park", "river*", "canal*", "=sea", "=ocean",
		"=view", "=sunrise", "=sunset", "map*", "=world", "=country", "=city", "=mud",
		"=muddy", "fresh air", "bucket list", "=camping", "=streets", "=peak", "=hidden",
		"far away", "=wild", "=unknown", "=ultra", "=ultras",
	}},

	// ---------------------------------------------------------------- joy
	{catalog.Joy, strong, toward, []string{
		"love feeling", "love how it feels", "love how feel", "love running",
		"love to run", "love run", "=joy", "=joyful", "=joyous", "for fun", "just for fun",
		"for love of it", "for enjoyment", "for joy", "felt like flying", "feel like flying",
		"like flying", "runner's high", "runners high", "euphori*", "=bliss", "=blissful",
		"exhilarat*", "feel alive", "feel so alive", "makes me happy", "make me happy",
		"makes me smile", "make me smile", "=grin", "=grins", "=grinning", "=grinned", "like a kid", "like a child",
		"=happiness", "=playful", "can't get enough", "for sake of it", "because i love it",
		"best part of day", "favourite part of day", "favorite part of day", "pure joy",
		"love every minute", "loved every minute", "love every second", "feel like a kid",
		"years old again", "like being a kid",
	}},
	{catalog.Joy, medium, toward, []string{
		"smil*", "=flying", "freedom", "=alive", "elat*", "magic*", "laugh*", "giggl*",
		"puddle*", "how it feels", "how feel", "how a run feels", "how run feels", "=flow",
		"=effortless", "light on my feet", "=dance", "=dancing", "delight*", "=glee",
		"=passion", "=passionate", "enjoy running", "enjoy run", "enjoy every run",
		"enjoy every minute", "=cheerful", "=carefree", "like running", "like doing it",
		"just like doing it", "just like running", "enjoy doing it",
	}},
	{catalog.Joy, medium, away, []string{
		"don't enjoy it", "don't enjoy them", "didn't enjoy it", "don't enjoy running",
		"not fun", "no fun", "isn't fun", "wasn't fun", "not enjoyable", "don't love it",
		"don't love running", "a slog", "don't like running", "=joyless",
	}},
	// General good feelings: joy alone in a clause, otherwise how the runner
	// feels about what the clause names (see cueSense affect).
	{catalog.Joy, strong, affect, []string{
		"so much fun",
	}},
	{catalog.Joy, medium, affect, []string{
		"=fun", "love it", "loved it", "loving it", "=buzz", "thrill*", "feels good",
		"feel good", "feel great", "feels great", "feel amazing", "feels amazing",
		"the feeling", "=enjoyment", "=enjoyable", "enjoy it", "nothing beats",
		"nothing like", "nothing better than", "nothing compares", "half the fun",
		"best part", "best bit", "=addictive", "=addicted",
	}},
	{catalog.Joy, weak, affect, []string{
		"happy", "=great", "=high", "=amazing", "=awesome", "=wonderful", "=lovely",
		"=beautiful", "=exciting", "=excited", "=excitement", "=favourite", "=favorite",
		"=glad", "=content", "=satisfying", "=satisfaction", "like it",
	}},
	// Race-day atmosphere enjoyed for itself is joy, not competition (see
	// the labelling policy).
	{catalog.Joy, medium, toward, []string{
		"=atmosphere", "race atmosphere", "for the atmosphere", "the atmosphere", "the vibe",
		"the vibes", "=fancy dress", "in costume", "=costumes",
	}},
	{catalog.Joy, weak, toward, []string{
		"=free", "=feeling", "=feelings", "=feels", "=mud", "=muddy", "=rain", "=sun",
		"=silly", "=exhilarating", "=endorphins", "=adrenaline", "=hobby", "=sunshine",
		"splash*", "=bouncy", "=play", "=playing", "=snow",
		"😊", "😀", "😁", "😄", "😃", "🥰", "😍", "❤", "☺", "🙂", "🤩", "🥳", "💚", "💙",
		"💜", "🧡", "💛", "♥",
	}},

	// ---------------------------------------------------------------- routine
	// Habit and fitting running in are motive; how often and on which days
	// a runner goes is mostly description, so it weighs little.
	{catalog.Routine, strong, toward, []string{
		"habit*", "routine*", "consisten*", "streak*", "fit it in", "fit in", "fit run in",
		"fit running in", "squeeze in", "squeeze it in", "squeeze run in", "find =time",
		"make =time", "found =time", "made =time", "finding =time", "making =time",
		"never miss", "rarely miss", "don't miss", "never skip", "never missed",
		"part of my routine", "part of my week", "part of my day", "get run in", "=clockwork", "ritual*",
		"fits around", "fit around", "fit into week", "fit into day", "fit into life",
		"fit into schedule", "fit into routine", "time crunched", "work life balance",
		"juggl*", "non negotiable", "rain or shine", "whatever the weather",
		"in all weathers", "anchor*", "brushing teeth", "brushing my teeth",
		"part of the furniture", "predictab*", "every single day",
	}},
	{catalog.Routine, medium, toward, []string{
		"every morning", "every day", "everyday", "before work", "lunch break",
		"run commute", "run to work", "run home from work", "stick to", "stuck to",
		"stick with", "stuck with it", "stick at it", "show up", "get out door",
		"out door", "=schedule", "=scheduled", "short on =time", "busy life", "busy week",
		"busy schedule", "all year round", "year round", "through the winter", "all winter",
		"in diary", "in calendar", "early bird", "following a plan", "follow a plan",
		"<num> days a week", "<num> days week", "<num> runs a week", "<num> runs week",
		"<num> runs per week", "schedul*", "early morning", "regular*",
		"=daily", "structure*", "training plan", "discipline*", "=rhythm", "=constant",
		"=reliable", "before kids", "kids are in bed", "kids in bed", "after kids",
		"school run", "=balance", "balancing", "=alarm",
		"every other day", "no =time", "little =time", "don't have =time", "not much =time",
		"limited =time", "short of =time", "=time poor", "fit it around", "around work",
		"around kids", "around family", "around my job", "same =time", "same route",
		"like breathing", "one constant", "=stability", "=stable",
	}},
	{catalog.Routine, weak, toward, []string{
		"every evening", "every week", "every weekend", "<num> times a week",
		"<num> times per week", "<num> times week", "twice a week", "once a week",
		"twice week", "once week", "commut*", "lunchtime", "lunch time", "weekday*", "at lunch", "lunch run", "=lunchtimes",
		"rest day", "=lunch", "flexib*", "parkrun", "after work", "=default", "=busy",
		"=plan", "=calendar", "=weekly", "=diary", "=commitment", "=committed",
		"kept going", "keep going", "in my week", "<num> am", "=planned", "=planning",
	}},
	{catalog.Routine, faint, toward, []string{
		"=weekend", "=mornings", "=evenings", "=weekends", "saturday*", "sunday*", "monday*", "tuesday*", "wednesday*",
		"thursday*", "friday*", "<num> pm", "=evening", "=morning", "=mon", "=tue",
		"=tues", "=wed", "=thu", "=thurs", "=fri",
	}},
	{catalog.Routine, medium, away, []string{
		"when i feel like it", "when i feel like", "whenever i feel like", "when the mood",
		"whenever i want", "when i fancy", "whenever i fancy", "no plan", "no schedule",
		"no structure", "go with the flow", "ad hoc",
	}},

	// ---------------------------------------------------------------- health
	{catalog.Health, strong, toward, []string{
		"for health", "stay healthy", "keep healthy", "be healthy", "be healthier",
		"get healthy", "=healthier", "heart health", "keep fit", "get fit", "stay fit",
		"live longer", "living longer", "=longevity", "age well", "ageing well",
		"aging well", "old age", "into <num> s", "be around for", "stay active",
		"keep active", "keep moving", "quit smoking", "stopped smoking", "gave up smoking",
		"give up smoking", "stop smoking", "resting heart rate", "lung capacity",
		"=cardiovascular", "physical health", "injury free", "stay injury free",
		"bone density", "=wellbeing", "well being", "=immune", "=immunity", "sleep better",
		"still be running", "still running at", "still running when",
		"running at <num>", "running into <num> s", "into sixties", "into seventies",
		"into eighties", "into nineties", "keep up with kids",
		"keep up with grandkids", "keep up with grandchildren",
		"keep up with children", "=medication",
	}},
	{catalog.Health, strong, problem, []string{
		"heart disease", "heart attack", "heart condition", "blood pressure", "cholesterol",
		"blood sugar",
		"diabet*", "=sedentary", "desk job", "sitting all day", "=smoker", "=osteoporosis",
		"=menopause", "=perimenopause", "back pain", "stress fracture",
	}},
	{catalog.Health, medium, toward, []string{
		"health", "=fit", "=fitter", "=fitness", "=fittest", "=healthy", "cardio*",
		"energ*", "strength training", "=medicine", "at a desk", "as long as i can",
		"for years to come", "for as long as", "get down on floor", "lift weights", "=strength", "=lungs",
		"=wellness", "=mobility", "=ageing", "=aging", "=active", "=checkup", "check up",
		"doctor*", "in shape", "get in shape", "=stamina",
	}},
	{catalog.Health, medium, problem, []string{
		"=illness", "=disease", "=asthma", "=cancer",
	}},
	{catalog.Health, weak, toward, []string{
		"heart", "=body", "strong", "=stronger", "=gp", "=diet", "=sleep", "=desk", "keep doing it", "=nutrition", "=alcohol",
		"=drinking", "=physio", "=joints", "=knees", "=bones", "=endurance", "=breath",
		"=breathing", "feel better", "=weights", "=recovery",
	}},
	{catalog.Health, weak, problem, []string{
		"=achilles", "=acl", "=hamstring", "=physiotherapist", "plantar*", "shin splints",
		"=itb", "=knee", "=hip", "injur*", "=sick", "=ill", "=covid",
	}},

	// ---------------------------------------------------------------- weight
	{catalog.Weight, strong, toward, []string{
		"lose weight", "lost weight", "weight loss", "=weightloss", "shed weight",
		"shed pounds", "drop weight", "dropped weight", "keep weight off", "keep off weight",
		"maintain weight", "<num> pounds", "<num> pound", "<num> lbs", "<num> lb",
		"<num> kg", "<num> kgs", "<num> kilos", "<num> stone", "slim*", "bmi", "burn fat",
		"body fat", "lose fat", "burn calories", "=dieting", "body image", "dress size",
		"jeans size", "waist size", "fit into clothes", "fit into jeans", "lose stone",
		"lost stone", "lose pounds", "lost pounds", "lose kilos", "lost kilos", "lose lbs",
		"lose kg", "lost kg", "drop stone", "drop kilos", "feel good in clothes",
		"clothes fit", "size <num>", "eat what i want", "eat what i like", "burn off",
		"trousers fit", "jeans fit", "dress fits", "pre pregnancy", "pregnancy body",
		"post baby body", "baby body", "back to size", "size i was", "under <num> kg",
		"under <num> stone", "under <num> lbs", "below <num> kg", "below <num> stone",
		"loose weight", "loosing weight",
	}},
	{catalog.Weight, strong, problem, []string{
		"=overweight", "=obese", "=obesity", "gain weight", "gained weight",
		"put on weight", "baby weight", "love handles",
	}},
	{catalog.Weight, medium, toward, []string{
		"=weight", "=weigh", "=weighed", "=weighing", "=weighs", "=pounds", "=lbs", "=kilos",
		"=kg", "=kgs", "=thin", "=thinner", "=skinny", "=scales", "=scale", "calorie*", "diet*",
		"waist*", "look good", "the mirror", "=mirror", "toned", "get in shape", "how i look",
		"how it looks", "how my body looks", "my looks",
		"fit into",
	}},
	{catalog.Weight, medium, away, []string{
		"body's fine", "body is fine", "fine as it is", "happy with my body",
		"happy with my weight", "happy in my body", "happy in my skin",
	}},
	{catalog.Weight, medium, problem, []string{
		"=fat", "=belly", "=tummy",
	}},
	{catalog.Weight, weak, toward, []string{
		"=body", "bod", "=shape", "=clothes", "=looks", "=appearance", "=lean", "=leaner",
		"=size", "=jeans", "=heavy", "=heavier", "=trousers",
	}},

	// ---------------------------------------------------------------- how runners say it
	// Phrase families found in how runners write about each motive without
	// naming it: idioms, slang and British, American and Australian usage.

	// Coping: the hour that is theirs, phones off, the quiet, the mood after.
	{catalog.Coping, strong, toward, []string{
		"phone off", "without phone", "leave phone at home", "leave my phone", "left phone at home", "switch phone off",
		"turn phone off", "phone switched off", "=offline", "=unreachable", "off grid",
		"pressure valve", "safety valve", "release valve", "run it off", "shake it off",
		"sweat it out", "medicine for head", "medicine for mind",
		"medicine for soul", "nicer person", "easier to live with", "nicer to be around",
		"better person to be around", "nicer to live with", "out of own head", "out of my own head",
		"head straight", "quiet my mind", "quieten my mind", "clear the fog",
		"nobody asking", "no one asking", "nobody talks to me", "no one talks to me", "nobody around", "no one around", "head goes quiet", "brain goes quiet",
		"time i'm alone", "time i am alone",
		"nobody want anything", "no one want anything", "hear myself think",
		"feel human", "feel like a human",
	}},
	{catalog.Coping, medium, toward, []string{
		"do it for me", "do for me", "do this for me",
		"the quiet", "=silence", "the peace", "break from", "for head",
		"away from screens", "off screens", "time out", "=breather",
	}},
	{catalog.Coping, strong, problem, []string{
		"black dog", "dark place", "bad place", "rock bottom", "low mood", "=breakdown",
		"from falling apart", "me falling apart", "kept me from falling apart",
		"couldn't get out of bed", "can't get out of bed", "struggle to get out of bed", "=panic attacks",
		"mental illness", "=bipolar", "=ocd", "=trauma",
	}},
	{catalog.Coping, medium, problem, []string{
		"worst year", "hardest year", "tough year", "rough year", "bad year", "awful year",
		"difficult time", "tough time", "hard time", "rough patch", "=replaying", "ruminat*", "spiral*", "shout at", "shouting at", "snap at", "snapping at",
		"take it out on", "=wound up", "on edge", "head noise", "noise in head",
	}},

	// Joy: the feeling itself, play, flow, the best bit of the day.
	{catalog.Joy, strong, toward, []string{
		"because i like it", "because i enjoy it", "because it's fun", "because it is fun",
		"for sake of running", "for its own sake", "for own sake", "forget i'm running",
		"lose myself", "lose track of time", "in the zone", "time flies", "that's living",
		"this is living", "living the dream", "favourite bit of day", "favorite bit of day",
		"best bit of day", "highlight of day", "highlight of week", "highlight of my week",
		"best part of week", "favourite part of week", "favorite part of week",
		"like a big kid", "like a little kid", "big kid", "best feeling", "happy place",
		"my happy place", "simple pleasure", "=simple pleasures",
	}},
	{catalog.Joy, medium, toward, []string{
		"a treat", "love being out", "love being outside", "love being outdoors", "enjoy being out",
		"enjoy being outside", "go on forever", "run forever", "nothing comes close", "nothing else comes close", "=playtime", "=yay",
	}},
	{catalog.Joy, weak, affect, []string{
		"=perfect", "=brilliant", "=heaven", "=heavenly",
	}},
	{catalog.Joy, medium, away, []string{
		"it's a chore", "it is a chore", "running is a chore", "it's such a chore",
		"it's boring", "it is boring",
		"running is boring", "running bores me", "it bores me", "it's a grind",
		"not a fun runner",
		"don't love it", "not fun for me", "love having run", "enjoy having run",
	}},

	// Recognition: being known, seen and shared.
	{catalog.Recognition, strong, toward, []string{
		"know me as", "known as the", "known as a runner", "look at me",
		"shout out", "=shoutout", "read _ name out", "read name out", "called my name", "local paper", "=newspaper",
		"name on board", "name in paper", "in the paper", "in the newspaper", "thumbs up",
		"people to ask", "people to know", "people to see", "call me the", "called me the",
		"calls me the", "if it's not on strava", "not on strava it didn't happen", "like to be seen",
		"want to be seen", "so people know", "let people know",
		"show everyone",
	}},
	{catalog.Recognition, medium, toward, []string{
		"=selfie", "=selfies", "=newsletter", "=inspirational", "mention*", "the bling",
		"=reactions", "=reaction",
	}},
	{catalog.Recognition, medium, away, []string{
		"medal* in drawer", "medal* _ in drawer", "medal* _ _ in drawer",
		"=anonymity", "=anonymous", "set to private", "nobody needs to know",
		"nobody saw", "no one saw", "nobody watching", "no one watching", "nobody needs to see",
		"no one needs to see", "no audience",
		"no one needs to know", "keep it to myself", "keep it quiet",
	}},

	// Self-esteem: lacking confidence is what the theme works on.
	{catalog.SelfEsteem, strong, problem, []string{
		"not confident", "lack confidence", "lack of confidence", "no confidence",
		"low confidence", "zero confidence", "low self esteem", "no self esteem",
		"no self belief", "not good enough", "hate myself", "hated myself", "hating myself",
		"hate my body", "hated my body", "=useless", "=worthless", "=ashamed", "body image",
	}},
	{catalog.SelfEsteem, strong, toward, []string{
		"different person", "new person", "a new me", "prove anything", "prove something",
		"prove a point", "trust my body", "trust _ body", "trust legs", "believe i can", "believe that i can",
		"body could do that", "body can do that", "trust myself", "believe in my body",
		"body did that", "body did it", "my body did", "prove i can", "prove that i can",
		"prove i could", "prove _ i can", "show myself i can", "head held high",
		"hold head up", "held head up", "hold my head high", "look what i can do",
		"what _ legs can do", "what my legs can do", "less scared", "less afraid",
		"not as scared", "stand up for myself",

		"do hard things",
	}},

	// Meaning: people and memory, giving, roots.
	{catalog.Meaning, strong, toward, []string{
		"keep _ close", "keeps _ close", "feel close to", "feel closer to", "closer to him",
		"closer to her", "still there with me", "with me every step", "in their memory",
		"in his memory", "in her memory", "rais <num> for", "=sponsored", "=sponsorship",
		"=justgiving", "help others", "helping others", "help other people",
		"run leader", "qualified as", "qualify as",
		"i coach", "i'm coaching", "part of something bigger",
	}},
	{catalog.Meaning, medium, toward, []string{
		"=funeral", "=juniors",
	}},
	{catalog.Coping, medium, away, []string{
		"fine mentally", "mentally fine", "mental health is fine", "mental health's fine",
		"mentally i'm fine", "mentally i'm ok", "head's fine",
	}},
	{catalog.Meaning, medium, away, []string{
		"not that deep", "isn't that deep", "nothing deep", "not deep", "it's exercise",
		"just a run", "only a run",
		"just exercise", "it's just running", "just a hobby", "only a hobby",
	}},

	// Routine: built in, automatic, out the door anyway.
	{catalog.Routine, strong, toward, []string{
		"week shape", "day shape", "days shape", "shape to week", "shape to day",
		"shape to days", "built it in", "build it in", "=automatic",
		"on autopilot", "don't have to think about it", "without thinking about it",
		"went anyway", "go anyway", "went out anyway", "still went", "out anyway",
		"every single week", "days in a row", "weeks in a row", "in a row", "wouldn't miss", "would never miss", "won't miss", "second nature", "creature of habit",
		"=religiously",
	}},
	{catalog.Routine, medium, away, []string{
		"when the mood takes me", "when i fancy it", "whenever i fancy it", "no routine",
		"=sporadic", "=sporadically", "on and off", "off and on",
		"in fits and starts", "=spontaneous",
	}},

	// Health: injuries and illness named, a doctor's word.
	{catalog.Health, strong, toward, []string{
		"strength routine", "stretching routine", "strength work",
		"cleared me to run", "cleared to run", "blood test", "for my heart",
		"keep ticking over", "keep me ticking",
	}},
	{catalog.Health, medium, problem, []string{
		"=stroke", "=surgery", "chemo*", "=transplant", "=rehab",
		"=arthritis",
		"pre diabetic", "prediabet*", "=insulin", "=tablets", "=meds", "=statins",
		"tired all the time", "=long covid",
	}},

	// Company: run with me, my group, the same faces.
	{catalog.Affiliation, strong, toward, []string{
		"run with me", "running with me", "ran with me", "come running with me",
		"my group", "my _ group", "our _ group", "running friend*", "run friend*", "same faces",
		"same crowd", "same bunch", "bunch of us", "couldn't have done it without",
		"social life", "pace <person>", "pace _ <person>",
	}},
	{catalog.Affiliation, medium, toward, []string{
		"part of something", "the lads", "the girls", "=lads", "=ladies", "=banter", "=natter",
		"=gossip", "catch up with",
	}},
	{catalog.Affiliation, weak, toward, []string{
		"=coffees", "=pub",
	}},

	// Personal goals: the dream, chasing a number, firsts and milestones.
	{catalog.Achievement, medium, toward, []string{
		"=ambition", "get round", "get round in one piece", "get around in one piece", "=ambitions", "=aspiration", "do a marathon", "do an ultra",
		"do a half", "finish a <num> k", "finish a half", "finish a <num> mile",
		"<num> minutes off", "<num> seconds off", "<num> mins off", "<num> secs off",
		"minutes off", "seconds off", "off my time", "off my pb", "<ord> parkrun",
		"<ord> marathon", "<ord> race", "<num> mile race", "<num> k race", "<num> km race",
		"<num> mile ultra", "time myself", "timing myself", "timed myself", "back to <num> k", "back to <num> km",
		"<num> miles for year", "<num> miles in year", "<num> km for year", "<num> km in year",
		"<num> miles this year", "<num> km this year", "hit <num> miles", "hit <num> km",
	}},
	{catalog.Achievement, weak, toward, []string{
		"=dream", "=dreams", "big dream", "=chasing", "=chase", "=clock",
	}},
	{catalog.Achievement, weak, away, []string{
		"at my pace", "at own pace", "chatty pace", "conversational pace", "my own pace",
	}},

	// Competition: against people, the county team, comparing.
	{catalog.Competition, strong, toward, []string{
		"competitive with <person>", "compete with <person>", "competing with <person>",
		"compar* _ with <person>", "compar* with <person>", "compar* to <person>",
		"compar* _ to <person>", "compar* myself",
	}},
	{catalog.Competition, medium, toward, []string{
		"my age group", "=racer", "reel _ in", "reeling _ in", "reel in", "reeling in", "pick _ off",
		"picking _ off", "county team", "school team", "make the team", "club team", "national team",
		"selected for", "line up", "lining up", "toe the line", "toeing the line", "where i come", "where i came", "where i finish", "where i finished",
		"where i place", "where i placed", "start pen", "starting pen", "=corral", "starting gun", "=hooter",
	}},
	{catalog.Competition, weak, toward, []string{
		"compar*", "=racers",
	}},

	// Exploration: overseas, continents, paths.
	{catalog.Exploration, strong, toward, []string{
		"overseas race", "every continent", "national trail", "long distance path",
		"coast path",
	}},
	{catalog.Exploration, medium, toward, []string{
		"=overseas", "continent*",
	}},

	// Weight: toning, the mirror, the clothes.
	{catalog.Weight, medium, toward, []string{
		"tone up", "=toning", "=toned", "=chub",
		"=chubby", "=podgy", "muffin top", "=waistline",
	}},
}

// opLexicon holds the function cues. Windows count content words (glue
// words are free) between the cue and the theme cue it acts on.
var opLexicon = []opCues{
	{kind: opNegate, window: 4, flags: flagCopula, phrases: []string{
		"isn't", "aren't", "wasn't", "weren't", "ain't", "is not", "are not", "was not",
		"were not",
	}},
	{kind: opNegate, window: 4, flags: flagExperience | flagFinal | flagCopula | flagDirect, phrases: []string{
		"never",
	}},
	{kind: opNegate, window: 4, flags: flagExperience | flagFinal, phrases: []string{
		"haven't", "hasn't", "hadn't", "have not", "has not", "had not",
	}},
	{kind: opNegate, window: 4, flags: flagFinal | flagCopula, phrases: []string{
		"not", "not really", "not particularly", "not especially", "not that", "not very",
		"not much", "not at all", "not anymore", "not any more", "not so",
	}},
	{kind: opNegate, window: 4, flags: flagDirect | flagFinal, phrases: []string{
		"don't need", "doesn't need", "didn't need",
		"don't", "doesn't", "didn't", "won't", "=hardly", "=barely", "=rarely", "=seldom",
		"don't really", "don't actually", "don't often", "hardly ever",
		"rarely ever",
	}},
	{kind: opNegate, window: 4, phrases: []string{
		"wouldn't", "shouldn't", "neither", "nor", "not about",
		"isn't about", "wasn't about", "nothing to do with", "less about",
		"not so much about", "don't bother with",
	}},
	{kind: opNegate, window: 4, flags: flagCross, phrases: []string{
		"not because", "don't think", "do not think", "don't believe", "don't see myself",
		"can't see myself", "cannot see myself", "don't feel", "doesn't feel",
	}},
	{kind: opNegate, window: 3, flags: flagCounterfactual, phrases: []string{
		"without",
	}},
	{kind: opNegate, window: 3, phrases: []string{
		"instead of", "rather than", "except", "apart from", "other than",
		"not for", "not in it for",
	}},
	{kind: opNegate, window: 2, flags: flagDirect, phrases: []string{
		"no more", "=turned off", "turn off", "switched off the", "nobody", "no one",
	}},
	// A subject that denies its verb, as "we don't" does: "none of us care
	// about pace", "neither of us bothers with a watch".
	{kind: opNegate, window: 4, flags: flagDirect | flagCross, phrases: []string{
		"none of us", "neither of us", "not one of us", "none of we", "neither of we",
	}},
	{kind: opNegate, window: 4, flags: flagDirect | flagFinal | flagCease, phrases: []string{
		"no longer",
	}},
	// A refusal of more of the same: on its own after a story it turns
	// down what the story was about ("Did one road race. Never again.").
	{kind: opNegate, window: 3, flags: flagDirect | flagFinal, phrases: []string{
		"never again", "not again", "never ever again", "not doing that again",
		"never doing that again", "won't be doing that again", "once was enough",
	}},
	{kind: opNegate, window: 1, flags: flagDirect | flagCease, phrases: []string{
		"=stopped", "=stop", "=quit", "=quitting", "gave up", "give up", "giving up", "given up",
	}},
	{kind: opNegate, window: 2, flags: flagFinal | flagDirect, phrases: []string{
		"no", "=none", "zero",
	}},
	{kind: opNegate, window: 2, flags: flagFinal, phrases: []string{
		"nothing",
	}},
	// Too much of a thing turns it away; too much of a trouble is still
	// the trouble: "too much chat", "too much stress at work".
	{kind: opNegate, window: 1, flags: flagDirect | flagCease, phrases: []string{
		"too much",
	}},
	{kind: opAverse, window: 5, phrases: []string{
		"=hate", "=hated", "=hates", "=hating", "loathe*", "despise*", "detest*", "dread*",
		"can't stand", "cannot stand", "can't bear", "cannot bear", "sick of", "tired of",
		"fed up with", "fed up of", "bored of", "bored with", "bored by", "don't like",
		"didn't like", "doesn't like", "not like", "dislike*", "not a fan",
		"not fan of", "not big fan", "no desire", "no interest", "not interested",
		"zero interest", "don't care about", "don't care for", "not care about",
		"didn't care about", "doesn't care about", "don't care", "couldn't care less",
		"couldn't care less about", "care less about", "could care less", "would rather not", "rather not",
		"don't want", "didn't want", "doesn't want", "not want", "avoid*", "allergic to",
		"not into", "not big on", "put off by", "turned off by", "scared of", "afraid of",
		"terrified of", "anxious about", "done with", "had enough of", "stay away from",
		"steer clear of", "worst part", "least favourite", "least favorite",
		"can't be bothered", "can't see the point", "don't see the point", "see no point",
		"didn't care", "doesn't care", "never cared", "never really cared", "said no to", "say no to",
		"saying no to", "couldn't face", "can't face", "cannot face", "don't ask me about",
		"wouldn't bother", "won't bother", "wouldn't bother with", "don't fancy", "didn't fancy",
		"never fancied", "never really fancied", "doesn't fancy",
		"took down", "taking down", "taken down",
		"no point in", "what's the point of", "not enjoy", "don't enjoy", "didn't enjoy",
		"doesn't enjoy", "never enjoy", "never enjoyed", "never liked", "never cared about",
		"never cared for", "resent*", "no need for", "no need to", "not motivated by",
		"don't need to", "couldn't care about", "not bothered about", "not fussed about",
		"not interested in", "wouldn't dream of", "would never", "couldn't give a toss",
		"don't give a toss", "couldn't give a damn", "don't give a damn",
		"couldn't give a monkey's", "don't give a monkey's", "couldn't give a stuff",
		"nothing to prove", "burnt out on", "burned out on",
		"don't worry about", "not worried about", "stopped worrying about",
		"done worrying about", "no longer worry about", "never worry about",
		"=meh", "not keen on", "not so keen on", "not keen", "not so interest", "not so into",
		"stopped chasing", "stop chasing", "quit chasing", "gave up chasing", "no longer chase",
		"stopped caring about", "stopped caring",
		"=deleted", "got rid of", "binned off", "=ditched", "over it", "past caring", "=eh",
		"couldn't tell you", "could not tell you", "couldn't even tell you", "don't even know my",
		"no plan to", "no plans to", "no intention of", "no intention", "not planning to",
		"don't plan to", "don't intend to", "no appetite for", "lost the appetite for",
		"lost my appetite for", "don't have the appetite for", "let go of", "lost interest in", "lose interest in", "losing interest in", "lost interest",
		"moved on from", "walked away from", "gave up on", "given up on", "giving up on",
		"grown out of", "fell out of love with", "fallen out of love with",
	}},
	{kind: opAverse, window: 5, flags: flagCross, phrases: []string{
		"stopped pretending", "stop pretending", "gave up pretending",
	}},
	// Putting a thing out of the way: "I ignore them", "sold my Garmin",
	// "I binned it". The object comes right after, so the reach is short.
	{kind: opAverse, window: 2, phrases: []string{
		"ignor*", "=sold", "sell", "=selling", "binned", "=bin", "=binning", "chucked", "chuck",
		"threw out", "threw away", "thrown out", "thrown away", "gave away", "given away",
		"give away", "delet*", "uninstall*", "unfollow*", "unsubscrib*", "muted", "mute",
		"put away", "packed away", "took off", "taken off",
	}},
	{kind: opPostAverse, phrases: []string{
		"not for me", "isn't for me", "aren't for me", "wasn't for me", "not really for me",
		"not my thing", "isn't my thing", "not my cup of tea", "isn't my cup of tea",
		"leaves me cold", "leave me cold", "does nothing for me", "do nothing for me",
		"doesn't do it for me", "don't do it for me", "doesn't appeal", "don't appeal",
		"doesn't interest me", "don't interest me", "not appealing", "stresses me out",
		"stress me out", "stressed me out", "makes me anxious", "make me anxious",
		"makes me nervous", "make me nervous", "bores me", "bore me", "is boring",
		"are boring", "=boring", "overrated", "a chore", "is the worst", "are the worst",
		"puts me off", "put me off", "terrifies me", "terrify me", "scares me", "scare me",
		"intimidates me", "intimidate me", "=intimidating", "doesn't matter",
		"don't matter", "not important", "isn't important", "aren't important",
		"doesn't motivate me", "don't motivate me", "not a priority", "isn't a priority",
		"doesn't drive me", "don't drive me", "never drove me",
		"means nothing", "mean nothing", "no thanks", "no thank you", "drains me",
		"not bothered", "not fussed", "who cares", "gives me anxiety", "give me anxiety",
		// Out of the way, and not missed: "the watch is in a drawer now",
		// "I don't miss it".
		"in a drawer", "in drawer", "in the bin", "gathering dust", "in the loft",
		"at back of cupboard", "on ebay", "don't miss it", "don't miss them", "haven't missed it",
		"never missed it", "not missed it", "don't miss that", "never missed them",
		"not my scene", "not my jam", "matter less", "matters less", "is not for me",
		"are not for me", "was not for me", "is not my thing", "are not my thing",
		"aren't my thing", "is not important", "are not important", "=ruined", "=ruins", "=ruining",
		"=ruin", "spoils it", "spoiled it", "spoilt it", "takes the joy out",
		"takes the fun out", "took the joy out", "sucks the joy out", "makes me miserable",
		"made me miserable", "make me miserable", "want to hide", "=meaningless",
		"=pointless", "=irrelevant",
		// A bad feeling said about what comes before: "the start line makes
		// me feel sick", "group runs give me the fear", "posting my runs
		// makes me feel like a fraud", "races fill me with dread".
		"mak me <bad>", "mak me feel <bad>", "mak me feel so <bad>", "mak me feel like <bad>",
		"mak me feel like i'm <bad>", "mak me feel like i'm _ <bad>", "mak me want to <bad>",
		"mak me want to throw up", "mak me want to be sick", "mak me want to run away",
		"giv me <bad>", "fill me with <bad>", "leav me <bad>", "leav me feel <bad>",
		"sound <bad>", "sound like <bad>", "scar the _ out of me", "scar the _ _ out of me",
		"bor the _ out of me", "bor the _ _ out of me", "scar me off", "put me off",
		"kill it for me", "kill it", "kill the joy", "kill the fun", "suck the joy out",
		"suck the fun out", "suck the life out",
		// Mild and slang dismissals: "leaves me cold" above, and these.
		"hard pass", "i'll pass", "not worth it", "can do one", "can get lost", "can jog on",
		"no chance", "not a chance", "not a hope", "no thank you very much",
		"can take a hike", "means less", "mean less", "means little", "mean little",
		"means less than nothing", "not really my thing", "not really for me", "no ta",
		"not my bag", "not my idea of fun", "not my kind of thing", "not fussed",
		"isn't my idea of fun", "is not my idea of fun", "not really my idea of fun",
		"never been my thing", "never really been my thing", "not what it's for", "isn't what it's for",
		"not what it is for", "hate every minute", "hated every minute", "hating every minute",
		"bores me to tears", "isn't for me either",
	}},
	{kind: opPostNegate, phrases: []string{
		"nope", "nah", "not so much", "not these days", "less so", "no way",
		// Said of what came before: "Longevity, all that - honestly that's
		// not why", "people assume I run to stay slim. Couldn't be further
		// from the truth."
		"not why", "not the reason", "not what gets me", "not what gets me out",
		"not what drives me", "not what motivates me", "not what it's about", "not the point",
		"never the point", "not my reason", "further from the truth", "not true", "not the case",
		"far from it", "mine's fine", "mine is fine", "couldn't be further from the truth",
		"just an excuse", "only an excuse", "stopped being about", "stopped being the point", "no longer about", "not about that",
	}},
	// Settling a negation before it: "I've never been fast and I'm fine
	// with that", "not a racer, and that's ok".
	{kind: opAccept, phrases: []string{
		"fine with that", "fine with it", "ok with that", "okay with that", "ok with it",
		"okay with it", "happy with that", "happy with it", "at peace with that",
		"that's fine", "that's ok", "that's okay", "which is fine", "doesn't bother me",
		"don't mind that", "and that's fine", "and that's ok", "content with that",
	}},
	{kind: opBoost, window: 3, factor: 0.5, phrases: []string{
		"love", "adore*", "enjoy", "kick out of", "=fuels", "=fuel", "motivates me",
		// A wish, not the joy of running: "I'd love to run a relay with my brothers".
		"i'd love to", "would love to", "i'd like to", "would like to", "i'd love to run",
		"would love to run", "i'd like to run", "would like to run",
	}},
	{kind: opBoost, window: 3, factor: 1, phrases: []string{
		"thrive", "thrive on", "live for", "crave*", "passionate about", "obsessed with",
		"addicted to", "driven by", "motivated by", "come alive", "light me up",
		"lights me up", "hooked on",
	}},
	{kind: opHedge, factor: 0.7, phrases: []string{
		"maybe", "perhaps", "probably", "possibly", "might", "i guess", "i suppose",
		"sort of", "kind of", "kinda", "sorta", "somewhat", "not sure", "unsure",
		"don't know", "no idea", "not always", "occasionally", "sometimes", "someday",
		"one day", "at some point", "eventually", "hopefully", "i hope", "if i'm honest",
	}},
	{kind: opHedge, factor: 0.7, flags: flagClause, phrases: []string{
		"if", "unless", "as long as", "whether",
	}},
	{kind: opHedge, factor: 0.3, phrases: []string{
		"bonus", "side effect", "side benefit", "nice extra", "happy accident", "by product",
		"byproduct",
	}},
	{kind: opPast, factor: 0.6, phrases: []string{
		"used to", "back then", "in the past", "years ago", "when i was younger",
		"=formerly", "=previously", "once upon a time", "as a kid",
		// The past of the past: "I'd been chasing a sub-50", "I'd spent
		// months doing it for the kudos".
		"i'd been", "i had been", "i'd spent", "i had spent",
	}},
	{kind: opContrast, phrases: []string{
		"but", "however", "whereas", "that said", "having said that", "on the other hand",
		"then again", "nevertheless", "nonetheless", "even so", "except that",
	}},
	// Contrasts that only count where a clause starts ("I still love it" is
	// not a contrast; "Still, I love it" is).
	{kind: opContrast, flags: flagStart, phrases: []string{
		"still", "instead", "yet", "and yet", "but still",
	}},
	// At the start of a sentence these concede ("Although I like medals,
	// racing stresses me out"); elsewhere they work like "but".
	{kind: opContrast, flags: flagConcede, phrases: []string{
		"though", "although", "even though", "even if", "while", "whilst", "despite",
		"in spite of",
	}},
	{kind: opBoundary, phrases: []string{
		"because", "since", "so", "when", "whenever", "until", "then", "which", "who",
		"as soon as", "plus", "and then", "that's why", "which is why", "so that", "or else",
		"where", "why", "cause",
	}},
	{kind: opBlock, phrases: []string{
		"can't wait", "cannot wait", "not only", "not just", "no matter", "no doubt",
		"never thought", "never imagined", "never expected", "never dreamed", "never dreamt",
		"didn't think", "didn't expect", "didn't imagine", "didn't know", "never knew",
		"wouldn't have thought", "would never have thought", "never believed",
		"not yet",
		"yet to", "don't mind", "do not mind", "doesn't mind", "not bad", "no problem",
		"not easy", "isn't easy", "wasn't easy", "not always easy",
		"nothing wrong", "couldn't", "can't", "cannot", "could not", "wasn't able",
		"happy with",
		"not able", "unable", "no excuses", "no excuse", "never give up", "never gave up",
		"don't give up", "didn't give up", "won't give up", "not giving up", "never quit",
		"didn't quit", "never stopped", "didn't stop", "doesn't stop me", "no matter what",
		"no wonder", "never stop", "don't stop", "won't stop", "can't stop", "if not", "whether or not", "more or less", "not to mention",
		"nothing but", "no less", "not least", "no shortage", "not sure yet",
		"not a problem",
		"not the destination", "for <person> to", "for _ <person> to", "get round to", "got round to",
		// Idioms whose words would read as cues: "on purpose" is not a purpose,
		// "by nature" not the outdoors, "at the same time" not a schedule,
		// "beat myself up" not a time to beat, a wish "for my husband to" not
		// running for him, a time "in mind" not a mind to clear.
		"not against", "nothing against", "no problem with", "nobody saw coming", "not =fussy",
		"not =picky",
		"no one saw coming", "nobody saw it coming", "no one saw it coming",
		"in mind", "on purpose", "by nature", "human nature", "at the same time", "beat myself up",
		"beating myself up", "beat yourself up", "love for <person> to", "like for <person> to",
		"love for _ <person> to", "like for _ <person> to", "post it note", "post its",
	}},
	{kind: opThan, phrases: []string{"than"}},
}

// Answers to the competition question that say yes or no without naming
// anything: "Not really." "Absolutely!"
var (
	lexNoAnswers = []string{
		"no", "nope", "nah", "not really", "not at all", "never", "not me", "not much",
		"absolutely not", "definitely not", "god no", "hell no", "not particularly",
		"not especially", "not massively", "not hugely", "no way", "=rarely", "=hardly",
		"not so much", "not anymore", "not any more", "no longer", "i don't", "not usually",
		"not often",
	}
	lexYesAnswers = []string{
		"yes", "yeah", "yep", "yup", "absolutely", "definitely", "totally", "hell yes",
		"i do", "very much", "very much so", "100", "for sure", "of course", "always",
		"definitely yes", "oh yes",
	}
)

// lexGlue are the words a phrase may skip over and a negation's window
// does not count: articles, possessives and light adverbs.
var lexGlue = []string{
	"a", "an", "the", "my", "your", "his", "her", "our", "their", "its", "some", "this",
	"these", "those", "that", "really", "just", "very", "quite", "bit", "little", "of",
	"all", "more", "even", "actually", "too", "ever", "always", "truly", "honestly",
	"totally", "particularly", "especially", "whole", "lot", "lots", "few", "couple", "any",
	"much", "many", "own", "entire", "extra", "new", "another", "anyone's", "everyone's",
	"someone's",
}

// lexSubjects start a new clause when a negation meets them: "I don't
// race, I run" is caught by the comma, "I never thought I'd love it" by
// "I'd".
var lexSubjects = []string{
	"i", "i'm", "i've", "i'd", "i'll", "we", "we're", "we've", "we'd", "they", "they're",
	"they've", "he", "she", "he's", "she's", "you're",
}

// lexPersons are the words that count as <person>: the people runners run
// with, for and against.
var lexPersons = []string{
	"friend", "mate", "buddy", "pal", "bestie", "brother", "sister", "sibling", "husband",
	"wife", "partner", "spouse", "boyfriend", "girlfriend", "dad", "mum", "mom", "father",
	"mother", "parent", "son", "daughter", "kid", "child", "grandkid", "grandchild",
	"grandson", "granddaughter", "grandma", "grandad", "granddad", "grandpa", "nan",
	"nana", "auntie", "aunt", "uncle", "cousin", "niece", "nephew", "boss", "colleague",
	"coworker", "workmate", "lad", "guy", "girl", "lady", "boy", "neighbour", "neighbor",
	"teammate", "clubmate", "family", "dog", "everyone", "someone", "people", "rival",
	"stranger", "bloke", "fella", "gang", "crew", "club", "group", "team", "others",
	"squad", "folk", "folks", "ppl", "juniors", "runners",
}

// lexBad are the words for a bad feeling that count as <bad>: what
// something "makes me feel", "gives me" or "fills me with". Said about a
// cue, they turn it away: "the start line makes me feel sick", "group runs
// give me the fear", "posting my runs makes me feel like a fraud".
var lexBad = []string{
	"sick", "ill", "nauseous", "queasy", "anxious", "nervous", "panicky", "panic", "miserable",
	"awful", "terrible", "horrible", "dreadful", "rubbish", "crap", "shit", "stressed", "tense",
	"uptight", "inadequate", "small", "stupid", "useless", "worthless", "fraud", "failure",
	"imposter", "impostor", "idiot", "loser", "embarrassed", "ashamed", "humiliated", "exposed",
	"judged", "claustrophobic", "overwhelmed", "uncomfortable", "awkward", "cringe", "cringey",
	"cringy", "bored", "empty", "deflated", "depressed", "hopeless", "pressured", "trapped",
	"guilty", "sad", "grumpy", "angry", "frustrated", "scared", "terrified", "petrified",
	"frightened", "dread", "shaky", "shakes", "fear", "ick", "creeps", "heebie", "vomit", "puke",
	"cry", "hide", "scream", "die", "sob", "weep", "wretched", "unhappy", "exhausted",
	"exhausting", "draining", "drained", "knackering", "horrendous", "hellish", "hell",
	"nightmare", "nightmares", "headache", "jittery", "sweaty", "clammy", "dizzy", "faint",
	"inferior", "slow", "old", "fat", "self", "lonely", "isolated", "lost", "worse", "gross",
	"yuck", "meh", "flat", "cold",
}

// lexActive are the words that say something is run or done, so a "with"
// cue in the same clause is company: "I run with my sister", "parkrun with
// the kids", "a 5k with my dad".
var lexActive = []string{
	"run", "runs", "running", "ran", "jog", "jogging", "parkrun", "race", "racing", "train",
	"training", "session", "loop", "lap", "laps", "route", "mile", "miles", "k", "km", "kms",
	"go", "went", "going", "do", "did", "doing", "done", "come", "came", "join", "joined",
	"meet", "met", "out", "together", "trail", "trails", "hike", "walk", "sprint", "pace",
	"pacing", "relay", "event", "marathon", "half", "ultra", "miler", "track", "morning",
	"mornings", "evening", "evenings", "weekend", "weekends", "saturday", "saturdays",
	"sunday", "sundays", "monday", "tuesday", "wednesday", "thursday", "friday", "tuesdays",
	"thursdays", "lunchtime", "lunchtimes",
}

// lexSpelled are number words that count as <num>.
var lexSpelled = []string{
	"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
	"eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
	"eighty", "ninety", "hundred", "half", "a couple",
}
