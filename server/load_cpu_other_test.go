//go:build !unix

package server

import "time"

// cpuTime is 0 where the process's CPU time is not read: the benchmark
// then reports no CPU time per request.
func cpuTime() time.Duration { return 0 }
