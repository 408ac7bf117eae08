package lang

// rulesErrorTexts are the problems found in a rulebook (package rules) and
// by the strict YAML/JSON decoder (internal/decode).
var rulesErrorTexts = map[string][2]string{}
