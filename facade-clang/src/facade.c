/* facade.c — bvf_verify(): one program, one target kernel → the core's
 * verdict. Builds the struct bv_facade the core asks (facts about the load
 * and the kernel, ops answered by the knowledge base and the object's
 * maps), gives the core the instructions this kernel would receive (the
 * program's CO-RE relocations resolved against the kernel's BTF, on a
 * private copy) and runs bv_verify().
 *
 * Some loads fail before the verifier runs, and are load errors (verdict
 * BV_LOAD_ERROR, libbpf's message): a program type the kernel's BTF does
 * not list, a CO-RE relocation libbpf refuses. A relocation libbpf
 * poisons is the kernel's rejection, told in libbpf's words.
 *
 * Everything here is per call: the facade lives on the stack of
 * bvf_verify, so any number of verifications may run at once.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bpf/btf.h>
#include <linux/bpf.h>

#include "bpfverify/bvdb.h"
#include "kb_kfuncs.h"
#include "bpfverify/verifier.h"
#include "bvf_internal.h"
#include "core_relo.h"
#include "externs.h"
#include "kb.h"
#include "kb_cgroup.h"
#include "load_refusals.h"
#include "kb_net.h"
#include "ksyms.h"
#include "kb_map_struct.h"
#include "local_types.h"
#include "tracing.h"
#include "func_proto.h"

#define INSN_PROCESSED_LIMIT 1000000  /* BPF_COMPLEXITY_LIMIT_INSNS */
#define STACK_LIMIT 512               /* MAX_BPF_STACK */
#define MAX_SUBPROGS 256              /* BPF_MAX_SUBPROGS */
#define MAX_CALL_FRAMES 8             /* MAX_CALL_FRAMES */

/* What the ops need: the knowledge-base query and the program's maps. */
struct facade_ctx {
	const struct bvf_kernel *k;
	struct bvf_kb_env env;
	struct bvf_kb_helper_facts helpers;
	const struct bv_map_desc *maps;
	uint32_t nr_maps;
	/* BTF-typed contexts and pointers (tracing.c): the kernel's BTF and,
	 * for tracing program types, the attach target */
	struct bvf_tracing *tr;
	bool tr_ctx;               /* the context is tr's (tracing, lsm) */
	const struct bvf_program *prog;
	int64_t percpu_datasec;    /* typed ksyms: DATASEC .data..percpu, -1 unknown yet */
	bool session_retval;       /* a kprobe/uprobe session the kernel knows: R0 in [0, 1] */
	struct bvf_kfuncs *kfuncs; /* the profile's kfunc facts, NULL if none */
	struct btf *vmlinux;       /* the kernel's BTF, for kfunc prototypes */
	bool tr_btf_tried;         /* tr->btf asked for (tr_btf) */
};

/* A global function's argument kinds from its BTF prototype. */
static void op_func_proto(void *ctx, uint32_t insn_off, struct bv_func_proto *out)
{
	struct facade_ctx *c = ctx;
	uint32_t n = 0, btf_id = 0;
	const struct bv_func_desc *fd = bvf_program_funcs(c->prog, &n);
	struct bvf_func_proto_env e = {
		.prog_type = c->env.prog_type,
		.arg_tags = bvf_kernel_features(c->k) & BV_FEAT_BIT(BV_FEAT_GLOBAL_FUNC_ARG_TAGS),
		.kernel = c->k,
	};

	for (uint32_t i = 0; fd && i < n; i++)
		if (fd[i].insn_off == insn_off)
			btf_id = fd[i].btf_id;
	bvf_func_proto(bvf_program_btf(c->prog), btf_id, &e, out);
}

/* Does the kernel's enum bpf_attach_type name this value? (A kernel
 * without the session attach types loads such programs as plain kprobes
 * and checks no return value.) */
static bool kernel_has_attach_type(const struct bvf_kernel *k, const char *name)
{
	const struct bvdb_btf *v = bvf_kernel_view(k, NULL, 0);
	int id = v ? bvf_kernel_enum_id(k, "bpf_attach_type") : -1;
	const struct btf_type *t = id > 0 ? bvdb_btf__type_by_id(v, (uint32_t)id) : NULL;

	if (!t || !btf_is_enum(t))
		return false;
	for (uint16_t i = 0; i < btf_vlen(t); i++) {
		const char *n = bvdb_btf__str(v, btf_enum(t)[i].name_off);

		if (n && strcmp(n, name) == 0)
			return true;
	}
	return false;
}

static int fail(struct bv_result *res, const char *fmt, ...);

static int op_kfunc(void *ctx, int32_t btf_id, int16_t off, struct bv_kfunc_desc *out)
{
	struct facade_ctx *c = ctx;

	if (!c->vmlinux)
		return -ENOENT;
	if (off) {
		memset(out, 0, sizeof(*out));
		snprintf(out->unsupported, sizeof(out->unsupported),
			 "kfuncs of kernel modules (fd_array index %d)", off);
		return 0;
	}
	return bvf_kfunc_describe(c->kfuncs, c->vmlinux, c->env.prog_type, btf_id, out);
}

