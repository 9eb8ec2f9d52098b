package generator

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var (
	paginationNav = regexp.MustCompile(`(?s)<nav class="pagination pagination--block" aria-label="Pagination">(.*?)</nav>`)
	paginationRel = regexp.MustCompile(`(?s)<a class="pagination__link" href="([^"]+)" rel="(prev|next)">(.*?)</a>`)
	anyTag        = regexp.MustCompile(`<[^>]*>`)
	siteNav       = regexp.MustCompile(`(?s)<nav class="site-nav" aria-label="Report sections">(.*?)</nav>`)
	navLink       = regexp.MustCompile(`<li><a href="([^"]+)"(?: aria-current="page")?>([^<]*)</a></li>`)
)

// linkText is what a screen reader says for a link: its text without
// tags, with runs of white space as one space.
func linkText(inner string) string {
	return strings.Join(strings.Fields(html.UnescapeString(anyTag.ReplaceAllString(inner, ""))), " ")
}

// Every page ends in GOV.UK's previous and next pagination, in the order
// of the site's navigation, and each link reads as "Previous page:
// Children" or "Next page: Finance" rather than running "Next" into the
// title.
func TestPagination(t *testing.T) {
	out := buildSample(t, false)
	index, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	sections := siteNav.FindStringSubmatch(string(index))
	if sections == nil {
		t.Fatal("the front page has no section navigation")
	}
	nav := navLink.FindAllStringSubmatch(sections[1], -1)
	if len(nav) < 5 {
		t.Fatalf("the front page's navigation has %d pages", len(nav))
	}
	// The front page, then each section in the navigation's order.
	order := []struct{ url, title string }{{"index.html", "Contents"}}
	for _, m := range nav {
		order = append(order, struct{ url, title string }{m[1], html.UnescapeString(m[2])})
	}
	for i, p := range order {
		b, err := os.ReadFile(filepath.Join(out, p.url))
		if err != nil {
			t.Fatal(err)
		}
		page := string(b)
		if strings.Contains(page, `<span class="label">Next</span>`) {
			t.Errorf("%s still has the old Next link", p.url)
		}
		navs := paginationNav.FindAllStringSubmatch(page, -1)
		if len(navs) != 1 {
			t.Errorf("%s has %d pagination blocks, want 1", p.url, len(navs))
			continue
		}
		want := map[string]string{}
		if i > 0 {
			want["prev"] = order[i-1].url + " Previous page: " + order[i-1].title
		}
		if i+1 < len(order) {
			want["next"] = order[i+1].url + " Next page: " + order[i+1].title
		}
		got := map[string]string{}
		for _, m := range paginationRel.FindAllStringSubmatch(navs[0][1], -1) {
			got[m[2]] = m[1] + " " + linkText(m[3])
		}
		for _, rel := range []string{"prev", "next"} {
			if got[rel] != want[rel] {
				t.Errorf("%s: %s link is %q, want %q", p.url, rel, got[rel], want[rel])
			}
		}
	}
}
