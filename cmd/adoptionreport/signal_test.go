//go:build unix

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// asProgram, set in the environment, makes the test binary run main
// itself, so a test can start the real program and signal it.
const asProgram = "ADOPTIONREPORT_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(asProgram) == "1" {
		main()
	}
	os.Exit(m.Run())
}

// serve stops cleanly however it is asked to: Ctrl-C, kill (SIGTERM) or
// the terminal closing (SIGHUP). It keeps its builds in memory, so it
// leaves nothing in the temporary folder, while serving or after.
func TestServeCleansUpOnSignal(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			tmp := t.TempDir()
			cmd := exec.Command(os.Args[0], "serve", "--source", t.TempDir(), "--port", "0")
			cmd.Env = append(os.Environ(), asProgram+"=1", "TMPDIR="+tmp)
			var out lockedBuffer
			cmd.Stdout, cmd.Stderr = &out, &out
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			for deadline := time.Now().Add(15 * time.Second); !strings.Contains(out.String(), "Serving the draft report"); {
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					cmd.Wait()
					t.Fatalf("serve did not start; printed:\n%s", out.String())
				}
				time.Sleep(20 * time.Millisecond)
			}
			if left, _ := filepath.Glob(filepath.Join(tmp, "*")); len(left) != 0 {
				t.Errorf("while serving, written to the temporary folder: %q", left)
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			if err := cmd.Wait(); err != nil {
				t.Errorf("after %v: %v; printed:\n%s", sig, err, out.String())
			}
			if left, _ := filepath.Glob(filepath.Join(tmp, "*")); len(left) != 0 {
				t.Errorf("after %v, left behind: %q", sig, left)
			}
		})
	}
}
