// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the 1M processed-instruction limit on a bounded loop: an
 * Internet-style 16-bit one's-complement checksum over a 512 KiB scratch
 * buffer in an array map, 262144 iterations of a 7-instruction body.  The
 * verifier walks the loop iteration by iteration (each pass has a new
 * offset, so no state at the loop head equals an earlier one) and gives up
 * at the 1000001st instruction, inside the loop.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define HALFWORDS (256 * 1024)

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u16[HALFWORDS]);
} scratch SEC(".maps");

__u16 result;

SEC("tracepoint/syscalls/sys_enter_sync")
int csum_scratch(void *ctx)
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
