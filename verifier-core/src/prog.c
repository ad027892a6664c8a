/* prog.c — the static passes over a program before the path walk, in the
 * order Linux 6.18's bpf_check() runs them:
 *
 *   func info sanity (check_btf_info_early)
 *   subprogram discovery (add_subprog_and_kfunc)
 *   jumps stay inside their subprogram (check_subprogs)
 *   func info matches the subprograms (check_btf_info)
 *   instruction validity, ld_imm64 and maps (resolve_pseudo_ldimm64)
 *   ---- bv_check_insns() above, bv_check_cfg() below ----
 *   depth-first walk of the CFG (check_cfg): loops, unreachable code,
 *   and the prune/jump points the path walk keeps states at.
 *
 * It also owns the per-instruction encoding checks the kernel makes while
 * walking paths (bv_check_insn_encoding), and the opcode table.
 * Messages, their order and errnos are the kernel's, observed on 6.18.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "prog.h"

#ifndef ENOTSUPP
#define ENOTSUPP 524   /* kernel-internal errno, returned for some map checks */
#endif

/* Program length limits of bpf(BPF_PROG_LOAD) (kernel: BPF_MAXINSNS for
 * unprivileged loads, BPF_COMPLEXITY_LIMIT_INSNS with CAP_BPF). */
#define BV_MAX_INSNS_UNPRIV  4096u
#define BV_MAX_INSNS_CAPABLE 1000000u

/* ld_imm64 map-value offsets must stay below this (kernel: BPF_MAX_VAR_OFF). */
#define BV_MAX_VAR_OFF (1u << 29)

/* Helper ids (UAPI) whose calls the CFG pass treats specially because they
 * call back into the program: the kernel keeps states at these calls. */
#define BV_FUNC_for_each_map_elem   164
#define BV_FUNC_timer_set_callback  170
#define BV_FUNC_find_vma            180
#define BV_FUNC_loop                181
#define BV_FUNC_user_ringbuf_drain  209
#define BV_FUNC_tail_call           12

int bv_prog_info_init(struct bv_prog_info *info, const struct bv_insn *insns,
		      uint32_t insn_cnt)
{
	memset(info, 0, sizeof(*info));
	info->insns = insns;
	info->insn_cnt = insn_cnt;
	/* One spare entry so that an empty program still owns a table. */
	info->insn_flags = calloc((size_t)insn_cnt + 1, 1);
	return info->insn_flags ? 0 : -ENOMEM;
}

void bv_prog_info_free(struct bv_prog_info *info)
{
	free(info->insn_flags);
	info->insn_flags = NULL;
}

/* ---- the opcode table ----
 * The kernel accepts exactly these opcodes (checked against every one of
 * the 256 codes on 6.18). Written as rules per class rather than a table so
 * that each exception is visible. A kernel without the cpu v4 instructions
 * has no ldsx and no 64-bit bswap (gotol, JMP32|JA, reached 6.1 as a stable
 * backport: every profile knows it); one without may_goto no JCOND. */
bool bv_opcode_known(uint8_t code, const struct bv_facade *f)
{
	uint8_t op = BV_OP(code), src = BV_SRC(code);
	uint8_t size = BV_SIZE(code), mode = BV_MODE(code);
	bool v4 = bv_kernel_has(f, BV_FEAT_CPUV4_INSNS);

	switch (BV_CLASS(code)) {
	case BV_LD:
		if (code == (BV_LD | BV_IMM | BV_DW))
			return true;
		/* legacy packet loads: no 64-bit variant */
		return (mode == BV_ABS || mode == BV_IND) && size != BV_DW;
	case BV_LDX:
		return mode == BV_MEM || (v4 && mode == BV_MEMSX && size != BV_DW);
	case BV_ST:
		return mode == BV_MEM;
	case BV_STX:
		return mode == BV_MEM || mode == BV_ATOMIC;
	case BV_ALU:
	case BV_ALU64:
		if (op == BV_NEG)
			return src == BV_K;
		if (op == BV_END)   /* ALU64 has only the unconditional bswap */
			return BV_CLASS(code) == BV_ALU || (v4 && src == BV_TO_LE);
		return op <= BV_ARSH;
	case BV_JMP:
	case BV_JMP32:
		if (op == BV_JA)
			return src == BV_K;   /* gotol: backported to 6.1 too */
		if (op == BV_JCOND)
			return BV_CLASS(code) == BV_JMP && src == BV_K &&
			       bv_kernel_has(f, BV_FEAT_MAY_GOTO);
		if (op == BV_CALL || op == BV_EXIT)
			return BV_CLASS(code) == BV_JMP && src == BV_K;
		return op != 0xf0;
	}
	return false;
}

/* ---- subprograms ---- */

int bv_subprog_of(const struct bv_prog_info *info, uint32_t insn)
{
	uint32_t lo = 0, hi = info->nr_subprogs;

	if (insn >= info->insn_cnt || !info->nr_subprogs)
		return -1;
	/* last subprogram whose start is <= insn */
	while (hi - lo > 1) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (info->subprogs[mid].start <= insn)
			lo = mid;
		else
			hi = mid;
	}
	return info->subprogs[lo].start <= insn ? (int)lo : -1;
}

