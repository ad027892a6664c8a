/* btf_view.c — a raw BTF read in place (bvdb.h, struct bvdb_btf).
 *
 * libbpf's btf__new copies a BTF and walks every type to index it: for a
 * 5 MB vmlinux BTF (126,000 types) that is most of a profile's load, paid
 * at every start even when a verification reads a few dozen types. A view
 * reads the raw bytes where they are (the mapped cache entry) through a
 * table of type offsets; the table is built in one walk, or mapped from
 * the cache next to the BTF (SHA256-SIZE.types, profile.c), so a warm load
 * touches only the pages of the types asked for.
 *
 * Checks: the header and the sections' bounds when the view is made, and
 * that a cached offset table is this BTF's and in order; each type's
 * offset and full extent (its kind's trailing records) when it is asked
 * for — a type that is misaligned or does not fit before the next one is
 * NULL, like an id out of range. Strings are bounded by the section, which must end in
 * NUL. A damaged view thus gives NULLs, never a read out of bounds; libbpf
 * validates more (referenced ids, name offsets of every type) when the
 * same bytes are handed to btf__new (bvdb_btf__raw).
 *
 * Layout facts (the BTF format, include/uapi/linux/btf.h): a 24-byte
 * header (magic 0xeB9F, version 1, hdr_len, then type_off/len and
 * str_off/len relative to the header's end); each type is a 12-byte
 * record followed by a kind-dependent tail.
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

#define BTF_MAGIC_LE   0xeB9F
#define TYPE_REC       12u
#define TYPES_MAGIC    "BVDBTOF1"
#define TYPES_OK_MAGIC "BVDBTOK1"   /* its stamp: offsets_sound passed */
#define MAX_TYPES      (1u << 24)
#define RESOLVE_DEPTH  32

struct bvdb_btf {
	const uint8_t *data;   /* the raw BTF */
	size_t size;
	const uint8_t *types;
	uint32_t types_len;
	const char *strs;
	uint32_t strs_len;
	const uint32_t *offs;  /* offs[id] in types; offs[0] unused */
	uint32_t type_cnt;     /* ids 0 .. type_cnt-1 (0 is void) */
	uint32_t ptr_sz;
	void *data_map, *offs_map;   /* mappings to undo, or NULL */
	size_t data_map_len, offs_map_len;
	void *data_owned, *offs_owned;   /* allocations to free, or NULL */
};

/* The cached table: header then offs[type_cnt]. */
struct types_hdr {
	char magic[8];
	uint64_t btf_size;
	uint32_t type_cnt;
	uint32_t ptr_sz;
	uint32_t types_len, strs_len;
};

/* Bytes after the 12-byte record: -1 for a kind BTF does not define. */
static int64_t tail_len(const struct btf_type *t)
{
	uint32_t vlen = btf_vlen(t);

	switch (btf_kind(t)) {
	case BTF_KIND_INT: return 4;
	case BTF_KIND_ARRAY: return 12;
	case BTF_KIND_STRUCT: case BTF_KIND_UNION: return 12ll * vlen;
	case BTF_KIND_ENUM: return 8ll * vlen;
	case BTF_KIND_FUNC_PROTO: return 8ll * vlen;
	case BTF_KIND_VAR: return 4;
	case BTF_KIND_DATASEC: return 12ll * vlen;
	case BTF_KIND_DECL_TAG: return 4;
	case BTF_KIND_ENUM64: return 12ll * vlen;
	case BTF_KIND_PTR: case BTF_KIND_FWD: case BTF_KIND_TYPEDEF: case BTF_KIND_VOLATILE:
	case BTF_KIND_CONST: case BTF_KIND_RESTRICT: case BTF_KIND_FUNC: case BTF_KIND_FLOAT:
	case BTF_KIND_TYPE_TAG:
		return 0;
	default:
		return -1;
	}
}

static int fail(char *err, size_t errsz, int code, const char *what)
{
	bvdb_set_err(err, errsz, "%s", what);
	errno = code;
	return -code;
}

