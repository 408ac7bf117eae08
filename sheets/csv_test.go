package sheets_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
)

func TestReadCSVRecordKinds(t *testing.T) {
	notAssigned := scoring.Sheet{NotAssigned: []scoring.Assignment{{Member: "SCT", Criterion: "2.3"}}}
	fact := func(v bool) scoring.Sheet {
		return scoring.Sheet{Facts: []scoring.FactValue{{Member: "SCT", Fact: "no_discipline", Value: v}}}
	}
	tests := []struct {
		name string
		rows string // after the full header, unless the case gives its own
		own  bool   // rows holds the header too
		want scoring.Sheet
	}{
		{
			name: "a cluster name row sets the cluster's name",
			rows: "cluster,,name,Cụm II – Các cơ quan quản lý chuyên ngành\n",
			want: scoring.Sheet{Cluster: "Cụm II – Các cơ quan quản lý chuyên ngành"},
		},
		{
			name: "a cluster year row sets the year",
			rows: "cluster,,year,2020\n",
			want: scoring.Sheet{Year: 2020},
		},
		{
			name: "a cluster name with a comma inside quotes is one value",
			rows: "cluster,,name,\"Cụm II, Cao Bằng\"\n",
			want: scoring.Sheet{Cluster: "Cụm II, Cao Bằng"},
		},
		{
			name: "a member row gives the member's id and name",
			rows: "member,SCT,name,Sở Công Thương\n",
			want: scoring.Sheet{Members: []scoring.Member{{ID: "SCT", Name: "Sở Công Thương"}}},
		},
		{
			name: "a member row may leave the key empty",
			rows: "member,SXD,,Sở Xây dựng\n",
			want: scoring.Sheet{Members: []scoring.Member{{ID: "SXD", Name: "Sở Xây dựng"}}},
		},
		{
			name: "members keep the order of their rows",
			rows: "member,B,name,Bê\nmember,A,name,A\n",
			want: scoring.Sheet{Members: []scoring.Member{{ID: "B", Name: "Bê"}, {ID: "A", Name: "A"}}},
		},
		{
			name: "a score row gives member, criterion, stage, assessor and value",
			rows: "score,SCT,1.1,9.5,cluster,SXD\n",
			want: scoring.Sheet{Scores: []scoring.Entry{{Member: "SCT", Criterion: "1.1", Stage: "cluster", Assessor: "SXD", Value: dec("9.5")}}},
		},
		{
			name: "a score with a decimal comma is read as a decimal",
			rows: "score,SCT,1.1,\"9,75\",cluster\n",
			want: scoring.Sheet{Scores: []scoring.Entry{{Member: "SCT", Criterion: "1.1", Stage: "cluster", Value: dec("9.75")}}},
		},
		{
			name: "a score with an exponent, as Python writes small numbers in JSON, is read as a decimal",
			rows: "score,SCT,1.1,1e-05,cluster\nscore,SCT,1.2,\"2,5E+1\",cluster\n",
			want: scoring.Sheet{Scores: []scoring.Entry{
				{Member: "SCT", Criterion: "1.1", Stage: "cluster", Value: dec("0.00001")},
				{Member: "SCT", Criterion: "1.2", Stage: "cluster", Value: dec("25")},
			}},
		},
		{
			name: "a negative score and a zero score are kept",
			rows: "score,SCT,1.1,-0.25,self\nscore,SCT,1.2,0,self\n",
			want: scoring.Sheet{Scores: []scoring.Entry{
				{Member: "SCT", Criterion: "1.1", Stage: "self", Value: dec("-0.25")},
				{Member: "SCT", Criterion: "1.2", Stage: "self", Value: dec("0")},
			}},
		},
		{
			name: "several assessors' scores for one criterion are all kept",
			rows: "score,SCT,08,9,cluster,TTT\nscore,SCT,08,\"8,5\",cluster,SKHCN\n",
			want: scoring.Sheet{Scores: []scoring.Entry{
				{Member: "SCT", Criterion: "08", Stage: "cluster", Assessor: "TTT", Value: dec("9")},
				{Member: "SCT", Criterion: "08", Stage: "cluster", Assessor: "SKHCN", Value: dec("8.5")},
			}},
		},
		{name: "a score of na means not assigned", rows: "score,SCT,2.3,na,cluster\n", want: notAssigned},
		{name: "a score of N/A means not assigned", rows: "score,SCT,2.3,N/A,cluster\n", want: notAssigned},
		{name: "a score of kgg means not assigned", rows: "score,SCT,2.3,kgg,cluster\n", want: notAssigned},
		{name: "a score of không giao means not assigned", rows: "score,SCT,2.3,không giao,cluster\n", want: notAssigned},
		{name: "a score of Không Giao in capitals means not assigned", rows: "score,SCT,2.3,Không Giao,cluster\n", want: notAssigned},
		{name: "a score of khong giao without marks means not assigned", rows: "score,SCT,2.3,khong giao,cluster\n", want: notAssigned},
		{name: "a score of không được giao means not assigned", rows: "score,SCT,2.3,không được giao,cluster\n", want: notAssigned},
		{
			name: "a target row gives the member's target for a criterion",
			rows: "target,SCT,2.1,120\ntarget,SXD,2.1,\"97,5\"\n",
			want: scoring.Sheet{Targets: []scoring.Target{
				{Member: "SCT", Criterion: "2.1", Value: dec("120")},
				{Member: "SXD", Criterion: "2.1", Value: dec("97.5")},
			}},
		},
		{name: "a not_assigned row marks a criterion not assigned", rows: "not_assigned,SCT,2.3\n", want: notAssigned},
		{
			name: "a bonus row gives the count and the note",
			rows: "bonus,SCT,co_tinh,2,,,Cờ thi đua tỉnh 2019\n",
			want: scoring.Sheet{Bonuses: []scoring.Occurrences{{Member: "SCT", Item: "co_tinh", Count: 2, Note: "Cờ thi đua tỉnh 2019"}}},
		},
		{
			name: "a bonus row without a count counts once",
			rows: "bonus,SCT,co_tinh\n",
			want: scoring.Sheet{Bonuses: []scoring.Occurrences{{Member: "SCT", Item: "co_tinh", Count: 1}}},
		},
		{
			name: "a deduction row without a count counts once",
			rows: "deduction,SXD,bao_cao,,,,Báo cáo chậm\n",
			want: scoring.Sheet{Deductions: []scoring.Occurrences{{Member: "SXD", Item: "bao_cao", Count: 1, Note: "Báo cáo chậm"}}},
		},
		{
			name: "a deduction row gives the count",
			rows: "deduction,SXD,bao_cao,2\n",
			want: scoring.Sheet{Deductions: []scoring.Occurrences{{Member: "SXD", Item: "bao_cao", Count: 2}}},
		},
		{
			name: "a bonus count of zero is kept as zero",
			rows: "bonus,SCT,co_tinh,0\n",
			want: scoring.Sheet{Bonuses: []scoring.Occurrences{{Member: "SCT", Item: "co_tinh", Count: 0}}},
		},
		{name: "a fact of true is true", rows: "fact,SCT,no_discipline,true\n", want: fact(true)},
		{name: "a fact of TRUE in capitals is true", rows: "fact,SCT,no_discipline,TRUE\n", want: fact(true)},
		{name: "a fact of yes is true", rows: "fact,SCT,no_discipline,yes\n", want: fact(true)},
		{name: "a fact of có is true", rows: "fact,SCT,no_discipline,có\n", want: fact(true)},
		{name: "a fact of Có in capitals is true", rows: "fact,SCT,no_discipline,Có\n", want: fact(true)},
		{name: "a fact of 1 is true", rows: "fact,SCT,no_discipline,1\n", want: fact(true)},
		{name: "a fact of false is false", rows: "fact,SCT,no_discipline,false\n", want: fact(false)},
		{name: "a fact of no is false", rows: "fact,SCT,no_discipline,no\n", want: fact(false)},
		{name: "a fact of không is false", rows: "fact,SCT,no_discipline,không\n", want: fact(false)},
		{name: "a fact of KHÔNG in capitals is false", rows: "fact,SCT,no_discipline,KHÔNG\n", want: fact(false)},
		{name: "a fact of 0 is false", rows: "fact,SCT,no_discipline,0\n", want: fact(false)},
		{
			name: "ballot rows give the numbers entitled and present",
			rows: "ballot,,entitled,7\nballot,,present,6\n",
			want: scoring.Sheet{Ballot: &scoring.Ballot{Entitled: 7, Present: 6}},
		},
		{
			name: "votes rows for, against and abstain add up to one vote per member",
			rows: "votes,SCT,for,5\nvotes,SXD,for,4\nvotes,SCT,against,1\nvotes,SCT,abstain,1\n",
			want: scoring.Sheet{Ballot: &scoring.Ballot{Votes: []scoring.Vote{
				{Member: "SCT", For: 5, Against: 1, Abstain: 1},
				{Member: "SXD", For: 4},
			}}},
		},
		{
			name: "a votes row without a key counts votes for",
			rows: "votes,SCT,,6\n",
			want: scoring.Sheet{Ballot: &scoring.Ballot{Votes: []scoring.Vote{{Member: "SCT", For: 6}}}},
		},
		{
			name: "ballot and votes rows make one ballot",
			rows: "votes,SCT,for,7\nballot,,entitled,7\nballot,,present,7\nvotes,TTT,for,2\n",
			want: scoring.Sheet{Ballot: &scoring.Ballot{Entitled: 7, Present: 7, Votes: []scoring.Vote{
				{Member: "SCT", For: 7},
				{Member: "TTT", For: 2},
			}}},
		},
		{
			name: "a history row gives the year and the award",
			rows: "history,SCT,2019,merit\nhistory,STNMT,2018,flag\n",
			want: scoring.Sheet{History: []scoring.PastAward{
				{Member: "SCT", Year: 2019, Award: "merit"},
				{Member: "STNMT", Year: 2018, Award: "flag"},
			}},
		},
		{
			name: "lots rows give the order drawn, whatever the order of the rows",
			rows: "lots,SXD,,3\nlots,SCT,,1\nlots,SKHCN,,2\n",
			want: scoring.Sheet{Lots: []string{"SCT", "SKHCN", "SXD"}},
		},
		{
			name: "the header may list fewer columns, in any order",
			own:  true,
			rows: "value,member,record\nSở Công Thương,SCT,member\n",
			want: scoring.Sheet{Members: []scoring.Member{{ID: "SCT", Name: "Sở Công Thương"}}},
		},
		{
			name: "the header may end in empty cells, as spreadsheets save it",
			own:  true,
			rows: "record,member,key,value,,,\nmember,SCT,name,Sở Công Thương,,,\nmember,SXD,name,Sở Xây dựng\n",
			want: scoring.Sheet{Members: []scoring.Member{{ID: "SCT", Name: "Sở Công Thương"}, {ID: "SXD", Name: "Sở Xây dựng"}}},
		},
		{
			name: "a semicolon header may end in empty cells too",
			own:  true,
			rows: "record;member;key;value;;\nmember;SCT;name;Sở Công Thương;;\n",
			want: scoring.Sheet{Members: []scoring.Member{{ID: "SCT", Name: "Sở Công Thương"}}},
		},
		{
			name: "the header ignores case and spaces around names",
			own:  true,
			rows: " Record , MEMBER ,Key,VALUE\nmember,SCT,name,Sở Công Thương\n",
			want: scoring.Sheet{Members: []scoring.Member{{ID: "SCT", Name: "Sở Công Thương"}}},
		},
		{
			name: "the record kind ignores case",
			rows: "MEMBER,SCT,name,Sở Công Thương\nScore,SCT,1.1,9,cluster\n",
			want: scoring.Sheet{
				Members: []scoring.Member{{ID: "SCT", Name: "Sở Công Thương"}},
				Scores:  []scoring.Entry{{Member: "SCT", Criterion: "1.1", Stage: "cluster", Value: dec("9")}},
			},
		},
		{
			name: "spaces around values are trimmed",
			rows: "score ,  SCT , 1.1 ,  9.5  , cluster ,  ,\n",
			want: scoring.Sheet{Scores: []scoring.Entry{{Member: "SCT", Criterion: "1.1", Stage: "cluster", Value: dec("9.5")}}},
		},
		{
			name: "a row shorter than the header leaves the missing columns empty",
			rows: "member,SCT\n",
			want: scoring.Sheet{Members: []scoring.Member{{ID: "SCT"}}},
		},
		{
			name: "a ballot row of zero entitled makes a ballot",
			rows: "ballot,,entitled,0\n",
			want: scoring.Sheet{Ballot: &scoring.Ballot{}},
		},
		{
			name: "history years from 1900 to 9999 are read",
			rows: "history,SCT,1900,merit\nhistory,SCT,9999,flag\n",
			want: scoring.Sheet{History: []scoring.PastAward{
				{Member: "SCT", Year: 1900, Award: "merit"},
				{Member: "SCT", Year: 9999, Award: "flag"},
			}},
		},
		{
			name: "line breaks in a quoted name or note are kept as LF, whatever the file used",
			rows: "member,SCT,name,\"Sở\r\nCông\rThương\"\nbonus,SCT,co,1,,,\"a\r\r\nb\"\n",
			want: scoring.Sheet{
				Members: []scoring.Member{{ID: "SCT", Name: "Sở\nCông\nThương"}},
				Bonuses: []scoring.Occurrences{{Member: "SCT", Item: "co", Count: 1, Note: "a\nb"}},
			},
		},
		{
			name: "a header alone is an empty sheet",
			rows: "",
			want: scoring.Sheet{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.rows
			if !tt.own {
				text = header + text
			}
			got := readString(t, "cum.csv", text)
			if d := cmp.Diff(tt.want, got, ignoreSource); d != "" {
				t.Errorf("ReadCSV mismatch (-want +got):\n%s", d)
			}
		})
	}
}

