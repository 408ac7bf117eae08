package whatif

import "github.com/thidua/thidua/scoring"

func hasMember(sh scoring.Sheet, id string) bool {
	for _, m := range sh.Members {
		if m.ID == id {
			return true
		}
	}
	return false
}
