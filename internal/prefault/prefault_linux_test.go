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

func TestGrowPopulatesOnlyTheNewPart(t *testing.T) {
	// A mapping of our own stands for the heap: the runtime's is being
	// populated by follow as this runs.
	const size = 2 << 20
	page := syscall.Getpagesize()
	all, err := syscall.Mmap(-1, 0, size+2*page, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Munmap(all)
	// A page of no access at each end keeps the kernel from merging the
	// mapping with a neighbour.
	for _, guard := range [][]byte{all[:page], all[page+size:]} {
		if err := syscall.Mprotect(guard, syscall.PROT_NONE); err != nil {
			t.Fatal(err)
		}
	}
	b := all[page : page+size]
	lo := uintptr(unsafe.Pointer(&b[0]))
	if _, hi, ok := heapMapping(lo); !ok || hi != lo+size {
		t.Fatalf("heapMapping does not see the test's mapping: %#x, %v", hi, ok)
	}
	done := grow(lo, lo+size/2)
	if done == lo+size/2 {
		t.Skip("this kernel has no MADV_POPULATE_WRITE (Linux 5.14): prefault does nothing here")
	}
	if done != lo+size {
		t.Fatalf("grow returned %#x, want the mapping's end %#x", done, lo+size)
	}
	if n := resident(t, b[:size/2]); n != 0 {
		t.Errorf("%d pages below done were populated", n)
	}
	if n := resident(t, b[size/2:]); n != size/2/page {
		t.Errorf("%d of %d pages past done are resident", n, size/2/page)
	}
	if again := grow(lo, done); again != done {
		t.Errorf("grow with nothing new returned %#x, want %#x", again, done)
	}
}
