package main

import (
	"bytes"
	"context"
	"net"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a stderr the command and the test can share.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

func TestServeMisuse(t *testing.T) {
	tests := []struct {
		args []string
		code int
		say  string // in stdout+stderr
	}{
		{[]string{"--help"}, exitOK, "--port"},
		{[]string{"--port", "70000"}, exitUsage, "--port 70000 is not a TCP port"},
		{[]string{"--port", "-1"}, exitUsage, "not a TCP port"},
		{[]string{"--port", "http"}, exitUsage, "invalid value"},
		{[]string{"--bind", "my laptop"}, exitUsage, "not an IP address"},
		{[]string{"extra"}, exitUsage, `unexpected argument "extra"`},
		{[]string{"--source", filepath.Join(t.TempDir(), "missing"), "--port", "0"}, exitUsage, "no such folder: give the report project's folder (the one holding config.toml) with --source"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := runServe(context.Background(), tt.args, &stdout, &stderr)
		out := stdout.String() + stderr.String()
		if code != tt.code || !strings.Contains(out, tt.say) {
			t.Errorf("serve %q: exit %d, want %d, saying %q; printed:\n%s", tt.args, code, tt.code, tt.say, out)
		}
	}
}

func TestServePortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	var stdout, stderr bytes.Buffer
	code := runServe(context.Background(), []string{"--source", t.TempDir(), "--port", port}, &stdout, &stderr)
	if code != exitProblems || !strings.Contains(stderr.String(), "127.0.0.1:"+port) || !strings.Contains(stderr.String(), "--port") {
		t.Errorf("exit %d, want %d naming the port and --port; printed:\n%s", code, exitProblems, stderr.String())
	}
}

// TestServeStops: the preview of a project that does not build yet still
// serves, and Ctrl-C (a cancelled context) stops it promptly with status 0.
func TestServeStops(t *testing.T) {
	var stderr lockedBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		done <- runServe(ctx, []string{"--source", t.TempDir(), "--port", "0"}, &bytes.Buffer{}, &stderr)
	}()
	deadline := time.Now().Add(15 * time.Second)
	for !strings.Contains(stderr.String(), "Serving the draft report at http://127.0.0.1:") {
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("the preview did not start; printed:\n%s", stderr.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	start := time.Now()
	cancel()
	select {
	case code := <-done:
		if code != exitOK {
			t.Errorf("exit %d after Ctrl-C, want 0; printed:\n%s", code, stderr.String())
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("stopping took %v, want under 1s", d)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop after Ctrl-C")
	}
}
