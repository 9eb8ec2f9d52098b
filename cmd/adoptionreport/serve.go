package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"

	"github.com/adoptionreport/adoptionreport/generator/preview"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve [--source DIR] [--bind ADDRESS] [--port PORT]",
		"Builds the project with its draft pages, marked DRAFT, serves it at http://ADDRESS:PORT/ and\n"+
			"rebuilds it whenever you save a change to config.toml or to content/, data/, themes/,\n"+
			"layouts/ or static/; open pages reload by themselves. Problems show on every page until\n"+
			"fixed. The build is kept in memory: SOURCE/output is not touched.", stdout, stderr)
	var opts preview.Options
	fs.StringVar(&opts.Source, "source", ".", "`DIR` is the report project's folder, holding config.toml")
	fs.StringVar(&opts.Bind, "bind", preview.DefaultBind, "`ADDRESS` is the IP address to listen on; 0.0.0.0 lets other computers see the draft")
	fs.IntVar(&opts.Port, "port", preview.DefaultPort, "`PORT` is the TCP port to listen on; 0 picks a free one")
	if code, ok := parse(fs, args, stdout, stderr); !ok {
		return code
	}
	if opts.Port < 0 || opts.Port > 65535 {
		fmt.Fprintf(stderr, "adoptionreport serve: --port %d is not a TCP port: choose one from 1 to 65535, such as %d\n", opts.Port, preview.DefaultPort)
		return exitUsage
	}
	if net.ParseIP(opts.Bind) == nil && opts.Bind != "localhost" {
		fmt.Fprintf(stderr, "adoptionreport serve: --bind %q is not an IP address: use 127.0.0.1 (this computer only) or 0.0.0.0 (every network)\n", opts.Bind)
		return exitUsage
	}
	opts.Log = stderr
	s, err := preview.New(opts)
	if err != nil {
		fmt.Fprintf(stderr, "adoptionreport serve: %v\n", err)
		return exitUsage
	}
	err = s.Run(ctx)
	var le *preview.ListenError
	switch {
	case errors.As(err, &le):
		fmt.Fprintf(stderr, "adoptionreport serve: %v\n"+
			"Another program, perhaps another preview, is using port %d: stop it, or choose another port with --port %d\n",
			le, opts.Port, nextPort(opts.Port))
		return exitProblems
	case err != nil:
		fmt.Fprintf(stderr, "adoptionreport serve: %v\n", err)
		return exitProblems
	}
	return exitOK
}

// nextPort suggests a port to try instead of p.
func nextPort(p int) int {
	if p <= 0 || p >= 65535 {
		return preview.DefaultPort + 1
	}
	return p + 1
}
