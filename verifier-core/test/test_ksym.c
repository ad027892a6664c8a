/* test_ksym.c — typed ksyms (ld_imm64 BPF_PSEUDO_BTF_ID), the per-CPU
 * helpers and map-in-map lookups, against a test facade:
 *  - kernel BTF: VAR 20 "runqueues" per-CPU of struct "rq" (id 10, 32
 *    bytes: u32 nr_running at 4), VAR 21 "prog_active" per-CPU int (id 11,
 *    4 bytes); any other id is not in the kernel's BTF;
 *  - helpers: the fixture's, plus bpf_per_cpu_ptr (153) and
 *    bpf_this_cpu_ptr (154) with the kernel's prototypes;
 *  - maps: the fixture's, plus (index 4) an array of maps whose inner
 *    template is a hash (key 4, value 8) and (index 5) one without a
 *    described inner map.
 */
#include "fixture.h"

#define RQ_ID 10
#define INT_ID 11
#define VAR_RQ 20
#define VAR_INT 21

static const struct bv_helper_proto percpu_helpers[] = {
	{ .name = "bpf_per_cpu_ptr", .func_id = 153,
	  .ret_type = BV_RET_PTR_TO_MEM_OR_BTF_ID | BV_PTR_MAYBE_NULL | BV_MEM_RDONLY,
	  .arg_type = { BV_ARG_PTR_TO_PERCPU_BTF_ID, BV_ARG_ANYTHING } },
	{ .name = "bpf_this_cpu_ptr", .func_id = 154,
	  .ret_type = BV_RET_PTR_TO_MEM_OR_BTF_ID | BV_MEM_RDONLY,
	  .arg_type = { BV_ARG_PTR_TO_PERCPU_BTF_ID } },
};

static int helper(void *ctx, int32_t func_id, const struct bv_helper_proto **proto)
{
	for (size_t i = 0; i < sizeof(percpu_helpers) / sizeof(percpu_helpers[0]); i++)
		if (percpu_helpers[i].func_id == func_id) {
			*proto = &percpu_helpers[i];
			return 0;
		}
	return bvt_helper(ctx, func_id, proto);
}

static int pointee(void *ctx, uint32_t btf_id, bool var, struct bv_btf_pointee *out)
{
	(void)ctx;
	if (var && btf_id == VAR_RQ) {
		out->type = BV_PTR_TO_BTF_ID | BV_MEM_PERCPU;
		out->btf_id = RQ_ID;
		return 0;
	}
	if (var && btf_id == VAR_INT) {
		out->type = BV_PTR_TO_BTF_ID | BV_MEM_PERCPU;
		out->btf_id = INT_ID;
		return 0;
	}
	if (!var && btf_id == RQ_ID) {
		out->type = BV_PTR_TO_BTF_ID;
		out->btf_id = RQ_ID;
		return 0;
	}
	if (!var && btf_id == INT_ID) {
		out->type = BV_PTR_TO_MEM;
		out->mem_size = 4;
		return 0;
	}
	snprintf(out->msg, sizeof(out->msg), "ldimm64 insn specifies invalid btf_id %u.", btf_id);
	return -ENOENT;
}

static int struct_access(void *ctx, uint32_t btf_id, int32_t off, uint32_t size,
			 enum bv_access access, struct bv_btf_access *out)
{
	(void)ctx;
	(void)btf_id;
	(void)access;
	if ((uint32_t)off + size > 32) {
		snprintf(out->msg, sizeof(out->msg), "access beyond struct rq at off %d size %u",
			 off, size);
		return -EACCES;
	}
	out->type = BV_SCALAR;
	return 0;
}

static const char *type_name(void *ctx, uint32_t btf_id)
{
	(void)ctx;
	return btf_id == RQ_ID ? "rq" : btf_id == INT_ID ? "int" : NULL;
}

static struct bv_map_desc maps[6];

static const struct bv_map_desc *map(void *ctx, uint32_t index)
{
	return index < 6 ? &maps[index] : NULL;
}

static void init(struct bvt_facade *tf)
{
	bvt_facade_init(tf, BV_PROG_TYPE_PERF_EVENT);
	tf->f.helper = helper;
	tf->f.btf_pointee = pointee;
	tf->f.btf_struct_access = struct_access;
	tf->f.btf_type_name = type_name;
	memcpy(maps, tf->maps, sizeof(tf->maps));
	maps[5] = (struct bv_map_desc){ .name = "outer_bare", .type = BV_MAP_TYPE_ARRAY_OF_MAPS,
					.key_size = 4, .value_size = 4, .max_entries = 4,
					.spin_lock_off = -1, .timer_off = -1 };
	maps[4] = maps[5];
	maps[4].name = "outer";
	maps[4].inner = &tf->maps[BVT_MAP_HASH];
	tf->f.map = map;
	tf->f.nr_maps = 6;
}

