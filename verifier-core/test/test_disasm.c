/* test_disasm.c — bv_insn_format(): the kernel's log text of each
 * instruction. Every vector below was printed by the live Linux 6.18
 * verifier (log level 2) for the same instruction bytes, or comes from the
 * recorded logs in test/mistakes/kernel-6.18/.
 */
#include <stdio.h>
#include <string.h>

#include "bpfverify/verifier.h"
#include "prog.h"

#define BV_RAW(c, d, s, o, i) \
	{ .code = (c), .dst_reg = (d), .src_reg = (s), .off = (o), .imm = (i) }

struct vec {
	struct bv_insn insn[2];   /* [1] is the second half of an ld_imm64 */
	const char *text;
};

static int passed, failed;

static void check(const char *what, const char *got, const char *want)
{
	if (strcmp(got, want) == 0) {
		passed++;
		return;
	}
	failed++;
	printf("FAIL %s\n  got:  %s\n  want: %s\n", what, got, want);
}

/* Helper names as a facade would give them. */
static const char *names(void *ctx, int32_t id)
{
	(void)ctx;
	switch (id) {
	case 0: return "bpf_unspec";
	case 1: return "bpf_map_lookup_elem";
	case 7: return "bpf_get_prandom_u32";
	case 14: return "bpf_get_current_pid_tgid";
	}
	return NULL;
}