/* Header and section bounds. */
static int parse_header(struct bvdb_btf *v, char *err, size_t errsz)
{
	const struct btf_header *h = (const void *)v->data;
	uint64_t end_t, end_s;

	if (v->size < sizeof(*h) || ((uintptr_t)v->data & 3))
		return fail(err, errsz, EINVAL, "not a BTF: too short");
	if (h->magic != BTF_MAGIC_LE || h->version != 1)
		return fail(err, errsz, EINVAL, "not a BTF of this byte order (magic/version)");
	if (h->hdr_len < sizeof(*h) || h->hdr_len > v->size || (h->hdr_len & 3) ||
	    (h->type_off & 3))
		return fail(err, errsz, EINVAL, "bad BTF header length or alignment");
	end_t = (uint64_t)h->hdr_len + h->type_off + h->type_len;
	end_s = (uint64_t)h->hdr_len + h->str_off + h->str_len;
	if (end_t > v->size || end_s > v->size || h->str_len == 0 ||
	    (h->type_off < h->str_off && end_t > (uint64_t)h->hdr_len + h->str_off))
		return fail(err, errsz, EINVAL, "BTF sections out of bounds or overlapping");
	v->types = v->data + h->hdr_len + h->type_off;
	v->types_len = h->type_len;
	v->strs = (const char *)v->data + h->hdr_len + h->str_off;
	v->strs_len = h->str_len;
	if (v->strs[0] != '\0' || v->strs[v->strs_len - 1] != '\0')
		return fail(err, errsz, EINVAL, "BTF string section does not start and end with NUL");
	return 0;
}

/* The pointer size libbpf would take for a BTF without a base: that of
 * "long" when an integer type of that name has size 4 or 8, else 8 (the
 * BPF targets). */
static uint32_t ptr_size_of(const struct btf_type *t, const char *name)
{
	static const char *const longs[] = { "long", "long int", "long unsigned int",
					     "unsigned long", "unsigned long int" };

	if (btf_kind(t) != BTF_KIND_INT || (t->size != 4 && t->size != 8) || !name)
		return 0;
	for (size_t i = 0; i < sizeof(longs) / sizeof(longs[0]); i++)
		if (strcmp(name, longs[i]) == 0)
			return t->size;
	return 0;
}

/* One walk of the type section: offs[] and the pointer size. */
static int build_offsets(struct bvdb_btf *v, char *err, size_t errsz)
{
	size_t cap = 1024, n = 1;
	uint32_t *offs = malloc(cap * sizeof(*offs)), pos = 0;

	if (!offs)
		return fail(err, errsz, ENOMEM, "out of memory");
	offs[0] = 0;
	v->ptr_sz = 0;
	while (pos < v->types_len) {
		const struct btf_type *t = (const void *)(v->types + pos);
		int64_t tail;

		if (v->types_len - pos < TYPE_REC || (tail = tail_len(t)) < 0 ||
		    (uint64_t)v->types_len - pos - TYPE_REC < (uint64_t)tail || n >= MAX_TYPES) {
			free(offs);
			return fail(err, errsz, EINVAL, "BTF type section is malformed");
		}
		if (n == cap) {
			uint32_t *g = realloc(offs, (cap *= 2) * sizeof(*offs));

			if (!g) {
				free(offs);
				return fail(err, errsz, ENOMEM, "out of memory");
			}
			offs = g;
		}
		if (!v->ptr_sz && t->name_off < v->strs_len)
			v->ptr_sz = ptr_size_of(t, v->strs + t->name_off);
		offs[n++] = pos;
		pos += TYPE_REC + (uint32_t)tail;
	}
	if (!v->ptr_sz)
		v->ptr_sz = 8;
	v->offs = v->offs_owned = offs;
	v->type_cnt = (uint32_t)n;
	return 0;
}

static struct bvdb_btf *view_of(const void *data, size_t size, char *err, size_t errsz)
{
	struct bvdb_btf *v = calloc(1, sizeof(*v));

	if (!v) {
		fail(err, errsz, ENOMEM, "out of memory");
		return NULL;
	}
	v->data = data;
	v->size = size;
	if (parse_header(v, err, errsz)) {
		free(v);
		return NULL;
	}
	return v;
}