int bv_subprog_at(const struct bv_prog_info *info, uint32_t insn)
{
	int i = bv_subprog_of(info, insn);

	return i >= 0 && info->subprogs[i].start == insn ? i : -1;
}

/* Records a subprogram starting at off (kept sorted by start); returns its
 * index or a negative errno. */
static int add_subprog(struct bv_prog_info *info, const struct bv_facade *f,
		       struct bv_log *log, int64_t off, uint32_t insn)
{
	uint32_t max = f->max_subprogs ? f->max_subprogs : BV_MAX_SUBPROGS;
	uint32_t i;

	if (max > BV_MAX_SUBPROGS)
		max = BV_MAX_SUBPROGS;
	if (off < 0 || off >= info->insn_cnt)
		return bv_reject(log, insn, -EINVAL, "call to invalid destination");
	for (i = 0; i < info->nr_subprogs; i++)
		if (info->subprogs[i].start == off)
			return (int)i;
	if (info->nr_subprogs >= max)
		return bv_reject(log, insn, -E2BIG, "too many subprograms");
	/* insertion into the sorted array */
	for (i = info->nr_subprogs; i > 0 && info->subprogs[i - 1].start > off; i--)
		info->subprogs[i] = info->subprogs[i - 1];
	memset(&info->subprogs[i], 0, sizeof(info->subprogs[i]));
	info->subprogs[i].start = (uint32_t)off;
	info->nr_subprogs++;
	return (int)i;
}

/* Kernel: add_subprog_and_kfunc. The main program, then every target of a
 * pseudo call or of a callback address (ld_imm64 BPF_PSEUDO_FUNC). */
static int discover_subprogs(struct bv_prog_info *info, const struct bv_facade *f,
			     struct bv_log *log)
{
	uint32_t i;
	int err;

	err = add_subprog(info, f, log, 0, 0);
	if (err < 0)
		return err;
	for (i = 0; i < info->insn_cnt; i++) {
		const struct bv_insn *insn = &info->insns[i];

		if (!bv_insn_is_pseudo_func(insn) && !bv_insn_is_pseudo_call(insn) &&
		    !bv_insn_is_kfunc_call(insn))
			continue;
		if (!f->bpf_capable)
			return bv_reject(log, i, -EPERM,
					 "loading/calling other bpf or kernel functions are allowed for CAP_BPF and CAP_SYS_ADMIN");
		if (bv_insn_is_kfunc_call(insn)) {
			if (!f->gpl_compatible)
				return bv_reject(log, i, -EINVAL,
						 "cannot call kernel function from non-GPL compatible program");
			/* btf_id 0 is invalid, but the kernel only complains if
			 * the walk reaches it (dead calls may stay) */
			/* the call itself is kfunc.c's */
			continue;
		}
		err = add_subprog(info, f, log, (int64_t)i + insn->imm + 1, i);
		if (err < 0)
			return err;
	}
	/* Sentinel: the kernel's fake 'exit' subprogram one past the end. */
	info->subprogs[info->nr_subprogs].start = info->insn_cnt;
	for (i = 0; i < info->nr_subprogs; i++) {
		info->subprogs[i].end = info->subprogs[i + 1].start;
		info->insn_flags[info->subprogs[i].start] |= BV_INSN_CALL_TARGET;
	}
	return 0;
}

/* Kernel: check_subprogs. Jumps stay inside their subprogram and no
 * subprogram falls through into the next one. */
static int check_subprogs(struct bv_prog_info *info, struct bv_log *log)
{
	uint32_t cur = 0, i;

	for (i = 0; i < info->insn_cnt; i++) {
		const struct bv_insn *insn = &info->insns[i];
		struct bv_subprog *sp = &info->subprogs[cur];
		uint8_t code = insn->code, cls = BV_CLASS(code), op = BV_OP(code);

		if (code == (BV_JMP | BV_CALL) && insn->src_reg == 0 &&
		    insn->imm == BV_FUNC_tail_call)
			sp->has_tail_call = true;
		if (cls == BV_LD && (BV_MODE(code) == BV_ABS || BV_MODE(code) == BV_IND))
			sp->has_ld_abs = true;
		if ((cls == BV_JMP || cls == BV_JMP32) && op != BV_EXIT && op != BV_CALL) {
			int64_t to = bv_insn_jmp_target(insn, i);

			if (to < sp->start || to >= sp->end)
				return bv_reject(log, i, -EINVAL,
						 "jump out of range from insn %u to %lld",
						 i, (long long)to);
		}
		if (i == sp->end - 1) {
			if (code != (BV_JMP | BV_EXIT) && code != (BV_JMP32 | BV_JA) &&
			    code != (BV_JMP | BV_JA))
				return bv_reject(log, i, -EINVAL,
						 "last insn is not an exit or jmp");
			cur++;
		}
	}
	return 0;
}

