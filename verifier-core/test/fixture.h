/* fixture.h — header-only support for the core's unit tests: instruction
 * macros, a small test facade (a few program types, four maps, a handful
 * of helpers with the kernel's prototypes) and a compact assertion harness.
 *
 * Usage, one readable record per case:
 *
 *     struct bv_insn p[] = { BV_MOV64_IMM(0, 0), BV_EXIT_INSN() };
 *     struct bvt_facade tf;
 *     bvt_facade_init(&tf, BV_PROG_TYPE_SOCKET_FILTER);
 *     struct bv_result r = run(p, BVT_LEN(p), &tf.f);
 *     expect("mov-exit", &r, BV_ACCEPT, NULL, -1);
 *     ...
 *     return bvt_summary();   // prints "N passed, N failed" last
 *
 * Set BV_TEST_LOG=1 (or 2) in the environment to print the kernel-format
 * log of every failing case. The harness counters are the test program's
 * own globals: tests are single-threaded executables.
 */
#ifndef BV_TEST_FIXTURE_H
#define BV_TEST_FIXTURE_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bpfverify/facade.h"
#include "bpfverify/insn.h"
#include "bpfverify/types.h"
#include "bpfverify/verifier.h"

#define BVT_LEN(a) ((uint32_t)(sizeof(a) / sizeof((a)[0])))

/* ---- instruction macros (braced initializers, for arrays) ---- */
#define BV_RAW(c, d, s, o, i) \
	{ .code = (c), .dst_reg = (d), .src_reg = (s), .off = (o), .imm = (i) }

#define BV_MOV64_IMM(dst, imm)      BV_RAW(BV_ALU64 | BV_MOV | BV_K, dst, 0, 0, imm)
#define BV_MOV64_REG(dst, src)      BV_RAW(BV_ALU64 | BV_MOV | BV_X, dst, src, 0, 0)
#define BV_MOV32_IMM(dst, imm)      BV_RAW(BV_ALU | BV_MOV | BV_K, dst, 0, 0, imm)
#define BV_MOV32_REG(dst, src)      BV_RAW(BV_ALU | BV_MOV | BV_X, dst, src, 0, 0)
/* movsx (cpu v4): sign-extend the low `bits` of src. */
#define BV_MOVSX64_REG(dst, src, bits) BV_RAW(BV_ALU64 | BV_MOV | BV_X, dst, src, bits, 0)
#define BV_ALU64_IMM(op, dst, imm)  BV_RAW(BV_ALU64 | (op) | BV_K, dst, 0, 0, imm)
#define BV_ALU64_REG(op, dst, src)  BV_RAW(BV_ALU64 | (op) | BV_X, dst, src, 0, 0)
#define BV_ALU32_IMM(op, dst, imm)  BV_RAW(BV_ALU | (op) | BV_K, dst, 0, 0, imm)
#define BV_ALU32_REG(op, dst, src)  BV_RAW(BV_ALU | (op) | BV_X, dst, src, 0, 0)
#define BV_NEG64(dst)               BV_RAW(BV_ALU64 | BV_NEG, dst, 0, 0, 0)
/* Byte swap: to_be 0/1, bits 16/32/64. */
#define BV_ENDIAN(to_be, dst, bits) \
	BV_RAW(BV_ALU | BV_END | ((to_be) ? BV_TO_BE : BV_TO_LE), dst, 0, 0, bits)

#define BV_LDX_MEM(size, dst, src, off) BV_RAW(BV_LDX | (size) | BV_MEM, dst, src, off, 0)
#define BV_LDX_MEMSX(size, dst, src, off) BV_RAW(BV_LDX | (size) | BV_MEMSX, dst, src, off, 0)
#define BV_STX_MEM(size, dst, src, off) BV_RAW(BV_STX | (size) | BV_MEM, dst, src, off, 0)
#define BV_ST_MEM(size, dst, off, imm)  BV_RAW(BV_ST | (size) | BV_MEM, dst, 0, off, imm)
/* Atomic op (BV_ADD, BV_ADD | BV_FETCH, BV_XCHG, …) on size (BV_W/BV_DW). */
#define BV_ATOMIC_OP(size, op, dst, src, off) \
	BV_RAW(BV_STX | (size) | BV_ATOMIC, dst, src, off, op)

