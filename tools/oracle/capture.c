/*
 * capture.c - owns libbpf's print callback for bpfverify-oracle: collects
 * the warnings libbpf prints while one program is loaded (map creation
 * failures, missing attach targets, CO-RE relocation failures, "BPF
 * program load failed: ..."), so that they can be reported with the
 * result.  libbpf's own copy of the verifier log is left out: the oracle
 * records the log itself.  BPFVERIFY_ORACLE_LIBBPF_LOG=1 (or =debug) also
 * echoes libbpf's messages to stderr.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bpf/libbpf.h>

#include "oracle.h"

#define CAPTURE_MAX 256

static char *lines[CAPTURE_MAX];
static size_t n_lines;

static void keep_line(const char *s, size_t len)
{
	char *copy;

	while (len && (s[len - 1] == '\n' || s[len - 1] == '\r'))
		len--;
	if (!len || n_lines == CAPTURE_MAX)
		return;
	copy = strndup(s, len);
	if (copy)
		lines[n_lines++] = copy;
}

static int print_cb(enum libbpf_print_level level, const char *fmt,
		    va_list args)
{
	const char *echo = getenv("BPFVERIFY_ORACLE_LIBBPF_LOG");
	char buf[4096], *p, *nl;
	va_list copy;
	int n;

	va_copy(copy, args);
	n = vsnprintf(buf, sizeof(buf), fmt, copy);
	va_end(copy);
	if (n < 0)
		return n;
	if (echo && (level != LIBBPF_DEBUG || strcmp(echo, "debug") == 0))
		fputs(buf, stderr);
	if (level != LIBBPF_WARN || strstr(buf, "-- BEGIN PROG LOAD LOG --"))
		return n;
	/* One entry per line: some warnings span several. */
	for (p = buf; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		if (!nl) {
			keep_line(p, strlen(p));
			break;
		}
		keep_line(p, (size_t)(nl - p));
	}
	return n;
}

void oracle_capture_install(void)
{
	libbpf_set_print(print_cb);
}

void oracle_capture_reset(void)
{
	size_t i;

	for (i = 0; i < n_lines; i++)
		free(lines[i]);
	n_lines = 0;
}

size_t oracle_capture_count(void)
{
	return n_lines;
}

const char *oracle_capture_line(size_t i)
{
	return i < n_lines ? lines[i] : NULL;
}