/* Every class, cpu v4 forms, atomics, legacy packet loads (live kernel). */
static const struct vec live_mixed[] = {
	{ { BV_RAW(0xb7, 2, 0, 0, 5), BV_RAW(0, 0, 0, 0, 0) }, "(b7) r2 = 5" },
	{ { BV_RAW(0xbf, 3, 2, 8, 0), BV_RAW(0, 0, 0, 0, 0) }, "(bf) r3 = (s8)r2" },
	{ { BV_RAW(0xbc, 4, 2, 16, 0), BV_RAW(0, 0, 0, 0, 0) }, "(bc) w4 = (s16)w2" },
	{ { BV_RAW(0xbf, 5, 2, 32, 0), BV_RAW(0, 0, 0, 0, 0) }, "(bf) r5 = (s32)r2" },
	{ { BV_RAW(0x3f, 3, 2, 1, 0), BV_RAW(0, 0, 0, 0, 0) }, "(3f) r3 s/= r2" },
	{ { BV_RAW(0x97, 3, 0, 1, 3), BV_RAW(0, 0, 0, 0, 0) }, "(97) r3 s%= 3" },
	{ { BV_RAW(0xd7, 3, 0, 0, 16), BV_RAW(0, 0, 0, 0, 0) }, "(d7) r3 = bswap16 r3" },
	{ { BV_RAW(0xd4, 3, 0, 0, 32), BV_RAW(0, 0, 0, 0, 0) }, "(d4) r3 = le32 r3" },
	{ { BV_RAW(0xdc, 3, 0, 0, 64), BV_RAW(0, 0, 0, 0, 0) }, "(dc) r3 = be64 r3" },
	{ { BV_RAW(0x84, 3, 0, 0, 0), BV_RAW(0, 0, 0, 0, 0) }, "(84) w3 = -w3" },
	{ { BV_RAW(0x87, 3, 0, 0, 0), BV_RAW(0, 0, 0, 0, 0) }, "(87) r3 = -r3" },
	{ { BV_RAW(0x7a, 10, 0, -8, 7), BV_RAW(0, 0, 0, 0, 0) }, "(7a) *(u64 *)(r10 -8) = 7" },
	{ { BV_RAW(0xdb, 10, 2, -8, 0), BV_RAW(0, 0, 0, 0, 0) }, "(db) lock *(u64 *)(r10 -8) += r2" },
	{ { BV_RAW(0xc3, 10, 2, -8, 1), BV_RAW(0, 0, 0, 0, 0) }, "(c3) r2 = atomic_fetch_add((u32 *)(r10 -8), r2)" },
	{ { BV_RAW(0xdb, 10, 2, -8, 0xe1), BV_RAW(0, 0, 0, 0, 0) }, "(db) r2 = atomic64_xchg((u64 *)(r10 -8), r2)" },
	{ { BV_RAW(0xb7, 0, 0, 0, 0), BV_RAW(0, 0, 0, 0, 0) }, "(b7) r0 = 0" },
	{ { BV_RAW(0xdb, 10, 2, -8, 0xf1), BV_RAW(0, 0, 0, 0, 0) }, "(db) r0 = atomic64_cmpxchg((u64 *)(r10 -8), r0, r2)" },
	{ { BV_RAW(0xdb, 3, 10, -8, 256), BV_RAW(0, 0, 0, 0, 0) }, "(db) r3 = load_acquire((u64 *)(r10 -8))" },
	{ { BV_RAW(0xdb, 10, 3, -8, 272), BV_RAW(0, 0, 0, 0, 0) }, "(db) store_release((u64 *)(r10 -8), r3)" },
	{ { BV_RAW(0x91, 4, 10, -8, 0), BV_RAW(0, 0, 0, 0, 0) }, "(91) r4 = *(s8 *)(r10 -8)" },
	{ { BV_RAW(0x81, 4, 10, -8, 0), BV_RAW(0, 0, 0, 0, 0) }, "(81) r4 = *(s32 *)(r10 -8)" },
	{ { BV_RAW(0xbf, 6, 1, 0, 0), BV_RAW(0, 0, 0, 0, 0) }, "(bf) r6 = r1" },
	{ { BV_RAW(0x06, 0, 0, 0, 0), BV_RAW(0, 0, 0, 0, 0) }, "(06) gotol pc+0" },
	{ { BV_RAW(0xe5, 0, 0, 0, 0), BV_RAW(0, 0, 0, 0, 0) }, "(e5) may_goto pc+0" },
	{ { BV_RAW(0x16, 4, 0, 0, 5), BV_RAW(0, 0, 0, 0, 0) }, "(16) if w4 == 0x5 goto pc+0" },
	{ { BV_RAW(0x2e, 4, 3, 0, 0), BV_RAW(0, 0, 0, 0, 0) }, "(2e) if w4 > w3 goto pc+0" },
	{ { BV_RAW(0x18, 1, 0, 0, 0x23456789), BV_RAW(0, 0, 0, 0, 1) }, "(18) r1 = 0x123456789" },
	{ { BV_RAW(0x85, 0, 0, 0, 7), BV_RAW(0, 0, 0, 0, 0) }, "(85) call bpf_get_prandom_u32#7" },
	{ { BV_RAW(0xb7, 2, 0, 0, 1), BV_RAW(0, 0, 0, 0, 0) }, "(b7) r2 = 1" },
	{ { BV_RAW(0xb7, 3, 0, 0, 1), BV_RAW(0, 0, 0, 0, 0) }, "(b7) r3 = 1" },
	{ { BV_RAW(0xcc, 3, 2, 0, 0), BV_RAW(0, 0, 0, 0, 0) }, "(cc) w3 s>>= w2" },
	{ { BV_RAW(0xc4, 3, 0, 0, 3), BV_RAW(0, 0, 0, 0, 0) }, "(c4) w3 s>>= 3" },
	{ { BV_RAW(0xc3, 10, 2, -8, 0x41), BV_RAW(0, 0, 0, 0, 0) }, "(c3) r2 = atomic_fetch_or((u32 *)(r10 -8), r2)" },
	{ { BV_RAW(0xc3, 10, 2, -8, 0xa1), BV_RAW(0, 0, 0, 0, 0) }, "(c3) r2 = atomic_fetch_xor((u32 *)(r10 -8), r2)" },
	{ { BV_RAW(0xdb, 10, 2, -8, 0x51), BV_RAW(0, 0, 0, 0, 0) }, "(db) r2 = atomic64_fetch_and((u64 *)(r10 -8), r2)" },
	{ { BV_RAW(0xb7, 7, 0, 0, 0), BV_RAW(0, 0, 0, 0, 0) }, "(b7) r7 = 0" },
	{ { BV_RAW(0x20, 0, 0, 0, 0), BV_RAW(0, 0, 0, 0, 0) }, "(20) r0 = *(u32 *)skb[0]" },
	{ { BV_RAW(0x50, 0, 7, 0, 1), BV_RAW(0, 0, 0, 0, 0) }, "(50) r0 = *(u8 *)skb[r7 + 1]" },
	{ { BV_RAW(0xb7, 0, 0, 0, 0), BV_RAW(0, 0, 0, 0, 0) }, "(b7) r0 = 0" },
	{ { BV_RAW(0x85, 0, 1, 0, 1), BV_RAW(0, 0, 0, 0, 0) }, "(85) call pc+1" },
	{ { BV_RAW(0x95, 0, 0, 0, 0), BV_RAW(0, 0, 0, 0, 0) }, "(95) exit" },
	{ { BV_RAW(0xb7, 0, 0, 0, 0), BV_RAW(0, 0, 0, 0, 0) }, "(b7) r0 = 0" },
	{ { BV_RAW(0x95, 0, 0, 0, 0), BV_RAW(0, 0, 0, 0, 0) }, "(95) exit" },
};

