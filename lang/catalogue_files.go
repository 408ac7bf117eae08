package lang

// fileTexts are the problems of reading an input file as a whole, whatever
// it holds (package internal/bounded and the loaders that use it): a file
// larger than its limit, a decimal with too many digits, a YAML tag.
var fileTexts = map[string][2]string{
	"file.too_large": {"tệp lớn hơn giới hạn {0} byte", "the file is larger than the limit of {0} bytes"},
}
