/* test_jmp.c — conditional jumps: what each edge learns, and the edges
 * 6.18 itself finds impossible. Expected logs were observed on Linux
 * 6.18.44 as root (level 2, without the kernel's "func#0 @0" and "Live
 * regs" header lines); the programs come from a differential fuzzer.
 */
#include "fixture.h"

#define SK BV_PROG_TYPE_SOCKET_FILTER
#define KTIME BV_CALL_HELPER(BVT_FN_ktime_get_ns)

static void expect_log(const char *name, const struct bv_insn *insns, uint32_t cnt,
		       const char *want)
{
	struct bvt_facade tf;
	struct bv_result r;
	bool ok;

	bvt_facade_init(&tf, SK);
	r = run_log(insns, cnt, &tf.f, BV_LOG_LEVEL2);
	ok = r.verdict == BV_ACCEPT && bvt_last_log.text &&
	     strcmp(bvt_last_log.text, want) == 0;
	if (!ok)
		fprintf(stderr, "want log:\n%s", want);
	expect_true(name, ok, &r);
}

/* An impossible fall-through edge: the kernel logs a verifier bug, drops
 * the register's bounds (var_off stays) and walks the edge anyway; the
 * state line that follows is printed under the jump's own index. */
static void test_invariants_violation(void)
{
	static const struct bv_insn p[] = {
		KTIME, BV_MOV64_REG(6, 0), KTIME, BV_MOV64_REG(7, 0),
		BV_ALU64_IMM(BV_RSH, 6, 55),
		BV_ALU64_IMM(BV_ADD, 6, 39),
		BV_ALU64_IMM(BV_RSH, 7, 33),
		BV_ALU32_IMM(BV_AND, 7, -536870912),
		BV_ALU64_IMM(BV_MUL, 7, -43),
		BV_JMP32_REG(BV_JNE, 6, 7, 1),
		BV_MOV64_IMM(0, 0),
		BV_EXIT_INSN(),
	};

	expect_log("impossible edge: REG INVARIANTS VIOLATION (false_reg2)", p, BVT_LEN(p),
		"0: R1=ctx() R10=fp0\n"
		"0: (85) call bpf_ktime_get_ns#5       ; R0=scalar()\n"
		"1: (bf) r6 = r0                       ; R0=scalar(id=1) R6=scalar(id=1)\n"
		"2: (85) call bpf_ktime_get_ns#5       ; R0=scalar()\n"
		"3: (bf) r7 = r0                       ; R0=scalar(id=2) R7=scalar(id=2)\n"
		"4: (77) r6 >>= 55                     ; R6=scalar(smin=smin32=0,smax=umax=smax32=umax32=511,var_off=(0x0; 0x1ff))\n"
		"5: (07) r6 += 39                      ; R6=scalar(smin=umin=smin32=umin32=39,smax=umax=smax32=umax32=550,var_off=(0x0; 0x3ff))\n"
		"6: (77) r7 >>= 33                     ; R7=scalar(smin=smin32=0,smax=umax=umax32=0x7fffffff,var_off=(0x0; 0x7fffffff))\n"
		"7: (54) w7 &= -536870912              ; R7=scalar(smin=smin32=0,smax=umax=smax32=umax32=0x60000000,var_off=(0x0; 0x60000000))\n"
		"8: (27) r7 *= -43                     ; R7=scalar(smin=0xffffffefe0000000,smax=0,umax=0xffffffffe0000000,smax32=0x60000000,umax32=0xe0000000,var_off=(0x0; 0xffffffffe0000000))\n"
		"9: (5e) if w6 != w7 goto pc+1\n"
		"verifier bug: REG INVARIANTS VIOLATION (false_reg2): range bounds violation u64=[0xffffffefe0000000, 0xffffffff00000000] s64=[0xffffffefe0000000, 0xffffffff00000000] u32=[0x27, 0x0] s32=[0x27, 0x0] var_off=(0xffffffe000000000, 0x1f00000000)\n"
		"9: R6=0 R7=scalar(var_off=(0xffffffe000000000; 0x1f00000000))\n"
		"10: (b7) r0 = 0                       ; R0=0\n"
		"11: (95) exit\n"
		"\n"
		"from 9 to 11: R0=scalar(id=2) R6=scalar(smin=umin=smin32=umin32=39,smax=umax=smax32=umax32=550,var_off=(0x0; 0x3ff)) R7=scalar(smin=0xffffffefe0000000,smax=0,umax=0xffffffffe0000000,smax32=0x60000000,umax32=0xe0000000,var_off=(0x0; 0xffffffffe0000000)) R10=fp0\n"
		"11: R0=scalar(id=2) R6=scalar(smin=umin=smin32=umin32=39,smax=umax=smax32=umax32=550,var_off=(0x0; 0x3ff)) R7=scalar(smin=0xffffffefe0000000,smax=0,umax=0xffffffffe0000000,smax32=0x60000000,umax32=0xe0000000,var_off=(0x0; 0xffffffffe0000000)) R10=fp0\n"
		"11: (95) exit\n"
		"processed 13 insns (limit 1000000) max_states_per_insn 0 total_states 1 peak_states 1 mark_read 0\n"
		);
}

