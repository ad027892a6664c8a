// SPDX-License-Identifier: GPL-2.0
/*
 * Packet: the metadata writer of xdp_meta_checked.bpf.c, but the metadata
 * pointer is compared with data_end instead of data.  Metadata lies before
 * data, and only a comparison with data bounds a data_meta pointer.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("xdp")
int xdp_set_meta(struct xdp_md *ctx)
{
	void *data_end, *data_meta;
	__u32 *mark;

	if (bpf_xdp_adjust_meta(ctx, -(int)sizeof(*mark)))
		return XDP_PASS;
	data_end = (void *)(long)ctx->data_end;
	data_meta = (void *)(long)ctx->data_meta;
	mark = data_meta;
	if ((void *)(mark + 1) > data_end)
		return XDP_PASS;
	*mark = 0x2a;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