#define BV_JMP_IMM(op, dst, imm, off)   BV_RAW(BV_JMP | (op) | BV_K, dst, 0, off, imm)
#define BV_JMP_REG(op, dst, src, off)   BV_RAW(BV_JMP | (op) | BV_X, dst, src, off, 0)
#define BV_JMP32_IMM(op, dst, imm, off) BV_RAW(BV_JMP32 | (op) | BV_K, dst, 0, off, imm)
#define BV_JMP32_REG(op, dst, src, off) BV_RAW(BV_JMP32 | (op) | BV_X, dst, src, off, 0)
#define BV_JMP_A(off)                     BV_RAW(BV_JMP | BV_JA, 0, 0, off, 0)
/* gotol: 32-bit offset in imm (cpu v4). */
#define BV_JA32(imm)                    BV_RAW(BV_JMP32 | BV_JA, 0, 0, 0, imm)

/* (BV_JA and BV_EXIT are opcode values in insn.h: hence BV_JMP_A and
 * BV_EXIT_INSN.) Two instructions each. */
#define BV_LD_IMM64_RAW(dst, src, imm64) \
	BV_RAW(BV_LD | BV_DW | BV_IMM, dst, src, 0, (int32_t)(uint32_t)(uint64_t)(imm64)), \
	BV_RAW(0, 0, 0, 0, (int32_t)(uint32_t)((uint64_t)(imm64) >> 32))
#define BV_LD_IMM64(dst, imm64)   BV_LD_IMM64_RAW(dst, 0, imm64)
#define BV_LD_MAP_FD(dst, mapidx) BV_LD_IMM64_RAW(dst, BV_PSEUDO_MAP_FD, mapidx)
#define BV_LD_MAP_VALUE(dst, mapidx, off) \
	BV_RAW(BV_LD | BV_DW | BV_IMM, dst, BV_PSEUDO_MAP_VALUE, 0, mapidx), \
	BV_RAW(0, 0, 0, 0, off)

#define BV_LD_ABS(size, imm)      BV_RAW(BV_LD | (size) | BV_ABS, 0, 0, 0, imm)
#define BV_LD_IND(size, src, imm) BV_RAW(BV_LD | (size) | BV_IND, 0, src, 0, imm)

#define BV_CALL_HELPER(id)  BV_RAW(BV_JMP | BV_CALL, 0, 0, 0, id)
/* BPF-to-BPF call: target = this insn + 1 + rel. */
#define BV_CALL_REL(rel)    BV_RAW(BV_JMP | BV_CALL, 0, BV_PSEUDO_CALL, 0, rel)
#define BV_EXIT_INSN()      BV_RAW(BV_JMP | BV_EXIT, 0, 0, 0, 0)

/* ---- the test facade ---- */

/* Helper ids of the test facade (the kernel's numbers). */
#define BVT_FN_map_lookup_elem       1
#define BVT_FN_map_update_elem       2
#define BVT_FN_map_delete_elem       3
#define BVT_FN_ktime_get_ns          5
#define BVT_FN_tail_call             12
#define BVT_FN_get_current_pid_tgid  14
#define BVT_FN_get_current_comm      16   /* known, not allowed here: -EPERM */
#define BVT_FN_ringbuf_reserve       131
#define BVT_FN_ringbuf_submit        132
#define BVT_FN_UNKNOWN               999  /* not a helper of this kernel: -ENOENT */

/* Map indexes of the test facade. */
#define BVT_MAP_HASH    0   /* hash, key 4, value 8 */
#define BVT_MAP_ARRAY   1   /* array, key 4, value 64 */
#define BVT_MAP_RINGBUF 2   /* ringbuf, max_entries 4096 */
#define BVT_MAP_PROG_ARRAY 3 /* prog array, key 4, value 4, max_entries 4 */
#define BVT_NR_MAPS     4

struct bvt_facade {
	struct bv_facade f;
	struct bv_map_desc maps[BVT_NR_MAPS];
	struct bv_retval_range ret;   /* what return_range() answers */
};

