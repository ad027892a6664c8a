/* test_const_str.c — constant-string helper arguments and bpf_snprintf's
 * format check (const_str.c), and the sign-extending context load of a
 * packet pointer (mem.c). Expected messages are the kernel's (observed on
 * 6.18: test/corpus/externs/snprintf_*.bpf.c, packet/xdp_ldsx_ctx_*.bpf.c).
 */
#include "fixture.h"

#define FN_snprintf 165

/* bpf_snprintf_proto: (buf or NULL, size, const fmt, data or NULL, len) */
static const struct bv_helper_proto snprintf_proto = {
	.name = "bpf_snprintf", .func_id = FN_snprintf, .gpl_only = 1,
	.ret_type = BV_RET_INTEGER,
	.arg_type = { BV_ARG_PTR_TO_MEM | BV_PTR_MAYBE_NULL | BV_MEM_WRITE,
		      BV_ARG_CONST_SIZE_OR_ZERO, BV_ARG_PTR_TO_CONST_STR,
		      BV_ARG_PTR_TO_MEM | BV_MEM_RDONLY | BV_PTR_MAYBE_NULL,
		      BV_ARG_CONST_SIZE_OR_ZERO },
};

static int helper(void *ctx, int32_t func_id, const struct bv_helper_proto **proto)
{
	if (func_id == FN_snprintf) {
		*proto = &snprintf_proto;
		return 0;
	}
	return bvt_helper(ctx, func_id, proto);
}

/* Map 1 becomes a .rodata holding `text` at offset 0. */
static void rodata(struct bvt_facade *tf, const char *text, bool frozen)
{
	static char value[64];

	memset(value, 'x', sizeof(value));
	memcpy(value, text, strlen(text) + 1);
	tf->maps[BVT_MAP_ARRAY].rdonly_prog = true;
	tf->maps[BVT_MAP_ARRAY].frozen = frozen;
	tf->maps[BVT_MAP_ARRAY].initial_value = value;
	tf->f.helper = helper;
}

/* snprintf(fp-16, 16, fmt at .rodata+off, fp-24 (one u64), 8) */
#define SNPRINTF(off) \
	BV_ST_MEM(BV_DW, 10, -24, 7), \
	BV_MOV64_REG(1, 10), BV_ALU64_IMM(BV_ADD, 1, -16), BV_MOV64_IMM(2, 16), \
	BV_LD_MAP_VALUE(3, BVT_MAP_ARRAY, off), \
	BV_MOV64_REG(4, 10), BV_ALU64_IMM(BV_ADD, 4, -24), BV_MOV64_IMM(5, 8), \
	BV_CALL_HELPER(FN_snprintf), BV_MOV64_IMM(0, 0), BV_EXIT_INSN()

static void check(const char *name, const char *text, bool frozen, int32_t off,
		  enum bv_verdict verdict, const char *msg, int32_t insn)
{
	struct bvt_facade tf;
	struct bv_insn p[] = { SNPRINTF(off) };
	struct bv_result r;

	bvt_facade_init(&tf, BV_PROG_TYPE_KPROBE);
	rodata(&tf, text, frozen);
	r = run(p, BVT_LEN(p), &tf.f);
	expect(name, &r, verdict, msg, insn);
}

int main(void)
{
	check("one %llu", "pid %llu", true, 0, BV_ACCEPT, NULL, -1);
	check("%% and %s", "100%% %s", true, 0, BV_ACCEPT, NULL, -1);
	check("%pI4", "%pI4", true, 0, BV_ACCEPT, NULL, -1);
	check("unknown conversion %lz", "pid %lz", true, 0, BV_REJECT, "Invalid format string", 9);
	check("two conversions, one argument", "%d %d", true, 0, BV_REJECT,
	      "Invalid format string", 9);
	check("%s followed by a letter", "%sx", true, 0, BV_REJECT, "Invalid format string", 9);
	check("%pI5", "%pI5", true, 0, BV_REJECT, "Invalid format string", 9);
	check("a control byte", "a\x01", true, 0, BV_REJECT, "Invalid format string", 9);
	check("a map not frozen", "%d", false, 0, BV_REJECT,
	      "R3 does not point to a readonly map'", 9);
	check("no NUL before the end", "", true, 63, BV_REJECT, "string is not zero-terminated", 9);

	/* ldsx of xdp_md->data (a packet pointer) and of a plain field */
	{
		struct bvt_facade tf;
		struct bv_insn p1[] = { BV_LDX_MEMSX(BV_W, 2, 1, 0), BV_MOV64_IMM(0, 2), BV_EXIT_INSN() };
		struct bv_insn p2[] = { BV_LDX_MEMSX(BV_W, 2, 1, 12), BV_MOV64_IMM(0, 2), BV_EXIT_INSN() };
		struct bv_result r;

		bvt_facade_init(&tf, BV_PROG_TYPE_XDP);
		r = run(p1, BVT_LEN(p1), &tf.f);
		expect("ldsx of xdp data", &r, BV_REJECT, "invalid bpf_context access off=0 size=4", 0);
		r = run(p2, BVT_LEN(p2), &tf.f);
		expect("ldsx of xdp ingress_ifindex", &r, BV_ACCEPT, NULL, -1);
	}
	return bvt_summary();
}
