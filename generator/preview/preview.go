// Package preview is the `adoptionreport serve` command: it builds a
// report project in memory with drafts included, serves the result on a
// local address, watches the project's files and rebuilds when they
// change, and tells open pages to reload through Server-Sent Events.
//
// It writes no files, so a preview never overwrites the published site,
// and it duplicates no build logic: every build is a call to
// generator.Render, which is generator.Build short of writing. A failed build keeps the last good
// pages on show with a panel listing the problems; a first build that
// fails shows an error page until the project is fixed.
package preview

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/adoptionreport/adoptionreport/generator"
	"github.com/adoptionreport/adoptionreport/generator/site"
)

// Options say what to preview and where.
type Options struct {
	// Source is the project folder (holding config.toml); blank means ".".
	Source string
	// Bind is the address to listen on; blank means 127.0.0.1, so the
	// draft, with its exact unsuppressed figures, stays on this machine.
	Bind string
	// Port is the TCP port; 0 lets the system pick a free one. The command
	// line's default is DefaultPort.
	Port int
	// Log receives the address, each rebuild's duration and its
	// problems; nil discards them.
	Log io.Writer
}

// DefaultPort is the port `adoptionreport serve` uses unless told
// otherwise: Hugo's, which report officers who know Hugo expect.
const DefaultPort = 1313

// DefaultBind is the address used when Options.Bind is blank.
const DefaultBind = "127.0.0.1"

// debounce is how long the project must be quiet after a change before a
// rebuild starts: editors save in bursts of several events. Measured on
// Linux by TestSaveBursts (vim with and without its backup copy, sed -i's
// write and rename, an in-place rewrite with an fsync between two
// writes, a JetBrains-style safe write of two renames), no gap between
// the events of one save was over 5 ms, even on a loaded machine; 25 ms
// leaves room for a slower disk, and is a quarter of the 100 ms a page
// edit may take to show. A longer gap costs a second rebuild, never a
// missed change.
const debounce = 25 * time.Millisecond

// buildFunc is generator.Render's signature; tests replace it to make a
// build panic or fail on demand.
type buildFunc func(context.Context, generator.Options) (site.Files, generator.Result, error)

// Server is a live preview of one report project. Make one with New; it
// holds the last good site in memory until Close (or the end of Run or
// Serve).
type Server struct {
	source   string // absolute project folder
	bind     string
	port     int
	log      *logger
	instance string // tells a restarted server's builds from this one's
	build    buildFunc
	// cache keeps the data and figures between builds, so that a page
	// edit does not read the CSVs again.
	cache    *generator.Cache
	debounce time.Duration
	events   *broker

	// afterRebuild, when set by a test, is called at the end of every
	// rebuild with its outcome.
	afterRebuild func(Outcome)

	life   context.Context // cancelled by Close: ends builds and event streams
	cancel context.CancelFunc

	buildMu sync.Mutex // one build at a time

	mu    sync.RWMutex // guards state
	state state

	closeOnce sync.Once
}

// New checks opts and prepares a preview of the project at opts.Source.
// It does not build or listen yet: see Rebuild, Handler, Serve and Run.
func New(opts Options) (*Server, error) {
	source := opts.Source
	if source == "" {
		source = "."
	}
	abs, err := absDir(source)
	if err != nil {
		return nil, err
	}
	bind := opts.Bind
	if bind == "" {
		bind = DefaultBind
	}
	if opts.Port < 0 || opts.Port > 65535 {
		return nil, fmt.Errorf("port %d is not a TCP port: choose one from 1 to 65535, such as %d", opts.Port, DefaultPort)
	}
	var id [4]byte
	_, _ = rand.Read(id[:]) // crypto/rand.Read never fails
	life, cancel := context.WithCancel(context.Background())
	w := opts.Log
	if w == nil {
		w = io.Discard
	}
	return &Server{
		source:   abs,
		bind:     bind,
		port:     opts.Port,
		log:      &logger{w: w},
		instance: hex.EncodeToString(id[:]),
		build:    generator.Render,
		cache:    generator.NewCache(),
		debounce: debounce,
		events:   newBroker(),
		life:     life,
		cancel:   cancel,
	}, nil
}

// absDir returns dir as an absolute path, or an error saying how to fix
// it if it is not a folder.
func absDir(dir string) (string, error) {
	if err := generator.SourceError(dir); err != nil {
		return "", fmt.Errorf("cannot preview %s: %w", dir, err)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("cannot preview %s: %w", dir, err)
	}
	return abs, nil
}

// Addr is the host:port the server listens on when Run is called.
func (s *Server) Addr() string {
	return net.JoinHostPort(s.bind, strconv.Itoa(s.port))
}

// Close ends every open event stream, cancels a build in progress and
// lets go of the site. The handler serves nothing useful after it. Close
// may be called more than once.
func (s *Server) Close() error {
	s.closeOnce.Do(func() {
		s.cancel()
		// Wait for a build in progress to notice, so it puts no site in
		// place after this.
		s.buildMu.Lock()
		defer s.buildMu.Unlock()
		s.mu.Lock()
		s.state.site = nil
		s.mu.Unlock()
	})
	return nil
}

// logger serialises writes to the log: the watcher and the server both
// print.
type logger struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *logger) printf(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintf(l.w, format, args...)
}
