// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_obj_new() without bpf_obj_drop() on the path that keeps
 * small packets: the allocated object is an acquired reference and leaks
 * (6.1 lacks the kfunc; declared __weak so the load is attempted).
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

extern void *bpf_obj_new_impl(__u64 local_type_id, void *meta) __ksym __weak;
extern void bpf_obj_drop_impl(void *kptr, void *meta) __ksym __weak;

#define bpf_obj_new(type) ((type *)bpf_obj_new_impl(bpf_core_type_id_local(type), NULL))
#define bpf_obj_drop(kptr) bpf_obj_drop_impl(kptr, NULL)

struct scratch {
	__u64 seen;
	__u32 len;
};

SEC("tc")
int tc_scratch(struct __sk_buff *skb)
{
	struct scratch *s = bpf_obj_new(struct scratch);

	if (!s)
		return 0;
	s->len = skb->len;
	s->seen = bpf_ktime_get_ns();
	if (s->len < 64)
		return 0; /* BUG: s is never dropped */
	skb->mark = s->len;
	bpf_obj_drop(s);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
