// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the value is an array of per-class slots, each with its own
 * lock field, and the program indexes the slot by the packet's priority:
 * the lock's address then has a variable offset (and only one lock per
 * value is allowed anyway): "R1 doesn't have constant offset".
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct class_slot {
	__u64 packets;
	__u64 bytes;
};

struct shaper {
	struct bpf_spin_lock lock;
	__u32 pad;
	struct class_slot slot[4];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct shaper);
} shaper SEC(".maps");

SEC("tc")
int tc_shape(struct __sk_buff *skb)
{
	__u32 zero = 0, cls = skb->priority & 3;
	struct shaper *sh = bpf_map_lookup_elem(&shaper, &zero);

	if (!sh)
		return 0;
	/* BUG: a per-slot "lock" at a variable offset */
	bpf_spin_lock((struct bpf_spin_lock *)((char *)sh + cls * 4));
	sh->slot[cls].packets++;
	bpf_spin_unlock(&sh->lock);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
