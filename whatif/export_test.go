package whatif

// SetConvolve turns the programme's convolution on or off (off: every
// combine loops over pairs) and returns the previous setting, for a test to
// compare the two.
func SetConvolve(on bool) bool {
	was := useConvolve
	useConvolve = on
	return was
}
