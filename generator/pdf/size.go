package pdf

// FormatSize gives n bytes as the pdf command reports a PDF's size, for
// the site's link to it to say the same: 950 bytes, 78 kB, 1.2 MB.
func FormatSize(n int64) string { return formatSize(n) }