static const struct bv_helper_proto bvt_helpers[] = {
	{ .name = "bpf_map_lookup_elem", .func_id = 1,
	  .ret_type = BV_RET_PTR_TO_MAP_VALUE | BV_PTR_MAYBE_NULL,
	  .arg_type = { BV_ARG_CONST_MAP_PTR, BV_ARG_PTR_TO_MAP_KEY },
	  .pkt_access = 1 },
	{ .name = "bpf_map_update_elem", .func_id = 2,
	  .ret_type = BV_RET_INTEGER,
	  .arg_type = { BV_ARG_CONST_MAP_PTR, BV_ARG_PTR_TO_MAP_KEY,
			BV_ARG_PTR_TO_MAP_VALUE, BV_ARG_ANYTHING },
	  .pkt_access = 1 },
	{ .name = "bpf_map_delete_elem", .func_id = 3,
	  .ret_type = BV_RET_INTEGER,
	  .arg_type = { BV_ARG_CONST_MAP_PTR, BV_ARG_PTR_TO_MAP_KEY },
	  .pkt_access = 1 },
	{ .name = "bpf_ktime_get_ns", .func_id = 5, .ret_type = BV_RET_INTEGER },
	{ .name = "bpf_get_smp_processor_id", .func_id = 8, .ret_type = BV_RET_INTEGER },
	{ .name = "bpf_tail_call", .func_id = 12, .ret_type = BV_RET_VOID,
	  .arg_type = { BV_ARG_PTR_TO_CTX, BV_ARG_CONST_MAP_PTR, BV_ARG_ANYTHING } },
	{ .name = "bpf_get_current_pid_tgid", .func_id = 14,
	  .ret_type = BV_RET_INTEGER },
	{ .name = "bpf_get_current_comm", .func_id = 16,
	  .ret_type = BV_RET_INTEGER,
	  .arg_type = { BV_ARG_PTR_TO_MEM | BV_MEM_UNINIT | BV_MEM_WRITE,
			BV_ARG_CONST_SIZE } },
	/* The kernel's RET_PTR_TO_RINGBUF_MEM_OR_NULL. */
	{ .name = "bpf_ringbuf_reserve", .func_id = 131,
	  .ret_type = BV_RET_PTR_TO_MEM | BV_PTR_MAYBE_NULL | BV_MEM_RINGBUF,
	  .arg_type = { BV_ARG_CONST_MAP_PTR, BV_ARG_CONST_ALLOC_SIZE_OR_ZERO,
			BV_ARG_ANYTHING },
	  .acquires_ref = 1 },
	{ .name = "bpf_ringbuf_submit", .func_id = 132,
	  .ret_type = BV_RET_VOID,
	  .arg_type = { BV_ARG_PTR_TO_RINGBUF_MEM | BV_OBJ_RELEASE,
			BV_ARG_ANYTHING } },
};

static inline int bvt_helper(void *ctx, int32_t func_id,
		      const struct bv_helper_proto **proto)
{
	size_t i;

	(void)ctx;
	*proto = NULL;
	for (i = 0; i < sizeof(bvt_helpers) / sizeof(bvt_helpers[0]); i++) {
		if (bvt_helpers[i].func_id != func_id)
			continue;
		*proto = &bvt_helpers[i];
		return func_id == BVT_FN_get_current_comm ? -EPERM : 0;
	}
	return -ENOENT;
}

/* struct __sk_buff as Linux 6.18 lets socket filters and tc programs
 * touch it (the same rules as facade-clang/src/kb_ctx.c, for these two
 * types): each row is [off, end) of `elem`-byte fields with a read and a
 * write rule. NARROW: a naturally aligned 1, 2 or 4-byte part of one
 * field (the kernel's narrow loads, `r0 = *(u8 *)(r1 + 0)` of len);
 * EXACT: a whole field; ANY: any aligned access inside (cb[]). */
enum { BVT_NO = 0, BVT_EXACT, BVT_NARROW, BVT_ANY };

struct bvt_ctx_field {
	uint16_t off, end;
	uint8_t elem, read, write_sk, write_tc;
	bool tc_only;
	bv_reg_type reg_type;
};

