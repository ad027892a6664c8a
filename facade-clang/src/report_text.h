/* report_text.h — JSON text in cJSON_Print's layout, without a tree
 * (report_text.c). An object at nesting depth d (the document is depth
 * 0, arrays count as a level, as in cJSON) writes "{\n", then each member
 * with bvf_jtext_key(t, d + 1, ...) and its value, then "\n", d tabs and
 * "}". Out of memory sticks: later writes do nothing, oom stays set. */
#ifndef BVF_REPORT_TEXT_H
#define BVF_REPORT_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct bvf_jtext {
	char *s;       /* NUL-terminated once anything was written */
	size_t len, cap;
	bool oom;
};

void bvf_jtext_put(struct bvf_jtext *t, const char *s, size_t n);
void bvf_jtext_puts(struct bvf_jtext *t, const char *s);
void bvf_jtext_tabs(struct bvf_jtext *t, unsigned depth);
/* A string literal; NULL: null. */
void bvf_jtext_str(struct bvf_jtext *t, const char *s);
/* A count; negative: null. */
void bvf_jtext_num(struct bvf_jtext *t, int64_t v);
/* ",\n" unless first, the indentation, "key":<tab>. */
void bvf_jtext_key(struct bvf_jtext *t, unsigned depth, const char *key, bool first);
void bvf_jtext_free(struct bvf_jtext *t);

#endif
