package pdf

// PageCount returns the number of pages of a PDF this package printed,
// for the link to a PDF an earlier run published: its page count is
// shown beside it.
func PageCount(data []byte) (int, error) {
	doc, err := parseDocument(data)
	if err != nil {
		return 0, err
	}
	pages, err := doc.pages()
	return len(pages), err
}
