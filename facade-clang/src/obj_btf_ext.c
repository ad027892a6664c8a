/* obj_btf_ext.c — parsing .BTF.ext: func_info, line_info and the CO-RE
 * relocation records, with every bound checked.
 *
 * Layout (facts from the kernel/libbpf format, code our own):
 *   header: u16 magic 0xeB9F, u8 version 1, u8 flags, u32 hdr_len,
 *           u32 func_info_off, func_info_len, line_info_off, line_info_len,
 *           [u32 core_relo_off, core_relo_len when hdr_len allows];
 *   offsets are relative to the end of the header (hdr_len);
 *   each info area: u32 rec_size, then blocks
 *           { u32 sec_name_off, u32 num_info, num_info records of rec_size };
 *   func_info record: u32 insn_off (bytes), u32 type_id;
 *   line_info record: u32 insn_off, u32 file_name_off, u32 line_off,
 *                     u32 line_col (line = >> 10, column = & 0x3ff);
 *   core_relo record: u32 insn_off, u32 type_id, u32 access_str_off, u32 kind.
 * A larger rec_size than we know is allowed (newer fields are skipped);
 * a smaller one is corrupt. Strings come from the .BTF string section.
 */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <bpf/btf.h>

#include "obj_internal.h"

#define BTF_EXT_MAGIC     0xeB9F
#define BTF_EXT_HDR_MIN   24
#define BTF_EXT_HDR_CORE  32

enum ext_kind { EXT_FUNC, EXT_LINE, EXT_CORE };

static const struct {
	const char *name;
	uint32_t min_rec;
} ext_kinds[] = {
	[EXT_FUNC] = { "func_info", 8 },
	[EXT_LINE] = { "line_info", 16 },
	[EXT_CORE] = { "core_relo", 16 },
};

static uint32_t rd32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));  /* unaligned-safe; objects are little-endian like the host */
	return v;
}

static int find_code_section(const struct bvf_object *obj, const char *name)
{
	for (size_t i = 1; i < obj->nr_secs; i++)
		if ((obj->secs[i].kind == OBJ_SEC_PROG || obj->secs[i].kind == OBJ_SEC_TEXT) &&
		    strcmp(obj->secs[i].name, name) == 0)
			return (int)i;
	return -1;
}

static int add_record(struct bvf_object *obj, enum ext_kind kind, uint32_t sec,
		      const uint8_t *rec, const char *sec_name, size_t idx, uint32_t blk_idx,
		      struct obj_err *e)
{
	uint32_t insn_off = rd32(rec);
	uint32_t insn = insn_off / sizeof(struct bv_insn);

	if (insn_off % sizeof(struct bv_insn) || insn_off >= obj->secs[sec].size)
		return obj_fail(e, ".BTF.ext: %s record #%zu of section '%s': insn_off %u is not an instruction of the section",
				ext_kinds[kind].name, idx, sec_name, insn_off);
	switch (kind) {
	case EXT_FUNC: {
		struct obj_func_rec *r = &obj->func_recs[obj->nr_func_recs++];

		r->sec = sec;
		r->insn = insn;
		r->type_id = rd32(rec + 4);
		break;
	}
	case EXT_LINE: {
		struct obj_line_rec *r = &obj->line_recs[obj->nr_line_recs++];
		uint32_t line_col = rd32(rec + 12);

		r->sec = sec;
		r->insn = insn;
		r->file = btf__name_by_offset(obj->btf, rd32(rec + 4));
		r->text = btf__name_by_offset(obj->btf, rd32(rec + 8));
		if (!r->file || !r->text)
			return obj_fail(e, ".BTF.ext: line_info record #%zu of section '%s': string offset out of range",
					idx, sec_name);
		r->line = line_col >> 10;
		r->col = line_col & 0x3ff;
		break;
	}
	case EXT_CORE: {
		struct obj_core_rec *r = &obj->core_recs[obj->nr_core_recs++];

		r->sec = sec;
		r->insn = insn;
		r->type_id = rd32(rec + 4);
		r->access_str_off = rd32(rec + 8);
		r->kind = rd32(rec + 12);
		r->rec_idx = blk_idx;
		if (r->type_id >= btf__type_cnt(obj->btf))
			return obj_fail(e, ".BTF.ext: core_relo record #%zu of section '%s': type id %u is not in .BTF (%u types)",
					idx, sec_name, r->type_id, btf__type_cnt(obj->btf));
		if (!btf__name_by_offset(obj->btf, r->access_str_off))
			return obj_fail(e, ".BTF.ext: core_relo record #%zu of section '%s': access string offset %u out of range",
					idx, sec_name, r->access_str_off);
		break;
	}
	}
	return 0;
}