/* libbpf's resolution of the object's kfunc references against this
 * kernel (libbpf 1.6, bpf_object__resolve_ksym_func_btf_id and
 * relocate_data): a kfunc in vmlinux BTF gets its id; a weak one the
 * kernel lacks stays a call of id 0 (the verifier accepts it only on a path
 * it never reaches) and its address loads as 0. Returns false with res
 * set when this cannot be modelled. */
static bool patch_kfunc_refs(const struct bvf_program *prog, const struct bvf_kernel *k,
			     struct btf *vmlinux, struct bv_insn *insns, uint32_t cnt,
			     struct bv_result *res)
{
	const struct bvf_kfunc_ref *refs;
	const struct bvf_extern_func *ext;
	size_t nr = bvf_program_kfunc_refs(prog, &refs);
	size_t nr_ext = bvf_object_extern_funcs(bvf_program_object(prog), &ext, NULL);

	for (size_t i = 0; i < nr; i++) {
		struct bv_insn *insn = &insns[refs[i].insn];
		const char *name;
		int id;

		if (refs[i].insn >= cnt || refs[i].ext >= nr_ext ||
		    (refs[i].addr && refs[i].insn + 1 >= cnt))
			continue;
		name = ext[refs[i].ext].name;
		id = vmlinux ? btf__find_by_name_kind(vmlinux, name, BTF_KIND_FUNC) : -1;
		if (id <= 0 && bvf_kernel_has_func(k, name) != 0) {
			fail(res, "kfunc '%s' is not in vmlinux BTF: kfuncs of kernel modules are not supported yet",
			     name);
			return false;
		}
		if (refs[i].addr) {
			insn[0].src_reg = id > 0 ? BV_PSEUDO_BTF_ID : 0;
			insn[0].imm = id > 0 ? id : 0;
			insn[1].imm = 0;
		} else {
			insn->imm = id > 0 ? id : 0;
			insn->off = 0;
		}
	}
	return true;
}

/* The kernel's BTF as libbpf parses it, for BTF-typed pointers: asked for
 * on first use, as most programs never hold one (the view serves the
 * rest). Tracing programs have it from bvf_tracing_init. */
static const struct btf *tr_btf(struct facade_ctx *c)
{
	if (!c->tr->btf && !c->tr_btf_tried) {
		c->tr_btf_tried = true;
		c->tr->btf = bvf_kernel_btf(c->k, NULL, 0);
	}
	return c->tr->btf;
}

static int op_helper(void *ctx, int32_t func_id, const struct bv_helper_proto **proto)
{
	struct facade_ctx *c = ctx;
	int ret = bvf_kb_helper(&c->env, func_id, proto);

	if (!ret && *proto && (*proto)->func_id == BPF_FUNC_check_mtu &&
	    !(bvf_kernel_features(c->k) & BV_FEAT_BIT(BV_FEAT_CHECK_MTU_LEN_IN)))
		*proto = bvf_kb_check_mtu_uninit();
	if (!ret && c->tr) {
		/* only helpers with BTF-typed arguments or results read it */
		const struct btf *b = c->tr->btf;

		if (!b && *proto && bvf_kb_proto_btf_names((*proto)->func_id))
			b = tr_btf(c);
		*proto = bvf_tracing_proto(c->tr, b, c->tr->features, *proto);
		if (!*proto)
			return -EOPNOTSUPP;
	} else if (!ret && *proto && (*proto)->func_id == BPF_FUNC_d_path) {
		/* bpf_d_path_allowed: no attach target of a non-tracing
		 * program (syscall) is on the allow-list */
		*proto = bvf_kb_d_path_not_allowed();
	}
	return ret;
}

static bool op_ctx_access(void *ctx, int32_t off, uint32_t size, enum bv_access access,
			  struct bv_ctx_access_info *info)
{
	struct facade_ctx *c = ctx;
	const char *name;

	if (c->tr_ctx)
		return bvf_tracing_ctx_access(c->tr, off, size, access, info);
	if (c->env.prog_type == BV_PROG_TYPE_RAW_TRACEPOINT_WRITABLE) {
		/* raw_tp_writable_prog_is_valid_access: args[0] is the
		 * tracepoint's writable buffer; the rest as raw_tp */
		struct bvf_kb_env raw_tp = c->env;

		if (off == 0) {
			if (size != 8 || access != BV_READ)
				return false;
			info->reg_type = BV_PTR_TO_TP_BUFFER;
			return true;
		}
		raw_tp.prog_type = BV_PROG_TYPE_RAW_TRACEPOINT;
		return bvf_kb_ctx_access(&raw_tp, off, size, access, info);
	}
	if (!bvf_kb_ctx_access(&c->env, off, size, access, info))
		return false;
	/* A context field that is a kernel pointer: its type's id in the
	 * kernel's BTF. */
	if (info && BV_BASE_TYPE(info->reg_type) == BV_PTR_TO_BTF_ID && !info->btf_id &&
	    (name = bvf_kb_cgroup_ctx_btf_struct(c->env.prog_type, off))) {
		int id = bvf_kernel_find(c->k, name, BTF_KIND_STRUCT);

		if (id > 0)
			info->btf_id = (uint32_t)id;
	}
	return true;
}

static int op_btf_struct_access(void *ctx, uint32_t btf_id, int32_t off, uint32_t size,
				enum bv_access access, struct bv_btf_access *out)
{
	struct facade_ctx *c = ctx;

