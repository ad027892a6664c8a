/* An XDP program that reserves metadata room: upstream 6.18 offers
 * bpf_xdp_adjust_meta to XDP programs; the build the 6.18 profile was
 * imported from (btf-db/profiles/6.18/build.json) refuses it. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("xdp")
int reserve_meta(struct xdp_md *ctx)
{
	if (bpf_xdp_adjust_meta(ctx, -4))
		return XDP_ABORTED;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
