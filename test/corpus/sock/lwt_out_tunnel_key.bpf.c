// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: lwt_out programs do not get the tunnel helpers (only lwt_xmit
 * does): this one calls bpf_skb_get_tunnel_key() and is refused.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define BPF_OK 0

SEC("lwt_out")
int tunnel_id(struct __sk_buff *skb)
{
	struct bpf_tunnel_key key = {};

	if (bpf_skb_get_tunnel_key(skb, &key, sizeof(key), 0))
		return BPF_OK;
	skb->mark = key.tunnel_id;
	return BPF_OK;
}

char LICENSE[] SEC("license") = "GPL";
