// Package scoresheet is the one loader of score sheets: it reads a
// cluster's score sheet in every supported format — CSV (.csv, or .txt as
// spreadsheets save delimited text), JSON, YAML (package sheets) and Excel
// workbooks (.xlsx, package xlsx) — with one call and one argument order,
// the rulebook first:
//
//	sh, warnings, err := scoresheet.Check(rb, "scores.xlsx")                    // a file: format by extension
//	sh, warnings, err = scoresheet.CheckReader(rb, "upload", r, scoresheet.CSV) // a stream: format given
//
// The names say whether the sheet is checked against the rulebook: Load
// and Read only read it (what the rows say, and the problems of the rows
// that cannot be read), as an audit needs, which reports a sheet's
// problems as findings; Check and CheckReader also validate it against the
// rulebook's scoring rules and report every problem at once, as ranking
// needs. The rulebook is needed to read a workbook (its headers are matched
// against the criteria); a CSV, JSON or YAML sheet is read without it.
//
// Problems are scoring.InputErrors naming the file and its line, or for a
// workbook its sheet and cell; an unknown extension is the located problem
// "sheet.format". Every input is read through the bounded reader with the
// limits of its format: sheets.MaxBytes (32 MiB) for CSV, JSON and YAML,
// xlsx.Limits for a workbook, 1 MiB for a mapping file.
//
// ReadMembers reads the members of a cluster from a score sheet in any
// format or from a CSV member list (an id and a name column), as thidua
// template --members does.
//
// # Imports
//
// Package xlsx imports package sheets (for its numbers), so the dispatch
// over both cannot live in either without a cycle: it lives here, above
// both, and below the packages that read sheets from files (audit, the
// command). Packages sheets and xlsx keep their format-specific readers.
package scoresheet
