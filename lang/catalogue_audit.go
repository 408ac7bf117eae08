package lang

// auditTexts are the sentences of package audit: findings and report
// labels.
var auditTexts = map[string][2]string{}
