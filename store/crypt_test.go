package store

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/crypto/chacha20poly1305"

	"github.com/cairn-run/cairn/workbook"
)

// lightKDF keeps the tests' derivations to milliseconds. The real
// default is pinned by TestDefaultKDF and measured by BenchmarkUnlock.
var lightKDF = kdfParams{Time: 1, Memory: 64, Threads: 1}

func TestMain(m *testing.M) {
	kdf, minKDF = lightKDF, lightKDF
	if os.Getenv("CAIRN_CRASH_CHILD") != "" {
		crashChild()
		return
	}
	if os.Getenv("CAIRN_TEST_SEALED") != "" {
		// The whole suite on sealed workbooks: every path that reads or
		// writes a record must name its bucket as its writer did.
		k, c, _, err := newCrypt([]byte("the whole suite"), false)
		if err != nil {
			panic(err)
		}
		Remember(k)
		suiteKey = k
		sealNew = func(tx *bolt.Tx) error {
			enc, err := encodeCrypt(c)
			if err != nil {
				return err
			}
			if err := tx.Bucket(bucketMeta).Put(keyCrypt, enc); err != nil {
				return err
			}
			return putSchema(tx, schema{App: appName, Version: SchemaVersion, Sealed: true})
		}
	}
	os.Exit(m.Run())
}

// suiteKey is the key of the sealed suite's workbooks, if it runs.
var suiteKey *Key

// counter is a reader of 0, 1, 2, ... for known answers.
type counter struct{ n byte }

func (c *counter) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = c.n
		c.n++
	}
	return len(p), nil
}

func knownRandom(t *testing.T) {
	t.Helper()
	old := random
	random = &counter{}
	t.Cleanup(func() { random = old })
}

func unhex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestXChaCha20Poly1305Vector is the published vector of the AEAD every
// record is sealed with: draft-irtf-cfrg-xchacha-03, appendix A.3.1.
func TestXChaCha20Poly1305Vector(t *testing.T) {
	k, err := newKey(unhex(t, "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f"))
	if err != nil {
		t.Fatal(err)
	}
	plain := []byte("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.")
	nonce := unhex(t, "404142434445464748494a4b4c4d4e4f5051525354555657")
	ad := unhex(t, "50515253c0c1c2c3c4c5c6c7")
	want := "bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b4522f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff921f9664c97637da9768812f615c68b13b52e" +
		"c0875924c1c7987947deafd8780acf49" // the tag
	if got := hex.EncodeToString(k.aead.Seal(nil, nonce, plain, ad)); got != want {
		t.Errorf("sealed = %s\nwant     %s", got, want)
	}
}

// TestDeriveKnownAnswer pins Argon2id at the real default parameters, and
// the split of its output into the key-encryption key and the check, so a
// change to either (which would lock every runner out) cannot pass.
func TestDeriveKnownAnswer(t *testing.T) {
	if defaultKDF != (kdfParams{Time: 3, Memory: 64 * 1024, Threads: 4}) {
		t.Fatalf("defaultKDF = %+v: at least 64 MiB and 3 passes", defaultKDF)
	}
	salt := unhex(t, "000102030405060708090a0b0c0d0e0f")
	kek, check := derive([]byte("correct horse battery staple"), salt, defaultKDF)
	if got, want := hex.EncodeToString(kek), "e3df0c3a766b49ecd6f3f647cddc6f37710bc97db8017f74c998ffcc3568e718"; got != want {
		t.Errorf("kek = %s, want %s", got, want)
	}
	if got, want := hex.EncodeToString(check), "3eb33ad9a2d1555caec8183e412b05e3"; got != want {
		t.Errorf("check = %s, want %s", got, want)
	}
	// One passphrase however its accents were typed.
	composed, _ := derive([]byte("caf\u00e9 au lait"), salt, lightKDF)
	decomposed, _ := derive([]byte("cafe\u0301 au lait"), salt, lightKDF)
	if !bytes.Equal(composed, decomposed) {
		t.Error("é typed as e and an accent is another passphrase")
	}
	// The light parameters the tests use give another key: the
	// parameters are part of the answer.
	light, _ := derive([]byte("correct horse battery staple"), salt, lightKDF)
	if bytes.Equal(light, kek) {
		t.Error("the parameters do not change the key")
	}
}

