// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: an sk_reuseport/migrate program migrates requests of a closed
 * listener: migrating_sk may be NULL (a plain selection), so it is checked
 * before its state is read; the target comes from a reuseport array.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define SK_DROP 0
#define SK_PASS 1

struct {
	__uint(type, BPF_MAP_TYPE_REUSEPORT_SOCKARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u64);
} listeners SEC(".maps");

SEC("sk_reuseport/migrate")
int migrate(struct sk_reuseport_md *reuse)
{
	__u32 idx = 1;

	if (!reuse->migrating_sk)
		return SK_PASS;
	if (reuse->migrating_sk->state == 12 /* TCP_NEW_SYN_RECV */ && reuse->len == 0)
		return SK_DROP;
	if (bpf_sk_select_reuseport(reuse, &listeners, &idx, 0))
		return SK_DROP;
	return SK_PASS;
}

char LICENSE[] SEC("license") = "GPL";
