package browsertest

import (
	"bytes"
	"context"
	"errors"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// ValidateHTML checks files with the Nu Html Checker (the W3C validator) and
// returns its errors, one line each in GNU format ("FILE":LINE.COL-LINE.COL:
// error: MESSAGE); none for valid files. All the files go to one Java
// process, which takes seconds to start. Without Java or vnu.jar it skips the
// test, or fails it when ADOPTIONREPORT_REQUIRE_BROWSER is set.
func ValidateHTML(t testing.TB, files []string) []string {
	t.Helper()
	if len(files) == 0 {
		return nil
	}
	java, jar := vnu(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	args := append([]string{"-jar", jar, "--errors-only", "--format", "gnu", "--stdout"}, files...)
	cmd := exec.CommandContext(ctx, java, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()

	var lines []string
	for line := range strings.Lines(stdout.String()) {
		if line = strings.TrimSpace(line); line != "" {
			lines = append(lines, line)
		}
	}
	// vnu exits with 1 when it found errors; any other failure, or a 1
	// with nothing said, means it did not check the files.
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1 && len(lines) > 0) {
		t.Fatalf("running the Nu Html Checker (%s %s): %v\n%s%s", java, strings.Join(args[:6], " "), err, stdout.String(), stderr.String())
	}
	return lines
}
