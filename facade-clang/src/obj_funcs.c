/* obj_funcs.c — the object's functions, found as libbpf finds them: every
 * STT_FUNC symbol of an executable section. Those outside .text are
 * program entries (several may share a section) and must be global, as
 * libbpf requires; those in .text are subprograms, appended to the
 * programs that call them (obj_link.c). Functions are kept sorted by
 * (section, offset), which is also libbpf's program order.
 */
#include <errno.h>
#include <gelf.h>
#include <stdlib.h>
#include <string.h>

#include "obj_internal.h"

static int cmp_func(const void *a, const void *b)
{
	const struct obj_func *x = a, *y = b;

	if (x->sec != y->sec)
		return x->sec < y->sec ? -1 : 1;
	return x->off < y->off ? -1 : x->off > y->off;
}

/* Linkage from BTF func_info when there is a record at the function's
 * first instruction: that is what the kernel will see. */
static void apply_func_info(struct bvf_object *obj, struct obj_func *f)
{
	size_t lo = 0, hi = obj->nr_func_recs;

	while (lo < hi) {  /* records are sorted by (sec, insn) */
		size_t mid = lo + (hi - lo) / 2;
		const struct obj_func_rec *r = &obj->func_recs[mid];

		if (r->sec < f->sec || (r->sec == f->sec && r->insn < f->off))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < obj->nr_func_recs && obj->func_recs[lo].sec == f->sec &&
	    obj->func_recs[lo].insn == f->off) {
		const struct obj_func_rec *r = &obj->func_recs[lo];
		bool known;
		bool global = obj_btf_func_is_global(obj, r->type_id, &known);

		f->btf_id = r->type_id;
		if (known)
			f->global = global;
	}
}

int obj_funcs_collect(struct bvf_object *obj, struct obj_err *e)
{
	size_t n = 0;

	for (size_t i = 0; i < obj->nr_syms; i++) {
		const struct obj_sym *y = &obj->syms[i];

		if (y->type == STT_FUNC && y->shndx > 0 && y->shndx < obj->nr_secs &&
		    (obj->secs[y->shndx].kind == OBJ_SEC_PROG || obj->secs[y->shndx].kind == OBJ_SEC_TEXT))
			n++;
	}
	obj->funcs = calloc(n + 1, sizeof(*obj->funcs));
	if (!obj->funcs)
		return obj_fail(e, "out of memory"), -ENOMEM;
	for (size_t i = 0; i < obj->nr_syms; i++) {
		const struct obj_sym *y = &obj->syms[i];
		const struct obj_sec *s;
		struct obj_func *f;

		if (y->type != STT_FUNC || y->shndx == 0 || y->shndx >= obj->nr_secs)
			continue;
		s = &obj->secs[y->shndx];
		if (s->kind != OBJ_SEC_PROG && s->kind != OBJ_SEC_TEXT)
			continue;
		if (s->kind == OBJ_SEC_PROG && y->bind == STB_LOCAL)
			return obj_fail(e, "sec '%s': program '%s' is static and not supported",
					s->name, y->name);
		if (y->value % sizeof(struct bv_insn) || y->size % sizeof(struct bv_insn))
			return obj_fail(e, "sec '%s': function '%s' at offset 0x%llx, size %llu is not aligned to instructions",
					s->name, y->name, (unsigned long long)y->value,
					(unsigned long long)y->size);
		if (y->size == 0)
			return obj_fail(e, "sec '%s': function '%s' has no instructions", s->name, y->name);
		if (y->value > s->size || y->size > s->size - y->value)
			return obj_fail(e, "sec '%s': program '%s' at offset 0x%llx crosses section boundary",
					s->name, y->name, (unsigned long long)y->value);
		f = &obj->funcs[obj->nr_funcs++];
		f->name = y->name;
		f->sec = y->shndx;
		f->off = (uint32_t)(y->value / sizeof(struct bv_insn));
		f->cnt = (uint32_t)(y->size / sizeof(struct bv_insn));
		f->entry = s->kind == OBJ_SEC_PROG;
		f->global = y->bind != STB_LOCAL;
		apply_func_info(obj, f);
		/* libbpf loads a hidden (or internal) global subprogram as a
		 * static one: its BTF linkage is rewritten before the load */
		if (!f->entry && (y->visibility == STV_HIDDEN || y->visibility == STV_INTERNAL))
			f->global = false;
	}
	qsort(obj->funcs, obj->nr_funcs, sizeof(*obj->funcs), cmp_func);
	for (size_t i = 1; i < obj->nr_funcs; i++) {
		const struct obj_func *a = &obj->funcs[i - 1], *b = &obj->funcs[i];

		if (a->sec == b->sec && b->off < a->off + a->cnt)
			return obj_fail(e, "sec '%s': functions '%s' and '%s' overlap",
					obj->secs[a->sec].name, a->name, b->name);
	}
	return 0;
}

int obj_func_find(const struct bvf_object *obj, uint32_t sec, uint32_t insn)
{
	size_t lo = 0, hi = obj->nr_funcs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct obj_func *f = &obj->funcs[mid];

		if (f->sec < sec || (f->sec == sec && f->off + f->cnt <= insn))
			lo = mid + 1;
		else if (f->sec > sec || insn < f->off)
			hi = mid;
		else
			return (int)mid;
	}
	return -1;
}
