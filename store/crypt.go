package store

import (
	"bytes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/chacha20poly1305"
	"golang.org/x/crypto/hkdf"
	"golang.org/x/text/unicode/norm"
)

// Encryption at rest
//
// A workbook may be sealed: every record but meta/schema and meta/crypt is
// stored as
//
//	0x00 'c' 's' '1'  nonce (24 bytes)  XChaCha20-Poly1305(envelope)
//
// under the workbook's data key, a random 32-byte key, with the record's
// bucket path and key as associated data (recordAD), so a record moved to
// another key, season or bucket fails to open as surely as one changed.
// The envelope inside is the plain record exactly as seal writes it, with
// its kind, version and checksum: sealing is a layer after encode and
// before decode (put, get, openAt), and nothing else in the store knows
// about it. A plain envelope starts with '{', so a sealed value is never
// mistaken for a plain one, nor the other way round.
//
// The data key is never stored as it is. meta/crypt holds it wrapped
// (XChaCha20-Poly1305 again) by a key derived from the passphrase with
// Argon2id, beside the parameters and salt of the derivation so they can
// be raised later, a short check that tells a wrong passphrase from a
// damaged record, and the key's ID (an HMAC of the key, so a key proves
// which workbook it opens). An optional second wrap is made by a recovery
// key: 20 random bytes shown once, as 32 letters and digits, stretched by
// HKDF (it needs no Argon2: it is random, not chosen).
//
// Raw values that are not records stay plain: meta/current (a season ID)
// and the journal's index. Neither holds the runner's words, but both, and
// every key, show something (docs/workbook-file.md lists it all): IDs
// (workbook.NewID) start with the millisecond they were made, journal keys
// with the day of the run, and the index keeps imported runs'
// fingerprints as they are: an exact start time, a file's SHA-256, or a
// 96-bit unsalted SHA-256 of a jrnl entry's date, time and words. Besides:
// how many seasons, answers, goals and entries it holds, which questions
// were answered, and the sizes of records.
//
// A key unlocked once (Unlock, UnlockWithRecovery, Remember) is kept for
// the life of the process in a keyring, found by its ID from a file's
// meta/crypt, so every later transaction, on the workbook or on a copy of
// it, opens its records without deriving the key again.

// ErrEncrypted means the workbook is encrypted and this process has not
// unlocked it.
var ErrEncrypted = errors.New("the workbook is encrypted and has not been unlocked")

// ErrWrongPassphrase means the passphrase (or recovery key) given does not
// unlock the workbook.
var ErrWrongPassphrase = errors.New("that passphrase does not unlock this workbook")

var keyCrypt = []byte("crypt")

// kindCrypt is meta/crypt: the wrapped key. It is never sealed itself.
var kindCrypt = recordKind{name: "crypt"}

const (
	sealedMagic = "\x00cs1"
	keySize     = chacha20poly1305.KeySize
	// SealOverhead is how many bytes sealing adds to a record.
	SealOverhead = len(sealedMagic) + chacha20poly1305.NonceSizeX + chacha20poly1305.Overhead
)

// kdfParams are the Argon2id parameters a passphrase is stretched with.
type kdfParams struct {
	Time    uint32 `json:"time"`
	Memory  uint32 `json:"memory_kib"`
	Threads uint8  `json:"threads"`
}

// defaultKDF is what a new passphrase is stretched with: RFC 9106's
// second recommended option, 64 MiB, 3 passes and 4 lanes. It takes about
// 0.4 s on a shared two-core machine (BenchmarkUnlock), once per process,
// and makes every guess at the passphrase cost as much.
var defaultKDF = kdfParams{Time: 3, Memory: 64 * 1024, Threads: 4}

// maxKDF bounds what a stored wrap may ask for: sixteen times the
// default's memory, passes and lanes, room for years of faster machines.
var maxKDF = kdfParams{Time: 48, Memory: 1 << 20, Threads: 64}

// kdf is what this process derives new wraps with. Tests lighten it.
var kdf = defaultKDF

// minKDF is the weakest derivation a stored wrap may ask for: what cairn
// writes. A wrap with fewer passes or less memory was not written by
// cairn (someone lowered it, to make guesses cheap for the next
// passphrase change to keep) and is refused. Tests lower it with kdf.
var minKDF = defaultKDF

// random is where keys, salts and nonces come from. Known-answer tests
// replace it.
var random io.Reader = rand.Reader

