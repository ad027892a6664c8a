/* ksyms.c — typed ksyms against a target kernel's BTF.
 *
 * libbpf resolves `extern const struct rq runqueues __ksym` to the VAR of
 * that name in the kernel's BTF and refuses the load when the object's
 * type is not the kernel's kind for kind (bpf_core_types_are_compat: names
 * are not compared, sizes neither); it then hands the kernel the VAR's id
 * in an ld_imm64 BPF_PSEUDO_BTF_ID. The kernel's verifier types the
 * register by the variable: a per-CPU one (listed in DATASEC
 * ".data..percpu") is a per-CPU pointer to its type, another struct a
 * PTR_TO_BTF_ID, anything else read-only memory of its size.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <bpf/btf.h>

#include "btf_walk.h"
#include "ksyms.h"

/* libbpf's btf_kind_str */
static const char *kind_str(const struct btf_type *t)
{
	static const char *const names[] = {
		[BTF_KIND_UNKN] = "void", [BTF_KIND_INT] = "int", [BTF_KIND_PTR] = "ptr",
		[BTF_KIND_ARRAY] = "array", [BTF_KIND_STRUCT] = "struct",
		[BTF_KIND_UNION] = "union", [BTF_KIND_ENUM] = "enum", [BTF_KIND_FWD] = "fwd",
		[BTF_KIND_TYPEDEF] = "typedef", [BTF_KIND_VOLATILE] = "volatile",
		[BTF_KIND_CONST] = "const", [BTF_KIND_RESTRICT] = "restrict",
		[BTF_KIND_FUNC] = "func", [BTF_KIND_FUNC_PROTO] = "func_proto",
		[BTF_KIND_VAR] = "var", [BTF_KIND_DATASEC] = "datasec",
		[BTF_KIND_FLOAT] = "float", [BTF_KIND_DECL_TAG] = "decl_tag",
		[BTF_KIND_TYPE_TAG] = "type_tag", [BTF_KIND_ENUM64] = "enum64",
	};
	uint16_t k = t ? btf_kind(t) : 0;

	return k < sizeof(names) / sizeof(names[0]) && names[k] ? names[k] : "unknown";
}

bool bvf_ksym_incompatible(const struct btf *obj_btf, uint32_t local_var_type,
			   const struct btf *kbtf, uint32_t kernel_var_id, const char *name,
			   char *buf, size_t size)
{
	const struct btf_type *kvar = btf__type_by_id(kbtf, kernel_var_id);
	const struct btf_type *lt, *tt;
	uint32_t local_id = 0, targ_id = 0;

	lt = bvf_btf_skip_mods(obj_btf, local_var_type, &local_id);
	tt = kvar ? bvf_btf_skip_mods(kbtf, kvar->type, &targ_id) : NULL;
	if (lt && tt && bvf_btf_types_compat(obj_btf, local_id, kbtf, targ_id) > 0)
		return false;
	snprintf(buf, size,
		 "extern (var ksym) '%s': incompatible types, expected [%u] %s %s, but kernel has [%u] %s %s",
		 name, local_id, kind_str(lt), lt ? btf__name_by_offset(obj_btf, lt->name_off) : "",
		 targ_id, kind_str(tt), tt ? btf__name_by_offset(kbtf, tt->name_off) : "");
	return true;
}

uint32_t bvf_btf_percpu_datasec(const struct btf *kbtf)
{
	uint32_t n = kbtf ? btf__type_cnt(kbtf) : 0;

	/* DATASECs come last in vmlinux BTF: search from the end */
	for (uint32_t id = n; id-- > 1;) {
		const struct btf_type *t = btf__type_by_id(kbtf, id);

		if (t && btf_is_datasec(t) &&
		    strcmp(btf__name_by_offset(kbtf, t->name_off), ".data..percpu") == 0)
			return id;
	}
	return 0;
}

static bool in_datasec(const struct btf *kbtf, uint32_t datasec, uint32_t var_id)
{
	const struct btf_type *ds = datasec ? btf__type_by_id(kbtf, datasec) : NULL;
	const struct btf_var_secinfo *vsi;

	if (!ds || !btf_is_datasec(ds))
		return false;
	vsi = btf_var_secinfos(ds);
	for (uint16_t i = 0; i < btf_vlen(ds); i++)
		if (vsi[i].type == var_id)
			return true;
	return false;
}

/* The kernel's btf_type_skip_modifiers: modifiers and typedefs. */
static const struct btf_type *skip_kernel_mods(const struct btf *btf, uint32_t id)
{
	return bvf_btf_skip_mods(btf, id, NULL);
}

/* The kernel's btf_resolve_size for a type past its modifiers: arrays
 * multiply out, sized kinds have their size; -EINVAL for the rest. */
static int resolve_size(const struct btf *btf, const struct btf_type *t, uint32_t *size)
{
	uint64_t n = 1;

	for (int depth = 0; t && depth < 32; depth++) {
		if (btf_is_array(t)) {
			n *= btf_array(t)->nelems;
			t = skip_kernel_mods(btf, btf_array(t)->type);
			continue;
		}
		if (btf_is_ptr(t)) {
			*size = (uint32_t)(n * 8);
			return 0;
		}
		if (btf_is_int(t) || btf_is_any_enum(t) || btf_is_struct(t) || btf_is_union(t) ||
		    btf_is_float(t)) {
			if (n * t->size > UINT32_MAX)
				return -E2BIG;
			*size = (uint32_t)(n * t->size);
			return 0;
		}
		return -EINVAL;
	}
	return -EINVAL;
}

int bvf_btf_pointee(const struct btf *kbtf, uint32_t percpu_datasec, uint32_t btf_id,
		    bool var, struct bv_btf_pointee *out)
{
	const struct btf_type *v = kbtf ? btf__type_by_id(kbtf, btf_id) : NULL;
	const struct btf_type *t;
	uint32_t type, size;
	int err;

	memset(out, 0, sizeof(*out));
	if (var) {
		if (!v) {
			snprintf(out->msg, sizeof(out->msg), "ldimm64 insn specifies invalid btf_id %u.",
				 btf_id);
			return -ENOENT;
		}
		if (btf_is_func(v)) {
			/* a function's address: memory of size 0 */
			out->type = BV_PTR_TO_MEM | BV_MEM_RDONLY;
			return 0;
		}
		if (!btf_is_var(v)) {
			snprintf(out->msg, sizeof(out->msg),
				 "pseudo btf_id %u in ldimm64 isn't KIND_VAR or KIND_FUNC", btf_id);
			return -EINVAL;
		}
		type = v->type;
		t = skip_kernel_mods(kbtf, type);
		if (in_datasec(kbtf, percpu_datasec, btf_id)) {
			out->type = BV_PTR_TO_BTF_ID | BV_MEM_PERCPU;
			out->btf_id = type;
			return 0;
		}
	} else {
		type = btf_id;
		t = skip_kernel_mods(kbtf, type);
	}
	if (t && (btf_is_struct(t) || btf_is_union(t))) {
		out->type = BV_PTR_TO_BTF_ID;
		out->btf_id = type;
		return 0;
	}
	err = resolve_size(kbtf, t, &size);
	if (err) {
		snprintf(out->msg, sizeof(out->msg), "%sunable to resolve the size of type '%s': %d",
			 var ? "ldimm64 " : "", t ? btf__name_by_offset(kbtf, t->name_off) : "",
			 err);
		return -EINVAL;
	}
	out->type = BV_PTR_TO_MEM | (var ? BV_MEM_RDONLY : 0);
	out->mem_size = size;
	return 0;
}
