package lang

// inputErrorTexts are the problems found in a score sheet (packages scoring
// and sheets, internal/fields).
var inputErrorTexts = map[string][2]string{}
