/* names.c — a BTF's named types grouped by essential name, so that CO-RE
 * candidate search is a lookup instead of a scan of every type.
 *
 * Built in one pass over the types (no sorting): an open-addressing hash
 * table of distinct essential names, each with a [start, start+count)
 * slice of one id array filled in ascending id order. Functions,
 * variables, data sections and declaration tags (half of a vmlinux's
 * named types, never CO-RE roots in practice) are left out: a search for
 * one of those kinds scans.
 *
 * The table holds string offsets, not pointers, so it can also live in a
 * file (a profile's cache, profile.c) and be mapped back as it is:
 *   header (struct file_hdr) | cap groups (struct group) | nr_ids ids (u32)
 * in this machine's byte order. A mapped index is checked before use
 * (sizes, the BTF's type count, every slice and id in range); a file that
 * fails is not used.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <bpf/btf.h>

#include "bvdb_internal.h"

struct group {
	uint32_t name_off;      /* in the BTF's strings; 0 = free slot (no indexed name is empty) */
	uint32_t hash;          /* compared before the name: fewer cache misses */
	uint32_t len;           /* essential length */
	uint32_t start, count;
};

#define FILE_MAGIC "BVDBNIX1"
#define NAMES_OK_MAGIC "BVDBNOK1"   /* its stamp: every group and id checked */

struct file_hdr {
	char magic[8];
	uint32_t type_cnt;      /* btf__type_cnt of the BTF it indexes */
	uint32_t nr_ids;
	uint64_t cap;
};

struct bvdb_names {
	const struct bvdb_btf *btf;  /* the BTF it indexes, read in place */
	struct bvdb_btf *own;        /* that view, when made for a libbpf BTF */
	struct group *tab;      /* open addressing, cap a power of two */
	size_t cap;
	uint32_t *ids;
	uint32_t nr_ids;
	void *map;              /* when mapped from a file: the mapping, else NULL */
	size_t map_len;
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

/* The group of name[0..len) or the free slot where it would go; NULL if
 * the table is full (only a damaged file can be). */
static struct group *slot(const struct bvdb_names *ix, const char *name, size_t len, uint32_t h)
{
	size_t mask = ix->cap - 1, i = h & mask;

	for (size_t probes = 0; probes < ix->cap; probes++, i = (i + 1) & mask) {
		struct group *g = &ix->tab[i];
		const char *gn;

		if (!g->name_off)
			return g;
		if (g->hash != h || g->len != len)
			continue;
		gn = bvdb_btf__str(ix->btf, g->name_off);
		if (gn && strncmp(gn, name, len) == 0)
			return g;
	}
	return NULL;
}

/* A view of a libbpf BTF's raw bytes (which it keeps until modified). */
struct bvdb_btf *bvdb_btf_view_of_libbpf(const struct btf *btf)
{
	uint32_t size = 0;
	const void *raw = btf ? btf__raw_data(btf, &size) : NULL;

