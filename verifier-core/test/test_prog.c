/* test_prog.c — the static passes (prog.c): instruction checks, subprogram
 * discovery, func info, the CFG walk and its prune points, and the
 * per-instruction encoding checks of the path walk. Expected messages,
 * order and errnos were observed on the live Linux 6.18 kernel with the
 * same instruction sequences (root, socket filter).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "bpfverify/verifier.h"
#include "log.h"
#include "prog.h"

#define LEN(a) ((uint32_t)(sizeof(a) / sizeof((a)[0])))
#define I(c, d, s, o, i) \
	{ .code = (c), .dst_reg = (d), .src_reg = (s), .off = (o), .imm = (i) }
#define MOV0   I(0xb7, 0, 0, 0, 0)      /* r0 = 0 */
#define EXIT   I(0x95, 0, 0, 0, 0)
#define HI(v)  I(0, 0, 0, 0, v)         /* second half of an ld_imm64 */

static int passed, failed;

static void ok(const char *what, int cond, const char *detail)
{
	if (cond) {
		passed++;
		return;
	}
	failed++;
	printf("FAIL %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
}

/* ---- a minimal facade: map 0 is a global-data array, map 2 a hash, map 3
 * an array with 4 entries; no other index exists ---- */
static const struct bv_map_desc map_data = {
	.name = ".data", .type = BV_MAP_TYPE_ARRAY, .key_size = 4,
	.value_size = 8, .max_entries = 1, .spin_lock_off = -1, .timer_off = -1,
};
static const struct bv_map_desc map_hash = {
	.name = "h", .type = BV_MAP_TYPE_HASH, .key_size = 4,
	.value_size = 8, .max_entries = 4, .spin_lock_off = -1, .timer_off = -1,
};
static const struct bv_map_desc map_arr4 = {
	.name = "a", .type = BV_MAP_TYPE_ARRAY, .key_size = 4,
	.value_size = 8, .max_entries = 4, .spin_lock_off = -1, .timer_off = -1,
};

/* maps whose kinds the kernel checks against the program type */
static const struct bv_map_desc map_lock = {
	.name = "l", .type = BV_MAP_TYPE_ARRAY, .key_size = 4,
	.value_size = 8, .max_entries = 1, .spin_lock_off = 0, .timer_off = -1,
};
static const struct bv_map_desc map_timer = {
	.name = "t", .type = BV_MAP_TYPE_ARRAY, .key_size = 4,
	.value_size = 24, .max_entries = 1, .spin_lock_off = -1, .timer_off = 0,
};
static const struct bv_map_desc map_sops = {
	.name = "ops", .type = BV_MAP_TYPE_STRUCT_OPS, .key_size = 4,
	.value_size = 8, .max_entries = 1, .spin_lock_off = -1, .timer_off = -1,
};
static const struct bv_map_desc map_cgs = {
	.name = "cgs", .type = BV_MAP_TYPE_CGROUP_STORAGE, .key_size = 16,
	.value_size = 8, .max_entries = 0, .spin_lock_off = -1, .timer_off = -1,
};

/* 0 .data, 2 hash, 3 4-entry array, 4 spin lock, 5 timer, 6 struct_ops,
 * 7 and 8 cgroup storages, 100..199 plain arrays; nothing else. */
static const struct bv_map_desc *test_map(void *ctx, uint32_t index)
{
	(void)ctx;
	switch (index) {
	case 0: return &map_data;
	case 2: return &map_hash;
	case 3: return &map_arr4;
	case 4: return &map_lock;
	case 5: return &map_timer;
	case 6: return &map_sops;
	case 7: case 8: return &map_cgs;
	}
	return index >= 100 && index < 200 ? &map_data : NULL;
}

static struct bv_facade facade(bool capable)
{
	struct bv_facade f;

	memset(&f, 0, sizeof(f));
	f.sz = sizeof(f);
	f.kernel_name = "6.18";
	f.kernel_version = BV_KERNEL_VERSION(6, 18, 0);
	f.bpf_capable = capable;
	f.gpl_compatible = true;
	f.prog_type = BV_PROG_TYPE_SOCKET_FILTER;
	f.max_subprogs = 256;
	f.map = test_map;
	f.nr_maps = 4;
	f.features = BV_FEATURES_ALL;
	return f;
}

/* The facade the encoding checks see (enc, enc1). */
static const struct bv_facade *enc_facade;

/* ---- running the passes ---- */
struct run {
	struct bv_result res;
	struct bv_prog_info info;
	int err;
};

/* bv_check_insns then (when it passes and cfg is set) bv_check_cfg. */
static void run_passes(struct run *r, const struct bv_insn *p, uint32_t n,
		       const struct bv_facade *f, bool cfg)
{
	struct bv_log log;

	memset(&r->res, 0, sizeof(r->res));
	r->res.insn = -1;
	bv_log_init(&log, NULL, &r->res);
	r->err = bv_prog_info_init(&r->info, p, n);
	if (!r->err)
		r->err = bv_check_insns(&r->info, f, &log);
	if (!r->err && cfg)
		r->err = bv_check_cfg(&r->info, f, &log);
	bv_log_finish(&log);
}

static void expect(const char *what, struct run *r, enum bv_verdict v,
		   const char *msg, int32_t insn, int err)
{
	char detail[1024];

	snprintf(detail, sizeof(detail), "verdict %d insn %d err %d msg '%s'",
		 r->res.verdict, r->res.insn, r->err, r->res.message);
	ok(what, r->res.verdict == v &&
		 (!msg || strcmp(r->res.message, msg) == 0) &&
		 (v == BV_ACCEPT || r->res.insn == insn) &&
		 (!err || r->err == err) && (v != BV_ACCEPT || r->err == 0),
	   detail);
}

static void check(const char *what, const struct bv_insn *p, uint32_t n,
		  const struct bv_facade *f, enum bv_verdict v, const char *msg,
		  int32_t insn, int err)
{
	struct run r;

	run_passes(&r, p, n, f, true);
	expect(what, &r, v, msg, insn, err);
	bv_prog_info_free(&r.info);
}

#define CHECK(what, prog, f, v, msg, insn, err) \
	check(what, prog, LEN(prog), f, v, msg, insn, err)

/* Encoding check of insn idx in one phase. */
static void enc(const char *what, const struct bv_insn *p, uint32_t n, uint32_t idx,
		enum bv_enc_phase phase, const char *msg)
{
	struct bv_result res;
	struct bv_log log;
	char detail[1024];
	int err;

	memset(&res, 0, sizeof(res));
	res.insn = -1;
	bv_log_init(&log, NULL, &res);
	err = bv_check_insn_encoding_phase(&log, enc_facade, p, n, idx, phase);
	bv_log_finish(&log);
	snprintf(detail, sizeof(detail), "phase %d err %d insn %d msg '%s' want '%s'",
		 phase, err, res.insn, res.message, msg ? msg : "(none)");
	if (!msg)
		ok(what, err == 0 && res.verdict == BV_ACCEPT, detail);
	else
		ok(what, err == -EINVAL && res.verdict == BV_REJECT &&
			 res.insn == (int32_t)idx && strcmp(res.message, msg) == 0, detail);
}

/* One instruction at index 0, checked in the given phase. */
static void enc1(const char *what, struct bv_insn insn, enum bv_enc_phase phase,
		 const char *msg)
{
	struct bv_insn p[2] = { insn, HI(0) };

	enc(what, p, 2, 0, phase, msg);
}

/* What 6.18 answered for each opcode o in the program
 * { (o) r0 0 0 0, r0 = 0, r0 = 0, exit } (log level 1, last line). */
static const char *const kernel_256[256] = {
	"unknown opcode 00",
	"BPF_LDX uses reserved fields",
	"unknown opcode 02",
	"unknown opcode 03",
	"R0 !read_ok",
	"",
	"",
	"R0 !read_ok",
	"unknown opcode 08",
	"BPF_LDX uses reserved fields",
	"unknown opcode 0a",
	"unknown opcode 0b",
	"R0 !read_ok",
	"unknown opcode 0d",
	"unknown opcode 0e",
	"R0 !read_ok",
	"unknown opcode 10",
	"BPF_LDX uses reserved fields",
	"unknown opcode 12",
	"unknown opcode 13",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"invalid bpf_ld_imm64 insn",
	"BPF_LDX uses reserved fields",
	"unknown opcode 1a",
	"unknown opcode 1b",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R6 !read_ok",
	"BPF_LDX uses reserved fields",
	"unknown opcode 22",
	"unknown opcode 23",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R6 !read_ok",
	"BPF_LDX uses reserved fields",
	"unknown opcode 2a",
	"unknown opcode 2b",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R6 !read_ok",
	"BPF_LDX uses reserved fields",
	"unknown opcode 32",
	"unknown opcode 33",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"unknown opcode 38",
	"BPF_LDX uses reserved fields",
	"unknown opcode 3a",
	"unknown opcode 3b",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R6 !read_ok",
	"BPF_LDX uses reserved fields",
	"unknown opcode 42",
	"unknown opcode 43",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R6 !read_ok",
	"BPF_LDX uses reserved fields",
	"unknown opcode 4a",
	"unknown opcode 4b",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R6 !read_ok",
	"BPF_LDX uses reserved fields",
	"unknown opcode 52",
	"unknown opcode 53",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"unknown opcode 58",
	"BPF_LDX uses reserved fields",
	"unknown opcode 5a",
	"unknown opcode 5b",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"unknown opcode 60",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"unknown opcode 68",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"unknown opcode 70",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"unknown opcode 78",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"unknown opcode 80",
	"R0 !read_ok",
	"unknown opcode 82",
	"unknown opcode 83",
	"R0 !read_ok",
	"program of this type cannot use helper bpf_unspec#0",
	"unknown opcode 86",
	"R0 !read_ok",
	"unknown opcode 88",
	"R0 !read_ok",
	"unknown opcode 8a",
	"unknown opcode 8b",
	"unknown opcode 8c",
	"unknown opcode 8d",
	"unknown opcode 8e",
	"unknown opcode 8f",
	"unknown opcode 90",
	"R0 !read_ok",
	"unknown opcode 92",
	"unknown opcode 93",
	"R0 !read_ok",
	"unreachable insn 1",
	"unknown opcode 96",
	"R0 !read_ok",
	"unknown opcode 98",
	"unknown opcode 99",
	"unknown opcode 9a",
	"unknown opcode 9b",
	"R0 !read_ok",
	"unknown opcode 9d",
	"unknown opcode 9e",
	"R0 !read_ok",
	"unknown opcode a0",
	"BPF_LDX uses reserved fields",
	"unknown opcode a2",
	"unknown opcode a3",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"unknown opcode a8",
	"BPF_LDX uses reserved fields",
	"unknown opcode aa",
	"unknown opcode ab",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"unknown opcode b0",
	"BPF_LDX uses reserved fields",
	"unknown opcode b2",
	"unknown opcode b3",
	"",
	"R0 !read_ok",
	"R0 !read_ok",
	"",
	"unknown opcode b8",
	"BPF_LDX uses reserved fields",
	"unknown opcode ba",
	"unknown opcode bb",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"unknown opcode c0",
	"BPF_LDX uses reserved fields",
	"unknown opcode c2",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"unknown opcode c8",
	"BPF_LDX uses reserved fields",
	"unknown opcode ca",
	"invalid atomic operand size",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"R0 !read_ok",
	"unknown opcode d0",
	"BPF_LDX uses reserved fields",
	"unknown opcode d2",
	"invalid atomic operand size",
	"BPF_END uses reserved fields",
	"R0 !read_ok",
	"R0 !read_ok",
	"BPF_END uses reserved fields",
	"unknown opcode d8",
	"BPF_LDX uses reserved fields",
	"unknown opcode da",
	"R0 !read_ok",
	"BPF_END uses reserved fields",
	"R0 !read_ok",
	"R0 !read_ok",
	"unknown opcode df",
	"unknown opcode e0",
	"BPF_LDX uses reserved fields",
	"unknown opcode e2",
	"unknown opcode e3",
	"unknown opcode e4",
	"",
	"unknown opcode e6",
	"unknown opcode e7",
	"unknown opcode e8",
	"BPF_LDX uses reserved fields",
	"unknown opcode ea",
	"unknown opcode eb",
	"unknown opcode ec",
	"unknown opcode ed",
	"unknown opcode ee",
	"unknown opcode ef",
	"unknown opcode f0",
	"BPF_LDX uses reserved fields",
	"unknown opcode f2",
	"unknown opcode f3",
	"unknown opcode f4",
	"unknown opcode f5",
	"unknown opcode f6",
	"unknown opcode f7",
	"unknown opcode f8",
	"BPF_LDX uses reserved fields",
	"unknown opcode fa",
	"unknown opcode fb",
	"unknown opcode fc",
	"unknown opcode fd",
	"unknown opcode fe",
	"unknown opcode ff",
};

static void test_opcode_table(const struct bv_facade *f)
{
	unsigned c;

	for (c = 0; c < 256; c++) {
		struct bv_insn p[4] = { I(c, 0, 0, 0, 0), MOV0, MOV0, EXIT };
		const char *k = kernel_256[c];
		bool static_msg = strncmp(k, "unknown opcode", 14) == 0 ||
				  strcmp(k, "BPF_LDX uses reserved fields") == 0 ||
				  strcmp(k, "invalid bpf_ld_imm64 insn") == 0 ||
				  strcmp(k, "unreachable insn 1") == 0;
		bool enc_msg = strstr(k, "uses reserved fields") || strstr(k, "atomic");
		char what[64];
		struct run r;

		snprintf(what, sizeof(what), "opcode %02x static", c);
		run_passes(&r, p, 4, f, true);
		/* checks before the walk name no instruction in the kernel's log */
		if (static_msg)
			expect(what, &r, BV_REJECT, k,
			       !strcmp(k, "unreachable insn 1") ? 1 :
			       !strcmp(k, "invalid bpf_ld_imm64 insn") ? 0 : -1, -EINVAL);
		else
			expect(what, &r, BV_ACCEPT, NULL, -1, 0);
		bv_prog_info_free(&r.info);
		if (static_msg)
			continue;
		/* Passed the static checks: the walk's encoding check (before
		 * register reads) must give the kernel's answer when the
		 * kernel's was an encoding message, and pass otherwise
		 * ("R0 !read_ok", helper or accept). */
		snprintf(what, sizeof(what), "opcode %02x encoding", c);
		enc(what, p, 4, 0, BV_ENC_BEFORE_READS, enc_msg ? k : NULL);
	}
	/* The ld_imm64 opcode in the table too (its pair was malformed above). */
	ok("opcode 18 known", bv_opcode_known(0x18, f), NULL);
	ok("ldx mem known", bv_opcode_known(0x61, f) && bv_opcode_known(0x91, f), NULL);
	ok("ldx bad mode unknown", !bv_opcode_known(0x21, f) && !bv_opcode_known(0x99, f), NULL);
}

/* A kernel without the cpu v4 instructions and may_goto (6.1's verifier):
 * ldsx is an LDX with reserved fields, bswap64 and may_goto are unknown
 * opcodes, all before the walk; movsx and sdiv/smod use reserved
 * fields, found by the walk. */
static void test_pre_cpuv4(void)
{
	struct bv_facade old = facade(true);
	const struct bv_insn ldsx[] = { I(0x91, 0, 1, 0, 0), MOV0, EXIT };
	const struct bv_insn bswap[] = { MOV0, I(0xd7, 0, 0, 0, 16), EXIT };
	const struct bv_insn may_goto[] = { MOV0, I(0xe5, 0, 0, 0, 0), EXIT };

	old.features &= ~(BV_FEAT_BIT(BV_FEAT_CPUV4_INSNS) | BV_FEAT_BIT(BV_FEAT_MAY_GOTO));
	CHECK("old ldsx", ldsx, &old, BV_REJECT, "BPF_LDX uses reserved fields", -1, -EINVAL);
	CHECK("old bswap64", bswap, &old, BV_REJECT, "unknown opcode d7", -1, -EINVAL);
	ok("old gotol known", bv_opcode_known(0x06, &old), NULL);
	CHECK("old may_goto", may_goto, &old, BV_REJECT, "unknown opcode e5", -1, -EINVAL);
	ok("old ldx mem known", bv_opcode_known(0x61, &old), NULL);
	ok("new may_goto known", bv_opcode_known(0xe5, enc_facade), NULL);
	enc_facade = &old;
	enc1("old sdiv", (struct bv_insn)I(0x3f, 5, 1, 1, 0), BV_ENC_BEFORE_READS,
	     "BPF_ALU uses reserved fields");
	enc1("old smod K", (struct bv_insn)I(0x97, 5, 0, 1, 3), BV_ENC_BEFORE_READS,
	     "BPF_ALU uses reserved fields");
	enc1("old movsx64", (struct bv_insn)I(0xbf, 5, 1, 8, 0), BV_ENC_BEFORE_READS,
	     "BPF_MOV uses reserved fields");
	enc1("old mov ok", (struct bv_insn)I(0xbf, 5, 1, 0, 0), BV_ENC_ALL, NULL);
	enc1("old div ok", (struct bv_insn)I(0x37, 5, 0, 0, 3), BV_ENC_ALL, NULL);
}

static void test_ldimm64(const struct bv_facade *f)
{
	const struct bv_insn at_end[] = { MOV0, EXIT, I(0x18, 1, 0, 0, 1) };
	const struct bv_insn bad_hi[] = { I(0x18, 1, 0, 0, 1), I(0, 1, 0, 0, 0), MOV0, EXIT };
	const struct bv_insn bad_src[] = { I(0x18, 1, 7, 0, 1), HI(0), MOV0, EXIT };
	const struct bv_insn fd_hi[] = { I(0x18, 1, 1, 0, 0), HI(1), MOV0, EXIT };
	const struct bv_insn bad_map[] = { MOV0, I(0x18, 1, 1, 0, 1), HI(0), EXIT };
	const struct bv_insn good_map[] = { I(0x18, 1, 1, 0, 0), HI(0), MOV0, EXIT };
	const struct bv_insn val_ok[] = { I(0x18, 1, 2, 0, 0), HI(4), MOV0, EXIT };
	const struct bv_insn val_big[] = { I(0x18, 1, 2, 0, 0), HI(1 << 29), MOV0, EXIT };
	const struct bv_insn val_oob[] = { I(0x18, 1, 2, 0, 0), HI(8), MOV0, EXIT };
	const struct bv_insn val_hash[] = { I(0x18, 1, 2, 0, 2), HI(0), MOV0, EXIT };
	const struct bv_insn val_arr4[] = { I(0x18, 1, 2, 0, 3), HI(0), MOV0, EXIT };
	const struct bv_insn btf_id[] = { I(0x18, 1, 3, 0, 7), HI(0), MOV0, EXIT };
	const struct bv_insn plain[] = { I(0x18, 1, 0, 0, -8), HI(0x1ffffff), MOV0, EXIT };
	/* The per-instruction pass runs in order: an unknown opcode before a
	 * bad LDX wins, and both are found before the CFG pass. */
	const struct bv_insn order1[] = { I(0x00, 0, 0, 0, 0), I(0x61, 0, 1, 0, 5), EXIT };
	const struct bv_insn order2[] = { EXIT, I(0x61, 0, 1, 0, 5), EXIT };
	struct run r;

	CHECK("ldimm64 at end", at_end, f, BV_REJECT, "last insn is not an exit or jmp", 2, -EINVAL);
	CHECK("ldimm64 bad second half", bad_hi, f, BV_REJECT, "invalid bpf_ld_imm64 insn", 0, -EINVAL);
	CHECK("ldimm64 bad src", bad_src, f, BV_REJECT, "unrecognized bpf_ld_imm64 insn", 0, -EINVAL);
	CHECK("ldimm64 map fd with high imm", fd_hi, f, BV_REJECT, "unrecognized bpf_ld_imm64 insn", 0, -EINVAL);
	CHECK("ldimm64 unknown map", bad_map, f, BV_REJECT, "fd 1 is not pointing to valid bpf_map", 1, -EBADF);
	CHECK("ldimm64 map", good_map, f, BV_ACCEPT, NULL, -1, 0);
	CHECK("ldimm64 map value", val_ok, f, BV_ACCEPT, NULL, -1, 0);
	CHECK("ldimm64 value offset too big", val_big, f, BV_REJECT,
	      "direct value offset of 536870912 is not allowed", 0, -EINVAL);
	CHECK("ldimm64 value offset oob", val_oob, f, BV_REJECT,
	      "invalid access to map value pointer, value_size=8 off=8", 0, -EINVAL);
	CHECK("ldimm64 value of hash", val_hash, f, BV_REJECT,
	      "no direct value access support for this map type", 0, -EINVAL);
	CHECK("ldimm64 value of multi-entry array", val_arr4, f, BV_REJECT,
	      "invalid access to map value pointer, value_size=8 off=0", 0, -524);
	CHECK("ldimm64 btf id", btf_id, f, BV_ERROR, NULL, 0, -EOPNOTSUPP);
	CHECK("ldimm64 plain", plain, f, BV_ACCEPT, NULL, -1, 0);
	CHECK("order unknown before ldx", order1, f, BV_REJECT, "unknown opcode 00", -1, -EINVAL);
	CHECK("ldx before cfg", order2, f, BV_REJECT, "BPF_LDX uses reserved fields", -1, -EINVAL);

	run_passes(&r, good_map, LEN(good_map), f, true);
	ok("ldimm64 hi flag", (r.info.insn_flags[1] & BV_INSN_LDIMM64_HI) &&
	   !(r.info.insn_flags[0] & BV_INSN_LDIMM64_HI), NULL);
	bv_prog_info_free(&r.info);
}

/* check_map_prog_compatibility and the used-maps limit (6.18 observed). */
static void test_map_compat(void)
{
	struct bv_facade sock = facade(true), kprobe = facade(true), rawtpw = facade(true);
	struct bv_facade tc = facade(true), cgskb = facade(true);
	const struct bv_insn lock[] = { I(0x18, 1, 1, 0, 4), HI(0), MOV0, EXIT };
	const struct bv_insn timer[] = { I(0x18, 1, 1, 0, 5), HI(0), MOV0, EXIT };
	const struct bv_insn sops[] = { I(0x18, 1, 1, 0, 6), HI(0), MOV0, EXIT };
	const struct bv_insn cgs2[] = { I(0x18, 1, 1, 0, 7), HI(0), I(0x18, 1, 1, 0, 8), HI(0), MOV0, EXIT };
	const struct bv_insn cgs1[] = { I(0x18, 1, 1, 0, 7), HI(0), I(0x18, 1, 1, 0, 7), HI(0), MOV0, EXIT };
	struct bv_insn many[2 * 65 + 2];
	uint32_t k;

	kprobe.prog_type = BV_PROG_TYPE_KPROBE;
	rawtpw.prog_type = BV_PROG_TYPE_RAW_TRACEPOINT_WRITABLE;
	tc.prog_type = BV_PROG_TYPE_SCHED_CLS;
	cgskb.prog_type = BV_PROG_TYPE_CGROUP_SKB;
	/* checked before the walk: no insn (a note names the ld_imm64) */
	CHECK("spin lock in socket filter", lock, &sock, BV_REJECT,
	      "socket filter progs cannot use bpf_spin_lock yet", -1, -EINVAL);
	CHECK("spin lock in kprobe", lock, &kprobe, BV_REJECT,
	      "tracing progs cannot use bpf_spin_lock yet", -1, -EINVAL);
	CHECK("spin lock in raw_tp.w", lock, &rawtpw, BV_REJECT,
	      "tracing progs cannot use bpf_spin_lock yet", -1, -EINVAL);
	CHECK("spin lock in tc", lock, &tc, BV_ACCEPT, NULL, -1, 0);
	CHECK("timer in kprobe", timer, &kprobe, BV_REJECT,
	      "tracing progs cannot use bpf_timer yet", -1, -EINVAL);
	CHECK("timer in socket filter", timer, &sock, BV_ACCEPT, NULL, -1, 0);
	CHECK("struct_ops map", sops, &tc, BV_REJECT,
	      "bpf_struct_ops map cannot be used in prog", -1, -EINVAL);
	CHECK("two cgroup storages", cgs2, &cgskb, BV_REJECT,
	      "only one cgroup storage of each type is allowed", -1, -EBUSY);
	CHECK("one cgroup storage twice", cgs1, &cgskb, BV_ACCEPT, NULL, -1, 0);
	for (k = 0; k < 65; k++) {
		many[2 * k] = (struct bv_insn)I(0x18, 1, 1, 0, (int32_t)(100 + k));
		many[2 * k + 1] = (struct bv_insn)HI(0);
	}
	many[130] = (struct bv_insn)MOV0;
	many[131] = (struct bv_insn)EXIT;
	CHECK("65 maps", many, &sock, BV_REJECT,
	      "The total number of maps per program has reached the limit of 64", 128, -E2BIG);
	many[128] = (struct bv_insn)I(0x18, 1, 1, 0, 100);   /* a map seen before */
	CHECK("64 maps, one twice", many, &sock, BV_ACCEPT, NULL, -1, 0);
}

static void test_subprogs(const struct bv_facade *f)
{
	struct bv_facade nocap = facade(false), two = facade(true), nongpl = facade(true);
	const struct bv_insn bad_call[] = { I(0x85, 0, 1, 0, 100), I(0x00, 0, 0, 0, 0), EXIT };
	const struct bv_insn far_jmp[] = { I(0x05, 0, 0, 5, 0), I(0x00, 0, 0, 0, 0), EXIT };
	const struct bv_insn no_exit[] = { MOV0, MOV0 };
	const struct bv_insn gotol_far[] = { I(0x06, 0, 0, 0, -3), EXIT };
	/* 0: call pc+2 -> 3 | 1: r0 = 0 | 2: exit | 3: r0 = 0 | 4: exit */
	const struct bv_insn two_fn[] = { I(0x85, 0, 1, 0, 2), MOV0, EXIT, MOV0, EXIT };
	/* main jumps into the subprogram */
	const struct bv_insn cross[] = { I(0x85, 0, 1, 0, 2), I(0x05, 0, 0, 1, 0), EXIT, MOV0, EXIT };
	/* main falls into the subprogram */
	const struct bv_insn fall[] = { I(0x85, 0, 1, 0, 1), MOV0, MOV0, EXIT };
	const struct bv_insn three_fn[] = { I(0x85, 0, 1, 0, 2), I(0x85, 0, 1, 0, 2), EXIT,
					    EXIT, MOV0, EXIT };
	const struct bv_insn kfunc[] = { I(0x85, 0, 2, 0, 1234), MOV0, EXIT };
	const struct bv_insn kfunc0[] = { I(0x85, 0, 2, 0, 0), MOV0, EXIT };
	const struct bv_insn kfunc0_dead[] = { MOV0, I(0x05, 0, 0, 1, 0), I(0x85, 0, 2, 0, 0), EXIT };
	const struct bv_insn pfunc[] = { I(0x18, 2, 4, 0, 3), HI(0), MOV0, EXIT, MOV0, EXIT };
	/* ld_abs / tail call in a subprogram, no func info */
	const struct bv_insn ldabs_sub[] = { I(0x85, 0, 1, 0, 1), EXIT, I(0x20, 0, 0, 0, 0), EXIT };
	const struct bv_insn tail_sub[] = { I(0x85, 0, 1, 0, 1), EXIT, I(0x85, 0, 0, 0, 12), EXIT };
	struct run r;

	nongpl.gpl_compatible = false;
	{
		struct bv_insn big[4097];
		uint32_t k;

		for (k = 0; k < 4096; k++)
			big[k] = (struct bv_insn)MOV0;
		big[4096] = (struct bv_insn)EXIT;
		check("empty program", big, 0, f, BV_REJECT, NULL, -1, -E2BIG);
		check("4097 insns capable", big, 4097, f, BV_ACCEPT, NULL, -1, 0);
		check("4097 insns unprivileged", big, 4097, &nocap, BV_REJECT, NULL, -1, -E2BIG);
		big[4095] = (struct bv_insn)EXIT;
		check("4096 insns unprivileged", big, 4096, &nocap, BV_ACCEPT, NULL, -1, 0);
	}
	CHECK("call to invalid destination", bad_call, f, BV_REJECT, "call to invalid destination", 0, -EINVAL);
	CHECK("jump out of range", far_jmp, f, BV_REJECT, "jump out of range from insn 0 to 6", 0, -EINVAL);
	CHECK("gotol out of range", gotol_far, f, BV_REJECT, "jump out of range from insn 0 to -2", 0, -EINVAL);
	CHECK("last insn not exit", no_exit, f, BV_REJECT, "last insn is not an exit or jmp", 1, -EINVAL);
	CHECK("two subprogs", two_fn, f, BV_ACCEPT, NULL, -1, 0);
	CHECK("jump into next subprog", cross, f, BV_REJECT, "jump out of range from insn 1 to 3", 1, -EINVAL);
	CHECK("fall into next subprog", fall, f, BV_REJECT, "last insn is not an exit or jmp", 1, -EINVAL);
	CHECK("calls need CAP_BPF", two_fn, &nocap, BV_REJECT,
	      "loading/calling other bpf or kernel functions are allowed for CAP_BPF and CAP_SYS_ADMIN",
	      0, -EPERM);
	/* kfunc calls pass discovery; kfunc.c checks them during the walk */
	CHECK("kfunc passes discovery", kfunc, f, BV_ACCEPT, NULL, -1, 0);
	CHECK("kfunc btf_id 0 left to the walk", kfunc0, f, BV_ACCEPT, NULL, -1, 0);
	CHECK("kfunc btf_id 0 dead", kfunc0_dead, f, BV_REJECT, "unreachable insn 2", 2, -EINVAL);
	CHECK("kfunc from non-GPL", kfunc0, &nongpl, BV_REJECT,
	      "cannot call kernel function from non-GPL compatible program", 0, -EINVAL);
	CHECK("pseudo call from non-GPL", two_fn, &nongpl, BV_ACCEPT, NULL, -1, 0);
	/* a callback address is a subprogram start, checked during the walk */
	CHECK("callback address passes", pfunc, f, BV_ACCEPT, NULL, -1, 0);
	CHECK("ld_abs in subprog without BTF", ldabs_sub, f, BV_REJECT,
	      "LD_ABS is not allowed in subprogs without BTF", 2, -EINVAL);
	CHECK("tail call in subprog without BTF", tail_sub, f, BV_REJECT,
	      "tail_call is not allowed in subprogs without BTF", 2, -EINVAL);
	two.max_subprogs = 2;
	CHECK("too many subprograms", three_fn, &two, BV_REJECT, "too many subprograms", 1, -E2BIG);

	run_passes(&r, three_fn, LEN(three_fn), f, true);
	ok("three subprogs found", r.err == 0 && r.info.nr_subprogs == 3 &&
	   r.info.subprogs[0].start == 0 && r.info.subprogs[0].end == 3 &&
	   r.info.subprogs[1].start == 3 && r.info.subprogs[1].end == 4 &&
	   r.info.subprogs[2].start == 4 && r.info.subprogs[2].end == 6, NULL);
	ok("subprog_of", bv_subprog_of(&r.info, 0) == 0 && bv_subprog_of(&r.info, 2) == 0 &&
	   bv_subprog_of(&r.info, 3) == 1 && bv_subprog_of(&r.info, 5) == 2 &&
	   bv_subprog_of(&r.info, 6) == -1, NULL);
	ok("subprog_at", bv_subprog_at(&r.info, 0) == 0 && bv_subprog_at(&r.info, 4) == 2 &&
	   bv_subprog_at(&r.info, 5) == -1, NULL);
	ok("call target flags", (r.info.insn_flags[3] & BV_INSN_CALL_TARGET) &&
	   (r.info.insn_flags[4] & BV_INSN_CALL_TARGET) &&
	   !(r.info.insn_flags[1] & BV_INSN_CALL_TARGET), NULL);
	bv_prog_info_free(&r.info);
}

static void test_func_info(void)
{
	struct bv_facade f = facade(true);
	const struct bv_insn two_fn[] = { I(0x85, 0, 1, 0, 2), MOV0, EXIT, MOV0, EXIT };
	const struct bv_func_desc good[] = { { 0, "main", false, 1 }, { 3, "helper", true, 2 } };
	const struct bv_func_desc nonzero[] = { { 1, "main", false, 1 } };
	const struct bv_func_desc smaller[] = { { 0, "main", false, 1 }, { 0, "x", false, 2 } };
	const struct bv_func_desc one[] = { { 0, "main", false, 1 } };
	const struct bv_func_desc moved[] = { { 0, "main", false, 1 }, { 2, "helper", false, 2 } };
	struct run r;

	f.funcs = good;
	f.nr_funcs = 2;
	run_passes(&r, two_fn, LEN(two_fn), &f, true);
	expect("func info matches", &r, BV_ACCEPT, NULL, -1, 0);
	ok("func info names", r.info.subprogs[1].name && !strcmp(r.info.subprogs[1].name, "helper") &&
	   r.info.subprogs[1].global && !r.info.subprogs[0].global &&
	   r.info.subprogs[1].btf_id == 2, NULL);
	bv_prog_info_free(&r.info);

	f.funcs = nonzero;
	f.nr_funcs = 1;
	CHECK("func info nonzero first", two_fn, &f, BV_REJECT,
	      "nonzero insn_off 1 for the first func info record", -1, -EINVAL);
	f.funcs = smaller;
	f.nr_funcs = 2;
	CHECK("func info not increasing", two_fn, &f, BV_REJECT,
	      "same or smaller insn offset (0) than previous func info record (0)", -1, -EINVAL);
	f.funcs = one;
	f.nr_funcs = 1;
	CHECK("func info count", two_fn, &f, BV_REJECT,
	      "number of funcs in func_info doesn't match number of subprogs", -1, -EINVAL);
	f.funcs = moved;
	f.nr_funcs = 2;
	CHECK("func info layout", two_fn, &f, BV_REJECT,
	      "func_info BTF section doesn't match subprog layout in BPF program", 3, -EINVAL);
}

static void test_cfg(void)
{
	struct bv_facade cap = facade(true), nocap = facade(false);
	const struct bv_insn unreach[] = { MOV0, EXIT, MOV0, EXIT };
	/* 1: if r0 == 0 goto pc+1 -> 3, the second half of the ld_imm64 at 2 */
	const struct bv_insn mid_ld[] = { MOV0, I(0x15, 0, 0, 1, 0), I(0x18, 1, 0, 0, 1), HI(0), EXIT };
	/* 0: r0 = 0 | 1: r0 += 1 | 2: if r0 < 10 goto pc-2 -> 1 | 3: exit */
	const struct bv_insn loop[] = { MOV0, I(0x07, 0, 0, 0, 1), I(0xa5, 0, 0, -2, 10), EXIT };
	/* 0: r0 = 0 | 1: if r0 == 0 goto +2 -> 4 | 2: r0 = 1 | 3: goto +1 -> 5
	 * 4: r0 = 2 | 5: may_goto +0 | 6: r1 = 0 | 7: call bpf_loop | 8: exit */
	const struct bv_insn shapes[] = {
		MOV0, I(0x15, 0, 0, 2, 0), I(0xb7, 0, 0, 0, 1), I(0x05, 0, 0, 1, 0),
		I(0xb7, 0, 0, 0, 2), I(0xe5, 0, 0, 0, 0), I(0xb7, 1, 0, 0, 0),
		I(0x85, 0, 0, 0, 181), EXIT,
	};
	/* 0: call pc+2 -> 3 | 1: r0 = 0 | 2: exit | 3: r0 = 0 | 4: exit */
	const struct bv_insn call[] = { I(0x85, 0, 1, 0, 2), MOV0, EXIT, MOV0, EXIT };
	/* a subprogram nobody calls is unreachable */
	const struct bv_insn self[] = { I(0x85, 0, 1, 0, -1), EXIT };
	struct run r;
	const uint8_t *fl;

	CHECK("unreachable insn", unreach, &cap, BV_REJECT, "unreachable insn 2", 2, -EINVAL);
	CHECK("jump into ldimm64", mid_ld, &cap, BV_REJECT, "jump into the middle of ldimm64 insn 2", 2, -EINVAL);
	CHECK("back-edge unprivileged", loop, &nocap, BV_REJECT, "back-edge from insn 2 to 1", -1, -EINVAL);
	CHECK("loop privileged", loop, &cap, BV_ACCEPT, NULL, -1, 0);
	CHECK("recursive call privileged", self, &cap, BV_ACCEPT, NULL, -1, 0);
	{
		/* older kernels: recursion is a back edge of the CFG */
		struct bv_facade old = cap;

		old.features &= ~BV_FEAT_BIT(BV_FEAT_CFG_CALL_LOOPS);
		CHECK("recursive call, older kernel", self, &old, BV_REJECT,
		      "back-edge from insn 0 to 0", -1, -EINVAL);
		CHECK("loop privileged, older kernel", loop, &old, BV_ACCEPT, NULL, -1, 0);
	}

	run_passes(&r, loop, LEN(loop), &cap, true);
	ok("loop head flag", (r.info.insn_flags[1] & BV_INSN_LOOP_HEAD) &&
	   (r.info.insn_flags[1] & BV_INSN_PRUNE_POINT) &&
	   (r.info.insn_flags[2] & BV_INSN_PRUNE_POINT), NULL);
	bv_prog_info_free(&r.info);

	run_passes(&r, shapes, LEN(shapes), &cap, true);
	fl = r.info.insn_flags;
	ok("cfg shapes verdict", r.err == 0, r.res.message);
	ok("cond jump is a prune point", fl[1] == BV_INSN_PRUNE_POINT, NULL);
	ok("branch target", fl[4] == (BV_INSN_PRUNE_POINT | BV_INSN_JMP_POINT), NULL);
	ok("fall-through is not a point", fl[2] == 0 && fl[3] == 0, NULL);
	/* may_goto +0: its branch edge lands on the next instruction */
	ok("may_goto +0 target", fl[6] == (BV_INSN_PRUNE_POINT | BV_INSN_JMP_POINT), NULL);
	ok("goto target and may_goto", fl[5] == (BV_INSN_PRUNE_POINT | BV_INSN_JMP_POINT |
						BV_INSN_FORCE_CHECKPOINT), NULL);
	ok("bpf_loop call", fl[7] == (BV_INSN_PRUNE_POINT | BV_INSN_JMP_POINT |
				     BV_INSN_FORCE_CHECKPOINT | BV_INSN_CALLS_CALLBACK), NULL);
	ok("after a call", fl[8] == (BV_INSN_PRUNE_POINT | BV_INSN_JMP_POINT), NULL);
	ok("entry", fl[0] == BV_INSN_CALL_TARGET, NULL);
	bv_prog_info_free(&r.info);
	{
		/* a kernel that walks a callback once (6.1) keeps no state at
		 * the callback-calling helper's call */
		struct bv_facade once = cap;

		once.features &= ~BV_FEAT_BIT(BV_FEAT_CALLBACK_ITERATE);
		run_passes(&r, shapes, LEN(shapes), &once, true);
		ok("bpf_loop call, callbacks walked once", r.err == 0 &&
		   r.info.insn_flags[7] == BV_INSN_CALLS_CALLBACK, NULL);
		bv_prog_info_free(&r.info);
	}

	run_passes(&r, call, LEN(call), &cap, true);
	fl = r.info.insn_flags;
	ok("pseudo call points", r.err == 0 && fl[0] == (BV_INSN_PRUNE_POINT | BV_INSN_CALL_TARGET) &&
	   fl[1] == (BV_INSN_PRUNE_POINT | BV_INSN_JMP_POINT) &&
	   fl[3] == (BV_INSN_PRUNE_POINT | BV_INSN_JMP_POINT | BV_INSN_CALL_TARGET), NULL);
	bv_prog_info_free(&r.info);
}

static void test_encoding(void)
{
	const enum bv_enc_phase B = BV_ENC_BEFORE_READS, A = BV_ENC_AFTER_DST_READ, ALL = BV_ENC_ALL;

	/* ALU: reserved fields come before the register checks, division by a
	 * zero constant and bad shifts after them (kernel: "R5 !read_ok" wins). */
	enc1("div by zero before", (struct bv_insn)I(0x37, 5, 0, 0, 0), B, NULL);
	enc1("div by zero after", (struct bv_insn)I(0x37, 5, 0, 0, 0), A, "div by zero");
	enc1("div by zero all", (struct bv_insn)I(0x37, 5, 0, 0, 0), ALL, "div by zero");
	enc1("smod by zero", (struct bv_insn)I(0x97, 5, 0, 1, 0), ALL, "div by zero");
	enc1("div by reg", (struct bv_insn)I(0x3f, 5, 1, 0, 0), ALL, NULL);
	enc1("shift 32 alu32", (struct bv_insn)I(0x64, 5, 0, 0, 32), ALL, "invalid shift 32");
	enc1("shift 32 alu64", (struct bv_insn)I(0x67, 5, 0, 0, 32), ALL, NULL);
	enc1("shift -1", (struct bv_insn)I(0x67, 5, 0, 0, -1), A, "invalid shift -1");
	enc1("arsh 64", (struct bv_insn)I(0xc7, 5, 0, 0, 64), ALL, "invalid shift 64");
	enc1("alu X imm", (struct bv_insn)I(0x0f, 5, 7, 0, 1), B, "BPF_ALU uses reserved fields");
	enc1("alu K off 2", (struct bv_insn)I(0x07, 5, 0, 2, 1), B, "BPF_ALU uses reserved fields");
	enc1("add K off 1", (struct bv_insn)I(0x07, 5, 0, 1, 1), B, "BPF_ALU uses reserved fields");
	enc1("alu K src", (struct bv_insn)I(0x07, 5, 1, 0, 1), B, "BPF_ALU uses reserved fields");
	enc1("alu reserved not after", (struct bv_insn)I(0x07, 5, 1, 0, 1), A, NULL);
	enc1("sdiv ok", (struct bv_insn)I(0x3f, 5, 1, 1, 0), ALL, NULL);
	enc1("neg reserved", (struct bv_insn)I(0x87, 5, 0, 0, 1), B, "BPF_NEG uses reserved fields");
	enc1("end bad imm", (struct bv_insn)I(0xd4, 5, 0, 0, 8), B, "BPF_END uses reserved fields");
	enc1("bswap64 ok", (struct bv_insn)I(0xd7, 5, 0, 0, 64), ALL, NULL);
	enc1("mov K src", (struct bv_insn)I(0xb7, 5, 1, 0, 0), B, "BPF_MOV uses reserved fields");
	enc1("mov K off", (struct bv_insn)I(0xb7, 5, 0, 8, 0), B, "BPF_MOV uses reserved fields");
	enc1("movsx32 s32", (struct bv_insn)I(0xbc, 5, 1, 32, 0), B, "BPF_MOV uses reserved fields");
	enc1("movsx32 s16", (struct bv_insn)I(0xbc, 5, 1, 16, 0), ALL, NULL);
	enc1("mov X imm", (struct bv_insn)I(0xbf, 5, 1, 0, 1), B, "BPF_MOV uses reserved fields");
	enc1("movsx64 s32", (struct bv_insn)I(0xbf, 5, 1, 32, 0), ALL, NULL);
	enc1("addr_space_cast bad", (struct bv_insn)I(0xbf, 5, 1, 1, 2), B,
	     "addr_space_cast insn can only convert between address space 1 and 0");
	/* Jumps. */
	enc1("ja imm", (struct bv_insn)I(0x05, 0, 0, 0, 1), B, "BPF_JA uses reserved fields");
	enc1("gotol off", (struct bv_insn)I(0x06, 0, 0, 1, 0), B, "BPF_JA uses reserved fields");
	enc1("gotol ok", (struct bv_insn)I(0x06, 0, 0, 0, 1), ALL, NULL);
	enc1("exit dst", (struct bv_insn)I(0x95, 1, 0, 0, 0), B, "BPF_EXIT uses reserved fields");
	enc1("call dst", (struct bv_insn)I(0x85, 1, 0, 0, 14), B, "BPF_CALL uses reserved fields");
	enc1("call src 3", (struct bv_insn)I(0x85, 0, 3, 0, 14), B, "BPF_CALL uses reserved fields");
	enc1("call off", (struct bv_insn)I(0x85, 0, 0, 1, 14), B, "BPF_CALL uses reserved fields");
	enc1("kfunc call off ok", (struct bv_insn)I(0x85, 0, 2, 1, 14), ALL, NULL);
	enc1("jmp X imm before", (struct bv_insn)I(0x1d, 5, 1, 0, 1), B, NULL);
	enc1("jmp X imm after", (struct bv_insn)I(0x1d, 5, 1, 0, 1), A, "BPF_JMP/JMP32 uses reserved fields");
	enc1("jmp32 K src", (struct bv_insn)I(0x16, 5, 1, 0, 1), ALL, "BPF_JMP/JMP32 uses reserved fields");
	enc1("may_goto imm", (struct bv_insn)I(0xe5, 0, 0, 0, 1), B, "invalid may_goto imm 1");
	enc1("may_goto src", (struct bv_insn)I(0xe5, 0, 1, 0, 0), B, "invalid may_goto imm 0");
	enc1("may_goto dst", (struct bv_insn)I(0xe5, 1, 0, 0, 0), B, "invalid may_goto imm 0");
	enc1("may_goto ok", (struct bv_insn)I(0xe5, 0, 0, 3, 0), ALL, NULL);
	/* Memory. */
	enc1("st src", (struct bv_insn)I(0x62, 10, 1, -8, 0), B, "BPF_ST uses reserved fields");
	enc1("stx imm", (struct bv_insn)I(0x63, 10, 1, -8, 1), B, "BPF_STX uses reserved fields");
	enc1("atomic bad op", (struct bv_insn)I(0xc3, 10, 1, -8, 2), B, "BPF_ATOMIC uses invalid atomic opcode 02");
	enc1("atomic bad op u8", (struct bv_insn)I(0xd3, 10, 1, -8, 2), B, "BPF_ATOMIC uses invalid atomic opcode 02");
	enc1("atomic add u8", (struct bv_insn)I(0xd3, 10, 1, -8, 0), B, "invalid atomic operand size");
	enc1("atomic xchg u16", (struct bv_insn)I(0xcb, 10, 1, -8, 0xe1), B, "invalid atomic operand size");
	enc1("load acquire u8", (struct bv_insn)I(0xd3, 1, 10, -8, 0x100), ALL, NULL);
	enc1("store release u64", (struct bv_insn)I(0xdb, 10, 1, -8, 0x110), ALL, NULL);
	enc1("cmpxchg ok", (struct bv_insn)I(0xdb, 10, 1, -8, 0xf1), ALL, NULL);
	enc1("ldimm64 off", (struct bv_insn)I(0x18, 1, 0, 1, 0), B, "BPF_LD_IMM64 uses reserved fields");
	/* ld_abs: only the combined check (the walk orders it after the
	 * program-type check itself) */
	enc1("ld_abs dst", (struct bv_insn)I(0x20, 1, 0, 0, 0), ALL, "BPF_LD_[ABS|IND] uses reserved fields");
	enc1("ld_abs dst phased", (struct bv_insn)I(0x20, 1, 0, 0, 0), B, NULL);
	enc1("ld_abs src", (struct bv_insn)I(0x20, 0, 1, 0, 0), ALL, "BPF_LD_[ABS|IND] uses reserved fields");
	enc1("ld_ind src ok", (struct bv_insn)I(0x40, 0, 1, 0, 0), ALL, NULL);
	enc1("ld_ind off", (struct bv_insn)I(0x40, 0, 1, 2, 0), ALL, "BPF_LD_[ABS|IND] uses reserved fields");
	enc1("ld bad size imm", (struct bv_insn)I(0x00, 0, 0, 0, 0), B, "invalid BPF_LD_IMM insn");
	enc1("ld bad mode", (struct bv_insn)I(0x60, 0, 0, 0, 0), B, "invalid BPF_LD mode");
}

int main(void)
{
	struct bv_facade f = facade(true);

	enc_facade = &f;
	test_opcode_table(&f);
	test_ldimm64(&f);
	test_map_compat();
	test_subprogs(&f);
	test_func_info();
	test_cfg();
	test_encoding();
	test_pre_cpuv4();
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
