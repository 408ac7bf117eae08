package covenant

import (
	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/rules"
)

// Schema is the value a covenant file may give in its "schema" key.
const Schema = "thidua/covenant/v1"

// Spec is the editable description of a covenant: what a covenant file
// holds, field for field. Pass it to New, which validates it.
type Spec struct {
	Schema string `yaml:"schema" json:"schema,omitempty"`
	ID     string `yaml:"id" json:"id"`
	Title  string `yaml:"title" json:"title"` // e.g. "Giao ước thi đua năm 2021 – Cụm II"
	Level  Level  `yaml:"level" json:"level"`
	Year   int    `yaml:"year" json:"year"` // the year the covenant is for
	// Signed is the date of signing (ký kết), in the year or at the end of
	// the year before.
	Signed rules.Date `yaml:"signed" json:"signed,omitzero"`
	// Within names the cluster (for Level cluster) or the unit (for Level
	// unit) the covenant belongs to.
	Within string `yaml:"within" json:"within,omitempty"`
	Source string `yaml:"source" json:"source,omitempty"`
	Note   string `yaml:"note" json:"note,omitempty"`
	// Rounding rounds every linear projection (default rules.DefaultQuotient:
	// 6 places, half_up); a criterion may give its own.
	Rounding *rules.Rounding `yaml:"rounding" json:"rounding,omitempty"`

	Parties  []Party     `yaml:"parties" json:"parties"`
	Criteria []Criterion `yaml:"criteria" json:"criteria"`
	Targets  []Target    `yaml:"targets" json:"targets"`
	Reports  []Report    `yaml:"reports" json:"reports,omitempty"`
}

// Level says who signs a covenant.
type Level string

// The covenant levels.
const (
	// ClusterLevel: the members of a cluster sign at the start of the year
	// (ký kết giao ước thi đua của cụm); each registers its targets, and the
	// criteria are those of the cluster's rulebook.
	ClusterLevel Level = "cluster"
	// UnitLevel: inside a unit — the director with the trade union (chính
	// quyền với công đoàn cơ sở), or between rooms and units (giữa các
	// phòng, đơn vị). The criteria are the covenant's own.
	UnitLevel Level = "unit"
)

// Party is a signatory: a member unit of the cluster, or a side inside a
// unit (Ban Giám đốc, Ban chấp hành công đoàn cơ sở, a room).
type Party struct {
	ID   string `yaml:"id" json:"id"`
	Name string `yaml:"name" json:"name"`
	Note string `yaml:"note" json:"note,omitempty"`
}

// Projection says how a criterion's progress is carried to the year end.
type Projection string

// The projections.
const (
	// Linear: the value is cumulative (activities held, dossiers filed,
	// reports sent), so the year-end value is projected as achieved × 12 ÷
	// months elapsed, the exact quotient rounded once by the criterion's
	// (else the covenant's) rounding. The default.
	Linear Projection = "linear"
	// Hold: the value is a level, not a sum (a rate, a grade, a pass/fail),
	// so the projection is the value achieved so far, unchanged.
	Hold Projection = "hold"
)

// Criterion is a criterion the covenant sets targets for. At cluster level
// its id is a criterion of the cluster's rulebook.
type Criterion struct {
	ID         string          `yaml:"id" json:"id"`
	Name       string          `yaml:"name" json:"name"`
	Unit       string          `yaml:"unit" json:"unit,omitempty"` // e.g. "hồ sơ", "buổi", "%"
	Projection Projection      `yaml:"projection" json:"projection,omitempty"`
	Rounding   *rules.Rounding `yaml:"rounding" json:"rounding,omitempty"`
	Note       string          `yaml:"note" json:"note,omitempty"`
}

// Target is a party's registered target for a criterion (chỉ tiêu đăng
// ký).
type Target struct {
	Party     string          `yaml:"party" json:"party"`
	Criterion string          `yaml:"criterion" json:"criterion"`
	Value     decimal.Decimal `yaml:"value" json:"value"`
	Note      string          `yaml:"note" json:"note,omitempty"`
}

// Report is an interim review (sơ kết) after Months months: what each party
// has achieved so far.
type Report struct {
	Months   int        `yaml:"months" json:"months"` // 1 … 12, e.g. 6 or 9
	AsOf     rules.Date `yaml:"as_of" json:"as_of,omitzero"`
	Title    string     `yaml:"title" json:"title,omitempty"` // e.g. "Sơ kết 6 tháng"
	Progress []Achieved `yaml:"progress" json:"progress"`
}

// Achieved is a party's value for a criterion so far: the raw input the
// rulebook's method reads (the achieved value of a ratio or relative
// criterion, a count for per_occurrence or tiers, the points of a direct
// criterion).
type Achieved struct {
	Party     string          `yaml:"party" json:"party"`
	Criterion string          `yaml:"criterion" json:"criterion"`
	Value     decimal.Decimal `yaml:"achieved" json:"achieved"`
	Note      string          `yaml:"note" json:"note,omitempty"`
}