	return raw ? bvdb_btf__new(raw, size, NULL, 0) : NULL;
}

BVDB_EXPORT struct bvdb_names *bvdb_names__new(const struct btf *btf)
{
	struct bvdb_btf *v = bvdb_btf_view_of_libbpf(btf);
	struct bvdb_names *ix;

	if (!v) {
		errno = btf ? ENOMEM : EINVAL;
		return NULL;
	}
	ix = bvdb_names__new_view(v);
	if (!ix) {
		bvdb_btf__free(v);
		return NULL;
	}
	ix->own = v;
	return ix;
}

BVDB_EXPORT struct bvdb_names *bvdb_names__new_view(const struct bvdb_btf *btf)
{
	uint32_t n = btf ? bvdb_btf__type_cnt(btf) : 0, named = 0, pos = 0;
	struct bvdb_names *ix;
	uint32_t *grp = NULL;       /* group slot per id, UINT32_MAX: not indexed */

	if (!btf) {
		errno = EINVAL;
		return NULL;
	}
	ix = calloc(1, sizeof(*ix));
	grp = malloc((size_t)n * sizeof(*grp));
	if (!ix || !grp)
		goto nomem;
	ix->btf = btf;
	for (uint32_t id = 1; id < n; id++) {
		const struct btf_type *t = bvdb_btf__type_by_id(btf, id);
		const char *s = t && t->name_off && bvdb_names__kind_indexed(btf_kind(t)) ?
				bvdb_btf__str(btf, t->name_off) : NULL;

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
	ix->nr_ids = named;
	/* pass 1: distinct names, their counts, each id's group */
	for (uint32_t id = 1; id < n; id++) {
		const struct btf_type *t;
		const char *s;
		struct group *g;
		size_t len;
		uint32_t h;

		if (grp[id] == UINT32_MAX)
			continue;
		t = bvdb_btf__type_by_id(btf, id);
		s = bvdb_btf__str(btf, t->name_off);
		len = bvdb_essential_len(s);
		h = hash(s, len);
		g = slot(ix, s, len, h);   /* never NULL: at most half full */
		if (!g->name_off) {
			g->name_off = t->name_off;
			g->hash = h;
			g->len = (uint32_t)len;
		}
		g->count++;
		grp[id] = (uint32_t)(g - ix->tab);
	}
	/* slices, then pass 2 fills them in id order */
	for (size_t i = 0; i < ix->cap; i++)
		if (ix->tab[i].name_off) {
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

void bvdb_names_own_view(struct bvdb_names *ix, struct bvdb_btf *v)
{
	ix->own = v;
}

BVDB_EXPORT void bvdb_names__free(struct bvdb_names *ix)
{
	if (!ix)
		return;
	if (ix->map) {
		munmap(ix->map, ix->map_len);
	} else {
		free(ix->tab);
		free(ix->ids);
	}
	bvdb_btf__free(ix->own);
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
	/* a group past the ids: only a file damaged behind its stamp */
	if (!g || !g->name_off || g->start > ix->nr_ids || g->count > ix->nr_ids - g->start)
		return 0;
	*ids = ix->ids + g->start;
	return g->count;
}

int bvdb_names__save(const struct bvdb_names *ix, const char *path)
{
	struct file_hdr h = { .type_cnt = bvdb_btf__type_cnt(ix->btf), .nr_ids = ix->nr_ids,
			      .cap = ix->cap };
	size_t len = sizeof(h) + ix->cap * sizeof(*ix->tab) + (size_t)ix->nr_ids * sizeof(*ix->ids);
	char *buf = malloc(len), *p = buf;
	int e;

	if (!buf)
		return -ENOMEM;
	memcpy(h.magic, FILE_MAGIC, sizeof(h.magic));
	memcpy(p, &h, sizeof(h));
	p += sizeof(h);
	memcpy(p, ix->tab, ix->cap * sizeof(*ix->tab));
	p += ix->cap * sizeof(*ix->tab);
	memcpy(p, ix->ids, (size_t)ix->nr_ids * sizeof(*ix->ids));
	e = bvdb_write_file(path, buf, len, NULL, 0);
	free(buf);
	return e;
}

struct bvdb_names *bvdb_names__load(const char *path, const struct bvdb_btf *btf)
{
	struct bvdb_names *ix = NULL;
	const struct file_hdr *h;
	uint32_t n = btf ? bvdb_btf__type_cnt(btf) : 0;
	struct stat st;
	size_t len;
	void *map = btf ? bvdb_map_file_st(path, sizeof(*h), 0, &len, &st) : NULL;

	if (!map)
		return NULL;
	h = map;
	if (memcmp(h->magic, FILE_MAGIC, sizeof(h->magic)) != 0 || h->type_cnt != n ||
	    h->cap < 16 || h->cap > (1u << 26) || (h->cap & (h->cap - 1)) || h->nr_ids >= n ||
	    (uint64_t)len != sizeof(*h) + h->cap * sizeof(struct group) +
				   (uint64_t)h->nr_ids * sizeof(uint32_t))
		goto bad;
	ix = calloc(1, sizeof(*ix));
	if (!ix)
		goto bad;
	ix->btf = btf;
	ix->cap = (size_t)h->cap;
	ix->tab = (struct group *)(h + 1);
	ix->nr_ids = h->nr_ids;
	ix->ids = (uint32_t *)(ix->tab + ix->cap);
	ix->map = map;
	ix->map_len = len;
	/* every group and id once per file (the stamp), not at every start:
	 * slot() bounds its probes and find() each group it returns anyway */
	if (bvdb_stamp_ok(path, &st, NAMES_OK_MAGIC))
		return ix;
	{
		size_t used = 0;

		for (size_t i = 0; i < ix->cap; i++) {
			const struct group *g = &ix->tab[i];

			if (!g->name_off)
				continue;
			used++;
			if (g->start > ix->nr_ids || g->count > ix->nr_ids - g->start)
				goto bad;
		}
		if (used > ix->cap / 2)   /* slot() relies on free slots */
			goto bad;
	}
	for (uint32_t i = 0; i < ix->nr_ids; i++)
		if (ix->ids[i] == 0 || ix->ids[i] >= n)
			goto bad;
	bvdb_stamp_write(path, &st, NAMES_OK_MAGIC);
	return ix;
bad:
	free(ix);
	munmap(map, len);
	return NULL;
}
