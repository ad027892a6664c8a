/* test_sock.c — socket pointers in the core (sock.c, call.c): loads
 * through PTR_TO_SOCKET and PTR_TO_TCP_SOCK as the facade's
 * ptr_struct_access allows them, NULL checks, references taken by socket
 * lookups and released by bpf_sk_release, the casts that keep the
 * argument's reference, and may_update_sockmap's two-line refusal.
 */
#include "fixture.h"

#define FN_sk_lookup_tcp 84
#define FN_sk_release 86
#define FN_sk_fullsock 95
#define FN_tcp_sock 96

static const struct bv_helper_proto sock_helpers[] = {
	{ .name = "bpf_sk_lookup_tcp", .func_id = FN_sk_lookup_tcp, .pkt_access = 1,
	  .acquires_ref = 1, .ret_type = BV_RET_PTR_TO_SOCKET | BV_PTR_MAYBE_NULL,
	  .arg_type = { BV_ARG_PTR_TO_CTX, BV_ARG_PTR_TO_MEM | BV_MEM_RDONLY,
			BV_ARG_CONST_SIZE_OR_ZERO, BV_ARG_ANYTHING, BV_ARG_ANYTHING } },
	{ .name = "bpf_sk_release", .func_id = FN_sk_release, .ret_type = BV_RET_INTEGER,
	  .arg_type = { BV_ARG_PTR_TO_BTF_ID_SOCK_COMMON | BV_OBJ_RELEASE } },
	{ .name = "bpf_sk_fullsock", .func_id = FN_sk_fullsock,
	  .ret_type = BV_RET_PTR_TO_SOCKET | BV_PTR_MAYBE_NULL,
	  .arg_type = { BV_ARG_PTR_TO_SOCK_COMMON } },
	{ .name = "bpf_tcp_sock", .func_id = FN_tcp_sock,
	  .ret_type = BV_RET_PTR_TO_TCP_SOCK | BV_PTR_MAYBE_NULL,
	  .arg_type = { BV_ARG_PTR_TO_SOCK_COMMON } },
};

static int sock_helper(void *ctx, int32_t func_id, const struct bv_helper_proto **proto)
{
	for (size_t i = 0; i < sizeof(sock_helpers) / sizeof(sock_helpers[0]); i++)
		if (sock_helpers[i].func_id == func_id) {
			*proto = &sock_helpers[i];
			return 0;
		}
	return bvt_helper(ctx, func_id, proto);
}

/* A small stand-in for the kernel's rules: struct bpf_sock is 80 bytes of
 * whole u32 fields; bpf_tcp_sock's first field is a u32. */
static bool sock_struct(void *ctx, bv_reg_type type, int32_t off, uint32_t size,
			enum bv_access access, struct bv_ctx_access_info *info)
{
	(void)ctx;
	(void)info;
	if (access != BV_READ)
		return false;
	if (type == BV_PTR_TO_SOCKET)
		return off >= 0 && off < 80 && size == 4 && off % 4 == 0;
	if (type == BV_PTR_TO_TCP_SOCK)
		return off == 0 && size == 4;
	return false;
}

static int sockmap_refused(void *ctx, const struct bv_map_desc *map, int32_t func_id)
{
	(void)ctx;
	(void)map;
	return func_id == 3 ? -EPERM : 0;
}

/* r6 = ctx; a zeroed 12-byte tuple at fp-16; r0 = bpf_sk_lookup_tcp(...)
 * at insn 8. */
#define LOOKUP \
	BV_MOV64_REG(6, 1), BV_ST_MEM(BV_DW, 10, -16, 0), BV_ST_MEM(BV_W, 10, -8, 0), \
	BV_MOV64_REG(2, 10), BV_ALU64_IMM(BV_ADD, 2, -16), BV_MOV64_IMM(3, 12), \
	BV_MOV64_IMM(4, -1), BV_MOV64_IMM(5, 0), BV_CALL_HELPER(FN_sk_lookup_tcp)

static void init(struct bvt_facade *tf, bool with_struct_op)
{
	bvt_facade_init(tf, BV_PROG_TYPE_SCHED_CLS);
	tf->f.helper = sock_helper;
	if (with_struct_op)
		tf->f.ptr_struct_access = sock_struct;
}