	(void)access;
	if (btf_id & BV_BTF_ID_LOCAL) {
		/* an allocated object: its pointer members read as scalars
		 * (kernel btf_struct_access for MEM_ALLOC) */
		const struct btf *pb = bvf_program_btf(c->prog);
		int err;

		if (!pb)
			return -EACCES;
		err = bvf_btf_struct_access(pb, c->tr->features, !c->tr->sleepable,
					    btf_id & ~BV_BTF_ID_LOCAL, off, size, out);
		if (!err && BV_BASE_TYPE(out->type) == BV_PTR_TO_BTF_ID) {
			out->type = BV_SCALAR;
			out->btf_id = 0;
		}
		return err;
	}
	if (!tr_btf(c))
		return -EACCES;
	/* non-sleepable programs run inside an RCU read-side section */
	return bvf_btf_struct_access(tr_btf(c), c->tr->features, !c->tr->sleepable, btf_id,
				     off, size, out);
}

/* check_ptr_to_map_access: the map type's struct in the kernel's BTF */
static int64_t op_map_btf_id(void *ctx, uint32_t map_type)
{
	struct facade_ctx *c = ctx;
	const char *name = bvf_kb_map_struct_name(map_type);
	int id;

	if (!name || !c->tr || !tr_btf(c))
		return -1;
	id = bvf_kernel_find(c->k, name, BTF_KIND_STRUCT);
	return id > 0 ? id : -1;
}

static const char *op_btf_type_name(void *ctx, uint32_t btf_id)
{
	struct facade_ctx *c = ctx;

	if (btf_id & BV_BTF_ID_LOCAL)
		return bvf_btf_struct_name(bvf_program_btf(c->prog), btf_id & ~BV_BTF_ID_LOCAL);
	return bvf_btf_struct_name(tr_btf(c), btf_id);
}

static bool op_btf_ids_match(void *ctx, uint32_t btf_id, int32_t off, uint32_t want_id,
			     bool strict)
{
	struct facade_ctx *c = ctx;

	/* the program's own types are never a kernel struct */
	if ((btf_id | want_id) & BV_BTF_ID_LOCAL)
		return btf_id == want_id && off == 0;
	return tr_btf(c) && bvf_btf_ids_match(tr_btf(c), btf_id, off, want_id, strict);
}

/* bpf_obj_new's type: a struct of the program's own BTF */
static int op_local_struct(void *ctx, uint32_t local_id, uint32_t *size, char *what,
			   size_t what_size)
{
	struct facade_ctx *c = ctx;
	const struct btf *btf = bvf_program_btf(c->prog);

	if (!btf)
		return -ENODATA;
	return bvf_local_struct(btf, local_id, size, what, what_size);
}

static int op_btf_pointee(void *ctx, uint32_t btf_id, bool var, struct bv_btf_pointee *out)
{
	struct facade_ctx *c = ctx;

	if (c->percpu_datasec < 0)
		c->percpu_datasec = bvf_btf_percpu_datasec(tr_btf(c));
	return bvf_btf_pointee(tr_btf(c), (uint32_t)c->percpu_datasec, btf_id, var, out);
}

static const struct bv_map_desc *op_map(void *ctx, uint32_t index)
{
	struct facade_ctx *c = ctx;

	return index < c->nr_maps ? &c->maps[index] : NULL;
}

static int op_map_helper_compatible(void *ctx, const struct bv_map_desc *map, int32_t func_id)
{
	struct facade_ctx *c = ctx;

	if ((map->type == BV_MAP_TYPE_SOCKMAP || map->type == BV_MAP_TYPE_SOCKHASH) &&
	    (func_id == BPF_FUNC_map_update_elem || func_id == BPF_FUNC_map_delete_elem) &&
	    !bvf_kb_net_may_update_sockmap(&c->env, func_id))
		return -EPERM;
	return bvf_kb_map_helper_compatible(map->type, func_id);
}

static bool op_ptr_struct_access(void *ctx, bv_reg_type type, int32_t off, uint32_t size,
				 enum bv_access access, struct bv_ctx_access_info *info)
{
	(void)ctx;
	return bvf_kb_net_ptr_struct_access(type, off, size, access, info);
}

static void op_return_range(void *ctx, struct bv_retval_range *range)
{
	struct facade_ctx *c = ctx;

	if (c->tr_ctx)
		bvf_tracing_return_range(c->tr, range);
	else
		bvf_kb_return_range(&c->env, range);
	if (c->session_retval) {
		/* check_return_code: a session entry keeps (0) or skips (1)
		 * its return half */
		range->minval = 0;
		range->maxval = 1;
		range->enforce = true;
	}
}

/* Size of struct `name` in kernel k's BTF; 0 when unknown (no name, no
 * BTF, no such struct): the knowledge base's model then applies. */
static uint32_t kernel_struct_size(const struct bvf_kernel *k, const char *name)
{
	const struct bvdb_btf *kbtf = name ? bvf_kernel_view(k, NULL, 0) : NULL;
	int id = kbtf ? bvf_kernel_find(k, name, BTF_KIND_STRUCT) : -1;
	const struct btf_type *t = id > 0 ? bvdb_btf__type_by_id(kbtf, (uint32_t)id) : NULL;

	return t ? t->size : 0;
}

