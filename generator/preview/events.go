package preview

import (
	"fmt"
	"net/http"
	"sync"
	"time"
)

// event is one Server-Sent Event: "reload" (show the new build), "css"
// (only stylesheets changed) or "hello" (sent on connecting). data is the
// build ID.
type event struct {
	name string
	data string
}

// broker fans events out to the open event streams.
type broker struct {
	mu sync.Mutex
	// clients are the open streams, each with the scope of the page it
	// serves: in a regional edition a council's code for a page of its
	// report, else "" (see builtSite.scope).
	clients map[chan event]string
}

func newBroker() *broker {
	return &broker{clients: make(map[chan event]string)}
}

func (b *broker) subscribe(scope string) chan event {
	ch := make(chan event, 1)
	b.mu.Lock()
	b.clients[ch] = scope
	b.mu.Unlock()
	return ch
}

func (b *broker) unsubscribe(ch chan event) {
	b.mu.Lock()
	delete(b.clients, ch)
	b.mu.Unlock()
}

// scopes are the scopes of the pages open now.
func (b *broker) scopes() map[string]bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	open := make(map[string]bool, len(b.clients))
	for _, scope := range b.clients {
		open[scope] = true
	}
	return open
}

// publish sends e to every stream without waiting for a slow one: a
// stream holds one pending event, and a newer event replaces it. The
// replacement is a full reload, since a stylesheet swap would miss
// whatever the replaced event was about.
func (b *broker) publish(e event) {
	b.publishTo(e, nil)
}

// publishTo is publish to the streams whose scope to accepts; nil
// means every stream.
func (b *broker) publishTo(e event, to func(scope string) bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch, scope := range b.clients {
		if to != nil && !to(scope) {
			continue
		}
		select {
		case ch <- e:
			continue
		default:
		}
		// Only publish sends, under b.mu, so after draining there is room.
		select {
		case <-ch:
		default:
		}
		ch <- event{name: "reload", data: e.data}
	}
}

// keepAlive is how often an idle stream gets a comment, so proxies and
// browsers do not time it out and a closed tab is noticed.
const keepAlive = 20 * time.Second

// serveEvents is the live-reload stream. It ends when the client goes,
// when the server shuts down (the request's context comes from the
// http.Server's BaseContext) or when the Server is closed: Shutdown waits
// for active handlers, so an endless stream would hold it up. The page
// gives its own address (?page=), so that the preview knows which
// council's report it shows: after an edit it renders first the reports
// open in a browser.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("X-Accel-Buffering", "no")
	s.mu.RLock()
	scope := s.state.site.scope(r.URL.Query().Get("page"))
	s.mu.RUnlock()
	ch := s.events.subscribe(scope)
	defer s.events.unsubscribe(ch)
	// The build read after subscribing: one that finishes in between is
	// either greeted here or sent as an event.
	s.mu.RLock()
	st := s.state
	s.mu.RUnlock()
	// retry: reconnect quickly after a restart of the server.
	if _, err := fmt.Fprintf(w, "retry: 1000\nevent: hello\ndata: %s\n\n", s.buildID(st.pageGen(scope))); err != nil {
		return
	}
	if err := rc.Flush(); err != nil {
		return
	}
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		var err error
		select {
		case <-r.Context().Done():
			return
		case <-s.life.Done():
			return
		case e := <-ch:
			_, err = fmt.Fprintf(w, "event: %s\ndata: %s\n\n", e.name, e.data)
		case <-tick.C:
			_, err = fmt.Fprint(w, ": keep-alive\n\n")
		}
		if err == nil {
			err = rc.Flush()
		}
		if err != nil {
			return
		}
	}
}
