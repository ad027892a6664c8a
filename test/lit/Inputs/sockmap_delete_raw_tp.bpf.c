/* A raw tracepoint that deletes from a sockmap: tracing programs may not
 * update or delete sockmap entries (may_update_sockmap).
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_SOCKMAP);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u64);
} socks SEC(".maps");

SEC("raw_tp/inet_sock_set_state")
int drop_closed(struct bpf_raw_tracepoint_args *ctx)
{
	__u32 slot = (__u32)ctx->args[1] & 63;

	bpf_map_delete_elem(&socks, &slot);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
