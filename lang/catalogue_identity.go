package lang

// identityTexts are the problems and warnings about names and ids: control
// and invisible characters, look-alike (confusable) ids and names.
var identityTexts = map[string][2]string{}
