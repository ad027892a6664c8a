// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_obj_drop() handed a pointer that bpf_obj_new() did not return:
 * a per-CPU scratch map value looked up in a tc program and "freed" when the
 * packet is done with it (a confusion of allocation APIs). The kernel wants an
 * allocated object there.
 * 6.1 has no such kfunc (declared __weak so the load is attempted).
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

extern void bpf_obj_drop_impl(void *kptr, void *meta) __ksym __weak;
#define bpf_obj_drop(kptr) bpf_obj_drop_impl(kptr, NULL)

struct scratch {
	__u64 bytes;
	__u32 pkts;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct scratch);
} scratch_map SEC(".maps");

SEC("tc")
int tc_account(struct __sk_buff *skb)
{
	__u32 zero = 0;
	struct scratch *s = bpf_map_lookup_elem(&scratch_map, &zero);

	if (!s)
		return 0;
	s->bytes += skb->len;
	s->pkts++;
	bpf_obj_drop(s);	/* BUG: s is a map value, not an allocated object */
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
