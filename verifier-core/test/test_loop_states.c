/* test_loop_states.c — loop_states.c: which instructions are loops (the
 * strongly connected components of the control flow graph), and 6.18's
 * loop rule on a may_goto loop, counted as the live 6.18 kernel counts it.
 */
#include "fixture.h"
#include "state.h"

/* The loop numbers loop_states.c gives each instruction of p. */
static int scc_of(const struct bv_insn *p, uint32_t n, uint64_t features, uint32_t *out)
{
	struct bvt_facade tf;
	struct bv_env env;
	struct bv_loops *l = NULL;
	uint32_t i;
	int err;

	bvt_facade_init(&tf, BV_PROG_TYPE_SOCKET_FILTER);
	tf.f.features = features;
	memset(&env, 0, sizeof(env));
	env.f = &tf.f;
	err = bv_prog_info_init(&env.info, p, n);
	if (!err)
		err = bv_loops_new(&env, &l);
	for (i = 0; i < n; i++)
		out[i] = err ? 0xdead : bv_loops_scc(l, (int32_t)i);
	bv_loops_free(l);
	bv_prog_info_free(&env.info);
	return err;
}

static void check_scc(const char *name, const struct bv_insn *p, uint32_t n,
		      const uint32_t *want)
{
	uint32_t got[32];
	uint32_t i;
	bool same = scc_of(p, n, BV_FEATURES_ALL, got) == 0;

	for (i = 0; same && i < n; i++)
		same = got[i] == want[i];
	if (!expect_true(name, same, NULL)) {
		fprintf(stderr, "    got:");
		for (i = 0; i < n; i++)
			fprintf(stderr, " %u", got[i]);
		fprintf(stderr, "\n");
	}
}

static void test_components(void)
{
	/* straight code and a forward jump: no loop */
	const struct bv_insn straight[] = {
		BV_MOV64_IMM(0, 0),
		BV_JMP_IMM(BV_JEQ, 1, 0, 1),
		BV_MOV64_IMM(0, 1),
		BV_EXIT_INSN(),
	};
	const uint32_t straight_want[] = { 0, 0, 0, 0 };
	/* a counted loop: 1-3 are one component; 0 and 4-5 are none */
	const struct bv_insn counted[] = {
		BV_MOV64_IMM(1, 0),
		BV_ALU64_IMM(BV_ADD, 1, 1),
		BV_MOV64_IMM(0, 0),
		BV_JMP_IMM(BV_JLT, 1, 10, -3),
		BV_MOV64_IMM(0, 0),
		BV_EXIT_INSN(),
	};
	const uint32_t counted_want[] = { 0, 1, 1, 1, 0, 0 };
	/* a jump to itself is a loop of one instruction */
	const struct bv_insn self[] = {
		BV_MOV64_IMM(0, 0),
		BV_JMP_IMM(BV_JNE, 1, 0, -1),
		BV_EXIT_INSN(),
	};
	const uint32_t self_want[] = { 0, 1, 0 };
	/* nested loops are one component; a second loop after them another
	 * (numbered as they complete: the later loop first) */
	const struct bv_insn nested[] = {
		BV_MOV64_IMM(1, 0),                  /* 0 */
		BV_MOV64_IMM(2, 0),                  /* 1: outer head */
		BV_ALU64_IMM(BV_ADD, 2, 1),          /* 2: inner head */
		BV_JMP_IMM(BV_JLT, 2, 4, -2),        /* 3: inner back-edge */
		BV_ALU64_IMM(BV_ADD, 1, 1),          /* 4 */
		BV_JMP_IMM(BV_JLT, 1, 4, -5),        /* 5: outer back-edge */
		BV_ALU64_IMM(BV_SUB, 1, 1),          /* 6: second loop */
		BV_JMP_IMM(BV_JNE, 1, 0, -2),        /* 7 */
		BV_MOV64_IMM(0, 0),                  /* 8 */
		BV_EXIT_INSN(),                      /* 9 */
	};
	const uint32_t nested_want[] = { 0, 2, 2, 2, 2, 2, 1, 1, 0, 0 };
	/* may_goto's two edges: the loop through its fall-through */
	const struct bv_insn may_goto[] = {
		BV_MOV64_IMM(0, 0),                  /* 0 */
		BV_RAW(0xe5, 0, 0, 2, 0),            /* 1: may_goto +2 */
		BV_ALU64_IMM(BV_ADD, 0, 1),          /* 2 */
		BV_JMP_A(-3),                        /* 3 */
		BV_EXIT_INSN(),                      /* 4 */
	};
	const uint32_t may_goto_want[] = { 0, 1, 1, 1, 0 };
	uint32_t got[8];

	check_scc("scc: straight code", straight, BVT_LEN(straight), straight_want);
	check_scc("scc: counted loop", counted, BVT_LEN(counted), counted_want);
	check_scc("scc: self jump", self, BVT_LEN(self), self_want);
	check_scc("scc: nested and second loop", nested, BVT_LEN(nested), nested_want);
	check_scc("scc: may_goto loop", may_goto, BVT_LEN(may_goto), may_goto_want);
	/* a kernel without the feature has no components at all */
	scc_of(counted, BVT_LEN(counted),
	       BV_FEATURES_ALL & ~BV_FEAT_BIT(BV_FEAT_SCC_LOOPS), got);
	expect_true("scc: none without scc-loops", got[1] == 0 && got[3] == 0, NULL);
}