func TestReadCSVErrors(t *testing.T) {
	const lotsMsg = "lots: positions must run 1, 2, 3 … without gaps or repeats"
	tests := []struct {
		name    string
		text    string // the whole file
		want    []wantErr
		partial scoring.Sheet // the rows that could be read
	}{
		{
			name: "an empty file is refused",
			text: "",
			want: []wantErr{{line: 1, msg: "empty file: expected a header row"}},
		},
		{
			name: "a file holding only a byte-order mark is empty",
			text: "\ufeff",
			want: []wantErr{{line: 1, msg: "empty file"}},
		},
		{
			name: "an unknown column is refused",
			text: "record,member,kee,value\n",
			want: []wantErr{{line: 1, msg: `unknown column "kee" (expected record, member, key, value, stage, assessor, note)`}},
		},
		{
			name: "a column given twice is refused",
			text: "record,member,key,member\n",
			want: []wantErr{{line: 1, msg: `column "member" appears twice`}},
		},
		{
			name: "unknown and repeated columns are reported together",
			text: "record,Value,valeur,VALUE,poids\n",
			want: []wantErr{
				{line: 1, msg: `unknown column "valeur"`},
				{line: 1, msg: `column "value" appears twice`},
				{line: 1, msg: `unknown column "poids"`},
			},
		},
		{
			name: "a header without a record column is refused",
			text: "member,key,value\nSCT,name,Sở Công Thương\n",
			want: []wantErr{{line: 1, msg: "the header needs a record column"}},
		},
		{
			name: "a quoting error in the header is reported",
			text: "record,\"member,key\n",
			want: []wantErr{{line: 1, msg: `extraneous or missing " in quoted-field`}},
		},
		{
			name: "an unknown record kind is refused",
			text: header + "scor,SCT,1.1,9,cluster\n",
			want: []wantErr{{line: 2, member: "SCT", criterion: "1.1", msg: `unknown record "scor" (expected cluster, member, score, target, not_assigned, bonus, deduction, fact, ballot, votes, history, lots or match)`}},
		},
		{
			name: "an empty record column is refused",
			text: header + ",SCT,1.1,9,cluster\n",
			want: []wantErr{{line: 2, member: "SCT", criterion: "1.1", msg: "the record column is empty"}},
		},
		{
			name: "a cluster row with an unknown key is refused",
			text: header + "cluster,,ten,Cụm II\n",
			want: []wantErr{{line: 2, criterion: "ten", msg: `cluster rows have key name or year, found "ten"`}},
		},
		{
			name: "a member row without a member is refused",
			text: header + "member,,name,Sở Công Thương\n",
			want: []wantErr{{line: 2, criterion: "name", msg: "a member row needs a member"}},
		},
		{
			name: "a member row with a key other than name is refused",
			text: header + "member,SCT,ten,Sở Công Thương\n",
			want: []wantErr{{line: 2, member: "SCT", criterion: "ten", msg: `member rows have key name (or none), found "ten"`}},
		},
		{
			name: "a score row without a stage is refused",
			text: header + "score,SCT,1.1,9\n",
			want: []wantErr{{line: 2, member: "SCT", criterion: "1.1", msg: "a score row needs a stage"}},
		},
		{
			name: "a score row without member and criterion reports both",
			text: header + "score,,,9,cluster\n",
			want: []wantErr{
				{line: 2, msg: "a score row needs a member"},
				{line: 2, msg: "a score row needs a key"},
			},
		},
		{
			name: "a score of 1.234,5 with a thousands separator is refused",
			text: header + "score,SCT,1.1,\"1.234,5\",cluster\n",
			want: []wantErr{{line: 2, member: "SCT", criterion: "1.1", msg: `expected a number like 9.75 or 9,75, found "1.234,5"`}},
		},
		{
			name: "a score of abc is refused",
			text: header + "score,SCT,1.1,abc,cluster\n",
			want: []wantErr{{line: 2, member: "SCT", criterion: "1.1", msg: `expected a number like 9.75 or 9,75, found "abc"`}},
		},
		{
			name: "a score with a four-digit exponent is refused",
			text: header + "score,SCT,1.1,1e1000,cluster\n",
			want: []wantErr{{line: 2, member: "SCT", criterion: "1.1", msg: `expected a number like 9.75 or 9,75, found "1e1000"`}},
		},
		{
			name: "a score with more than forty significant digits is refused",
			text: header + "score,SCT,1.1," + strings.Repeat("1", 41) + ",cluster\n",
			want: []wantErr{{line: 2, member: "SCT", criterion: "1.1", msg: "more than 40 significant digits"}},
		},
		{
			name: "an empty score is refused, saying what a score needs",
			text: header + "score,SCT,1.1,,cluster\n",
			want: []wantErr{{line: 2, member: "SCT", criterion: "1.1", msg: "a score row needs a value (a number, or na for not assigned)"}},
		},
		{
			name: "a target row without a value is refused",
			text: header + "target,SCT,2.1\n",
			want: []wantErr{{line: 2, member: "SCT", criterion: "2.1", msg: "a target row needs a value"}},
		},
		{
			name: "a target that is not a number is refused",
			text: header + "target,SCT,2.1,120%\n",
			want: []wantErr{{line: 2, member: "SCT", criterion: "2.1", msg: `target: expected a number like 9.75 or 9,75, found "120%"`}},
		},
		{
			name: "a not_assigned row without a criterion is refused",
			text: header + "not_assigned,SCT\n",
			want: []wantErr{{line: 2, member: "SCT", msg: "a not_assigned row needs a key"}},
		},
		{
			name: "a bonus row without a member is refused",
			text: header + "bonus,,co_tinh,1\n",
			want: []wantErr{{line: 2, criterion: "co_tinh", msg: "a bonus row needs a member"}},
		},
		{
			name: "a fractional bonus count is refused",
			text: header + "bonus,SCT,co_tinh,1.5\n",
			want: []wantErr{{line: 2, member: "SCT", criterion: "co_tinh", msg: `bonus count: expected a whole number, found "1.5"`}},
		},
		{
			name: "a negative deduction count is refused",
			text: header + "deduction,SXD,bao_cao,-1\n",
			want: []wantErr{{line: 2, member: "SXD", criterion: "bao_cao", msg: `deduction count: expected a whole number, found "-1"`}},
		},
		{
			name: "a count above a million is refused",
			text: header + "deduction,SXD,bao_cao,1000001\n",
			want: []wantErr{{line: 2, member: "SXD", criterion: "bao_cao", msg: `deduction count: expected a whole number, found "1000001"`}},
		},
		{
			name: "a fact row without a value is refused",
			text: header + "fact,SCT,no_discipline\n",
			want: []wantErr{{line: 2, member: "SCT", criterion: "no_discipline", msg: "a fact row needs a value"}},
		},
		{
			name: "a fact of maybe is refused",
			text: header + "fact,SCT,no_discipline,maybe\n",
			want: []wantErr{{line: 2, member: "SCT", criterion: "no_discipline", msg: `expected true or false (yes/no, có/không, 1/0), found "maybe"`}},
		},
		{
			name: "a fact of 2 is refused",
			text: header + "fact,SCT,no_discipline,2\n",
			want: []wantErr{{line: 2, member: "SCT", criterion: "no_discipline", msg: `found "2"`}},
		},
		{
			name: "a ballot count that is not a whole number is refused",
			text: header + "ballot,,entitled,bảy\n",
			want: []wantErr{{line: 2, criterion: "entitled", msg: `ballot: expected a whole number, found "bảy"`}},
		},
		{
			name: "a ballot row with an unknown key is refused",
			text: header + "ballot,,absent,1\n",
			want: []wantErr{{line: 2, criterion: "absent", msg: `ballot rows have key entitled or present, found "absent"`}},
		},
		{
			name:    "a ballot count given twice is refused at its second row",
			text:    header + "ballot,,entitled,7\nballot,,present,6\nballot,,entitled,8\n",
			want:    []wantErr{{line: 4, criterion: "entitled", msg: "ballot entitled given twice (also on line 2)"}},
			partial: scoring.Sheet{Ballot: &scoring.Ballot{Entitled: 7, Present: 6}},
		},
		{
			name: "a votes row without a member is refused",
			text: header + "votes,,for,6\n",
			want: []wantErr{{line: 2, criterion: "for", msg: "a votes row needs a member"}},
		},
		{
			name: "a votes row without a count is refused",
			text: header + "votes,SCT,for\n",
			want: []wantErr{{line: 2, member: "SCT", criterion: "for", msg: "a votes row needs a value"}},
		},
		{
			name: "a votes count that is not a whole number is refused",
			text: header + "votes,SCT,for,6.5\n",
			want: []wantErr{{line: 2, member: "SCT", criterion: "for", msg: `votes: expected a whole number, found "6.5"`}},
		},
		{
			name: "a votes count without a key names the key for",
			text: header + "votes,SCT,,six\n",
			want: []wantErr{{line: 2, member: "SCT", criterion: "for", msg: `votes: expected a whole number, found "six"`}},
		},
		{
			name:    "a refused votes row leaves the member's vote as the other rows give it",
			text:    header + "votes,SCT,for,5\nvotes,SCT,against,x\n",
			want:    []wantErr{{line: 3, member: "SCT", criterion: "against", msg: `votes: expected a whole number, found "x"`}},
			partial: scoring.Sheet{Ballot: &scoring.Ballot{Votes: []scoring.Vote{{Member: "SCT", For: 5}}}},
		},
		{
			name:    "votes given twice for the same member and key are refused at the second row",
			text:    header + "votes,SCT,for,5\nvotes,SXD,for,4\nvotes,SCT,,6\nvotes,SCT,against,1\n",
			want:    []wantErr{{line: 4, member: "SCT", criterion: "for", msg: "votes for given twice (also on line 2)"}},
			partial: scoring.Sheet{Ballot: &scoring.Ballot{Votes: []scoring.Vote{{Member: "SCT", For: 5, Against: 1}, {Member: "SXD", For: 4}}}},
		},
		{
			name: "a votes row with an unknown key is refused",
			text: header + "votes,SCT,yes,6\n",
			want: []wantErr{{line: 2, member: "SCT", criterion: "yes", msg: `votes rows have key for, against or abstain, found "yes"`}},
		},
		{
			name:    "a cluster name given twice is refused at its second row",
			text:    header + "cluster,,name,Cụm II\ncluster,,name,Cụm III\n",
			want:    []wantErr{{line: 3, msg: "cluster name given twice (also on line 2)"}},
			partial: scoring.Sheet{Cluster: "Cụm II"},
		},
		{
			name:    "a cluster year given twice is refused at its second row",
			text:    header + "cluster,,year,2020\ncluster,,year,2020\n",
			want:    []wantErr{{line: 3, msg: "cluster year given twice (also on line 2)"}},
			partial: scoring.Sheet{Year: 2020},
		},
		{
			name: "a cluster year of 20 is refused",
			text: header + "cluster,,year,20\n",
			want: []wantErr{{line: 2, msg: `cluster year: expected a year like 2020, found "20"`}},
		},
		{
			name: "a cluster year of 2020.0 is refused",
			text: header + "cluster,,year,2020.0\n",
			want: []wantErr{{line: 2, msg: `cluster year: expected a year like 2020, found "2020.0"`}},
		},
		{
			name: "a cluster year written in words is refused",
			text: header + "cluster,,year,năm 2020\n",
			want: []wantErr{{line: 2, msg: `found "năm 2020"`}},
		},
		{
			name: "a cluster year of five digits is refused",
			text: header + "cluster,,year,10000\n",
			want: []wantErr{{line: 2, msg: `found "10000"`}},
		},
		{
			name: "a history row whose key is not a year is refused",
			text: header + "history,SCT,2019a,merit\n",
			want: []wantErr{{line: 2, member: "SCT", criterion: "2019a", msg: `history rows have the year as key, found "2019a"`}},
		},
		{
			name: "a history year before 1900 is refused",
			text: header + "history,SCT,1899,merit\n",
			want: []wantErr{{line: 2, member: "SCT", criterion: "1899", msg: `history rows have the year as key, found "1899" (expected a year from 1900 to 9999)`}},
		},
		{
			name: "a history year after 9999 is refused",
			text: header + "history,SCT,10000,merit\n",
			want: []wantErr{{line: 2, member: "SCT", criterion: "10000", msg: `found "10000" (expected a year from 1900 to 9999)`}},
		},
		{
			name: "a negative history year is refused",
			text: header + "history,SCT,-691,merit\n",
			want: []wantErr{{line: 2, member: "SCT", criterion: "-691", msg: `found "-691"`}},
		},
		{
			name: "a history row without an award is refused",
			text: header + "history,SCT,2019\n",
			want: []wantErr{{line: 2, member: "SCT", criterion: "2019", msg: "a history row needs a value"}},
		},
		{
			name: "a lots row without a position is refused",
			text: header + "lots,SCT\n",
			want: []wantErr{{line: 2, member: "SCT", msg: "a lots row needs a value"}},
		},
		{
			name: "a lots position of zero is refused",
			text: header + "lots,SCT,,0\n",
			want: []wantErr{{line: 2, member: "SCT", msg: `lots: expected the position drawn (1 for the first), found "0"`}},
		},
		{
			name: "a lots position written in words is refused",
			text: header + "lots,SCT,,first\n",
			want: []wantErr{{line: 2, member: "SCT", msg: `found "first"`}},
		},
		{
			name: "lots positions with a gap are refused at the row after the gap",
			text: header + "lots,SCT,,1\nlots,SXD,,3\n",
			want: []wantErr{{line: 3, member: "SXD", msg: lotsMsg + "; found 3 where 2 was expected"}},
		},
		{
			name: "a repeated lots position is refused at its second row",
			text: header + "lots,SCT,,1\nlots,SKHCN,,2\nlots,SXD,,2\n",
			want: []wantErr{{line: 4, member: "SXD", msg: "found 2 where 3 was expected"}},
		},
		{
			name:    "an unquoted decimal comma that spills into a cell under no column is refused",
			text:    header + "score,SCT,1.1,9,75,cluster,SXD,note\nmember,SCT,name,x\n",
			want:    []wantErr{{line: 2, member: "SCT", criterion: "1.1", msg: `row has 8 cells but the header has 7 columns; write a decimal comma inside quotes ("9,75") or separate the file with semicolons`}},
			partial: scoring.Sheet{Members: []scoring.Member{{ID: "SCT", Name: "x"}}},
		},
		{
			name: "a row longer than the header line is refused even if its extra cells are empty",
			text: "record,member,key,value\nmember,SCT,name,x,,\n",
			want: []wantErr{{line: 2, member: "SCT", criterion: "name", msg: "row has 6 cells but the header has 4 columns"}},
		},
		{
			name: "a cell under an empty header cell is refused",
			text: "record,member,key,value,,\nmember,SCT,name,x,y\n",
			want: []wantErr{{line: 2, member: "SCT", criterion: "name", msg: "row has 5 cells but the header has 4 columns"}},
		},
		{
			name: "a semicolon file with an extra cell says to quote the value",
			text: "record;member;key;value\nmember;SCT;name;x;y\n",
			want: []wantErr{{line: 2, member: "SCT", criterion: "name", msg: "row has 5 cells but the header has 4 columns; write a value holding a semicolon inside quotes"}},
		},
		{
			name: "a member id with a line break is refused",
			text: header + "member,\"S\nCT\",name,x\n",
			want: []wantErr{{line: 2, criterion: "name", msg: `the member "S\nCT" holds a line break, tab or other control character; ids and keys must be plain text on one line`}},
		},
		{
			name: "a member id with a carriage return is refused, as a line break",
			text: header + "member,\"A\rB\",name,x\n",
			want: []wantErr{{line: 2, criterion: "name", msg: `the member "A\nB" holds a line break`}},
		},
		{
			name: "a key with a tab is refused",
			text: header + "score,SCT,\"1\t1\",9,cluster\n",
			want: []wantErr{{line: 2, member: "SCT", msg: `the key "1\t1" holds a line break, tab or other control character`}},
		},
		{
			name: "a stage with a control character is refused",
			text: header + "score,SCT,1.1,9,\"clu\x00ster\"\n",
			want: []wantErr{{line: 2, member: "SCT", criterion: "1.1", msg: `the stage "clu\x00ster" holds`}},
		},
		{
			name: "an assessor with a line break is refused",
			text: header + "score,SCT,1.1,9,cluster,\"S\r\nXD\"\n",
			want: []wantErr{{line: 2, member: "SCT", criterion: "1.1", msg: `the assessor "S\nXD" holds`}},
		},
		{
			name: "lots positions not starting at 1 are refused",
			text: header + "lots,SCT,,2\nlots,SXD,,3\n",
			want: []wantErr{{line: 2, member: "SCT", msg: "found 2 where 1 was expected"}},
		},
		{
			name: "a bare quote inside a field is refused",
			text: header + "member,S\"CT,name,x\n",
			want: []wantErr{{line: 2, msg: `bare " in non-quoted-field`}},
		},
		{
			name: "an unterminated quoted field is refused",
			text: header + "member,SCT,name,\"Sở Công Thương\n",
			want: []wantErr{{line: 2, msg: `extraneous or missing " in quoted-field`}},
		},
		{
			name:    "text after a closing quote is refused",
			text:    header + "member,SCT,name,x\nmember,\"SXD\"x,name,y\n",
			want:    []wantErr{{line: 3, msg: `extraneous or missing " in quoted-field`}},
			partial: scoring.Sheet{Members: []scoring.Member{{ID: "SCT", Name: "x"}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sh, err := sheets.ReadCSV("cum.csv", strings.NewReader(tt.text))
			checkErrors(t, "cum.csv", err, tt.want)
			if d := cmp.Diff(tt.partial, sh, ignoreSource); d != "" {
				t.Errorf("the sheet returned with the errors should hold only the rows that could be read (-want +got):\n%s", d)
			}
		})
	}
}

func TestReadCSVReportsEveryError(t *testing.T) {
	t.Run("several bad rows give one error each, in line order", func(t *testing.T) {
		text := header +
			"member,SCT,name,Sở Công Thương\n" + // 2: fine
			"score,SCT,1.1,abc,cluster\n" + // 3
			"score,SCT,1.2,9,cluster\n" + // 4: fine
			"fact,SCT,no_discipline,maybe\n" + // 5
			"bonus,SCT,co_tinh,many\n" + // 6
			"cluster,,year,twenty\n" + // 7
			"lots,SCT,,1\n" + // 8
			"lots,SXD,,5\n" + // 9: gap, reported after the rows
			"frobnicate,SXD\n" // 10
		sh, err := sheets.ReadCSV("cum.csv", strings.NewReader(text))
		checkErrors(t, "cum.csv", err, []wantErr{
			{line: 3, member: "SCT", criterion: "1.1", msg: `found "abc"`},
			{line: 5, member: "SCT", criterion: "no_discipline", msg: `found "maybe"`},
			{line: 6, member: "SCT", criterion: "co_tinh", msg: `bonus count: expected a whole number, found "many"`},
			{line: 7, msg: `cluster year: expected a year like 2020, found "twenty"`},
			{line: 10, member: "SXD", msg: `unknown record "frobnicate"`},
			{line: 9, member: "SXD", msg: "found 5 where 2 was expected"},
		})
		// The rows that could be read come back with the errors.
		want := scoring.Sheet{
			Members: []scoring.Member{{ID: "SCT", Name: "Sở Công Thương", Source: scoring.Source{File: "cum.csv", Line: 2}}},
			Scores:  []scoring.Entry{{Member: "SCT", Criterion: "1.2", Stage: "cluster", Value: dec("9"), Source: scoring.Source{File: "cum.csv", Line: 4}}},
		}
		if d := cmp.Diff(want, sh, withSource); d != "" {
			t.Errorf("partial sheet mismatch (-want +got):\n%s", d)
		}
	})
	t.Run("a quoting error stops reading but keeps the errors found before it", func(t *testing.T) {
		text := header +
			"score,SCT,1.1,abc,cluster\n" + // 2
			"member,\"SXD\"x,name,y\n" + // 3: the reader cannot go on
			"score,SXD,1.1,def,cluster\n" // 4: not reached
		_, err := sheets.ReadCSV("cum.csv", strings.NewReader(text))
		checkErrors(t, "cum.csv", err, []wantErr{
			{line: 2, member: "SCT", criterion: "1.1", msg: `found "abc"`},
			{line: 3, msg: `extraneous or missing " in quoted-field`},
		})
	})
	t.Run("the errors read as file:line: member: criterion: message", func(t *testing.T) {
		_, err := sheets.ReadCSV("cum.csv", strings.NewReader(header+"member,SCT,name,x\nscore,SCT,1.1,abc,cluster\nfact,SXD,f,?\n"))
		require.EqualError(t, err,
			`cum.csv:3: member SCT: 1.1: expected a number like 9.75 or 9,75, found "abc"`+"\n"+
				`cum.csv:4: member SXD: f: expected true or false (yes/no, có/không, 1/0), found "?"`)
	})
}

func TestReadCSVFormat(t *testing.T) {
	// plain is the reference sheet that every variant below must equal.
	const plain = header +
		"member,SCT,name,Sở Công Thương\n" +
		"score,SCT,1.1,9.75,cluster,SXD\n" +
		"target,SCT,2.1,120.5\n"
	want := scoring.Sheet{
		Members: []scoring.Member{{ID: "SCT", Name: "Sở Công Thương"}},
		Scores:  []scoring.Entry{{Member: "SCT", Criterion: "1.1", Stage: "cluster", Assessor: "SXD", Value: dec("9.75")}},
		Targets: []scoring.Target{{Member: "SCT", Criterion: "2.1", Value: dec("120.5")}},
	}
	tests := []struct {
		name string
		text string
	}{
		{"the reference sheet reads as expected", plain},
		{"a UTF-8 byte-order mark is accepted", "\ufeff" + plain},
		{"a decimal comma in quotes equals a decimal point",
			header + "member,SCT,name,Sở Công Thương\nscore,SCT,1.1,\"9,75\",cluster,SXD\ntarget,SCT,2.1,\"120,5\"\n"},
		{"a semicolon-separated file (Excel, Vietnamese locale) is detected",
			"record;member;key;value;stage;assessor;note\n" +
				"member;SCT;name;Sở Công Thương;;;\n" +
				"score;SCT;1.1;9,75;cluster;SXD;\n" +
				"target;SCT;2.1;120,5;;;\n"},
		{"a semicolon-separated file with a byte-order mark is detected",
			"\ufeffrecord;member;key;value;stage;assessor;note\r\n" +
				"member;SCT;name;Sở Công Thương;;;\r\n" +
				"score;SCT;1.1;9.75;cluster;SXD;\r\n" +
				"target;SCT;2.1;120,5;;;\r\n"},
		{"Windows line endings are accepted", strings.ReplaceAll(plain, "\n", "\r\n")},
		{"comment rows are skipped",
			header + "# Cụm II, năm 2020\n" + "\"# a quoted comment, with \"\"quotes\"\"\",,,,,,\n" +
				"member,SCT,name,Sở Công Thương\n" + "#score,SCT,1.1,1,cluster\n" + "  # indented,x\n" +
				"score,SCT,1.1,9.75,cluster,SXD\n" + "target,SCT,2.1,120.5\n"},
		{"blank lines are skipped",
			header + "\n" + "member,SCT,name,Sở Công Thương\n" + "\n\n" + "   \n" +
				"score,SCT,1.1,9.75,cluster,SXD\n" + "target,SCT,2.1,120.5\n" + "\n"},
		{"a file without a final newline is read whole", strings.TrimSuffix(plain, "\n")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := readString(t, "cum.csv", tt.text)
			if d := cmp.Diff(want, got, ignoreSource); d != "" {
				t.Errorf("ReadCSV mismatch (-want +got):\n%s", d)
			}
		})
	}
}

