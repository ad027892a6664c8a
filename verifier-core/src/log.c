/* log.c — kernel-format log buffer and outcome recording (see log.h). */
#include "log.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void bv_log_init(struct bv_log *log, const struct bv_opts *opts,
		 struct bv_result *res)
{
	memset(log, 0, sizeof(*log));
	log->res = res;
	if (opts && opts->log_cb) {
		log->level = opts->log_level;
		log->cb = opts->log_cb;
		log->cb_ctx = opts->log_ctx;
	}
}

bool bv_log_enabled(const struct bv_log *log)
{
	return log->level != 0 && log->cb != NULL;
}

void bv_log_finish(struct bv_log *log)
{
	if (log->cb && log->len)
		log->cb(log->cb_ctx, log->buf, log->len);
	free(log->buf);
	log->buf = NULL;
	log->len = log->cap = 0;
}

static bool log_reserve(struct bv_log *log, size_t extra)
{
	size_t need = log->len + extra + 1, cap;
	char *nbuf;

	if (need <= log->cap)
		return true;
	cap = log->cap ? log->cap : 4096;
	while (cap < need)
		cap *= 2;
	nbuf = realloc(log->buf, cap);
	if (!nbuf) {
		log->oom = true;
		return false;
	}
	log->buf = nbuf;
	log->cap = cap;
	return true;
}

void bv_log_vprintf(struct bv_log *log, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	if (!bv_log_enabled(log))
		return;
	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n <= 0 || !log_reserve(log, (size_t)n))
		return;
	vsnprintf(log->buf + log->len, (size_t)n + 1, fmt, ap);
	log->len += (size_t)n;
}

void bv_log_printf(struct bv_log *log, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	bv_log_vprintf(log, fmt, ap);
	va_end(ap);
}

size_t bv_log_pos(const struct bv_log *log)
{
	return log->len;
}

void bv_log_truncate(struct bv_log *log, size_t pos)
{
	if (pos < log->len)
		log->len = pos;
}

/* A note is kept once (the same text about the same instruction says
 * nothing new), and a note about no instruction is about the failing one
 * when there is one, so that it gets a source location. */
static void add_note(struct bv_result *res, int32_t insn, const char *text)
{
	struct bv_note *n;
	uint32_t i;

	if (insn < 0 && res->verdict != BV_ACCEPT)
		insn = res->insn;
	for (i = 0; i < res->nr_notes; i++)
		if (res->notes[i].insn == insn &&
		    strncmp(res->notes[i].text, text, sizeof(res->notes[i].text) - 1) == 0)
			return;
	if (res->nr_notes >= BV_NOTES_MAX)
		return;
	n = &res->notes[res->nr_notes++];
	n->insn = insn;
	snprintf(n->text, sizeof(n->text), "%s", text);
}

bool bv_log_failed(const struct bv_log *log)
{
	return log->res->verdict != BV_ACCEPT;
}

/* The first failure sets the verdict, the instruction and the message;
 * a rejection's further lines (the kernel's multi-line errors) become
 * notes. An unsupported feature is marked as ours in the log. */
static void record_failure(struct bv_log *log, enum bv_verdict verdict,
			   int32_t insn, const char *line)
{
	struct bv_result *res = log->res;

	bv_log_printf(log, "%s%s\n", verdict == BV_ERROR ? "bpfverify: " : "",
		      line);
	if (res->verdict == BV_ACCEPT) {
		res->verdict = verdict;
		res->insn = insn;
		snprintf(res->message, sizeof(res->message), "%s", line);
	} else if (verdict == BV_REJECT) {
		add_note(res, insn, line);
	}
}

int bv_reject(struct bv_log *log, int32_t insn, int err, const char *fmt, ...)
{
	char line[BV_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	record_failure(log, BV_REJECT, insn, line);
	return err;
}

int bv_unsupported(struct bv_log *log, int32_t insn, const char *fmt, ...)
{
	char line[BV_MSG_MAX + 16];
	va_list ap;

	strcpy(line, "unsupported: ");
	va_start(ap, fmt);
	vsnprintf(line + strlen(line), sizeof(line) - strlen(line), fmt, ap);
	va_end(ap);
	record_failure(log, BV_ERROR, insn, line);
	return -EOPNOTSUPP;
}

void bv_note(struct bv_log *log, int32_t insn, const char *fmt, ...)
{
	char line[BV_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	add_note(log->res, insn, line);
}