static const struct bvt_ctx_field bvt_skb_fields[] = {
	{ 0, 8, 4, BVT_NARROW, BVT_NO, BVT_NO, false, BV_SCALAR },         /* len, pkt_type */
	{ 8, 12, 4, BVT_NARROW, BVT_NO, BVT_EXACT, false, BV_SCALAR },     /* mark */
	{ 12, 16, 4, BVT_NARROW, BVT_NO, BVT_EXACT, false, BV_SCALAR },    /* queue_mapping */
	{ 16, 32, 4, BVT_NARROW, BVT_NO, BVT_NO, false, BV_SCALAR },       /* protocol .. vlan_proto */
	{ 32, 36, 4, BVT_NARROW, BVT_NO, BVT_EXACT, false, BV_SCALAR },    /* priority */
	{ 36, 44, 4, BVT_NARROW, BVT_NO, BVT_NO, false, BV_SCALAR },       /* ingress_ifindex, ifindex */
	{ 44, 48, 4, BVT_NARROW, BVT_NO, BVT_EXACT, false, BV_SCALAR },    /* tc_index */
	{ 48, 68, 4, BVT_ANY, BVT_ANY, BVT_ANY, false, BV_SCALAR },        /* cb[5] */
	{ 68, 72, 4, BVT_NARROW, BVT_NO, BVT_NO, false, BV_SCALAR },       /* hash */
	{ 72, 76, 4, BVT_NARROW, BVT_NO, BVT_EXACT, true, BV_SCALAR },     /* tc_classid */
	{ 76, 80, 4, BVT_EXACT, BVT_NO, BVT_NO, true, BV_PTR_TO_PACKET },  /* data */
	{ 80, 84, 4, BVT_EXACT, BVT_NO, BVT_NO, true, BV_PTR_TO_PACKET_END },
	{ 84, 88, 4, BVT_NARROW, BVT_NO, BVT_NO, false, BV_SCALAR },       /* napi_id */
	{ 140, 144, 4, BVT_EXACT, BVT_NO, BVT_NO, true, BV_PTR_TO_PACKET_META },
	{ 152, 160, 8, BVT_EXACT, BVT_NO, BVT_EXACT, true, BV_SCALAR },    /* tstamp */
	{ 160, 164, 4, BVT_NARROW, BVT_NO, BVT_NO, true, BV_SCALAR },      /* wire_len */
	{ 164, 168, 4, BVT_NARROW, BVT_NO, BVT_NO, false, BV_SCALAR },     /* gso_segs */
	{ 168, 176, 8, BVT_EXACT, BVT_NO, BVT_NO, false,
	  BV_PTR_TO_SOCK_COMMON | BV_PTR_MAYBE_NULL },                      /* sk */
	{ 176, 180, 4, BVT_NARROW, BVT_NO, BVT_NO, false, BV_SCALAR },     /* gso_size */
	{ 180, 181, 1, BVT_EXACT, BVT_NO, BVT_NO, true, BV_SCALAR },       /* tstamp_type */
	{ 184, 192, 8, BVT_EXACT, BVT_NO, BVT_NO, true, BV_SCALAR },       /* hwtstamp */
};

static inline bool bvt_skb_access(bool tc, int32_t off, uint32_t size,
				  enum bv_access access, struct bv_ctx_access_info *info)
{
	const struct bvt_ctx_field *f = NULL;
	uint32_t in_elem;
	uint8_t mode;
	size_t i;

	if (size != 1 && size != 2 && size != 4 && size != 8)
		return false;
	if ((uint32_t)off + size > 192 || (uint32_t)off % size)
		return false;
	for (i = 0; i < sizeof(bvt_skb_fields) / sizeof(bvt_skb_fields[0]); i++)
		if ((uint32_t)off >= bvt_skb_fields[i].off &&
		    (uint32_t)off < bvt_skb_fields[i].end)
			f = &bvt_skb_fields[i];
	if (!f || (f->tc_only && !tc) || (uint32_t)off + size > f->end)
		return false;
	mode = access == BV_WRITE ? (tc ? f->write_tc : f->write_sk) : f->read;
	in_elem = ((uint32_t)off - f->off) % f->elem;
	if (mode == BVT_NO ||
	    (mode == BVT_EXACT && (size != f->elem || in_elem)) ||
	    (mode == BVT_NARROW && (size > f->elem || in_elem + size > f->elem)))
		return false;
	info->reg_type = access == BV_WRITE ? BV_SCALAR : f->reg_type;
	info->ctx_field_size = mode == BVT_NARROW ? f->elem : 0;
	return true;
}

