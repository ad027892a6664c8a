/* Loads through a map's own pointer (CONST_PTR_TO_MAP, kernel:
 * check_ptr_to_map_access): a program may read the fields of the kernel
 * object behind a map (struct bpf_map and the map type's struct around it,
 * e.g. map->max_entries) as a BTF-typed read of that struct; writes and
 * negative offsets are refused. Which struct a map type is, is the
 * facade's (map_btf_id op); the field walk is btf_struct_access. */

#include <errno.h>

#include "state.h"

int bv_check_map_ptr_access(struct bv_env *env, int32_t insn_idx, uint32_t regno, int32_t off,
			    int32_t size, enum bv_access t, int32_t value_regno)
{
	int64_t (*op)(void *, uint32_t) = bv_facade_map_btf_id(env->f);
	const struct bv_reg *r = &bv_cur_regs(env)[regno];
	const struct bv_map_desc *map = r->map.map;
	const char *tname;
	int64_t id;

	if (!op || !map || !env->f->btf_struct_access || !env->f->btf_type_name)
		return bv_unsupported(&env->log, insn_idx, "access through a map_ptr pointer");
	id = op(env->f->ctx, map->type);
	if (id < 0)
		return bv_unsupported(&env->log, insn_idx,
				      "access through the pointer of a map of type %u: its kernel struct is not modelled",
				      map->type);
	if (id == 0)
		return bv_reject(&env->log, insn_idx, -ENOTSUP,
				 "map_ptr access not supported for map type %u", map->type);
	tname = env->f->btf_type_name(env->f->ctx, (uint32_t)id);
	if (!tname)
		tname = "?";
	if (!env->f->allow_ptr_leaks)
		return bv_reject(&env->log, insn_idx, -EPERM,
				 bv_kernel_has(env->f, BV_FEAT_MAP_PTR_UNPRIV_STRUCT_MSG) ?
				 "'struct %s' access is allowed only to CAP_PERFMON and CAP_SYS_ADMIN" :
				 "%s access is allowed only to CAP_PERFMON and CAP_SYS_ADMIN", tname);
	if (off < 0)
		return bv_reject(&env->log, insn_idx, -EACCES,
				 "R%u is %s invalid negative access: off=%d", regno, tname, off);
	if (t != BV_READ)
		return bv_reject(&env->log, insn_idx, -EACCES, "only read from %s is supported",
				 tname);
	/* read as a PTR_TO_BTF_ID without flags to the map's struct */
	return bv_btf_struct_load(env, insn_idx, (uint32_t)id, BV_PTR_TO_BTF_ID, off, size, t,
				  value_regno);
}
