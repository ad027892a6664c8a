/* names.c — a BTF's named types grouped by essential name, so that CO-RE
 * candidate search is a lookup instead of a scan of every type.
 *
 * Built in one pass over the types (no sorting): an open-addressing hash
 * table of distinct essential names, each with a [start, start+count)
 * slice of one id array filled in ascending id order. Functions,
 * variables, data sections and declaration tags (half of a vmlinux's
 * named types, never CO-RE roots in practice) are left out: a search for
 * one of those kinds scans. docs/btf-db.md has the costs and why the index
 * is built at first use rather than stored.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <bpf/btf.h>

#include "bvdb_internal.h"

struct group {
	const char *name;       /* in the BTF's string section */
	uint32_t hash;          /* compared before the name: fewer cache misses */
	uint32_t len;           /* essential length */
	uint32_t start, count;
};

struct bvdb_names {
	struct group *tab;      /* open addressing, cap a power of two; name NULL = free */
	size_t cap;
	uint32_t *ids;
};

BVDB_EXPORT size_t bvdb_essential_len(const char *name)
{
	size_t n = name ? strlen(name) : 0;

	for (size_t i = n >= 5 ? n - 5 + 1 : 0; i-- > 0;) {
		const char *s = name + i;

		if (s[0] != '_' && s[1] == '_' && s[2] == '_' && s[3] == '_' && s[4] != '_')
			return i + 1;
	}
	return n;
}

BVDB_EXPORT bool bvdb_names__kind_indexed(int kind)
{
	return kind != BTF_KIND_FUNC && kind != BTF_KIND_VAR && kind != BTF_KIND_DATASEC &&
	       kind != BTF_KIND_DECL_TAG;
}

static uint32_t hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;   /* FNV-1a, folded */

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return (uint32_t)(h ^ (h >> 32));
}

static struct group *slot(const struct bvdb_names *ix, const char *name, size_t len, uint32_t h)
{
	size_t mask = ix->cap - 1, i = h & mask;

	for (;; i = (i + 1) & mask) {
		struct group *g = &ix->tab[i];

		if (!g->name || (g->hash == h && g->len == len && memcmp(g->name, name, len) == 0))
			return g;
	}
}

BVDB_EXPORT struct bvdb_names *bvdb_names__new(const struct btf *btf)
{
	uint32_t n = btf ? btf__type_cnt(btf) : 0, named = 0, pos = 0;
	struct bvdb_names *ix;
	uint32_t *grp = NULL;       /* group slot per id, UINT32_MAX: unnamed */

	if (!btf) {
		errno = EINVAL;
		return NULL;
	}
	ix = calloc(1, sizeof(*ix));
	grp = malloc((size_t)n * sizeof(*grp));
	if (!ix || !grp)
		goto nomem;
	for (uint32_t id = 1; id < n; id++) {
		const struct btf_type *t = btf__type_by_id(btf, id);
		const char *s = t && bvdb_names__kind_indexed(btf_kind(t)) ?
				btf__name_by_offset(btf, t->name_off) : NULL;

		grp[id] = s && *s ? 0 : UINT32_MAX;
		named += grp[id] == 0;
	}
	ix->cap = 16;
	while (ix->cap < (size_t)named * 2)
		ix->cap *= 2;
	ix->tab = calloc(ix->cap, sizeof(*ix->tab));
	ix->ids = malloc(((size_t)named + 1) * sizeof(*ix->ids));
	if (!ix->tab || !ix->ids)
		goto nomem;
	/* pass 1: distinct names, their counts, each id's group */
	for (uint32_t id = 1; id < n; id++) {
		const char *s;
		struct group *g;
		size_t len;
		uint32_t h;

		if (grp[id] == UINT32_MAX)
			continue;
		s = btf__name_by_offset(btf, btf__type_by_id(btf, id)->name_off);
		len = bvdb_essential_len(s);
		h = hash(s, len);
		g = slot(ix, s, len, h);
		if (!g->name) {
			g->name = s;
			g->hash = h;
			g->len = (uint32_t)len;
		}
		g->count++;
		grp[id] = (uint32_t)(g - ix->tab);
	}
	/* slices, then pass 2 fills them in id order */
	for (size_t i = 0; i < ix->cap; i++)
		if (ix->tab[i].name) {
			ix->tab[i].start = pos;
			pos += ix->tab[i].count;
			ix->tab[i].count = 0;
		}
	for (uint32_t id = 1; id < n; id++) {
		struct group *g;

		if (grp[id] == UINT32_MAX)
			continue;
		g = &ix->tab[grp[id]];
		ix->ids[g->start + g->count++] = id;
	}
	free(grp);
	return ix;
nomem:
	free(grp);
	bvdb_names__free(ix);
	errno = ENOMEM;
	return NULL;
}

BVDB_EXPORT void bvdb_names__free(struct bvdb_names *ix)
{
	if (!ix)
		return;
	free(ix->tab);
	free(ix->ids);
	free(ix);
}

BVDB_EXPORT size_t bvdb_names__find(const struct bvdb_names *ix, const char *name, size_t len,
				    const uint32_t **ids)
{
	const struct group *g;

	*ids = NULL;
	if (!ix || !name || len == 0 || len > UINT32_MAX)
		return 0;
	g = slot(ix, name, len, hash(name, len));
	if (!g->name)
		return 0;
	*ids = ix->ids + g->start;
	return g->count;
}
