/* Check processes; see check.h. */
#define _DEFAULT_SOURCE /* wait4 */
#include "check.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

/* The text goes into an unlinked-on-finish temp file, not a pipe: a
 * large file written into a pipe would block the loop until clang reads. */
static char *write_input(const struct document *d)
{
	const char *tmp = getenv("TMPDIR");
	char *path = malloc(strlen(tmp ? tmp : "/tmp") + 32);
	sprintf(path, "%s/bpfverify-lsp-XXXXXX", tmp ? tmp : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0) {
		free(path);
		return NULL;
	}
	FILE *f = fdopen(fd, "w");
	/* #line keeps the diagnostics', line table's and BTF's file name that
	 * of the document, not "<stdin>". */
	fputs("#line 1 \"", f);
	for (const char *p = d->path ? d->path : "input.bpf.c"; *p; p++) {
		if (*p == '"' || *p == '\\')
			fputc('\\', f);
		fputc(*p, f);
	}
	fputs("\"\n", f);
	fwrite(d->text, 1, d->len, f);
	if (fclose(f) != 0) {
		unlink(path);
		free(path);
		return NULL;
	}
	return path;
}

int check_start(struct document *d, char **argv, const char *dir, long long now_ms,
		long long timeout_ms, int verbose)
{
	char *input = write_input(d);
	if (!input) {
		fprintf(stderr, "bpfverify-lsp: cannot write a temporary file: %s\n", strerror(errno));
		return -1;
	}
	int pipefd[2];
	if (pipe(pipefd) < 0) {
		unlink(input);
		free(input);
		return -1;
	}
	if (verbose) {
		fprintf(stderr, "bpfverify-lsp: check %s (version %lld) in %s:", d->uri, d->version, dir);
		for (char **a = argv; *a; a++)
			fprintf(stderr, " %s", *a);
		fprintf(stderr, " < %s\n", input);
	}
	pid_t pid = fork();
	if (pid < 0) {
		close(pipefd[0]);
		close(pipefd[1]);
		unlink(input);
		free(input);
		return -1;
	}
	if (pid == 0) {
		/* Its own group, so that a timeout kills clang's cc1 and the
		 * plugin's child with it. */
		setpgid(0, 0);
		signal(SIGPIPE, SIG_DFL);
		int in = open(input, O_RDONLY);
		int null = open("/dev/null", O_WRONLY);
		if (in < 0 || chdir(dir) < 0)
			_exit(127);
		dup2(in, 0);
		dup2(pipefd[1], 1);
		if (!verbose)
			dup2(null, 2);
		close(pipefd[0]);
		close(pipefd[1]);
		execvp(argv[0], argv);
		fprintf(stderr, "bpfverify-lsp: cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	setpgid(pid, pid);
	close(pipefd[1]);
	set_nonblocking(pipefd[0]);
	fcntl(pipefd[0], F_SETFD, FD_CLOEXEC);
	d->check.pid = pid;
	d->check.out_fd = pipefd[0];
	d->check.out.len = 0;
	d->check.version = d->version;
	d->check.started_ms = now_ms;
	d->check.deadline_ms = now_ms + timeout_ms;
	free(d->check.input_path);
	d->check.input_path = input;
	return 0;
}

static void cleanup(struct document *d)
{
	if (d->check.out_fd >= 0)
		close(d->check.out_fd);
	d->check.out_fd = -1;
	if (d->check.input_path) {
		unlink(d->check.input_path);
		free(d->check.input_path);
		d->check.input_path = NULL;
	}
	d->check.pid = 0;
}

void check_kill(struct document *d)
{
	if (d->check.pid > 0) {
		kill(-d->check.pid, SIGKILL);
		kill(d->check.pid, SIGKILL);
		waitpid(d->check.pid, NULL, 0);
	}
	cleanup(d);
	d->check.out.len = 0;
}

int check_try_finish(struct document *d)
{
	if (d->check.out_fd >= 0) {
		close(d->check.out_fd);
		d->check.out_fd = -1;
	}
	if (d->check.pid > 0) {
		/* Output closed: the compiler is exiting; the loop retries
		 * until it has (or its deadline kills it). */
		int status;
		struct rusage ru;
		pid_t r = wait4(d->check.pid, &status, WNOHANG, &ru);
		if (r == 0 || (r < 0 && errno == EINTR))
			return 0;
		if (r > 0)
			d->check.status = status;
		if (r > 0)
			d->check.cpu_ms = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000LL +
					  (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000;
		/* Anything of its group still alive goes with it. */
		kill(-d->check.pid, SIGKILL);
	}
	cleanup(d);
	return 1;
}