/* Kernel: check_btf_func_early. The messages really have no newline. */
static int check_func_info_early(const struct bv_facade *f, struct bv_log *log)
{
	uint32_t i;

	for (i = 0; f->funcs && i < f->nr_funcs; i++) {
		if (i == 0 && f->funcs[0].insn_off)
			return bv_reject(log, -1, -EINVAL,
					 "nonzero insn_off %u for the first func info record",
					 f->funcs[0].insn_off);
		if (i > 0 && f->funcs[i].insn_off <= f->funcs[i - 1].insn_off)
			return bv_reject(log, -1, -EINVAL,
					 "same or smaller insn offset (%u) than previous func info record (%u)",
					 f->funcs[i].insn_off, f->funcs[i - 1].insn_off);
	}
	return 0;
}

/* Kernel: check_btf_func (and check_abnormal_return without func info). */
static int check_func_info(struct bv_prog_info *info, const struct bv_facade *f,
			   struct bv_log *log)
{
	uint32_t i;

	if (!f->funcs || !f->nr_funcs) {
		for (i = 1; i < info->nr_subprogs; i++) {
			if (info->subprogs[i].has_ld_abs)
				return bv_reject(log, info->subprogs[i].start, -EINVAL,
						 "LD_ABS is not allowed in subprogs without BTF");
			if (info->subprogs[i].has_tail_call)
				return bv_reject(log, info->subprogs[i].start, -EINVAL,
						 "tail_call is not allowed in subprogs without BTF");
		}
		return 0;
	}
	if (f->nr_funcs != info->nr_subprogs)
		return bv_reject(log, -1, -EINVAL,
				 "number of funcs in func_info doesn't match number of subprogs");
	for (i = 0; i < f->nr_funcs; i++) {
		if (f->funcs[i].insn_off != info->subprogs[i].start)
			return bv_reject(log, info->subprogs[i].start, -EINVAL,
					 "func_info BTF section doesn't match subprog layout in BPF program");
		info->subprogs[i].name = f->funcs[i].name;
		info->subprogs[i].global = f->funcs[i].global;
		info->subprogs[i].btf_id = f->funcs[i].btf_id;
	}
	/* Not modelled: the kernel also rejects LD_ABS and tail calls in
	 * subprograms whose BTF return type is not a scalar. */
	return 0;
}

/* The distinct maps a program uses, in order of first use (kernel:
 * env->used_maps, at most MAX_USED_MAPS). */
#define BV_MAX_USED_MAPS 64

struct used_maps {
	const struct bv_map_desc *map[BV_MAX_USED_MAPS];
	uint32_t index[BV_MAX_USED_MAPS];   /* the facade's map index: identity */
	uint32_t cnt;
};

static bool is_tracing_prog_type(uint32_t type)
{
	return type == BV_PROG_TYPE_KPROBE || type == BV_PROG_TYPE_TRACEPOINT ||
	       type == BV_PROG_TYPE_PERF_EVENT || type == BV_PROG_TYPE_RAW_TRACEPOINT ||
	       type == BV_PROG_TYPE_RAW_TRACEPOINT_WRITABLE;
}

/* Kernel: check_map_prog_compatibility, made once per distinct map. The
 * checks of map kinds our map description does not carry (bpf_list_head,
 * bpf_rb_root, offload, exclusive maps) and of sleepable programs are not
 * made. */
/* check_map_prog_compatibility runs before the walk: no instruction line
 * precedes its message in the kernel's log, so the rejection has no insn;
 * a note points at the ld_imm64 that names the map. */
static int map_compat_reject(struct bv_log *log, uint32_t i, const struct bv_map_desc *map,
			     int err, const char *msg)
{
	bv_reject(log, -1, err, "%s", msg);
	bv_note(log, (int32_t)i, "map '%s' is used here", map->name ? map->name : "");
	return err;
}

static int check_map_compat(const struct used_maps *used, const struct bv_map_desc *map,
			    const struct bv_facade *f, struct bv_log *log, uint32_t i)
{
	uint32_t k;

	if (map->spin_lock_off >= 0) {
		if (f->prog_type == BV_PROG_TYPE_SOCKET_FILTER)
			return map_compat_reject(log, i, map, -EINVAL,
						 "socket filter progs cannot use bpf_spin_lock yet");
		if (is_tracing_prog_type(f->prog_type))
			return map_compat_reject(log, i, map, -EINVAL,
						 "tracing progs cannot use bpf_spin_lock yet");
	}
	if (map->timer_off >= 0 && is_tracing_prog_type(f->prog_type))
		return map_compat_reject(log, i, map, -EINVAL,
					 "tracing progs cannot use bpf_timer yet");
	if (map->type == BV_MAP_TYPE_STRUCT_OPS)
		return map_compat_reject(log, i, map, -EINVAL,
					 "bpf_struct_ops map cannot be used in prog");
	if (map->type == BV_MAP_TYPE_CGROUP_STORAGE ||
	    map->type == BV_MAP_TYPE_PERCPU_CGROUP_STORAGE)
		for (k = 0; k < used->cnt; k++)
			if (used->map[k]->type == map->type)
				return map_compat_reject(log, i, map, -EBUSY,
							 "only one cgroup storage of each type is allowed");
	if (map->type == BV_MAP_TYPE_ARENA)
		return bv_unsupported(log, i, "arena maps");
	return 0;
}

