package store

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"
)

// Turning encryption on or off, and changing the passphrase
//
// bbolt never overwrites a page in place: a page a transaction frees keeps
// its old bytes until a later one happens to reuse it. Sealing the records
// of a file in place would leave every word the runner wrote readable in
// its free pages, and re-wrapping the key in place would leave the old
// wrap, which the old passphrase opens. So each of these writes a new
// file beside the workbook (".cairn.db.rewrite-*"), record by record, with
// no free pages from before; syncs it; checks it whole; notes its last
// commit in the lock file; and renames it over the workbook, then syncs
// the folder. Killed at any moment, the workbook is either the old file
// or the new one, whole, and exactly one passphrase (or none, or the
// plain file) opens it. A temporary file left by a kill is removed by the
// next rewrite or editor open.
//
// The editor's lock is held throughout, so no save is lost between the
// copy and the rename.

// sealNew, when set, seals every workbook create makes: the tests run
// the whole store suite on sealed workbooks with it (CAIRN_TEST_SEALED).
var sealNew func(tx *bolt.Tx) error

// crashPoint, when set, is told each step of a rewrite as it is reached.
// Tests make it end the process, to prove every step can be survived.
var crashPoint func(step string)

func reached(step string) {
	if crashPoint != nil {
		crashPoint(step)
	}
}

// Encrypted reports whether the workbook at path is sealed.
func Encrypted(path string) (bool, error) {
	_, encrypted, err := readCrypt(path)
	return encrypted, err
}

// HasRecoveryKey reports whether the workbook at path can be unlocked by
// a recovery key.
func HasRecoveryKey(path string) (bool, error) {
	c, _, err := readCrypt(path)
	return c.Recovery != nil, err
}

// readCrypt reads meta/crypt of the workbook at path, read-only.
func readCrypt(path string) (c cryptRecord, encrypted bool, err error) {
	if err := checkFile(path); err != nil {
		return c, false, err
	}
	db, err := openBolt(path, true, LockTimeout, nil)
	if err != nil {
		return c, false, err
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) error {
		if _, err := readSchema(tx); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		raw := tx.Bucket(bucketMeta).Get(keyCrypt)
		if raw == nil {
			return nil
		}
		encrypted = true
		c, err = decodeCrypt(raw)
		return err
	})
	return c, encrypted, err
}

// Unlock derives the key of the sealed workbook at path from passphrase
// and keeps it for the life of the process (see Remember): it is the one
// Argon2id derivation a process makes. A wrong passphrase is
// ErrWrongPassphrase; a plain workbook needs no unlocking (nil).
func Unlock(path string, passphrase []byte) (*Key, error) {
	c, encrypted, err := readCrypt(path)
	if err != nil || !encrypted {
		return nil, err
	}
	k, err := c.unlock(passphrase)
	if err != nil {
		return nil, err
	}
	Remember(k)
	return k, nil
}

// UnlockWithRecovery is Unlock with the recovery key shown when
// encryption was turned on.
func UnlockWithRecovery(path, code string) (*Key, error) {
	c, encrypted, err := readCrypt(path)
	if err != nil || !encrypted {
		return nil, err
	}
	k, err := c.unlockRecovery(code)
	if err != nil {
		return nil, err
	}
	Remember(k)
	return k, nil
}

// Encrypt seals the plain workbook at path with a new data key wrapped by
// passphrase, and by a recovery key too when withRecovery is set; it
// returns the recovery key ("" without one), to be shown once. The key is
// kept for the process. The workbook must not be open in another cairn.
func Encrypt(path string, passphrase []byte, withRecovery bool) (recovery string, err error) {
	return recovery, rewriteLocked(path, func(c *cryptRecord, encrypted bool) (copier, error) {
		if encrypted {
			return nil, errors.New("the workbook is already encrypted")
		}
		k, rec, code, err := newCrypt(passphrase, withRecovery)
		if err != nil {
			return nil, err
		}
		Remember(k)
		*c, recovery = rec, code
		reached("key made")
		return sealingCopier(k), nil
	})
}

// Decrypt writes the sealed workbook at path back as a plain one. Its key
// must have been unlocked in this process.
func Decrypt(path string) error {
	return rewriteLocked(path, decryptPlan)
}

// decryptPlan writes every record of a sealed file plain.
func decryptPlan(c *cryptRecord, encrypted bool) (copier, error) {
	if !encrypted {
		return nil, errors.New("the workbook is not encrypted")
	}
	k, err := unlocked(*c)
	if err != nil {
		return nil, err
	}
	*c = cryptRecord{}
	return func(path string, key, v []byte) ([]byte, error) {
		if !sealable(path, key) {
			return v, nil
		}
		plain, err := k.open(path, key, v)
		if err != nil {
			return nil, &DamagedError{Where: path + "/" + string(key), Err: err}
		}
		return plain, nil
	}, nil
}