// TestSealKnownAnswer pins a sealed record byte for byte: the prefix, the
// nonce, the ciphertext and tag under a known key, nonce and place.
func TestSealKnownAnswer(t *testing.T) {
	knownRandom(t)
	k, err := newKey(unhex(t, "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f"))
	if err != nil {
		t.Fatal(err)
	}
	plain := seal(kindAnswer, 1, []byte(`{"question":"q","text":"hill"}`))
	sealed, err := k.seal("seasons/s1/answers", []byte("proud-moment"), plain)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := hex.EncodeToString(sealed), "00637331000102030405060708090a0b0c0d0e0f10111213141516171bc0e1e6e7c9d00af8ca175fe3ba99c54acfd360edf1befb0fbe1823724dff927daf35ef109f40054d12092f4887c378e970ed1759a418d28cb972845c1453196af5e9e562cf23efb611980ed74a7d28283eaa33984db327df31601fea6f"; got != want {
		t.Errorf("sealed = %s\nwant     %s", got, want)
	}
	if len(sealed) != len(plain)+SealOverhead {
		t.Errorf("sealing added %d bytes, want %d", len(sealed)-len(plain), SealOverhead)
	}
	if got := hex.EncodeToString(k.id[:]); got != "4c6543ac53e9a4e9c1378b6401bca9dd" {
		t.Errorf("key ID = %s", got)
	}
	back, err := k.open("seasons/s1/answers", []byte("proud-moment"), sealed)
	if err != nil || !bytes.Equal(back, plain) {
		t.Errorf("open = %q, %v", back, err)
	}
}

// TestWrapKnownAnswer pins meta/crypt as a new workbook writes it, with
// known randomness and the light parameters (which it records).
func TestWrapKnownAnswer(t *testing.T) {
	knownRandom(t)
	k, c, code, err := newCrypt([]byte("correct horse battery staple"), true)
	if err != nil {
		t.Fatal(err)
	}
	enc, err := encodeCrypt(c)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(enc), `{"kind":"crypt","v":1,"sum":"c598f0cb","data":{"key_id":"IEdBgUM9sr/cH2msw6gNrQ==","passphrase":{"kdf":"argon2id","params":{"time":1,"memory_kib":64,"threads":1},"salt":"ICEiIyQlJicoKSorLC0uLw==","check":"7Ek4zoKuxeEJh/0DJJyifg==","key":"MDEyMzQ1Njc4OTo7PD0+P0BBQkNERUZHeekDGtt0mCHSdh55FtaAgzqmw9KNu2z9ftK/Gyhw5AnXVtYKGseiXhu02YvniwU7"},"recovery":{"kdf":"hkdf-sha256","salt":"XF1eX2BhYmNkZWZnaGlqaw==","check":"6h08r8kEGxRrtmYR+TAsNg==","key":"bG1ub3BxcnN0dXZ3eHl6e3x9fn+AgYKDOKw8snU0F9hjkv16IriBYv5ATrjF3NGs45G5m6Ls+BeC2ZXuVI0niY/gEBVbBn/d"}}}`; got != want {
		t.Errorf("meta/crypt = %s\nwant        %s", got, want)
	}
	if code != "JBEU-US2M-JVHE-6UCR-KJJV-IVKW-K5MF-SWS3" {
		t.Errorf("recovery key = %s", code)
	}
	for _, unlock := range []func() (*Key, error){
		func() (*Key, error) { return c.unlock([]byte("correct horse battery staple")) },
		func() (*Key, error) { return c.unlockRecovery(strings.ToLower(code)) },
		func() (*Key, error) { return c.unlockRecovery(strings.ReplaceAll(code, "-", " ")) },
	} {
		got, err := unlock()
		if err != nil || got.raw != k.raw {
			t.Errorf("unlock = %v", err)
		}
	}
}

// sealedWorkbook is the schema 4 fixture, encrypted with passphrase (and
// a recovery key), unlocked in this process. It returns the path and the
// recovery key.
func sealedWorkbook(t *testing.T, passphrase string) (string, string) {
	t.Helper()
	path := copyFixture(t, "schema4.db")
	code, err := Encrypt(path, []byte(passphrase), true)
	if err != nil {
		t.Fatal(err)
	}
	return path, code
}

// forget empties the keyring, as a new process starts.
func forget(t *testing.T) {
	t.Helper()
	keyring.Lock()
	defer keyring.Unlock()
	clear(keyring.byID)
	clear(keyring.byRecord)
	if suiteKey != nil {
		keyring.byID[suiteKey.id] = suiteKey
	}
}

