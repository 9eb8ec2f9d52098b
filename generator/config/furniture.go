package config

import (
	"net/mail"
	"net/url"
	"strings"
	"time"

	"github.com/adoptionreport/adoptionreport/generator/internal/tomlstrict"
	"github.com/adoptionreport/adoptionreport/generator/problem"
)

// DateLayout is how config.toml writes a day: ISO 8601, which no reader
// can take for a different day, as they might 07/08/2025.
const DateLayout = "2006-01-02"

// validateFurniture checks what every page and the accessibility
// statement say about the report beyond its figures: the dates, the
// contact and the statement's details.
func (c *Config) validateFurniture(d *tomlstrict.Doc, file string, probs *problem.List) {
	c.PublishedOn = parseDay(d, probs, "published", &c.Published, "2025-07-16")
	c.ExtractedOn = parseDay(d, probs, "data_extracted", &c.DataExtracted, "2025-04-30")
	yearEnd := c.Year.End().Time()
	if c.Year != 0 {
		for _, day := range []struct {
			key  string
			when time.Time
			what string
		}{
			{"published", c.PublishedOn, "the report is published"},
			{"data_extracted", c.ExtractedOn, "the data was extracted"},
		} {
			switch {
			case day.when.IsZero():
			case day.when.Before(c.Year.Start().Time()):
				d.Errorf(probs, day.key, "%s is before the report year %s starts (%s): it is the day %s, after the year ends on %s",
					day.when.Format(DateLayout), c.ReportYear, c.Year.Start().Time().Format("2 January 2006"), day.what, yearEnd.Format("2 January 2006"))
			case !day.when.After(yearEnd):
				d.Warnf(probs, day.key, "%s is not after the report year %s ends (%s), so the figures cannot cover the whole year; check the date",
					day.when.Format(DateLayout), c.ReportYear, yearEnd.Format("2 January 2006"))
			}
		}
	}
	if !c.PublishedOn.IsZero() && !c.ExtractedOn.IsZero() && c.ExtractedOn.After(c.PublishedOn) {
		d.Errorf(probs, "data_extracted", "%s is after the report is published (published = %q): the data must be extracted before the report that shows it is published; check both dates",
			c.DataExtracted, c.Published)
	}

	ct := &c.Contact
	trim(&ct.Name, &ct.Email, &ct.Phone, &ct.URL)
	checkEmail(d, probs, "contact.email", ct.Email)
	checkPhone(d, probs, "contact.phone", ct.Phone)
	if ct.URL != "" {
		if u, err := url.Parse(ct.URL); err != nil || !(strings.EqualFold(u.Scheme, "https") || strings.EqualFold(u.Scheme, "http")) || u.Host == "" {
			d.Errorf(probs, "contact.url", `%q is not a full web address: write it with https://, e.g. url = "https://www.example.gov.uk/contact-adoption"`, ct.URL)
		}
	}
	if d.Has("contact") && !ct.IsSet() {
		d.Errorf(probs, "contact", `gives no way to reach the service: add email, phone or url under [contact], e.g. email = "adoption@example.gov.uk"`)
	}

	a := &c.Accessibility
	trim(&a.Compliance, &a.Email, &a.Phone, &a.Tested)
	checkEmail(d, probs, "accessibility.email", a.Email)
	checkPhone(d, probs, "accessibility.phone", a.Phone)
	a.PreparedOn = parseDay(d, probs, "accessibility.prepared", &a.Prepared, "2025-07-01")
	if a.PreparedOn.IsZero() {
		a.PreparedOn = c.PublishedOn
	}
	switch a.Compliance {
	case "full":
	case "partial":
		if len(a.Issues) == 0 {
			d.Errorf(probs, "accessibility.issues", `is empty, but compliance = "partial": list what is not accessible, one sentence each, e.g. issues = ["Some tables have no caption."], or write compliance = "full" if nothing is`)
		}
	default:
		d.Errorf(probs, "accessibility.compliance", `%q is not a level: write compliance = "full" (the site meets WCAG 2.2 AA) or compliance = "partial" (it does not yet; list why in issues)`, a.Compliance)
	}
}

// parseDay parses the date at key, trimming it in place, and returns it;
// the zero time when blank or wrong (an error).
func parseDay(d *tomlstrict.Doc, probs *problem.List, key string, val *string, example string) time.Time {
	*val = strings.TrimSpace(*val)
	if *val == "" {
		return time.Time{}
	}
	t, err := time.Parse(DateLayout, *val)
	if err != nil {
		name := key[strings.LastIndexByte(key, '.')+1:]
		d.Errorf(probs, key, "%q is not a date: write it as year-month-day, e.g. %s = %q", *val, name, example)
		return time.Time{}
	}
	return t
}

func trim(vals ...*string) {
	for _, v := range vals {
		*v = strings.TrimSpace(*v)
	}
}

func checkEmail(d *tomlstrict.Doc, probs *problem.List, key, email string) {
	if email == "" {
		return
	}
	// A bare address only: the page makes it a mailto: link.
	if a, err := mail.ParseAddress(email); err != nil || a.Address != email || a.Name != "" {
		name := key[strings.LastIndexByte(key, '.')+1:]
		d.Errorf(probs, key, `%q is not an email address: write the address alone, e.g. %s = "adoption@example.gov.uk"`, email, name)
	}
}

func checkPhone(d *tomlstrict.Doc, probs *problem.List, key, phone string) {
	if phone == "" {
		return
	}
	digits := 0
	for _, r := range phone {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune(" +()-", r):
		default:
			name := key[strings.LastIndexByte(key, '.')+1:]
			d.Errorf(probs, key, `%q is not a telephone number: write digits and spaces only, e.g. %s = "01234 567890"`, phone, name)
			return
		}
	}
	if digits < 6 {
		name := key[strings.LastIndexByte(key, '.')+1:]
		d.Errorf(probs, key, `%q has too few digits for a telephone number: write it in full, e.g. %s = "01234 567890"`, phone, name)
	}
}
