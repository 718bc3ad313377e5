// Package store keeps a runner's workbook in one local bbolt file. It is the
// only package in cairn that imports bbolt.
//
// # Layout
//
// Schema 4, the layout this build writes:
//
//	meta/
//	    schema            {app, version, created, sealed}: what this file is
//	    crypt             the wrapped data key, when the workbook is
//	                      encrypted (crypt.go); never sealed itself
//	    current           ID of the season the workbook opens on (raw bytes)
//	    last-active       {at}: when anything was last saved, so start-up
//	                      never scans records to say "last here"
//	    journal-settings  JournalSettings: unit, kinds of run, weekly plan
//	seasons/
//	    <season id>/      one bucket per season; IDs sort by start time
//	        season        Season: name, started, why the runner came back,
//	                      what it carried over and from which season
//	        place         Place: the screen, question, goal, theme and idea
//	                      filters to resume on
//	        themes        ThemeBoard: confirmed, dismissed and own themes
//	        values        []ValueChoice: core values and how running serves them
//	        answers/
//	            <question id>  Answer: one reflection answer
//	        goals/
//	            <goal id>      Goal: one goal on the board, with its rest,
//	                           its week and how it went, its line on
//	                           being reached, where it was carried from
//	        history/
//	            <goal id>/
//	                <event id> GoalEvent: every move and edit of the goal,
//	                           keyed by time, read in pages (history.go)
//	journal/              entries keyed by their day and ID, read in pages
//	journal-index/        entry IDs and imported runs' fingerprints
//
// Later features get buckets beside these through a schema step, without
// touching what is already there.
//
// # Records
//
// Every value but meta/current is a small JSON envelope:
//
//	{"kind":"goal","v":2,"sum":"1c291ca3","data":{...}}
//
// kind names the record type and sum is the CRC-32C of the data bytes
// exactly as stored. bbolt checksums only its meta pages, so a flipped
// byte in a data page would otherwise read back as a silently changed
// answer; here it reads back as ErrDamaged, naming the record but never
// its text.
//
// v is the version of that kind alone: each kind changes shape on its own
// schedule. This build writes schema, answer, last-active, entry,
// journal-settings, experiments and goal-event records at version 1,
// season, values and place at version 2, and themes and goals at version
// 3. From version 2, links to
// themes and values are objects saying whose they are
// ({"id":"…","own":true}) and a chosen value carries an own flag; version
// 1 said so by convention only: an own theme's ID began with "own-", an
// own value had a name, and a goal's value links were bare IDs that the
// season's values explained. Themes version 3 lets a mark be "undecided",
// keeping only the direction the runner gave a theme before deciding on
// it. Place version 2 adds the goal selected on the board (and whether its
// editor was open), the theme selected and the idea picker's filters to
// version 1's screen and question. Season version 2 names which reason
// began the season (why) beside the reason in words, and what it carried
// over from which season. Goal version 3 adds a resting goal's rest, a
// small goal's week and how that week went, the runner's line on reaching
// it, and where a carried goal came from; upgrading a version 2 goal gives
// a small goal the week it was written in, and a resting goal a rest of
// the usual three days from when it was last changed. Records are always written at their
// kind's newest version; reading runs the upgrade steps from the version
// stored to the newest (record.go, records.go), so every caller sees one
// shape. A record newer than this build knows is ErrNewerSchema, naming
// its kind.
//
// # Encryption
//
// A workbook may be sealed (crypt.go): every record but meta/schema and
// meta/crypt is stored encrypted with XChaCha20-Poly1305 under a data key
// that meta/crypt holds wrapped by an Argon2id passphrase key (and a
// recovery key), with the record's bucket path and key as associated
// data. Sealing is a layer where records are encoded and decoded: put and
// putRaw seal after encode, get, decodeEntry, decodeEvents and the check
// open (openAt) before decode, each naming the record's bucket path as
// its writer did. Raw values (meta/current, the journal's index) stay
// plain: IDs that carry their creation time, and imported runs'
// fingerprints (start times, hashes; crypt.go says what a sealed file
// shows). The key is derived once per process
// and kept in a keyring, found from a file's meta/crypt, so every
// transaction, copy and check of the workbook opens without asking again;
// Open and OpenReadOnly refuse a sealed workbook whose key is not there
// (ErrEncrypted). Encrypt, Decrypt and ChangePassphrase (which seals
// every record again under a new data key) write a new file
// and rename it over the workbook (rewrite.go). A sealed file's schema
// record is written at version 2, which builds from before encryption
// refuse as newer. CAIRN_TEST_SEALED=1 go test ./store runs the whole
// suite on sealed workbooks (only the tests that edit plain bytes in the
// file fail, as they must).
//
// # Migrations
//
// A file's schema version says which buckets and record versions it can
// hold. Opening a file of an older schema for writing first copies it,
// in one read transaction with bbolt's Tx.WriteTo, to a new file beside
// it, mode 0600, written under a temporary name, synced and then linked
// into place under a name a runner can read:
//
//	cairn.db.before-schema-2-2026-12-03.bak
//
// If that copy cannot be made, Open fails and the workbook is left as it
// was. Then each schema step (migrate.go) runs in its own write
// transaction, which ends by recording the step's version: the step to 2
// creates the journal bucket, rewrites every record at its newest version,
// and fills meta/last-active (and meta/current, if it was missing); the
// step to 3 creates the journal's index and indexes whatever the journal
// holds; the step to 4 gives every season a history bucket, rewrites its
// records at their newest versions and begins each goal's history with
// its adding, dated when the goal was made. A
// damaged record stops the step and the open, with nothing written.
// Opening a file read-only (OpenReadOnly: export, cairn themes) never
// migrates: records are upgraded in memory as they are read, and a schema
// 1 file's last use is worked out from its records. A file of a newer
// schema is refused, untouched. testdata/ holds a file written by each
// schema's builds, and the tests open each one.
//
// # Keys and pages
//
// Keys are strings that sort in a useful order: season, goal and journal
// entry IDs start with their time in hex (see workbook.NewID), entries are
// keyed by their day before their ID, question IDs come from the catalog.
// Lists that grow are read a page at a time, never whole (page.go):
// Seasons returns headers only, never what is written in them, and
// SeasonsPage reads a page from any season, either way, returning where
// the next page starts. The journal reads its entries the same way
// (journal.go): JournalPage from a cursor, JournalFrom to seek to a day,
// JournalScan for a window of days, a page at a time; Entry finds one by
// ID through the index.
//
// # Opening
//
// Open never writes to a file it has not proven to be a cairn database: it
// first opens the file read-only to check its schema record, and only then
// reopens it for writing. A new database is built under a temporary name
// and linked into place, so a crash during creation never leaves a
// half-made file at the real path. The current season is never made by
// reading: CurrentSeason reports ErrNotFound on a new workbook, and
// NewSeason is the one way a season begins (NewSeason with what it
// carries over; a new season only reads the old one, in the same
// transaction, and never changes it). Every save also records
// meta/last-active in the same transaction.
//
// One process at a time edits a workbook: Open takes the editor's lock
// file beside it (editor.go) and fails with ErrLocked when another holds
// it. It then opens bbolt only for the length of each transaction
// (handle.go), so OpenReadOnly, which never takes the lock file, reads a
// workbook the app has open; bbolt's own lock still keeps every read and
// write apart. A handle is never opened with O_CREATE, must be the file
// first opened (ErrReplaced otherwise), and is refused before it is
// mapped when the file is shorter than its header says (header.go).
//
// # Checking, backups, importing
//
// Check and CheckQuick verify a whole workbook and Salvage reads what still
// reads back (check.go); the program runs them in a child process.
// Backup and DailyBackup make hot copies beside the workbook (backup.go).
// Import merges an export in one transaction (import.go). Each of these
// keeps a list of what it walks (the keys a bucket may hold, the sections
// an import merges) where a later schema step adds its records.
package store