/* A program that cannot be verified: verdict BV_ERROR, no instruction. */
__attribute__((format(printf, 2, 3)))
static int fail(struct bv_result *res, const char *fmt, ...)
{
	va_list ap;

	memset(res, 0, sizeof(*res));
	res->verdict = BV_ERROR;
	res->insn = -1;
	va_start(ap, fmt);
	vsnprintf(res->message, sizeof(res->message), fmt, ap);
	va_end(ap);
	return 0;
}

static const char *type_name(uint32_t prog_type, char *buf, size_t size)
{
	const char *n = bvf_prog_type_name(prog_type);

	if (n)
		return n;
	snprintf(buf, size, "#%u", prog_type);
	return buf;
}

/* A note at instruction insn, cut to the note's size; false when full. */
static bool add_note(struct bv_result *res, int32_t insn, const char *text)
{
	struct bv_note *note;
	size_t len;

	if (res->nr_notes >= BV_NOTES_MAX)
		return false;
	note = &res->notes[res->nr_notes++];
	note->insn = insn;
	len = strnlen(text, sizeof(note->text) - 1);
	memcpy(note->text, text, len);
	note->text[len] = '\0';
	return true;
}

/* libbpf refuses to load the object for a relocation it cannot decide
 * (ambiguous candidates, an instruction that does not fit): a load error
 * with the line libbpf prints, at the relocated instruction, and what we
 * found as a note. */
static void core_refused(const struct bvf_program *prog, const struct bvf_core_outcome *o,
			 const char *detail, struct bv_result *res)
{
	const char *name = bvf_program_name(prog);

	memset(res, 0, sizeof(*res));
	res->verdict = BV_LOAD_ERROR;
	res->insn = (int32_t)o->insn;
	snprintf(res->message, sizeof(res->message), "libbpf: prog '%s': %s", name ? name : "?",
		 o->libbpf_error);
	add_note(res, res->insn, detail);
}

/* libbpf's name of a program type's enumerator: "sched_cls" ->
 * "BPF_PROG_TYPE_SCHED_CLS". */
static void prog_type_enum_name(const char *type, char *buf, size_t size)
{
	size_t n = (size_t)snprintf(buf, size, "BPF_PROG_TYPE_");

	for (; type && *type && n + 1 < size; type++)
		buf[n++] = (char)(*type >= 'a' && *type <= 'z' ? *type - 'a' + 'A' : *type);
	buf[n < size ? n : size - 1] = '\0';
}

/* Does kernel k's BTF list value `val` in enum `enum_name`, among the
 * enumerators starting with `prefix` (so __MAX_BPF_PROG_TYPE and the like
 * are left out)? 1 yes, 0 no, -1 when the BTF has no such enum (a BTF that
 * is not a kernel's: then nothing is assumed). On 0, *last (when given)
 * names the highest enumerator, for messages. */
static int kernel_enum_has(const struct bvf_kernel *k, const struct bvdb_btf *kbtf,
			   const char *enum_name, const char *prefix, uint32_t val,
			   char *last, size_t size)
{
	int id = bvf_kernel_enum_id(k, enum_name);
	const struct btf_type *e = id > 0 ? bvdb_btf__type_by_id(kbtf, (uint32_t)id) : NULL;
	const struct btf_enum *v;
	size_t plen = strlen(prefix);
	int32_t best = -1;

	if (!e)
		return -1;
	v = btf_enum(e);
	/* the value first (one check per program and kernel): names are
	 * compared for the enumerators that have it */
	for (uint16_t i = 0; i < btf_vlen(e); i++) {
		const char *n;

		if ((uint32_t)v[i].val != val)
			continue;
		n = bvdb_btf__str(kbtf, v[i].name_off);
		if (n && strncmp(n, prefix, plen) == 0)
			return 1;
	}
	for (uint16_t i = 0; i < btf_vlen(e) && last; i++) {
		const char *n = bvdb_btf__str(kbtf, v[i].name_off);

		if (!n || strncmp(n, prefix, plen) != 0)
			continue;
		if (v[i].val > best) {
			best = v[i].val;
			snprintf(last, size, "%s (%d)", n, v[i].val);
		}
	}
	return 0;
}

/* libbpf creates every map of the object before loading a program; a map
 * type the kernel does not know (absent from its enum bpf_map_type) makes
 * BPF_MAP_CREATE fail with EINVAL: "map 'm': failed to create: Invalid
 * argument(-22)", for every program of the object. */
static bool map_type_refused(const struct bvf_program *prog, const struct bvf_kernel *k,
			     struct bv_result *res)
{
	uint32_t n;
	const struct bv_map_desc *maps = bvf_program_maps(prog, &n);
	const struct bvdb_btf *kbtf;
	char text[BV_MSG_MAX];

