/* obj_maps.c — the object's maps, in libbpf's order: the BTF-defined maps
 * of ".maps" (by offset in the section), then one array map per non-empty
 * global-data section (.data, .rodata, .bss and their ".name" variants) in
 * section order. A map's index in this list is what a relocated ld_imm64
 * holds in imm.
 *
 * A BTF-defined map is a variable whose struct type describes the map:
 *   __uint(name, N)  → member `int (*name)[N]`   (PTR to ARRAY of N)
 *   __type(name, T)  → member `T *name`          (PTR to T)
 * Known members, as libbpf knows them: type, max_entries, map_flags,
 * numa_node, key_size, key, value_size, value, values, pinning, map_extra.
 * Clang leaves the variables' DATASEC offsets at 0, so offsets come from
 * the ELF symbols and the BTF only gives each variable's type.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bpf/btf.h>
#include <gelf.h>

#include "obj_internal.h"

#define OBJ_F_RDONLY_PROG (1u << 7)   /* BPF_F_RDONLY_PROG */
#define OBJ_F_MMAPABLE    (1u << 10)  /* BPF_F_MMAPABLE */
#define OBJ_BTF_VAR_STATIC 0
#define OBJ_MAX_MAPS      4096

/* __uint(): PTR → ARRAY, the value is the array's element count. */
static int field_uint(const struct bvf_object *obj, const char *map, const char *field,
		      uint32_t type_id, uint32_t *out, struct obj_err *e)
{
	const struct btf_type *t = obj_btf_skip_mods(obj->btf, type_id, NULL);
	const struct btf_type *arr;

	if (!t || !btf_is_ptr(t))
		return obj_fail(e, "map '%s': attr '%s': expected PTR", map, field);
	arr = btf__type_by_id(obj->btf, t->type);
	if (!arr || !btf_is_array(arr))
		return obj_fail(e, "map '%s': attr '%s': expected ARRAY", map, field);
	*out = btf_array(arr)->nelems;
	return 0;
}

/* __type(): PTR → T; gives T's id and size. */
static int field_type(const struct bvf_object *obj, const char *map, const char *field,
		      uint32_t type_id, uint32_t *id, uint32_t *size, struct obj_err *e)
{
	const struct btf_type *t = obj_btf_skip_mods(obj->btf, type_id, NULL);
	int64_t sz;

	if (!t || !btf_is_ptr(t))
		return obj_fail(e, "map '%s': %s spec is not PTR", map, field);
	sz = btf__resolve_size(obj->btf, t->type);
	if (sz < 0 || sz > UINT32_MAX)
		return obj_fail(e, "map '%s': can't determine %s size for type [%u]", map, field, t->type);
	*id = t->type;
	*size = (uint32_t)sz;
	return 0;
}

static int parse_btf_map(struct bvf_object *obj, struct obj_map *m, uint32_t var_type,
			 struct obj_err *e);

/* A map-in-map's `values`: an empty array of pointers to the inner map's
 * definition, a template parsed as libbpf parses it (named "<outer>.inner"):
 * the kernel checks lookups in the outer map against that inner map. */
static int parse_inner_map(struct bvf_object *obj, struct obj_map *m, uint32_t type_id,
			   struct obj_err *e)
{
	const char *name = m->desc.name;
	const struct btf_type *t = btf__type_by_id(obj->btf, type_id);
	struct obj_map inner;
	size_t len;
	int err;

	if (m->is_inner)
		return obj_fail(e, "map '%s': multi-level inner maps not supported.", name);
	if (!t || !btf_is_array(t) || btf_array(t)->nelems)
		return obj_fail(e, "map '%s': map-in-map inner spec is not a zero-sized array.", name);
	t = obj_btf_skip_mods(obj->btf, btf_array(t)->type, NULL);
	if (!t || !btf_is_ptr(t))
		return obj_fail(e, "map '%s': map-in-map inner def is of unexpected kind.", name);
	type_id = t->type;
	t = obj_btf_skip_mods(obj->btf, type_id, NULL);
	if (!t || !btf_is_struct(t))
		return obj_fail(e, "map '%s': map-in-map inner def is of unexpected kind.", name);
	memset(&inner, 0, sizeof(inner));
	len = strlen(name) + sizeof(".inner");
	m->inner_name = malloc(len);
	m->inner = calloc(1, sizeof(*m->inner));
	if (!m->inner_name || !m->inner)
		return obj_fail(e, "out of memory"), -ENOMEM;
	snprintf(m->inner_name, len, "%s.inner", name);
	inner.desc.name = m->inner_name;
	inner.is_inner = true;
	err = parse_btf_map(obj, &inner, type_id, e);
	if (err)
		return err;
	*m->inner = inner.desc;
	m->desc.inner = m->inner;
	return 0;
}

