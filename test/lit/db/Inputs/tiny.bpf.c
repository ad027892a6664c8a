/* A tiny BPF object whose .BTF stands in for a kernel's in the db tests:
 * it carries enum bpf_func_id and enum bpf_prog_type, and a struct. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

enum bpf_func_id last_helper = BPF_FUNC_map_lookup_elem;
enum bpf_prog_type prog_type = BPF_PROG_TYPE_XDP;

SEC("xdp")
int tiny(struct xdp_md *ctx)
{
	return ctx->data_end > ctx->data ? XDP_PASS : XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