int main(void)
{
	struct bvt_facade tf;
	struct bv_result r;

	{
		struct bv_insn p[] = {
			LOOKUP,
			BV_JMP_IMM(BV_JEQ, 0, 0, 4),
			BV_LDX_MEM(BV_W, 7, 0, 72),
			BV_MOV64_REG(1, 0),
			BV_CALL_HELPER(FN_sk_release),
			BV_MOV64_REG(0, 7),
			BV_EXIT_INSN(),
		};
		init(&tf, true);
		r = run(p, BVT_LEN(p), &tf.f);
		expect("lookup, check, read, release", &r, BV_ACCEPT, NULL, -1);
	}
	{
		struct bv_insn p[] = {
			LOOKUP,
			BV_JMP_IMM(BV_JEQ, 0, 0, 1),
			BV_LDX_MEM(BV_W, 7, 0, 72),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		init(&tf, true);
		r = run(p, BVT_LEN(p), &tf.f);
		expect("socket leaked at exit", &r, BV_REJECT,
		       "Unreleased reference id=2 alloc_insn=8", 12);
	}
	{
		struct bv_insn p[] = {
			LOOKUP,
			BV_LDX_MEM(BV_W, 7, 0, 72),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		init(&tf, true);
		r = run(p, BVT_LEN(p), &tf.f);
		expect("read before the NULL check", &r, BV_REJECT,
		       "R0 invalid mem access 'sock_or_null'", 9);
	}
	{
		struct bv_insn p[] = {
			LOOKUP,
			BV_JMP_IMM(BV_JEQ, 0, 0, 4),
			BV_LDX_MEM(BV_H, 7, 0, 2),
			BV_MOV64_REG(1, 0),
			BV_CALL_HELPER(FN_sk_release),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		init(&tf, true);
		r = run(p, BVT_LEN(p), &tf.f);
		expect("a load the structure does not allow", &r, BV_REJECT,
		       "R0 invalid sock access off=2 size=2", 10);
		init(&tf, false);
		r = run(p, BVT_LEN(p), &tf.f);
		expect("no ptr_struct_access op: unsupported", &r, BV_ERROR, NULL, 10);
	}
	{
		struct bv_insn p[] = {
			LOOKUP,
			BV_JMP_IMM(BV_JEQ, 0, 0, 4),
			BV_ST_MEM(BV_W, 0, 0, 1),
			BV_MOV64_REG(1, 0),
			BV_CALL_HELPER(FN_sk_release),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		init(&tf, true);
		r = run(p, BVT_LEN(p), &tf.f);
		expect("store into a socket", &r, BV_REJECT, "R0 cannot write into sock", 10);
	}
	{
		/* skb->sk is not referenced: releasing it is refused */
		struct bv_insn p[] = {
			BV_LDX_MEM(BV_DW, 1, 1, 168),
			BV_JMP_IMM(BV_JEQ, 1, 0, 5),
			BV_CALL_HELPER(FN_sk_fullsock),
			BV_JMP_IMM(BV_JEQ, 0, 0, 3),
			BV_MOV64_REG(1, 0),
			BV_CALL_HELPER(FN_sk_release),
			BV_MOV64_IMM(0, 0),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		init(&tf, true);
		r = run(p, BVT_LEN(p), &tf.f);
		expect("release of an unreferenced socket", &r, BV_REJECT,
		       "R1 must be referenced when passed to release function", 5);
	}
	{
		/* bpf_tcp_sock keeps the lookup's reference: releasing the
		 * original socket is enough, the tcp_sock dies with it */
		struct bv_insn p[] = {
			LOOKUP,
			BV_JMP_IMM(BV_JEQ, 0, 0, 8),
			BV_MOV64_REG(7, 0),
			BV_MOV64_REG(1, 0),
			BV_CALL_HELPER(FN_tcp_sock),
			BV_JMP_IMM(BV_JEQ, 0, 0, 1),
			BV_LDX_MEM(BV_W, 8, 0, 0),
			BV_MOV64_REG(1, 7),
			BV_CALL_HELPER(FN_sk_release),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		init(&tf, true);
		r = run(p, BVT_LEN(p), &tf.f);
		expect("tcp_sock of a referenced socket", &r, BV_ACCEPT, NULL, -1);
	}
	{
		struct bv_insn p[] = {
			BV_ST_MEM(BV_W, 10, -4, 0),
			BV_MOV64_REG(2, 10),
			BV_ALU64_IMM(BV_ADD, 2, -4),
			BV_LD_MAP_FD(1, BVT_MAP_HASH),
			BV_CALL_HELPER(3),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		init(&tf, true);
		tf.f.map_helper_compatible = sockmap_refused;
		r = run(p, BVT_LEN(p), &tf.f);
		expect("may_update_sockmap refuses first", &r, BV_REJECT,
		       "cannot update sockmap in this context", 5);
		expect_true("then the map type line",
			    r.nr_notes >= 1 &&
			    strstr(r.notes[r.nr_notes - 1].text, "cannot pass map_type 1 into func") != NULL,
			    &r);
	}
	return bvt_summary();
}
