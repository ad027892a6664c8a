// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_map_lookup_elem() with a key that is partly uninitialised.
 * The key struct grew a `cookie` field and this caller was not updated:
 * it sets proto and daddr but never cookie, so 8 of the 16 key bytes the
 * helper reads are uninitialised stack.  6.1 refuses it (observed: only
 * when the unset bytes lie below the deepest stack write, as here, where
 * the new field is first); 6.18 lets a privileged program pass
 * uninitialised stack to a helper.
 */
// EXPECT: 6.1 reject, 6.18 accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct flow_key {
	__u64 cookie;	/* added later, at the front */
	__u32 proto;
	__u32 daddr;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, struct flow_key);
	__type(value, __u64);
} flows SEC(".maps");

SEC("kprobe/tcp_connect")
int count_connect(struct pt_regs *ctx)
{
	struct flow_key key;
	__u64 *cnt;

	key.proto = 6;
	key.daddr = (__u32)bpf_get_prandom_u32();
	cnt = bpf_map_lookup_elem(&flows, &key);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
