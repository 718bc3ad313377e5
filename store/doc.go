// Package store keeps a runner's workbook in one local bbolt file. It is the
// only package in cairn that imports bbolt.
//
// # Layout
//
//	meta/
//	    schema            {app, version, created}: what this file is
//	    current           ID of the season the workbook opens on
//	seasons/
//	    <season id>/      one bucket per season; IDs sort by start time
//	        season        Season: name, started, why the runner came back
//	        place         Place: the screen and question to resume on
//	        themes        ThemeBoard: confirmed, dismissed and own themes
//	        values        []ValueChoice: core values and how running serves them
//	        answers/
//	            <question id>  Answer: one reflection answer
//	        goals/
//	            <goal id>      Goal: one goal on the board
//
// Later features get their own buckets beside these (a journal/ bucket keyed
// by entry time at the top level, a history/ bucket inside each season for
// kept goal edits) without touching what is already there.
//
// # Records
//
// Every value is a small JSON envelope:
//
//	{"kind":"answer","v":1,"sum":"1c291ca3","data":{...}}
//
// kind names the record type, v its version, and sum is the CRC-32C of the
// data bytes exactly as stored. bbolt checksums only its meta pages, so a
// flipped byte in a data page would otherwise read back as a silently
// changed answer; here it reads back as ErrDamaged, naming the record but
// never its text.
//
// # Keys
//
// Keys are strings that sort in a useful order: season and goal IDs start
// with the creation time in hex (see NewID), question IDs come from the
// catalog.
//
// # Opening
//
// Open never writes to a file it has not proven to be a cairn database: it
// first opens the file read-only to check its schema record, and only then
// reopens it for writing. A new database is built under a temporary name
// and linked into place, so a crash during creation never leaves a
// half-made file at the real path. Both opens wait at most LockTimeout for
// another process's lock.
package store
