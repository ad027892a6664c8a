/* test_limits.c — the complexity limits (limits.c): the instruction each
 * rejection names (the last one the kernel's log prints before the
 * message) and the notes saying what drove the walk there.
 */
#include "fixture.h"

#define R0 0
#define R1 1

static bool has_note(const struct bv_result *r, int32_t insn, const char *text)
{
	uint32_t i;

	for (i = 0; i < r->nr_notes; i++)
		if (r->notes[i].insn == insn && strstr(r->notes[i].text, text))
			return true;
	return false;
}

/* 0: r0 = 0; 1: r0 += 1; 2: if r0 != 0 goto 1. The 1000001st instruction
 * processed is insn 2 (odd counts after the first fall on it); the
 * kernel checks before printing it, so its log ends with insn 1. */
static void test_too_large(void)
{
	static const struct bv_insn p[] = {
		BV_MOV64_IMM(R0, 0),
		BV_ALU64_IMM(BV_ADD, R0, 1),
		BV_JMP_IMM(BV_JNE, R0, 0, -2),
		BV_EXIT_INSN(),
	};
	struct bvt_facade tf;
	struct bv_result r;

	bvt_facade_init(&tf, BV_PROG_TYPE_SOCKET_FILTER);
	r = run(p, BVT_LEN(p), &tf.f);
	if (expect("too large: the instruction before the 1000001st", &r, BV_REJECT,
		   "BPF program is too large. Processed 1000001 insn", 1))
		expect_true("too large: note names the loop 2 -> 1",
			    has_note(&r, 2, "loop from insn 2 back to insn 1 was walked 500000 times"),
			    &r);

	/* a smaller budget from the facade moves the limit */
	tf.f.insn_processed_limit = 100;
	r = run(p, BVT_LEN(p), &tf.f);
	expect("too large at the facade's limit", &r, BV_REJECT,
	       "BPF program is too large. Processed 101 insn", 1);
}

/* 0: call; 1: if r0 == 0 goto 3; 2: exit; 3: r1 = 5; 4: goto 3. The loop
 * 3-4 changes nothing after its first pass: the state at 3 repeats, found
 * before insn 3 is printed again, so the log ends with insn 4. */
static void test_infinite_loop(void)
{
	static const struct bv_insn p[] = {
		BV_CALL_HELPER(BVT_FN_ktime_get_ns),
		BV_JMP_IMM(BV_JEQ, R0, 0, 1),
		BV_EXIT_INSN(),
		BV_MOV64_IMM(R1, 5),
		BV_JMP_A(-2),
	};
	struct bvt_facade tf;
	struct bv_result r;

	bvt_facade_init(&tf, BV_PROG_TYPE_SOCKET_FILTER);
	r = run(p, BVT_LEN(p), &tf.f);
	if (expect("infinite loop: named at the loop head, rejected at the jump back",
		   &r, BV_REJECT, "infinite loop detected at insn 3", 4))
		expect_true("infinite loop: note at the loop head",
			    has_note(&r, 3, "insn 3 was reached again from insn 4"), &r);
}

/* Each of N undecided branches queues its target; the note names the
 * instruction that queued the most of the 8193. */
static void test_jmp_seq_note(void)
{
	enum { N = 8300 };
	static struct bv_insn p[N + 3];
	struct bvt_facade tf;
	struct bv_result r;
	uint32_t i;

	p[0] = (struct bv_insn)BV_CALL_HELPER(BVT_FN_ktime_get_ns);
	for (i = 1; i <= N; i++)
		p[i] = (struct bv_insn)BV_JMP_IMM(BV_JEQ, R0, (int32_t)i, 0);
	p[N + 1] = (struct bv_insn)BV_MOV64_IMM(R0, 0);
	p[N + 2] = (struct bv_insn)BV_EXIT_INSN();
	bvt_facade_init(&tf, BV_PROG_TYPE_SOCKET_FILTER);
	r = run(p, N + 3, &tf.f);
	if (expect("jump sequence", &r, BV_REJECT,
		   "The sequence of 8193 jumps is too complex.", 8193))
		expect_true("jump sequence: note names a queuing jump",
			    r.nr_notes > 0 && strstr(r.notes[0].text,
			    "branches waiting to be walked were queued by insn") != NULL, &r);
}

int main(void)
{
	test_too_large();
	test_infinite_loop();
	test_jmp_seq_note();
	return bvt_summary();
}