/* All ALU/ALU64 ops (K and X), all conditional jumps (JMP and JMP32, K and X), every load/store size (live kernel). */
static const struct vec live_ops[] = {
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0xb7, 2, 0, 0, 2) }, "(b7) r2 = 2" },
	{ { BV_RAW(0x04, 1, 0, 0, 1) }, "(04) w1 += 1" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x0c, 1, 2, 0, 0) }, "(0c) w1 += w2" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x14, 1, 0, 0, 1) }, "(14) w1 -= 1" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x1c, 1, 2, 0, 0) }, "(1c) w1 -= w2" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x24, 1, 0, 0, 1) }, "(24) w1 *= 1" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x2c, 1, 2, 0, 0) }, "(2c) w1 *= w2" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x34, 1, 0, 0, 1) }, "(34) w1 /= 1" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x3c, 1, 2, 0, 0) }, "(3c) w1 /= w2" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x44, 1, 0, 0, 1) }, "(44) w1 |= 1" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x4c, 1, 2, 0, 0) }, "(4c) w1 |= w2" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x54, 1, 0, 0, 1) }, "(54) w1 &= 1" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x5c, 1, 2, 0, 0) }, "(5c) w1 &= w2" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x64, 1, 0, 0, 1) }, "(64) w1 <<= 1" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x6c, 1, 2, 0, 0) }, "(6c) w1 <<= w2" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x74, 1, 0, 0, 1) }, "(74) w1 >>= 1" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x7c, 1, 2, 0, 0) }, "(7c) w1 >>= w2" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x94, 1, 0, 0, 1) }, "(94) w1 %= 1" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x9c, 1, 2, 0, 0) }, "(9c) w1 %= w2" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0xa4, 1, 0, 0, 1) }, "(a4) w1 ^= 1" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0xac, 1, 2, 0, 0) }, "(ac) w1 ^= w2" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0xb4, 1, 0, 0, 1) }, "(b4) w1 = 1" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0xbc, 1, 2, 0, 0) }, "(bc) w1 = w2" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0xc4, 1, 0, 0, 1) }, "(c4) w1 s>>= 1" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0xcc, 1, 2, 0, 0) }, "(cc) w1 s>>= w2" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x07, 1, 0, 0, 1) }, "(07) r1 += 1" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x0f, 1, 2, 0, 0) }, "(0f) r1 += r2" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x17, 1, 0, 0, 1) }, "(17) r1 -= 1" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x1f, 1, 2, 0, 0) }, "(1f) r1 -= r2" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x27, 1, 0, 0, 1) }, "(27) r1 *= 1" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x2f, 1, 2, 0, 0) }, "(2f) r1 *= r2" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x37, 1, 0, 0, 1) }, "(37) r1 /= 1" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x3f, 1, 2, 0, 0) }, "(3f) r1 /= r2" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x47, 1, 0, 0, 1) }, "(47) r1 |= 1" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x4f, 1, 2, 0, 0) }, "(4f) r1 |= r2" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x57, 1, 0, 0, 1) }, "(57) r1 &= 1" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x5f, 1, 2, 0, 0) }, "(5f) r1 &= r2" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x67, 1, 0, 0, 1) }, "(67) r1 <<= 1" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x6f, 1, 2, 0, 0) }, "(6f) r1 <<= r2" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x77, 1, 0, 0, 1) }, "(77) r1 >>= 1" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x7f, 1, 2, 0, 0) }, "(7f) r1 >>= r2" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x97, 1, 0, 0, 1) }, "(97) r1 %= 1" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x9f, 1, 2, 0, 0) }, "(9f) r1 %= r2" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0xa7, 1, 0, 0, 1) }, "(a7) r1 ^= 1" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0xaf, 1, 2, 0, 0) }, "(af) r1 ^= r2" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0xb7, 1, 0, 0, 1) }, "(b7) r1 = 1" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0xbf, 1, 2, 0, 0) }, "(bf) r1 = r2" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0xc7, 1, 0, 0, 1) }, "(c7) r1 s>>= 1" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0xcf, 1, 2, 0, 0) }, "(cf) r1 s>>= r2" },
	{ { BV_RAW(0xb7, 1, 0, 0, 3) }, "(b7) r1 = 3" },
	{ { BV_RAW(0x15, 1, 0, 0, -5) }, "(15) if r1 == 0xfffffffb goto pc+0" },
	{ { BV_RAW(0x1d, 1, 2, 0, 0) }, "(1d) if r1 == r2 goto pc+0" },
	{ { BV_RAW(0x25, 1, 0, 0, -5) }, "(25) if r1 > 0xfffffffb goto pc+0" },
	{ { BV_RAW(0x2d, 1, 2, 0, 0) }, "(2d) if r1 > r2 goto pc+0" },
	{ { BV_RAW(0x35, 1, 0, 0, -5) }, "(35) if r1 >= 0xfffffffb goto pc+0" },
	{ { BV_RAW(0x3d, 1, 2, 0, 0) }, "(3d) if r1 >= r2 goto pc+0" },
	{ { BV_RAW(0x45, 1, 0, 0, -5) }, "(45) if r1 & 0xfffffffb goto pc+0" },
	{ { BV_RAW(0x4d, 1, 2, 0, 0) }, "(4d) if r1 & r2 goto pc+0" },
	{ { BV_RAW(0x55, 1, 0, 0, -5) }, "(55) if r1 != 0xfffffffb goto pc+0" },
	{ { BV_RAW(0x5d, 1, 2, 0, 0) }, "(5d) if r1 != r2 goto pc+0" },
	{ { BV_RAW(0x65, 1, 0, 0, -5) }, "(65) if r1 s> 0xfffffffb goto pc+0" },
	{ { BV_RAW(0x6d, 1, 2, 0, 0) }, "(6d) if r1 s> r2 goto pc+0" },
	{ { BV_RAW(0x75, 1, 0, 0, -5) }, "(75) if r1 s>= 0xfffffffb goto pc+0" },
	{ { BV_RAW(0x7d, 1, 2, 0, 0) }, "(7d) if r1 s>= r2 goto pc+0" },
	{ { BV_RAW(0xa5, 1, 0, 0, -5) }, "(a5) if r1 < 0xfffffffb goto pc+0" },
	{ { BV_RAW(0xad, 1, 2, 0, 0) }, "(ad) if r1 < r2 goto pc+0" },
	{ { BV_RAW(0xb5, 1, 0, 0, -5) }, "(b5) if r1 <= 0xfffffffb goto pc+0" },
	{ { BV_RAW(0xbd, 1, 2, 0, 0) }, "(bd) if r1 <= r2 goto pc+0" },
	{ { BV_RAW(0xc5, 1, 0, 0, -5) }, "(c5) if r1 s< 0xfffffffb goto pc+0" },
	{ { BV_RAW(0xcd, 1, 2, 0, 0) }, "(cd) if r1 s< r2 goto pc+0" },
	{ { BV_RAW(0xd5, 1, 0, 0, -5) }, "(d5) if r1 s<= 0xfffffffb goto pc+0" },
	{ { BV_RAW(0xdd, 1, 2, 0, 0) }, "(dd) if r1 s<= r2 goto pc+0" },
	{ { BV_RAW(0x16, 1, 0, 0, -5) }, "(16) if w1 == 0xfffffffb goto pc+0" },
	{ { BV_RAW(0x1e, 1, 2, 0, 0) }, "(1e) if w1 == w2 goto pc+0" },
	{ { BV_RAW(0x26, 1, 0, 0, -5) }, "(26) if w1 > 0xfffffffb goto pc+0" },
	{ { BV_RAW(0x2e, 1, 2, 0, 0) }, "(2e) if w1 > w2 goto pc+0" },
	{ { BV_RAW(0x36, 1, 0, 0, -5) }, "(36) if w1 >= 0xfffffffb goto pc+0" },
	{ { BV_RAW(0x3e, 1, 2, 0, 0) }, "(3e) if w1 >= w2 goto pc+0" },
	{ { BV_RAW(0x46, 1, 0, 0, -5) }, "(46) if w1 & 0xfffffffb goto pc+0" },
	{ { BV_RAW(0x4e, 1, 2, 0, 0) }, "(4e) if w1 & w2 goto pc+0" },
	{ { BV_RAW(0x56, 1, 0, 0, -5) }, "(56) if w1 != 0xfffffffb goto pc+0" },
	{ { BV_RAW(0x5e, 1, 2, 0, 0) }, "(5e) if w1 != w2 goto pc+0" },
	{ { BV_RAW(0x66, 1, 0, 0, -5) }, "(66) if w1 s> 0xfffffffb goto pc+0" },
	{ { BV_RAW(0x6e, 1, 2, 0, 0) }, "(6e) if w1 s> w2 goto pc+0" },
	{ { BV_RAW(0x76, 1, 0, 0, -5) }, "(76) if w1 s>= 0xfffffffb goto pc+0" },
	{ { BV_RAW(0x7e, 1, 2, 0, 0) }, "(7e) if w1 s>= w2 goto pc+0" },
	{ { BV_RAW(0xa6, 1, 0, 0, -5) }, "(a6) if w1 < 0xfffffffb goto pc+0" },
	{ { BV_RAW(0xae, 1, 2, 0, 0) }, "(ae) if w1 < w2 goto pc+0" },
	{ { BV_RAW(0xb6, 1, 0, 0, -5) }, "(b6) if w1 <= 0xfffffffb goto pc+0" },
	{ { BV_RAW(0xbe, 1, 2, 0, 0) }, "(be) if w1 <= w2 goto pc+0" },
	{ { BV_RAW(0xc6, 1, 0, 0, -5) }, "(c6) if w1 s< 0xfffffffb goto pc+0" },
	{ { BV_RAW(0xce, 1, 2, 0, 0) }, "(ce) if w1 s< w2 goto pc+0" },
	{ { BV_RAW(0xd6, 1, 0, 0, -5) }, "(d6) if w1 s<= 0xfffffffb goto pc+0" },
	{ { BV_RAW(0xde, 1, 2, 0, 0) }, "(de) if w1 s<= w2 goto pc+0" },
	{ { BV_RAW(0x63, 10, 1, -16, 0) }, "(63) *(u32 *)(r10 -16) = r1" },
	{ { BV_RAW(0x62, 10, 0, -24, -1) }, "(62) *(u32 *)(r10 -24) = -1" },
	{ { BV_RAW(0x61, 3, 10, -16, 0) }, "(61) r3 = *(u32 *)(r10 -16)" },
	{ { BV_RAW(0x6b, 10, 1, -16, 0) }, "(6b) *(u16 *)(r10 -16) = r1" },
	{ { BV_RAW(0x6a, 10, 0, -24, -1) }, "(6a) *(u16 *)(r10 -24) = -1" },
	{ { BV_RAW(0x69, 3, 10, -16, 0) }, "(69) r3 = *(u16 *)(r10 -16)" },
	{ { BV_RAW(0x73, 10, 1, -16, 0) }, "(73) *(u8 *)(r10 -16) = r1" },
	{ { BV_RAW(0x72, 10, 0, -24, -1) }, "(72) *(u8 *)(r10 -24) = -1" },
	{ { BV_RAW(0x71, 3, 10, -16, 0) }, "(71) r3 = *(u8 *)(r10 -16)" },
	{ { BV_RAW(0x7b, 10, 1, -16, 0) }, "(7b) *(u64 *)(r10 -16) = r1" },
	{ { BV_RAW(0x7a, 10, 0, -24, -1) }, "(7a) *(u64 *)(r10 -24) = -1" },
	{ { BV_RAW(0x79, 3, 10, -16, 0) }, "(79) r3 = *(u64 *)(r10 -16)" },
	{ { BV_RAW(0x05, 0, 0, 0, 0) }, "(05) goto pc+0" },
	{ { BV_RAW(0xb7, 0, 0, 0, 0) }, "(b7) r0 = 0" },
	{ { BV_RAW(0x95, 0, 0, 0, 0) }, "(95) exit" },
};

