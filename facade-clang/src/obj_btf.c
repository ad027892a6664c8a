/* obj_btf.c — the object's .BTF section, parsed by libbpf's BTF API, and
 * the few questions the object side asks of it: a function's linkage, a
 * DATASEC by name, where a map value keeps its bpf_spin_lock / bpf_timer.
 *
 * libbpf prints its own warnings to stderr by default. We silence it once
 * with libbpf_set_print(NULL): the setting is process-global, which is
 * acceptable because bvfacade reports every problem through its own error
 * messages and the hosts (plugin, CLI) use libbpf only through us; library
 * code must not write to stderr behind the host's back.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

#include <bpf/btf.h>
#include <bpf/libbpf.h>

#include "obj_internal.h"

#define OBJ_BTF_FUNC_GLOBAL 1  /* enum btf_func_linkage */
#define OBJ_BTF_MAX_DEPTH   32 /* modifier/typedef chains, as libbpf */

static once_flag quiet_once = ONCE_FLAG_INIT;

static void quiet_libbpf(void)
{
	libbpf_set_print(NULL);
}

int obj_btf_load(struct bvf_object *obj, struct obj_err *e)
{
	const struct obj_sec *s;

	call_once(&quiet_once, quiet_libbpf);
	if (obj->btf_sec < 0)
		return 0;
	s = &obj->secs[obj->btf_sec];
	if (!s->data || s->size == 0 || s->size > UINT32_MAX)
		return obj_fail(e, "section %d (.BTF): bad size %llu", obj->btf_sec,
				(unsigned long long)s->size);
	errno = 0;
	obj->btf = btf__new(s->data, (uint32_t)s->size);
	if (!obj->btf) {
		int err = errno ? errno : EINVAL;

		return obj_fail(e, "section %d (.BTF): corrupt BTF: %s", obj->btf_sec, strerror(err));
	}
	return 0;
}

const struct btf_type *obj_btf_skip_mods(const struct btf *btf, uint32_t id, uint32_t *res_id)
{
	const struct btf_type *t = btf__type_by_id(btf, id);

	/* Depth-limited: a corrupt BTF may contain modifier cycles. */
	for (int depth = 0; t && depth < OBJ_BTF_MAX_DEPTH; depth++) {
		if (!btf_is_mod(t) && !btf_is_typedef(t))
			break;
		id = t->type;
		t = btf__type_by_id(btf, id);
	}
	if (t && (btf_is_mod(t) || btf_is_typedef(t)))
		return NULL;
	if (res_id)
		*res_id = id;
	return t;
}

bool obj_btf_func_is_global(const struct bvf_object *obj, uint32_t type_id, bool *known)
{
	const struct btf_type *t = obj->btf ? btf__type_by_id(obj->btf, type_id) : NULL;

	*known = t && btf_is_func(t);
	return *known && btf_vlen(t) == OBJ_BTF_FUNC_GLOBAL;
}

uint32_t obj_btf_datasec_id(const struct bvf_object *obj, const char *name)
{
	int32_t id;

	if (!obj->btf)
		return 0;
	id = btf__find_by_name_kind(obj->btf, name, BTF_KIND_DATASEC);
	return id > 0 ? (uint32_t)id : 0;
}

static bool is_struct_named(const struct btf *btf, const struct btf_type *t, const char *name)
{
	const char *n;

	if (!t || !btf_is_struct(t))
		return false;
	n = btf__name_by_offset(btf, t->name_off);
	return n && strcmp(n, name) == 0;
}

static void note_field(const struct btf *btf, const struct btf_type *t, int64_t off,
		       int32_t *spin_lock_off, int32_t *timer_off)
{
	if (off < 0 || off > INT32_MAX)
		return;
	if (*spin_lock_off < 0 && is_struct_named(btf, t, "bpf_spin_lock"))
		*spin_lock_off = (int32_t)off;
	if (*timer_off < 0 && is_struct_named(btf, t, "bpf_timer"))
		*timer_off = (int32_t)off;
}

/* The kernel looks for these special fields among the members of a map
 * value struct (or the value type itself); global-data maps are DATASECs,
 * whose variables' offsets Clang leaves at 0 in the object: those are
 * found through the ELF symbols of the section instead. */
void obj_btf_special_fields(const struct bvf_object *obj, uint32_t type_id,
			    int32_t *spin_lock_off, int32_t *timer_off)
{
	const struct btf *btf = obj->btf;
	const struct btf_type *t;

	*spin_lock_off = -1;
	*timer_off = -1;
	if (!btf || !type_id)
		return;
	t = obj_btf_skip_mods(btf, type_id, NULL);
	if (!t)
		return;
	note_field(btf, t, 0, spin_lock_off, timer_off);
	if (btf_is_struct(t) || btf_is_union(t)) {
		const struct btf_member *m = btf_members(t);

		for (uint16_t i = 0; i < btf_vlen(t); i++) {
			const struct btf_type *mt = obj_btf_skip_mods(btf, m[i].type, NULL);

			note_field(btf, mt, btf_member_bit_offset(t, i) / 8, spin_lock_off, timer_off);
		}
	} else if (btf_is_datasec(t)) {
		const struct btf_var_secinfo *vi = btf_var_secinfos(t);
		const char *sec_name = btf__name_by_offset(btf, t->name_off);

		for (uint16_t i = 0; sec_name && i < btf_vlen(t); i++) {
			const struct btf_type *var = btf__type_by_id(btf, vi[i].type);
			const struct btf_type *vt;
			const char *vname;

			if (!var || !btf_is_var(var))
				continue;
			vt = obj_btf_skip_mods(btf, var->type, NULL);
			vname = btf__name_by_offset(btf, var->name_off);
			if (!vt || !vname)
				continue;
			for (size_t k = 0; k < obj->nr_syms; k++) {
				const struct obj_sym *y = &obj->syms[k];

				if (y->shndx < obj->nr_secs && strcmp(y->name, vname) == 0 &&
				    strcmp(obj->secs[y->shndx].name, sec_name) == 0 &&
				    y->value <= INT32_MAX)
					note_field(btf, vt, (int64_t)y->value, spin_lock_off, timer_off);
			}
		}
	}
}

uint8_t obj_btf_spin_lock_shape(const struct bvf_object *obj, uint32_t type_id)
{
	const struct btf *btf = obj->btf;
	const struct btf_type *t;
	unsigned int n = 0;
	uint16_t i;

	if (!btf || !type_id)
		return BV_SPIN_LOCK_NONE;
	t = obj_btf_skip_mods(btf, type_id, NULL);
	if (!t)
		return BV_SPIN_LOCK_NONE;
	if (btf_is_struct(t) || btf_is_union(t)) {
		const struct btf_member *m = btf_members(t);

		for (i = 0; i < btf_vlen(t); i++)
			n += is_struct_named(btf, obj_btf_skip_mods(btf, m[i].type, NULL),
					     "bpf_spin_lock");
	} else if (btf_is_datasec(t)) {
		const struct btf_var_secinfo *vi = btf_var_secinfos(t);

		for (i = 0; i < btf_vlen(t); i++) {
			const struct btf_type *var = btf__type_by_id(btf, vi[i].type);

			if (var && btf_is_var(var))
				n += is_struct_named(btf, obj_btf_skip_mods(btf, var->type, NULL),
						     "bpf_spin_lock");
		}
	} else {
		return BV_SPIN_LOCK_NOT_STRUCT;
	}
	return n == 0 ? BV_SPIN_LOCK_NONE : n == 1 ? BV_SPIN_LOCK_ONE : BV_SPIN_LOCK_MANY;
}