static void check(const char *name, const struct bv_insn *p, uint32_t n, struct bvt_facade *tf,
		  enum bv_verdict want, const char *msg, int32_t at)
{
	struct bv_result r = run(p, n, &tf->f);

	expect(name, &r, want, msg, at);
}

#define LD_KSYM(dst, var) BV_LD_IMM64_RAW(dst, BV_PSEUDO_BTF_ID, var)

static void percpu(void)
{
	struct bvt_facade tf;

	{
		/* this CPU's rq, then a field of it */
		struct bv_insn p[] = {
			LD_KSYM(1, VAR_RQ),
			BV_CALL_HELPER(154),
			BV_LDX_MEM(BV_W, 0, 0, 4),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		init(&tf);
		check("this_cpu_ptr-field", p, BVT_LEN(p), &tf, BV_ACCEPT, NULL, -1);
	}
	{
		/* another CPU's rq: maybe NULL */
		struct bv_insn p[] = {
			LD_KSYM(1, VAR_RQ),
			BV_MOV64_IMM(2, 1),
			BV_CALL_HELPER(153),
			BV_LDX_MEM(BV_W, 0, 0, 4),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		init(&tf);
		check("per_cpu_ptr-unchecked", p, BVT_LEN(p), &tf, BV_REJECT,
		      "R0 invalid mem access 'ptr_or_null_'", 4);
	}
	{
		struct bv_insn p[] = {
			LD_KSYM(1, VAR_RQ),
			BV_MOV64_IMM(2, 1),
			BV_CALL_HELPER(153),
			BV_JMP_IMM(BV_JEQ, 0, 0, 1),
			BV_LDX_MEM(BV_W, 0, 0, 4),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		init(&tf);
		check("per_cpu_ptr-checked", p, BVT_LEN(p), &tf, BV_ACCEPT, NULL, -1);
	}
	{
		/* the per-CPU address itself is not this CPU's copy */
		struct bv_insn p[] = {
			LD_KSYM(1, VAR_RQ),
			BV_LDX_MEM(BV_W, 0, 1, 4),
			BV_EXIT_INSN(),
		};
		init(&tf);
		check("percpu-direct-read", p, BVT_LEN(p), &tf, BV_REJECT,
		      "R1 is ptr_rq access percpu memory: off=4", 2);
	}
	{
		/* a per-CPU int: 4 bytes of read-only memory */
		struct bv_insn p[] = {
			LD_KSYM(1, VAR_INT),
			BV_CALL_HELPER(154),
			BV_LDX_MEM(BV_DW, 0, 0, 0),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		init(&tf);
		check("percpu-int-wide", p, BVT_LEN(p), &tf, BV_REJECT,
		      "invalid access to memory, mem_size=4 off=0 size=8", 3);
	}
	{
		struct bv_insn p[] = {
			LD_KSYM(1, VAR_INT),
			BV_CALL_HELPER(154),
			BV_ST_MEM(BV_W, 0, 0, 1),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		init(&tf);
		check("percpu-int-write", p, BVT_LEN(p), &tf, BV_REJECT,
		      "R0 cannot write into rdonly_mem", 3);
	}
	{
		/* a field's address is a modified per-CPU pointer */
		struct bv_insn p[] = {
			LD_KSYM(1, VAR_RQ),
			BV_ALU64_IMM(BV_ADD, 1, 4),
			BV_CALL_HELPER(154),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		init(&tf);
		check("percpu-modified-arg", p, BVT_LEN(p), &tf, BV_REJECT,
		      "dereference of modified percpu_ptr_ ptr R1 off=4 disallowed", 3);
	}
	{
		/* not a per-CPU pointer: the kernel's list depends on the kernel */
		struct bv_insn p[] = {
			BV_MOV64_REG(1, 10),
			BV_ALU64_IMM(BV_ADD, 1, -8),
			BV_CALL_HELPER(154),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		init(&tf);
		check("this_cpu_ptr-stack-new", p, BVT_LEN(p), &tf, BV_REJECT,
		      "R1 type=fp expected=percpu_ptr_, percpu_rcu_ptr_, percpu_trusted_ptr_", 2);
		init(&tf);
		tf.f.features &= ~BV_FEAT_BIT(BV_FEAT_PERCPU_ARG_FLAGS);
		check("this_cpu_ptr-stack-old", p, BVT_LEN(p), &tf, BV_REJECT,
		      "R1 type=fp expected=percpu_ptr_", 2);
	}
	{
		/* resolve_pseudo_ldimm64: before the walk, no instruction */
		struct bv_insn p[] = {
			BV_MOV64_IMM(0, 0),
			LD_KSYM(1, 99),
			BV_EXIT_INSN(),
		};
		init(&tf);
		check("ksym-unknown-id", p, BVT_LEN(p), &tf, BV_REJECT,
		      "ldimm64 insn specifies invalid btf_id 99.", -1);
		init(&tf);
		tf.f.btf_pointee = NULL;
		check("ksym-no-facade-op", p, BVT_LEN(p), &tf, BV_ERROR, NULL, 1);
	}
}

static void map_in_map(void)
{
	struct bvt_facade tf;
	/* key 0 on the stack; outer lookup; (check); inner lookup with it */
#define OUTER_LOOKUP(outer) \
	BV_ST_MEM(BV_W, 10, -4, 0), \
	BV_MOV64_REG(2, 10), \
	BV_ALU64_IMM(BV_ADD, 2, -4), \
	BV_LD_MAP_FD(1, outer), \
	BV_CALL_HELPER(1)
	struct bv_insn checked[] = {
		OUTER_LOOKUP(4),
		BV_JMP_IMM(BV_JEQ, 0, 0, 5),
		BV_MOV64_REG(1, 0),
		BV_MOV64_REG(2, 10),
		BV_ALU64_IMM(BV_ADD, 2, -4),
		BV_CALL_HELPER(1),
		BV_MOV64_IMM(0, 0),
		BV_MOV64_IMM(0, 0),
		BV_EXIT_INSN(),
	};
	struct bv_insn unchecked[] = {
		OUTER_LOOKUP(4),
		BV_MOV64_REG(1, 0),
		BV_MOV64_REG(2, 10),
		BV_ALU64_IMM(BV_ADD, 2, -4),
		BV_CALL_HELPER(1),
		BV_MOV64_IMM(0, 0),
		BV_EXIT_INSN(),
	};
	struct bv_insn bare[] = {
		OUTER_LOOKUP(5),
		BV_MOV64_IMM(0, 0),
		BV_EXIT_INSN(),
	};
	/* the inner template's value is 8 bytes */
	struct bv_insn inner_oob[] = {
		OUTER_LOOKUP(4),
		BV_JMP_IMM(BV_JEQ, 0, 0, 7),
		BV_MOV64_REG(1, 0),
		BV_MOV64_REG(2, 10),
		BV_ALU64_IMM(BV_ADD, 2, -4),
		BV_CALL_HELPER(1),
		BV_JMP_IMM(BV_JEQ, 0, 0, 2),
		BV_LDX_MEM(BV_DW, 1, 0, 4),
		BV_MOV64_IMM(0, 0),
		BV_MOV64_IMM(0, 0),
		BV_EXIT_INSN(),
	};
#undef OUTER_LOOKUP

	init(&tf);
	check("mim-checked", checked, BVT_LEN(checked), &tf, BV_ACCEPT, NULL, -1);
	init(&tf);
	tf.f.features &= ~BV_FEAT_BIT(BV_FEAT_MAP_IN_MAP_PTR);
	check("mim-checked-old", checked, BVT_LEN(checked), &tf, BV_ACCEPT, NULL, -1);
	init(&tf);
	check("mim-unchecked", unchecked, BVT_LEN(unchecked), &tf, BV_REJECT,
	      "R1 type=map_ptr_or_null expected=map_ptr", 9);
	init(&tf);
	tf.f.features &= ~BV_FEAT_BIT(BV_FEAT_MAP_IN_MAP_PTR);
	check("mim-unchecked-old", unchecked, BVT_LEN(unchecked), &tf, BV_REJECT,
	      "R1 type=map_value_or_null expected=map_ptr", 9);
	init(&tf);
	check("mim-inner-oob", inner_oob, BVT_LEN(inner_oob), &tf, BV_REJECT,
	      "invalid access to map value, value_size=8 off=4 size=8", 12);
	init(&tf);
	check("mim-no-inner", bare, BVT_LEN(bare), &tf, BV_ERROR, NULL, 5);
}

int main(void)
{
	percpu();
	map_in_map();
	return bvt_summary();
}