	if (!maps || n == 0 || !(kbtf = bvf_kernel_view(k, NULL, 0)))
		return false;
	for (uint32_t i = 0; i < n; i++) {
		uint32_t j = 0;

		/* a type an earlier map has is known already (the maps of an
		 * object are checked for each of its programs: few types, many maps) */
		while (j < i && maps[j].type != maps[i].type)
			j++;
		if (j < i || kernel_enum_has(k, kbtf, "bpf_map_type", "BPF_MAP_TYPE_", maps[i].type,
					     NULL, 0) != 0)
			continue;
		memset(res, 0, sizeof(*res));
		res->verdict = BV_LOAD_ERROR;
		res->insn = -1;
		snprintf(res->message, sizeof(res->message),
			 "libbpf: map '%s': failed to create: Invalid argument(-22)",
			 maps[i].name ? maps[i].name : "?");
		snprintf(text, sizeof(text),
			 "map '%s' has type %u, which this kernel's enum bpf_map_type does not list: BPF_MAP_CREATE fails before any program loads",
			 maps[i].name ? maps[i].name : "?", maps[i].type);
		add_note(res, -1, text);
		return true;
	}
	return false;
}

/* bpf(BPF_PROG_LOAD) with a program type the kernel does not know fails
 * with EINVAL and an empty log before the verifier runs; libbpf reports
 * "BPF program load failed: Invalid argument". Returns true when that is
 * this program's fate on k (res filled). A profile whose BTF cannot be
 * read cannot say, and is reported as such (res filled, BV_ERROR). */
static bool prog_type_refused(const struct bvf_program *prog, const struct bvf_kernel *k,
			      uint32_t type, struct bv_result *res)
{
	char err[BV_MSG_MAX - 96], last[96] = "", enum_name[64], text[BV_MSG_MAX];
	const char *tname = bvf_prog_type_name(type);
	const struct bvdb_btf *kbtf = bvf_kernel_view(k, err, sizeof(err));

	if (!kbtf) {
		fail(res, "cannot read the kernel profile's BTF: %s", err);
		return true;
	}
	if (!tname || kernel_enum_has(k, kbtf, "bpf_prog_type", "BPF_PROG_TYPE_", type, last,
					   sizeof(last)) != 0)
		return false;
	memset(res, 0, sizeof(*res));
	res->verdict = BV_LOAD_ERROR;
	res->insn = -1;
	snprintf(res->message, sizeof(res->message),
		 "libbpf: prog '%s': BPF program load failed: Invalid argument",
		 bvf_program_name(prog) ? bvf_program_name(prog) : "?");
	prog_type_enum_name(tname, enum_name, sizeof(enum_name));
	snprintf(text, sizeof(text),
		 "section '%s' makes it a %s program, a type this kernel does not have: its enum bpf_prog_type has no %s (%u; the last is %s), so bpf(BPF_PROG_LOAD) fails with EINVAL before the verifier runs",
		 bvf_program_section(prog) ? bvf_program_section(prog) : "?", tname, enum_name,
		 type, last[0] ? last : "none");
	add_note(res, -1, text);
	return true;
}

/* The program's instructions as libbpf would load them into kernel k: a
 * copy with the CO-RE relocations applied (*copy, freed by the caller),
 * and what became of each relocation (*outcomes, n entries). Returns 0
 * with *copy NULL when the program has none; on failure fills res. */
static int apply_core(const struct bvf_program *prog, const struct bvf_kernel *k,
		      const struct bv_insn *insns, uint32_t cnt, struct bv_insn **copy,
		      struct bvf_core_outcome **outcomes, size_t *n, struct bv_result *res)
{
	const struct bvf_core_relo *relos = bvf_program_core_relos(prog, n);
	const char *name = bvf_program_name(prog);
	char err[BV_MSG_MAX - 64];
	struct bvf_core_memo *memo;
	const struct bvdb_btf *kbtf;
	int ret;

	*copy = NULL;
	*outcomes = NULL;
	if (!*n)
		return 0;
	kbtf = bvf_kernel_view(k, err, sizeof(err));
	if (!kbtf)
		return fail(res, "program '%s' has %zu CO-RE relocation%s, which need the kernel's BTF: %s",
			    name, *n, *n == 1 ? "" : "s", err), -ENOENT;
	*copy = malloc((size_t)cnt * sizeof(**copy));
	*outcomes = malloc(*n * sizeof(**outcomes));
	if (!*copy || !*outcomes)
		return fail(res, "program '%s': out of memory", name), -ENOMEM;
	for (size_t i = 0; i < *n; i++)   /* read up to the first refusal */
		bvf_core_outcome_clear(&(*outcomes)[i]);
	memcpy(*copy, insns, (size_t)cnt * sizeof(**copy));
	/* Reasons read "is not found in the kernel's BTF": the kernels an
	 * outcome applies to are named once, by whoever reports it. */
	memo = bvf_program_core_memo_acquire(prog, k, kbtf);
	ret = bvf_core_relocate_view(bvf_program_btf(prog), kbtf, bvf_kernel_names(k), memo,
				     "the kernel's", relos, *n, *copy, cnt, *outcomes,
				     err, sizeof(err));
	bvf_program_core_memo_release(prog, memo);
	if (ret) {
		for (size_t i = 0; i < *n; i++)
			if ((*outcomes)[i].refused)
				return core_refused(prog, &(*outcomes)[i], err, res), ret;
		return fail(res, "program '%s': CO-RE %s (libbpf refuses to load the object)",
			    name, err), ret;
	}
	return 0;
}

/* A rejection at an instruction libbpf poisoned is reported as libbpf
 * reports it: libbpf rewrites the kernel's "invalid func unknown#195896080"
 * into "failed to resolve CO-RE relocation <spec>" (the kernel's oracle
 * records that line). The notes say which relocation failed and why, then
 * what the kernel itself said, before the core's own notes. */
