// The heap: its size in use, for the interpreter's memory limit (glibc's mallinfo2: every arena
// and the large mmapped blocks; thread stacks are not heap), and its tuning at start-up.
#include <stddef.h>
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif

// Bytes in use; -1 where the C library does not say.
static inline long kshape_heap_bytes(void) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
  struct mallinfo2 m = mallinfo2();
  return (long)(m.uordblks + m.hblkhd);
#else
  return -1;
#endif
}

// Called before any thread but the main one exists. kshape works on one thread of its own (the
// interpreter's large stack), where glibc would open a second arena that grows by one mprotect
// per page or two (650 system calls to inspect a ResNet): one arena (the main one, grown with
// brk) and 8 MiB asked for at a time instead. Freed memory above that is still given back.
static inline void kshape_tune_heap(void) {
#if defined(__GLIBC__)
  mallopt(M_ARENA_MAX, 1);
  mallopt(M_TOP_PAD, 8 << 20);
#endif
}
