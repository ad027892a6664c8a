// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: moving a byte count from one queue's entry to another's: the
 * program locks the source entry but unlocks the destination entry (a
 * copy-paste slip). Each map element has its own lock: "bpf_spin_unlock
 * of different lock".
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct queue {
	struct bpf_spin_lock lock;
	__u64 backlog;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, struct queue);
} queues SEC(".maps");

SEC("tc")
int tc_move(struct __sk_buff *skb)
{
	__u32 from = skb->queue_mapping & 7, to = (from + 1) & 7;
	struct queue *src = bpf_map_lookup_elem(&queues, &from);
	struct queue *dst = bpf_map_lookup_elem(&queues, &to);

	if (!src || !dst)
		return 0;
	bpf_spin_lock(&src->lock);
	if (src->backlog >= skb->len)
		src->backlog -= skb->len;
	bpf_spin_unlock(&dst->lock); /* BUG: not the lock taken */
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