static void note_core_failure(const struct bvf_program *prog, const struct bvf_core_outcome *o,
			      size_t n, const struct bvf_core_relo *relos, struct bv_result *res)
{
	const char *sec = bvf_program_section(prog);

	if (res->verdict != BV_REJECT || res->insn < 0)
		return;
	for (size_t i = 0; i < n; i++) {
		struct bv_note keep[BV_NOTES_MAX];
		uint32_t nr_keep;
		char where[96] = "", text[1024], kernel_msg[BV_MSG_MAX];

		if (!o[i].poisoned || o[i].insn != (uint32_t)res->insn)
			continue;
		nr_keep = res->nr_notes < BV_NOTES_MAX - 2 ? res->nr_notes : BV_NOTES_MAX - 2;
		memcpy(keep, res->notes, nr_keep * sizeof(keep[0]));
		memcpy(kernel_msg, res->message, sizeof(kernel_msg));
		kernel_msg[sizeof(kernel_msg) - 1] = '\0';
		snprintf(res->message, sizeof(res->message), "failed to resolve CO-RE relocation %s",
			 o[i].libbpf_spec);
		res->nr_notes = 0;
		if (relos[i].sec_name && sec && strcmp(relos[i].sec_name, sec) != 0)
			snprintf(where, sizeof(where), " of section '%s'", relos[i].sec_name);
		snprintf(text, sizeof(text),
			 "CO-RE relocation #%u%s: %s %s; libbpf replaced the instruction with a call to invalid helper %d (0x%x)",
			 relos[i].rec_idx, where, o[i].spec, o[i].reason, BVF_CORE_POISON_HELPER,
			 BVF_CORE_POISON_HELPER);
		add_note(res, res->insn, text);
		snprintf(text, sizeof(text), "the kernel rejects that call: %s", kernel_msg);
		add_note(res, res->insn, text);
		for (uint32_t j = 0; j < nr_keep; j++)
			res->notes[res->nr_notes++] = keep[j];
		return;
	}
}

/* A strong extern function (kfunc) of the object that the kernel's BTF
 * (vmlinux and its modules) does not have: libbpf refuses the load with
 * "extern (func ksym) 'x': not found in kernel or module BTFs", naming
 * the first such extern in name order. Only when every extern of the
 * object is a function (variables and .kconfig values are resolved first
 * by rules not modelled yet) and the kernel's modules are known. */
static bool missing_strong_kfunc(const struct bvf_program *prog, const struct bvf_kernel *k,
				 struct bv_result *res)
{
	const struct bvf_extern_func *ext;
	bool other;
	size_t n = bvf_object_extern_funcs(bvf_program_object(prog), &ext, &other);

	if (n == 0 || other)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (ext[i].weak || bvf_kernel_has_func(k, ext[i].name) != 0)
			continue;
		memset(res, 0, sizeof(*res));
		res->verdict = BV_LOAD_ERROR;
		res->insn = -1;
		snprintf(res->message, sizeof(res->message),
			 "libbpf: extern (func ksym) '%s': not found in kernel or module BTFs",
			 ext[i].name);
		return true;
	}
	return false;
}

/* bvf_verify, with the per-kernel extern values and the map copy owned
 * by the caller (freed there, whatever path this takes). */
static int verify_with(const struct bvf_program *prog, const struct bvf_kernel *k,
		       const struct bvf_verify_opts *opts, struct bv_result *res,
		       struct bvf_extern_values *xvp, struct bv_map_desc **maps_copyp)
{
	struct facade_ctx c = { 0 };
	struct bv_facade f = { 0 };
	struct bv_opts core_opts = { 0 };
	struct bv_prog p = { 0 };
	struct bv_insn *relocated = NULL;
	struct bvf_core_outcome *outcomes = NULL;
	size_t nr_core = 0;
	const char *perr;
	char tbuf[32];
	bool unpriv;
	int ret;

	if (!res)
		return -EINVAL;
	if (!prog || !k) {
		fail(res, "no program or no kernel profile");
		return -EINVAL;
	}
	unpriv = opts && opts->sz >= offsetof(struct bvf_verify_opts, unpriv) + sizeof(bool) &&
		 opts->unpriv;

	/* libbpf resolves the object's externs before anything else loads
	 * (kconfig values, kallsyms, then kernel BTF: a strong kfunc the
	 * kernel lacks fails every program's load, then any strong extern
	 * left unresolved). */
	if (!bvf_externs_resolve(prog, k, xvp, res) || missing_strong_kfunc(prog, k, res) ||
	    !bvf_externs_finish(prog, k, xvp, res) || map_type_refused(prog, k, res))
		return 0;
	perr = bvf_program_error(prog);
	if (perr)
		return fail(res, "%s", perr);