func TestEncryptKeepsEveryWord(t *testing.T) {
	path, code := sealedWorkbook(t, "pass one")
	if on, err := Encrypted(path); err != nil || !on {
		t.Fatalf("Encrypted = %v, %v", on, err)
	}
	if code == "" {
		t.Error("no recovery key")
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	checkSchema4(t, s)
	s.Close()

	// A new process: nothing opens until it is unlocked.
	forget(t)
	if _, err := OpenReadOnly(path); !errors.Is(err, ErrEncrypted) {
		t.Errorf("OpenReadOnly of a locked workbook: %v, want ErrEncrypted", err)
	}
	if _, err := Open(path); !errors.Is(err, ErrEncrypted) {
		t.Errorf("Open of a locked workbook: %v, want ErrEncrypted", err)
	}
	if _, err := Check(path, nil); !errors.Is(err, ErrEncrypted) {
		t.Errorf("Check of a locked workbook: %v, want ErrEncrypted", err)
	}
	if _, err := Unlock(path, []byte("pass two")); !errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("a wrong passphrase: %v", err)
	}
	if _, err := UnlockWithRecovery(path, "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA"); !errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("a wrong recovery key: %v", err)
	}
	if _, err := UnlockWithRecovery(path, code); err != nil {
		t.Fatal(err)
	}
	ro, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	checkSchema4(t, ro)
	ro.Close()
	if r, err := Check(path, nil); err != nil || !r.Healthy() {
		t.Errorf("Check = %+v, %v", r.Problems, err)
	}

	// Change the passphrase: the old one and the old recovery key no
	// longer open it, the new one and the new recovery key do, and the
	// old wrap is nowhere in the file (not even in a free page).
	old, _, err := readCrypt(path)
	if err != nil {
		t.Fatal(err)
	}
	oldCode := code
	if code, err = ChangePassphrase(path, []byte("pass two")); err != nil {
		t.Fatal(err)
	}
	if code == "" || code == oldCode {
		t.Errorf("the recovery key after a change: %q, was %q", code, oldCode)
	}
	forget(t)
	if _, err := UnlockWithRecovery(path, oldCode); !errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("the old recovery key after a change: %v", err)
	}
	if raw, _ := os.ReadFile(path); bytes.Contains(raw, old.Passphrase.Key[24:]) || bytes.Contains(raw, []byte(base64.StdEncoding.EncodeToString(old.Passphrase.Key))) {
		t.Error("the old passphrase's wrap is still in the file")
	}
	forget(t)
	if _, err := Unlock(path, []byte("pass one")); !errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("the old passphrase: %v", err)
	}
	if _, err := UnlockWithRecovery(path, code); err != nil {
		t.Errorf("the recovery key after a change: %v", err)
	}
	forget(t)
	if _, err := Unlock(path, []byte("pass two")); err != nil {
		t.Fatal(err)
	}

	// And off again: a plain workbook with every word.
	if err := Decrypt(path); err != nil {
		t.Fatal(err)
	}
	forget(t)
	if on, err := Encrypted(path); err != nil || on {
		t.Fatalf("Encrypted after Decrypt = %v, %v", on, err)
	}
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	checkSchema4(t, s)
	if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*rewrite*")); len(leftovers) > 0 {
		t.Errorf("left behind: %v", leftovers)
	}
}

// TestOldPassphraseOnAnOldCopyOpensNothingNew: a copy of the file from
// before a passphrase change (a backup, a sync service's history), opened
// with the old passphrase, gives the old data key; that key must not read
// the workbook after the change, nor any record in it.
func TestOldPassphraseOnAnOldCopyOpensNothingNew(t *testing.T) {
	path, _ := sealedWorkbook(t, "old one")
	before := filepath.Join(t.TempDir(), "before.db")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	write(t, before, raw)
	if _, err := ChangePassphrase(path, []byte("new one")); err != nil {
		t.Fatal(err)
	}
	forget(t)
	oldKey, err := Unlock(before, []byte("old one"))
	if err != nil {
		t.Fatalf("the old copy with the old passphrase: %v", err)
	}
	if s, err := Open(path); !errors.Is(err, ErrEncrypted) {
		t.Errorf("the workbook after the change, with only the old key: %v, want ErrEncrypted", err)
		if s != nil {
			s.Close()
		}
	}
	c, _, err := readCrypt(path)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(c.KeyID, oldKey.id[:]) {
		t.Error("the data key did not change with the passphrase")
	}
	// No record of the new file opens with the old key.
	boltFile(t, path, func(tx *bolt.Tx) error {
		opened := 0
		var walk func(b *bolt.Bucket, where string)
		walk = func(b *bolt.Bucket, where string) {
			b.ForEach(func(k, v []byte) error {
				if v == nil {
					walk(b.Bucket(k), where+"/"+string(k))
				} else if sealable(where, k) {
					if _, err := oldKey.open(where, k, v); err == nil {
						opened++
					}
				}
				return nil
			})
		}
		tx.ForEach(func(name []byte, b *bolt.Bucket) error { walk(b, string(name)); return nil })
		if opened > 0 {
			t.Errorf("%d records of the new file open with the old key", opened)
		}
		return nil
	})
	forget(t)
	if _, err := Unlock(path, []byte("new one")); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	checkSchema4(t, s)
	s.Close()
}

