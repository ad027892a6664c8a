/* func_proto.c — a global function's argument kinds, derived from its BTF
 * prototype in the object's .BTF the way the target kernel does it (its
 * btf_prepare_func_args): integers and enums are scalars, a pointer to
 * the program type's context struct is the context, any other pointer is
 * memory of the pointee's size that may be NULL; kernels with decl-tag
 * support (feature global-func-arg-tags) let arg:ctx, arg:nonnull,
 * arg:nullable, arg:trusted and arg:arena change that. A prototype the
 * kernel refuses comes back as the kernel's line in out->err; one that
 * bpfverify does not model as out->unsupported.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <bpf/btf.h>

#include "func_proto.h"
#include "obj_internal.h"

#define MAX_ARGS 5   /* MAX_BPF_FUNC_REG_ARGS */

enum arg_tag {
	TAG_CTX = 1u << 0,
	TAG_TRUSTED = 1u << 1,
	TAG_NONNULL = 1u << 2,
	TAG_NULLABLE = 1u << 3,
	TAG_ARENA = 1u << 4,
};

/* The kernel's btf_type_str(): "PTR", "STRUCT", … ("UNKNOWN" for void). */
static const char *kind_str(const struct btf_type *t)
{
	static const char *const names[] = {
		[BTF_KIND_UNKN] = "UNKNOWN", [BTF_KIND_INT] = "INT", [BTF_KIND_PTR] = "PTR",
		[BTF_KIND_ARRAY] = "ARRAY", [BTF_KIND_STRUCT] = "STRUCT",
		[BTF_KIND_UNION] = "UNION", [BTF_KIND_ENUM] = "ENUM", [BTF_KIND_FWD] = "FWD",
		[BTF_KIND_TYPEDEF] = "TYPEDEF", [BTF_KIND_VOLATILE] = "VOLATILE",
		[BTF_KIND_CONST] = "CONST", [BTF_KIND_RESTRICT] = "RESTRICT",
		[BTF_KIND_FUNC] = "FUNC", [BTF_KIND_FUNC_PROTO] = "FUNC_PROTO",
		[BTF_KIND_VAR] = "VAR", [BTF_KIND_DATASEC] = "DATASEC",
		[BTF_KIND_FLOAT] = "FLOAT", [BTF_KIND_DECL_TAG] = "DECL_TAG",
		[BTF_KIND_TYPE_TAG] = "TYPE_TAG", [BTF_KIND_ENUM64] = "ENUM64",
	};
	unsigned int k = t ? btf_kind(t) : BTF_KIND_UNKN;

	return k < sizeof(names) / sizeof(names[0]) && names[k] ? names[k] : "UNKNOWN";
}

static bool is_scalar_type(const struct btf_type *t)
{
	return t && (btf_is_int(t) || btf_is_any_enum(t));
}

/* The "arg:" decl tags on argument i of the function func_id; -1 with
 * out->err set for a tag the kernel does not know. */
static int arg_tags(const struct btf *btf, uint32_t func_id, uint32_t i, uint32_t *tags,
		    struct bv_func_proto *out)
{
	uint32_t n = btf__type_cnt(btf);

	*tags = 0;
	for (uint32_t id = 1; id < n; id++) {
		const struct btf_type *t = btf__type_by_id(btf, id);
		const char *name;

		if (!t || !btf_is_decl_tag(t) || t->type != func_id ||
		    btf_decl_tag(t)->component_idx != (int)i)
			continue;
		name = btf__name_by_offset(btf, t->name_off);
		if (!name || strncmp(name, "arg:", 4))
			continue;
		name += 4;
		if (!strcmp(name, "ctx"))
			*tags |= TAG_CTX;
		else if (!strcmp(name, "trusted"))
			*tags |= TAG_TRUSTED;
		else if (!strcmp(name, "nonnull"))
			*tags |= TAG_NONNULL;
		else if (!strcmp(name, "nullable"))
			*tags |= TAG_NULLABLE;
		else if (!strcmp(name, "arena"))
			*tags |= TAG_ARENA;
		else {
			snprintf(out->unsupported, sizeof(out->unsupported),
				 "global function argument tag 'arg:%s'", name);
			return -1;
		}
	}
	return 0;
}

/* The context struct of the program type, by the name the program's own
 * BTF uses for it ("__sk_buff", "xdp_md", "pt_regs"); NULL: none that a
 * global function argument can name. */
