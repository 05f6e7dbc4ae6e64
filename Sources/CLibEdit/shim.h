// Fixed-signature wrappers over libedit's C-variadic calls, which Swift cannot import,
// plus the few C globals and variadic libc calls the line editor needs.
#ifndef KSHAPE_CLIBEDIT_SHIM_H
#define KSHAPE_CLIBEDIT_SHIM_H

#include <histedit.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

typedef char *(*kshape_prompt_fn)(EditLine *);
typedef unsigned char (*kshape_command_fn)(EditLine *, int);

// MARK: - Standard streams (Swift 6 rejects the mutable C globals)

static inline FILE *kshape_stdin(void) { return stdin; }
static inline FILE *kshape_stdout(void) { return stdout; }
static inline FILE *kshape_stderr(void) { return stderr; }

// MARK: - el_set / el_get

/// A prompt for the moments before a real one is set: libedit must never get NULL.
static inline char *kshape_empty_prompt(void) {
  static char empty[1] = {0};
  return empty;
}

/// Sets the prompt function; characters between two `escape` bytes are printed but take no
/// width (for ANSI colour sequences).
static inline int kshape_el_set_prompt(EditLine *el, kshape_prompt_fn fn, char escape) {
  return el_set(el, EL_PROMPT_ESC, fn, escape);
}

static inline int kshape_el_set_editor(EditLine *el, const char *mode) {
  return el_set(el, EL_EDITOR, mode);
}

static inline int kshape_el_set_signal(EditLine *el, int on) {
  return el_set(el, EL_SIGNAL, on);
}

static inline int kshape_el_set_hist(EditLine *el, History *h) {
  return el_set(el, EL_HIST, history, h);
}

static inline int kshape_el_set_clientdata(EditLine *el, void *data) {
  return el_set(el, EL_CLIENTDATA, data);
}

static inline void *kshape_el_get_clientdata(EditLine *el) {
  void *data = NULL;
  if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
  return data;
}

static inline int kshape_el_addfn(
    EditLine *el, const char *name, const char *help, kshape_command_fn fn) {
  return el_set(el, EL_ADDFN, name, help, fn);
}

static inline int kshape_el_bind(EditLine *el, const char *key, const char *command) {
  return el_set(el, EL_BIND, key, command, (const char *)NULL);
}

// MARK: - history

static inline int kshape_history_setsize(History *h, int size) {
  HistEvent ev;
  return history(h, &ev, H_SETSIZE, size);
}

static inline int kshape_history_setunique(History *h, int unique) {
  HistEvent ev;
  return history(h, &ev, H_SETUNIQUE, unique);
}

static inline int kshape_history_enter(History *h, const char *line) {
  HistEvent ev;
  return history(h, &ev, H_ENTER, line);
}

// MARK: - libc helpers

/// The codeset of the current LC_CTYPE locale, e.g. "UTF-8" or "ANSI_X3.4-1968".
static inline const char *kshape_codeset(void) { return nl_langinfo(CODESET); }

/// The width of the terminal on `fd`, or 0 when unknown (ioctl is variadic).
static inline int kshape_terminal_columns(int fd) {
  struct winsize ws;
  memset(&ws, 0, sizeof ws);
  if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return 0;
  return (int)ws.ws_col;
}

/// The flag the SIGINT handler below sets. libedit reports Ctrl-C inconsistently (count -1
/// while editing, count 0 like end-of-file during Ctrl-R search) and errno can hold a stale
/// EINTR from a resize, so this flag is the reliable signal. `static` storage in a header exists
/// once per translation unit, hence callers get it from the install call (whose handler sets
/// this very copy) instead of reading a global.
static inline volatile sig_atomic_t *kshape_sigint_flag(void) {
  static volatile sig_atomic_t flag = 0;
  return &flag;
}

static inline void kshape_sigint_handler(int signo) {
  (void)signo;
  *kshape_sigint_flag() = 1;
}

/// Installs a SIGINT handler that only sets a flag, WITHOUT SA_RESTART, so that Ctrl-C makes a
/// blocked read() fail with EINTR instead of killing the process. Saves the old action in `old`
/// and returns the handler's flag, or NULL when sigaction fails.
static inline volatile sig_atomic_t *kshape_install_sigint_flag(struct sigaction *old) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = kshape_sigint_handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  if (sigaction(SIGINT, &action, old) != 0) return NULL;
  return kshape_sigint_flag();
}

static inline void kshape_flag_clear(volatile sig_atomic_t *flag) { *flag = 0; }

static inline int kshape_flag_is_set(volatile sig_atomic_t *flag) { return *flag != 0; }

static inline int kshape_restore_sigint(const struct sigaction *old) {
  return sigaction(SIGINT, old, NULL);
}

#endif