func TestReadCSVSemicolonKeepsCommasInValues(t *testing.T) {
	t.Run("a semicolon file keeps a comma inside a note", func(t *testing.T) {
		got := readString(t, "cum.csv", "record;member;key;value;note\nbonus;SCT;co_tinh;1;Cờ thi đua, năm 2019\n")
		want := scoring.Sheet{Bonuses: []scoring.Occurrences{{Member: "SCT", Item: "co_tinh", Count: 1, Note: "Cờ thi đua, năm 2019"}}}
		if d := cmp.Diff(want, got, ignoreSource); d != "" {
			t.Errorf("mismatch (-want +got):\n%s", d)
		}
	})
	t.Run("a comma file with a semicolon in the header stays a comma file", func(t *testing.T) {
		_, err := sheets.ReadCSV("cum.csv", strings.NewReader("record,member;key\nmember,SCT\n"))
		checkErrors(t, "cum.csv", err, []wantErr{{line: 1, msg: `unknown column "member;key"`}})
	})
}

func TestReadCSVNormalisesToNFC(t *testing.T) {
	// Written with escapes so that the test does not depend on how this
	// file was saved: "Sở Công Thương" precomposed (NFC) and decomposed
	// (NFD: base letters followed by combining marks).
	const (
		nameNFC = "S\u1edf C\u00f4ng Th\u01b0\u01a1ng"
		nameNFD = "So\u031b\u0309 Co\u0302ng Thu\u031bo\u031bng"
		idNFC   = "S\u1edfCT"
		idNFD   = "So\u031b\u0309CT"
		itemNFC = "c\u1edd_t\u1ec9nh" // cờ_tỉnh
		itemNFD = "co\u031b\u0300_ti\u0309nh"
	)
	require.NotEqual(t, nameNFC, nameNFD, "the two spellings must differ as bytes")

	t.Run("a name typed with combining marks reads as the precomposed name", func(t *testing.T) {
		got := readString(t, "cum.csv", header+"member,"+idNFD+",name,"+nameNFD+"\n")
		require.Len(t, got.Members, 1)
		require.Equal(t, nameNFC, got.Members[0].Name)
		require.Equal(t, idNFC, got.Members[0].ID)
	})
	t.Run("rows naming a member in either form name the same member", func(t *testing.T) {
		got := readString(t, "cum.csv", header+
			"member,"+idNFC+",name,"+nameNFC+"\n"+
			"score,"+idNFD+",1.1,9,cluster,"+idNFD+"\n"+
			"bonus,"+idNFD+","+itemNFD+",1,,,"+nameNFD+"\n"+
			"votes,"+idNFD+",for,3\n"+
			"lots,"+idNFD+",,1\n")
		want := scoring.Sheet{
			Members: []scoring.Member{{ID: idNFC, Name: nameNFC}},
			Scores:  []scoring.Entry{{Member: idNFC, Criterion: "1.1", Stage: "cluster", Assessor: idNFC, Value: dec("9")}},
			Bonuses: []scoring.Occurrences{{Member: idNFC, Item: itemNFC, Count: 1, Note: nameNFC}},
			Ballot:  &scoring.Ballot{Votes: []scoring.Vote{{Member: idNFC, For: 3}}},
			Lots:    []string{idNFC},
		}
		if d := cmp.Diff(want, got, ignoreSource); d != "" {
			t.Errorf("mismatch (-want +got):\n%s", d)
		}
	})
	t.Run("a not-assigned word typed with combining marks is recognised", func(t *testing.T) {
		got := readString(t, "cum.csv", header+"score,SCT,2.3,kho\u0302ng giao,cluster\n")
		want := scoring.Sheet{NotAssigned: []scoring.Assignment{{Member: "SCT", Criterion: "2.3"}}}
		if d := cmp.Diff(want, got, ignoreSource); d != "" {
			t.Errorf("mismatch (-want +got):\n%s", d)
		}
	})
	t.Run("a fact of có typed with combining marks is true", func(t *testing.T) {
		got := readString(t, "cum.csv", header+"fact,SCT,f,co\u0301\n")
		require.Len(t, got.Facts, 1)
		require.True(t, got.Facts[0].Value)
	})
}

