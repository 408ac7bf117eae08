package lang

// The catalogue holds every sentence of the library, and the words of its
// tables, reports and documents, Vietnamese first, English second. Each
// package's sentences are in their own file; keys start with the area they
// belong to (doc.* the documents, report.* the audit reports, results.*
// the results workbook, cli.* the command line). TestCatalogue checks that no key is
// defined twice and that both languages use the same placeholders.
var sections = []map[string][2]string{problemTexts, rulesTexts, rulesErrorTexts, inputErrorTexts, xlsxTexts, resultsTexts, scoringTexts, rankingTexts, auditTexts, reportTexts, documentsTexts, cliTexts, whatifTexts, yearTexts, yearErrorTexts, miscErrorTexts, fileTexts, identityTexts, scoresheetTexts, trustTexts, recordTexts, serverTexts, controlTexts, chartTexts, helpTexts, signedTexts, tiesTexts, examplesTexts, leagueTexts, gradesTexts, fewerTexts, ties2Texts, bandsTexts, xlsx2Texts, amend2Texts, groupItemTexts, auditGradeTexts}

var catalogue = merge(sections)

func merge(ms []map[string][2]string) map[string][2]string {
	n := 0
	for _, m := range ms {
		n += len(m)
	}
	out := make(map[string][2]string, n)
	for _, m := range ms {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}
