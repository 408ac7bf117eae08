package bounded

import (
	"os"
	"syscall"
)

// open opens a file for reading as os.Open does, without registering it
// with the runtime's poller: os.Open tries that for every file, at the cost
// of four system calls that fail for a regular file (which the poller
// cannot wait on), and a program that reads thousands of small files (a
// batch audit) spends a good part of its time there. A FIFO or a device
// opened so is read with blocking reads, which is what reading it whole
// does anyway.
func open(path string) (*os.File, error) {
	for {
		fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil:
			return nil, &os.PathError{Op: "open", Path: path, Err: err}
		}
		return os.NewFile(uintptr(fd), path), nil
	}
}
