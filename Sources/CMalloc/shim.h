// The heap: its size in use, for the interpreter's memory limit (glibc's mallinfo2: every arena
// and the large mmapped blocks; thread stacks are not heap), and its tuning at start-up; and the
// start of the executable's own thread (`kshape_start_and_park`).
#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif

// The smaller of the limits on address space and on data (`ulimit -v`, `ulimit -d`);
// RLIM_INFINITY when neither is set.
static inline rlim_t kshape_memory_limit(void) {
  struct rlimit as, data;
  rlim_t limit = RLIM_INFINITY;
  if (getrlimit(RLIMIT_AS, &as) == 0) limit = as.rlim_cur;
  if (getrlimit(RLIMIT_DATA, &data) == 0 && data.rlim_cur < limit) limit = data.rlim_cur;
  return limit;
}

// Bytes malloc has handed out and not taken back (every arena and the large mmapped blocks;
// thread stacks are not heap); in `mapped` the heap's mapped size (its arenas), and in
// `grown` what taking `more` bytes adds to it: what the free space at the top of the heap does
// not cover (free space between blocks may be too small for a large block: counted as unusable).
// One call to mallinfo2 for all three; -1 where the C library does not say.
static inline long kshape_heap_usage(long more, long *mapped, long *grown) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
  struct mallinfo2 m = mallinfo2();
  const unsigned long wanted = more > 0 ? (unsigned long)more : 0;
  const unsigned long added = wanted > m.keepcost ? wanted - m.keepcost : 0;
  const unsigned long arenas = m.arena + m.hblkhd;
  *mapped = arenas > (unsigned long)LONG_MAX ? LONG_MAX : (long)arenas;
  *grown = added > (unsigned long)LONG_MAX ? LONG_MAX : (long)added;
  return (long)(m.uordblks + m.hblkhd);
#else
  *mapped = 0;
  *grown = 0;
  return -1;
#endif
}

// A field of /proc/self/statm (0: the address space, 1: resident), in bytes; -1 where the
// system does not say.
static inline long kshape_statm_bytes(int field) {
  char text[96] = {0};
  const int fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  const ssize_t n = read(fd, text, sizeof text - 1);
  close(fd);
  if (n <= 0) return -1;
  ssize_t i = 0;
  for (int f = 0; f < field; f++) {
    while (i < n && text[i] != ' ') i++;
    i++;
  }
  unsigned long pages = 0;
  for (; i < n && text[i] >= '0' && text[i] <= '9'; i++) {
    pages = pages * 10 + (unsigned long)(text[i] - '0');
  }
  const long page = sysconf(_SC_PAGESIZE);
  if (page <= 0 || pages == 0) return -1;
  const unsigned long bytes = pages * (unsigned long)page;
  return bytes > (unsigned long)LONG_MAX ? LONG_MAX : (long)bytes;
}

// The heap a program may hold under a limit on address space or data (`ulimit -v`, `ulimit -d`):
// the limit, less the mappings that are not heap (the executable, thread stacks) and `margin`
// (at most a quarter of what they leave); -1 when neither limit is set or the system does not
// say. Past it malloc fails, and Swift
// stops the process on a failed allocation: the interpreter's heap limit must come first.
static inline long kshape_heap_room(long margin) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
  const rlim_t limit = kshape_memory_limit();
  if (limit == RLIM_INFINITY) return -1;
  // The address space in use: /proc/self/statm's first field.
  const long in_use = kshape_statm_bytes(0);
  if (in_use < 0) return -1;
  struct mallinfo2 m = mallinfo2();
  const unsigned long used = (unsigned long)in_use;
  const unsigned long heap = m.arena + m.hblkhd;
  const unsigned long other = used > heap ? used - heap : 0;
  if ((unsigned long)limit <= other) return 0;
  const unsigned long left = (unsigned long)limit - other;
  // The margin is at most a quarter of what is left: a small limit keeps a bound of its own.
  const unsigned long spare =
      (unsigned long)margin < left / 4 ? (unsigned long)margin : left / 4;
  const unsigned long room = left - spare;
  return room > (unsigned long)LONG_MAX ? LONG_MAX : (long)room;
#else
  return -1;
#endif
}

#if defined(__GLIBC__)
// The heap's end (brk), page-aligned.
static inline uintptr_t kshape_heap_end(void) {
  return (uintptr_t)sbrk(0) & ~((uintptr_t)4095);
}