static const char *ctx_struct_name(uint32_t prog_type)
{
	switch (prog_type) {
	case BV_PROG_TYPE_SOCKET_FILTER:
	case BV_PROG_TYPE_SCHED_CLS:
	case BV_PROG_TYPE_SCHED_ACT:
	case BV_PROG_TYPE_CGROUP_SKB:
	case BV_PROG_TYPE_LWT_IN:
	case BV_PROG_TYPE_LWT_OUT:
	case BV_PROG_TYPE_LWT_XMIT:
	case BV_PROG_TYPE_LWT_SEG6LOCAL:
	case BV_PROG_TYPE_SK_SKB:
	case BV_PROG_TYPE_FLOW_DISSECTOR:
		return "__sk_buff";
	case BV_PROG_TYPE_XDP:
		return "xdp_md";
	case BV_PROG_TYPE_CGROUP_SOCK:
		return "bpf_sock";
	case BV_PROG_TYPE_CGROUP_SOCK_ADDR:
		return "bpf_sock_addr";
	case BV_PROG_TYPE_SOCK_OPS:
		return "bpf_sock_ops";
	case BV_PROG_TYPE_CGROUP_DEVICE:
		return "bpf_cgroup_dev_ctx";
	case BV_PROG_TYPE_SK_MSG:
		return "sk_msg_md";
	case BV_PROG_TYPE_SK_REUSEPORT:
		return "sk_reuseport_md";
	case BV_PROG_TYPE_CGROUP_SYSCTL:
		return "bpf_sysctl";
	case BV_PROG_TYPE_CGROUP_SOCKOPT:
		return "bpf_sockopt";
	case BV_PROG_TYPE_SK_LOOKUP:
		return "bpf_sk_lookup";
	case BV_PROG_TYPE_KPROBE:
		return "pt_regs";
	case BV_PROG_TYPE_PERF_EVENT:
		return "bpf_perf_event_data";
	case BV_PROG_TYPE_RAW_TRACEPOINT:
	case BV_PROG_TYPE_RAW_TRACEPOINT_WRITABLE:
		return "bpf_raw_tracepoint_args";
	case BV_PROG_TYPE_NETFILTER:
		return "bpf_nf_ctx";
	default:
		return NULL;   /* scalar contexts (tracepoints, tracing, lsm) */
	}
}

/* Is the pointer t a pointer to the program's context (kernel:
 * btf_is_prog_ctx_type, by name)? */
static bool is_ctx_ptr(const struct btf *btf, const struct btf_type *t, uint32_t prog_type)
{
	const char *want = ctx_struct_name(prog_type), *name;
	uint32_t id = t->type;

	for (int depth = 0; depth < 32; depth++) {
		t = btf__type_by_id(btf, id);
		if (!t)
			return false;
		if (btf_is_typedef(t) && prog_type == BV_PROG_TYPE_KPROBE) {
			name = btf__name_by_offset(btf, t->name_off);
			if (name && !strcmp(name, "bpf_user_pt_regs_t"))
				return true;
		}
		if (!btf_is_mod(t) && !btf_is_typedef(t))
			break;
		id = t->type;
	}
	if (!want || !t || !btf_is_struct(t))
		return false;
	name = btf__name_by_offset(btf, t->name_off);
	return name && !strcmp(name, want);
}

static bool is_void_ptr(const struct btf *btf, const struct btf_type *t)
{
	uint32_t id = 1;

	obj_btf_skip_mods(btf, t->type, &id);
	return id == 0;
}