	c.k = k;
	c.env.prog_type = bvf_program_prog_type(prog);
	c.env.attach_type = bvf_program_attach_type(prog);
	/* enum bpf_attach_type: BPF_TRACE_KPROBE_SESSION 56, BPF_TRACE_UPROBE_SESSION 57 */
	if (c.env.prog_type == BV_PROG_TYPE_KPROBE &&
	    (c.env.attach_type == 56 || c.env.attach_type == 57))
		c.session_retval = kernel_has_attach_type(k, c.env.attach_type == 56 ?
							      "BPF_TRACE_KPROBE_SESSION" :
							      "BPF_TRACE_UPROBE_SESSION");
	if (prog_type_refused(prog, k, c.env.prog_type, res) ||
	    bvf_load_refused(prog, k, c.env.prog_type, c.env.attach_type, res))
		return 0;
	c.env.bpf_capable = !unpriv;
	c.env.perfmon_capable = !unpriv;
	/* not calloc: its helper-prototype table is ~22 KB, written before
	 * it is read (bvf_tracing_clear) */
	c.tr = malloc(sizeof(*c.tr));
	if (!c.tr)
		return fail(res, "out of memory");
	bvf_tracing_clear(c.tr);
	ret = bvf_tracing_init(c.tr, prog, k, res);
	if (ret < 0) {
		ret = 0;   /* the verdict is in res */
		goto out;
	}
	c.tr_ctx = ret > 0;
	if (!c.tr_ctx) {
		/* BTF pointers from helpers (bpf_get_current_task_btf, socket
		 * casts) exist in every program type */
		c.tr->features = bvf_kernel_features(k);
		c.tr->sleepable = bvf_program_sleepable(prog);
		if (!bvf_kernel_view(k, NULL, 0)) {   /* libbpf's parse: tr_btf() */
			free(c.tr);
			c.tr = NULL;
		}
	}
	ret = 0;
	if (!bvf_kb_prog_type_modelled(c.env.prog_type)) {
		fail(res, "program type %s is not supported yet",
		     type_name(c.env.prog_type, tbuf, sizeof(tbuf)));
		goto out;
	}
	/* bpf(BPF_PROG_LOAD) refuses these before the verifier runs: there is
	 * no verifier message to reproduce, so it is not a rejection. */
	if (!bvf_kb_prog_type_loadable(&c.env)) {
		struct bvf_kb_env bpf_only = c.env;

		bpf_only.bpf_capable = true;
		fail(res, "the kernel does not load %s programs without %s "
			    "(bpf() fails with EPERM before verification)",
			    type_name(c.env.prog_type, tbuf, sizeof(tbuf)),
			    bvf_kb_prog_type_loadable(&bpf_only) ? "CAP_BPF"
								 : "CAP_BPF and CAP_PERFMON");
		goto out;
	}
	{
		char herr[512];

		if (bvf_kernel_helper_facts(k, c.env.prog_type, &c.helpers, herr, sizeof(herr))) {
			fail(res, "kernel profile '%s': %s", bvf_kernel_name(k), herr);
			goto out;
		}
		c.env.helpers = &c.helpers;
	}
	c.maps = bvf_program_maps(prog, &c.nr_maps);
	c.env.ctx_size = kernel_struct_size(k, bvf_kb_net_ctx_struct(c.env.prog_type));
	if (xvp->kconfig) {
		/* The .kconfig map holds this kernel's values. */
		int kmap;
		const struct bvf_extern_var *xs;

		bvf_object_extern_vars(bvf_program_object(prog), &xs, &kmap);
		*maps_copyp = malloc((c.nr_maps + 1) * sizeof(**maps_copyp));
		if (!*maps_copyp)
			return fail(res, "out of memory");
		memcpy(*maps_copyp, c.maps, c.nr_maps * sizeof(**maps_copyp));
		if (kmap >= 0 && (uint32_t)kmap < c.nr_maps)
			(*maps_copyp)[kmap].initial_value = xvp->kconfig;
		c.maps = *maps_copyp;
	}

	f.sz = sizeof(f);
	f.ctx = &c;
	f.kernel_name = bvf_kernel_name(k);
	f.kernel_version = bvf_kernel_version(k);
	f.features = bvf_kernel_features(k);
	f.sleepable = bvf_program_sleepable(prog);
	f.bpf_capable = !unpriv;
	f.perfmon_capable = !unpriv;
	f.allow_ptr_leaks = !unpriv;
	f.prog_type = c.env.prog_type;
	f.expected_attach_type = c.env.attach_type;
	f.gpl_compatible = bvf_license_is_gpl(bvf_program_license(prog));
	f.insn_processed_limit = INSN_PROCESSED_LIMIT;
	f.stack_limit = STACK_LIMIT;
	f.max_subprogs = MAX_SUBPROGS;
	f.max_call_depth = MAX_CALL_FRAMES;
	f.funcs = bvf_program_funcs(prog, &f.nr_funcs);
	f.func_proto = op_func_proto;
	c.prog = prog;
	f.helper = op_helper;
	f.ctx_access = op_ctx_access;
	f.ctx_size = c.tr_ctx ? 8 * 12 /* MAX_BPF_FUNC_ARGS u64 slots */
		     : c.env.ctx_size ? c.env.ctx_size
		     : bvf_kb_ctx_size(c.env.prog_type == BV_PROG_TYPE_RAW_TRACEPOINT_WRITABLE ?
				       BV_PROG_TYPE_RAW_TRACEPOINT : c.env.prog_type);
	f.map = op_map;
	f.nr_maps = c.nr_maps;
	f.map_helper_compatible = op_map_helper_compatible;
	f.return_range = op_return_range;
	f.ptr_struct_access = op_ptr_struct_access;
	if (c.tr) {
		f.btf_struct_access = op_btf_struct_access;
		f.btf_type_name = op_btf_type_name;
		f.btf_ids_match = op_btf_ids_match;
		f.btf_pointee = op_btf_pointee;
		f.map_btf_id = op_map_btf_id;
		f.local_struct = op_local_struct;
		c.percpu_datasec = -1;
	}

