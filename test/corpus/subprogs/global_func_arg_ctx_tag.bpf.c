// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a global helper shared by several program types takes "void *ctx"
 * marked with the arg:ctx BTF decl tag (libbpf's __arg_ctx), so the
 * verifier treats the untyped argument as the program context. Kernels
 * that do not know the tag see a void * argument of unknown size.
 * EXPECT: 6.1 reject, 6.18 accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#ifndef __arg_ctx
#define __arg_ctx __attribute__((btf_decl_tag("arg:ctx")))
#endif

__noinline int emit_cpu(void *ctx __arg_ctx)
{
	return bpf_get_smp_processor_id() + (ctx ? 1 : 0);
}

SEC("tracepoint/sched/sched_switch")
int on_switch(void *ctx)
{
	return emit_cpu(ctx) > 1000;
}

char LICENSE[] SEC("license") = "GPL";
