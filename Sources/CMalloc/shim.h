// The heap in use, for the interpreter's memory limit: glibc's mallinfo2 (every arena and the
// large mmapped blocks; thread stacks are not heap). -1 where the C library does not say.
#include <stddef.h>
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif

static inline long kshape_heap_bytes(void) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
  struct mallinfo2 m = mallinfo2();
  return (long)(m.uordblks + m.hblkhd);
#else
  return -1;
#endif
}