/* Kernel: the map part of resolve_pseudo_ldimm64 for one ld_imm64 at i. */
static int check_ldimm64_map(const struct bv_insn *insn, const struct bv_facade *f,
			     struct bv_log *log, uint32_t i, struct used_maps *used)
{
	const struct bv_map_desc *map;
	uint32_t off, k;
	int err;

	switch (insn[0].src_reg) {
	case BV_PSEUDO_MAP_VALUE:
	case BV_PSEUDO_MAP_IDX_VALUE:
		break;
	case BV_PSEUDO_MAP_FD:
	case BV_PSEUDO_MAP_IDX:
		if (insn[1].imm == 0)
			break;
		/* fall through */
	default:
		return bv_reject(log, i, -EINVAL, "unrecognized bpf_ld_imm64 insn");
	}
	/* Our facade hands map indexes in imm for both the fd and the fd_array
	 * index forms, so there is no "fd_idx without fd_array" case. */
	if (!f->map)
		return bv_unsupported(log, i, "the facade describes no maps");
	map = f->map(f->ctx, (uint32_t)insn[0].imm);
	if (!map)
		return bv_reject(log, i, -EBADF, "fd %d is not pointing to valid bpf_map",
				 insn[0].imm);
	for (k = 0; k < used->cnt && used->index[k] != (uint32_t)insn[0].imm; k++)
		;
	if (k == used->cnt) {   /* first use of this map */
		if (used->cnt >= BV_MAX_USED_MAPS)
			return bv_reject(log, i, -E2BIG,
					 "The total number of maps per program has reached the limit of %u",
					 BV_MAX_USED_MAPS);
		err = check_map_compat(used, map, f, log, i);
		if (err)
			return err;
		used->index[used->cnt] = (uint32_t)insn[0].imm;
		used->map[used->cnt++] = map;
	}
	if (insn[0].src_reg == BV_PSEUDO_MAP_FD || insn[0].src_reg == BV_PSEUDO_MAP_IDX)
		return 0;
	off = (uint32_t)insn[1].imm;
	if (off >= BV_MAX_VAR_OFF)
		return bv_reject(log, i, -EINVAL, "direct value offset of %u is not allowed", off);
	/* Only array maps give direct value addresses, and only single-element
	 * ones (global data sections). */
	if (map->type != BV_MAP_TYPE_ARRAY)
		return bv_reject(log, i, -EINVAL,
				 "no direct value access support for this map type");
	if (map->max_entries != 1 || off >= map->value_size)
		return bv_reject(log, i, map->max_entries != 1 ? -ENOTSUPP : -EINVAL,
				 "invalid access to map value pointer, value_size=%u off=%u",
				 map->value_size, off);
	return 0;
}

/* Kernel: resolve_pseudo_ldimm64, one pass in instruction order. */
static int resolve_insns(struct bv_prog_info *info, const struct bv_facade *f,
			 struct bv_log *log)
{
	const struct bv_insn *insns = info->insns;
	uint32_t i, cnt = info->insn_cnt;
	struct used_maps used;
	int err;

	used.cnt = 0;

	for (i = 0; i < cnt; i++) {
		const struct bv_insn *insn = &insns[i];

		/* The kernel checks these before its walk: its log names no
		 * instruction, a note does. */
		if (BV_CLASS(insn->code) == BV_LDX &&
		    ((BV_MODE(insn->code) != BV_MEM &&
		      (BV_MODE(insn->code) != BV_MEMSX ||
		       !bv_kernel_has(f, BV_FEAT_CPUV4_INSNS))) ||
		     insn->imm != 0)) {
			bv_reject(log, -1, -EINVAL, "BPF_LDX uses reserved fields");
			bv_note(log, i, "insn %u: an LDX with mode 0x%02x or imm %d",
				i, BV_MODE(insn->code), insn->imm);
			return -EINVAL;
		}
		if (bv_insn_is_ldimm64(insn)) {
			if (i == cnt - 1 || insn[1].code != 0 || insn[1].dst_reg != 0 ||
			    insn[1].src_reg != 0 || insn[1].off != 0)
				return bv_reject(log, i, -EINVAL, "invalid bpf_ld_imm64 insn");
			info->insn_flags[i + 1] |= BV_INSN_LDIMM64_HI;
			if (insn->src_reg == BV_PSEUDO_BTF_ID) {
				/* a kfunc's address (bpf_ksym_exists), else a typed ksym */
				if (!bv_kfunc_addr_ok(f, insn)) {
					err = bv_check_pseudo_btf_id(f, log, i, insn);
					if (err)
						return err;
				}
				i++;
				continue;
			}
			/* a subprogram's address: checked during the walk */
			if (insn->src_reg != 0 && insn->src_reg != BV_PSEUDO_FUNC) {
				err = check_ldimm64_map(insn, f, log, i, &used);
				if (err)
					return err;
			}
			i++;
			continue;
		}
		if (!bv_opcode_known(insn->code, f)) {
			bv_reject(log, -1, -EINVAL, "unknown opcode %02x", insn->code);
			bv_note(log, i, "insn %u has opcode 0x%02x", i, insn->code);
			return -EINVAL;
		}
	}
	return 0;
}

