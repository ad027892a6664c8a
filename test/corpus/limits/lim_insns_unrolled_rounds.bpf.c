// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the 1M processed-instruction limit reached by generated
 * straight-line code inside a bounded loop: a toy hash that mixes each
 * 64-bit word of a 64 KiB buffer with 16 rounds of xor-shift written out
 * by a macro (the way generated crypto/hash code looks), 8192 iterations
 * of a body of more than 100 instructions.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define WORDS 8192

#define ROUND(h, k) do { (h) ^= (h) << 13; (h) ^= (h) >> 7; (h) ^= (h) << 17; (h) += (k); } while (0)
#define ROUNDS4(h, w) ROUND(h, w); ROUND(h, (w) >> 1); ROUND(h, (w) >> 2); ROUND(h, (w) >> 3)
#define ROUNDS16(h, w) ROUNDS4(h, w); ROUNDS4(h, (w) ^ 0x9e3779b97f4a7c15ULL); \
	ROUNDS4(h, (w) + 1); ROUNDS4(h, ~(w))

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64[WORDS]);
} input SEC(".maps");

__u64 digest;

SEC("tracepoint/syscalls/sys_enter_sync")
int hash_input(void *ctx)
{
	__u32 zero = 0, i;
	__u64 *buf = bpf_map_lookup_elem(&input, &zero);
	__u64 h = 0xcbf29ce484222325ULL;

	if (!buf)
		return 0;
#pragma clang loop unroll(disable)
	for (i = 0; i < WORDS; i++) {
		__u64 w = buf[i];

		ROUNDS16(h, w);
	}
	digest = h;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
