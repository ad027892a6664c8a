/* heap.c — the CLI's heap: kept, and in transparent huge pages.
 *
 * A program with BTF-typed pointers (tp_btf, fentry/fexit, LSM, kfuncs,
 * BTF-returning helpers: most programs of today's tracing tools) makes
 * libbpf copy the kernel profile's ~5 MB BTF into a fresh malloc block
 * (btf__new) and index it: with 4 KiB pages ~1,300 page faults, each
 * zeroing its page, and on a virtual machine each fault is dear (on this
 * project's VM, bench/inputs/core_tool.bpf.c spent a third of its run in
 * them). The CLI is a short process that allocates a few MB, so it asks
 * glibc to serve large blocks from the heap rather than a fresh mapping
 * each, never to trim the heap between programs (a block freed after one
 * program is reused by the next, not faulted in again), grows the heap
 * once by 24 MiB and marks that span MADV_HUGEPAGE: the BTF then lands in
 * 2 MiB pages. Pages of the span that are never touched cost nothing.
 * Where transparent huge pages are off, or a call fails, nothing changes
 * but the speed. BPFVERIFY_NO_HUGEPAGES=1 turns it off. Not for the
 * plugin: that runs inside clang's process, whose allocator is not ours
 * to tune.
 */
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "heap.h"

void bv_cli_heap_setup(void)
{
	const size_t span = 24u << 20, huge = 2u << 20;
	const char *off = getenv("BPFVERIFY_NO_HUGEPAGES");
	uintptr_t lo, hi;
	void *p;

	if (off && *off && strcmp(off, "0") != 0)
		return;
	/* 32 MiB is glibc's largest mmap threshold on 64-bit */
	if (!mallopt(M_MMAP_THRESHOLD, 32 << 20) || !mallopt(M_TRIM_THRESHOLD, 128 << 20))
		return;
	p = malloc(span);   /* from the heap now: grows it by the span */
	if (!p)
		return;
	lo = ((uintptr_t)p + huge - 1) & ~(uintptr_t)(huge - 1);
	hi = ((uintptr_t)p + span) & ~(uintptr_t)(huge - 1);
	if (hi > lo)
		madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
	free(p);            /* kept by the heap (trim threshold), reused by the next blocks */
}