// ChangePassphrase gives the sealed workbook a new passphrase and a new
// data key: every record is opened with the old key and sealed again with
// a new random one, wrapped by the new passphrase, so no copy of the file
// from before the change (a backup, an age copy, a sync service's
// history), opened with the old passphrase, yields a key that reads the
// workbook after it. A workbook with a recovery key gets a new one,
// returned to be shown once ("" without one): the old recovery key no
// longer opens it. The new key is kept for the process; the old key must
// have been unlocked in it.
func ChangePassphrase(path string, passphrase []byte) (recovery string, err error) {
	return recovery, rewriteLocked(path, func(c *cryptRecord, encrypted bool) (copier, error) {
		if !encrypted {
			return nil, errors.New("the workbook is not encrypted")
		}
		old, err := unlocked(*c)
		if err != nil {
			return nil, err
		}
		k, rec, code, err := newCrypt(passphrase, c.Recovery != nil)
		if err != nil {
			return nil, err
		}
		Remember(k)
		*c, recovery = rec, code
		reached("key made")
		return resealingCopier(old, k), nil
	})
}

// resealingCopier opens every sealed record with old and seals it again
// with k.
func resealingCopier(old, k *Key) copier {
	return func(path string, key, v []byte) ([]byte, error) {
		if !sealable(path, key) {
			return v, nil
		}
		plain, err := old.open(path, key, v)
		if err != nil {
			return nil, &DamagedError{Where: path + "/" + string(key), Err: err}
		}
		return k.seal(path, key, plain)
	}
}

// EncryptCopy seals a plain copy cairn made of the workbook at path (a
// daily copy, a copy from before an update) with the workbook's own key
// and meta/crypt, so the same passphrase opens it. A copy sealed with
// another key this process has unlocked (the key before a passphrase
// change) is sealed again with the workbook's key; a copy sealed with
// the same key is given the workbook's meta/crypt. A copy sealed with a
// key this process has not unlocked is ErrEncrypted, left as it is. The
// workbook must be sealed and unlocked.
func EncryptCopy(path, copyPath string) error {
	c, encrypted, err := readCrypt(path)
	if err != nil {
		return err
	}
	if !encrypted {
		return errors.New("the workbook is not encrypted")
	}
	k, err := unlocked(c)
	if err != nil {
		return err
	}
	err = rewriteFile(copyPath, nil, func(cur *cryptRecord, copyEncrypted bool) (copier, error) {
		switch {
		case !copyEncrypted:
			*cur = c
			return sealingCopier(k), nil
		case !bytes.Equal(cur.KeyID, c.KeyID):
			old, err := unlocked(*cur)
			if err != nil {
				return nil, err
			}
			*cur = c
			return resealingCopier(old, k), nil
		}
		a, _ := encodeCrypt(*cur)
		b, _ := encodeCrypt(c)
		if bytes.Equal(a, b) {
			return nil, errNothingToDo
		}
		*cur = c
		return func(_ string, _, v []byte) ([]byte, error) { return v, nil }, nil
	})
	if errors.Is(err, errNothingToDo) {
		return nil
	}
	return err
}

// errNothingToDo ends a rewrite that has nothing to change.
var errNothingToDo = errors.New("nothing to do")

// unlocked finds the key of meta/crypt c among those this process has
// unlocked.
func unlocked(c cryptRecord) (*Key, error) {
	keyring.RLock()
	defer keyring.RUnlock()
	if k := keyring.byID[[16]byte(c.KeyID)]; k != nil {
		return k, nil
	}
	return nil, ErrEncrypted
}

// sealingCopier seals every record with k.
func sealingCopier(k *Key) copier {
	return func(path string, key, v []byte) ([]byte, error) {
		if !sealable(path, key) {
			return v, nil
		}
		if isSealed(v) {
			return nil, &DamagedError{Where: path + "/" + string(key), Err: fmt.Errorf("%w: a sealed record in a workbook that is not encrypted", ErrDamaged)}
		}
		return k.seal(path, key, v)
	}
}

// copier turns a value of the old file into the value of the new.
type copier func(path string, key, v []byte) ([]byte, error)

// plan decides, from the old file's meta/crypt (zero when it is plain),
// what the new file's is and how each value is copied.
type plan func(c *cryptRecord, encrypted bool) (copier, error)

// rewriteLocked rewrites the workbook at path under the editor's lock.
func rewriteLocked(path string, p plan) error {
	lock, err := lockEditor(path, EditorWait, false)
	if err != nil {
		return err
	}
	defer lock.release()
	err = rewriteFile(path, lock, p)
	if errors.Is(err, errNothingToDo) {
		return nil
	}
	return err
}