static void arg_ptr(const struct btf *btf, const struct bvf_kernel *kernel, const char *fname,
		    uint32_t i, const struct btf_type *t, uint32_t tags,
		    const struct bvf_func_proto_env *e, struct bv_func_proto *out)
{
	struct bv_func_arg *a = &out->args[i];
	const struct btf_type *ref;
	uint32_t ref_id;
	int64_t size;

	(void)fname;
	if ((tags & TAG_CTX) || is_ctx_ptr(btf, t, e->prog_type)) {
		if (tags & ~TAG_CTX) {
			snprintf(out->err, sizeof(out->err),
				 "arg#%u has invalid combination of tags", i);
			return;
		}
		if ((tags & TAG_CTX) && !is_void_ptr(btf, t) && !is_ctx_ptr(btf, t, e->prog_type)) {
			snprintf(out->unsupported, sizeof(out->unsupported),
				 "arg:ctx on a pointer to a type other than void or the context");
			return;
		}
		a->type = BV_ARG_PTR_TO_CTX;
		return;
	}
	ref = obj_btf_skip_mods(btf, t->type, &ref_id);
	if (ref && btf_is_struct(ref)) {
		const char *n = btf__name_by_offset(btf, ref->name_off);

		if (n && !strcmp(n, "bpf_dynptr")) {
			snprintf(out->unsupported, sizeof(out->unsupported),
				 "global function dynptr arguments");
			return;
		}
	}
	if (tags & TAG_TRUSTED) {
		const char *n = ref ? btf__name_by_offset(btf, ref->name_off) : NULL;
		int kid;

		if (tags & TAG_NONNULL) {
			snprintf(out->err, sizeof(out->err),
				 "arg#%u has invalid combination of tags", i);
			return;
		}
		kid = ref && btf_is_struct(ref) && n && kernel ?
		      bvf_kernel_find(kernel, n, BTF_KIND_STRUCT) : -1;
		if (kid <= 0) {
			snprintf(out->unsupported, sizeof(out->unsupported),
				 "arg:trusted on a pointer to a type the kernel does not have");
			return;
		}
		a->type = BV_ARG_PTR_TO_BTF_ID | BV_PTR_TRUSTED;
		if (tags & TAG_NULLABLE)
			a->type |= BV_PTR_MAYBE_NULL;
		a->btf_id = (uint32_t)kid;
		return;
	}
	if (tags & TAG_ARENA) {
		if (tags & ~TAG_ARENA) {
			snprintf(out->err, sizeof(out->err),
				 "arg#%u arena cannot be combined with any other tags", i);
			return;
		}
		a->type = BV_ARG_PTR_TO_ARENA;
		return;
	}
	if (tags & TAG_NULLABLE) {
		snprintf(out->err, sizeof(out->err), "arg#%u has invalid combination of tags", i);
		return;
	}
	size = ref && ref_id ? btf__resolve_size(btf, ref_id) : -EINVAL;
	if (ref && ref_id && (btf_is_fwd(ref) || btf_is_func_proto(ref) || btf_is_func(ref)))
		size = -EINVAL;
	if (size < 0) {
		const char *n = ref ? btf__name_by_offset(btf, ref->name_off) : NULL;

		snprintf(out->err, sizeof(out->err),
			 "arg#%u reference type('%s %s') size cannot be determined: %lld", i,
			 ref_id ? kind_str(ref) : "UNKNOWN", n ? n : "", (long long)-EINVAL);
		return;
	}
	a->type = BV_ARG_PTR_TO_MEM | BV_PTR_MAYBE_NULL;
	if (tags & TAG_NONNULL)
		a->type &= ~BV_PTR_MAYBE_NULL;
	a->mem_size = (uint32_t)size;
}

void bvf_func_proto(const struct btf *btf, uint32_t func_id, const struct bvf_func_proto_env *e,
		    struct bv_func_proto *out)
{
	const struct btf_type *fn = btf ? btf__type_by_id(btf, func_id) : NULL;
	const struct btf_type *proto, *t;
	const struct btf_param *params;
	const char *name;
	uint32_t nargs;

	memset(out, 0, sizeof(*out));
	if (!fn || !btf_is_func(fn)) {
		snprintf(out->err, sizeof(out->err), "Global functions need valid BTF");
		return;
	}
	name = btf__name_by_offset(btf, fn->name_off);
	if (!name)
		name = "";
	proto = btf__type_by_id(btf, fn->type);
	if (!proto || !btf_is_func_proto(proto)) {
		snprintf(out->err, sizeof(out->err), "Invalid type of function %s()", name);
		return;
	}
	nargs = btf_vlen(proto);
	if (nargs > MAX_ARGS) {
		snprintf(out->err, sizeof(out->err),
			 "Global function %s() with %u > %d args. Buggy compiler.", name, nargs,
			 MAX_ARGS);
		return;
	}
	t = proto->type ? obj_btf_skip_mods(btf, proto->type, NULL) : NULL;
	if (!is_scalar_type(t)) {
		snprintf(out->err, sizeof(out->err),
			 "Global function %s() doesn't return scalar. Only those are supported.",
			 name);
		return;
	}
	params = btf_params(proto);
	for (uint32_t i = 0; i < nargs; i++) {
		uint32_t tags = 0;

		if (e->arg_tags && arg_tags(btf, func_id, i, &tags, out))
			return;
		t = obj_btf_skip_mods(btf, params[i].type, NULL);
		if (t && btf_is_ptr(t)) {
			arg_ptr(btf, e->kernel, name, i, t, tags, e, out);
			if (out->err[0] || out->unsupported[0])
				return;
			continue;
		}
		if (tags) {
			snprintf(out->err, sizeof(out->err),
				 "arg#%u has pointer tag, but is not a pointer type", i);
			return;
		}
		if (is_scalar_type(t)) {
			out->args[i].type = BV_ARG_ANYTHING;
			continue;
		}
		snprintf(out->err, sizeof(out->err), "Arg#%u type %s in %s() is not supported yet.",
			 i, kind_str(t), name);
		return;
	}
	out->nr_args = nargs;
}
