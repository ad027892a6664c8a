// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: allocating a program-local object with bpf_obj_new() (kfunc
 * bpf_obj_new_impl, 6.2+) and freeing it with bpf_obj_drop(). The
 * declarations are written out the way bpf_experimental.h does it.
 * 6.1 has no such kfunc (declared __weak so the load is attempted).
 * EXPECT: 6.1 reject, 6.18 accept
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
	skb->mark = s->len;
	bpf_obj_drop(s);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
