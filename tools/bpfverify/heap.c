/* heap.c — the CLI's heap in transparent huge pages.
 *
 * Loading a kernel profile's BTF copies ~5 MB into a fresh malloc block
 * (libbpf's btf__new) and indexes it: with 4 KiB pages that is ~1,400 page
 * faults, each zeroing its page, a third or more of the load (bench/btf-db
 * measures the CLI's time outside verification). The CLI is a short process
 * that allocates a few MB, so it asks glibc to serve large blocks from the
 * heap instead of a fresh mapping each, grows the heap once by 24 MiB and
 * marks that span MADV_HUGEPAGE: the BTF then lands in 2 MiB pages. Where
 * transparent huge pages are off, or a call fails, nothing changes but the
 * speed. BPFVERIFY_NO_HUGEPAGES=1 turns it off. Not for the plugin: that
 * runs inside clang's process, whose allocator is not ours to tune.
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
