package lang

// yearTexts are the sentences of the packages about the cluster's year and
// the levels above: history, covenant, province and titles.
var yearTexts = map[string][2]string{}