static inline bool bvt_ctx_access(void *ctx, int32_t off, uint32_t size,
			   enum bv_access access, struct bv_ctx_access_info *info)
{
	const struct bvt_facade *tf = ctx;
	uint32_t type = tf->f.prog_type;

	memset(info, 0, sizeof(*info));
	info->reg_type = BV_SCALAR;
	if (off < 0 || size == 0 || (uint32_t)off % size)
		return false;
	switch (type) {
	case BV_PROG_TYPE_SOCKET_FILTER:
		return bvt_skb_access(false, off, size, access, info);
	case BV_PROG_TYPE_SCHED_CLS:
	case BV_PROG_TYPE_SCHED_ACT:
		return bvt_skb_access(true, off, size, access, info);
	case BV_PROG_TYPE_XDP:
		/* xdp_md: six u32 fields, read-only here. */
		if (size != 4 || off + size > 24 || access != BV_READ)
			return false;
		if (off == 0)
			info->reg_type = BV_PTR_TO_PACKET;
		else if (off == 4)
			info->reg_type = BV_PTR_TO_PACKET_END;
		else if (off == 8)
			info->reg_type = BV_PTR_TO_PACKET_META;
		return true;
	case BV_PROG_TYPE_KPROBE:
		/* struct pt_regs (x86-64): 168 bytes, read-only. */
		return access == BV_READ && size <= 8 && off + size <= 168;
	case BV_PROG_TYPE_TRACEPOINT:
		/* The raw trace record, up to PERF_MAX_TRACE_SIZE. */
		return access == BV_READ && size <= 8 && off + size <= 2048;
	default:
		return false;
	}
}

static inline const struct bv_map_desc *bvt_map(void *ctx, uint32_t index)
{
	const struct bvt_facade *tf = ctx;

	return index < BVT_NR_MAPS ? &tf->maps[index] : NULL;
}

static inline void bvt_return_range(void *ctx, struct bv_retval_range *range)
{
	const struct bvt_facade *tf = ctx;

	*range = tf->ret;
}

static inline uint32_t bvt_ctx_size(uint32_t prog_type)
{
	switch (prog_type) {
	case BV_PROG_TYPE_XDP: return 24;
	case BV_PROG_TYPE_KPROBE: return 168;
	case BV_PROG_TYPE_TRACEPOINT: return 2048;
	default: return 192;
	}
}

/* A privileged (root) load of a GPL program of `prog_type` on 6.18. */
static inline void bvt_facade_init(struct bvt_facade *tf, uint32_t prog_type)
{
	memset(tf, 0, sizeof(*tf));
	tf->maps[0] = (struct bv_map_desc){ .name = "hash", .type = BV_MAP_TYPE_HASH,
		.key_size = 4, .value_size = 8, .max_entries = 1024,
		.spin_lock_off = -1, .timer_off = -1 };
	tf->maps[1] = (struct bv_map_desc){ .name = "array", .type = BV_MAP_TYPE_ARRAY,
		.key_size = 4, .value_size = 64, .max_entries = 1,
		.spin_lock_off = -1, .timer_off = -1 };
	tf->maps[2] = (struct bv_map_desc){ .name = "rb", .type = BV_MAP_TYPE_RINGBUF,
		.key_size = 0, .value_size = 0, .max_entries = 4096,
		.spin_lock_off = -1, .timer_off = -1 };
	tf->maps[3] = (struct bv_map_desc){ .name = "progs", .type = BV_MAP_TYPE_PROG_ARRAY,
		.key_size = 4, .value_size = 4, .max_entries = 4,
		.spin_lock_off = -1, .timer_off = -1 };
	tf->f.sz = sizeof(tf->f);
	tf->f.ctx = tf;
	tf->f.kernel_name = "6.18";
	tf->f.kernel_version = BV_KERNEL_VERSION(6, 18, 0);
	tf->f.bpf_capable = true;
	tf->f.perfmon_capable = true;
	tf->f.allow_ptr_leaks = true;
	tf->f.prog_type = prog_type;
	tf->f.gpl_compatible = true;
	tf->f.insn_processed_limit = 1000000;
	tf->f.stack_limit = 512;
	tf->f.max_subprogs = 256;
	tf->f.max_call_depth = 8;
	tf->f.helper = bvt_helper;
	tf->f.ctx_access = bvt_ctx_access;
	tf->f.ctx_size = bvt_ctx_size(prog_type);
	tf->f.map = bvt_map;
	tf->f.nr_maps = BVT_NR_MAPS;
	tf->f.return_range = bvt_return_range;
	tf->f.features = BV_FEATURES_ALL;   /* the newest verifier's behaviours */
}

