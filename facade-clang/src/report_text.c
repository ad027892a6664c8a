/* report_text.c — JSON text written straight into a growing buffer, laid
 * out byte for byte as cJSON_Print lays out the same document (tabs for
 * indentation, "key":<tab>value, arrays joined by ", ", numbers as
 * cJSON prints them), so that the results document (report.c) needs no
 * tree: one document per object, built once and printed once, where
 * cJSON's tree of ~20 nodes per result, its printer and its tear-down
 * were most of the CLI's output cost. test_report.c compares the text
 * with cJSON_Print's for the same document.
 */
#include <float.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_text.h"

static bool grow(struct bvf_jtext *t, size_t more)
{
	size_t cap;
	char *s;

	if (t->oom)
		return false;
	if (t->len + more + 1 <= t->cap)
		return true;
	cap = t->cap ? t->cap : 4096;
	while (cap < t->len + more + 1)
		cap *= 2;
	s = realloc(t->s, cap);
	if (!s) {
		t->oom = true;
		return false;
	}
	t->s = s;
	t->cap = cap;
	return true;
}

void bvf_jtext_put(struct bvf_jtext *t, const char *s, size_t n)
{
	if (!grow(t, n))
		return;
	memcpy(t->s + t->len, s, n);
	t->len += n;
	t->s[t->len] = '\0';
}

void bvf_jtext_puts(struct bvf_jtext *t, const char *s)
{
	bvf_jtext_put(t, s, strlen(s));
}

void bvf_jtext_tabs(struct bvf_jtext *t, unsigned depth)
{
	if (!grow(t, depth))
		return;
	memset(t->s + t->len, '\t', depth);
	t->len += depth;
	t->s[t->len] = '\0';
}

/* cJSON's print_string_ptr: ", \ and the control characters escaped
 * (\b \f \n \r \t by name, the rest as \u00XX), every other byte as is. */
void bvf_jtext_str(struct bvf_jtext *t, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t plain = 0;

	if (!s) {
		bvf_jtext_put(t, "null", 4);
		return;
	}
	bvf_jtext_put(t, "\"", 1);
	for (;; p++) {
		char esc[8];
		int n;

		if (*p > 31 && *p != '"' && *p != '\\') {
			plain++;
			continue;
		}
		bvf_jtext_put(t, (const char *)p - plain, plain);
		plain = 0;
		if (!*p)
			break;
		switch (*p) {
		case '"':  n = snprintf(esc, sizeof(esc), "\\\""); break;
		case '\\': n = snprintf(esc, sizeof(esc), "\\\\"); break;
		case '\b': n = snprintf(esc, sizeof(esc), "\\b"); break;
		case '\f': n = snprintf(esc, sizeof(esc), "\\f"); break;
		case '\n': n = snprintf(esc, sizeof(esc), "\\n"); break;
		case '\r': n = snprintf(esc, sizeof(esc), "\\r"); break;
		case '\t': n = snprintf(esc, sizeof(esc), "\\t"); break;
		default:   n = snprintf(esc, sizeof(esc), "\\u%04x", *p); break;
		}
		bvf_jtext_put(t, esc, (size_t)n);
	}
	bvf_jtext_put(t, "\"", 1);
}

/* cJSON's print_number for a value made by cJSON_CreateNumber((double)v):
 * "%d" of its int copy when that equals the double (|v| within int),
 * else "%1.15g", or "%1.17g" when 15 digits do not read back within a
 * relative DBL_EPSILON. */
void bvf_jtext_num(struct bvf_jtext *t, int64_t v)
{
	char buf[32];
	int n;

	if (v < 0) {
		bvf_jtext_put(t, "null", 4);
		return;
	}
	if (v <= INT_MAX) {
		char *e = buf + sizeof(buf), *p = e;
		uint32_t u = (uint32_t)v;

		do
			*--p = (char)('0' + u % 10);
		while ((u /= 10));
		bvf_jtext_put(t, p, (size_t)(e - p));
		return;
	}
	{
		/* v > 0 here: "the same" within a relative DBL_EPSILON, as
		 * cJSON checks it */
		double d = (double)v, back = 0;
		bool same;

		n = snprintf(buf, sizeof(buf), "%1.15g", d);
		same = sscanf(buf, "%lg", &back) == 1 &&
		       (back > d ? back - d : d - back) <= (back > d ? back : d) * DBL_EPSILON;
		if (!same)
			n = snprintf(buf, sizeof(buf), "%1.17g", d);
	}
	bvf_jtext_put(t, buf, (size_t)n);
}

void bvf_jtext_key(struct bvf_jtext *t, unsigned depth, const char *key, bool first)
{
	char buf[128];
	size_t n = 0, klen = strlen(key);

	/* one write: the keys are the document's own names, which need no
	 * escapes (a longer one takes the general path) */
	if (depth + klen + 6 > sizeof(buf)) {
		if (!first)
			bvf_jtext_put(t, ",\n", 2);
		bvf_jtext_tabs(t, depth);
		bvf_jtext_str(t, key);
		bvf_jtext_put(t, ":\t", 2);
		return;
	}
	if (!first) {
		buf[n++] = ',';
		buf[n++] = '\n';
	}
	memset(buf + n, '\t', depth);
	n += depth;
	buf[n++] = '"';
	memcpy(buf + n, key, klen);
	n += klen;
	buf[n++] = '"';
	buf[n++] = ':';
	buf[n++] = '\t';
	bvf_jtext_put(t, buf, n);
}

void bvf_jtext_free(struct bvf_jtext *t)
{
	free(t->s);
	memset(t, 0, sizeof(*t));
}