/* test/corpus/loops/may_goto_loop.bpf.c as clang-19 -O2 compiles it: a
 * loop bounded by may_goto whose counter is only stored. The live 6.18
 * kernel (6.18.44) processes 35 instructions and keeps 5 states: the
 * second iteration's jump to the loop exit is pruned by the first's
 * (outside the loop: imprecise counter), and may_goto widens the counter
 * once the loop's states repeat. (The .bss store of the original is a
 * store into the array map's value here: the same instruction count.) */
static const struct bv_insn may_goto_loop[] = {
	BV_MOV64_IMM(6, 0),                          /* 0 */
	BV_STX_MEM(BV_W, 10, 6, -4),                 /* 1 */
	BV_MOV64_REG(2, 10),                         /* 2 */
	BV_ALU64_IMM(BV_ADD, 2, -4),                 /* 3 */
	BV_LD_MAP_FD(1, BVT_MAP_ARRAY),              /* 4-5 */
	BV_CALL_HELPER(BVT_FN_map_lookup_elem),      /* 6 */
	BV_JMP_IMM(BV_JEQ, 0, 0, 9),                 /* 7 */
	BV_LDX_MEM(BV_DW, 1, 0, 0),                  /* 8 */
	BV_JMP_IMM(BV_JEQ, 1, 0, 4),                 /* 9 */
	BV_RAW(0xe5, 0, 0, 3, 0),                    /* 10: may_goto +3 */
	BV_ALU64_IMM(BV_ADD, 6, 1),                  /* 11 */
	BV_LDX_MEM(BV_DW, 1, 0, 0),                  /* 12 */
	BV_JMP_REG(BV_JGT, 1, 6, -4),                /* 13 */
	BV_LD_MAP_VALUE(1, BVT_MAP_ARRAY, 0),        /* 14-15 */
	BV_STX_MEM(BV_DW, 1, 6, 0),                  /* 16 */
	BV_MOV64_IMM(0, 0),                          /* 17 */
	BV_EXIT_INSN(),                              /* 18 */
};

