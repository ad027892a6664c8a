/* harness.h — the facade-clang unit tests' shared harness: pass/fail
 * counters, CHECK(), STREQ() and reading a file whole. One test program is
 * one translation unit, so the counters live here as statics. Each test's
 * main() prints "N passed, N failed" last and exits non-zero on failure. */
#ifndef BVF_TEST_HARNESS_H
#define BVF_TEST_HARNESS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;

#define CHECK(cond, ...)                                                      \
	do {                                                                  \
		if (cond) {                                                   \
			passed++;                                             \
		} else {                                                      \
			failed++;                                             \
			printf("FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond); \
			printf(__VA_ARGS__);                                  \
			printf("\n");                                         \
		}                                                             \
	} while (0)

#define STREQ(a, b) ((a) && (b) && strcmp((a), (b)) == 0)

/* The whole file at path (NUL-terminated beyond *size), or NULL. */
static inline unsigned char *slurp(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	if (buf)
		buf[n] = 0;
	fclose(f);
	*size = buf ? (size_t)n : 0;
	return buf;
}

#endif