// Takes `bytes` at the heap's top and gives them back at once (only the block's header page is
// touched: nothing becomes resident), the space from `from` (0: from the block's first 2 MiB
// boundary) to the heap's new end advised for transparent huge pages; that end, or 0 when
// nothing was advised.
static inline uintptr_t kshape_advise_room(size_t bytes, uintptr_t from) {
  void *volatile room = malloc(bytes);
  if (from == 0 && room != NULL) {
    const uintptr_t huge = (uintptr_t)2 << 20;
    from = ((uintptr_t)room + huge - 1) & ~(huge - 1);
  }
  const uintptr_t end = kshape_heap_end();
  const int advised =
      from != 0 && end > from && madvise((void *)from, end - from, MADV_HUGEPAGE) == 0;
  free(room);
  return advised ? end : 0;
}
#endif

// Called before any thread but the main one exists. kshape works on one thread of its own (the
// interpreter's large stack), where glibc would open a second arena that grows by one mprotect
// per page or two (650 system calls to inspect a ResNet): one arena (the main one, grown with
// brk) and 8 MiB asked for at a time instead.
//
// Then the heap's first 128 MiB of address space are marked for transparent huge pages (the
// kernel's "madvise" mode, the usual default): a page fault there maps 2 MiB instead of 4 KiB.
// A 10,000-statement script or a 5,000-layer import touches 20-30 MB of new heap, and 4 KiB
// faults were 15-25% of its time. The space is made by a block taken from brk and freed at
// once (only its header's page is touched: nothing is resident that was not used). Every
// block stays in the heap, however large (glibc would map one past 32 MiB on its own, without
// the advice: the layers array of a 100,000-layer session), and free space at the top is given
// back beyond 256 MiB, so the advice is kept. Returns the end of the advised space (0 when
// nothing was advised): the heap grows past it as new mappings without the advice, which
// `kshape_advise_heap_growth` gives them.
static inline uintptr_t kshape_tune_heap(void) {
  uintptr_t advised = 0;
#if defined(__GLIBC__)
  mallopt(M_ARENA_MAX, 1);
  mallopt(M_TOP_PAD, 8 << 20);
  mallopt(M_MMAP_MAX, 0);
  // Under a limit on memory the reserved space would count against it while unused (128 MiB of
  // a 250 MB limit, more than the room the interpreter is given): no reservation, no advice.
  if (kshape_memory_limit() != RLIM_INFINITY) return 0;
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  advised = kshape_advise_room(128 << 20, 0);
#endif
  return advised;
}

// The heap's growth since `from` (an end `kshape_tune_heap` or this returned) advised for
// transparent huge pages as its first 128 MiB were, with room ahead: once the heap has grown past
// `from`, 96 MiB more address space is taken at its top by a block given back at once (as at
// start-up: only its header is touched), and advised too. What grows next (a table
// rehashed, an array moved, written all at once) then lands in advised space instead of being
// faulted in 4 KiB pages before any advice could come. Returns the new end, or `from` while the
// heap has not grown past it (a call costs a comparison then: sbrk(0) reads a variable).
// Without it, a session past the first space (250,000 statements) faulted in 4 KiB pages again.
static inline uintptr_t kshape_advise_heap_growth(uintptr_t from) {
#if defined(__GLIBC__)
  if (kshape_heap_end() <= from) return from;
  (void)kshape_advise_room(96 << 20, from);
  // The end after the block is given back: lower when a trim gave the top back (its free space
  // past 256 MiB), which is advised again when it regrows.
  return kshape_heap_end();
#else
  return from;
#endif
}

// The executable's own thread (`Interpreter.runOnOwnThread`): its body, told its stack size.
typedef void (*kshape_thread_body)(size_t stack_size);
struct kshape_thread_start {
  kshape_thread_body body;
  size_t stack_size;
};

static inline void *kshape_thread_main(void *argument) {
  struct kshape_thread_start start = *(struct kshape_thread_start *)argument;
  free(argument);
  start.body(start.stack_size);
  return NULL;
}

// Starts `body` on a detached thread with the first of `sizes` (bytes of stack) the system
// grants, then parks the calling thread for good with every signal blocked (they go to the new
// thread), running no other code: a release build counts Swift's references without atomic
// instructions (Package.swift), so no Swift code may run beside the new thread. Returns only
// when no thread could be made.
static inline void kshape_start_and_park(
    const size_t *sizes, long count, kshape_thread_body body) {
  for (long i = 0; i < count; i++) {
    pthread_attr_t attributes;
    if (pthread_attr_init(&attributes) != 0) return;
    struct kshape_thread_start *start = malloc(sizeof *start);
    int made = 0;
    pthread_t thread;
    if (start != NULL && pthread_attr_setstacksize(&attributes, sizes[i]) == 0 &&
        pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED) == 0) {
      start->body = body;
      start->stack_size = sizes[i];
      made = pthread_create(&thread, &attributes, kshape_thread_main, start) == 0;
    }
    pthread_attr_destroy(&attributes);
    if (!made) {
      free(start);
      continue;
    }
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, NULL);
    for (;;) pause();
  }
}