BVDB_EXPORT struct bvdb_btf *bvdb_btf__new(const void *data, size_t size, char *err, size_t errsz)
{
	struct bvdb_btf *v = data ? view_of(data, size, err, errsz) : NULL;

	if (!data)
		fail(err, errsz, EINVAL, "no BTF");
	if (v && build_offsets(v, err, errsz)) {
		free(v);
		return NULL;
	}
	return v;
}

BVDB_EXPORT void bvdb_btf__free(struct bvdb_btf *v)
{
	if (!v)
		return;
	if (v->data_map)
		munmap(v->data_map, v->data_map_len);
	if (v->offs_map)
		munmap(v->offs_map, v->offs_map_len);
	free(v->data_owned);
	free(v->offs_owned);
	free(v);
}

void bvdb_btf_take_data(struct bvdb_btf *v, void *owned, void *map, size_t map_len)
{
	v->data_owned = owned;
	v->data_map = map;
	v->data_map_len = map_len;
}

BVDB_EXPORT uint32_t bvdb_btf__type_cnt(const struct bvdb_btf *v)
{
	return v ? v->type_cnt : 0;
}

BVDB_EXPORT const struct btf_type *bvdb_btf__type_by_id(const struct bvdb_btf *v, uint32_t id)
{
	static const struct btf_type void_type;   /* id 0, as libbpf gives it */
	const struct btf_type *t;
	uint32_t off, end;
	int64_t tail;

	if (!v || id >= v->type_cnt)
		return NULL;
	if (id == 0)
		return &void_type;
	/* A record must be aligned and end before the next one starts (or the
	 * section ends): a table from the cache is checked here, entry by
	 * entry, rather than all of it at load. */
	off = v->offs[id];
	end = id + 1 < v->type_cnt ? v->offs[id + 1] : v->types_len;
	if ((off & 3) || end > v->types_len || (uint64_t)off + TYPE_REC > end)
		return NULL;
	t = (const void *)(v->types + off);
	tail = tail_len(t);
	if (tail < 0 || (uint64_t)off + TYPE_REC + (uint64_t)tail > end)
		return NULL;
	return t;
}

BVDB_EXPORT const char *bvdb_btf__str(const struct bvdb_btf *v, uint32_t off)
{
	return v && off < v->strs_len ? v->strs + off : NULL;
}

BVDB_EXPORT const void *bvdb_btf__raw(const struct bvdb_btf *v, size_t *size)
{
	if (size)
		*size = v ? v->size : 0;
	return v ? v->data : NULL;
}

BVDB_EXPORT int bvdb_btf__ptr_size(const struct bvdb_btf *v)
{
	return v ? (int)v->ptr_sz : 8;
}

BVDB_EXPORT int64_t bvdb_btf__resolve_size(const struct bvdb_btf *v, uint32_t id)
{
	uint64_t nelems = 1;
	int64_t size = -1;

	for (int depth = 0; depth < RESOLVE_DEPTH && size < 0; depth++) {
		const struct btf_type *t = bvdb_btf__type_by_id(v, id);

		if (!t)
			return -EINVAL;
		switch (btf_kind(t)) {
		case BTF_KIND_INT: case BTF_KIND_STRUCT: case BTF_KIND_UNION: case BTF_KIND_ENUM:
		case BTF_KIND_ENUM64: case BTF_KIND_DATASEC: case BTF_KIND_FLOAT:
			size = t->size;
			break;
		case BTF_KIND_PTR:
			size = bvdb_btf__ptr_size(v);
			break;
		case BTF_KIND_TYPEDEF: case BTF_KIND_VOLATILE: case BTF_KIND_CONST:
		case BTF_KIND_RESTRICT: case BTF_KIND_VAR: case BTF_KIND_DECL_TAG:
		case BTF_KIND_TYPE_TAG:
			id = t->type;
			break;
		case BTF_KIND_ARRAY:
			if (nelems && btf_array(t)->nelems > UINT32_MAX / nelems)
				return -E2BIG;
			nelems *= btf_array(t)->nelems;
			id = btf_array(t)->type;
			break;
		default:
			return -EINVAL;
		}
	}
	if (size < 0)
		return -EINVAL;
	if (nelems && (uint64_t)size > UINT32_MAX / nelems)
		return -E2BIG;
	return (int64_t)(nelems * (uint64_t)size);
}

