/* cli-run.c — bench helper for bench/btf-db: runs a command N times and
 * measures each run from outside the process, as a build system or a shell
 * would see it, without the cost of the caller (Python's subprocess adds
 * ~1 ms of its own to a spawn).
 *
 *   cli-run [-n N] [-o FILE] PROG ARG...
 *
 * Each run: posix_spawn (stdout to FILE, truncated per run, or /dev/null;
 * stderr to /dev/null), wait4; the wall time from just before the spawn to
 * just after the wait (CLOCK_MONOTONIC), and the child's own rusage. One line
 * per run on stdout:
 *
 *   wall_us user_us sys_us minflt majflt status
 *
 * status is the exit status, or 128+signal. Exits 2 when the command cannot
 * be spawned. */
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static long long tv_us(struct timeval tv)
{
	return tv.tv_sec * 1000000LL + tv.tv_usec;
}

int main(int argc, char **argv)
{
	const char *out = "/dev/null";
	int n = 1, i = 1;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-n") && i + 1 < argc)
			n = atoi(argv[++i]);
		else if (!strcmp(argv[i], "-o") && i + 1 < argc)
			out = argv[++i];
		else
			break;
	}
	if (i >= argc || n < 1) {
		fprintf(stderr, "usage: cli-run [-n N] [-o FILE] PROG ARG...\n");
		return 2;
	}
	for (int r = 0; r < n; r++) {
		posix_spawn_file_actions_t fa;
		struct rusage ru;
		long long t0, t1;
		pid_t pid;
		int st, err;

		posix_spawn_file_actions_init(&fa);
		posix_spawn_file_actions_addopen(&fa, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
		t0 = now_ns();
		err = posix_spawn(&pid, argv[i], &fa, NULL, argv + i, environ);
		if (err) {
			fprintf(stderr, "cli-run: %s: %s\n", argv[i], strerror(err));
			return 2;
		}
		if (wait4(pid, &st, 0, &ru) != pid) {
			perror("cli-run: wait4");
			return 2;
		}
		t1 = now_ns();
		posix_spawn_file_actions_destroy(&fa);
		printf("%lld %lld %lld %ld %ld %d\n", (t1 - t0) / 1000, tv_us(ru.ru_utime),
		       tv_us(ru.ru_stime), ru.ru_minflt, ru.ru_majflt,
		       WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
	}
	return 0;
}