/* The instruction lines of the recorded 6.18 logs in test/mistakes/. */
static const struct vec recorded[] = {
	{ { BV_RAW(0x07, 1, 0, 0, 1), BV_RAW(0, 0, 0, 0, 0) }, "(07) r1 += 1" },
	{ { BV_RAW(0x07, 2, 0, 0, -4), BV_RAW(0, 0, 0, 0, 0) }, "(07) r2 += -4" },
	{ { BV_RAW(0x0f, 0, 6, 0, 0), BV_RAW(0, 0, 0, 0, 0) }, "(0f) r0 += r6" },
	{ { BV_RAW(0x15, 0, 0, 11, 0), BV_RAW(0, 0, 0, 0, 0) }, "(15) if r0 == 0x0 goto pc+11" },
	{ { BV_RAW(0x15, 0, 0, 7, 0), BV_RAW(0, 0, 0, 0, 0) }, "(15) if r0 == 0x0 goto pc+7" },
	{ { BV_RAW(0x18, 1, 0, 0, -8), BV_RAW(0, 0, 0, 0, 33554431) }, "(18) r1 = 0x1fffffffffffff8" },
	{ { BV_RAW(0x1f, 2, 1, 0, 0), BV_RAW(0, 0, 0, 0, 0) }, "(1f) r2 -= r1" },
	{ { BV_RAW(0x25, 0, 0, 1, 127), BV_RAW(0, 0, 0, 0, 0) }, "(25) if r0 > 0x7f goto pc+1" },
	{ { BV_RAW(0x55, 2, 0, 3, 8), BV_RAW(0, 0, 0, 0, 0) }, "(55) if r2 != 0x8 goto pc+3" },
	{ { BV_RAW(0x5f, 6, 1, 0, 0), BV_RAW(0, 0, 0, 0, 0) }, "(5f) r6 &= r1" },
	{ { BV_RAW(0x61, 0, 1, 0, 0), BV_RAW(0, 0, 0, 0, 0) }, "(61) r0 = *(u32 *)(r1 +0)" },
	{ { BV_RAW(0x61, 1, 1, 0, 0), BV_RAW(0, 0, 0, 0, 0) }, "(61) r1 = *(u32 *)(r1 +0)" },
	{ { BV_RAW(0x61, 1, 6, 0, 0), BV_RAW(0, 0, 0, 0, 0) }, "(61) r1 = *(u32 *)(r6 +0)" },
	{ { BV_RAW(0x61, 2, 1, 16, 0), BV_RAW(0, 0, 0, 0, 0) }, "(61) r2 = *(u32 *)(r1 +16)" },
	{ { BV_RAW(0x61, 2, 6, 4, 0), BV_RAW(0, 0, 0, 0, 0) }, "(61) r2 = *(u32 *)(r6 +4)" },
	{ { BV_RAW(0x63, 1, 0, 8, 0), BV_RAW(0, 0, 0, 0, 0) }, "(63) *(u32 *)(r1 +8) = r0" },
	{ { BV_RAW(0x63, 10, 0, -4, 0), BV_RAW(0, 0, 0, 0, 0) }, "(63) *(u32 *)(r10 -4) = r0" },
	{ { BV_RAW(0x63, 10, 1, -4, 0), BV_RAW(0, 0, 0, 0, 0) }, "(63) *(u32 *)(r10 -4) = r1" },
	{ { BV_RAW(0x67, 2, 0, 0, 32), BV_RAW(0, 0, 0, 0, 0) }, "(67) r2 <<= 32" },
	{ { BV_RAW(0x69, 1, 1, 12, 0), BV_RAW(0, 0, 0, 0, 0) }, "(69) r1 = *(u16 *)(r1 +12)" },
	{ { BV_RAW(0x77, 0, 0, 0, 32), BV_RAW(0, 0, 0, 0, 0) }, "(77) r0 >>= 32" },
	{ { BV_RAW(0x77, 2, 0, 0, 32), BV_RAW(0, 0, 0, 0, 0) }, "(77) r2 >>= 32" },
	{ { BV_RAW(0x77, 6, 0, 0, 7), BV_RAW(0, 0, 0, 0, 0) }, "(77) r6 >>= 7" },
	{ { BV_RAW(0x79, 1, 0, 0, 0), BV_RAW(0, 0, 0, 0, 0) }, "(79) r1 = *(u64 *)(r0 +0)" },
	{ { BV_RAW(0x79, 1, 0, 8, 0), BV_RAW(0, 0, 0, 0, 0) }, "(79) r1 = *(u64 *)(r0 +8)" },
	{ { BV_RAW(0x79, 6, 1, 32, 0), BV_RAW(0, 0, 0, 0, 0) }, "(79) r6 = *(u64 *)(r1 +32)" },
	{ { BV_RAW(0x7b, 0, 1, 0, 0), BV_RAW(0, 0, 0, 0, 0) }, "(7b) *(u64 *)(r0 +0) = r1" },
	{ { BV_RAW(0x85, 0, 0, 0, 14), BV_RAW(0, 0, 0, 0, 0) }, "(85) call bpf_get_current_pid_tgid#14" },
	{ { BV_RAW(0x85, 0, 0, 0, 1), BV_RAW(0, 0, 0, 0, 0) }, "(85) call bpf_map_lookup_elem#1" },
	{ { BV_RAW(0xb7, 0, 0, 0, 0), BV_RAW(0, 0, 0, 0, 0) }, "(b7) r0 = 0" },
	{ { BV_RAW(0xb7, 1, 0, 0, 0), BV_RAW(0, 0, 0, 0, 0) }, "(b7) r1 = 0" },
	{ { BV_RAW(0xb7, 1, 0, 0, 1), BV_RAW(0, 0, 0, 0, 0) }, "(b7) r1 = 1" },
	{ { BV_RAW(0xbf, 0, 3, 0, 0), BV_RAW(0, 0, 0, 0, 0) }, "(bf) r0 = r3" },
	{ { BV_RAW(0xbf, 2, 10, 0, 0), BV_RAW(0, 0, 0, 0, 0) }, "(bf) r2 = r10" },
	{ { BV_RAW(0xbf, 6, 1, 0, 0), BV_RAW(0, 0, 0, 0, 0) }, "(bf) r6 = r1" },
	{ { BV_RAW(0xdb, 0, 1, 0, 0), BV_RAW(0, 0, 0, 0, 0) }, "(db) lock *(u64 *)(r0 +0) += r1" },
};