/* `if w6 s< w6`: 6.18 refines the register as if it were two operands;
 * the jump edge becomes empty, reported for true_reg1, then again (the
 * same register, now with reset bounds) for true_reg2. */
static void test_same_register(void)
{
	static const struct bv_insn p[] = {
		KTIME, BV_MOV64_REG(6, 0),
		BV_ALU64_IMM(BV_SUB, 6, -8192),
		BV_ALU64_IMM(BV_LSH, 6, 31),
		BV_JMP32_REG(BV_JSLT, 6, 6, 1),
		BV_MOV64_IMM(0, 0),
		BV_EXIT_INSN(),
	};
	/* `if r0 < r0` with r0 in [0, 7]: not decided; the jump edge gets
	 * [1, 6] (umax - 1, then umin + 1 of the same register) */
	static const struct bv_insn lt[] = {
		KTIME,
		BV_ALU64_IMM(BV_AND, 0, 7),
		BV_JMP_REG(BV_JLT, 0, 0, 1),
		BV_MOV64_IMM(0, 0),
		BV_EXIT_INSN(),
	};

	expect_log("if w6 s< w6: two violations on the jump edge", p, BVT_LEN(p),
		"0: R1=ctx() R10=fp0\n"
		"0: (85) call bpf_ktime_get_ns#5       ; R0=scalar()\n"
		"1: (bf) r6 = r0                       ; R0=scalar(id=1) R6=scalar(id=1)\n"
		"2: (17) r6 -= -8192                   ; R6=scalar(id=1+8192)\n"
		"3: (67) r6 <<= 31                     ; R6=scalar(smax=0x7fffffff80000000,umax=0xffffffff80000000,smax32=0,umax32=0x80000000,var_off=(0x0; 0xffffffff80000000))\n"
		"4: (ce) if w6 s< w6 goto pc+1\n"
		"verifier bug: REG INVARIANTS VIOLATION (true_reg1): range bounds violation u64=[0x80000001, 0xffffffff80000000] s64=[0x8000000080000001, 0x7fffffff80000000] u32=[0x80000001, 0x80000000] s32=[0x80000001, 0x80000000] var_off=(0x80000000, 0xffffffff00000000)\n"
		"verifier bug: REG INVARIANTS VIOLATION (true_reg2): const subreg tnum out of sync with range bounds u64=[0x0, 0xffffffffffffffff] s64=[0x8000000000000000, 0x7fffffffffffffff] u32=[0x0, 0xffffffff] s32=[0x80000000, 0x7fffffff] var_off=(0x80000000, 0xffffffff00000000)\n"
		"4: R6=scalar(smax=0x7fffffff80000000,umax=0xffffffff80000000,smax32=0,umax32=0x80000000,var_off=(0x0; 0xffffffff80000000))\n"
		"5: (b7) r0 = 0                        ; R0=0\n"
		"6: (95) exit\n"
		"\n"
		"from 4 to 6: R0=scalar(id=1) R6=scalar(var_off=(0x80000000; 0xffffffff00000000)) R10=fp0\n"
		"6: R0=scalar(id=1) R6=scalar(var_off=(0x80000000; 0xffffffff00000000)) R10=fp0\n"
		"6: (95) exit\n"
		"processed 8 insns (limit 1000000) max_states_per_insn 0 total_states 1 peak_states 1 mark_read 0\n"
		);
	expect_log("if r0 < r0: both edges walked", lt, BVT_LEN(lt),
		"0: R1=ctx() R10=fp0\n"
		"0: (85) call bpf_ktime_get_ns#5       ; R0=scalar()\n"
		"1: (57) r0 &= 7                       ; R0=scalar(smin=smin32=0,smax=umax=smax32=umax32=7,var_off=(0x0; 0x7))\n"
		"2: (ad) if r0 < r0 goto pc+1          ; R0=scalar(smin=smin32=0,smax=umax=smax32=umax32=7,var_off=(0x0; 0x7))\n"
		"3: (b7) r0 = 0                        ; R0=0\n"
		"4: (95) exit\n"
		"\n"
		"from 2 to 4: R0=scalar(smin=umin=smin32=umin32=1,smax=umax=smax32=umax32=6,var_off=(0x0; 0x7)) R10=fp0\n"
		"4: R0=scalar(smin=umin=smin32=umin32=1,smax=umax=smax32=umax32=6,var_off=(0x0; 0x7)) R10=fp0\n"
		"4: (95) exit\n"
		"processed 6 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0\n");
}