// rewriteFile writes a new file with every bucket and value of the file at
// path as p says, and puts it in its place (see the top of this file).
func rewriteFile(path string, lock *editorLock, p plan) error {
	if err := checkFile(path); err != nil {
		return err
	}
	if _, err := validate(path); err != nil {
		return err
	}
	removeRewrites(path)
	src, err := openBolt(path, true, LockTimeout, nil)
	if err != nil {
		return err
	}
	defer src.Close()
	var info os.FileInfo
	if info, err = os.Stat(path); err != nil {
		return err
	}

	tmp, err := os.CreateTemp(filepath.Dir(path), rewritePrefix(path)+"*")
	if err != nil {
		return fmt.Errorf("write a new copy of %s: %w", path, err)
	}
	tmpPath := tmp.Name()
	_ = tmp.Close()
	done := false
	defer func() {
		if !done {
			os.Remove(tmpPath)
		}
	}()
	dst, err := bolt.Open(tmpPath, 0o600, &bolt.Options{Timeout: LockTimeout})
	if err != nil {
		return fmt.Errorf("write a new copy of %s: %w", path, err)
	}
	var txid uint64
	err = src.View(func(stx *bolt.Tx) error {
		var c cryptRecord
		raw := stx.Bucket(bucketMeta).Get(keyCrypt)
		if raw != nil {
			var err error
			if c, err = decodeCrypt(raw); err != nil {
				return err
			}
		}
		cp, err := p(&c, raw != nil)
		if err != nil {
			return err
		}
		return dst.Update(func(dtx *bolt.Tx) error {
			txid = uint64(dtx.ID())
			err := stx.ForEach(func(name []byte, b *bolt.Bucket) error {
				nb, err := dtx.CreateBucket(name)
				if err != nil {
					return err
				}
				return copyBucket(b, nb, string(name), cp)
			})
			if err != nil {
				return err
			}
			meta := dtx.Bucket(bucketMeta)
			var s schema
			if err := decode(meta.Get(keySchema), kindSchema, upgradeContext{}, &s); err != nil {
				return &DamagedError{Where: "meta/schema", Err: err}
			}
			s.Sealed = c.KeyID != nil
			if s.Sealed {
				enc, err := encodeCrypt(c)
				if err != nil {
					return err
				}
				if err := meta.Put(keyCrypt, enc); err != nil {
					return err
				}
			}
			return putSchema(dtx, s)
		})
	})
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := os.Chmod(tmpPath, info.Mode().Perm()&0o700); err != nil {
		return err
	}
	reached("copy written")
	// The new file is read back whole before it replaces anything.
	r, err := Check(tmpPath, nil)
	if err != nil {
		return fmt.Errorf("check the new copy of %s: %w", path, err)
	}
	if !r.Healthy() {
		return fmt.Errorf("the new copy of %s did not read back whole (%s: %s); the workbook was left as it was", path, r.Problems[0].Where, r.Problems[0].What)
	}
	reached("copy checked")
	src.Close()
	if lock != nil {
		// Before the rename: an old file with a newer commit than its note
		// is harmless; a new file older than its note would look like a
		// lost save.
		lock.note(txid, info.ModTime())
	}
	reached("commit noted")
	if err := os.Rename(tmpPath, path); err != nil {
		return fmt.Errorf("put the new copy of %s in its place: %w", path, err)
	}
	done = true
	reached("renamed")
	if err := syncDir(filepath.Dir(path)); err != nil {
		return fmt.Errorf("put the new copy of %s in its place: %w", path, err)
	}
	reached("folder synced")
	return nil
}

// copyBucket copies every key of b into nb, whose path is where.
func copyBucket(b, nb *bolt.Bucket, where string, cp copier) error {
	return b.ForEach(func(k, v []byte) error {
		if v == nil {
			child, err := nb.CreateBucket(k)
			if err != nil {
				return err
			}
			return copyBucket(b.Bucket(k), child, where+"/"+string(k), cp)
		}
		if where == string(bucketMeta) && bytes.Equal(k, keyCrypt) {
			return nil // the plan says what the new file's is
		}
		out, err := cp(where, k, v)
		if err != nil {
			return err
		}
		return nb.Put(bytes.Clone(k), out)
	})
}

// rewritePrefix names a rewrite's temporary file, hidden beside path.
func rewritePrefix(path string) string { return "." + filepath.Base(path) + ".rewrite-" }

// removeRewrites removes what a killed rewrite left beside path. A
// rewrite that was decrypting left the runner's words in plain text.
func removeRewrites(path string) {
	found, _ := filepath.Glob(filepath.Join(globEscape(filepath.Dir(path)), globEscape(rewritePrefix(path))+"*"))
	for _, f := range found {
		os.Remove(f)
	}
}

// WriteCopy writes the workbook to w as one read transaction sees it,
// sealed records and all: a backup made into something other than a
// file beside it, such as an age stream.
func (s *Store) WriteCopy(w io.Writer) error {
	return s.db.View(func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(w)
		return err
	})
}

// DecryptCopy writes a sealed copy of a workbook (a backup, never the
// workbook itself: it takes no lock) back as a plain one, in place. Its
// key must have been unlocked in this process.
func DecryptCopy(copyPath string) error {
	return rewriteFile(copyPath, nil, decryptPlan)
}

// Unlocked reports whether the workbook at path can be read by this
// process without asking: it is plain, or its key has been unlocked.
func Unlocked(path string) bool {
	c, encrypted, err := readCrypt(path)
	if err != nil || !encrypted {
		return err == nil
	}
	_, err = unlocked(c)
	return err == nil
}