int bv_check_insns(struct bv_prog_info *info, const struct bv_facade *facade,
		   struct bv_log *log)
{
	uint32_t max = facade->bpf_capable ? BV_MAX_INSNS_CAPABLE : BV_MAX_INSNS_UNPRIV;
	int err;

	/* bpf(BPF_PROG_LOAD) refuses these sizes with E2BIG before the
	 * verifier runs, so the kernel has no message for them: ours is
	 * bpfverify's own wording. */
	if (info->insn_cnt == 0 || info->insn_cnt > max)
		return bv_reject(log, -1, -E2BIG,
				 "program of %u instructions: the kernel accepts 1 to %u (E2BIG, no verifier log)",
				 info->insn_cnt, max);
	err = check_func_info_early(facade, log);
	if (!err)
		err = discover_subprogs(info, facade, log);
	if (!err)
		err = check_subprogs(info, log);
	if (!err)
		err = check_func_info(info, facade, log);
	if (!err)
		err = resolve_insns(info, facade, log);
	return err;
}

/* ---- the CFG walk (kernel: check_cfg, visit_insn, push_insn) ----
 * An iterative depth-first search from insn 0. Each instruction's state
 * says how far it is explored: discovered, with its fall-through edge
 * and/or its branch edge already followed, or fully explored. Meeting a
 * discovered (on-stack) instruction again is a back-edge, i.e. a loop. */

enum {
	CFG_FALLTHROUGH = 1,
	CFG_BRANCH = 2,
	CFG_DISCOVERED = 0x10,
	CFG_EXPLORED = 0x20,
	CFG_DONE = 0,       /* visit result: instruction fully explored */
	CFG_KEEP = 1,       /* visit result: a successor was pushed */
};

struct cfg_walk {
	struct bv_prog_info *info;
	const struct bv_facade *f;
	struct bv_log *log;
	uint8_t *state;
	uint32_t *stack;
	uint32_t depth;
};

static void mark(struct cfg_walk *c, int64_t insn, uint8_t flags)
{
	if (insn >= 0 && insn < c->info->insn_cnt)
		c->info->insn_flags[insn] |= flags;
}

/* Follows edge e from t to w; a back edge is a loop when loop_ok. */
static int cfg_push_ex(struct cfg_walk *c, uint32_t t, int64_t w, int e, bool loop_ok)
{
	uint8_t *state = c->state;

	if (state[t] >= (CFG_DISCOVERED | e))
		return CFG_DONE;   /* this edge was already followed */
	if (w < 0 || w >= c->info->insn_cnt)
		return bv_reject(c->log, t, -EINVAL, "jump out of range from insn %u to %lld",
				 t, (long long)w);
	if (e == CFG_BRANCH)
		mark(c, w, BV_INSN_PRUNE_POINT | BV_INSN_JMP_POINT);
	if (state[w] == 0) {
		state[t] = (uint8_t)(CFG_DISCOVERED | e);
		state[w] = CFG_DISCOVERED;
		if (c->depth >= c->info->insn_cnt)
			return -E2BIG;
		c->stack[c->depth++] = (uint32_t)w;
		return CFG_KEEP;
	}
	if ((state[w] & 0xf0) == CFG_DISCOVERED) {
		if (loop_ok && c->f->bpf_capable) {
			/* a loop, allowed: the path walk bounds it */
			mark(c, w, BV_INSN_LOOP_HEAD);
			return CFG_DONE;
		}
		/* before the walk: the kernel's log names no instruction */
		bv_reject(c->log, -1, -EINVAL, "back-edge from insn %u to %lld",
			  t, (long long)w);
		bv_note(c->log, t, "insn %u jumps back to insn %lld", t, (long long)w);
		return -EINVAL;
	}
	/* forward or cross edge to an explored instruction */
	state[t] = (uint8_t)(CFG_DISCOVERED | e);
	return CFG_DONE;
}

static int cfg_push(struct cfg_walk *c, uint32_t t, int64_t w, int e)
{
	return cfg_push_ex(c, t, w, e, true);
}

/* A call (or a callback address): the next instruction is where the
 * callee returns to, so states are kept there; the callee's entry is a
 * branch edge when it is ours to walk. */
