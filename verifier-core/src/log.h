/* log.h — the verifier's log and its error reporting.
 *
 * One bv_log per verification. It accumulates the kernel-format log text
 * (so that an abandoned path can be cut back to a saved position, as the
 * kernel does at log_level 1) and records the outcome: the first rejection
 * line becomes the result's message; later lines of the same failure become
 * notes. Nothing here is global.
 */
#ifndef BV_LOG_H
#define BV_LOG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bpfverify/verifier.h"

struct bv_log {
	uint32_t level;              /* BV_LOG_LEVEL1 | BV_LOG_LEVEL2 */
	void (*cb)(void *ctx, const char *text, size_t len);
	void *cb_ctx;
	char *buf;                   /* unflushed text */
	size_t len, cap;
	bool oom;                    /* an allocation failed: text was dropped */
	struct bv_result *res;
};

#define BV_PRINTF(a, b) __attribute__((format(printf, a, b)))

void bv_log_init(struct bv_log *log, const struct bv_opts *opts,
		 struct bv_result *res);
/* Hands the remaining text to the callback and frees the buffer. */
void bv_log_finish(struct bv_log *log);
bool bv_log_enabled(const struct bv_log *log);

/* Log text (not an error). No-op when logging is off. */
void bv_log_printf(struct bv_log *log, const char *fmt, ...) BV_PRINTF(2, 3);
void bv_log_vprintf(struct bv_log *log, const char *fmt, va_list ap);
/* Position in the log, and cut back to it (abandoned path). */
size_t bv_log_pos(const struct bv_log *log);
void bv_log_truncate(struct bv_log *log, size_t pos);

/* A line the kernel prints when it rejects the program (without the
 * trailing newline). The first one sets verdict BV_REJECT, the rejected
 * instruction and the message; later ones are kept as notes. Returns
 * `err` (a negative errno, as the kernel would return) for chaining:
 * `return bv_reject(log, insn, -EACCES, "...")`. */
int bv_reject(struct bv_log *log, int32_t insn, int err, const char *fmt, ...)
	BV_PRINTF(4, 5);
/* The program uses something this verifier does not model yet: verdict
 * BV_ERROR with a message saying what. Returns -EOPNOTSUPP. */
int bv_unsupported(struct bv_log *log, int32_t insn, const char *fmt, ...)
	BV_PRINTF(3, 4);
/* A "why" note (not kernel output): where a value came from, the branch
 * path, … Dropped silently beyond BV_NOTES_MAX. */
void bv_note(struct bv_log *log, int32_t insn, const char *fmt, ...)
	BV_PRINTF(3, 4);
/* Has a reject or an unsupported feature been reported? */
bool bv_log_failed(const struct bv_log *log);

#endif
