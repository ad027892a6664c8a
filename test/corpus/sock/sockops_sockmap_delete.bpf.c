// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: sockops may delete sockmap entries with bpf_map_delete_elem() (an
 * update must use bpf_sock_map_update): on state change to CLOSE the
 * socket's slot is removed.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_SOCKMAP);
	__uint(max_entries, 128);
	__type(key, __u32);
	__type(value, __u64);
} socks SEC(".maps");

SEC("sockops")
int track_close(struct bpf_sock_ops *skops)
{
	__u32 slot = skops->local_port & 127;

	switch (skops->op) {
	case BPF_SOCK_OPS_PASSIVE_ESTABLISHED_CB:
		bpf_sock_map_update(skops, &socks, &slot, BPF_ANY);
		bpf_sock_ops_cb_flags_set(skops, BPF_SOCK_OPS_STATE_CB_FLAG);
		break;
	case BPF_SOCK_OPS_STATE_CB:
		if (skops->args[1] == 7 /* TCP_CLOSE */)
			bpf_map_delete_elem(&socks, &slot);
		break;
	}
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
