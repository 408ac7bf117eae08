package lang

// xlsxTexts are the problems and warnings of the Excel reader (package
// xlsx): the workbook, its sheets and cells.
var xlsxTexts = map[string][2]string{}