func TestReadCSVSources(t *testing.T) {
	text := header + // 1
		"# comment\n" + // 2
		"cluster,,name,Cụm II\n" + // 3
		"\n" + // 4
		"member,SCT,name,\"Sở\nCông Thương\"\n" + // 5-6: a quoted line break
		"score,SCT,1.1,9,cluster\n" + // 7
		"target,SCT,2.1,120\n" + // 8
		"not_assigned,SCT,2.3\n" + // 9
		"score,SCT,2.4,na,cluster\n" + // 10
		"bonus,SCT,co,1,,,\"two\nlines\"\n" + // 11-12
		"deduction,SCT,bc,1\n" + // 13
		"fact,SCT,f,có\n" + // 14
		"votes,SCT,for,6\n" + // 15: opens the ballot
		"ballot,,entitled,7\n" + // 16
		"votes,SCT,against,1\n" + // 17: same vote as line 15
		"votes,SXD,for,2\n" + // 18
		"history,SCT,2019,merit\n" // 19
	got := readString(t, "dir/cum.csv", text)
	src := func(line int) scoring.Source { return scoring.Source{File: "dir/cum.csv", Line: line} }
	want := scoring.Sheet{
		Cluster:     "Cụm II",
		Members:     []scoring.Member{{ID: "SCT", Name: "Sở\nCông Thương", Source: src(5)}},
		Scores:      []scoring.Entry{{Member: "SCT", Criterion: "1.1", Stage: "cluster", Value: dec("9"), Source: src(7)}},
		Targets:     []scoring.Target{{Member: "SCT", Criterion: "2.1", Value: dec("120"), Source: src(8)}},
		NotAssigned: []scoring.Assignment{{Member: "SCT", Criterion: "2.3", Source: src(9)}, {Member: "SCT", Criterion: "2.4", Source: src(10)}},
		Bonuses:     []scoring.Occurrences{{Member: "SCT", Item: "co", Count: 1, Note: "two\nlines", Source: src(11)}},
		Deductions:  []scoring.Occurrences{{Member: "SCT", Item: "bc", Count: 1, Source: src(13)}},
		Facts:       []scoring.FactValue{{Member: "SCT", Fact: "f", Value: true, Source: src(14)}},
		Ballot: &scoring.Ballot{Entitled: 7, Source: src(15), Votes: []scoring.Vote{
			{Member: "SCT", For: 6, Against: 1, Source: src(15)},
			{Member: "SXD", For: 2, Source: src(18)},
		}},
		History: []scoring.PastAward{{Member: "SCT", Year: 2019, Award: "merit", Source: src(19)}},
	}
	if d := cmp.Diff(want, got, withSource); d != "" {
		t.Errorf("sources mismatch (-want +got):\n%s", d)
	}
}

