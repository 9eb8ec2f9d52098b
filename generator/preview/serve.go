package preview

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// ListenError is returned by Run when the address cannot be listened on,
// most often because another program already uses the port.
type ListenError struct {
	Addr string
	Err  error
}

func (e *ListenError) Error() string {
	return fmt.Sprintf("cannot listen on %s: %v", e.Addr, e.Err)
}

func (e *ListenError) Unwrap() error { return e.Err }

// shutdownGrace is how long Serve waits for requests in flight when it
// stops; event streams end at once.
const shutdownGrace = 500 * time.Millisecond

// Run listens on Options.Bind and Options.Port and serves the preview
// until ctx is done (see Serve). It returns a *ListenError if the address
// cannot be listened on.
func (s *Server) Run(ctx context.Context) error {
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", s.Addr())
	if err != nil {
		s.Close()
		return &ListenError{Addr: s.Addr(), Err: err}
	}
	return s.Serve(ctx, ln)
}

// Serve builds the project, serves the preview on ln, and rebuilds on
// every change until ctx is done; then it stops within a second, open
// event streams included, and closes the Server. A project's errors never
// stop it: they show in the pages instead. If the project cannot be
// watched, it says so and serves without live rebuilds.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	defer s.Close()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	watchDone := make(chan struct{})
	if w, err := s.newWatcher(); err != nil {
		s.log.printf("cannot watch %s for changes: %v\nthe preview will not rebuild by itself: stop it and start it again after each change\n", s.source, err)
		close(watchDone)
	} else {
		go func() {
			defer close(watchDone)
			w.run(ctx)
		}()
	}
	if _, err := s.Rebuild(ctx); err != nil {
		ln.Close()
		<-watchDone
		return nil // stopped during the first build
	}

	srv := &http.Server{
		Handler:           s.hostCheck(ln.Addr(), s.Handler()),
		BaseContext:       func(net.Listener) context.Context { return ctx },
		ReadHeaderTimeout: 10 * time.Second,
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	s.announce(ln.Addr())

	var err error
	select {
	case <-ctx.Done():
	case err = <-served:
	}
	// Cancelling ctx ends the event streams, whose requests derive from
	// it; Shutdown then only waits for ordinary requests.
	cancel()
	s.cancel()
	sctx, stop := context.WithTimeout(context.Background(), shutdownGrace)
	defer stop()
	if srv.Shutdown(sctx) != nil {
		srv.Close()
	}
	<-watchDone
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// announce prints where the preview is, and a warning if it can be seen
// from other machines: a draft shows exact, unsuppressed small numbers.
func (s *Server) announce(addr net.Addr) {
	host, port, _ := net.SplitHostPort(addr.String())
	ip := net.ParseIP(host)
	show := host
	if ip != nil && ip.IsUnspecified() {
		show = "localhost"
	}
	url := "http://" + net.JoinHostPort(show, port) + "/"
	s.log.printf("Serving the draft report at %s — press Ctrl-C to stop\n", url)
	if ip == nil || !ip.IsLoopback() {
		where := host
		if ip != nil && ip.IsUnspecified() {
			// Go listens on "::" for 0.0.0.0: name what the officer typed.
			where = "every network address of this computer (--bind " + s.bind + ")"
		}
		s.log.printf("warning: listening on %s, so other computers can open this draft, with its unsuppressed figures; use --bind 127.0.0.1 to keep it on this one\n", where)
	}
}

// hostCheck refuses requests whose Host is not this machine when the
// server listens on loopback only. Without it a web page elsewhere could
// point its own domain name at 127.0.0.1 ("DNS rebinding") and read the
// draft, with its unsuppressed figures, through the reader's browser.
func (s *Server) hostCheck(addr net.Addr, next http.Handler) http.Handler {
	host, _, _ := net.SplitHostPort(addr.String())
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !localHost(r.Host) {
			http.Error(w, "the preview answers only to addresses of this computer, such as localhost or 127.0.0.1", http.StatusMisdirectedRequest)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// localHost reports whether a Host header names this computer.
func localHost(hostport string) bool {
	host := hostport
	if h, p, err := net.SplitHostPort(hostport); err == nil {
		if _, err := strconv.Atoi(p); err != nil {
			return false
		}
		host = h
	}
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}