// cryptRecord is meta/crypt.
type cryptRecord struct {
	KeyID      []byte `json:"key_id"`
	Passphrase wrap   `json:"passphrase"`
	Recovery   *wrap  `json:"recovery,omitempty"`
}

// wrap is the data key wrapped by one key-encryption key.
type wrap struct {
	// KDF is "argon2id" for a passphrase, "hkdf-sha256" for a recovery key.
	KDF    string     `json:"kdf"`
	Params *kdfParams `json:"params,omitempty"`
	Salt   []byte     `json:"salt"`
	// Check tells a wrong passphrase from a damaged wrap.
	Check []byte `json:"check"`
	// Key is nonce || sealed data key.
	Key []byte `json:"key"`
}

// Key is a workbook's data key, unlocked.
type Key struct {
	id   [16]byte
	raw  [keySize]byte
	aead cipher.AEAD
}

// newKey makes a Key of raw key bytes.
func newKey(raw []byte) (*Key, error) {
	if len(raw) != keySize {
		return nil, fmt.Errorf("a data key is %d bytes, not %d", keySize, len(raw))
	}
	k := &Key{}
	copy(k.raw[:], raw)
	aead, err := chacha20poly1305.NewX(k.raw[:])
	if err != nil {
		return nil, err
	}
	k.aead = aead
	m := hmac.New(sha256.New, k.raw[:])
	m.Write([]byte("cairn key id v1"))
	copy(k.id[:], m.Sum(nil))
	return k, nil
}

// KeyFromBytes rebuilds a Key passed from another cairn process, as the
// parent passes it to the child that checks the file (never through a
// file, an argument or the environment).
func KeyFromBytes(b []byte) (*Key, error) { return newKey(b) }

// Bytes returns the raw data key, for passing to a child process over a
// pipe. Never write it anywhere else.
func (k *Key) Bytes() []byte { return bytes.Clone(k.raw[:]) }

// recordAD is the associated data of the record under key in the bucket
// at path: the record's whole place, "seasons/<id>/answers/proud-moment",
// as errors name it. No key of a sealed record holds a "/" (they are IDs,
// question IDs, days and meta's names), so no two places share it, and a
// reader that has the place as one string (where) seals and opens alike.
func recordAD(path string, key []byte) []byte {
	ad := make([]byte, 0, 24+len(path)+len(key))
	ad = append(ad, "cairn record v1\x00"...)
	ad = append(ad, path...)
	ad = append(ad, '/')
	return append(ad, key...)
}

// seal encrypts a plain record for the bucket at path and key.
func (k *Key) seal(path string, key, plain []byte) ([]byte, error) {
	out := make([]byte, len(sealedMagic)+chacha20poly1305.NonceSizeX, len(plain)+SealOverhead)
	copy(out, sealedMagic)
	nonce := out[len(sealedMagic):]
	if _, err := io.ReadFull(random, nonce); err != nil {
		return nil, fmt.Errorf("seal a record: %w", err)
	}
	return k.aead.Seal(out, nonce, plain, recordAD(path, key)), nil
}

// open decrypts a sealed record found at path and key. It says only that
// the record does not open, never why in terms of its bytes.
func (k *Key) open(path string, key, sealed []byte) ([]byte, error) {
	if !isSealed(sealed) || len(sealed) < SealOverhead {
		return nil, fmt.Errorf("%w: its seal is cut short", ErrDamaged)
	}
	n := len(sealedMagic) + chacha20poly1305.NonceSizeX
	plain, err := k.aead.Open(nil, sealed[len(sealedMagic):n], sealed[n:], recordAD(path, key))
	if err != nil {
		return nil, fmt.Errorf("%w: its seal does not open (changed, cut short, or moved from another place)", ErrDamaged)
	}
	return plain, nil
}

func isSealed(raw []byte) bool { return bytes.HasPrefix(raw, []byte(sealedMagic)) }

// plainKind reports whether records of kind k stay plain in a sealed
// workbook: the schema (read before any key) and the wrapped key itself.
func plainKind(k recordKind) bool { return k.name == kindSchema.name || k.name == kindCrypt.name }

// sealable reports whether the value under key in the bucket at path is a
// record that a sealed workbook keeps sealed. It is the rule put and get
// follow, written out for the whole-file rewrite (rewrite.go).
func sealable(path string, key []byte) bool {
	switch {
	case path == string(bucketMeta):
		return !bytes.Equal(key, keySchema) && !bytes.Equal(key, keyCrypt) && !bytes.Equal(key, keyCurrent)
	case path == string(bucketJournalIndex):
		return false
	}
	return true
}