// TestSealedWorkbookKeepsWriting saves through every kind of write into a
// sealed workbook and reads it back, and finds no plain record in it.
func TestSealedWorkbookKeepsWriting(t *testing.T) {
	path, _ := sealedWorkbook(t, "pass")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	cur, err := s.CurrentSeason()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveAnswer(cur.ID, workbook.Answer{Question: "proud-moment", Text: "sealed fwnewkw"}); err != nil {
		t.Fatal(err)
	}
	e := workbook.Entry{ID: workbook.NewID(fixture4Day), Day: workbook.DayOf(fixture4Day), Note: "sealed run fwrunkw"}
	if err := s.PutEntry(e); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Entry(e.ID); err != nil || got.Note != e.Note {
		t.Errorf("Entry = %+v, %v", got, err)
	}
	next, err := s.NewSeason(workbook.SeasonPlan{Carry: workbook.CarryAll})
	if err != nil {
		t.Fatal(err)
	}
	wb, err := s.Workbook(cur.ID)
	if err != nil || wb.Answers["proud-moment"].Text != "sealed fwnewkw" {
		t.Errorf("answer = %+v, %v", wb.Answers["proud-moment"], err)
	}
	if _, err := s.Workbook(next.ID); err != nil {
		t.Error(err)
	}
	s.Close()
	for where, raw := range records(t, path) {
		if strings.HasSuffix(where, "/") {
			continue
		}
		b, k := splitWhere(where)
		want := sealable(b, []byte(k)) && !strings.HasPrefix(where, "journal-index/")
		if isSealed([]byte(raw)) != want {
			t.Errorf("%s: sealed %v, want %v", where, isSealed([]byte(raw)), want)
		}
	}
	if r, err := Check(path, nil); err != nil || !r.Healthy() {
		t.Errorf("Check = %+v, %v", r.Problems, err)
	}
}

func splitWhere(where string) (bucket, key string) {
	i := strings.LastIndexByte(where, '/')
	return where[:i], where[i+1:]
}

