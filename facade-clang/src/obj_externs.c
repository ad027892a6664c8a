/* obj_externs.c — the object's extern variables (`__kconfig`, `__ksym`),
 * collected as libbpf collects them when it opens an object, and the
 * .kconfig map libbpf creates for the kconfig ones.
 *
 * What is kernel-independent is settled here: which externs exist (an
 * undefined ELF symbol that a BTF DATASEC ".kconfig" or ".ksyms" names as
 * a VAR), their kconfig value type (libbpf's classes: bool, char,
 * tristate, integer, char array), and the layout of the .kconfig map:
 * libbpf sorts the kconfig externs by alignment (largest first), then size
 * (smallest first), then name, and places each at the next offset aligned
 * for it; the map's value size is where the last one ends. The values
 * themselves depend on the target kernel: externs.c fills them per
 * verification. Extern functions (kfuncs) are object.c's.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <bpf/btf.h>
#include <elf.h>

#include "obj_internal.h"

#define OBJ_F_RDONLY_PROG_KCONFIG (1u << 7)   /* BPF_F_RDONLY_PROG */
#define OBJ_F_MMAPABLE_KCONFIG    (1u << 10)  /* BPF_F_MMAPABLE */

/* libbpf's find_kcfg_type: the class of a kconfig extern's type. */
static enum bvf_kcfg_type kcfg_type(const struct btf *btf, uint32_t id, bool *is_signed)
{
	const struct btf_type *t = obj_btf_skip_mods(btf, id, NULL);
	const char *name;

	if (is_signed)
		*is_signed = false;
	if (!t)
		return BVF_KCFG_UNKNOWN;
	name = btf__name_by_offset(btf, t->name_off);
	switch (btf_kind(t)) {
	case BTF_KIND_INT: {
		uint8_t enc = btf_int_encoding(t);

		if (enc & BTF_INT_BOOL)
			return t->size == 1 ? BVF_KCFG_BOOL : BVF_KCFG_UNKNOWN;
		if (is_signed)
			*is_signed = enc & BTF_INT_SIGNED;
		if (t->size == 1)
			return BVF_KCFG_CHAR;
		if (t->size < 1 || t->size > 8 || (t->size & (t->size - 1)))
			return BVF_KCFG_UNKNOWN;
		return BVF_KCFG_INT;
	}
	case BTF_KIND_ENUM:
	case BTF_KIND_ENUM64:
		if (btf_kind(t) == BTF_KIND_ENUM && t->size != 4)
			return BVF_KCFG_UNKNOWN;
		return name && strcmp(name, "libbpf_tristate") == 0 ? BVF_KCFG_TRISTATE
								      : BVF_KCFG_UNKNOWN;
	case BTF_KIND_ARRAY: {
		const struct btf_array *a = btf_array(t);

		if (a->nelems == 0 || kcfg_type(btf, a->type, NULL) != BVF_KCFG_CHAR)
			return BVF_KCFG_UNKNOWN;
		return BVF_KCFG_CHAR_ARR;
	}
	default:
		return BVF_KCFG_UNKNOWN;
	}
}

/* The VAR named `name` in DATASEC ".kconfig" or ".ksyms": its type id and
 * which section; 0 when no such VAR (a function, or no BTF). */
static uint32_t find_extern_var(const struct btf *btf, const char *name, bool *kconfig)
{
	uint32_t n = btf ? btf__type_cnt(btf) : 0;

	for (uint32_t id = 1; id < n; id++) {
		const struct btf_type *t = btf__type_by_id(btf, id);
		const struct btf_var_secinfo *vs;
		const char *sec;

		if (!btf_is_datasec(t))
			continue;
		sec = btf__name_by_offset(btf, t->name_off);
		if (!sec || (strcmp(sec, ".kconfig") != 0 && strcmp(sec, ".ksyms") != 0))
			continue;
		vs = btf_var_secinfos(t);
		for (uint16_t i = 0; i < btf_vlen(t); i++) {
			const struct btf_type *v = btf__type_by_id(btf, vs[i].type);
			const char *vn;

			if (!v || !btf_is_var(v))
				continue;
			vn = btf__name_by_offset(btf, v->name_off);
			if (vn && strcmp(vn, name) == 0) {
				*kconfig = sec[1] == 'k' && sec[2] == 'c';
				return v->type ? v->type : UINT32_MAX;
			}
		}
	}
	return 0;
}

/* Does the VAR's type come down to void through modifiers? */
static bool ksym_is_typeless(const struct btf *btf, uint32_t type)
{
	for (int depth = 0; depth < 32; depth++) {
		const struct btf_type *t;

		if (type == 0 || type == UINT32_MAX)
			return true;
		t = btf__type_by_id(btf, type);
		if (!t)
			return true;
		if (!btf_is_mod(t) && !btf_is_typedef(t))
			return false;
		type = t->type;
	}
	return false;
}

static int cmp_kcfg(const void *pa, const void *pb)
{
	const struct bvf_extern_var *a = pa, *b = pb;

	if (a->kconfig != b->kconfig)
		return a->kconfig ? -1 : 1;
	if (a->kconfig) {
		if (a->align != b->align)
			return a->align > b->align ? -1 : 1;
		if (a->size != b->size)
			return a->size < b->size ? -1 : 1;
	}
	return strcmp(a->name, b->name);
}