// The keyring: keys this process has unlocked, by ID, and the meta/crypt
// records already matched to them.
var keyring = struct {
	sync.RWMutex
	byID     map[[16]byte]*Key
	byRecord map[string]*Key
}{byID: map[[16]byte]*Key{}, byRecord: map[string]*Key{}}

// Remember keeps k for the life of the process: every workbook sealed with
// it opens from now on.
func Remember(k *Key) {
	keyring.Lock()
	defer keyring.Unlock()
	keyring.byID[k.id] = k
}

// keyOf finds the key of the file tx reads. encrypted is false for a plain
// workbook (and for no transaction at all); k is nil when the workbook is
// sealed but not unlocked.
func keyOf(tx *bolt.Tx) (k *Key, encrypted bool, err error) {
	if tx == nil {
		return nil, false, nil // a record read outside any file: plain
	}
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return nil, false, nil
	}
	raw := meta.Get(keyCrypt)
	if raw == nil {
		return nil, false, nil
	}
	keyring.RLock()
	k = keyring.byRecord[string(raw)]
	keyring.RUnlock()
	if k != nil {
		return k, true, nil
	}
	c, err := decodeCrypt(raw)
	if err != nil {
		return nil, true, err
	}
	keyring.Lock()
	defer keyring.Unlock()
	k = keyring.byID[[16]byte(c.KeyID)]
	if k != nil {
		keyring.byRecord[string(raw)] = k
	}
	return k, true, nil
}

func decodeCrypt(raw []byte) (cryptRecord, error) {
	var c cryptRecord
	if err := decode(raw, kindCrypt, upgradeContext{}, &c); err != nil {
		return c, &DamagedError{Where: "meta/crypt", Err: err}
	}
	if len(c.KeyID) != 16 {
		return c, &DamagedError{Where: "meta/crypt", Err: fmt.Errorf("%w: the key's ID is missing", ErrDamaged)}
	}
	return c, nil
}

// sealAt seals the plain record raw for the bucket at path and key, if
// the workbook tx writes is sealed.
func sealAt(tx *bolt.Tx, path string, key []byte, kind recordKind, raw []byte) ([]byte, error) {
	if plainKind(kind) {
		return raw, nil
	}
	k, encrypted, err := keyOf(tx)
	switch {
	case err != nil:
		return nil, err
	case !encrypted:
		return raw, nil
	case k == nil:
		return nil, ErrEncrypted
	}
	return k.seal(path, key, raw)
}

// openAt returns the plain record of raw, the value under key in the
// bucket at path: opened when the workbook is sealed, as it is when not.
// A sealed value in a plain workbook, or a plain one in a sealed workbook
// (put there by something other than cairn), is damage.
func openAt(tx *bolt.Tx, path string, key, raw []byte, kind recordKind) ([]byte, error) {
	if raw == nil || plainKind(kind) {
		return raw, nil
	}
	k, encrypted, err := keyOf(tx)
	where := path + "/" + string(key)
	switch {
	case err != nil:
		return nil, err
	case !encrypted && isSealed(raw):
		return nil, &DamagedError{Where: where, Err: fmt.Errorf("%w: a sealed record in a workbook that is not encrypted", ErrDamaged)}
	case !encrypted:
		return raw, nil
	case k == nil:
		return nil, ErrEncrypted
	case !isSealed(raw):
		return nil, &DamagedError{Where: where, Err: fmt.Errorf("%w: a record left unsealed in an encrypted workbook", ErrDamaged)}
	}
	plain, err := k.open(path, key, raw)
	if err != nil {
		return nil, &DamagedError{Where: where, Err: err}
	}
	return plain, nil
}

// derive stretches a passphrase into a key-encryption key and its check.
// The passphrase is taken in Unicode's composed form (NFC), so "é" typed
// as one character or as "e" and an accent is the same passphrase, as a
// runner would expect on another keyboard or terminal.
func derive(passphrase, salt []byte, p kdfParams) (kek, check []byte) {
	master := argon2.IDKey(norm.NFC.Bytes(passphrase), salt, p.Time, p.Memory, p.Threads, 32)
	return expand(master, salt)
}

// expand splits a master secret into a key-encryption key and a check.
func expand(master, salt []byte) (kek, check []byte) {
	r := hkdf.New(sha256.New, master, salt, []byte("cairn wrap v1"))
	out := make([]byte, keySize+16)
	if _, err := io.ReadFull(r, out); err != nil {
		panic(err) // HKDF-SHA256 gives up to 8 KB; this asks for 48 bytes
	}
	return out[:keySize], out[keySize:]
}