/* ---- running and checking ---- */

struct bvt_logbuf {
	char *text;
	size_t len;
};

static inline void bvt_log_cb(void *ctx, const char *text, size_t len)
{
	struct bvt_logbuf *lb = ctx;
	char *n = realloc(lb->text, lb->len + len + 1);

	if (!n)
		return;
	memcpy(n + lb->len, text, len);
	lb->len += len;
	n[lb->len] = '\0';
	lb->text = n;
}

/* The log of the last run() (when logging was on), for messages. */
static struct bvt_logbuf bvt_last_log;
static int bvt_passed, bvt_failed;

static inline int bvt_env_log_level(void)
{
	const char *s = getenv("BV_TEST_LOG");

	return s ? atoi(s) : 0;
}

/* Verify with the kernel-format log at `level` (0: none); the text stays
 * in bvt_last_log.text until the next run. */
static inline struct bv_result run_log(const struct bv_insn *insns, uint32_t cnt,
				const struct bv_facade *f, uint32_t level)
{
	struct bv_prog prog = { .insns = insns, .insn_cnt = cnt, .name = "test" };
	struct bv_opts opts = { .sz = sizeof(opts), .log_level = level,
				.log_cb = bvt_log_cb, .log_ctx = &bvt_last_log };
	struct bv_result r;

	free(bvt_last_log.text);
	bvt_last_log.text = NULL;
	bvt_last_log.len = 0;
	memset(&r, 0, sizeof(r));
	bv_verify(&prog, f, &opts, &r);
	return r;
}

static inline struct bv_result run(const struct bv_insn *insns, uint32_t cnt,
			    const struct bv_facade *f)
{
	return run_log(insns, cnt, f, (uint32_t)bvt_env_log_level());
}

static inline void bvt_fail_details(const struct bv_result *r)
{
	uint32_t i;

	fprintf(stderr, "    got: %s insn %d \"%s\" (processed %u)\n",
		bv_verdict_name(r->verdict), r->insn, r->message,
		r->insns_processed);
	for (i = 0; i < r->nr_notes; i++)
		fprintf(stderr, "    note (insn %d): %s\n", r->notes[i].insn,
			r->notes[i].text);
	if (bvt_last_log.text)
		fprintf(stderr, "    log:\n%s", bvt_last_log.text);
}

/* Checks verdict, message (NULL: any) and rejected insn (-2: any).
 * Returns true on a match. */
static inline bool expect(const char *name, const struct bv_result *r,
		   enum bv_verdict verdict, const char *msg, int32_t insn)
{
	bool ok = r->verdict == verdict &&
		  (!msg || strcmp(msg, r->message) == 0) &&
		  (insn == -2 || insn == r->insn);

	if (ok) {
		bvt_passed++;
		return true;
	}
	bvt_failed++;
	fprintf(stderr, "FAIL %s\n    want: %s insn %d \"%s\"\n", name,
		bv_verdict_name(verdict), insn, msg ? msg : "*");
	bvt_fail_details(r);
	return false;
}

/* A plain condition, with a name to print when it does not hold. */
static inline bool expect_true(const char *name, bool cond, const struct bv_result *r)
{
	if (cond) {
		bvt_passed++;
		return true;
	}
	bvt_failed++;
	fprintf(stderr, "FAIL %s\n", name);
	if (r)
		bvt_fail_details(r);
	return false;
}

/* Prints the totals last; returns the process exit status. */
static inline int bvt_summary(void)
{
	free(bvt_last_log.text);
	bvt_last_log.text = NULL;
	printf("%d passed, %d failed\n", bvt_passed, bvt_failed);
	return bvt_failed ? 1 : 0;
}

#endif
