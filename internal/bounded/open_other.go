//go:build !linux

package bounded

import "os"

// open opens a file for reading: os.Open.
func open(path string) (*os.File, error) { return os.Open(path) }