static int parse_btf_map(struct bvf_object *obj, struct obj_map *m, uint32_t var_type,
			 struct obj_err *e)
{
	const char *name = m->desc.name;
	const struct btf_type *def = obj_btf_skip_mods(obj->btf, var_type, NULL);
	const struct btf_member *mem;
	uint32_t key_size = 0, value_size = 0, key_id = 0, value_id = 0, ignored;
	bool has_key_size = false, has_value_size = false, has_values = false;

	if (!def || !btf_is_struct(def))
		return obj_fail(e, "map '%s': unexpected def kind", name);
	mem = btf_members(def);
	for (uint16_t i = 0; i < btf_vlen(def); i++) {
		const char *f = btf__name_by_offset(obj->btf, mem[i].name_off);
		uint32_t tid = mem[i].type;
		int err = 0;

		if (!f)
			return obj_fail(e, "map '%s': invalid field #%u", name, i);
		if (strcmp(f, "type") == 0)
			err = field_uint(obj, name, f, tid, &m->desc.type, e);
		else if (strcmp(f, "max_entries") == 0)
			err = field_uint(obj, name, f, tid, &m->desc.max_entries, e);
		else if (strcmp(f, "map_flags") == 0)
			err = field_uint(obj, name, f, tid, &m->desc.map_flags, e);
		else if (strcmp(f, "numa_node") == 0 || strcmp(f, "pinning") == 0 ||
			 strcmp(f, "map_extra") == 0)
			err = field_uint(obj, name, f, tid, &ignored, e);
		else if (strcmp(f, "key_size") == 0) {
			err = field_uint(obj, name, f, tid, &key_size, e);
			has_key_size = true;
		} else if (strcmp(f, "value_size") == 0) {
			err = field_uint(obj, name, f, tid, &value_size, e);
			has_value_size = true;
		} else if (strcmp(f, "key") == 0) {
			uint32_t sz;

			err = field_type(obj, name, f, tid, &key_id, &sz, e);
			if (!err && has_key_size && key_size != sz)
				return obj_fail(e, "map '%s': conflicting key size %u != %u.", name, key_size, sz);
			key_size = sz;
			has_key_size = true;
		} else if (strcmp(f, "value") == 0) {
			uint32_t sz;

			err = field_type(obj, name, f, tid, &value_id, &sz, e);
			if (!err && has_value_size && value_size != sz)
				return obj_fail(e, "map '%s': conflicting value size %u != %u.", name, value_size, sz);
			value_size = sz;
			has_value_size = true;
		} else if (strcmp(f, "values") == 0) {
			/* Prog arrays and map-in-map: initial contents come
			 * from .rel.maps (recorded only); a map-in-map's
			 * inner template is parsed. */
			has_values = true;
			if (m->desc.type == BV_MAP_TYPE_ARRAY_OF_MAPS ||
			    m->desc.type == BV_MAP_TYPE_HASH_OF_MAPS)
				err = parse_inner_map(obj, m, tid, e);
		} else {
			return obj_fail(e, "map '%s': unknown field '%s'.", name, f);
		}
		if (err)
			return err;
	}
	m->init_values = has_values;
	if (has_values && !has_value_size)
		value_size = 4;  /* fds of the inner maps / programs */
	m->desc.key_size = key_size;
	m->desc.value_size = value_size;
	m->desc.value_btf_id = value_id;
	obj_btf_special_fields(obj, value_id, &m->desc.spin_lock_off, &m->desc.timer_off);
	m->desc.spin_lock_shape = obj_btf_spin_lock_shape(obj, value_id);
	return 0;
}

