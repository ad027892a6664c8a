/* test_map_ptr.c — loads through a map's own pointer (CONST_PTR_TO_MAP,
 * kernel check_ptr_to_map_access): a BTF-typed read of the map type's
 * struct (the facade's map_btf_id), reads only, non-negative offsets, the
 * struct walk's refusal passed through, a map type without a struct, and
 * `error` for a map type the facade does not know.
 *
 * Test facade: the hash map is struct "bpf_htab" (id 20, 64 bytes), the
 * array map has no struct (0), the ring buffer is not modelled (-1).
 */
#include "fixture.h"

#define HTAB_ID 20

static int64_t map_btf_id(void *ctx, uint32_t map_type)
{
	(void)ctx;
	return map_type == BV_MAP_TYPE_HASH ? HTAB_ID : map_type == BV_MAP_TYPE_ARRAY ? 0 : -1;
}

static int struct_access(void *ctx, uint32_t btf_id, int32_t off, uint32_t size,
			 enum bv_access access, struct bv_btf_access *out)
{
	(void)ctx;
	(void)access;
	if (btf_id != HTAB_ID || (uint32_t)off + size > 64) {
		snprintf(out->msg, sizeof(out->msg), "access beyond struct bpf_htab at off %d size %u",
			 off, size);
		return -EACCES;
	}
	out->type = BV_SCALAR;
	return 0;
}

static const char *type_name(void *ctx, uint32_t btf_id)
{
	(void)ctx;
	return btf_id == HTAB_ID ? "bpf_htab" : NULL;
}

static void check(const char *name, const struct bv_insn *p, uint32_t n, struct bvt_facade *tf,
		  enum bv_verdict want, const char *msg, int32_t at)
{
	struct bv_result r = run(p, n, &tf->f);

	expect(name, &r, want, msg, at);
}

int main(void)
{
	struct bvt_facade tf;

	bvt_facade_init(&tf, BV_PROG_TYPE_SCHED_CLS);
	tf.f.btf_struct_access = struct_access;
	tf.f.btf_type_name = type_name;
	tf.f.map_btf_id = map_btf_id;
	{
		/* r0 = ((struct bpf_map *)&hash)->max_entries (off 36) */
		struct bv_insn p[] = {
			BV_LD_MAP_FD(1, BVT_MAP_HASH),
			BV_LDX_MEM(BV_W, 0, 1, 36),
			BV_ALU64_IMM(BV_AND, 0, 1),
			BV_EXIT_INSN(),
		};
		check("read a field of the map's struct", p, BVT_LEN(p), &tf, BV_ACCEPT, NULL, -1);
	}
	{
		struct bv_insn p[] = {
			BV_LD_MAP_FD(1, BVT_MAP_HASH),
			BV_ST_MEM(BV_W, 1, 36, 1),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("write refused", p, BVT_LEN(p), &tf, BV_REJECT,
		      "only read from bpf_htab is supported", 2);
	}
	{
		struct bv_insn p[] = {
			BV_LD_MAP_FD(1, BVT_MAP_HASH),
			BV_LDX_MEM(BV_DW, 0, 1, -8),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("negative offset", p, BVT_LEN(p), &tf, BV_REJECT,
		      "R1 is bpf_htab invalid negative access: off=-8", 2);
	}
	{
		struct bv_insn p[] = {
			BV_LD_MAP_FD(1, BVT_MAP_HASH),
			BV_LDX_MEM(BV_DW, 0, 1, 64),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("past the struct", p, BVT_LEN(p), &tf, BV_REJECT,
		      "access beyond struct bpf_htab at off 64 size 8", 2);
	}
	{
		struct bv_insn p[] = {
			BV_LD_MAP_FD(1, BVT_MAP_ARRAY),
			BV_LDX_MEM(BV_W, 0, 1, 36),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("a map type without a struct", p, BVT_LEN(p), &tf, BV_REJECT,
		      "map_ptr access not supported for map type 2", 2);
	}
	{
		struct bv_insn p[] = {
			BV_LD_MAP_FD(1, BVT_MAP_RINGBUF),
			BV_LDX_MEM(BV_W, 0, 1, 36),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		struct bv_result r = run(p, BVT_LEN(p), &tf.f);

		expect("a map type not modelled: error", &r, BV_ERROR, NULL, 2);
	}
	tf.f.allow_ptr_leaks = false;
	{
		struct bv_insn p[] = {
			BV_LD_MAP_FD(1, BVT_MAP_HASH),
			BV_LDX_MEM(BV_W, 0, 1, 36),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("unprivileged", p, BVT_LEN(p), &tf, BV_REJECT,
		      "'struct bpf_htab' access is allowed only to CAP_PERFMON and CAP_SYS_ADMIN", 2);
		tf.f.features &= ~BV_FEAT_BIT(BV_FEAT_MAP_PTR_UNPRIV_STRUCT_MSG);
		check("unprivileged, 6.1's words", p, BVT_LEN(p), &tf, BV_REJECT,
		      "bpf_htab access is allowed only to CAP_PERFMON and CAP_SYS_ADMIN", 2);
	}
	return bvt_summary();
}
