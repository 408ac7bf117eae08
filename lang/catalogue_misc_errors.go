package lang

// miscErrorTexts are the problems found in recorded results (audit),
// what-if requests and scenarios, simulation models and Excel mapping files.
var miscErrorTexts = map[string][2]string{}