/* Parses one info area [area, area+len). `count_only` first sizes the
 * record arrays, then a second pass fills them. */
static int parse_area(struct bvf_object *obj, enum ext_kind kind, const uint8_t *area,
		      uint32_t len, bool count_only, size_t *count, struct obj_err *e)
{
	const char *what = ext_kinds[kind].name;
	uint32_t rec_size, pos = 4;
	size_t idx = 0;

	if (len == 0)
		return 0;
	if (len < 4)
		return obj_fail(e, ".BTF.ext: truncated %s (%u bytes)", what, len);
	rec_size = rd32(area);
	if (rec_size < ext_kinds[kind].min_rec || rec_size % 4 || rec_size > 1024)
		return obj_fail(e, ".BTF.ext: %s record size %u is invalid (at least %u, a multiple of 4)",
				what, rec_size, ext_kinds[kind].min_rec);
	while (pos < len) {
		uint32_t name_off, num;
		const char *sec_name;
		int sec;

		if (len - pos < 8)
			return obj_fail(e, ".BTF.ext: truncated %s block header at offset %u", what, pos);
		name_off = rd32(area + pos);
		num = rd32(area + pos + 4);
		pos += 8;
		sec_name = btf__name_by_offset(obj->btf, name_off);
		if (!sec_name)
			return obj_fail(e, ".BTF.ext: %s block names string offset %u, out of range",
					what, name_off);
		if (num == 0)
			return obj_fail(e, ".BTF.ext: %s block for section '%s' has no records", what, sec_name);
		if ((uint64_t)num * rec_size > len - pos)
			return obj_fail(e, ".BTF.ext: truncated %s: section '%s' claims %u records of %u bytes, %u bytes left",
					what, sec_name, num, rec_size, len - pos);
		sec = find_code_section(obj, sec_name);
		if (sec < 0)
			return obj_fail(e, ".BTF.ext: %s for section '%s', which is not a code section of the object",
					what, sec_name);
		for (uint32_t i = 0; i < num; i++, idx++, pos += rec_size) {
			int err;

			if (count_only) {
				(*count)++;
				continue;
			}
			err = add_record(obj, kind, (uint32_t)sec, area + pos, sec_name, idx, i, e);
			if (err)
				return err;
		}
	}
	return 0;
}

static int cmp_func(const void *a, const void *b)
{
	const struct obj_func_rec *x = a, *y = b;

	if (x->sec != y->sec)
		return x->sec < y->sec ? -1 : 1;
	return x->insn < y->insn ? -1 : x->insn > y->insn;
}

static int cmp_line(const void *a, const void *b)
{
	const struct obj_line_rec *x = a, *y = b;

	if (x->sec != y->sec)
		return x->sec < y->sec ? -1 : 1;
	return x->insn < y->insn ? -1 : x->insn > y->insn;
}

static int cmp_core(const void *a, const void *b)
{
	const struct obj_core_rec *x = a, *y = b;

	if (x->sec != y->sec)
		return x->sec < y->sec ? -1 : 1;
	if (x->insn != y->insn)
		return x->insn < y->insn ? -1 : 1;
	return x->rec_idx < y->rec_idx ? -1 : x->rec_idx > y->rec_idx;
}

/* Sorts records by (section, instruction), as a stable sort would.
 * Compilers write them by instruction within each section, but the
 * sections in an order of their own: the array is one sorted run per
 * section. The runs are put in order and copied once; only records out of
 * order within a section, or runs that overlap, go to qsort (glibc's merge
 * sort, stable here: ~log2(n) comparisons per record, 1.1 million
 * instructions for bench/inputs/core_tool.bpf.c's line records). Every
 * record type starts with its section (static asserts below). */
static uint32_t rec_sec(const char *r)
{
	uint32_t sec;

	memcpy(&sec, r, sizeof(sec));
	return sec;
}

