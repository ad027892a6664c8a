// SPDX-License-Identifier: GPL-2.0
/* Test input for test_object.c: several programs in several sections, a
 * static and a global subprogram, a callback, BTF-defined maps and global
 * data. Line numbers are checked by the test: keep MARK lines in place. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct val_with_lock {
	__u64 pad;
	struct bpf_spin_lock lock;
	__u64 counter;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 128);
	__type(key, __u32);
	__type(value, __u64);
} counts SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__uint(map_flags, 0);
	__type(key, __u32);
	__type(value, struct val_with_lock);
} locked SEC(".maps");

__u64 data_counter = 1;
const volatile __u32 ro_limit = 42;
__u64 bss_total;

static __attribute__((noinline)) int add_one(int x)
{
	return x + 1;
}

static __attribute__((noinline)) int twice(int x)
{
	return add_one(x) + add_one(x);
}

__attribute__((noinline)) int global_helper(int x)
{
	return twice(x) + 3;
}

static long loop_cb(__u32 idx, void *ctx)
{
	bss_total += idx;
	return 0;
}

SEC("xdp")
int xdp_prog(struct xdp_md *ctx)
{
	__u32 key = 0;
	__u64 *v = bpf_map_lookup_elem(&counts, &key); /* MARK: xdp lookup */
	if (v)
		*v += 1;
	return twice(ctx->ingress_ifindex) > 0 ? XDP_PASS : XDP_DROP;
}

SEC("tc")
int tc_prog(struct __sk_buff *skb)
{
	data_counter += ro_limit;
	bpf_loop(4, loop_cb, 0, 0);
	return global_helper(skb->len);
}

SEC("tracepoint/syscalls/sys_enter_openat")
int tp_prog(void *ctx)
{
	__u32 key = 1;
	struct val_with_lock *v = bpf_map_lookup_elem(&locked, &key);
	if (!v)
		return 0;
	bpf_spin_lock(&v->lock);
	v->counter++;
	bpf_spin_unlock(&v->lock);
	return 0;
}

SEC("socket")
int sock_a(struct __sk_buff *skb)
{
	return 0;
}

SEC("socket")
int sock_b(struct __sk_buff *skb)
{
	return add_one(skb->len);
}

SEC("fentry.s/do_unlinkat")
int fentry_s(void *ctx)
{
	return 0;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
