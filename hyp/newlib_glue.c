/*
 * trapvisor takes only formatting and string routines from newlib.  These
 * are the system hooks newlib's objects refer to; none is used on any
 * path trapvisor takes (it never mallocs, reads or writes files), so each
 * fails cleanly, and an unexpected _exit/abort is a trapvisor bug.
 */
#include <errno.h>
#include <sys/stat.h>
#include <sys/types.h>

#undef errno
extern int errno;

void panic(const char *msg) __attribute__((noreturn));

void *_sbrk(ptrdiff_t incr) { (void)incr; errno = ENOMEM; return (void *)-1; }
void _exit(int code) { (void)code; panic("newlib called _exit"); }
int _kill(int pid, int sig) { (void)pid; (void)sig; errno = EINVAL; return -1; }
int _getpid(void) { return 1; }
int _write(int fd, const void *buf, size_t n) { (void)fd; (void)buf; (void)n; errno = EBADF; return -1; }
int _read(int fd, void *buf, size_t n) { (void)fd; (void)buf; (void)n; errno = EBADF; return -1; }
int _close(int fd) { (void)fd; errno = EBADF; return -1; }
int _fstat(int fd, struct stat *st) { (void)fd; (void)st; errno = EBADF; return -1; }
int _isatty(int fd) { (void)fd; return 0; }
off_t _lseek(int fd, off_t off, int whence) { (void)fd; (void)off; (void)whence; errno = EBADF; return -1; }
