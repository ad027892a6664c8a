// A netfilter program: a program type 6.1 does not have (added in 6.4).
#define BPF_NO_PRESERVE_ACCESS_INDEX
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("netfilter")
int nf_accept(struct bpf_nf_ctx *ctx)
{
	return 1; /* NF_ACCEPT */
}

char LICENSE[] SEC("license") = "GPL";