	p.insns = bvf_program_insns(prog, &p.insn_cnt);
	p.name = bvf_program_name(prog);
	if (!p.insns || !p.insn_cnt) {
		fail(res, "program '%s' has no instructions", p.name ? p.name : "?");
		goto out;
	}
	if (apply_core(prog, k, p.insns, p.insn_cnt, &relocated, &outcomes, &nr_core, res)) {
		ret = 0;
		goto out;
	}
	if (relocated)
		p.insns = relocated;
	{
		const struct bvf_ksym_ref *refs;
		const struct bvf_kfunc_ref *krefs;
		size_t nr_refs = bvf_program_ksym_refs(prog, &refs);
		size_t nr_krefs = bvf_program_kfunc_refs(prog, &krefs);

		if ((nr_refs || nr_krefs) && !relocated) {
			relocated = malloc((size_t)p.insn_cnt * sizeof(*relocated));
			if (!relocated) {
				ret = fail(res, "out of memory");
				goto out;
			}
			memcpy(relocated, p.insns, (size_t)p.insn_cnt * sizeof(*relocated));
			p.insns = relocated;
		}
		/* ksym addresses: libbpf writes them into the ld_imm64; a
		 * typed ksym it found becomes the kernel BTF's VAR id */
		for (size_t i = 0; i < nr_refs; i++) {
			uint64_t a = xvp->ksym_addr ? xvp->ksym_addr[refs[i].ext] : 0;
			uint32_t var = xvp->ksym_btf_id ? xvp->ksym_btf_id[refs[i].ext] : 0;

			if (refs[i].insn + 1 >= p.insn_cnt)
				continue;
			if (var) {
				relocated[refs[i].insn].src_reg = BV_PSEUDO_BTF_ID;
				relocated[refs[i].insn].imm = (int32_t)var;
				relocated[refs[i].insn + 1].imm = 0;   /* vmlinux */
				continue;
			}
			relocated[refs[i].insn].imm = (int32_t)(uint32_t)a;
			relocated[refs[i].insn + 1].imm = (int32_t)(uint32_t)(a >> 32);
		}
		if (nr_krefs) {
			char kerr[256] = "";

			c.vmlinux = bvf_kernel_btf(k, NULL, 0);
			c.kfuncs = bvf_kfuncs_load(bvf_kernel_dir(k), kerr, sizeof(kerr));
			if (!patch_kfunc_refs(prog, k, c.vmlinux, relocated, p.insn_cnt, res)) {
				ret = 0;
				goto out;
			}
			f.kfunc = op_kfunc;
		}
	}

	{
		/* resolve_pseudo_ldimm64, before the walk: a map named by a raw
		 * number is the loader's fd (0: stdin), not a map. */
		int32_t fd;
		bool idx_form;
		int64_t at = bvf_program_raw_map_fd(prog, &fd, &idx_form);

		if (at >= 0) {
			memset(res, 0, sizeof(*res));
			res->verdict = BV_REJECT;
			/* no instruction line precedes it in the kernel's log */
			res->insn = -1;
			if (idx_form)
				snprintf(res->message, sizeof(res->message),
					 "fd_idx without fd_array is invalid");
			else
				snprintf(res->message, sizeof(res->message),
					 "fd %d is not pointing to valid bpf_map", fd);
			add_note(res, (int32_t)at,
				 "this ld_imm64 names a map by a number that no relocation set: libbpf passes it through, and the kernel takes it as a file descriptor of the loader");
			ret = 0;
			goto out;
		}
	}
	core_opts.sz = sizeof(core_opts);
	if (opts && opts->sz >= offsetof(struct bvf_verify_opts, log_ctx) + sizeof(void *)) {
		core_opts.log_level = opts->log_level;
		core_opts.log_cb = opts->log_cb;
		core_opts.log_ctx = opts->log_ctx;
	}
	if (opts && opts->sz >= offsetof(struct bvf_verify_opts, nr_cpu_ids) + sizeof(uint32_t))
		f.nr_cpu_ids = opts->nr_cpu_ids;
	ret = bv_verify(&p, &f, &core_opts, res);
	if (outcomes)
		note_core_failure(prog, outcomes, nr_core, bvf_program_core_relos(prog, NULL), res);
out:
	free(relocated);
	free(outcomes);
	free(c.tr);
	bvf_kfuncs_free(c.kfuncs);
	return ret;
}

int bvf_verify(const struct bvf_program *prog, const struct bvf_kernel *k,
	       const struct bvf_verify_opts *opts, struct bv_result *res)
{
	struct bvf_extern_values xv = { 0 };
	struct bv_map_desc *maps_copy = NULL;
	int ret = verify_with(prog, k, opts, res, &xv, &maps_copy);

	free(maps_copy);
	bvf_externs_free(&xv);
	return ret;
}