// TestTamperedRecordsAreNamedNeverShown changes a sealed workbook in every
// way an attacker or a disk could, and expects an error naming the record
// and never a word of it.
func TestTamperedRecordsAreNamedNeverShown(t *testing.T) {
	path, _ := sealedWorkbook(t, "pass")
	// The season with answers, and another.
	var season, other string
	var answer, key []byte
	boltFile(t, path, func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSeasons).ForEach(func(id, _ []byte) error {
			k, v := tx.Bucket(bucketSeasons).Bucket(id).Bucket(bucketAnswers).Cursor().First()
			switch {
			case k != nil && season == "":
				season, key, answer = string(id), bytes.Clone(k), bytes.Clone(v)
			case other == "":
				other = string(id)
			}
			return nil
		})
	})
	answers := seasonPath(season) + "/answers"
	read := func(t *testing.T, p string) error {
		t.Helper()
		s, err := OpenReadOnly(p)
		if err != nil {
			return err
		}
		defer s.Close()
		_, err = s.Workbook(season)
		return err
	}
	expectNamed := func(t *testing.T, err error, where string) {
		t.Helper()
		var d *DamagedError
		if !errors.As(err, &d) || !errors.Is(err, ErrDamaged) {
			t.Fatalf("err = %v, want a DamagedError", err)
		}
		if !strings.Contains(err.Error(), where) {
			t.Errorf("err = %v, want it to name %s", err, where)
		}
		if marker4.MatchString(err.Error()) {
			t.Errorf("err shows the runner's words: %v", err)
		}
	}
	tampered := func(t *testing.T, fn func(tx *bolt.Tx) error) string {
		t.Helper()
		p := filepath.Join(t.TempDir(), "cairn.db")
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		write(t, p, raw)
		boltFile(t, p, fn)
		return p
	}
	if !isSealed(answer) || other == "" {
		t.Fatal("the answer is not sealed")
	}
	at := answers + "/" + string(key)

	t.Run("every byte flipped", func(t *testing.T) {
		// Each byte of the sealed answer in turn, through the store's
		// own reading of the file.
		p := tampered(t, func(*bolt.Tx) error { return nil })
		for i := range answer {
			boltFile(t, p, func(tx *bolt.Tx) error {
				bad := bytes.Clone(answer)
				bad[i] ^= 1 << (i % 8)
				return tx.Bucket(bucketSeasons).Bucket([]byte(season)).Bucket(bucketAnswers).Put(key, bad)
			})
			expectNamed(t, read(t, p), at)
		}
	})
	t.Run("moved to another key", func(t *testing.T) {
		to := "big-dream"
		if string(key) == to {
			to = "proud-moment"
		}
		p := tampered(t, func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketSeasons).Bucket([]byte(season)).Bucket(bucketAnswers)
			if err := b.Delete(key); err != nil {
				return err
			}
			return b.Put([]byte(to), answer)
		})
		expectNamed(t, read(t, p), answers+"/"+to)
	})
	t.Run("moved to another season", func(t *testing.T) {
		p := tampered(t, func(tx *bolt.Tx) error {
			return tx.Bucket(bucketSeasons).Bucket([]byte(other)).Bucket(bucketAnswers).Put(key, answer)
		})
		s, err := OpenReadOnly(p)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		_, err = s.Workbook(other)
		expectNamed(t, err, seasonPath(other)+"/answers/"+string(key))
	})
	t.Run("moved to another bucket", func(t *testing.T) {
		// The kind inside the envelope catches this even without the
		// place bound in; TestSealBindsTheWholePlace and
		// TestAnEventMovedToAnotherGoalDoesNotOpen test the place alone.
		p := tampered(t, func(tx *bolt.Tx) error {
			return tx.Bucket(bucketSeasons).Bucket([]byte(season)).Put(keyPlace, answer)
		})
		expectNamed(t, read(t, p), seasonPath(season)+"/place")
	})
	t.Run("cut short", func(t *testing.T) {
		for _, n := range []int{0, 2, 4, 20, SealOverhead - 1, len(answer) - 1} {
			p := tampered(t, func(tx *bolt.Tx) error {
				return tx.Bucket(bucketSeasons).Bucket([]byte(season)).Bucket(bucketAnswers).Put(key, answer[:n])
			})
			expectNamed(t, read(t, p), at)
		}
	})
	t.Run("a plain record put among sealed ones", func(t *testing.T) {
		p := tampered(t, func(tx *bolt.Tx) error {
			plain, _ := encode(kindAnswer, answerRecord{Question: string(key), Text: "planted"})
			return tx.Bucket(bucketSeasons).Bucket([]byte(season)).Bucket(bucketAnswers).Put(key, plain)
		})
		expectNamed(t, read(t, p), at)
	})
	t.Run("the key record removed", func(t *testing.T) {
		p := tampered(t, func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Delete(keyCrypt) })
		err := read(t, p)
		if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "meta/crypt") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("parameters no cairn writes", func(t *testing.T) {
		for name, bad := range map[string]kdfParams{
			"a terabyte":   {Time: 1, Memory: 1 << 30, Threads: 1},
			"no passes":    {Time: 0, Memory: 64, Threads: 1},
			"a year of it": {Time: 1 << 30, Memory: 64, Threads: 1},
		} {
			p := tampered(t, func(tx *bolt.Tx) error {
				c, err := decodeCrypt(tx.Bucket(bucketMeta).Get(keyCrypt))
				if err != nil {
					return err
				}
				c.Passphrase.Params = &bad
				enc, _ := encodeCrypt(c)
				return tx.Bucket(bucketMeta).Put(keyCrypt, enc)
			})
			if _, err := Unlock(p, []byte("pass")); !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "meta/crypt") {
				t.Errorf("%s: %v", name, err)
			}
		}
	})
	t.Run("a wrong passphrase", func(t *testing.T) {
		forget(t)
		if _, err := Unlock(path, []byte("Pass")); !errors.Is(err, ErrWrongPassphrase) {
			t.Errorf("err = %v", err)
		}
		if err := read(t, path); !errors.Is(err, ErrEncrypted) {
			t.Errorf("reading after a wrong passphrase: %v", err)
		}
	})
	t.Run("a swapped wrapped key", func(t *testing.T) {
		other, _ := sealedWorkbook(t, "pass")
		oc, _, err := readCrypt(other)
		if err != nil {
			t.Fatal(err)
		}
		for name, swap := range map[string]func(c *cryptRecord){
			"the wrapped key":         func(c *cryptRecord) { c.Passphrase.Key = oc.Passphrase.Key },
			"the whole wrap":          func(c *cryptRecord) { c.Passphrase = oc.Passphrase },
			"the wrap and the key ID": func(c *cryptRecord) { c.Passphrase, c.KeyID = oc.Passphrase, oc.KeyID },
		} {
			t.Run(name, func(t *testing.T) {
				forget(t)
				p := tampered(t, func(tx *bolt.Tx) error {
					c, err := decodeCrypt(tx.Bucket(bucketMeta).Get(keyCrypt))
					if err != nil {
						return err
					}
					swap(&c)
					enc, _ := encodeCrypt(c)
					return tx.Bucket(bucketMeta).Put(keyCrypt, enc)
				})
				_, err := Unlock(p, []byte("pass"))
				if err == nil {
					// The other workbook's key opens: then no record does.
					err = read(t, p)
					expectNamed(t, err, seasonPath(season))
					return
				}
				expectNamed(t, err, "meta/crypt")
			})
		}
	})
}

