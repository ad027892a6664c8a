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
 * 2 MiB pages. The heap starts at a 2 MiB boundary and its first huge page
 * is made at once, so the small blocks every run needs (the object, the
 * verifier's states) are in it too: bench/inputs/core_heavy.bpf.c, no BTF
 * copy, ~280 -> ~115 page faults (`bpfverify --version` alone: ~90). Huge
 * pages of the span that are never touched cost nothing.
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

#ifndef MADV_COLLAPSE
#define MADV_COLLAPSE 25   /* Linux 6.1 */
#endif

void bv_cli_heap_setup(void)
{
	const size_t span = 24u << 20, huge = 2u << 20;
	const char *off = getenv("BPFVERIFY_NO_HUGEPAGES");
	uintptr_t start, lo, hi;
	void *p;

	if (off && *off && strcmp(off, "0") != 0)
		return;
#if defined(__SANITIZE_ADDRESS__)
	return;   /* ASan's allocator is not glibc's: nothing here applies */
#endif
	/* 32 MiB is glibc's largest mmap threshold on 64-bit */
	if (!mallopt(M_MMAP_THRESHOLD, 32 << 20) || !mallopt(M_TRIM_THRESHOLD, 128 << 20))
		return;
	/* the heap starts at a 2 MiB boundary, so that its first blocks
	 * (all a small run needs) are in a huge page too */
	start = (uintptr_t)sbrk(0);
	if (start != (uintptr_t)-1 && (start & (huge - 1)) &&
	    sbrk((intptr_t)(huge - (start & (huge - 1)))) != (void *)-1)
		start = (start + huge - 1) & ~(uintptr_t)(huge - 1);
	p = malloc(span);   /* from the heap now: grows it by the span */
	if (!p)
		return;
	/* from the huge page p starts in, when that page is all heap */
	lo = (uintptr_t)p & ~(uintptr_t)(huge - 1);
	if (lo < start || (start & (huge - 1)))
		lo += huge;
	hi = ((uintptr_t)p + span) & ~(uintptr_t)(huge - 1);
	if (hi > lo && madvise((void *)lo, hi - lo, MADV_HUGEPAGE) == 0)
		/* malloc's first block is written before the span is marked, so
		 * the first huge page would stay in 4 KiB pages: collapse it now
		 * (where the kernel can; else it stays as it is) */
		madvise((void *)lo, huge, MADV_COLLAPSE);
	free(p);            /* kept by the heap (trim threshold), reused by the next blocks */
}