static int cmp_map_off(const void *a, const void *b)
{
	const struct obj_map *x = a, *y = b;

	return x->sec_off < y->sec_off ? -1 : x->sec_off > y->sec_off;
}

static uint32_t find_var(const struct bvf_object *obj, const struct btf_type *ds, const char *name)
{
	const struct btf_var_secinfo *vi = btf_var_secinfos(ds);

	for (uint16_t i = 0; i < btf_vlen(ds); i++) {
		const struct btf_type *v = btf__type_by_id(obj->btf, vi[i].type);
		const char *n = v && btf_is_var(v) ? btf__name_by_offset(obj->btf, v->name_off) : NULL;

		if (n && strcmp(n, name) == 0)
			return v->type;
	}
	return 0;
}

static int collect_btf_maps(struct bvf_object *obj, struct obj_err *e)
{
	const struct btf_type *ds;
	uint32_t ds_id;
	size_t n = 0;

	if (obj->maps_sec < 0)
		return 0;
	if (!obj->btf)
		return obj_fail(e, ".maps: BTF is required, but is missing or corrupted (compile with -g)");
	ds_id = obj_btf_datasec_id(obj, ".maps");
	ds = ds_id ? btf__type_by_id(obj->btf, ds_id) : NULL;
	if (!ds)
		return obj_fail(e, ".maps: no DATASEC '.maps' in BTF");
	for (size_t i = 0; i < obj->nr_syms; i++)
		if (obj->syms[i].shndx == (uint32_t)obj->maps_sec && obj->syms[i].type == STT_OBJECT)
			n++;
	if (n > OBJ_MAX_MAPS)
		return obj_fail(e, ".maps: absurd number of maps (%zu)", n);
	obj->maps = calloc(n + 1, sizeof(*obj->maps));
	if (!obj->maps)
		return obj_fail(e, "out of memory"), -ENOMEM;
	for (size_t i = 0; i < obj->nr_syms; i++) {
		const struct obj_sym *y = &obj->syms[i];
		const struct obj_sec *s = &obj->secs[obj->maps_sec];
		struct obj_map *m;
		uint32_t var_type;
		int err;

		if (y->shndx != (uint32_t)obj->maps_sec || y->type != STT_OBJECT)
			continue;
		if (y->value > s->size || y->size > s->size - y->value)
			return obj_fail(e, "map '%s': symbol [0x%llx, +0x%llx) is outside .maps", y->name,
					(unsigned long long)y->value, (unsigned long long)y->size);
		var_type = find_var(obj, ds, y->name);
		if (!var_type)
			return obj_fail(e, "map '%s': no BTF variable in DATASEC '.maps'", y->name);
		m = &obj->maps[obj->nr_maps++];
		m->desc.name = y->name;
		m->sec = (uint32_t)obj->maps_sec;
		m->sec_off = y->value;
		m->sec_size = y->size;
		err = parse_btf_map(obj, m, var_type, e);
		if (err)
			return err;
	}
	qsort(obj->maps, obj->nr_maps, sizeof(*obj->maps), cmp_map_off);
	for (size_t i = 1; i < obj->nr_maps; i++)
		if (obj->maps[i].sec_off < obj->maps[i - 1].sec_off + obj->maps[i - 1].sec_size)
			return obj_fail(e, "maps '%s' and '%s' overlap in .maps",
					obj->maps[i - 1].desc.name, obj->maps[i].desc.name);
	return 0;
}

/* libbpf makes a data map mmapable unless all its variables are static. */
static bool datasec_mmapable(const struct bvf_object *obj, uint32_t ds_id)
{
	const struct btf_type *ds = ds_id ? btf__type_by_id(obj->btf, ds_id) : NULL;
	const struct btf_var_secinfo *vi;

	if (!ds || !btf_is_datasec(ds))
		return false;
	vi = btf_var_secinfos(ds);
	for (uint16_t i = 0; i < btf_vlen(ds); i++) {
		const struct btf_type *v = btf__type_by_id(obj->btf, vi[i].type);

		if (v && btf_is_var(v) && btf_var(v)->linkage != OBJ_BTF_VAR_STATIC)
			return true;
	}
	return false;
}

