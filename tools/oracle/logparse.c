/*
 * logparse.c - owns reading a kernel verifier log (log level 1 plus the
 * stats bit) into facts: the rejection message, the rejected instruction,
 * the statistics, and a byte-stable copy of the log.
 *
 * A log level 1 log of a rejected program is the failing path: trace lines
 * (instructions "N: (op) ...", or "N: <invalid CO-RE relocation>" where
 * libbpf rewrote the line of an instruction it poisoned; states
 * "N: R1=..."; "from N to M: ..."; source lines "; ..."), then the error
 * block, then the statistics ("verification time", "stack depth",
 * "processed N insns ...").
 * message = the first line of the error block; insn = the index of the
 * last instruction line printed before it.  Logs without trace lines (the
 * check failed before the path walk) take the first line that is neither a
 * BTF preamble line nor a statistics line (or, failing that, the first
 * preamble line).
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "oracle.h"

enum line_kind { L_OTHER, L_INSN, L_TRACE, L_STATS, L_PREAMBLE, L_EMPTY };

/* Digits then ": " at the start; returns the number and sets *rest. */
static int leading_index(const char *s, size_t len, long *idx,
			 const char **rest)
{
	size_t i = 0;

	while (i < len && isdigit((unsigned char)s[i]))
		i++;
	if (i == 0 || i + 1 >= len || s[i] != ':' || s[i + 1] != ' ')
		return 0;
	*idx = strtol(s, NULL, 10);
	*rest = s + i + 2;
	return 1;
}

static int starts(const char *s, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);

	return len >= n && memcmp(s, prefix, n) == 0;
}

static enum line_kind classify(const char *s, size_t len, long *idx)
{
	const char *rest;

	if (len == 0)
		return L_EMPTY;
	if (leading_index(s, len, idx, &rest))
		/* "N: (op) ..." or libbpf's "N: <invalid CO-RE relocation>" */
		return rest[0] == '(' || rest[0] == '<' ? L_INSN : L_TRACE;
	if (starts(s, len, "from ") || starts(s, len, "; "))
		return L_TRACE;
	if (starts(s, len, "verification time ") ||
	    starts(s, len, "stack depth ") || starts(s, len, "processed "))
		return L_STATS;
	/* BTF notes printed before the walk, e.g. "func#0 @0",
	 * "arg#0 reference type('UNKNOWN ') size cannot be determined: -22"
	 * (6.18) and "reg type unsupported for arg#0 function f#26" (6.1). */
	if (starts(s, len, "func#") ||
	    starts(s, len, "reg type unsupported for arg#") ||
	    /* 6.1, before checking a global function on its own */
	    (starts(s, len, "Validating ") && memmem(s, len, "() func#", 8)) ||
	    (starts(s, len, "arg#") &&
	     memmem(s, len, "size cannot be determined", 25)))
		return L_PREAMBLE;
	return L_OTHER;
}

static long number_after(const char *log, const char *key)
{
	const char *p = strstr(log, key);

	return p ? strtol(p + strlen(key), NULL, 10) : -1;
}

/*
 * Results keep at most ORACLE_LOG_KEEP bytes of a log: its head and its
 * tail, which hold the set-up and the failure. A loop walked a million
 * times logs tens of megabytes, far too much to check in as a golden; the
 * message, instruction and statistics are taken from the whole log first.
 */
#define ORACLE_LOG_KEEP_HEAD (16u * 1024)
#define ORACLE_LOG_KEEP_TAIL (48u * 1024)

static char *cap_length(char *log)
{
	size_t len = strlen(log), cut, head, tail;
	char *out, note[96];
	int n;

	if (len <= ORACLE_LOG_KEEP_HEAD + ORACLE_LOG_KEEP_TAIL)
		return log;
	/* Cut at line boundaries so every kept line is whole. */
	head = ORACLE_LOG_KEEP_HEAD;
	while (head > 0 && log[head - 1] != '\n')
		head--;
	tail = len - ORACLE_LOG_KEEP_TAIL;
	while (tail < len && log[tail - 1] != '\n')
		tail++;
	cut = tail - head;
	n = snprintf(note, sizeof(note),
		     "[bpfverify-oracle: %zu bytes of log omitted]\n", cut);
	out = malloc(head + (size_t)n + (len - tail) + 1);
	if (!out) {
		free(log);
		return NULL;
	}
	memcpy(out, log, head);
	memcpy(out + head, note, (size_t)n);
	memcpy(out + head + (size_t)n, log + tail, len - tail + 1);
	free(log);
	return out;
}

/*
 * The copy of the log kept in results: without the "verification time"
 * line (a timing, reported as time_us) and with kernel addresses in
 * ld_imm64 lines ("5: (18) r1 = 0xffff8881043c1400") masked to
 * "0xffffxxxxxxxxxxxx" (same width, so the column alignment is kept).
 * Only values from 0xffff800000000000 below 0xffffffff00000000 are masked:
 * kernel direct-map and vmalloc addresses, not constants like -1.
 */
