// The heap: its size in use, for the interpreter's memory limit (glibc's mallinfo2: every arena
// and the large mmapped blocks; thread stacks are not heap), and its tuning at start-up.
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>
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
// brk) and 8 MiB asked for at a time instead.
//
// Then the heap's first 64 MiB of address space are marked for transparent huge pages (the
// kernel's "madvise" mode, the usual default): a page fault there maps 2 MiB instead of 4 KiB.
// A 10,000-statement script or a 5,000-layer import touches 20-30 MB of new heap, and 4 KiB
// faults were 15-25% of its time. The space is made by two blocks taken from brk and freed at
// once (only their headers' pages are touched: nothing is resident that was not used); blocks
// up to 32 MiB stay in the heap (a fixed threshold instead of glibc's adaptive one, which starts
// at 128 KiB) and free space at the top is given back beyond 128 MiB, so the advice is kept.
static inline void kshape_tune_heap(void) {
#if defined(__GLIBC__)
  mallopt(M_ARENA_MAX, 1);
  mallopt(M_TOP_PAD, 8 << 20);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 128 << 20);
  void *volatile first = malloc(30 << 20);
  void *volatile second = malloc(30 << 20);
  if (first != NULL && second != NULL) {
    const uintptr_t huge = (uintptr_t)2 << 20;
    const uintptr_t start = ((uintptr_t)first + huge - 1) & ~(huge - 1);
    const uintptr_t end = (uintptr_t)sbrk(0) & ~((uintptr_t)4095);
    if (end > start) (void)madvise((void *)start, end - start, MADV_HUGEPAGE);
  }
  free(second);
  free(first);
#endif
}