void obj_sort_recs(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	char *p = base, *tmp = NULL, *q;
	size_t *start = NULL, *order = NULL, nr = 1;
	bool sorted = true;

	if (n < 2)
		return;
	for (size_t i = 1; i < n; i++)
		sorted = sorted && cmp(p + (i - 1) * size, p + i * size) <= 0;
	if (sorted)
		return;
	start = malloc((n + 1) * sizeof(*start));
	order = malloc(n * sizeof(*order));
	tmp = malloc(n * size);
	if (!start || !order || !tmp)
		goto full;
	start[0] = 0;
	for (size_t i = 1; i < n; i++) {
		if (rec_sec(p + i * size) == rec_sec(p + (i - 1) * size)) {
			if (cmp(p + (i - 1) * size, p + i * size) > 0)
				goto full;   /* out of order within a section */
			continue;
		}
		start[nr++] = i;
	}
	start[nr] = n;
	for (size_t r = 0; r < nr; r++) {   /* runs by their first record */
		size_t j = r;

		while (j > 0 && cmp(p + start[order[j - 1]] * size, p + start[r] * size) > 0) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = r;
	}
	/* each run strictly before the next: no ties between runs, so the
	 * concatenation is what a stable sort gives */
	for (size_t k = 1; k < nr; k++)
		if (cmp(p + (start[order[k - 1] + 1] - 1) * size, p + start[order[k]] * size) >= 0)
			goto full;
	q = tmp;
	for (size_t k = 0; k < nr; k++) {
		size_t len = (start[order[k] + 1] - start[order[k]]) * size;

		memcpy(q, p + start[order[k]] * size, len);
		q += len;
	}
	memcpy(base, tmp, n * size);
	goto out;
full:
	qsort(base, n, size, cmp);
out:
	free(start);
	free(order);
	free(tmp);
}

_Static_assert(offsetof(struct obj_func_rec, sec) == 0, "obj_sort_recs reads the section first");
_Static_assert(offsetof(struct obj_line_rec, sec) == 0, "obj_sort_recs reads the section first");
_Static_assert(offsetof(struct obj_core_rec, sec) == 0, "obj_sort_recs reads the section first");

int obj_btf_ext_load(struct bvf_object *obj, struct obj_err *e)
{
	const struct obj_sec *s;
	const uint8_t *d, *areas[3] = { 0 };
	uint32_t hdr_len, lens[3] = { 0 };
	uint64_t body;
	size_t counts[3] = { 0 };
	int err;

	if (obj->btf_ext_sec < 0)
		return 0;
	s = &obj->secs[obj->btf_ext_sec];
	if (!obj->btf)
		return obj_fail(e, ".BTF.ext present without .BTF");
	d = s->data;
	if (!d || s->size < BTF_EXT_HDR_MIN)
		return obj_fail(e, ".BTF.ext: truncated header (%llu bytes)", (unsigned long long)s->size);
	if ((uint16_t)(d[0] | d[1] << 8) != BTF_EXT_MAGIC)
		return obj_fail(e, ".BTF.ext: bad magic 0x%02x%02x", d[1], d[0]);
	if (d[2] != 1)
		return obj_fail(e, ".BTF.ext: unsupported version %u", d[2]);
	hdr_len = rd32(d + 4);
	if (hdr_len < BTF_EXT_HDR_MIN || hdr_len > s->size)
		return obj_fail(e, ".BTF.ext: header length %u is invalid (section is %llu bytes)",
				hdr_len, (unsigned long long)s->size);
	body = s->size - hdr_len;
	for (int k = EXT_FUNC; k <= EXT_CORE; k++) {
		uint32_t off, len;

		if (k == EXT_CORE && hdr_len < BTF_EXT_HDR_CORE)
			break;
		off = rd32(d + 8 + 8 * k);
		len = rd32(d + 12 + 8 * k);
		if (len == 0)
			continue;
		if (off % 4)
			return obj_fail(e, ".BTF.ext: %s is not aligned to 4 bytes", ext_kinds[k].name);
		if (off > body || len > body - off)
			return obj_fail(e, ".BTF.ext: truncated %s: [%u, +%u) extends past the section (%llu bytes of data)",
					ext_kinds[k].name, off, len, (unsigned long long)body);
		areas[k] = d + hdr_len + off;
		lens[k] = len;
	}
	for (int k = EXT_FUNC; k <= EXT_CORE; k++) {
		err = parse_area(obj, k, areas[k], lens[k], true, &counts[k], e);
		if (err)
			return err;
	}
	obj->func_recs = calloc(counts[EXT_FUNC] + 1, sizeof(*obj->func_recs));
	obj->line_recs = calloc(counts[EXT_LINE] + 1, sizeof(*obj->line_recs));
	obj->core_recs = calloc(counts[EXT_CORE] + 1, sizeof(*obj->core_recs));
	if (!obj->func_recs || !obj->line_recs || !obj->core_recs)
		return obj_fail(e, "out of memory"), -ENOMEM;
	for (int k = EXT_FUNC; k <= EXT_CORE; k++) {
		err = parse_area(obj, k, areas[k], lens[k], false, NULL, e);
		if (err)
			return err;
	}
	obj_sort_recs(obj->func_recs, obj->nr_func_recs, sizeof(*obj->func_recs), cmp_func);
	obj_sort_recs(obj->line_recs, obj->nr_line_recs, sizeof(*obj->line_recs), cmp_line);
	obj_sort_recs(obj->core_recs, obj->nr_core_recs, sizeof(*obj->core_recs), cmp_core);
	return 0;
}