static char *stable_copy(const char *log)
{
	size_t len = strlen(log);
	char *out = malloc(len + 1), *o = out;
	const char *p = log, *nl, *hex;
	long idx;

	if (!out)
		return NULL;
	while (*p) {
		nl = strchr(p, '\n');
		len = nl ? (size_t)(nl - p + 1) : strlen(p);
		if (starts(p, len, "verification time ")) {
			p += len;
			continue;
		}
		memcpy(o, p, len);
		if (classify(p, len, &idx) == L_INSN &&
		    (hex = memmem(p, len, "(18) r", 6)) != NULL &&
		    (hex = memmem(hex, len - (size_t)(hex - p), " = 0xffff", 9)) &&
		    (size_t)(hex - p) + 21 <= len) {
			const char *h = hex + 3; /* "0xffff..." */
			int ok = 1, i;

			for (i = 2; i < 18; i++)
				ok &= isxdigit((unsigned char)h[i]) != 0;
			ok &= (size_t)(h - p) + 18 == len ||
			      !isxdigit((unsigned char)h[18]);
			ok &= h[6] >= '8' && memcmp(h, "0xffffffff", 10) != 0;
			if (ok)
				memcpy(o + (h - p) + 6, "xxxxxxxxxxxx", 12);
		}
		o += len;
		p += len;
	}
	*o = '\0';
	return cap_length(out);
}

/*
 * A copy of the log in which "verification time N usec" always starts a
 * line: after a message printed without a trailing newline (6.18's
 * "expected prog array map for tail call") the kernel glues it on.
 */
static char *split_glued_stats(const char *log)
{
	static const char key[] = "verification time ";
	size_t n = 0;
	const char *p;
	char *out, *o;

	for (p = log; (p = strstr(p, key)) != NULL; p++)
		n++;
	out = malloc(strlen(log) + n + 1);
	if (!out)
		return NULL;
	for (o = out, p = log; *p; p++) {
		if (p > log && p[-1] != '\n' &&
		    strncmp(p, key, sizeof(key) - 1) == 0)
			*o++ = '\n';
		*o++ = *p;
	}
	*o = '\0';
	return out;
}

static int parse_normalized(const char *log, struct oracle_log_facts *f);

int oracle_log_parse(const char *raw, struct oracle_log_facts *f)
{
	char *log = split_glued_stats(raw);
	int err;

	if (!log)
		return -ENOMEM;
	err = parse_normalized(log, f);
	free(log);
	return err;
}

static int parse_normalized(const char *log, struct oracle_log_facts *f)
{
	const char *p, *nl, *msg = NULL, *after_trace = NULL, *pre = NULL;
	size_t pre_len = 0;
	size_t len, msg_len = 0;
	long idx, last_insn = -1, insn_before = -1;
	enum line_kind k;
	int seen_trace = 0;

	memset(f, 0, sizeof(*f));
	f->insn = -1;
	/* Pass 1: where does the last trace line end? */
	for (p = log; *p; p += len) {
		nl = strchr(p, '\n');
		len = nl ? (size_t)(nl - p + 1) : strlen(p);
		k = classify(p, nl ? len - 1 : len, &idx);
		if (k == L_INSN)
			last_insn = idx;
		if (k == L_INSN || k == L_TRACE) {
			seen_trace = 1;
			after_trace = p + len;
			insn_before = last_insn;
		}
	}
	/* Pass 2: the first line of the error block. */
	for (p = seen_trace ? after_trace : log; *p; p += len) {
		nl = strchr(p, '\n');
		len = nl ? (size_t)(nl - p + 1) : strlen(p);
		k = classify(p, nl ? len - 1 : len, &idx);
		if (k == L_PREAMBLE) { /* the last one: the error, if only notes */
			pre = p;
			pre_len = nl ? len - 1 : len;
		}
		if (k == L_OTHER) {
			msg = p;
			msg_len = nl ? len - 1 : len;
			break;
		}
	}
	/* Nothing but BTF notes: then the last note is all the kernel said. */
	if (!msg && !seen_trace && pre) {
		msg = pre;
		msg_len = pre_len;
	}
	if (msg) {
		f->message = strndup(msg, msg_len);
		if (!f->message)
			return -ENOMEM;
		f->insn = insn_before;
	}
	f->insns_processed = number_after(log, "\nprocessed ");
	if (f->insns_processed < 0 && strncmp(log, "processed ", 10) == 0)
		f->insns_processed = strtol(log + 10, NULL, 10);
	f->states = number_after(log, " total_states ");
	f->time_us = number_after(log, "verification time ");
	f->stable_log = stable_copy(log);
	if (!f->stable_log) {
		oracle_log_facts_free(f);
		return -ENOMEM;
	}
	return 0;
}

void oracle_log_facts_free(struct oracle_log_facts *f)
{
	free(f->message);
	free(f->stable_log);
	memset(f, 0, sizeof(*f));
}
