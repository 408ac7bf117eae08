package lang

// problemTexts place a problem: its file, line and key path as they are,
// what it concerns, and its message (package internal/problem).
var problemTexts = map[string][2]string{
	"problem.at":        {"{0}{p0}", "{0}{p0}"},
	"problem.at_where":  {"{0}{p0}: {p1}", "{0}{p0}: {p1}"},
	"problem.list":      {"{list}", "{list}"},
	"problem.text":      {"{0}", "{0}"},
	"problem.at_member": {"{0}đơn vị {1}: {2}{p0}", "{0}member {1}: {2}{p0}"},
	// The last two items of a list (Tag.Join): "A, B và C".
	"list.and": {"{0} và {1}", "{0} and {1}"},
}
