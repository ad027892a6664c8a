// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a tc classifier that builds a per-packet summary in a
 * program-allocated object (bpf_obj_new) while it scans the first bytes of
 * the packet in a bounded loop, reads and writes its fields, and frees it
 * with bpf_obj_drop() on every path (early drops and the normal one).
 * The declarations are written out the way bpf_experimental.h does it.
 * BUG: the twin reads the object after dropping it on the main path.
 * 6.1 has no such kfunc (declared __weak so the load is attempted).
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

extern void *bpf_obj_new_impl(__u64 local_type_id, void *meta) __ksym __weak;
extern void bpf_obj_drop_impl(void *kptr, void *meta) __ksym __weak;

#define bpf_obj_new(type) ((type *)bpf_obj_new_impl(bpf_core_type_id_local(type), NULL))
#define bpf_obj_drop(kptr) bpf_obj_drop_impl(kptr, NULL)

#define TC_ACT_OK 0
#define SCAN_BYTES 16

struct flow_summary {
	__u64 first_seen;
	__u32 len;
	__u32 proto;
	__u8 head[SCAN_BYTES];
};

SEC("tc")
int tc_flow_summary(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct flow_summary *s;
	__u8 *pkt = data;
	int i;

	if (data + SCAN_BYTES > data_end)
		return TC_ACT_OK;
	s = bpf_obj_new(struct flow_summary);
	if (!s)
		return TC_ACT_OK;
	s->first_seen = bpf_ktime_get_ns();
	s->len = skb->len;
	for (i = 0; i < SCAN_BYTES; i++) {
		s->head[i] = pkt[i];
	}
	s->proto = s->head[12] | s->head[13];	/* the EtherType */
	if (s->proto == 0) {
		bpf_obj_drop(s);	/* no EtherType: nothing to mark */
		return TC_ACT_OK;
	}
	bpf_obj_drop(s);
	skb->mark = s->proto | (s->head[0] << 8);	/* BUG: s was freed */
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