// TestCanaryNowhereInPlainText writes through the store into a sealed
// workbook, with its daily copy, and finds none of the runner's words in
// any file in its folder or in the temporary folder.
func TestCanaryNowhereInPlainText(t *testing.T) {
	plainOnly(t, "it seals its own workbook")
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	path := filepath.Join(t.TempDir(), "data", "cairn.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Encrypt(path, []byte("pass"), false); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	const canary = "zebracanary7319"
	season, err := s.NewSeason(workbook.SeasonPlan{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 50 {
		if err := s.SaveAnswer(season.ID, workbook.Answer{Question: "proud-moment", Text: strings.Repeat("I ran "+canary+" ", i+1)}); err != nil {
			t.Fatal(err)
		}
	}
	g := workbook.Goal{ID: workbook.NewID(fixture4Day), Text: "goal " + canary, Tier: workbook.Small}
	if err := s.PutGoal(season.ID, g); err != nil {
		t.Fatal(err)
	}
	if err := s.PutEntry(workbook.Entry{ID: workbook.NewID(fixture4Day), Day: workbook.DayOf(fixture4Day), Note: canary}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DailyBackup(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Backup(filepath.Join(filepath.Dir(path), "copy.db")); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := ChangePassphrase(path, []byte("pass 2")); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{filepath.Dir(path), tmp} {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			raw, err := os.ReadFile(p)
			if err != nil {
				t.Error(err)
			}
			if bytes.Contains(raw, []byte(canary)) || bytes.Contains(raw, []byte("zebracan")) {
				t.Errorf("%s holds the canary in plain text", p)
			}
			return nil
		})
	}
}

// The kill test: a child process (this test binary) runs one operation
// and exits at its Nth step; the parent then finds the workbook whole
// and exactly one way into it. N runs from 1 until the child finishes.

func crashChild() {
	path := os.Getenv("CAIRN_CRASH_DB")
	n, _ := strconv.Atoi(os.Getenv("CAIRN_CRASH_STEP"))
	seen := 0
	crashPoint = func(step string) {
		seen++
		if seen == n {
			fmt.Println("crashed at", step)
			os.Exit(3)
		}
	}
	var err error
	switch os.Getenv("CAIRN_CRASH_CHILD") {
	case "encrypt":
		_, err = Encrypt(path, []byte("old"), true)
	case "passphrase":
		if _, err = Unlock(path, []byte("old")); err == nil {
			_, err = ChangePassphrase(path, []byte("new"))
		}
	case "decrypt":
		if _, err = Unlock(path, []byte("old")); err == nil {
			err = Decrypt(path)
		}
	}
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	os.Exit(0)
}

func TestKilledAtEveryStep(t *testing.T) {
	plain := copyFixture(t, "schema4.db")
	sealed := copyFixture(t, "schema4.db")
	if _, err := Encrypt(sealed, []byte("old"), false); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		op, from string
		// ways are the passphrases that may open the file ("" for a plain
		// file): exactly one of them must.
		ways []string
	}{
		{"encrypt", plain, []string{"", "old"}},
		{"passphrase", sealed, []string{"old", "new"}},
		{"decrypt", sealed, []string{"old", ""}},
	} {
		t.Run(tc.op, func(t *testing.T) {
			raw, err := os.ReadFile(tc.from)
			if err != nil {
				t.Fatal(err)
			}
			finished := false
			for n := 1; !finished && n < 20; n++ {
				path := filepath.Join(t.TempDir(), "cairn.db")
				write(t, path, raw)
				cmd := exec.Command(os.Args[0], "-test.run=^$")
				cmd.Env = append(os.Environ(), "CAIRN_CRASH_CHILD="+tc.op, "CAIRN_CRASH_DB="+path, "CAIRN_CRASH_STEP="+strconv.Itoa(n))
				out, err := cmd.CombinedOutput()
				var exit *exec.ExitError
				switch {
				case err == nil:
					finished = true
				case errors.As(err, &exit) && exit.ExitCode() == 3:
				default:
					t.Fatalf("step %d: %v: %s", n, err, out)
				}
				opened := 0
				for _, way := range tc.ways {
					forget(t)
					on, err := Encrypted(path)
					if err != nil {
						t.Fatalf("step %d: %v", n, err)
					}
					switch {
					case way == "" && on, way != "" && !on:
						continue
					case way != "":
						if _, err := Unlock(path, []byte(way)); errors.Is(err, ErrWrongPassphrase) {
							continue
						} else if err != nil {
							t.Fatalf("step %d (%s): %v", n, out, err)
						}
					}
					opened++
					if tc.op == "passphrase" && way == "new" {
						// The new passphrase opens a new data key, never the
						// one the old passphrase gives.
						before, _, _ := readCrypt(tc.from)
						after, _, _ := readCrypt(path)
						if bytes.Equal(before.KeyID, after.KeyID) {
							t.Errorf("step %d: the new passphrase wraps the old data key", n)
						}
					}
					s, err := Open(path)
					if err != nil {
						t.Fatalf("step %d (%s): %v", n, out, err)
					}
					checkSchema4(t, s)
					s.Close()
				}
				if opened != 1 {
					t.Fatalf("step %d (%s): %d ways open the workbook, want exactly 1", n, bytes.TrimSpace(out), opened)
				}
				if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*rewrite*")); len(leftovers) > 0 {
					t.Errorf("step %d: left behind after the next open: %v", n, leftovers)
				}
				if finished && n < 4 {
					t.Errorf("%s finished after %d steps: the hook is not reached", tc.op, n)
				}
			}
			if !finished {
				t.Fatal("never finished")
			}
		})
	}
}

func TestSealOverhead(t *testing.T) {
	if SealOverhead != 4+chacha20poly1305.NonceSizeX+chacha20poly1305.Overhead {
		t.Errorf("SealOverhead = %d", SealOverhead)
	}
}

// BenchmarkUnlock is the one derivation a process makes: Argon2id at the
// real default parameters (scripts/measure-encryption.sh reports it).
func BenchmarkUnlock(b *testing.B) {
	salt := make([]byte, 16)
	for b.Loop() {
		derive([]byte("correct horse battery staple"), salt, defaultKDF)
	}
}

// BenchmarkOpenRecord is what sealing adds to reading one answer.
func BenchmarkOpenRecord(b *testing.B) {
	k, err := newKey(make([]byte, keySize))
	if err != nil {
		b.Fatal(err)
	}
	plain := seal(kindAnswer, 1, []byte(`{"question":"proud-moment","text":"`+strings.Repeat("a hill at dawn ", 140)+`"}`))
	sealed, err := k.seal("seasons/01a3ffc816400000f001/answers", []byte("proud-moment"), plain)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(plain)))
	for b.Loop() {
		if _, err := k.open("seasons/01a3ffc816400000f001/answers", []byte("proud-moment"), sealed); err != nil {
			b.Fatal(err)
		}
	}
}