static void test_may_goto_counts(void)
{
	struct bvt_facade tf;
	struct bv_result r;

	bvt_facade_init(&tf, BV_PROG_TYPE_KPROBE);
	r = run(may_goto_loop, BVT_LEN(may_goto_loop), &tf.f);
	if (expect("may_goto loop accepted", &r, BV_ACCEPT, NULL, -2))
		expect_true("may_goto loop: 6.18's 35 insns, 5 states",
			    r.insns_processed == 35 && r.total_states == 5, &r);

	/* 6.12's rule reaches the same count on this loop (its 37 on 6.12
	 * come from its other rules) */
	tf.f.features &= ~BV_FEAT_BIT(BV_FEAT_SCC_LOOPS);
	r = run(may_goto_loop, BVT_LEN(may_goto_loop), &tf.f);
	if (expect("may_goto loop accepted (loop-entry)", &r, BV_ACCEPT, NULL, -2))
		expect_true("may_goto loop: loop-entry 35 insns, 5 states",
			    r.insns_processed == 35 && r.total_states == 5, &r);

}

/* A loop visit's life: entered by its first kept state, incomplete while
 * it has back-edges, complete again when its entry state is done; a state
 * of a subprogram called from inside the loop belongs to the same visit. */
static void test_visits(void)
{
	const struct bv_insn counted[] = {
		BV_MOV64_IMM(1, 0),                  /* 0 */
		BV_ALU64_IMM(BV_ADD, 1, 1),          /* 1 */
		BV_CALL_REL(3),                      /* 2: call 6 */
		BV_JMP_IMM(BV_JLT, 1, 10, -3),       /* 3 */
		BV_MOV64_IMM(0, 0),                  /* 4 */
		BV_EXIT_INSN(),                      /* 5 */
		BV_MOV64_IMM(0, 0),                  /* 6: subprogram */
		BV_EXIT_INSN(),                      /* 7 */
	};
	struct bvt_facade tf;
	struct bv_env env;
	struct bv_loops *l = NULL;
	struct bv_state *st, *callee;
	int entry, other;   /* stand-ins for explore.c's kept records */
	bool ok;

	bvt_facade_init(&tf, BV_PROG_TYPE_SOCKET_FILTER);
	memset(&env, 0, sizeof(env));
	env.f = &tf.f;
	ok = !bv_prog_info_init(&env.info, counted, BVT_LEN(counted)) &&
	     !bv_loops_new(&env, &l) && l;
	st = bv_state_new(0);
	callee = bv_state_copy(st);
	ok = ok && st && callee;
	if (ok) {
		callee->frame[1] = bv_frame_new(2, 1, 1);
		callee->curframe = 1;
		ok = callee->frame[1] != NULL;
	}
	if (!expect_true("visits: set-up", ok, NULL))
		goto out;
	env.cur = st;
	expect_true("visits: outside the loop, in no visit",
		    !bv_loops_enter(l, st, 0, &other) && !bv_loops_incomplete(l, st, 0), NULL);
	expect_true("visits: entered, no back-edge yet",
		    !bv_loops_enter(l, st, 1, &entry) && !bv_loops_incomplete(l, st, 3), NULL);
	expect_true("visits: a back-edge makes it incomplete",
		    !bv_loops_backedge(&env, l, st, 1) && bv_loops_incomplete(l, st, 3), NULL);
	expect_true("visits: a callee inside the loop shares the visit",
		    bv_loops_incomplete(l, callee, 6), NULL);
	expect_true("visits: a later kept state is not the entry",
		    !bv_loops_enter(l, st, 3, &other) &&
		    !bv_loops_exit(&env, l, st, 3, &other) && bv_loops_incomplete(l, st, 1), NULL);
	expect_true("visits: the entry's end completes it",
		    !bv_loops_exit(&env, l, st, 1, &entry) && !bv_loops_incomplete(l, st, 1) &&
		    !bv_loops_incomplete(l, callee, 6), NULL);
out:
	bv_state_free(st);
	bv_state_free(callee);
	bv_loops_free(l);
	bv_prog_info_free(&env.info);
}

/* loop-cmp-valueless-any: a range comparison lets the kept state's
 * valueless registers and never-written or unknown stack bytes match
 * anything (6.18); without the flag the kinds must match (6.12). */
