/* The system calls newlib's libc expects of its host, for a bare guest. */
#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/times.h>
#include <sys/time.h>
#include "rt.h"

#undef errno
extern int errno;

void rt_init(void)
{
	/*
	 * Unbuffered: a line is on the UART before the next instruction that
	 * may trap, and handlers that print cannot interleave with a half
	 * buffered line.
	 */
	setvbuf(stdout, NULL, _IONBF, 0);
	setvbuf(stderr, NULL, _IONBF, 0);
}

int _write(int fd, const char *buf, int len)
{
	if (fd != 1 && fd != 2) {
		errno = EBADF;
		return -1;
	}
	for (int i = 0; i < len; i++)
		uart_putc(buf[i]);	/* "\n" as it is, no CR added */
	return len;
}

int _read(int fd, char *buf, int len)
{
	(void)fd; (void)buf; (void)len;
	return 0;			/* no input: end of file */
}

void *_sbrk(ptrdiff_t incr)
{
	static char *brk = __heap_start;
	char *old = brk;

	if (incr > __heap_end - brk || incr < __heap_start - brk) {
		errno = ENOMEM;
		return (void *)-1;
	}
	brk += incr;
	return old;
}

void _exit(int status)
{
	(void)status;
	system_off();
}

int _close(int fd)
{
	(void)fd;
	errno = EBADF;
	return -1;
}

int _fstat(int fd, struct stat *st)
{
	(void)fd;
	st->st_mode = S_IFCHR;		/* a terminal: newlib does not buffer */
	return 0;
}

int _isatty(int fd)
{
	return fd >= 0 && fd <= 2;
}

int _lseek(int fd, int off, int whence)
{
	(void)fd; (void)off; (void)whence;
	errno = ESPIPE;
	return -1;
}

int _open(const char *path, int flags, int mode)
{
	(void)path; (void)flags; (void)mode;
	errno = ENOENT;
	return -1;
}

int _kill(int pid, int sig)
{
	(void)pid; (void)sig;
	errno = EINVAL;
	return -1;
}

int _getpid(void)
{
	return 1;
}

int _gettimeofday(struct timeval *tv, void *tz)
{
	(void)tv; (void)tz;
	errno = ENOSYS;		/* no clock: traces must not depend on time */
	return -1;
}

clock_t _times(struct tms *t)
{
	(void)t;
	errno = ENOSYS;
	return (clock_t)-1;
}

int _link(const char *a, const char *b)
{
	(void)a; (void)b;
	errno = EMLINK;
	return -1;
}

int _unlink(const char *path)
{
	(void)path;
	errno = ENOENT;
	return -1;
}

/* crti/crtn are not linked (-nostartfiles); newlib's exit() calls _fini */
void _init(void) {}
void _fini(void) {}