static int cfg_visit_call(struct cfg_walk *c, uint32_t t, bool visit_callee)
{
	const struct bv_insn *insn = &c->info->insns[t];
	uint32_t next = t + (bv_insn_is_ldimm64(insn) ? 2 : 1);
	int ret;

	ret = cfg_push(c, t, next, CFG_FALLTHROUGH);
	if (ret)
		return ret;
	mark(c, next, BV_INSN_PRUNE_POINT | BV_INSN_JMP_POINT);
	if (!visit_callee)
		return CFG_DONE;
	mark(c, t, BV_INSN_PRUNE_POINT);
	/* a call back into a caller (recursion) is a loop only where the
	 * walk's call depth limit is what stops it */
	return cfg_push_ex(c, t, (int64_t)t + insn->imm + 1, CFG_BRANCH,
			   bv_kernel_has(c->f, BV_FEAT_CFG_CALL_LOOPS));
}

static int cfg_visit(struct cfg_walk *c, uint32_t t)
{
	const struct bv_insn *insn = &c->info->insns[t];
	uint8_t cls = BV_CLASS(insn->code);
	int64_t to;
	int ret;

	if (bv_insn_is_pseudo_func(insn))
		return cfg_visit_call(c, t, true);
	if (cls != BV_JMP && cls != BV_JMP32)
		return cfg_push(c, t, t + (bv_insn_is_ldimm64(insn) ? 2 : 1), CFG_FALLTHROUGH);

	switch (BV_OP(insn->code)) {
	case BV_EXIT:
		return CFG_DONE;
	case BV_CALL:
		if (bv_insn_is_helper_call(insn)) {
			int32_t id = insn->imm;

			/* async callback: states kept before the call itself */
			if (id == BV_FUNC_timer_set_callback)
				mark(c, t, BV_INSN_PRUNE_POINT);
			/* sync callbacks run an unknown number of times: the
			 * call is a loop head the walk must checkpoint, on a
			 * kernel that iterates them (one that walks a callback
			 * once keeps no state at the call) */
			if (id == BV_FUNC_for_each_map_elem || id == BV_FUNC_find_vma ||
			    id == BV_FUNC_loop || id == BV_FUNC_user_ringbuf_drain) {
				mark(c, t, BV_INSN_CALLS_CALLBACK);
				if (bv_kernel_has(c->f, BV_FEAT_CALLBACK_ITERATE))
					mark(c, t, BV_INSN_FORCE_CHECKPOINT |
						   BV_INSN_PRUNE_POINT | BV_INSN_JMP_POINT);
			}
		}
		/* iter.c: an iterator's next is a loop head the walk must
		 * checkpoint (kernel: mark_force_checkpoint) */
		if (insn->src_reg == BV_PSEUDO_KFUNC_CALL && bv_kfunc_is_iter_next(c->f, insn))
			mark(c, t, BV_INSN_PRUNE_POINT | BV_INSN_FORCE_CHECKPOINT |
				   BV_INSN_ITER_NEXT);
		return cfg_visit_call(c, t, insn->src_reg == BV_PSEUDO_CALL);
	case BV_JA:
		to = bv_insn_jmp_target(insn, t);
		ret = cfg_push(c, t, to, CFG_FALLTHROUGH);
		if (ret)
			return ret;
		mark(c, to, BV_INSN_PRUNE_POINT | BV_INSN_JMP_POINT);
		return CFG_DONE;
	default:
		mark(c, t, BV_INSN_PRUNE_POINT);
		if (bv_insn_is_may_goto(insn))
			mark(c, t, BV_INSN_FORCE_CHECKPOINT);
		ret = cfg_push(c, t, (int64_t)t + 1, CFG_FALLTHROUGH);
		if (ret)
			return ret;
		return cfg_push(c, t, (int64_t)t + insn->off + 1, CFG_BRANCH);
	}
}

int bv_check_cfg(struct bv_prog_info *info, const struct bv_facade *facade,
		 struct bv_log *log)
{
	struct cfg_walk c = { .info = info, .f = facade, .log = log };
	uint32_t i, cnt = info->insn_cnt;
	int ret = 0;

	if (!cnt)
		return 0;
	c.state = calloc(cnt, 1);
	c.stack = calloc(cnt, sizeof(*c.stack));
	if (!c.state || !c.stack) {
		ret = -ENOMEM;
		goto out;
	}
	c.state[0] = CFG_DISCOVERED;
	c.stack[0] = 0;
	c.depth = 1;
	while (c.depth > 0) {
		uint32_t t = c.stack[c.depth - 1];

		ret = cfg_visit(&c, t);
		if (ret < 0)
			goto out;
		if (ret == CFG_DONE) {
			c.state[t] = CFG_EXPLORED;
			c.depth--;
		}
	}
	ret = 0;
	for (i = 0; i < cnt; i++) {
		if (c.state[i] != CFG_EXPLORED) {
			ret = bv_reject(log, i, -EINVAL, "unreachable insn %u", i);
			goto out;
		}
		if (bv_insn_is_ldimm64(&info->insns[i]) && i + 1 < cnt) {
			if (c.state[i + 1] != 0) {
				ret = bv_reject(log, i, -EINVAL,
						"jump into the middle of ldimm64 insn %u", i);
				goto out;
			}
			i++;
		}
	}
out:
	free(c.state);
	free(c.stack);
	return ret;
}

