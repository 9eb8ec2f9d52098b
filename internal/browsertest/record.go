package browsertest

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
)

// recorder collects, from the events of one tab, the console messages and
// off-site requests that a PageReport lists. handle runs on chromedp's event
// loop, so it only appends under a lock.
type recorder struct {
	origin string // scheme://host:port of the page, for relative locations

	mu       sync.Mutex
	messages []message
	offSite  []string
	seen     map[string]bool
	inFlight map[network.RequestID]bool
	last     time.Time // of the last event handled, for settled
}

// message is one console message of level warning or error.
type message struct {
	text    string // as reported: "LEVEL: TEXT (WHERE)"
	url     string // the resource it is about, if any
	network bool   // a resource failed to load
}

func newRecorder(pageURL string) (*recorder, error) {
	u, err := url.Parse(pageURL)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return nil, fmt.Errorf("%q is not an absolute URL (use the base URL from Serve)", pageURL)
	}
	return &recorder{
		origin:   u.Scheme + "://" + u.Host,
		seen:     map[string]bool{},
		inFlight: map[network.RequestID]bool{},
	}, nil
}

// handle is the chromedp.Listen callback.
func (r *recorder) handle(ev any) {
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		level := string(ev.Type)
		switch ev.Type {
		case runtime.ConsoleAPICalledTypeError, runtime.ConsoleAPICalledTypeWarning, runtime.ConsoleAPICalledTypeAssert:
		default:
			return
		}
		where := ""
		if st := ev.StackTrace; st != nil && len(st.CallFrames) > 0 {
			f := st.CallFrames[0]
			where = r.where(f.URL, f.LineNumber+1, f.ColumnNumber+1)
		}
		r.add(message{text: level + ": " + argsText(ev.Args) + where})
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		if d == nil {
			return
		}
		text := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			// The description is the error and its stack; the first line
			// says what went wrong, and where is given below.
			first, _, _ := strings.Cut(d.Exception.Description, "\n")
			text += " " + first
		}
		r.add(message{text: "exception: " + text + r.where(d.URL, d.LineNumber+1, d.ColumnNumber+1)})
	case *cdplog.EventEntryAdded:
		e := ev.Entry
		if e == nil || (e.Level != cdplog.EntryLevelError && e.Level != cdplog.EntryLevelWarning) {
			return
		}
		if e.Source == cdplog.EntrySourceNetwork && e.URL == r.origin+"/favicon.ico" {
			// Headless Chromium asks for /favicon.ico by itself, some time
			// after the load, for a page that declares no icon: its 404 is
			// not the page's doing, and would come and go with timing.
			return
		}
		line := e.LineNumber
		if line > 0 {
			// Zero may mean "unknown" as well as the first line; only a
			// non-zero one is sure.
			line++
		}
		r.add(message{
			text:    string(e.Level) + ": " + e.Text + r.where(e.URL, line, 0),
			url:     e.URL,
			network: e.Source == cdplog.EntrySourceNetwork,
		})
	case *network.EventRequestWillBeSent:
		r.mu.Lock()
		defer r.mu.Unlock()
		r.last = time.Now()
		r.inFlight[ev.RequestID] = true
		if ev.Request == nil || r.onSite(ev.Request.URL) || r.seen[ev.Request.URL] {
			return
		}
		r.seen[ev.Request.URL] = true
		r.offSite = append(r.offSite, ev.Request.URL)
	case *network.EventLoadingFinished:
		r.done(ev.RequestID)
	case *network.EventLoadingFailed:
		r.done(ev.RequestID)
	}
}

// done notes the end of a request.
func (r *recorder) done(id network.RequestID) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.last = time.Now()
	delete(r.inFlight, id)
}

// settled reports whether no request is in flight and nothing has happened
// for the quiet period.
func (r *recorder) settled(quiet time.Duration) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.inFlight) == 0 && time.Since(r.last) >= quiet
}

func (r *recorder) add(m message) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.last = time.Now()
	r.messages = append(r.messages, m)
}

// onSite reports whether a request for rawURL stays on the page's origin or
// needs no network at all.
func (r *recorder) onSite(rawURL string) bool {
	for _, scheme := range []string{"data:", "blob:", "about:"} {
		if strings.HasPrefix(rawURL, scheme) {
			return true
		}
	}
	return rawURL == r.origin || strings.HasPrefix(rawURL, r.origin+"/")
}

// where formats a script location as " (/path:LINE:COL)", relative to the
// origin; zero line or column numbers are left out.
func (r *recorder) where(rawURL string, line, col int64) string {
	if rawURL == "" {
		return ""
	}
	s := strings.TrimPrefix(rawURL, r.origin)
	if line > 0 {
		s += fmt.Sprint(":", line)
		if col > 0 {
			s += fmt.Sprint(":", col)
		}
	}
	return " (" + s + ")"
}

// results returns the console errors and the off-site requests recorded so
// far. A failed load of an off-site resource is not repeated as a console
// error, so each mistake in a page is reported once.
func (r *recorder) results() (consoleErrors, offSite []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, m := range r.messages {
		if m.network && r.seen[m.url] {
			continue
		}
		consoleErrors = append(consoleErrors, m.text)
	}
	return consoleErrors, append([]string(nil), r.offSite...)
}

// argsText renders the arguments of a console call roughly as the DevTools
// console does: strings as they are, other values by their description.
func argsText(args []*runtime.RemoteObject) string {
	parts := make([]string, 0, len(args))
	for _, a := range args {
		var s string
		switch {
		case a == nil:
			s = "null"
		case a.Type == runtime.RemoteObjectTypeString && json.Unmarshal(a.Value, &s) == nil:
		case a.UnserializableValue != "":
			s = string(a.UnserializableValue)
		case a.Description != "":
			s = a.Description
		case len(a.Value) > 0:
			s = string(a.Value)
		default:
			s = string(a.Type)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}