/* ---- the offset table as a file (the profile cache) ---- */

int bvdb_btf_save_offsets(const struct bvdb_btf *v, const char *path)
{
	struct types_hdr h = { .btf_size = v->size, .type_cnt = v->type_cnt, .ptr_sz = v->ptr_sz,
			       .types_len = v->types_len, .strs_len = v->strs_len };
	size_t len = sizeof(h) + (size_t)v->type_cnt * sizeof(uint32_t);
	char *buf = malloc(len);
	int e;

	if (!buf)
		return -ENOMEM;
	memcpy(h.magic, TYPES_MAGIC, sizeof(h.magic));
	memcpy(buf, &h, sizeof(h));
	memcpy(buf + sizeof(h), v->offs, (size_t)v->type_cnt * sizeof(uint32_t));
	e = bvdb_write_file(path, buf, len, NULL, 0);
	free(buf);
	return e;
}

/* A table from a file describes a BTF only if its records are in order,
 * aligned, at least a record apart, the first at 0 and the last inside
 * the section: else types would silently go missing. (That each record's
 * tail fits is checked when it is read.) Branch-free: 126,000 entries for
 * a vmlinux, at every start. */
__attribute__((optimize("tree-vectorize")))
static bool offsets_sound(const struct bvdb_btf *v)
{
	const uint32_t *o = v->offs;
	uint32_t n = v->type_cnt, lim = v->types_len, bad = 0;

	if (n < 2)
		return true;
	if (o[1] != 0 || lim >= (1u << 30) || (uint64_t)o[n - 1] + TYPE_REC > lim ||
	    (o[n - 1] & 3))
		return false;
	/* with every entry <= lim < 2^30, a step under 12 wraps far above lim */
	for (uint32_t id = 1; id + 1 < n; id++)
		bad |= (o[id] & 3) | (o[id] > lim) | (o[id + 1] - o[id] - TYPE_REC > lim);
	return !bad;
}

/* A view of data[0..size) with the offsets mapped from `path`; NULL when
 * the file is missing or does not describe this BTF exactly (then the
 * caller builds the table). */
struct bvdb_btf *bvdb_btf_load_offsets(const void *data, size_t size, const char *path)
{
	const struct types_hdr *h;
	struct bvdb_btf *v = NULL;
	struct stat st;
	size_t len;
	void *map = bvdb_map_file_st(path, sizeof(*h), 0, &len, &st);

	if (!map)
		return NULL;
	h = map;
	v = view_of(data, size, NULL, 0);
	if (!v || memcmp(h->magic, TYPES_MAGIC, sizeof(h->magic)) != 0 || h->btf_size != size ||
	    h->type_cnt < 1 || h->type_cnt > MAX_TYPES ||
	    (uint64_t)len != sizeof(*h) + (uint64_t)h->type_cnt * sizeof(uint32_t) ||
	    h->types_len != v->types_len || h->strs_len != v->strs_len ||
	    (h->ptr_sz != 4 && h->ptr_sz != 8))
		goto bad;
	v->offs = (const uint32_t *)(h + 1);
	v->type_cnt = h->type_cnt;
	v->ptr_sz = h->ptr_sz;
	/* the whole table once per file (the stamp), not at every start:
	 * type_by_id bounds each entry it reads anyway */
	if (!bvdb_stamp_ok(path, &st, TYPES_OK_MAGIC)) {
		if (!offsets_sound(v))
			goto bad;
		bvdb_stamp_write(path, &st, TYPES_OK_MAGIC);
	}
	v->offs_map = map;
	v->offs_map_len = len;
	return v;
bad:
	free(v);
	munmap(map, len);
	return NULL;
}
