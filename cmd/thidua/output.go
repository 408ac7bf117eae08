package main

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/thidua/thidua/lang"
)

// checkedWriter is a command's standard output: it remembers the first
// write error (a closed pipe, a full disk, /dev/full) and refuses every
// write after it, so that a command whose output was lost exits 1
// instead of 0 (see run).
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	c.err = err
	return n, err
}

// writeFailed reports the first error written to w, if w is a
// checkedWriter.
func writeFailed(w io.Writer) error {
	if c, ok := w.(*checkedWriter); ok {
		return c.err
	}
	return nil
}

// staged is an output file (--out, --chart) being written: its content
// goes to a temporary file in the target's folder, renamed over the target
// only when the whole command has succeeded (commit), or removed (discard).
// A failed command thus leaves the target as it was. The new file has the
// mode of the file it replaces, or 0644 less the umask, as any other
// output would.
type staged struct {
	path   string // the target as the user named it
	target string // where the rename goes: the target, symlinks resolved
	tmp    *os.File
	w      checkedWriter
	done   bool
}

// stage starts writing the output file path.
func stage(path string) (*staged, error) {
	target := path
	mode := fs.FileMode(0o644)
	if resolved, err := filepath.EvalSymlinks(path); err == nil {
		target = resolved
		if st, err := os.Stat(resolved); err == nil {
			if !st.Mode().IsRegular() {
				return nil, fmt.Errorf("cannot write %s: not a regular file", path)
			}
			mode = st.Mode().Perm()
		}
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	for range 100 {
		var r [6]byte
		if _, err := rand.Read(r[:]); err != nil {
			return nil, err
		}
		name := filepath.Join(dir, "."+base+"."+hex.EncodeToString(r[:])+".tmp")
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err // the temporary name means nothing to the user
			}
			return nil, fmt.Errorf("cannot write %s: %w", path, err)
		}
		if st, err := os.Stat(target); err == nil && st.Mode().Perm() != mode {
			_ = f.Chmod(mode) // keep a replaced file's mode even under a stricter umask
		}
		s := &staged{path: path, target: target, tmp: f}
		s.w.w = f
		return s, nil
	}
	return nil, fmt.Errorf("cannot write %s: no free temporary name in %s", path, dir)
}

// Write writes to the temporary file.
func (s *staged) Write(p []byte) (int, error) { return s.w.Write(p) }

// commit renames the finished file over the target.
func (s *staged) commit() error {
	if s.done {
		return nil
	}
	s.done = true
	err := s.w.err
	if cerr := s.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(s.tmp.Name(), s.target)
	}
	if err != nil {
		os.Remove(s.tmp.Name())
		return fmt.Errorf("cannot write %s: %w", s.path, err)
	}
	return nil
}

// discard removes the temporary file, leaving the target as it was.
func (s *staged) discard() {
	if s == nil || s.done {
		return
	}
	s.done = true
	s.tmp.Close()
	os.Remove(s.tmp.Name())
}

// writeAtomically writes a whole file through stage and commit: a failed
// write leaves the old file, or none.
func writeAtomically(path string, write func(io.Writer) error) error {
	s, err := stage(path)
	if err != nil {
		return err
	}
	if err := write(s); err != nil {
		s.discard()
		return err
	}
	return s.commit()
}

// finish ends a command that writes files: if it succeeded (code 0) and
// its standard output was written in full, it commits every staged file;
// otherwise it discards them all, so that no target changes. It returns
// the command's exit code, 1 if a write failed. written is called once
// the files are in place (to say so), and only then.
func finish(cmd string, code int, stdout, stderr io.Writer, written func(), files ...*staged) int {
	if err := writeFailed(stdout); err != nil && code == exitOK {
		code = exitBadInput // run reports the write error
	}
	if code != exitOK {
		for _, f := range files {
			f.discard()
		}
		return code
	}
	for i, f := range files {
		if f == nil {
			continue
		}
		if err := f.commit(); err != nil {
			fmt.Fprintf(stderr, "thidua %s: %v\n", cmd, err)
			for _, g := range files[i+1:] {
				g.discard()
			}
			return exitBadInput
		}
	}
	if written != nil {
		written()
	}
	return code
}

// sameFiles names each output that is also one of the inputs: the same
// path, or the same file through a hard link or a symbolic link. Inputs and
// outputs that are "" (not given) are skipped. A command that writes an
// output over one of its inputs would destroy it, so such a command is
// refused before it reads or writes anything.
func sameFiles(outputs, inputs []string) []string {
	var clashes []string
	for _, out := range outputs {
		if out == "" {
			continue
		}
		ost, oerr := os.Stat(out)
		for _, in := range inputs {
			if in == "" || in == "-" {
				continue
			}
			if filepath.Clean(in) == filepath.Clean(out) {
				clashes = append(clashes, out)
				break
			}
			if oerr != nil {
				continue
			}
			if ist, err := os.Stat(in); err == nil && os.SameFile(ost, ist) {
				clashes = append(clashes, out)
				break
			}
		}
	}
	return clashes
}

// refuseOverwrite prints why each output that is also an input is refused
// and reports whether there was one (the command must then stop with
// exitUsage, having written nothing).
func refuseOverwrite(cmd string, t lang.Tag, stderr io.Writer, outputs, inputs []string) bool {
	clashes := sameFiles(outputs, inputs)
	for _, c := range clashes {
		fmt.Fprintln(stderr, t.Say("cli.overwrite", cmd, c))
	}
	return len(clashes) > 0
}

// insideTree reports whether path is dir or lies under it.
func insideTree(path, dir string) bool {
	p, err1 := filepath.Abs(path)
	d, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return false
	}
	if rp, err := filepath.EvalSymlinks(filepath.Dir(p)); err == nil {
		p = filepath.Join(rp, filepath.Base(p))
	}
	if rd, err := filepath.EvalSymlinks(d); err == nil {
		d = rd
	}
	rel, err := filepath.Rel(d, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
