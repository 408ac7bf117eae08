package scoresheet

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/scoring"
)

// FuzzMemberList reads arbitrary bytes as a member list: it never panics;
// every problem has a message in both languages; the members read have
// distinct, non-empty ids in NFC, without spaces around them, each with
// its line; and a file that is not a list says nothing.
func FuzzMemberList(f *testing.F) {
	for _, s := range []string{
		"id,name\nSCT,Sở Công Thương\nSXD,Sở Xây dựng\n",
		"\ufeffMã đơn vị;Tên đơn vị\nSCT;Sở Công Thương\n",
		"\n\nmember,đơn vị\nSCT,x\n,y\nSCT,z\n",
		"name\nx\n",
		"record,member,key,value\n",
		"id,name\n\"SCT,x\n",
		"id,name\nS\"CT,x\n",
		"ID , Tên\n SCT , Sở\u0301 \n",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ms, ok, err := memberList("list.csv", data)
		if !ok {
			if err != nil || ms != nil {
				t.Fatalf("not a list, yet %v, %v", ms, err)
			}
			return
		}
		if err != nil {
			es, isInput := err.(scoring.InputErrors)
			if !isInput || len(es) == 0 {
				t.Fatalf("error %T %v", err, err)
			}
			for _, e := range es {
				if e.Message.IsZero() || e.Msg != e.Message.In(lang.English) || e.Message.Check() != nil {
					t.Fatalf("problem without a good message: %#v", e)
				}
				_ = e.Text(lang.Vietnamese)
			}
		}
		seen := map[string]bool{}
		for _, m := range ms {
			if m.ID == "" || seen[m.ID] || m.ID != strings.TrimSpace(m.ID) || !norm.NFC.IsNormalString(m.ID) || !norm.NFC.IsNormalString(m.Name) {
				t.Fatalf("member %#v", m)
			}
			if m.Source.File != "list.csv" || m.Source.Line < 2 {
				t.Fatalf("source %#v", m.Source)
			}
			seen[m.ID] = true
		}
	})
}