func TestReadCSVExampleSources(t *testing.T) {
	// Every row of the example file is on the line its Source names: check
	// it against the file's own text.
	for _, name := range exampleCSVs {
		t.Run(name+" rows point at their own lines", func(t *testing.T) {
			data := readExample(t, name)
			lines := strings.Split(string(data), "\n")
			sh, err := sheets.ReadCSV(name, strings.NewReader(string(data)))
			require.NoError(t, err)
			at := func(s scoring.Source, prefix string) {
				t.Helper()
				require.Equal(t, name, s.File)
				require.Greater(t, s.Line, 0)
				require.LessOrEqual(t, s.Line, len(lines))
				require.True(t, strings.HasPrefix(lines[s.Line-1], prefix), "line %d is %q, want a row starting %q", s.Line, lines[s.Line-1], prefix)
			}
			require.NotEmpty(t, sh.Members)
			for _, m := range sh.Members {
				at(m.Source, "member,"+m.ID+",")
			}
			require.NotEmpty(t, sh.Scores)
			for _, s := range sh.Scores {
				at(s.Source, "score,"+s.Member+","+s.Criterion+",")
			}
			for _, o := range sh.Deductions {
				at(o.Source, "deduction,"+o.Member+","+o.Item+",")
			}
			for _, o := range sh.Bonuses {
				at(o.Source, "bonus,"+o.Member+","+o.Item+",")
			}
			require.NotNil(t, sh.Ballot)
			at(sh.Ballot.Source, "ballot,")
			for _, v := range sh.Ballot.Votes {
				at(v.Source, "votes,"+v.Member+",")
			}
			for _, h := range sh.History {
				at(h.Source, "history,"+h.Member+",")
			}
		})
	}
}

