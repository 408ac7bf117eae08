package scoresheet_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/scoresheet"
	"github.com/thidua/thidua/scoring"
)

func TestReadMembers(t *testing.T) {
	rb := rulebook(t)
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
		return p
	}
	ids := func(sh scoring.Sheet) []string {
		var out []string
		for _, m := range sh.Members {
			out = append(out, m.ID)
		}
		return out
	}
	cum2IDs := []string{"SKHCN", "STNMT", "SGTVT", "SXD", "SNNPTNT", "SCT", "TTT"}
	for _, path := range []string{cum2 + "scores-2020.csv", cum2 + "scores-2020.json", workbook} {
		sh, err := scoresheet.ReadMembers(rb, path)
		require.NoError(t, err, path)
		require.Equal(t, cum2IDs, ids(sh), path)
		require.Equal(t, 2020, sh.Year)
		require.Equal(t, "Cụm II – Các cơ quan quản lý chuyên ngành", sh.Cluster)
		require.Empty(t, sh.Scores, "members only")
	}

	t.Run("a list", func(t *testing.T) {
		p := write("list.csv", "\ufeff\nMã đơn vị;Tên đơn vị\nSCT;Sở Công Thương\n;\nSXD;Sở Xây dựng\n")
		sh, err := scoresheet.ReadMembers(rb, p)
		require.NoError(t, err)
		require.Equal(t, []scoring.Member{
			{ID: "SCT", Name: "Sở Công Thương", Source: scoring.Source{File: p, Line: 3}},
			{ID: "SXD", Name: "Sở Xây dựng", Source: scoring.Source{File: p, Line: 5}},
		}, sh.Members)
	})
	t.Run("a list's problems, in either language", func(t *testing.T) {
		p := write("bad.csv", "id,name\nSCT,Sở Công Thương\n,Sở không mã\nSCT,again\n")
		sh, err := scoresheet.ReadMembers(rb, p)
		es := inputErrors(t, err)
		require.Equal(t, []string{"SCT"}, ids(sh), "the members read are returned")
		require.Equal(t, p+`:3: member "Sở không mã" has no id`+"\n"+p+":4: member SCT: listed twice (also on line 2)", es.Error())
		require.Equal(t, p+`:3: đơn vị "Sở không mã" không có mã`+"\n"+p+":4: đơn vị SCT: được ghi hai lần (đã có ở dòng 2)", es.Text(lang.Vietnamese))

		_, err = scoresheet.ReadMembers(rb, write("noid.csv", "name\nSở Công Thương\n"))
		require.Equal(t, "members.no_id_column", inputErrors(t, err)[0].Message.Key)

		_, err = scoresheet.ReadMembers(rb, write("quote.csv", "id,name\nSCT,\"Sở \"Công\" Thương\"\n"))
		es = inputErrors(t, err)
		require.Equal(t, "csv.quote", es[0].Message.Key)
		require.Equal(t, 2, es[0].Line)
	})
	t.Run("a score sheet's problems", func(t *testing.T) {
		_, err := scoresheet.ReadMembers(rb, write("sheet.csv", "record,member,key,value\nmember,SCT,nome,x\n"))
		require.Equal(t, "csv.member.key", inputErrors(t, err)[0].Message.Key)
		_, err = scoresheet.ReadMembers(rb, write("list.ods", ""))
		require.Equal(t, "sheet.format", inputErrors(t, err)[0].Message.Key)
	})
}
