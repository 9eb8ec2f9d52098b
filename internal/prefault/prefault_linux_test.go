package prefault

import (
	"errors"
	"syscall"
	"testing"
	"unsafe"
)

func TestMappingOf(t *testing.T) {
	maps := []byte(`00400000-00496000 r-xp 00000000 fe:00 10002582                           /tmp/bin
00562000-0056b000 rw-p 00162000 fe:00 10002582                           /tmp/bin
3650b4000000-3650b5000000 ---p 00000000 00:00 0 
3650b5000000-3650b5400000 rw-p 00000000 00:00 0 
nonsense
7f758cb60000-7f758cd00000 rw-p 00000000 00:00 0
7ffc39e05000-7ffc39e26000 rw-p 00000000 00:00 0                          [stack]
`)
	for _, c := range []struct {
		p      uintptr
		lo, hi uintptr
		ok     bool
	}{
		{0x3650b5000000, 0x3650b5000000, 0x3650b5400000, true}, // first byte
		{0x3650b53fffff, 0x3650b5000000, 0x3650b5400000, true}, // last byte
		{0x3650b5400000, 0, 0, false},                          // hi is not in it
		{0x3650b4800000, 0, 0, false},                          // reserved, not writable
		{0x00401000, 0, 0, false},                              // code
		{0x00563000, 0x00562000, 0x0056b000, true},
		{0x7f758cc00000, 0x7f758cb60000, 0x7f758cd00000, true},
		{0x10, 0, 0, false},
	} {
		lo, hi, ok := mappingOf(maps, c.p)
		if lo != c.lo || hi != c.hi || ok != c.ok {
			t.Errorf("mappingOf(%#x) = %#x, %#x, %v; want %#x, %#x, %v", c.p, lo, hi, ok, c.lo, c.hi, c.ok)
		}
	}
	// A last line without its newline may have been cut off by the read.
	if _, _, ok := mappingOf([]byte("7f00-7fff rw-p 0 0 0"), 0x7f10); ok {
		t.Error("a line with no newline was trusted")
	}
}

func TestHeapMappingHoldsTheHeap(t *testing.T) {
	p := uintptr(unsafe.Pointer(anchor))
	lo, hi, ok := heapMapping(p)
	if !ok || lo > p || p >= hi {
		t.Fatalf("heapMapping(%#x) = %#x, %#x, %v", p, lo, hi, ok)
	}
}

// resident counts the pages of b that are mapped, by mincore.
func resident(t *testing.T, b []byte) int {
	t.Helper()
	vec := make([]byte, len(b)/syscall.Getpagesize())
	_, _, e := syscall.Syscall(syscall.SYS_MINCORE, uintptr(unsafe.Pointer(&b[0])), uintptr(len(b)), uintptr(unsafe.Pointer(&vec[0])))
	if e != 0 {
		t.Fatalf("mincore: %v", e)
	}
	n := 0
	for _, v := range vec {
		n += int(v & 1)
	}
	return n
}

func TestPopulateMapsEveryPage(t *testing.T) {
	const size = 1 << 20
	b, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Munmap(b)
	if n := resident(t, b); n != 0 {
		t.Fatalf("%d pages of a new mapping are already resident", n)
	}
	lo := uintptr(unsafe.Pointer(&b[0]))
	if err := populate(lo, lo+size); errors.Is(err, syscall.EINVAL) {
		t.Skip("this kernel has no MADV_POPULATE_WRITE (Linux 5.14): prefault does nothing here")
	} else if err != nil {
		t.Fatal(err)
	}
	if n, want := resident(t, b), size/syscall.Getpagesize(); n != want {
		t.Errorf("after populate %d of %d pages are resident", n, want)
	}
	for _, c := range b {
		if c != 0 {
			t.Fatal("populated memory is not zero")
		}
	}
}