func TestReadCSVSize(t *testing.T) {
	t.Run("a file larger than MaxBytes is refused", func(t *testing.T) {
		r := &repeatReader{left: sheets.MaxBytes + 1}
		_, err := sheets.ReadCSV("big.csv", r)
		checkErrors(t, "big.csv", err, []wantErr{{msg: "file is larger than"}})
	})
	t.Run("a read error is returned as it is", func(t *testing.T) {
		_, err := sheets.ReadCSV("broken.csv", failingReader{})
		require.ErrorIs(t, err, errBroken)
	})
}

func TestWriteCSV(t *testing.T) {
	t.Run("rows come in a fixed order under the full header", func(t *testing.T) {
		sh := scoring.Sheet{
			Cluster:     "Cụm II, Cao Bằng",
			Year:        2020,
			Lots:        []string{"SXD", "SCT"},
			History:     []scoring.PastAward{{Member: "SCT", Year: 2019, Award: "merit"}},
			Ballot:      &scoring.Ballot{Entitled: 7, Present: 6, Votes: []scoring.Vote{{Member: "SCT", For: 5, Against: 1}, {Member: "SXD", Abstain: 2}}},
			Facts:       []scoring.FactValue{{Member: "SCT", Fact: "f", Value: true}},
			Deductions:  []scoring.Occurrences{{Member: "SXD", Item: "bc", Count: 2}},
			Bonuses:     []scoring.Occurrences{{Member: "SCT", Item: "co", Count: 1, Note: `Cờ "thi đua"`}},
			NotAssigned: []scoring.Assignment{{Member: "SXD", Criterion: "2.3"}},
			Targets:     []scoring.Target{{Member: "SCT", Criterion: "2.1", Value: dec("120.50")}},
			Scores:      []scoring.Entry{{Member: "SCT", Criterion: "1.1", Stage: "cluster", Assessor: "SXD", Value: dec("9.75")}},
			Members:     []scoring.Member{{ID: "SCT", Name: "Sở Công Thương"}, {ID: "SXD", Name: "Sở Xây dựng"}},
		}
		want := header +
			"cluster,,name,\"Cụm II, Cao Bằng\",,,\n" +
			"cluster,,year,2020,,,\n" +
			"member,SCT,name,Sở Công Thương,,,\n" +
			"member,SXD,name,Sở Xây dựng,,,\n" +
			"score,SCT,1.1,9.75,cluster,SXD,\n" +
			"target,SCT,2.1,120.5,,,\n" +
			"not_assigned,SXD,2.3,,,,\n" +
			"bonus,SCT,co,1,,,\"Cờ \"\"thi đua\"\"\"\n" +
			"deduction,SXD,bc,2,,,\n" +
			"fact,SCT,f,true,,,\n" +
			"ballot,,entitled,7,,,\n" +
			"ballot,,present,6,,,\n" +
			"votes,SCT,for,5,,,\n" +
			"votes,SCT,against,1,,,\n" +
			"votes,SXD,for,0,,,\n" +
			"votes,SXD,abstain,2,,,\n" +
			"history,SCT,2019,merit,,,\n" +
			"lots,SXD,,1,,,\n" +
			"lots,SCT,,2,,,\n"
		require.Equal(t, want, writeString(t, sh))
	})
	t.Run("an empty sheet is the header alone", func(t *testing.T) {
		require.Equal(t, header, writeString(t, scoring.Sheet{}))
	})
	t.Run("a write error is returned", func(t *testing.T) {
		err := sheets.WriteCSV(failingWriter{}, scoring.Sheet{Cluster: "x"})
		require.ErrorIs(t, err, errBroken)
	})
}

