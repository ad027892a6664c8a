// SPDX-License-Identifier: LicenseRef-Proprietary
/*
 * Tests: a proprietary program that uses only helpers without the GPL-only
 * flag (map lookup/update, ktime).  A non-GPL license is fine as long as
 * no GPL-only helper is called.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} last_seen SEC(".maps");

SEC("xdp")
int stamp(struct xdp_md *ctx)
{
	__u32 zero = 0;
	__u64 *v = bpf_map_lookup_elem(&last_seen, &zero);

	if (v)
		*v = bpf_ktime_get_ns();
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Proprietary";