// wrapAD binds a wrap to the key it wraps.
func wrapAD(id [16]byte) []byte { return append([]byte("cairn data key v1"), id[:]...) }

// wrapKey wraps k by kek.
func wrapKey(k *Key, kek []byte) ([]byte, error) {
	aead, err := chacha20poly1305.NewX(kek)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, chacha20poly1305.NonceSizeX, chacha20poly1305.NonceSizeX+keySize+chacha20poly1305.Overhead)
	if _, err := io.ReadFull(random, nonce); err != nil {
		return nil, err
	}
	return aead.Seal(nonce, nonce, k.raw[:], wrapAD(k.id)), nil
}

// unwrapKey opens a wrap whose check has matched, and proves the key is
// the one meta/crypt names.
func unwrapKey(w wrap, kek []byte, id []byte) (*Key, error) {
	damaged := func(why string) error {
		return &DamagedError{Where: "meta/crypt", Err: fmt.Errorf("%w: %s", ErrDamaged, why)}
	}
	aead, err := chacha20poly1305.NewX(kek)
	if err != nil {
		return nil, err
	}
	if len(w.Key) < chacha20poly1305.NonceSizeX+chacha20poly1305.Overhead {
		return nil, damaged("the wrapped key is cut short")
	}
	raw, err := aead.Open(nil, w.Key[:chacha20poly1305.NonceSizeX], w.Key[chacha20poly1305.NonceSizeX:], wrapAD([16]byte(id)))
	if err != nil {
		return nil, damaged("the wrapped key does not open: it was changed or comes from another workbook")
	}
	k, err := newKey(raw)
	if err != nil {
		return nil, damaged("the wrapped key is the wrong length")
	}
	if !bytes.Equal(k.id[:], id) {
		return nil, damaged("the key does not belong to this workbook")
	}
	return k, nil
}

// passphraseWrap wraps k by a new salt and passphrase.
func passphraseWrap(k *Key, passphrase []byte) (wrap, error) {
	salt := make([]byte, 16)
	if _, err := io.ReadFull(random, salt); err != nil {
		return wrap{}, err
	}
	p := kdf
	kek, check := derive(passphrase, salt, p)
	key, err := wrapKey(k, kek)
	if err != nil {
		return wrap{}, err
	}
	return wrap{KDF: "argon2id", Params: &p, Salt: salt, Check: check, Key: key}, nil
}

// recoveryEncoding writes a recovery key in letters and digits that read
// aloud without confusion.
var recoveryEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// recoveryWrap makes a recovery key and wraps k by it.
func recoveryWrap(k *Key) (wrap, string, error) {
	secret := make([]byte, 20)
	salt := make([]byte, 16)
	if _, err := io.ReadFull(random, secret); err != nil {
		return wrap{}, "", err
	}
	if _, err := io.ReadFull(random, salt); err != nil {
		return wrap{}, "", err
	}
	kek, check := expand(secret, salt)
	key, err := wrapKey(k, kek)
	if err != nil {
		return wrap{}, "", err
	}
	code := recoveryEncoding.EncodeToString(secret)
	var groups []string
	for i := 0; i < len(code); i += 4 {
		groups = append(groups, code[i:min(i+4, len(code))])
	}
	return wrap{KDF: "hkdf-sha256", Salt: salt, Check: check, Key: key}, strings.Join(groups, "-"), nil
}

// unlock opens meta/crypt's passphrase wrap with passphrase.
func (c cryptRecord) unlock(passphrase []byte) (*Key, error) {
	w := c.Passphrase
	// Parameters no cairn writes are refused before they are used: a
	// changed byte must not ask Argon2id for a terabyte.
	if w.KDF != "argon2id" || w.Params == nil || w.Params.Time < 1 || w.Params.Time > maxKDF.Time ||
		w.Params.Memory < 8 || w.Params.Memory > maxKDF.Memory || w.Params.Threads < 1 || w.Params.Threads > maxKDF.Threads || len(w.Salt) < 8 {
		return nil, &DamagedError{Where: "meta/crypt", Err: fmt.Errorf("%w: its key derivation is not one this cairn knows", ErrDamaged)}
	}
	if w.Params.Time < minKDF.Time || w.Params.Memory < minKDF.Memory {
		return nil, &DamagedError{Where: "meta/crypt", Err: fmt.Errorf("%w: its key derivation is weaker than cairn ever writes (%d passes, %d MiB), so it was changed; the workbook is not unlocked with it", ErrDamaged, w.Params.Time, w.Params.Memory/1024)}
	}
	kek, check := derive(passphrase, w.Salt, *w.Params)
	if !hmac.Equal(check, w.Check) {
		return nil, ErrWrongPassphrase
	}
	return unwrapKey(w, kek, c.KeyID)
}