func TestReadCSVSuspectInputs(t *testing.T) {
	t.Run("an unquoted decimal comma in a comma file is refused, not split into two columns", func(t *testing.T) {
		// A hand-written "9,75" without quotes makes the row one field longer
		// than the header: value "9", stage "75", assessor "cluster".
		sh, err := sheets.ReadCSV("cum.csv", strings.NewReader(header+"score,SCT,1.1,9,75,cluster,,\n"))
		es := inputErrors(t, err)
		require.Equal(t, 2, es[0].Line)
		checkErrors(t, "cum.csv", err, []wantErr{{line: 2, member: "SCT", criterion: "1.1", msg: `row has 8 cells but the header has 7 columns; write a decimal comma inside quotes ("9,75")`}})
		require.Empty(t, sh.Scores)
	})
	t.Run("an unquoted decimal comma that reaches the last column is refused", func(t *testing.T) {
		// One cell too many, the last not empty: "9", "75", "cluster", "SXD", "x".
		_, err := sheets.ReadCSV("cum.csv", strings.NewReader(header+"score,SCT,1.1,9,75,cluster,SXD,x\n"))
		checkErrors(t, "cum.csv", err, []wantErr{{line: 2, member: "SCT", criterion: "1.1", msg: "row has 8 cells but the header has 7 columns"}})
	})
	t.Run("a row of empty cells, as Excel writes for a blank row, is skipped like a blank line", func(t *testing.T) {
		sh, err := sheets.ReadCSV("cum.csv", strings.NewReader(header+"member,SCT,name,x\n,,,,,,\n"))
		require.NoError(t, err)
		require.Len(t, sh.Members, 1)
	})
	t.Run("rows of empty or blank cells are skipped, in comma and semicolon files", func(t *testing.T) {
		sh := readString(t, "cum.csv", header+",,,,,,\n , ,\t,,,,\nmember,SCT,name,x\n,,,,,,\n")
		require.Len(t, sh.Members, 1)
		require.Equal(t, 4, sh.Members[0].Source.Line)
		sh = readString(t, "cum.csv", "record;member;key;value\n;;;\nmember;SCT;name;x\n")
		require.Len(t, sh.Members, 1)
	})
	t.Run("a header error after leading blank lines names the header's own line", func(t *testing.T) {
		_, err := sheets.ReadCSV("cum.csv", strings.NewReader("\n\nrecord,member,bogus\n"))
		es := inputErrors(t, err)
		require.Len(t, es, 1)
		require.Equal(t, 3, es[0].Line)
	})
	t.Run("every header error after blank lines and blank rows names the header's line", func(t *testing.T) {
		_, err := sheets.ReadCSV("cum.csv", strings.NewReader("\n  \n,,,\nmember,key\n"))
		checkErrors(t, "cum.csv", err, []wantErr{{line: 4, msg: "the header needs a record column"}})
		_, err = sheets.ReadCSV("cum.csv", strings.NewReader("\r\n\r\nrecord,kee,record\n"))
		checkErrors(t, "cum.csv", err, []wantErr{
			{line: 3, msg: `unknown column "kee"`},
			{line: 3, msg: `column "record" appears twice`},
		})
	})
	t.Run("a semicolon header after blank lines is detected", func(t *testing.T) {
		sh := readString(t, "cum.csv", "\n \r\n\t\nrecord;member;key;value;stage\nscore;SCT;1.1;9,75;cluster\n")
		want := scoring.Sheet{Scores: []scoring.Entry{{Member: "SCT", Criterion: "1.1", Stage: "cluster", Value: dec("9.75"), Source: scoring.Source{File: "cum.csv", Line: 5}}}}
		if d := cmp.Diff(want, sh, withSource); d != "" {
			t.Errorf("mismatch (-want +got):\n%s", d)
		}
	})
	t.Run("rows after leading blank lines still have their own line numbers", func(t *testing.T) {
		sh := readString(t, "cum.csv", "\n\n"+header+"member,SCT,name,x\n")
		require.Len(t, sh.Members, 1)
		require.Equal(t, 4, sh.Members[0].Source.Line)
	})
}
