/*
 * report.h - the JSON results document of bpfverify-oracle (report.c).
 */
#ifndef BPFVERIFY_ORACLE_REPORT_H
#define BPFVERIFY_ORACLE_REPORT_H

#include <stdbool.h>

#include <cjson/cJSON.h>

#include "oracle.h"

/* Facts shared by every result of one run. */
struct oracle_report_env {
	const char *kernel;         /* "6.18": major.minor of the release */
	const char *kernel_release; /* uname -r */
	const char *kernel_package; /* e.g. the Debian package, or NULL */
	bool timings;               /* report time_us (else null) */
	bool raw_log;               /* log as the kernel wrote it */
};

/* Append the result of @ld (a load of a program of @object) to the
 * @results array.  Returns 0, or a negative value when out of memory. */
int oracle_report_add(cJSON *results, const struct oracle_report_env *env,
		      const char *object, const struct oracle_load *ld);

#endif /* BPFVERIFY_ORACLE_REPORT_H */