static void test_range_loose(void)
{
	struct bv_state *old = bv_state_new(0), *cur = bv_state_new(0);
	struct bv_frame *fo = NULL, *fc = NULL;
	bool ok = old && cur;

	if (ok) {
		fo = old->frame[0];
		fc = cur->frame[0];
		ok = !bv_frame_grow_stack(fo, 8) && !bv_frame_grow_stack(fc, 8);
	}
	if (!expect_true("loose: set-up", ok, NULL))
		goto out;
	/* R1: nothing in old, a scalar in cur */
	bv_reg_mark_unknown(&fc->regs[1], -1);
	expect_true("loose: valueless register matches a scalar",
		    bv_state_contains(old, cur, BV_CMP_RANGE | BV_CMP_RANGE_LOOSE), NULL);
	expect_true("loose: not without the flag",
		    !bv_state_contains(old, cur, BV_CMP_RANGE), NULL);
	/* fp-8: unknown bytes in old, one zero byte among them in cur */
	bv_reg_mark_not_init(&fc->regs[1]);
	memset(fo->stack[0].slot_type, BV_STACK_MISC, BV_REG_SIZE);
	memset(fc->stack[0].slot_type, BV_STACK_MISC, BV_REG_SIZE);
	fc->stack[0].slot_type[2] = BV_STACK_ZERO;
	expect_true("loose: unknown bytes match a zero byte",
		    bv_state_contains(old, cur, BV_CMP_RANGE | BV_CMP_RANGE_LOOSE), NULL);
	expect_true("loose: byte kinds must match without the flag",
		    !bv_state_contains(old, cur, BV_CMP_RANGE), NULL);
	expect_true("loose: exact comparisons stay exact",
		    !bv_state_contains(old, cur, BV_CMP_EXACT | BV_CMP_RANGE_LOOSE), NULL);
out:
	bv_state_free(old);
	bv_state_free(cur);
}

/* bv_loops_state_contains compares with the dead registers of both states
 * as uninitialised, and gives both states back as they were. */
static void test_dead_regs(void)
{
	struct bv_state *old = bv_state_new(0), *cur = bv_state_new(0);
	uint16_t live[2] = { 1u << 1, 1u << 1 | 1u << 2 };  /* insn 0: R1; insn 1: R1, R2 */

	if (!expect_true("dead: set-up", old && cur, NULL))
		goto out;
	bv_reg_mark_known(&old->frame[0]->regs[1], 3, -1);
	bv_reg_mark_known(&cur->frame[0]->regs[1], 3, -1);
	bv_reg_mark_known(&old->frame[0]->regs[2], 5, -1);
	bv_reg_mark_known(&cur->frame[0]->regs[2], 7, -1);
	bv_reg_mark_unknown(&cur->frame[0]->regs[3], -1);
	expect_true("dead: R2, R3 dead, the states are equal",
		    bv_loops_state_contains(old, cur, 0, live, BV_CMP_EXACT), NULL);
	expect_true("dead: R2 live, they differ",
		    !bv_loops_state_contains(old, cur, 1, live, BV_CMP_EXACT), NULL);
	expect_true("dead: registers given back",
		    old->frame[0]->regs[2].type == BV_SCALAR &&
		    bv_scalar_value(&old->frame[0]->regs[2].s) == 5 &&
		    cur->frame[0]->regs[2].type == BV_SCALAR &&
		    bv_scalar_value(&cur->frame[0]->regs[2].s) == 7 &&
		    cur->frame[0]->regs[3].type == BV_SCALAR &&
		    old->frame[0]->regs[3].type == BV_NOT_INIT, NULL);
out:
	bv_state_free(old);
	bv_state_free(cur);
}

int main(void)
{
	test_range_loose();
	test_dead_regs();
	test_components();
	test_visits();
	test_may_goto_counts();
	return bvt_summary();
}