static void run_vectors(const char *set, const struct vec *v, size_t n)
{
	char buf[128], what[160];
	size_t i;

	for (i = 0; i < n; i++) {
		snprintf(what, sizeof(what), "%s[%zu]", set, i);
		bv_insn_format_ex(v[i].insn, names, NULL, buf, sizeof(buf));
		check(what, buf, v[i].text);
	}
}

#define RUN(set) run_vectors(#set, set, sizeof(set) / sizeof(set[0]))

static void fmt(const char *what, struct bv_insn a, struct bv_insn b, const char *want)
{
	struct bv_insn pair[2] = { a, b };
	char buf[128];

	bv_insn_format(pair, buf, sizeof(buf));
	check(what, buf, want);
}

static const struct bv_insn none = BV_RAW(0, 0, 0, 0, 0);

int main(void)
{
	char small[8];
	int n;

	RUN(live_mixed);
	RUN(live_ops);
	RUN(recorded);

	/* Without names: the kernel's fallback for an unnamed helper. */
	fmt("helper without names", (struct bv_insn)BV_RAW(0x85, 0, 0, 0, 1), none,
	    "(85) call unknown#1");
	fmt("kfunc", (struct bv_insn)BV_RAW(0x85, 0, 2, 0, 12345), none,
	    "(85) call kernel-function#12345");
	fmt("pseudo call back", (struct bv_insn)BV_RAW(0x85, 0, 1, 0, -7), none,
	    "(85) call pc-7");
	/* Maps: our index where the kernel prints an address (divergence). */
	fmt("map fd", (struct bv_insn)BV_RAW(0x18, 1, 1, 0, 3), none, "(18) r1 = map[id:3]");
	fmt("map value", (struct bv_insn)BV_RAW(0x18, 2, 2, 0, 0),
	    (struct bv_insn)BV_RAW(0, 0, 0, 0, 16), "(18) r2 = map[id:0][0]+16");
	fmt("ldimm64 negative", (struct bv_insn)BV_RAW(0x18, 0, 0, 0, -1),
	    (struct bv_insn)BV_RAW(0, 0, 0, 0, -1), "(18) r0 = 0xffffffffffffffff");
	fmt("ldimm64 func", (struct bv_insn)BV_RAW(0x18, 2, 4, 0, 5), none, "(18) r2 = 0x5");
	/* Remaining shapes of the kernel's printer. */
	fmt("goto", (struct bv_insn)BV_RAW(0x05, 0, 0, -3, 0), none, "(05) goto pc-3");
	fmt("may_goto back", (struct bv_insn)BV_RAW(0xe5, 0, 0, -2, 0), none, "(e5) may_goto pc-2");
	fmt("gotol", (struct bv_insn)BV_RAW(0x06, 0, 0, 0, 70000), none, "(06) gotol pc+70000");
	fmt("exit", (struct bv_insn)BV_RAW(0x95, 0, 0, 0, 0), none, "(95) exit");
	fmt("jset32", (struct bv_insn)BV_RAW(0x46, 3, 0, 2, 0x80), none,
	    "(46) if w3 & 0x80 goto pc+2");
	fmt("store imm neg", (struct bv_insn)BV_RAW(0x72, 1, 0, 4, -1), none,
	    "(72) *(u8 *)(r1 +4) = -1");
	fmt("atomic32 xchg", (struct bv_insn)BV_RAW(0xc3, 1, 2, 0, 0xe1), none,
	    "(c3) r2 = atomic_xchg((u32 *)(r1 +0), r2)");
	fmt("atomic32 cmpxchg", (struct bv_insn)BV_RAW(0xc3, 1, 2, 4, 0xf1), none,
	    "(c3) r0 = atomic_cmpxchg((u32 *)(r1 +4), r0, r2)");
	fmt("load acquire u8", (struct bv_insn)BV_RAW(0xd3, 0, 1, 2, 0x100), none,
	    "(d3) r0 = load_acquire((u8 *)(r1 +2))");
	fmt("store release u16", (struct bv_insn)BV_RAW(0xcb, 1, 3, 0, 0x110), none,
	    "(cb) store_release((u16 *)(r1 +0), r3)");
	fmt("bad atomic", (struct bv_insn)BV_RAW(0xdb, 1, 3, 0, 0x2), none, "BUG_db");
	fmt("bswap32", (struct bv_insn)BV_RAW(0xd7, 4, 0, 0, 32), none, "(d7) r4 = bswap32 r4");
	fmt("be16", (struct bv_insn)BV_RAW(0xdc, 4, 0, 0, 16), none, "(dc) r4 = be16 r4");
	fmt("sdiv32 imm", (struct bv_insn)BV_RAW(0x34, 4, 0, 1, -2), none, "(34) w4 s/= -2");
	fmt("smod64 reg", (struct bv_insn)BV_RAW(0x9f, 4, 5, 1, 0), none, "(9f) r4 s%= r5");
	fmt("mov32 s8", (struct bv_insn)BV_RAW(0xbc, 1, 2, 8, 0), none, "(bc) w1 = (s8)w2");
	fmt("ldsx s16", (struct bv_insn)BV_RAW(0x89, 1, 2, -6, 0), none,
	    "(89) r1 = *(s16 *)(r2 -6)");
	fmt("addr_space_cast", (struct bv_insn)BV_RAW(0xbf, 1, 2, 1, 1), none,
	    "(bf) r1 = addr_space_cast(r2, 0, 1)");
	fmt("ldx bad mode", (struct bv_insn)BV_RAW(0x21, 1, 2, 0, 0), none, "BUG_ldx_21");

	/* Truncation: snprintf semantics, full length returned. */
	n = bv_insn_format(&(struct bv_insn)BV_RAW(0xb7, 0, 0, 0, 0), small, sizeof(small));
	check("truncated text", small, "(b7) r0");
	if (n == (int)strlen("(b7) r0 = 0"))
		passed++;
	else {
		failed++;
		printf("FAIL truncated length %d\n", n);
	}

	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
