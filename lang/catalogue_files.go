package lang

// fileTexts are the problems of reading an input file as a whole, whatever
// it holds (package internal/bounded and the loaders that use it): a file
// larger than its limit, a decimal with too many digits, a YAML tag.
var fileTexts = map[string][2]string{
	"file.too_large": {"tệp lớn hơn giới hạn {0} byte", "the file is larger than the limit of {0} bytes"},
	// a tag written in a YAML document (package internal/decode): {0} is
	// the tag, quoted
	"decode.tag": {"không hỗ trợ thẻ YAML {0}: mỗi giá trị được đọc theo khóa của nó; hãy bỏ thẻ", "YAML tags such as {0} are not supported: each value is read as its key requires; remove the tag"},
}