static int collect_data_maps(struct bvf_object *obj, struct obj_err *e)
{
	size_t n = 0;
	struct obj_map *grown;

	for (size_t i = 1; i < obj->nr_secs; i++) {
		enum obj_sec_kind k = obj->secs[i].kind;

		if ((k == OBJ_SEC_DATA || k == OBJ_SEC_RODATA || k == OBJ_SEC_BSS) && obj->secs[i].size)
			n++;
	}
	if (obj->nr_maps + n > OBJ_MAX_MAPS)
		return obj_fail(e, "absurd number of global data sections (%zu)", n);
	grown = realloc(obj->maps, (obj->nr_maps + n + 1) * sizeof(*obj->maps));
	if (!grown)
		return obj_fail(e, "out of memory"), -ENOMEM;
	obj->maps = grown;
	for (size_t i = 1; i < obj->nr_secs; i++) {
		struct obj_sec *s = &obj->secs[i];
		struct obj_map *m;

		if ((s->kind != OBJ_SEC_DATA && s->kind != OBJ_SEC_RODATA && s->kind != OBJ_SEC_BSS) ||
		    !s->size)
			continue;
		if (s->size > UINT32_MAX)
			return obj_fail(e, "section %zu (%s): absurd size %llu", i, s->name,
					(unsigned long long)s->size);
		s->map = (int)obj->nr_maps;
		m = &obj->maps[obj->nr_maps++];
		memset(m, 0, sizeof(*m));
		m->sec = (uint32_t)i;
		m->sec_size = s->size;
		m->desc.name = s->name;
		m->desc.type = BV_MAP_TYPE_ARRAY;
		m->desc.key_size = 4;
		m->desc.value_size = (uint32_t)s->size;
		m->desc.max_entries = 1;
		m->desc.value_btf_id = obj_btf_datasec_id(obj, s->name);
		if (s->kind == OBJ_SEC_RODATA) {
			/* libbpf loads .rodata read-only for programs and
			 * freezes it after writing the initial contents. */
			m->desc.map_flags = OBJ_F_RDONLY_PROG;
			m->desc.rdonly_prog = true;
			m->desc.frozen = true;
			m->desc.initial_value = s->data;
		}
		if (datasec_mmapable(obj, m->desc.value_btf_id))
			m->desc.map_flags |= OBJ_F_MMAPABLE;
		obj_btf_special_fields(obj, m->desc.value_btf_id, &m->desc.spin_lock_off,
				       &m->desc.timer_off);
		m->desc.spin_lock_shape = obj_btf_spin_lock_shape(obj, m->desc.value_btf_id);
	}
	return 0;
}

int obj_maps_collect(struct bvf_object *obj, struct obj_err *e)
{
	int err = collect_btf_maps(obj, e);

	if (!err)
		err = collect_data_maps(obj, e);
	if (err)
		return err;
	obj->map_descs = calloc(obj->nr_maps + 1, sizeof(*obj->map_descs));
	if (!obj->map_descs)
		return obj_fail(e, "out of memory"), -ENOMEM;
	for (size_t i = 0; i < obj->nr_maps; i++) {
		/* A map created with BPF_F_RDONLY_PROG: programs may not write
		 * its values (the kernel: "write into map forbidden"). */
		if (obj->maps[i].desc.map_flags & OBJ_F_RDONLY_PROG)
			obj->maps[i].desc.rdonly_prog = true;
		obj->map_descs[i] = obj->maps[i].desc;
	}
	return 0;
}

int obj_maps_find(const struct bvf_object *obj, uint32_t sec, uint64_t off)
{
	for (size_t i = 0; i < obj->nr_maps; i++)
		if (obj->maps[i].sec == sec && obj->maps[i].sec_off == off)
			return (int)i;
	return -1;
}

void obj_maps_free(struct bvf_object *obj)
{
	for (size_t i = 0; obj->maps && i < obj->nr_maps; i++) {
		free(obj->maps[i].inner);
		free(obj->maps[i].inner_name);
	}
	free(obj->maps);
	free(obj->map_descs);
}
