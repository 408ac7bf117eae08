package lang

// yearErrorTexts are the problems found in history, covenant, province and
// titles files.
var yearErrorTexts = map[string][2]string{}
