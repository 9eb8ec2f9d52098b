package prefault

import (
	"syscall"
	"time"
	"unsafe"
)

// budget is how much of the heap is populated at start: the garbage
// collector's minimum heap, which a build fills before it first collects.
const budget = 4 << 20

// As a build goes on the runtime maps more heap, 4 MB at a time, and
// follow populates that too, from the other processor. It looks every
// interval for rounds of them (the first second), up to limit in all:
// a build of the sample maps 8 to 12 MB.
const (
	interval = 500 * time.Microsecond
	rounds   = 2000
	limit    = 16 << 20
)

// madvPopulateWrite is MADV_POPULATE_WRITE (Linux 5.14), which package
// syscall does not name.
const madvPopulateWrite = 23

// anchor is a heap object, allocated so its address shows where the heap
// is. It is kept so that the allocation is not optimised away.
var anchor *[64]byte

func init() {
	anchor = new([64]byte)
	lo, hi, ok := heapMapping(uintptr(unsafe.Pointer(anchor)))
	if !ok {
		return
	}
	// An error (an old kernel, a mapping that changed) leaves the pages
	// to be faulted in one by one, as without this package.
	done := min(hi, lo+budget)
	if populate(lo, done) != nil {
		return
	}
	go follow(lo, done)
}

// follow populates the heap mapping that starts at lo as it grows past
// done. The runtime maps new heap just before it uses it, so a page
// populated here is one the build does not fault on; one it reaches
// first is skipped.
func follow(lo, done uintptr) {
	for range rounds {
		time.Sleep(interval)
		if done = grow(lo, done); done-lo >= limit {
			return
		}
	}
}

// grow populates the part of the mapping at lo past done, up to limit,
// and returns where the populated part now ends.
func grow(lo, done uintptr) uintptr {
	_, hi, ok := heapMapping(lo)
	if !ok || hi <= done {
		return done
	}
	hi = min(hi, lo+limit)
	if populate(done, hi) != nil {
		return done
	}
	return hi
}

// populate maps the pages of [lo, hi) writable, as writing to each would.
func populate(lo, hi uintptr) error {
	if _, _, e := syscall.Syscall(syscall.SYS_MADVISE, lo, hi-lo, madvPopulateWrite); e != 0 {
		return e
	}
	return nil
}

// heapMapping finds the writable mapping holding address p in
// /proc/self/maps. It reads with syscall, not os, to keep this package's
// imports (and so its place in the init order) early.
func heapMapping(p uintptr) (lo, hi uintptr, ok bool) {
	fd, err := syscall.Open("/proc/self/maps", syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return 0, 0, false
	}
	defer syscall.Close(fd)
	// The heap is mapped early, so its line is within the first few kB;
	// a line cut off at the end of the buffer is only skipped.
	var buf [32 << 10]byte
	n, err := syscall.Read(fd, buf[:])
	if err != nil || n <= 0 {
		return 0, 0, false
	}
	return mappingOf(buf[:n], p)
}

// mappingOf finds, in the text of /proc/self/maps, the complete line of
// a private writable mapping that holds address p, and returns its range.
// A line reads "lo-hi perms offset dev inode [path]", with lo and hi in hex.
func mappingOf(maps []byte, p uintptr) (lo, hi uintptr, ok bool) {
	for len(maps) > 0 {
		end := 0
		for end < len(maps) && maps[end] != '\n' {
			end++
		}
		if end == len(maps) {
			return 0, 0, false // no newline: the line may be cut off
		}
		line := maps[:end]
		maps = maps[end+1:]
		lo, rest, ok1 := hexPrefix(line)
		if !ok1 || len(rest) == 0 || rest[0] != '-' {
			continue
		}
		hi, rest, ok2 := hexPrefix(rest[1:])
		if !ok2 || len(rest) < 5 || rest[0] != ' ' || string(rest[1:5]) != "rw-p" {
			continue
		}
		if lo <= p && p < hi {
			return lo, hi, true
		}
	}
	return 0, 0, false
}

// hexPrefix reads the lower-case hexadecimal number b starts with.
func hexPrefix(b []byte) (v uintptr, rest []byte, ok bool) {
	i := 0
	for ; i < len(b) && i < 16; i++ {
		c := b[i]
		switch {
		case c >= '0' && c <= '9':
			v = v<<4 | uintptr(c-'0')
		case c >= 'a' && c <= 'f':
			v = v<<4 | uintptr(c-'a'+10)
		default:
			return v, b[i:], i > 0
		}
	}
	return v, b[i:], i > 0
}
