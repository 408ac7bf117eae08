package lang

// whatifTexts are the sentences of package whatif: what it takes to reach
// an outcome, break-evens and scenario notes.
var whatifTexts = map[string][2]string{}