// The sealed fixture: testdata/schema4.db encrypted by this build, under
// sealedFixturePass and the recovery key below, with the tests' light
// Argon2id parameters (stored in it, so it opens quickly) and known
// randomness, so it is the same each time it is made. Every later
// build must open it with every word.
const (
	sealedFixturePass     = "a sealed fixture of schema 4"
	sealedFixtureRecovery = "JBEU-US2M-JVHE-6UCR-KJJV-IVKW-K5MF-SWS3"
)

// TestMakeSealedFixture writes testdata/schema4-sealed.db:
//
//	go test ./store -run TestMakeSealedFixture -update
func TestMakeSealedFixture(t *testing.T) {
	if !*update || SchemaVersion != 4 {
		t.Skip("run with -update in a schema 4 build to rewrite testdata/schema4-sealed.db")
	}
	path := copyFixture(t, "schema4.db")
	knownRandom(t)
	code, err := Encrypt(path, []byte(sealedFixturePass), true)
	if err != nil {
		t.Fatal(err)
	}
	if code != sealedFixtureRecovery {
		t.Fatalf("recovery key %s: set sealedFixtureRecovery to it", code)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("testdata", "schema4-sealed.db"), raw, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestSealedFixture opens the sealed file this build wrote, by its
// passphrase and by its recovery key, and checks every word.
func TestSealedFixture(t *testing.T) {
	for _, unlock := range []func(path string) (*Key, error){
		func(path string) (*Key, error) { return Unlock(path, []byte(sealedFixturePass)) },
		func(path string) (*Key, error) { return UnlockWithRecovery(path, sealedFixtureRecovery) },
	} {
		forget(t)
		path := copyFixture(t, "schema4-sealed.db")
		if _, err := Open(path); !errors.Is(err, ErrEncrypted) {
			t.Fatalf("Open before unlocking: %v", err)
		}
		if _, err := unlock(path); err != nil {
			t.Fatal(err)
		}
		ro, err := OpenReadOnly(path)
		if err != nil {
			t.Fatal(err)
		}
		checkSchema4(t, ro)
		ro.Close()
		if r, err := Check(path, nil); err != nil || !r.Healthy() {
			t.Errorf("Check = %+v, %v", r.Problems, err)
		}
		raw, _ := os.ReadFile(path)
		if marker4.Match(raw) {
			t.Error("the sealed fixture holds the runner's words in plain text")
		}
	}
}

// TestSealBindsTheWholePlace opens a sealed record at every other place
// that holds the same kind of record: another goal's ID, another day of
// the journal, another goal's history, another season. The kind inside
// the envelope is the same at each, so only the record's place, bound in
// as associated data (recordAD), stops it; were recordAD a constant,
// every one of these would open.
func TestSealBindsTheWholePlace(t *testing.T) {
	k, err := newKey(bytes.Repeat([]byte{7}, keySize))
	if err != nil {
		t.Fatal(err)
	}
	plain := []byte(`{"kind":"goal","v":1,"data":{"text":"run the hill"}}`)
	for _, tc := range []struct {
		name           string
		from, to       string
		fromKey, toKey string
	}{
		{"goal to another goal's ID", "seasons/S1/goals", "seasons/S1/goals", "G1", "G2"},
		{"journal entry to another day", "journal", "journal", "2026-12-01E1", "2026-12-02E1"},
		{"history event to another goal", "seasons/S1/history/G1", "seasons/S1/history/G2", "E1", "E1"},
		{"answer to another season", "seasons/S1/answers", "seasons/S2/answers", "proud-moment", "proud-moment"},
		{"one letter of the key", "seasons/S1/goals", "seasons/S1/goals", "G1", "g1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sealed, err := k.seal(tc.from, []byte(tc.fromKey), plain)
			if err != nil {
				t.Fatal(err)
			}
			if got, err := k.open(tc.from, []byte(tc.fromKey), sealed); err != nil || !bytes.Equal(got, plain) {
				t.Fatalf("opened where it was sealed: %q, %v", got, err)
			}
			if _, err := k.open(tc.to, []byte(tc.toKey), sealed); !errors.Is(err, ErrDamaged) {
				t.Errorf("sealed at %s/%s, opened at %s/%s: %v, want ErrDamaged", tc.from, tc.fromKey, tc.to, tc.toKey, err)
			}
		})
	}
}

// TestAnEventMovedToAnotherGoalDoesNotOpen moves a sealed event of one
// goal's history into another goal's, under the same key, in a sealed
// workbook: the event names no goal, so only the associated data tells
// where it belongs.
func TestAnEventMovedToAnotherGoalDoesNotOpen(t *testing.T) {
	path, _ := sealedWorkbook(t, "pass")
	var season, from, to string
	var key, val []byte
	boltFile(t, path, func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSeasons).ForEach(func(id, _ []byte) error {
			sb := tx.Bucket(bucketSeasons).Bucket(id)
			h, g := sb.Bucket(bucketHistory), sb.Bucket(bucketGoals)
			if season != "" || h == nil || g == nil {
				return nil
			}
			h.ForEach(func(goal, _ []byte) error {
				if k, v := h.Bucket(goal).Cursor().First(); k != nil && from == "" {
					from, key, val = string(goal), bytes.Clone(k), bytes.Clone(v)
				}
				return nil
			})
			g.ForEach(func(goal, _ []byte) error {
				if from != "" && to == "" && string(goal) != from {
					to = string(goal)
				}
				return nil
			})
			if from != "" && to != "" {
				season = string(id)
			} else {
				from, to = "", ""
			}
			return nil
		})
	})
	if season == "" {
		t.Fatal("the fixture has no season with a goal's history and another goal")
	}
	boltFile(t, path, func(tx *bolt.Tx) error {
		h := tx.Bucket(bucketSeasons).Bucket([]byte(season)).Bucket(bucketHistory)
		b, err := h.CreateBucketIfNotExists([]byte(to))
		if err != nil {
			return err
		}
		return b.Put(key, val)
	})
	s, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, _, err = s.GoalHistory(season, to, "", 100, false)
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "history/"+to) {
		t.Errorf("goal %s's event read in goal %s's history: %v, want it named as damaged", from, to, err)
	}
}

