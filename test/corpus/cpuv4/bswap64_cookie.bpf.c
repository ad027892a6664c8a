// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a 64-bit byte swap (__builtin_bswap64) of a socket cookie before
 * storing it in network order; -mcpu=v4 emits "r = bswap64 r".
 * ORACLE-CFLAGS: -mcpu=v4
 * EXPECT: 6.1 reject, 6.18 accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} last_cookie SEC(".maps");

SEC("tc")
int tc_cookie(struct __sk_buff *skb)
{
	__u32 key = 0;
	__u64 c = __builtin_bswap64(bpf_get_socket_cookie(skb));

	bpf_map_update_elem(&last_cookie, &key, &c, BPF_ANY);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