// unlockRecovery opens meta/crypt's recovery wrap with a recovery key as
// the runner typed it: any case, with or without dashes and spaces.
func (c cryptRecord) unlockRecovery(code string) (*Key, error) {
	if c.Recovery == nil {
		return nil, errors.New("this workbook has no recovery key")
	}
	clean := strings.Map(func(r rune) rune {
		switch {
		case r == '-' || r == ' ':
			return -1
		case r >= 'a' && r <= 'z':
			return r - 'a' + 'A'
		}
		return r
	}, code)
	secret, err := recoveryEncoding.DecodeString(clean)
	if err != nil || len(secret) != 20 {
		return nil, fmt.Errorf("%w: a recovery key is 32 letters and digits", ErrWrongPassphrase)
	}
	kek, check := expand(secret, c.Recovery.Salt)
	if !hmac.Equal(check, c.Recovery.Check) {
		return nil, ErrWrongPassphrase
	}
	return unwrapKey(*c.Recovery, kek, c.KeyID)
}

// newCrypt makes a data key and meta/crypt for it, and the recovery key
// when one is asked for ("" otherwise).
func newCrypt(passphrase []byte, withRecovery bool) (*Key, cryptRecord, string, error) {
	raw := make([]byte, keySize)
	if _, err := io.ReadFull(random, raw); err != nil {
		return nil, cryptRecord{}, "", err
	}
	k, err := newKey(raw)
	if err != nil {
		return nil, cryptRecord{}, "", err
	}
	c := cryptRecord{KeyID: k.id[:]}
	if c.Passphrase, err = passphraseWrap(k, passphrase); err != nil {
		return nil, cryptRecord{}, "", err
	}
	code := ""
	if withRecovery {
		var w wrap
		if w, code, err = recoveryWrap(k); err != nil {
			return nil, cryptRecord{}, "", err
		}
		c.Recovery = &w
	}
	return k, c, code, nil
}

// encodeCrypt is meta/crypt as stored: a plain record, checksummed.
func encodeCrypt(c cryptRecord) ([]byte, error) {
	data, err := json.Marshal(c)
	if err != nil {
		return nil, err
	}
	return seal(kindCrypt, kindCrypt.latest(), data), nil
}

// seasonPath is the bucket path of the season with ID id, as records are
// named in errors and sealed (recordAD).
func seasonPath(id string) string { return "seasons/" + id }

// UnlockedKeys returns the keys this process has unlocked, for passing to
// a child process (never to a file, an argument or the environment).
func UnlockedKeys() []*Key {
	keyring.RLock()
	defer keyring.RUnlock()
	out := make([]*Key, 0, len(keyring.byID))
	for _, k := range keyring.byID {
		out = append(out, k)
	}
	return out
}

// noSealedInPlain refuses, for writing, a plain workbook that holds a
// sealed record: its key record was removed, and its schema changed, by
// something other than cairn (cairn's own Decrypt writes every record
// plain), perhaps so that what is written next is plain for whoever did
// it to read. It reads every value's first bytes once, at open.
func noSealedInPlain(path string) error {
	db, err := openBolt(path, true, LockTimeout, nil)
	if err != nil {
		return err
	}
	defer db.Close()
	err = guard(func() error {
		return db.View(func(tx *bolt.Tx) error {
			if tx.Bucket(bucketMeta).Get(keyCrypt) != nil {
				return nil
			}
			var walk func(b *bolt.Bucket, where string) error
			walk = func(b *bolt.Bucket, where string) error {
				return b.ForEach(func(k, v []byte) error {
					if v == nil {
						return walk(b.Bucket(k), where+"/"+string(k))
					}
					if isSealed(v) {
						return &DamagedError{Where: where + "/" + keyName(k), Err: fmt.Errorf("%w: a sealed record in a workbook that says it is not encrypted (its key record was removed by something other than cairn); nothing is written to it", ErrDamaged)}
					}
					return nil
				})
			}
			return tx.ForEach(func(name []byte, b *bolt.Bucket) error { return walk(b, string(name)) })
		})
	})
	return inFile(path, err)
}
