// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the accepted counterpart of lim_insns_csum_loop: the same
 * checksum loop over 32 KiB (16384 iterations): about 120000 instructions,
 * well below the 1M limit; every iteration is still walked.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define HALFWORDS (16 * 1024)

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u16[HALFWORDS]);
} scratch SEC(".maps");

__u16 result;

SEC("tracepoint/syscalls/sys_enter_sync")
int csum_small(void *ctx)
{
	__u32 zero = 0, i;
	__u16 *buf = bpf_map_lookup_elem(&scratch, &zero);
	__u32 sum = 0;

	if (!buf)
		return 0;
#pragma clang loop unroll(disable)
	for (i = 0; i < HALFWORDS; i++) {
		sum += buf[i];
		sum = (sum & 0xffff) + (sum >> 16);
	}
	result = ~sum;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
