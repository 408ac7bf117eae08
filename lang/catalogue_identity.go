package lang

// identityTexts are the problems and warnings about names and ids: control
// and invisible characters, look-alike (confusable) ids and names.
//
// A character is written as its code point ({0} "U+001B"); a position
// ({1}) counts characters from 1. The text that holds it comes quoted as
// Go quotes it, so that the character itself is never written out.
var identityTexts = map[string][2]string{
	// Refused: the whole sentence, with the text concerned as {p0}.
	"identity.control":   {"{p0} chứa ký tự điều khiển {0} ở vị trí {1}", "{p0} contains the control character {0} at position {1}"},
	"identity.invisible": {"{p0} chứa ký tự vô hình {0} ở vị trí {1}", "{p0} contains the invisible character {0} at position {1}"},
	"identity.space":     {"{p0} chứa khoảng trắng đặc biệt {0} ở vị trí {1} (trong mã chỉ được dùng dấu cách thông thường)", "{p0} contains the special space {0} at position {1} (an id may hold only the ordinary space)"},

	// The text concerned ({p0} of the sentences above).
	"identity.what.member_id":   {"mã đơn vị {0}", "member id {0}"},
	"identity.what.member_name": {"tên đơn vị {0}", "the member's name {0}"},
	"identity.what.cluster":     {"tên cụm {0}", "the cluster's name {0}"},
	"identity.what.title":       {"tên bộ tiêu chí {0}", "the rulebook's title {0}"},
	"identity.what.text":        {"nội dung {0}", "the text {0}"},
	"identity.what.name":        {"tên {1} của {p0} {0}", "the name {1} of {p0} {0}"},
	"identity.what.id":          {"id {p0} {0}", "{p0} id {0}"},

	// Warnings: two members that can be taken for each other. {p0} is where
	// the other member is given ({p0} of input.also.*), {p1} what is alike.
	"identity.confusable.id":   {"mã đơn vị {0} dễ nhầm với mã đơn vị {1}{p0}: {p1}", "member id {0} is easily confused with member id {1}{p0}: {p1}"},
	"identity.confusable.name": {"tên đơn vị {0} dễ nhầm với tên {1} của đơn vị {2}{p0}: {p1}", "the member's name {0} is easily confused with the name {1} of member {2}{p0}: {p1}"},
	"identity.where.file":      {" (ở {0}:{1})", " (at {0}:{1})"},
	"identity.where.line":      {" (ở dòng {0})", " (on line {0})"},
	"identity.alike.same":      {"hai tên giống hệt nhau", "the two are identical"},
	"identity.alike.nfc":       {"giống hệt nhau sau khi chuẩn hóa Unicode (NFC)", "they are the same after Unicode normalisation (NFC)"},
	"identity.alike.invisible": {"chỉ khác nhau ở các ký tự vô hình", "they differ only by invisible characters"},
	"identity.alike.case":      {"chỉ khác nhau ở chữ hoa, chữ thường hoặc khoảng trắng", "they differ only in letter case or spacing"},
	"identity.alike.look":      {"trông giống nhau (chữ Kirin hoặc Hy Lạp giống chữ Latinh)", "they look alike (Cyrillic or Greek letters that look like Latin ones)"},
	"identity.alike.skeleton":  {"trông giống nhau (ký tự thứ {0} là {1} ở bên này và {2} ở bên kia)", "they look alike (character {0} is {1} in one and {2} in the other)"},

	// Warning: letters of two scripts in one id or name.
	"identity.mixed.id":        {"mã đơn vị {0} trộn chữ Latinh với chữ {p0} ({1} ở vị trí {2}): có thể là ký tự giả dạng chữ Latinh", "member id {0} mixes Latin letters with {p0} letters ({1} at position {2}): it may be a look-alike of a Latin letter"},
	"identity.mixed.name":      {"tên đơn vị {0} trộn chữ Latinh với chữ {p0} ({1} ở vị trí {2}): có thể là ký tự giả dạng chữ Latinh", "the member's name {0} mixes Latin letters with {p0} letters ({1} at position {2}): it may be a look-alike of a Latin letter"},
	"identity.script.cyrillic": {"Kirin", "Cyrillic"},
	"identity.script.greek":    {"Hy Lạp", "Greek"},
}
