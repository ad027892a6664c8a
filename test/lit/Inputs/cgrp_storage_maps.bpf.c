/* Several maps of one type before and after a cgroup local storage map
 * (BPF_MAP_TYPE_CGRP_STORAGE, new in 6.2), for two programs: a map type is
 * checked once per program and kernel, and the unknown one is still found
 * behind the repeated known ones, for every program. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define HASH(N)                                  \
	struct {                                 \
		__uint(type, BPF_MAP_TYPE_HASH); \
		__uint(max_entries, 8);          \
		__type(key, int);                \
		__type(value, __u64);            \
	} N SEC(".maps");

HASH(h1)
HASH(h2)
HASH(h3)

struct {
	__uint(type, BPF_MAP_TYPE_CGRP_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, __u64);
} bytes SEC(".maps");

HASH(h4)

SEC("cgroup_skb/egress")
int count(struct __sk_buff *skb)
{
	int k = 0;
	__u64 *v = bpf_map_lookup_elem(&h1, &k);

	return v ? 1 : 1;
}

SEC("cgroup_skb/ingress")
int count_in(struct __sk_buff *skb)
{
	int k = 0;
	__u64 *v = bpf_map_lookup_elem(&h4, &k);

	return v ? 1 : 1;
}

char LICENSE[] SEC("license") = "GPL";