/* ---- per-instruction encoding checks of the path walk ---- */

static int check_alu_encoding(struct bv_log *log, const struct bv_facade *f,
			      const struct bv_insn *insn, uint32_t idx, bool early, bool late)
{
	bool v4 = bv_kernel_has(f, BV_FEAT_CPUV4_INSNS);
	uint8_t op = BV_OP(insn->code), cls = BV_CLASS(insn->code);
	bool is_x = BV_SRC(insn->code) == BV_X;
	int16_t off = insn->off;

	if (op == BV_NEG) {
		if (early && (is_x || insn->src_reg || off || insn->imm))
			return bv_reject(log, idx, -EINVAL, "BPF_NEG uses reserved fields");
		return 0;
	}
	if (op == BV_END) {
		if (early && (insn->src_reg || off ||
			      (insn->imm != 16 && insn->imm != 32 && insn->imm != 64) ||
			      (cls == BV_ALU64 && BV_SRC(insn->code) != BV_TO_LE)))
			return bv_reject(log, idx, -EINVAL, "BPF_END uses reserved fields");
		return 0;
	}
	if (op == BV_MOV) {
		if (!early)
			return 0;
		if (!is_x) {
			if (insn->src_reg || off)
				return bv_reject(log, idx, -EINVAL, "BPF_MOV uses reserved fields");
			return 0;
		}
		if (!v4 && (off || insn->imm))
			return bv_reject(log, idx, -EINVAL, "BPF_MOV uses reserved fields");
		if (cls == BV_ALU64 && off == 1) {   /* arena address-space cast */
			if (insn->imm != 1 && insn->imm != 1 << 16)
				return bv_reject(log, idx, -EINVAL,
						 "addr_space_cast insn can only convert between address space 1 and 0");
			return bv_unsupported(log, idx, "addr_space_cast (arena programs)");
		}
		/* movsx: 8/16-bit sources, and 32-bit ones for the 64-bit form */
		if ((off != 0 && off != 8 && off != 16 && (cls == BV_ALU || off != 32)) ||
		    insn->imm)
			return bv_reject(log, idx, -EINVAL, "BPF_MOV uses reserved fields");
		return 0;
	}
	if (op > BV_END) {
		if (early)
			return bv_reject(log, idx, -EINVAL, "invalid BPF_ALU opcode %x", op);
		return 0;
	}
	/* off 1 means signed division/modulo (sdiv, smod; cpu v4) */
	if (early && ((is_x ? insn->imm != 0 : insn->src_reg != 0) ||
		      (off != 0 && off != 1) || (off && !v4) ||
		      (off == 1 && op != BV_DIV && op != BV_MOD)))
		return bv_reject(log, idx, -EINVAL, "BPF_ALU uses reserved fields");
	if (!late || is_x)
		return 0;
	if ((op == BV_DIV || op == BV_MOD) && insn->imm == 0)
		return bv_reject(log, idx, -EINVAL, "div by zero");
	if (op == BV_LSH || op == BV_RSH || op == BV_ARSH) {
		int32_t bits = cls == BV_ALU64 ? 64 : 32;

		if (insn->imm < 0 || insn->imm >= bits)
			return bv_reject(log, idx, -EINVAL, "invalid shift %d", insn->imm);
	}
	return 0;
}

static int check_atomic_encoding(struct bv_log *log, const struct bv_insn *insn,
				 uint32_t idx)
{
	uint8_t size = BV_SIZE(insn->code);

	switch (insn->imm) {
	case BV_ADD:
	case BV_ADD | BV_FETCH:
	case BV_AND:
	case BV_AND | BV_FETCH:
	case BV_OR:
	case BV_OR | BV_FETCH:
	case BV_XOR:
	case BV_XOR | BV_FETCH:
	case BV_XCHG:
	case BV_CMPXCHG:
		if (size != BV_W && size != BV_DW)
			return bv_reject(log, idx, -EINVAL, "invalid atomic operand size");
		return 0;
	case BV_LOAD_ACQ:
	case BV_STORE_REL:
		return 0;   /* every size; the 32-bit-arch restriction does not apply */
	default:
		return bv_reject(log, idx, -EINVAL,
				 "BPF_ATOMIC uses invalid atomic opcode %02x", insn->imm);
	}
}