/* Adds the .kconfig map (read-only for programs, frozen; values per
 * kernel) after the object's other maps. */
static int add_kconfig_map(struct bvf_object *obj, uint32_t value_size, struct obj_err *e)
{
	struct obj_map *maps = realloc(obj->maps, (obj->nr_maps + 2) * sizeof(*maps));
	struct bv_map_desc *descs;
	struct obj_map *m;

	if (!maps)
		return obj_fail(e, "out of memory"), -ENOMEM;
	obj->maps = maps;
	m = &obj->maps[obj->nr_maps];
	memset(m, 0, sizeof(*m));
	m->sec = UINT32_MAX;  /* no ELF section: never found by obj_maps_find */
	m->sec_size = value_size;
	m->desc.name = ".kconfig";
	m->desc.type = BV_MAP_TYPE_ARRAY;
	m->desc.key_size = 4;
	m->desc.value_size = value_size;
	m->desc.max_entries = 1;
	m->desc.map_flags = OBJ_F_RDONLY_PROG_KCONFIG | OBJ_F_MMAPABLE_KCONFIG;
	m->desc.rdonly_prog = true;
	m->desc.frozen = true;
	m->desc.initial_value = NULL;  /* per kernel: externs.c */
	m->desc.value_btf_id = obj_btf_datasec_id(obj, ".kconfig");
	m->desc.spin_lock_off = -1;
	m->desc.timer_off = -1;
	descs = realloc(obj->map_descs, (obj->nr_maps + 2) * sizeof(*descs));
	if (!descs)
		return obj_fail(e, "out of memory"), -ENOMEM;
	obj->map_descs = descs;
	descs[obj->nr_maps] = m->desc;
	obj->kconfig_map = (int)obj->nr_maps++;
	return 0;
}

int obj_externs_collect(struct bvf_object *obj, struct obj_err *e)
{
	size_t n = 0;
	uint32_t off = 0;

	obj->kconfig_map = -1;
	for (size_t i = 0; i < obj->nr_syms; i++) {
		const struct obj_sym *y = &obj->syms[i];

		if (y->shndx == SHN_UNDEF && y->name[0] && y->type == STT_NOTYPE &&
		    (y->bind == STB_GLOBAL || y->bind == STB_WEAK))
			n++;
	}
	if (!n)
		return 0;
	obj->extern_vars = calloc(n, sizeof(*obj->extern_vars));
	if (!obj->extern_vars)
		return obj_fail(e, "out of memory"), -ENOMEM;
	for (size_t i = 0; i < obj->nr_syms; i++) {
		const struct obj_sym *y = &obj->syms[i];
		struct bvf_extern_var *x;
		bool kconfig = false;
		uint32_t type;

		if (y->shndx != SHN_UNDEF || !y->name[0] || y->type != STT_NOTYPE ||
		    (y->bind != STB_GLOBAL && y->bind != STB_WEAK))
			continue;
		type = find_extern_var(obj->btf, y->name, &kconfig);
		if (!type)
			continue;  /* a function (kfunc), or no BTF: object.c's */
		x = &obj->extern_vars[obj->nr_extern_vars++];
		x->name = y->name;
		x->weak = y->bind == STB_WEAK;
		x->kconfig = kconfig;
		if (!kconfig) {
			/* `extern const void x __ksym`: typeless, an address */
			x->type_id = ksym_is_typeless(obj->btf, type) ? 0 : type;
			continue;
		}
		x->type_id = type;
		x->kcfg_type = kcfg_type(obj->btf, type, &x->is_signed);
		{
			int64_t sz = btf__resolve_size(obj->btf, type);
			int al = btf__align_of(obj->btf, type);

			x->size = sz > 0 && sz <= UINT32_MAX ? (uint32_t)sz : 0;
			x->align = al > 0 ? (uint32_t)al : 1;
		}
	}
	if (obj->nr_extern_vars > 1)
		qsort(obj->extern_vars, obj->nr_extern_vars, sizeof(*obj->extern_vars), cmp_kcfg);
	for (size_t i = 0; i < obj->nr_extern_vars; i++) {
		struct bvf_extern_var *x = &obj->extern_vars[i];

		if (!x->kconfig)
			continue;
		off = (off + x->align - 1) / x->align * x->align;
		x->data_off = off;
		off += x->size;
		obj->nr_kconfig++;
	}
	if (obj->nr_kconfig && off)
		return add_kconfig_map(obj, off, e);
	return 0;
}

int obj_externs_find(const struct bvf_object *obj, const char *name)
{
	for (size_t i = 0; i < obj->nr_extern_vars; i++)
		if (strcmp(obj->extern_vars[i].name, name) == 0)
			return (int)i;
	return -1;
}

size_t bvf_object_extern_vars(const struct bvf_object *obj, const struct bvf_extern_var **out,
			      int *kconfig_map)
{
	*out = obj ? obj->extern_vars : NULL;
	if (kconfig_map)
		*kconfig_map = obj ? obj->kconfig_map : -1;
	return obj ? obj->nr_extern_vars : 0;
}
