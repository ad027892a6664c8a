// Rejections bpfverify gives NO fix-it for (test/lit/cli/fixit-none.test):
// where the edit is not certain, there is none rather than a wrong one.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u64);
} counts SEC(".maps");

// A socket filter: returning 0 drops the packet, so no early exit is its
// pass-through value.
SEC("socket")
int sock_count(struct __sk_buff *skb)
{
	__u32 key = skb->protocol;
	__u64 *v;

	v = bpf_map_lookup_elem(&counts, &key);
	*v += 1;
	return skb->len;
}

// The lookup is in a subprogram: a `return` there is not the program's.
static __noinline __u64 *lookup_of(__u32 key)
{
	__u64 *v = bpf_map_lookup_elem(&counts, &key);

	*v += 1;
	return v;
}

SEC("tracepoint/sched/sched_process_exec")
int count_in_subprog(void *ctx)
{
	lookup_of(bpf_get_smp_processor_id());
	return 0;
}

// The lookup's statement spans two lines.
SEC("tracepoint/sched/sched_process_fork")
int count_split(void *ctx)
{
	__u32 key = 1;
	__u64 *v = bpf_map_lookup_elem(&counts,
				       &key);

	*v += 1;
	return 0;
}

// No data_end in the function to compare with.
SEC("xdp")
int xdp_no_data_end(struct xdp_md *ctx)
{
	struct ethhdr *eth = (void *)(long)ctx->data;

	if (eth->h_proto == 0)
		return XDP_DROP;
	return XDP_PASS;
}

// An index into a pointer, not an array: no length to bound it by.
SEC("tracepoint/sched/sched_process_exit")
int index_pointer(void *ctx)
{
	__u32 key = 0, idx = bpf_get_prandom_u32();
	__u64 *v = bpf_map_lookup_elem(&counts, &key);

	if (!v)
		return 0;
	v[idx] = 1;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