/* `if r0 != 0` teaches its jump edge r0 >= 1 (feature ne-const-bounds),
 * so the later `if r0 == 0` is never taken there; a kernel without it
 * (6.1) walks that edge and meets the unreadable r5. */
static void test_ne_const_bounds(void)
{
	static const struct bv_insn p[] = {
		KTIME,
		BV_JMP_IMM(BV_JNE, 0, 0, 1),
		BV_EXIT_INSN(),
		BV_JMP_IMM(BV_JEQ, 0, 0, 1),
		BV_EXIT_INSN(),
		BV_MOV64_REG(0, 5),
		BV_EXIT_INSN(),
	};
	struct bvt_facade tf;
	struct bv_result r;

	bvt_facade_init(&tf, SK);
	r = run(p, BVT_LEN(p), &tf.f);
	expect("ne-const-bounds: r0 != 0 learnt", &r, BV_ACCEPT, NULL, -1);
	tf.f.features &= ~BV_FEAT_BIT(BV_FEAT_NE_CONST_BOUNDS);
	r = run(p, BVT_LEN(p), &tf.f);
	expect("ne-const-bounds off: nothing learnt", &r, BV_REJECT, "R5 !read_ok", 5);
}

/* The exit's return check marks R0 precise (retval-precise): the path
 * from 5 returns r6 = 1 where the kept state at 7 returned 0, so it is
 * walked to the exit (13 insns); a kernel whose check marks nothing (6.1)
 * prunes it at 7 (11 insns). */
static void test_retval_precise(void)
{
	static const struct bv_insn p[] = {
		KTIME,
		BV_MOV64_IMM(6, 1),
		BV_MOV64_IMM(7, 0),
		BV_MOV64_IMM(7, 0),
		BV_MOV64_IMM(7, 0),
		BV_JMP_IMM(BV_JGT, 0, 5, 1),
		BV_MOV64_IMM(6, 0),
		KTIME,
		BV_MOV64_REG(0, 6),
		BV_EXIT_INSN(),
	};
	struct bvt_facade tf;
	struct bv_result r;

	bvt_facade_init(&tf, SK);
	tf.ret = (struct bv_retval_range){ .minval = 0, .maxval = 1, .enforce = true };
	r = run(p, BVT_LEN(p), &tf.f);
	expect_true("retval-precise: the other return value is walked",
		    r.verdict == BV_ACCEPT && r.insns_processed == 13, &r);
	tf.f.features &= ~BV_FEAT_BIT(BV_FEAT_RETVAL_PRECISE);
	r = run(p, BVT_LEN(p), &tf.f);
	expect_true("retval-precise off: pruned at the jump target",
		    r.verdict == BV_ACCEPT && r.insns_processed == 11, &r);
}

int main(void)
{
	test_ne_const_bounds();
	test_retval_precise();
	test_invariants_violation();
	test_same_register();
	return bvt_summary();
}
