// A cgroup/connect_unix program: an attach type 6.1 does not have (6.7).
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("cgroup/connect_unix")
int unix_allow(struct bpf_sock_addr *ctx)
{
	return ctx->user_family == 1;
}

char LICENSE[] SEC("license") = "GPL";