static int check_jmp_encoding(struct bv_log *log, const struct bv_insn *insn,
			      uint32_t idx, bool early, bool late)
{
	uint8_t cls = BV_CLASS(insn->code), op = BV_OP(insn->code);
	bool is_k = BV_SRC(insn->code) == BV_K;

	switch (op) {
	case BV_CALL:
		if (early && (!is_k ||
			      (insn->src_reg != BV_PSEUDO_KFUNC_CALL && insn->off) ||
			      (insn->src_reg != 0 && insn->src_reg != BV_PSEUDO_CALL &&
			       insn->src_reg != BV_PSEUDO_KFUNC_CALL) ||
			      insn->dst_reg || cls == BV_JMP32))
			return bv_reject(log, idx, -EINVAL, "BPF_CALL uses reserved fields");
		return 0;
	case BV_JA:
		if (early && (!is_k || insn->src_reg || insn->dst_reg ||
			      (cls == BV_JMP && insn->imm) || (cls == BV_JMP32 && insn->off)))
			return bv_reject(log, idx, -EINVAL, "BPF_JA uses reserved fields");
		return 0;
	case BV_EXIT:
		if (early && (!is_k || insn->imm || insn->src_reg || insn->dst_reg ||
			      cls == BV_JMP32))
			return bv_reject(log, idx, -EINVAL, "BPF_EXIT uses reserved fields");
		return 0;
	case BV_JCOND:
		/* may_goto is the only JCOND; its message names imm whatever is wrong */
		if (early && (insn->code != (BV_JMP | BV_JCOND) || insn->src_reg ||
			      insn->dst_reg || insn->imm))
			return bv_reject(log, idx, -EINVAL, "invalid may_goto imm %d", insn->imm);
		return 0;
	}
	if (op > BV_JCOND) {
		if (early)
			return bv_reject(log, idx, -EINVAL, "invalid BPF_JMP/JMP32 opcode %x", op);
		return 0;
	}
	if (late && (is_k ? insn->src_reg != 0 : insn->imm != 0))
		return bv_reject(log, idx, -EINVAL, "BPF_JMP/JMP32 uses reserved fields");
	return 0;
}

static int check_ld_encoding(struct bv_log *log, const struct bv_insn *insn,
			     uint32_t idx, enum bv_enc_phase phase)
{
	uint8_t mode = BV_MODE(insn->code);

	if (mode == BV_ABS || mode == BV_IND) {
		/* The kernel checks the program type first; a walk calling the
		 * phases makes this check itself, after that one. */
		if (phase != BV_ENC_ALL)
			return 0;
		if (insn->dst_reg || insn->off || BV_SIZE(insn->code) == BV_DW ||
		    (mode == BV_ABS && insn->src_reg))
			return bv_reject(log, idx, -EINVAL, "BPF_LD_[ABS|IND] uses reserved fields");
		return 0;
	}
	if (mode == BV_IMM) {
		if (BV_SIZE(insn->code) != BV_DW)
			return bv_reject(log, idx, -EINVAL, "invalid BPF_LD_IMM insn");
		if (insn->off)
			return bv_reject(log, idx, -EINVAL, "BPF_LD_IMM64 uses reserved fields");
		return 0;
	}
	return bv_reject(log, idx, -EINVAL, "invalid BPF_LD mode");
}

int bv_check_insn_encoding_phase(struct bv_log *log, const struct bv_facade *f,
				 const struct bv_insn *insns, uint32_t insn_cnt, uint32_t idx,
				 enum bv_enc_phase phase)
{
	const struct bv_insn *insn;
	bool early = phase != BV_ENC_AFTER_DST_READ;
	bool late = phase != BV_ENC_BEFORE_READS;
	uint8_t cls;

	if (idx >= insn_cnt)
		return bv_reject(log, idx, -EFAULT, "invalid insn idx %u insn_cnt %u",
				 idx, insn_cnt);
	insn = &insns[idx];
	cls = BV_CLASS(insn->code);
	switch (cls) {
	case BV_ALU:
	case BV_ALU64:
		return check_alu_encoding(log, f, insn, idx, early, late);
	case BV_LDX:
		return 0;   /* the kernel checked LDX fields before the walk */
	case BV_STX:
		if (!early)
			return 0;
		if (BV_MODE(insn->code) == BV_ATOMIC)
			return check_atomic_encoding(log, insn, idx);
		if (BV_MODE(insn->code) != BV_MEM || insn->imm)
			return bv_reject(log, idx, -EINVAL, "BPF_STX uses reserved fields");
		return 0;
	case BV_ST:
		if (early && (BV_MODE(insn->code) != BV_MEM || insn->src_reg))
			return bv_reject(log, idx, -EINVAL, "BPF_ST uses reserved fields");
		return 0;
	case BV_JMP:
	case BV_JMP32:
		return check_jmp_encoding(log, insn, idx, early, late);
	case BV_LD:
		return early ? check_ld_encoding(log, insn, idx, phase) : 0;
	}
	return bv_reject(log, idx, -EINVAL, "unknown insn class %d", cls);
}

int bv_check_insn_encoding(struct bv_log *log, const struct bv_facade *f,
			   const struct bv_insn *insns, uint32_t insn_cnt, uint32_t idx)
{
	return bv_check_insn_encoding_phase(log, f, insns, insn_cnt, idx, BV_ENC_ALL);
}