// TestWeakDerivationIsRefused: a wrap whose Argon2id asks less than
// cairn writes (64 MiB, 3 passes) was lowered by someone, and is refused
// before the passphrase is tried.
func TestWeakDerivationIsRefused(t *testing.T) {
	path, _ := sealedWorkbook(t, "pass")
	defer func(p kdfParams) { minKDF = p }(minKDF)
	minKDF = defaultKDF
	if _, err := Unlock(path, []byte("pass")); !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "weaker than cairn ever writes") {
		t.Errorf("a wrap at %+v with the floor at %+v: %v", lightKDF, defaultKDF, err)
	}
}

// TestSealedRecordsInAPlainWorkbookAreNeverWrittenTo: a file whose key
// record and schema say "plain" while its records are sealed had its
// encryption taken off by someone other than cairn; new words written
// to it would be plain for them to read. It is refused for writing.
func TestSealedRecordsInAPlainWorkbookAreNeverWrittenTo(t *testing.T) {
	path, _ := sealedWorkbook(t, "pass")
	boltFile(t, path, func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		var sc schema
		if err := decode(meta.Get(keySchema), kindSchema, upgradeContext{}, &sc); err != nil {
			return err
		}
		sc.Sealed = false
		data, err := json.Marshal(sc)
		if err != nil {
			return err
		}
		if err := meta.Put(keySchema, seal(kindSchema, 1, data)); err != nil {
			return err
		}
		return meta.Delete(keyCrypt)
	})
	if on, err := Encrypted(path); err != nil || on {
		t.Fatalf("the stripped file: encrypted %v, %v (the test did not strip it)", on, err)
	}
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err == nil {
		s.Close()
	}
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "sealed record") {
		t.Errorf("Open of a plain workbook with sealed records: %v, want it refused as damaged", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the file was changed")
	}
}

// plainOnly skips a test that works on the file's plain bytes when the
// whole suite runs on sealed workbooks (CAIRN_TEST_SEALED): there a
// changed byte, key or kind reads as a seal that does not open, which
// the sealed tests above cover.
func plainOnly(t *testing.T, why string) {
	t.Helper()
	if suiteKey != nil {
		t.Skip("a plain workbook's test, skipped on sealed ones: " + why)
	}
}
